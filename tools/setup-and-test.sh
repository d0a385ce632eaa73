#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root), starts a local PostgreSQL 15 with a test role,
# builds, and runs the whole CTest suite: every database test once on SQLite, once on PostgreSQL.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_missing_packages

PG_USER=merchantdesk_test
PG_PASSWORD=merchantdesk_test
PG_DB=merchantdesk_test
echo "== Starting PostgreSQL"
pg_lsclusters -h | grep -q '^15 *main' || pg_createcluster 15 main
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 30); do
    su postgres -c "psql -Atqc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 1
done
# The tests create and drop a database of their own per test, hence CREATEDB.
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_USER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB') \gexec
SQL
PG_URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:5432/$PG_DB"

build -DMERCHANTDESK_TEST_PG_URL="$PG_URL"

echo "== Running the tests"
cd "$BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
