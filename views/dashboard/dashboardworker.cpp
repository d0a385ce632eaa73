#include "dashboardworker.h"

namespace md {

DashboardWorker::DashboardWorker(const DatabaseSpec &spec)
    : m_spec(spec)
{}

void DashboardWorker::compute(quint64 request, qint64 now)
{
    if (!m_db.isOpen()) {
        // The window already opened (and migrated) this database; this thread needs its own
        // connection to it, opened the way Database::openAnother() does.
        auto opened
            = Database::open(m_spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!opened) {
            emit failed(request, opened.error());
            return;
        }
        m_db = std::move(*opened);
    }
    auto figures = DashboardMetrics::compute(m_db, now);
    if (!figures) {
        emit failed(request, figures.error());
        return;
    }
    emit computed(request, *figures);
}

void DashboardWorker::close()
{
    m_db.close();
}

} // namespace md
