#include "helptext.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace md {

namespace {

constexpr qsizetype kWidth = 79;
constexpr qsizetype kIndent = 2;
constexpr qsizetype kMaxLabel = 28;

QStringList wrap(const QString &text, qsizetype width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        if (!line.isEmpty())
            line += QLatin1Char(' ');
        line += word;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines << line;
    return lines;
}

QString optionLabel(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString label = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        label += QLatin1Char(' ') + option.valueName();
    return label;
}

} // namespace

QString HelpText::table(const QList<QPair<QString, QString>> &rows)
{
    qsizetype labelWidth = 0;
    for (const auto &row : rows)
        labelWidth = std::max(labelWidth, row.first.size());
    labelWidth = std::min(labelWidth, kMaxLabel);
    const qsizetype descriptionColumn = kIndent + labelWidth + 2;
    const QString hanging(descriptionColumn, QLatin1Char(' '));

    QString out;
    for (const auto &[label, description] : rows) {
        QString first = QString(kIndent, QLatin1Char(' ')) + label;
        const QStringList lines = wrap(description, kWidth - descriptionColumn);
        // A label too long for its column gets the description on the next line.
        if (first.size() + 2 > descriptionColumn) {
            out += first + QLatin1Char('\n');
            first = hanging;
        } else {
            first = first.leftJustified(descriptionColumn);
        }
        out += first + lines.first() + QLatin1Char('\n');
        for (qsizetype i = 1; i < lines.size(); ++i)
            out += hanging + lines.at(i) + QLatin1Char('\n');
    }
    return out;
}

QString HelpText::options(const QList<QCommandLineOption> &options)
{
    QList<QPair<QString, QString>> rows;
    for (const QCommandLineOption &option : options) {
        QString description = option.description();
        if (!option.defaultValues().isEmpty()) {
            description += QLatin1Char(' ')
                           + QCoreApplication::translate("md::HelpText", "(default: %1)")
                                 .arg(option.defaultValues().join(QStringLiteral(", ")));
        }
        rows.append({optionLabel(option), description});
    }
    return table(rows);
}

QString HelpText::paragraph(const QString &text)
{
    return wrap(text, kWidth).join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace md
