#include "segmentexport.h"

#include "io/csvwriter.h"

namespace md {

QStringList SegmentExport::columns(const SegmentMembers &members)
{
    QStringList out{QStringLiteral("email"), QStringLiteral("first_name"),
                    QStringLiteral("last_name")};
    for (SegmentField field : members.fields)
        out << SegmentFields::key(field);
    return out;
}

Status SegmentExport::writeMembers(const SegmentMembers &members, QIODevice *device)
{
    CsvWriter csv(device);
    for (const QString &column : columns(members))
        csv.addPlain(column.toUtf8());
    if (auto ended = csv.endRow(); !ended)
        return ended;
    for (const SegmentMember &member : members.rows) {
        csv.addText(member.email);
        csv.addText(member.firstName);
        csv.addText(member.lastName);
        for (const QString &value : member.values)
            csv.addCell(value);
        if (auto ended = csv.endRow(); !ended)
            return ended;
    }
    return csv.flush();
}

} // namespace md
