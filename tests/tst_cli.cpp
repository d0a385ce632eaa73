// Runs the real merchantdesk-cli (MERCHANTDESK_CLI) and checks its exit status, stdout and
// stderr: 0/1/2, nothing on stdout on error, one "merchantdesk-cli: " line on stderr that names
// what and where, and nothing altered by a refused command.

#include "clirun.h"
#include "db/migrations.h"
#include "db/sql.h"
#include "snapshot.h"
#include "testdb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace md;

namespace {

using test::CliRun;

const QString kPrefix = QStringLiteral("merchantdesk-cli: ");

// A refused command: the exit status, an empty stdout and one prefixed line naming `fragments`.
#define VERIFY_CLI_ERROR(run, status, fragments)                                                   \
    do {                                                                                           \
        const CliRun &r_ = (run);                                                                  \
        QVERIFY2(r_.exitCode == (status),                                                          \
                 qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r_.exitCode).arg(r_.err)));  \
        QVERIFY2(r_.out.isEmpty(), qPrintable(QStringLiteral("stdout: ") + r_.out));               \
        QCOMPARE(r_.errLines().size(), 1);                                                         \
        QVERIFY2(r_.err.startsWith(kPrefix), qPrintable(r_.err));                                  \
        for (const QString &fragment_ : QStringList(fragments))                                    \
            QVERIFY2(r_.err.contains(fragment_, Qt::CaseInsensitive),                              \
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(fragment_, r_.err)));      \
    } while (false)

#define VERIFY_CLI_OK(run)                                                                         \
    do {                                                                                           \
        const CliRun &r_ = (run);                                                                  \
        QVERIFY2(r_.exitCode == 0,                                                                 \
                 qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r_.exitCode).arg(r_.err)));  \
    } while (false)

// The table lines of `info`: "  name  count".
std::map<QString, qint64> infoCounts(const QString &out)
{
    static const QRegularExpression line(QStringLiteral("^  ([a-z_]+) +([0-9]+)$"),
                                         QRegularExpression::MultilineOption);
    std::map<QString, qint64> counts;
    auto it = line.globalMatch(out);
    while (it.hasNext()) {
        const auto match = it.next();
        counts[match.captured(1)] = match.captured(2).toLongLong();
    }
    return counts;
}

using test::closedPort;
using test::folderSnapshot;
using test::snapshot;

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void help();
    void version();
    void commandHelp_data();
    void commandHelp();
    void usageErrors_data();
    void usageErrors();

    void initThenInfo();
    void infoDoesNotCreateADatabase();
    void refusesNewerSchema();
    void refusesFileThatIsNotSqlite();
    void refusesReadOnlyFile();
    void environmentFallback();
    void defaultLocation();
    void unreachablePostgres();
    void wrongPassword();
    void passwordFromEnvironment();
    void demoShop();
    void everyCommandOpensTheDatabaseAlike_data();
    void everyCommandOpensTheDatabaseAlike();
    void importReadsTheFileBeforeConnecting();

private:
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment) const
    {
        return test::runCli(arguments, environment);
    }
    CliRun run(const QStringList &arguments) const { return run(arguments, environment()); }
    // No test reads or writes anything outside its own folders.
    QProcessEnvironment environment() const
    {
        return test::isolatedCliEnvironment(m_dataHome.path());
    }
    static bool isPostgres() { return test::backend() == Backend::Postgres; }

    QTemporaryDir m_dataHome;
};

void tst_Cli::initTestCase()
{
    QVERIFY2(QFileInfo(test::cliProgram()).isExecutable(),
             "MERCHANTDESK_CLI must name the merchantdesk-cli executable");
    QVERIFY(m_dataHome.isValid());
}

void tst_Cli::help()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const CliRun r = run({flag});
        VERIFY_CLI_OK(r);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("Usage: merchantdesk-cli [--db DB] COMMAND")));
        // Every command with its summary, and the rule that picks the database.
        static const QRegularExpression init(QStringLiteral("^  init +Create the schema"),
                                             QRegularExpression::MultilineOption);
        static const QRegularExpression info(QStringLiteral("^  info +Show the database"),
                                             QRegularExpression::MultilineOption);
        QVERIFY2(init.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY2(info.match(r.out).hasMatch(), qPrintable(r.out));
        for (const char *text : {"--db DB", "--version", "MERCHANTDESK_DB", "postgresql://",
                                 "MERCHANTDESK_DB_PASSWORD", "Exit status"}) {
            QVERIFY2(r.out.contains(QLatin1String(text)), text);
        }
    }
}

void tst_Cli::version()
{
    for (const QString &flag : {QStringLiteral("--version"), QStringLiteral("-v")}) {
        const CliRun r = run({flag});
        VERIFY_CLI_OK(r);
        QCOMPARE(r.out, QStringLiteral("merchantdesk-cli " MERCHANTDESK_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }
    QCOMPARE(QStringLiteral(MERCHANTDESK_VERSION), QStringLiteral("0.1.0"));
}

void tst_Cli::commandHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const QStringList initOptions = {QStringLiteral("Usage: merchantdesk-cli [--db DB] init"),
                                     QStringLiteral("--demo"),
                                     QStringLiteral("--scale small|medium|large"),
                                     QStringLiteral("--seed N"),
                                     QStringLiteral("--as-of YYYY-MM-DD"),
                                     QStringLiteral("--db DB"),
                                     QStringLiteral("(default: 42)")};
    QTest::newRow("init --help") << QStringList{QStringLiteral("init"), QStringLiteral("--help")}
                                 << initOptions;
    QTest::newRow("init -h after --db")
        << QStringList{QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("init"),
                       QStringLiteral("-h")}
        << initOptions;
    QTest::newRow("info --help") << QStringList{QStringLiteral("info"), QStringLiteral("--help")}
                                 << QStringList{QStringLiteral("Usage: merchantdesk-cli [--db DB] "
                                                               "info"),
                                                QStringLiteral("row count of every table"),
                                                QStringLiteral("--db DB")};
}

void tst_Cli::commandHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QProcessEnvironment env = environment();
    const QString database = dir.filePath(QStringLiteral("untouched.sqlite"));
    env.insert(QStringLiteral("MERCHANTDESK_DB"), database);

    const CliRun r = run(arguments, env);
    VERIFY_CLI_OK(r);
    QVERIFY(r.err.isEmpty());
    for (const QString &text : expected)
        QVERIFY2(r.out.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + r.out));
    QVERIFY2(!r.out.contains(QLatin1String("--version")), "a command's help lists its options");
    QVERIFY2(!QFileInfo::exists(database), "asking for help must not create a database");
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const auto args = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *item : list)
            out << QString::fromUtf8(item);
        return out;
    };
    QTest::newRow("no command") << QStringList{} << args({"No command", "init, info"});
    QTest::newRow("unknown command") << args({"frobnicate"}) << args({"\"frobnicate\"", "init"});
    QTest::newRow("unknown global option") << args({"--frob", "info"}) << args({"'frob'"});
    QTest::newRow("unknown command option")
        << args({"info", "--frob"}) << args({"info:", "'frob'", "info --help"});
    QTest::newRow("value for a flag") << args({"init", "--demo=yes"}) << args({"--demo"});
    QTest::newRow("--db without a value") << args({"info", "--db"}) << args({"'--db'"});
    QTest::newRow("global --db without a value") << args({"--db"}) << args({"'--db'"});
    QTest::newRow("unexpected argument") << args({"info", "extra"}) << args({"\"extra\""});
    QTest::newRow("--db given twice")
        << args({"--db", "a.sqlite", "info", "--db", "b.sqlite"}) << args({"--db", "twice"});
    QTest::newRow("PostgreSQL URL without a database")
        << args({"--db", "postgresql://someone@127.0.0.1", "info"})
        << args({"--db:", "postgresql://someone@127.0.0.1"});
    QTest::newRow("unsupported URL scheme")
        << args({"--db", "mysql://h/db", "init"}) << args({"--db:", "mysql://h/db"});
    QTest::newRow("bad sslmode") << args({"--db", "postgresql://u@h/db?sslmode=maybe", "info"})
                                 << args({"sslmode", "maybe"});
    QTest::newRow("--scale huge") << args({"init", "--demo", "--scale", "huge"})
                                  << args({"--scale", "\"huge\"", "small", "large"});
    QTest::newRow("--seed abc") << args({"init", "--demo", "--seed", "abc"})
                                << args({"--seed", "\"abc\""});
    QTest::newRow("--seed negative")
        << args({"init", "--demo", "--seed=-5"}) << args({"--seed", "\"-5\""});
    QTest::newRow("--seed too large")
        << args({"init", "--demo", "--seed", "18446744073709551616"}) << args({"--seed"});
    QTest::newRow("--as-of month 13") << args({"init", "--demo", "--as-of", "2026-13-01"})
                                      << args({"--as-of", "\"2026-13-01\"", "YYYY-MM-DD"});
    QTest::newRow("--as-of February 30")
        << args({"init", "--demo", "--as-of", "2025-02-30"}) << args({"--as-of", "\"2025-02-30\""});
    QTest::newRow("--as-of not ISO")
        << args({"init", "--demo", "--as-of", "30.06.2025"}) << args({"--as-of", "\"30.06.2025\""});
    QTest::newRow("--seed without --demo")
        << args({"init", "--seed", "7"}) << args({"--seed", "--demo"});
    QTest::newRow("--scale without --demo")
        << args({"init", "--scale", "large"}) << args({"--scale", "--demo"});
    // --format: one message for every command, naming the value and the formats.
    QTest::newRow("reprice --format xml")
        << args({"reprice", "--format", "xml"})
        << args({"reprice: --format \"xml\" is not a format; use table|csv|json"});
    QTest::newRow("crosssell --format json")
        << args({"crosssell", "--format", "json"})
        << args({"crosssell: --format \"json\" is not a format; use table|csv"});
    QTest::newRow("import --format excel")
        << args({"import", "products", "p.csv", "--format", "excel"})
        << args({"import: --format \"excel\" is not a format; use "
                 "auto|native|shopify|woocommerce"});
    QTest::newRow("reprice --format empty")
        << args({"reprice", "--format="}) << args({"--format \"\"", "table|csv|json"});
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("MERCHANTDESK_DB"), dir.filePath(QStringLiteral("never.sqlite")));

    const CliRun r = run(arguments, env);
    VERIFY_CLI_ERROR(r, 1, expected);
    // Usage is checked before anything is opened: no database, no journal, nothing.
    QVERIFY2(QDir(dir.path()).isEmpty(), "a usage error must not create anything");
    QDirIterator anywhere(m_dataHome.path(), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY2(!anywhere.hasNext(), "nothing may appear in the default location either");
}

void tst_Cli::initThenInfo()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    const QString latest = QString::number(Migrations::latestVersion());
    const QString display = scratch.spec().displayName();

    CliRun r = run({QStringLiteral("--db"), scratch.location(), QStringLiteral("init")});
    VERIFY_CLI_OK(r);
    QCOMPARE(r.out, QStringLiteral("Created the MerchantDesk schema (version %1) in %2\n"
                                   "Created 16 built-in segments (docs/segments.md lists their "
                                   "rules)\n"
                                   "Created 4 loyalty tiers (docs/loyalty.md lists them)\n")
                        .arg(latest, display));
    QVERIFY(r.err.isEmpty());

    // The option may also follow the command.
    r = run({QStringLiteral("init"), QStringLiteral("--db"), scratch.location()});
    VERIFY_CLI_OK(r);
    QCOMPARE(r.out, QStringLiteral("%1 is up to date (schema version %2)\n").arg(display, latest));

    {
        auto db = scratch.open();
        MD_VERIFY(db);
        for (const char *name : {"a", "b", "c"}) {
            MD_VERIFY(sql::exec(db->sql(),
                                QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?)"),
                                {QString::fromLatin1(name), QStringLiteral("v")}));
        }
    }

    r = run({QStringLiteral("--db"), scratch.location(), QStringLiteral("info")});
    VERIFY_CLI_OK(r);
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.contains(QStringLiteral("Database:       ") + display), qPrintable(r.out));
    QVERIFY2(r.out.contains(
                 QStringLiteral("Backend:        ")
                 + (isPostgres() ? QStringLiteral("PostgreSQL ") : QStringLiteral("SQLite 3."))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Schema version: %1 (this program: %1)").arg(latest)),
             qPrintable(r.out));
    if (isPostgres()) {
        QVERIFY2(!r.out.contains(QLatin1Char(':') + scratch.spec().password + QLatin1Char('@')),
                 "info must not show the password");
    }

    auto db = scratch.open();
    MD_VERIFY(db);
    auto expected = db->tableCounts();
    MD_VERIFY(expected);
    const auto shown = infoCounts(r.out);
    QCOMPARE(shown.size(), expected->size());
    for (const auto &[table, count] : *expected) {
        QVERIFY2(shown.count(table), qPrintable(table));
        QCOMPARE(shown.at(table), count);
    }
    QCOMPARE(shown.at(QStringLiteral("settings")), 3);
    QCOMPARE(shown.at(QStringLiteral("schema_migrations")), qint64(Migrations::all().size()));
    QVERIFY(shown.count(QStringLiteral("products")) && shown.count(QStringLiteral("customers")));
}

void tst_Cli::infoDoesNotCreateADatabase()
{
    if (isPostgres())
        QSKIP("a missing SQLite file; the _sqlite variant runs it");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
    const CliRun r = run({QStringLiteral("--db"), path, QStringLiteral("info")});
    VERIFY_CLI_ERROR(r, 2, QStringList{path});
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void tst_Cli::refusesNewerSchema()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    VERIFY_CLI_OK(run({QStringLiteral("--db"), scratch.location(), QStringLiteral("init")}));
    {
        auto db = scratch.open();
        MD_VERIFY(db);
        MD_VERIFY(
            sql::exec(db->sql(), QStringLiteral("INSERT INTO schema_migrations (version, name, "
                                                "applied_at) VALUES (999, 'from the future', 0)")));
    }
    const QStringList before = snapshot(scratch);
    QVERIFY(before.join(QLatin1Char('\n'))
                .contains(
                    QLatin1String(isPostgres() ? "migration 999 from the future" : "shop.sqlite")));

    for (const QString &command : {QStringLiteral("info"), QStringLiteral("init")}) {
        const CliRun r = run({QStringLiteral("--db"), scratch.location(), command});
        VERIFY_CLI_ERROR(r, 2,
                         (QStringList{QStringLiteral("newer"), QStringLiteral("999"),
                                      scratch.spec().displayName()}));
        QCOMPARE(snapshot(scratch), before);
    }
}

void tst_Cli::refusesFileThatIsNotSqlite()
{
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Shopping list:\n- milk\n- eggs\n");
    file.close();
    const QStringList before = folderSnapshot(dir.path());

    for (const QString &command : {QStringLiteral("info"), QStringLiteral("init")}) {
        const CliRun r = run({QStringLiteral("--db"), path, command});
        VERIFY_CLI_ERROR(r, 2, (QStringList{path, QStringLiteral("not a SQLite database")}));
        QCOMPARE(folderSnapshot(dir.path()), before);
    }
}

void tst_Cli::refusesReadOnlyFile()
{
    if (isPostgres())
        QSKIP("a file check; the _sqlite variant runs it");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.sqlite"));
    VERIFY_CLI_OK(run({QStringLiteral("--db"), path, QStringLiteral("init")}));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QStringList before = folderSnapshot(dir.path());

    for (const QString &command : {QStringLiteral("info"), QStringLiteral("init")}) {
        const CliRun r = run({QStringLiteral("--db"), path, command});
        VERIFY_CLI_ERROR(r, 2, (QStringList{path, QStringLiteral("read-only")}));
        QCOMPARE(folderSnapshot(dir.path()), before);
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void tst_Cli::environmentFallback()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("MERCHANTDESK_DB"), scratch.location());

    CliRun r = run({QStringLiteral("init")}, env);
    VERIFY_CLI_OK(r);
    QVERIFY2(r.out.contains(scratch.spec().displayName()), qPrintable(r.out));
    {
        auto db = scratch.open(Database::Options{.migrate = false, .createIfMissing = false});
        MD_VERIFY(db);
        auto version = db->schemaVersion();
        MD_VERIFY(version);
        QCOMPARE(*version, Migrations::latestVersion());
    }
    r = run({QStringLiteral("info")}, env);
    VERIFY_CLI_OK(r);
    QVERIFY(r.out.contains(QStringLiteral("Database:       ") + scratch.spec().displayName()));

    // --db wins over the environment.
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    env.insert(QStringLiteral("MERCHANTDESK_DB"), other);
    r = run({QStringLiteral("--db"), scratch.location(), QStringLiteral("info")}, env);
    VERIFY_CLI_OK(r);
    QVERIFY(r.out.contains(scratch.spec().displayName()));
    QVERIFY(!QFileInfo::exists(other));

    // A malformed MERCHANTDESK_DB is named as the culprit.
    env.insert(QStringLiteral("MERCHANTDESK_DB"), QStringLiteral("postgresql://nobody@host"));
    VERIFY_CLI_ERROR(run({QStringLiteral("info")}, env), 1,
                     QStringList{QStringLiteral("MERCHANTDESK_DB")});
}

void tst_Cli::defaultLocation()
{
    QTemporaryDir dataHome;
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.path());

    CliRun r = run({QStringLiteral("init")}, env);
    VERIFY_CLI_OK(r);
    QStringList created;
    QDirIterator it(dataHome.path(), {QStringLiteral("*.sqlite")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        created << it.next();
    QCOMPARE(created.size(), 1);
    // Where the desktop app looks too: QStandardPaths' AppDataLocation for MerchantDesk.
    QCOMPARE(created.first(),
             dataHome.filePath(QStringLiteral("MerchantDesk/MerchantDesk/merchantdesk.sqlite")));
    QVERIFY2(r.out.contains(created.first()), qPrintable(r.out));

    r = run({QStringLiteral("info")}, env);
    VERIFY_CLI_OK(r);
    QVERIFY(r.out.contains(QStringLiteral("Database:       ") + created.first()));
    // The help names the same default.
    r = run({QStringLiteral("--help")}, env);
    QVERIFY(r.out.simplified().contains(created.first()));
}

void tst_Cli::unreachablePostgres()
{
    const int port = closedPort();
    const QString url
        = QStringLiteral("postgresql://merchantdesk:secret-pw@127.0.0.1:%1/shop").arg(port);
    for (const QString &command : {QStringLiteral("info"), QStringLiteral("init")}) {
        const CliRun r = run({QStringLiteral("--db"), url, command});
        VERIFY_CLI_ERROR(r, 2,
                         (QStringList{QStringLiteral("127.0.0.1:%1").arg(port),
                                      QStringLiteral("Connection refused")}));
        QVERIFY2(!r.err.contains(QLatin1String("secret-pw")), "the password must not be shown");
    }
}

void tst_Cli::wrongPassword()
{
    if (!isPostgres())
        QSKIP("needs the PostgreSQL server; the _postgres variant runs it");
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    DatabaseSpec wrong = scratch.spec();
    wrong.password = QStringLiteral("not-the-password-42");
    const QStringList before = snapshot(scratch);

    for (const QString &command : {QStringLiteral("info"), QStringLiteral("init")}) {
        const CliRun r = run({QStringLiteral("--db"), wrong.toString(true), command});
        VERIFY_CLI_ERROR(
            r, 2,
            (QStringList{wrong.serverAddress(), QStringLiteral("password authentication failed")}));
        QVERIFY2(!r.err.contains(wrong.password), "the password must not be shown");
        QCOMPARE(snapshot(scratch), before);
    }
}

void tst_Cli::passwordFromEnvironment()
{
    if (!isPostgres())
        QSKIP("needs the PostgreSQL server; the _postgres variant runs it");
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    const QString withoutPassword = scratch.spec().toString(false);
    QVERIFY(
        !withoutPassword.contains(QLatin1Char(':') + scratch.spec().password + QLatin1Char('@')));

    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("MERCHANTDESK_DB_PASSWORD"), scratch.spec().password);
    VERIFY_CLI_OK(run({QStringLiteral("--db"), withoutPassword, QStringLiteral("init")}, env));

    // Neither the variable nor a keyring (no D-Bus session here): the server's refusal, and
    // how to give the password.
    const CliRun r = run({QStringLiteral("--db"), withoutPassword, QStringLiteral("info")});
    VERIFY_CLI_ERROR(
        r, 2,
        (QStringList{scratch.spec().serverAddress(), QStringLiteral("MERCHANTDESK_DB_PASSWORD")}));
}

void tst_Cli::demoShop()
{
    test::ScratchDatabase scratch;
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    const QStringList db = {QStringLiteral("--db"), scratch.location()};

    CliRun r = run(db
                   + QStringList{QStringLiteral("init"), QStringLiteral("--demo"),
                                 QStringLiteral("--seed"), QStringLiteral("7"),
                                 QStringLiteral("--as-of"), QStringLiteral("2025-06-30")});
    VERIFY_CLI_OK(r);
    QVERIFY2(r.out.contains(QLatin1String("Demo shop (small, seed 7, as of 2025-06-30):")),
             qPrintable(r.out));
    QVERIFY2(!r.errLines().isEmpty(), "progress lines on stderr");
    for (const QString &line : r.errLines())
        QVERIFY2(line.startsWith(QLatin1String("init: demo shop ")), qPrintable(line));
    const auto summary = infoCounts(r.out);

    r = run(db + QStringList{QStringLiteral("info")});
    VERIFY_CLI_OK(r);
    const auto counts = infoCounts(r.out);
    const auto between = [&](const char *table, qint64 low, qint64 high) {
        const QString name = QString::fromLatin1(table);
        const qint64 count = counts.count(name) ? counts.at(name) : -1;
        return low <= count && count <= high;
    };
    QVERIFY2(between("products", 450, 550), qPrintable(r.out));
    QVERIFY2(between("customers", 1800, 2200), qPrintable(r.out));
    QVERIFY2(between("orders", 18000, 22000), qPrintable(r.out));
    QVERIFY2(between("order_lines", 20000, 1000000), qPrintable(r.out));
    QVERIFY2(between("plans", 3, 3), qPrintable(r.out));
    QVERIFY2(between("loyalty_tiers", 4, 4), qPrintable(r.out));
    // The summary of init shows the same non-empty tables.
    for (const auto &[table, count] : summary)
        QCOMPARE(counts.at(table), count);

    // A second demo into a filled shop is refused and changes nothing.
    r = run(db + QStringList{QStringLiteral("init"), QStringLiteral("--demo")});
    VERIFY_CLI_ERROR(r, 2, QStringList{scratch.spec().displayName()});
    r = run(db + QStringList{QStringLiteral("info")});
    VERIFY_CLI_OK(r);
    QCOMPARE(infoCounts(r.out), counts);
}

void tst_Cli::everyCommandOpensTheDatabaseAlike_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto args = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *item : list)
            out << QString::fromUtf8(item);
        return out;
    };
    // Arguments each command accepts, so that what happens next is the database's doing.
    // FILE is replaced by a small readable products CSV.
    QTest::newRow("init") << args({"init"});
    QTest::newRow("info") << args({"info"});
    QTest::newRow("import") << args({"import", "products", "FILE"});
    QTest::newRow("import baskets") << args({"import", "baskets", "FILE"});
    QTest::newRow("export") << args({"export", "products", "out.csv"});
    QTest::newRow("reprice") << args({"reprice", "--dry-run"});
    QTest::newRow("reprice-undo") << args({"reprice-undo", "1"});
    QTest::newRow("inventory") << args({"inventory", "pull"});
    QTest::newRow("jobs") << args({"jobs", "list"});
    QTest::newRow("entitlement") << args({"entitlement", "ann@example.com", "shipping_speed"});
    QTest::newRow("boxes") << args({"boxes", "compose", "--cycle", "2027-01", "--dry-run"});
    QTest::newRow("crosssell") << args({"crosssell"});
    QTest::newRow("recommend") << args({"recommend", "P1"});
}

void tst_Cli::everyCommandOpensTheDatabaseAlike()
{
    if (isPostgres())
        QSKIP("no database of the backend is used; the _sqlite variant runs it");
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("products.csv"));
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sku,title,base_price\nA-1,Tea,3.50\n");
    }
    arguments.replaceInStrings(QStringLiteral("FILE"), csv);
    const QString command = arguments.first();
    const auto withDb = [&](const QString &db) {
        return QStringList{QStringLiteral("--db"), db} + arguments;
    };
    const QStringList before = folderSnapshot(dir.path());

    // A malformed location: a usage error naming where it came from.
    VERIFY_CLI_ERROR(run(withDb(QStringLiteral("mysql://h/db"))), 1,
                     (QStringList{QStringLiteral("--db:"), QStringLiteral("mysql://h/db")}));
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("MERCHANTDESK_DB"), QStringLiteral("postgresql://nobody@host"));
    VERIFY_CLI_ERROR(run(arguments, env), 1, QStringList{QStringLiteral("MERCHANTDESK_DB:")});

    // A server that does not answer: a data error naming it, without the password.
    const int port = closedPort();
    const CliRun refused
        = run(withDb(QStringLiteral("postgresql://md:secret-pw@127.0.0.1:%1/shop").arg(port)));
    VERIFY_CLI_ERROR(refused, 2,
                     (QStringList{QStringLiteral("127.0.0.1:%1").arg(port),
                                  QStringLiteral("Connection refused")}));
    QVERIFY2(!refused.err.contains(QLatin1String("secret-pw")), "the password must not be shown");

    // A SQLite file that is not there: only init creates one.
    const QString missing = dir.filePath(QStringLiteral("missing.sqlite"));
    const CliRun r = run(withDb(missing));
    if (command == QLatin1String("init")) {
        VERIFY_CLI_OK(r);
        QVERIFY(QFileInfo::exists(missing));
        return;
    }
    VERIFY_CLI_ERROR(r, 2, QStringList{missing});
    QCOMPARE(folderSnapshot(dir.path()), before);
}

void tst_Cli::importReadsTheFileBeforeConnecting()
{
    // An unreadable file is the error to fix, whatever the database: it is named, and nothing
    // was connected to (so an older database is not migrated for nothing).
    QTemporaryDir dir;
    const QString absent = dir.filePath(QStringLiteral("absent.csv"));
    const int port = closedPort();
    const CliRun r = run({QStringLiteral("--db"),
                          QStringLiteral("postgresql://md@127.0.0.1:%1/shop").arg(port),
                          QStringLiteral("import"), QStringLiteral("products"), absent});
    VERIFY_CLI_ERROR(r, 2, QStringList{absent});
    QVERIFY2(!r.err.contains(QLatin1String("Connection refused")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
