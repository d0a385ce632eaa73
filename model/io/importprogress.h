#pragma once

// How far an import has come, for a progress bar: the bytes of the file read so far while the
// rows are checked and staged, then the stages that work on all rows at once.

#include <QtGlobal>

namespace md {

struct ImportProgress
{
    enum class Stage { Reading, Checking, Writing };

    Stage stage = Stage::Reading;
    qint64 bytesRead = 0;
    qint64 totalBytes = 0;
    qint64 rows = 0;

    int percent() const
    {
        if (stage != Stage::Reading)
            return stage == Stage::Checking ? 95 : 98;
        return totalBytes > 0 ? int(bytesRead * 95 / totalBytes) : 0;
    }
};

} // namespace md
