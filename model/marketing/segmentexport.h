#pragma once

// A segment's members as CSV: email, first_name, last_name, then one column per field the rule
// uses (named by its key), holding the value that made the row match.

#include "core/result.h"
#include "segmentservice.h"

class QIODevice;

namespace md {

class SegmentExport
{
public:
    static Status writeMembers(const SegmentMembers &members, QIODevice *device);
    // The header: email, first_name, last_name and the field keys.
    static QStringList columns(const SegmentMembers &members);
};

} // namespace md
