#pragma once

// The commands merchantdesk-cli knows, in the order the help lists them. A new command is a
// Command subclass in its own file plus one line in CommandRegistry::standard().

#include "command.h"

#include <memory>
#include <vector>

namespace md {

class CommandRegistry
{
public:
    static CommandRegistry standard();

    void add(std::unique_ptr<Command> command);
    Command *find(const QString &name) const;
    const std::vector<std::unique_ptr<Command>> &commands() const { return m_commands; }
    QStringList names() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace md
