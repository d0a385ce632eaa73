#pragma once

// Runs one database call in a worker thread with its own connection (QtSql connections belong
// to the thread that opened them) and hands the result to `done` in the owner's thread. For the
// short but unbounded jobs of a page (undoing a run of a million changes, applying a proposal)
// so the window keeps painting. The owner waits for its calls before it goes (waitForAll()).

#include "core/result.h"
#include "db/database.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace md {

class BackgroundCalls : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundCalls(const DatabaseSpec &spec, QObject *parent = nullptr)
        : QObject(parent)
        , m_spec(spec)
    {}
    ~BackgroundCalls() override { waitForAll(); }

    bool isBusy() const { return !m_threads.isEmpty(); }

    template<typename T>
    void run(std::function<Result<T>(const Database &)> work,
             std::function<void(const Result<T> &)> done)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        const DatabaseSpec spec = m_spec;
        QThread *thread = QThread::create([spec, work, result] {
            auto db = Database::open(spec,
                                     Database::Options{.migrate = false, .createIfMissing = false});
            if (!db)
                result->emplace(fail(db.error()));
            else
                result->emplace(work(*db));
        });
        m_threads.append(thread);
        connect(thread, &QThread::finished, this, [this, thread, result, done] {
            m_threads.removeAll(thread);
            thread->deleteLater();
            done(**result);
            emit idle();
        });
        thread->start();
    }

    void waitForAll()
    {
        for (QThread *thread : std::as_const(m_threads)) {
            disconnect(thread, nullptr, this, nullptr);
            thread->wait();
            delete thread;
        }
        m_threads.clear();
    }

signals:
    void idle();

private:
    DatabaseSpec m_spec;
    QList<QThread *> m_threads;
};

} // namespace md
