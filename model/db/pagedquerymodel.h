#pragma once

// A read-only table model over a query of any size: it counts the matching rows, then fetches
// pages of rows on demand on a worker thread with its own connection, and keeps a bounded number
// of pages. A million products open as fast as a hundred and memory stays flat while scrolling.
// Search, sort and a fixed filter are turned into SQL, with user text always bound.
// Not a Task<T> (core/task.h): its fetcher is long-lived, one connection for every page request.

#include "databasespec.h"
#include "dialect.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>
#include <QVariant>

namespace md {

enum class ColumnKind { Text, Integer, Money, Decimal, DateTime, Flag };

struct PagedColumn
{
    QString title;      // header, already translated
    QString expression; // SQL expression in the SELECT list
    ColumnKind kind = ColumnKind::Text;
    bool sortable = true; // ORDER BY expression (an index on it keeps deep pages fast)
};

struct PagedQuerySpec
{
    QString from;                       // "products", or a join
    QString key = QStringLiteral("id"); // unique row id expression; also the sort tie-breaker
    QList<PagedColumn> columns;
    QStringList searchExpressions; // matched case-insensitively against %text%
    int defaultSortColumn = 0;
    Qt::SortOrder defaultSortOrder = Qt::AscendingOrder;
};

class PagedQueryWorker;

class PagedQueryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;

    enum Role { KeyRole = Qt::UserRole + 1, RawValueRole };

    PagedQueryModel(const DatabaseSpec &database, PagedQuerySpec query, QObject *parent = nullptr);
    ~PagedQueryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    const PagedQuerySpec &querySpec() const { return m_query; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Matches any search expression; an empty text shows everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // A condition with ? placeholders that is always applied (e.g. the lines of one order).
    void setFixedFilter(const QString &condition, const QVariantList &values);
    // Counts and fetches again (after the data changed).
    void reload();

    // The row's key, or -1 while its page is still loading.
    qint64 keyForRow(int row) const;
    // The value of a column as stored (cents, epoch seconds), or invalid while loading.
    QVariant rawValue(int row, int column) const;
    bool isLoading() const { return m_loading; }
    // The exact row count has arrived (the first page is shown before it).
    bool isCounted() const { return m_counted; }
    QString lastError() const { return m_lastError; }
    // Spins the event loop until the count and the first page arrived (tests and benchmarks).
    bool waitUntilLoaded(int timeoutMs = 30000);

    // How a stored value is shown (locale-aware money, local time, yes/no).
    static QString displayText(const QVariant &raw, ColumnKind kind);

signals:
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);
    void rowCountKnown(int rows);

private:
    struct Page
    {
        QList<QVariantList> rows;
        quint64 lastUse = 0;
    };

    void restart();
    const QVariantList *cachedRow(int row) const;
    void want(int page) const;
    void requestNext();
    struct PageQuery
    {
        QString sql;
        bool reversed = false; // rows come back last-first and are turned around
    };

    void onFirstPageFetched(quint64 generation, const QList<QVariantList> &rows,
                            const QString &error);
    void onCounted(quint64 generation, qint64 rows, const QString &error);
    void onFetched(quint64 generation, int page, const QList<QVariantList> &rows,
                   const QString &error);
    void evictPages();
    void setLoading(bool loading);
    void reportError(const QString &error);
    QString whereClause() const;
    QVariantList whereValues() const;
    PageQuery selectSql(int page) const;

    PagedQuerySpec m_query;
    Dialect m_dialect;
    QThread m_thread;
    PagedQueryWorker *m_worker = nullptr;

    QString m_searchText;
    QString m_fixedFilter;
    QVariantList m_fixedValues;
    int m_sortColumn = 0;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    quint64 m_generation = 0;
    int m_rows = 0;
    bool m_counted = false;
    bool m_loading = false;
    int m_inFlight = 0; // jobs posted to the worker, of any generation
    QString m_lastError;

    // data() is const but asks for pages: the cache and the wish list are bookkeeping.
    mutable QHash<int, Page> m_pages;
    mutable QList<int> m_wanted; // most recent last
    mutable quint64 m_useClock = 0;
    mutable bool m_requestScheduled = false;
};

} // namespace md
