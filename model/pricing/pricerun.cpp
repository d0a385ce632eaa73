#include "pricerun.h"

namespace md {

QString PriceRunInfo::sourceKey(PriceRunSource source)
{
    switch (source) {
    case PriceRunSource::Manual:
        return QStringLiteral("manual");
    case PriceRunSource::Schedule:
        return QStringLiteral("schedule");
    case PriceRunSource::Cli:
        return QStringLiteral("cli");
    case PriceRunSource::Undo:
        return QStringLiteral("undo");
    }
    return {};
}

std::optional<PriceRunSource> PriceRunInfo::sourceFromKey(const QString &key)
{
    for (const auto source : {PriceRunSource::Manual, PriceRunSource::Schedule, PriceRunSource::Cli,
                              PriceRunSource::Undo}) {
        if (sourceKey(source) == key)
            return source;
    }
    return std::nullopt;
}

QString PriceRunInfo::sourceName(PriceRunSource source)
{
    switch (source) {
    case PriceRunSource::Manual:
        return tr("Manual");
    case PriceRunSource::Schedule:
        return tr("Schedule");
    case PriceRunSource::Cli:
        return tr("Command line");
    case PriceRunSource::Undo:
        return tr("Undo");
    }
    return {};
}

} // namespace md
