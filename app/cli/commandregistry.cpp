#include "commandregistry.h"

#include "boxescommand.h"
#include "crosssellcommand.h"
#include "entitlementcommand.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "infocommand.h"
#include "initcommand.h"
#include "inventorycommand.h"
#include "jobscommand.h"
#include "loyaltycommand.h"
#include "recommendcommand.h"
#include "repricecommand.h"
#include "repriceundocommand.h"
#include "segmentcommand.h"

#include <QStringList>

namespace md {

CommandRegistry CommandRegistry::standard()
{
    CommandRegistry registry;
    registry.add(std::make_unique<InitCommand>());
    registry.add(std::make_unique<InfoCommand>());
    registry.add(std::make_unique<ImportCommand>());
    registry.add(std::make_unique<ExportCommand>());
    registry.add(std::make_unique<RepriceCommand>());
    registry.add(std::make_unique<RepriceUndoCommand>());
    registry.add(std::make_unique<InventoryCommand>());
    registry.add(std::make_unique<JobsCommand>());
    registry.add(std::make_unique<EntitlementCommand>());
    registry.add(std::make_unique<BoxesCommand>());
    registry.add(std::make_unique<CrossSellCommand>());
    registry.add(std::make_unique<RecommendCommand>());
    registry.add(std::make_unique<SegmentCommand>());
    registry.add(std::make_unique<LoyaltyCommand>());
    return registry;
}

void CommandRegistry::add(std::unique_ptr<Command> command)
{
    m_commands.push_back(std::move(command));
}

Command *CommandRegistry::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QStringList CommandRegistry::names() const
{
    QStringList names;
    for (const auto &command : m_commands)
        names << command->name();
    return names;
}

} // namespace md
