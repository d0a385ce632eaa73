#pragma once

// Where a PostgreSQL password comes from when the URL carries none: MERCHANTDESK_DB_PASSWORD
// (the headless fallback for cron and CI), then the system keyring. With neither, libpq still
// tries PGPASSWORD and ~/.pgpass on its own.

#include "databasespec.h"

namespace md {

// Fills spec.password if it is empty. Returns a note for the user when the keyring could not be
// asked (no D-Bus session, for example); an empty string otherwise.
QString resolvePassword(DatabaseSpec &spec);

} // namespace md
