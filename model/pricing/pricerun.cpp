#include "pricerun.h"

namespace md {

QString PriceRunInfo::sourceLabel(PriceRunSource source)
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
