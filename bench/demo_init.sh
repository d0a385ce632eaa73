#!/usr/bin/env bash
# How long `merchantdesk-cli init --demo` takes on SQLite and on PostgreSQL, against the reference
# of loading the very same rows from CSV files with each database's own loader (sqlite3 .import,
# psql \copy). Figures and commands go to docs/BENCHMARKS.md, "Demo shop generation".
#
#   bench/demo_init.sh [BUILD_DIR]            BUILD_DIR defaults to ./build
#
# Environment (all optional):
#   SCALE=large    the demo size; SCALE=small tries the script out in seconds
#   RUNS=3         hyperfine runs per variant; every figure is the median
#   SEED=42 AS_OF=2026-06-30
#                  the shop generated: fixed, so every run writes exactly the same rows
#   WORK=/tmp/merchantdesk-bench-demo
#                  scratch folder; large needs about 10 GB (two SQLite files, the CSV files)
#   PG_URL=postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/merchantdesk
#                  a server and a role with CREATEDB, without ?options; the script creates and
#                  drops its own databases md_bench_gen and md_bench_ref there
#
# What runs, in this order:
#   1. the generator on SQLite: each run into a fresh file;
#   2. the generator on PostgreSQL: each run into a freshly created, empty database;
#      both under /usr/bin/time, which records the client's peak resident memory per run;
#   3. the rows of the generated SQLite file are exported, table by table, to CSV (sqlite3 -csv:
#      NULL is an empty field, an empty text is ""), the same files for both references;
#   4. reference, SQLite: an empty schema (merchantdesk-cli init), then one sqlite3 session in
#      one transaction: secondary indexes dropped, each CSV .import-ed into a staging table and
#      copied into its table (an empty field becomes NULL where the column allows NULL, because
#      .import has no notion of NULL), the indexes rebuilt;
#   5. reference, PostgreSQL: an empty schema, then one psql transaction: secondary indexes and
#      foreign keys dropped, \copy of each CSV, indexes and keys restored, identities reset,
#      ANALYZE.
# The references load the way the generator does (indexes and foreign keys deferred; sqlite3's
# shell has foreign keys off by default), so the ratio is the price of generating the rows on top
# of writing them.
#
# Needs: hyperfine, sqlite3, psql, python3, /usr/bin/time. Output: a Markdown summary on stdout
# and in $WORK/summary.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CLI="$BUILD/app/cli/merchantdesk-cli"
SCALE=${SCALE:-large}
RUNS=${RUNS:-3}
SEED=${SEED:-42}
AS_OF=${AS_OF:-2026-06-30}
WORK=${WORK:-/tmp/merchantdesk-bench-demo}
PG_URL=${PG_URL:-postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/merchantdesk}
PG_SERVER=${PG_URL%/*}
PG_GEN="$PG_SERVER/md_bench_gen"
PG_REF="$PG_SERVER/md_bench_ref"

for tool in hyperfine sqlite3 psql python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "demo_init.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$CLI" ] || { echo "demo_init.sh: build merchantdesk-cli first ($CLI)" >&2; exit 1; }
psql "$PG_URL" -qtAc "SELECT 1" >/dev/null ||
    { echo "demo_init.sh: cannot reach PostgreSQL at $PG_URL" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK/csv"
DEMO_ARGS="init --demo --scale $SCALE --seed $SEED --as-of $AS_OF"

# Tables in the order the generator writes them: parents before children.
TABLES="settings loyalty_tiers plans features plan_features badges challenges products price_runs
price_changes customers suppressions orders order_lines events subscriptions
subscription_status_log referrals points_ledger customer_badges challenge_progress"

recreate_pg() { # database name → a shell command for hyperfine --prepare (run by sh)
    echo "psql '$PG_URL' -qc 'DROP DATABASE IF EXISTS $1 WITH (FORCE)' -c 'CREATE DATABASE $1'"
}
median() { # hyperfine JSON → median seconds
    python3 -c 'import json,sys; print("%.1f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
median_rss_mb() { # file of /usr/bin/time %M lines (KiB) → median MB
    sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] / 1024 }'
}

echo "== 1. generator on SQLite ($SCALE, $RUNS runs)"
GEN_SQLITE_CMD="$CLI --db $WORK/gen.sqlite $DEMO_ARGS"
hyperfine --runs "$RUNS" --export-json "$WORK/gen_sqlite.json" \
    --prepare "rm -f $WORK/gen.sqlite $WORK/gen.sqlite-wal $WORK/gen.sqlite-shm" \
    "/usr/bin/time -a -o $WORK/gen_sqlite.rss -f %M $GEN_SQLITE_CMD"

echo "== 2. generator on PostgreSQL ($SCALE, $RUNS runs)"
GEN_PG_CMD="$CLI --db $PG_GEN $DEMO_ARGS"
hyperfine --runs "$RUNS" --export-json "$WORK/gen_pg.json" \
    --prepare "$(recreate_pg md_bench_gen)" \
    "/usr/bin/time -a -o $WORK/gen_pg.rss -f %M $GEN_PG_CMD"

echo "== 3. the same rows as CSV"
ROWS=0
for table in $TABLES; do
    sqlite3 -header -csv "$WORK/gen.sqlite" "SELECT * FROM \"$table\"" >"$WORK/csv/$table.csv"
    ROWS=$((ROWS + $(sqlite3 "$WORK/gen.sqlite" "SELECT COUNT(*) FROM \"$table\"")))
done
CSV_SIZE=$(du -sh "$WORK/csv" | cut -f1)
echo "$ROWS rows, $CSV_SIZE of CSV"

# The sqlite3 script: staging tables hold text, so nullable columns turn "" back into NULL.
{
    echo "PRAGMA cache_size = -262144;"
    echo "BEGIN IMMEDIATE;"
    echo "CREATE TEMP TABLE saved_indexes AS SELECT name, sql FROM sqlite_master"
    echo "  WHERE type = 'index' AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE%';"
    echo ".headers off"
    echo ".mode list"
    echo ".once $WORK/drop_indexes.sql"
    echo "SELECT 'DROP INDEX \"' || name || '\";' FROM saved_indexes;"
    echo ".read $WORK/drop_indexes.sql"
    for table in $TABLES; do
        columns=$(sqlite3 "$WORK/gen.sqlite" "SELECT group_concat(CASE WHEN \"notnull\" OR pk
            THEN '\"' || name || '\"' ELSE 'NULLIF(\"' || name || '\", '''')' END, ', ')
            FROM pragma_table_info('$table')")
        echo ".import --csv $WORK/csv/$table.csv staging"
        echo "INSERT INTO \"$table\" SELECT $columns FROM staging;"
        echo "DROP TABLE staging;"
    done
    echo ".once $WORK/create_indexes.sql"
    echo "SELECT sql || ';' FROM saved_indexes;"
    echo ".read $WORK/create_indexes.sql"
    echo "COMMIT;"
} >"$WORK/load_sqlite.sql"

# The psql script, run as one transaction (psql -1).
{
    echo "SET maintenance_work_mem = '256MB';"
    echo "CREATE TEMP TABLE saved (position serial, kind text, tbl text, name text, def text);"
    echo "INSERT INTO saved (kind, tbl, name, def)"
    echo "  SELECT 'index', tc.relname, ic.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x"
    echo "  JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class tc ON tc.oid = x.indrelid"
    echo "  JOIN pg_namespace ns ON ns.oid = tc.relnamespace"
    echo "  WHERE ns.nspname = current_schema() AND NOT x.indisunique AND NOT x.indisprimary;"
    echo "INSERT INTO saved (kind, tbl, name, def)"
    echo "  SELECT 'fkey', tc.relname, con.conname, pg_get_constraintdef(con.oid)"
    echo "  FROM pg_constraint con JOIN pg_class tc ON tc.oid = con.conrelid"
    echo "  JOIN pg_namespace ns ON ns.oid = tc.relnamespace"
    echo "  WHERE con.contype = 'f' AND ns.nspname = current_schema();"
    echo "DO \$\$ DECLARE r record; BEGIN"
    echo "  FOR r IN SELECT * FROM saved WHERE kind = 'fkey' LOOP"
    echo "    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.tbl, r.name); END LOOP;"
    echo "  FOR r IN SELECT * FROM saved WHERE kind = 'index' LOOP"
    echo "    EXECUTE format('DROP INDEX %I', r.name); END LOOP;"
    echo "END \$\$;"
    for table in $TABLES; do
        echo "\\copy $table FROM '$WORK/csv/$table.csv' WITH (FORMAT csv, HEADER true)"
    done
    echo "DO \$\$ DECLARE r record; BEGIN"
    echo "  FOR r IN SELECT * FROM saved WHERE kind = 'index' ORDER BY position LOOP"
    echo "    EXECUTE r.def; END LOOP;"
    echo "  FOR r IN SELECT * FROM saved WHERE kind = 'fkey' ORDER BY position LOOP"
    echo "    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', r.tbl, r.name, r.def);"
    echo "  END LOOP;"
    echo "  FOR r IN SELECT table_name FROM information_schema.columns"
    echo "      WHERE table_schema = current_schema() AND column_name = 'id'"
    echo "      AND is_identity = 'YES' LOOP"
    echo "    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''),"
    echo "      COALESCE((SELECT MAX(id) FROM %I), 0) + 1, false)', r.table_name, r.table_name);"
    echo "  END LOOP;"
    echo "END \$\$;"
    echo "ANALYZE;"
} >"$WORK/load_pg.sql"

echo "== 4. reference: sqlite3 .import ($RUNS runs)"
REF_SQLITE_CMD="sqlite3 $WORK/ref.sqlite < $WORK/load_sqlite.sql"
hyperfine --runs "$RUNS" --export-json "$WORK/ref_sqlite.json" \
    --prepare "rm -f $WORK/ref.sqlite*; $CLI --db $WORK/ref.sqlite init >/dev/null" \
    "$REF_SQLITE_CMD"
# The reference must have loaded exactly the generated rows.
for table in orders order_lines; do
    [ "$(sqlite3 "$WORK/ref.sqlite" "SELECT COUNT(*), SUM(id) FROM $table")" = \
      "$(sqlite3 "$WORK/gen.sqlite" "SELECT COUNT(*), SUM(id) FROM $table")" ] ||
        { echo "demo_init.sh: the sqlite3 reference lost rows of $table" >&2; exit 1; }
done

echo "== 5. reference: psql \\copy ($RUNS runs)"
REF_PG_CMD="psql $PG_REF -q -v ON_ERROR_STOP=1 -1 -f $WORK/load_pg.sql"
hyperfine --runs "$RUNS" --export-json "$WORK/ref_pg.json" \
    --prepare "$(recreate_pg md_bench_ref); $CLI --db $PG_REF init >/dev/null" \
    "$REF_PG_CMD"
[ "$(psql "$PG_REF" -qtAc "SELECT COUNT(*) FROM order_lines")" = \
  "$(psql "$PG_GEN" -qtAc "SELECT COUNT(*) FROM order_lines")" ] ||
    { echo "demo_init.sh: the psql reference lost rows" >&2; exit 1; }

GEN_SQLITE=$(median "$WORK/gen_sqlite.json")
GEN_PG=$(median "$WORK/gen_pg.json")
REF_SQLITE=$(median "$WORK/ref_sqlite.json")
REF_PG=$(median "$WORK/ref_pg.json")
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }

{
    echo "Demo shop: scale $SCALE, seed $SEED, as of $AS_OF: $ROWS rows ($CSV_SIZE as CSV)."
    echo "Medians of $RUNS runs; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| backend | init --demo | peak RSS (client) | CSV reference | ratio |"
    echo "|---|---|---|---|---|"
    echo "| SQLite | ${GEN_SQLITE} s | $(median_rss_mb "$WORK/gen_sqlite.rss") MB | ${REF_SQLITE} s (sqlite3 .import) | $(ratio "$GEN_SQLITE" "$REF_SQLITE") |"
    echo "| PostgreSQL | ${GEN_PG} s | $(median_rss_mb "$WORK/gen_pg.rss") MB | ${REF_PG} s (psql \\copy) | $(ratio "$GEN_PG" "$REF_PG") |"
    echo
    echo "Commands:"
    echo
    echo '```sh'
    echo "$GEN_SQLITE_CMD"
    echo "$GEN_PG_CMD"
    echo "$REF_SQLITE_CMD"
    echo "$REF_PG_CMD"
    echo '```'
} | tee "$WORK/summary.md"

psql "$PG_URL" -qc "DROP DATABASE IF EXISTS md_bench_gen WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS md_bench_ref WITH (FORCE)"
