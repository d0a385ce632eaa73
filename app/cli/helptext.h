#pragma once

// Lays out the help screens of merchantdesk-cli: two-column lists (commands, options) with the
// descriptions wrapped to a terminal's width.

#include <QCommandLineOption>
#include <QList>
#include <QPair>
#include <QString>

namespace md {

class HelpText
{
public:
    // "  -h, --help     description" lines, one option per entry, defaults mentioned.
    static QString options(const QList<QCommandLineOption> &options);
    // "  name   description" lines.
    static QString table(const QList<QPair<QString, QString>> &rows);
    // Wraps a paragraph to the help width.
    static QString paragraph(const QString &text);
};

} // namespace md
