#pragma once

// Installs the translators for the language chosen in the settings (or the system's): the
// project's own catalogue from :/i18n and Qt's own strings (dialog buttons and the like).

class QCoreApplication;
class QString;

namespace md {

// Returns the language code in use ("de", or "en" when no catalogue matched).
QString installTranslators(QCoreApplication &app);

} // namespace md
