#pragma once

// The segments a new shop starts with (created by init when it has none, editable afterwards).
// docs/segments.md documents each rule.

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace md {

struct BuiltInSegment
{
    QString name;
    QString description;
    QByteArray definition; // JSON
};

class BuiltInSegments
{
    Q_DECLARE_TR_FUNCTIONS(md::BuiltInSegments)

public:
    static std::vector<BuiltInSegment> all();
};

} // namespace md
