#include "pagedquerymodel.h"

#include "core/money.h"
#include "database.h"
#include "dialect.h"
#include "sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace md {

// Runs the model's queries on its own thread and connection, one job at a time, so a slow
// count or a deep page never blocks the window.
class PagedQueryWorker : public QObject
{
    Q_OBJECT

public:
    explicit PagedQueryWorker(const DatabaseSpec &spec)
        : m_spec(spec)
    {}

    // The first page goes out before the count: it is what the view paints first, and a page
    // that is not full already is the count, so small results need no COUNT(*) at all.
    void fetchFirstThenCount(quint64 generation, const QString &pageSql, const QString &countSql,
                             const QVariantList &values)
    {
        auto rows = read(pageSql, values, false);
        if (!rows) {
            emit firstPageFetched(generation, {}, rows.error());
            emit counted(generation, 0, rows.error());
            return;
        }
        const qint64 onFirstPage = rows->size();
        emit firstPageFetched(generation, *rows, QString());
        if (onFirstPage < PagedQueryModel::kPageSize) {
            emit counted(generation, onFirstPage, QString());
            return;
        }
        auto total = sql::scalar(m_db.sql(), countSql, values);
        emit counted(generation, total ? total->toLongLong() : 0, total.error());
    }

    void fetch(quint64 generation, int page, const QString &pageSql, const QVariantList &values,
               bool reversed)
    {
        auto rows = read(pageSql, values, reversed);
        emit fetched(generation, page, rows ? *rows : QList<QVariantList>(), rows.error());
    }

    void close() { m_db.close(); }

signals:
    void firstPageFetched(quint64 generation, const QList<QVariantList> &rows,
                          const QString &error);
    void counted(quint64 generation, qint64 rows, const QString &error);
    void fetched(quint64 generation, int page, const QList<QVariantList> &rows,
                 const QString &error);

private:
    Result<QList<QVariantList>> read(const QString &pageSql, const QVariantList &values,
                                     bool reversed)
    {
        if (auto opened = ensureOpen(); !opened)
            return fail(opened.error());
        auto query = sql::select(m_db.sql(), pageSql, values);
        if (!query)
            return fail(query.error());
        QList<QVariantList> rows;
        rows.reserve(PagedQueryModel::kPageSize);
        const int columns = query->record().count();
        while (query->next()) {
            QVariantList row;
            row.reserve(columns);
            for (int column = 0; column < columns; ++column)
                row << query->value(column);
            rows << row;
        }
        if (reversed)
            std::reverse(rows.begin(), rows.end());
        return rows;
    }

    Status ensureOpen()
    {
        if (m_db.isOpen())
            return {};
        auto db
            = Database::open(m_spec, Database::Options{.migrate = false, .createIfMissing = false});
        if (!db)
            return fail(db.error());
        m_db = std::move(*db);
        return {};
    }

    DatabaseSpec m_spec;
    Database m_db;
};

PagedQueryModel::PagedQueryModel(const DatabaseSpec &database, PagedQuerySpec query,
                                 QObject *parent)
    : QAbstractTableModel(parent)
    , m_query(std::move(query))
    , m_dialect(database.backend)
    , m_sortColumn(m_query.defaultSortColumn)
    , m_sortOrder(m_query.defaultSortOrder)
{
    m_worker = new PagedQueryWorker(database);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &PagedQueryWorker::firstPageFetched, this,
            &PagedQueryModel::onFirstPageFetched);
    connect(m_worker, &PagedQueryWorker::counted, this, &PagedQueryModel::onCounted);
    connect(m_worker, &PagedQueryWorker::fetched, this, &PagedQueryModel::onFetched);
    m_thread.setObjectName(QStringLiteral("PagedQueryModel"));
    m_thread.start();
    // The first query starts from the event loop, so a filter, search or sort set right after
    // construction replaces it instead of running after an unfiltered count of the whole table.
    setLoading(true);
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation)
                restart();
        },
        Qt::QueuedConnection);
}

PagedQueryModel::~PagedQueryModel()
{
    // The connection belongs to the worker's thread and must be closed there.
    QMetaObject::invokeMethod(m_worker, &PagedQueryWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

int PagedQueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PagedQueryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_query.columns.size());
}

QVariant PagedQueryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PagedColumn &column = m_query.columns.at(index.column());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column.kind == ColumnKind::Integer || column.kind == ColumnKind::Money
                             || column.kind == ColumnKind::Decimal;
        return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != RawValueRole
        && role != KeyRole) {
        return {};
    }
    const QVariantList *row = cachedRow(index.row());
    if (!row) {
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("Loading…");
        return {};
    }
    if (role == KeyRole)
        return row->last();
    const QVariant &raw = row->at(index.column());
    if (role == Qt::DisplayRole)
        return displayText(raw, column.kind);
    return raw;
}

QVariant PagedQueryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < m_query.columns.size()) {
        return m_query.columns.at(section).title;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void PagedQueryModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_query.columns.size() || !m_query.columns.at(column).sortable)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    restart();
}

void PagedQueryModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    restart();
}

void PagedQueryModel::setFixedFilter(const QString &condition, const QVariantList &values)
{
    m_fixedFilter = condition;
    m_fixedValues = values;
    restart();
}

void PagedQueryModel::reload()
{
    restart();
}

qint64 PagedQueryModel::keyForRow(int row) const
{
    const QVariantList *cached = cachedRow(row);
    return cached ? cached->last().toLongLong() : -1;
}

QVariant PagedQueryModel::rawValue(int row, int column) const
{
    const QVariantList *cached = cachedRow(row);
    if (!cached || column < 0 || column >= m_query.columns.size())
        return {};
    return cached->at(column);
}

bool PagedQueryModel::waitUntilLoaded(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!m_lastError.isEmpty())
            return false;
        if (m_counted && (m_rows == 0 || m_pages.contains(0)))
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return false;
}

QString PagedQueryModel::displayText(const QVariant &raw, ColumnKind kind)
{
    if (raw.isNull())
        return {};
    const QLocale locale;
    switch (kind) {
    case ColumnKind::Text:
        return raw.toString();
    case ColumnKind::Integer:
        return locale.toString(raw.toLongLong());
    case ColumnKind::Money:
        return money::format(raw.toLongLong(), locale);
    case ColumnKind::Decimal:
        return locale.toString(raw.toDouble(), 'f', 2);
    case ColumnKind::DateTime:
        return locale.toString(QDateTime::fromSecsSinceEpoch(raw.toLongLong()).toLocalTime(),
                               QLocale::ShortFormat);
    case ColumnKind::Flag:
        return raw.toInt() ? tr("Yes") : tr("No");
    }
    return raw.toString();
}

const QVariantList *PagedQueryModel::cachedRow(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        want(page);
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    const int offset = row % kPageSize;
    // A page can come back shorter than expected when rows were deleted since the count.
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

void PagedQueryModel::restart()
{
    ++m_generation;
    beginResetModel();
    m_rows = 0;
    m_counted = false;
    m_pages.clear();
    m_wanted.clear();
    m_lastError.clear();
    endResetModel();

    ++m_inFlight;
    setLoading(true);
    const quint64 generation = m_generation;
    const QString pageSql = selectSql(0).sql;
    const QString countSql
        = QStringLiteral("SELECT COUNT(*) FROM %1%2").arg(m_query.from, whereClause());
    const QVariantList values = whereValues();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, pageSql, countSql, values] {
        worker->fetchFirstThenCount(generation, pageSql, countSql, values);
    });
}

void PagedQueryModel::want(int page) const
{
    m_wanted.removeOne(page);
    m_wanted.append(page);
    // Only the most recently wanted pages matter: while scrolling fast the view has long left
    // the older ones behind.
    while (m_wanted.size() > 8)
        m_wanted.removeFirst();
    if (!m_requestScheduled) {
        m_requestScheduled = true;
        // data() must not start work directly; ask once the view has finished painting.
        auto *self = const_cast<PagedQueryModel *>(this);
        QMetaObject::invokeMethod(self, &PagedQueryModel::requestNext, Qt::QueuedConnection);
    }
}

void PagedQueryModel::requestNext()
{
    m_requestScheduled = false;
    if (m_inFlight > 0 || !m_counted)
        return;
    while (!m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        if (m_pages.contains(page) || qint64(page) * kPageSize >= m_rows)
            continue;
        ++m_inFlight;
        setLoading(true);
        const quint64 generation = m_generation;
        const PageQuery query = selectSql(page);
        const QVariantList values = whereValues();
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, page, query, values] {
            worker->fetch(generation, page, query.sql, values, query.reversed);
        });
        return;
    }
    setLoading(false);
}

void PagedQueryModel::onFirstPageFetched(quint64 generation, const QList<QVariantList> &rows,
                                         const QString &error)
{
    if (generation != m_generation)
        return;
    if (!error.isEmpty()) {
        reportError(error);
        return;
    }
    // Shown at once; the rows after it appear when the count arrives.
    m_pages.insert(0, Page{rows, ++m_useClock});
    if (!rows.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(rows.size()) - 1);
        m_rows = int(rows.size());
        endInsertRows();
    }
}

void PagedQueryModel::onCounted(quint64 generation, qint64 rows, const QString &error)
{
    --m_inFlight;
    if (generation != m_generation) {
        requestNext();
        return;
    }
    if (!error.isEmpty()) {
        // A failed first page already reported the same error.
        if (m_lastError.isEmpty())
            reportError(error);
        else if (m_inFlight == 0)
            setLoading(false);
        return;
    }
    m_counted = true;
    const int count = int(qMin<qint64>(rows, std::numeric_limits<int>::max()));
    if (count > m_rows) {
        beginInsertRows(QModelIndex(), m_rows, count - 1);
        m_rows = count;
        endInsertRows();
    } else if (count < m_rows) {
        // Rows were deleted between the first page and the count.
        beginRemoveRows(QModelIndex(), count, m_rows - 1);
        m_rows = count;
        endRemoveRows();
    }
    emit rowCountKnown(count);
    requestNext();
}

void PagedQueryModel::onFetched(quint64 generation, int page, const QList<QVariantList> &rows,
                                const QString &error)
{
    --m_inFlight;
    if (generation == m_generation) {
        if (!error.isEmpty()) {
            reportError(error);
        } else if (m_counted) {
            m_pages.insert(page, Page{rows, ++m_useClock});
            m_wanted.removeOne(page);
            evictPages();
            const int first = page * kPageSize;
            const int last = qMin(first + kPageSize, m_rows) - 1;
            if (last >= first)
                emit dataChanged(index(first, 0), index(last, columnCount() - 1));
        }
    }
    if (m_lastError.isEmpty())
        requestNext();
    else if (m_inFlight == 0)
        setLoading(false);
}

void PagedQueryModel::evictPages()
{
    while (m_pages.size() > kMaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

void PagedQueryModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void PagedQueryModel::reportError(const QString &error)
{
    m_lastError = error;
    m_wanted.clear();
    if (m_inFlight == 0)
        setLoading(false);
    emit errorOccurred(error);
}

QString PagedQueryModel::whereClause() const
{
    QStringList conditions;
    if (!m_fixedFilter.isEmpty())
        conditions << QLatin1Char('(') + m_fixedFilter + QLatin1Char(')');
    if (!m_searchText.isEmpty() && !m_query.searchExpressions.isEmpty()) {
        QStringList matches;
        for (const QString &expression : m_query.searchExpressions) {
            matches << QStringLiteral("%1 %2 ? ESCAPE '\\'")
                           .arg(expression, m_dialect.likeInsensitive());
        }
        conditions << QLatin1Char('(') + matches.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    if (conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

QVariantList PagedQueryModel::whereValues() const
{
    QVariantList values = m_fixedValues;
    if (!m_searchText.isEmpty()) {
        const QString pattern
            = QLatin1Char('%') + Dialect::escapeLike(m_searchText) + QLatin1Char('%');
        for (qsizetype i = 0; i < m_query.searchExpressions.size(); ++i)
            values << pattern;
    }
    return values;
}

PagedQueryModel::PageQuery PagedQueryModel::selectSql(int page) const
{
    QStringList columns;
    for (const PagedColumn &column : m_query.columns)
        columns << column.expression;
    columns << m_query.key;

    // A page in the second half is read from the end in the opposite order, so OFFSET never
    // skips more than half of the rows: the last page of a million is as fast as the first.
    qint64 offset = qint64(page) * kPageSize;
    qint64 limit = kPageSize;
    const bool reversed = m_counted && offset > m_rows / 2;
    if (reversed) {
        limit = qMin<qint64>(kPageSize, m_rows - offset);
        offset = m_rows - offset - limit;
    }
    const bool ascending = (m_sortOrder == Qt::AscendingOrder) != reversed;
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QString order;
    if (m_sortColumn >= 0 && m_sortColumn < m_query.columns.size()
        && m_query.columns.at(m_sortColumn).sortable) {
        order = m_query.columns.at(m_sortColumn).expression + QLatin1Char(' ') + direction
                + QStringLiteral(", ");
    }
    order += m_query.key + QLatin1Char(' ') + direction;

    const QString sql
        = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5 OFFSET %6")
              .arg(columns.join(QLatin1String(", ")), m_query.from, whereClause(), order)
              .arg(limit)
              .arg(offset);
    return {sql, reversed};
}

} // namespace md

#include "pagedquerymodel.moc"
