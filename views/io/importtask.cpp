#include "importtask.h"

#include "db/database.h"

#include <QLocale>
#include <QThread>

namespace md {

ImportTask::ImportTask(const DatabaseSpec &database, const CsvImporter &importer,
                       const ImportOptions &options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_importer(importer)
    , m_options(options)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{}

ImportTask::~ImportTask()
{
    if (m_thread) {
        m_cancelled->store(true);
        m_thread->wait();
    }
}

bool ImportTask::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportTask::cancel()
{
    m_cancelled->store(true);
}

void ImportTask::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] {
        // The worker's own connection: QtSql connections belong to the thread that opened them.
        auto db = Database::open(m_database, {.migrate = false, .createIfMissing = false});
        if (!db) {
            m_result = Result<ImportSummary>(fail(db.error()));
            return;
        }
        const auto cancelled = m_cancelled;
        m_result = m_importer.run(*db, m_options, [this, cancelled](const ImportProgress &p) {
            QString text;
            switch (p.stage) {
            case ImportProgress::Stage::Reading:
                text = tr("Reading and checking row %1…").arg(QLocale().toString(p.rows));
                break;
            case ImportProgress::Stage::Checking:
                text = tr("Checking keys and references…");
                break;
            case ImportProgress::Stage::Writing:
                text = tr("Writing to the database…");
                break;
            }
            const int percent = p.percent();
            // Queued to the GUI thread; dropped when the task is gone by then.
            QMetaObject::invokeMethod(this,
                                      [this, percent, text] { emit progress(percent, text); });
            return !cancelled->load();
        });
    }));
    connect(m_thread.get(), &QThread::finished, this, &ImportTask::finished, Qt::QueuedConnection);
    m_thread->start();
}

} // namespace md
