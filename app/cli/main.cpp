// merchantdesk-cli: MerchantDesk's jobs without a window, for scripts, cron and systemd.

#include "commandline.h"
#include "commandregistry.h"
#include "core/translations.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The desktop app's identity (app/gui/main.cpp), so both find the same default database,
    // settings and language.
    QCoreApplication::setOrganizationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("MerchantDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERCHANTDESK_VERSION));
    md::installTranslators(app);

    md::CommandLine commandLine(md::CommandRegistry::standard());
    return commandLine.run(QCoreApplication::arguments());
}
