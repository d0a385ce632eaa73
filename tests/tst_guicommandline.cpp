// The window's command line: --help and --version answer on a machine without a display (a
// server, an SSH session, a packaging check), and a wrong argument is refused before any window.

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_GuiCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void helpNeedsNoDisplay();
    void versionNeedsNoDisplay();
    void twoDatabasesAreRefused();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs the window binary with no display at all: no X11, no Wayland, no platform override.
    Run run(const QStringList &arguments, const QString &platform = {});
    QString m_gui;
    QTemporaryDir m_home;
};

void tst_GuiCommandLine::init()
{
    m_gui = qEnvironmentVariable("MERCHANTDESK_GUI");
    QVERIFY2(QFileInfo(m_gui).isExecutable(), "MERCHANTDESK_GUI must name the merchantdesk binary");
    QVERIFY(m_home.isValid());
}

tst_GuiCommandLine::Run tst_GuiCommandLine::run(const QStringList &arguments,
                                                const QString &platform)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "MERCHANTDESK_DB"})
        env.remove(QString::fromLatin1(name));
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(m_gui, arguments);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void tst_GuiCommandLine::helpNeedsNoDisplay()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Run result = run({flag});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("--db <database>"), result.out.constData());
        QVERIFY2(result.out.contains("The back office of a small online shop."),
                 result.out.constData());
        QVERIFY2(!result.err.contains("platform plugin"), result.err.constData());
    }
}

void tst_GuiCommandLine::versionNeedsNoDisplay()
{
    const Run result = run({QStringLiteral("--version")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out.trimmed(), QByteArray("MerchantDesk " MERCHANTDESK_VERSION));
}

void tst_GuiCommandLine::twoDatabasesAreRefused()
{
    // Anything but help and version needs the GUI application, so this runs offscreen.
    const Run result = run({QStringLiteral("a.sqlite"), QStringLiteral("b.sqlite")},
                           QStringLiteral("offscreen"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("give one database, either with --db or as the file argument "
                                 "(got \"a.sqlite\", \"b.sqlite\")"),
             result.err.constData());
    QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("a.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_GuiCommandLine)
#include "tst_guicommandline.moc"
