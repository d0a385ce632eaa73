#include "pricingrun.h"

namespace md {

QString PricingRunInfo::sourceLabel(PricingRunSource source)
{
    switch (source) {
    case PricingRunSource::Manual:
        return tr("Manual");
    case PricingRunSource::Schedule:
        return tr("Schedule");
    case PricingRunSource::Cli:
        return tr("Command line");
    case PricingRunSource::Undo:
        return tr("Undo");
    }
    return {};
}

} // namespace md
