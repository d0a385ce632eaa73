#pragma once

// "segment": saved customer segments. list, create, update, rename, duplicate, delete, count
// (the number alone, for scripts) and members (table or CSV), each as of a moment. Every action
// is one entry of the action table in segmentcommand.cpp and calls SegmentService.

#include "command.h"

#include <QCoreApplication>

namespace md {

class SegmentCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(md::SegmentCommand)

public:
    QString name() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    QString positionalSyntax() const override;
    int run(const QCommandLineParser &arguments, const DatabaseOpener &database,
            Console &console) override;
};

} // namespace md
