#!/usr/bin/env bash
# CSV import and export against each database's own bulk loader, measured in the same run.
# Figures and commands go to docs/BENCHMARKS.md, "CSV import and export".
#
#   bench/csv_import_export.sh [BUILD_DIR]        BUILD_DIR defaults to ./build
#
# Environment (all optional):
#   RUNS=3        hyperfine runs per variant; every figure is the median
#   ROWS=1000000  products in the generated file (bench/csv_generate_products.py, ~60 MB)
#   LINES=10000000
#                 order lines in the export database
#   WORK=/tmp/merchantdesk-bench-csv
#                 scratch folder (about 2 GB)
#   STEPS=import,export
#                 which halves to run
#   PG_URL=postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/merchantdesk
#                 a server and a role with CREATEDB, without ?options; the script creates and
#                 drops its own databases md_bench_csv_import, md_bench_csv_ref, md_bench_csv_export
#
# What runs:
#   1. merchantdesk-cli import products FILE into a fresh SQLite file (init beforehand, not
#      timed): parse, check every value, stage, upsert, commit;
#   2. sqlite3 .import of the same file into an equivalent table in a fresh file; sqlite3 gets
#      the same 256 MB page cache the importer uses (and, once, its default cache for scale);
#      1 and 2 take turns run by run;
#   3. and 4. the same on PostgreSQL: merchantdesk-cli import against psql \copy into an
#      equivalent table, each in a freshly created database, taking turns;
#   5. merchantdesk-cli export order_lines of a database holding LINES order lines (made with
#      one INSERT ... SELECT per table, not timed), on SQLite and PostgreSQL, under /usr/bin/time
#      for the client's peak resident memory.
#
# "Equivalent table": the file's ten columns (sku ... demand_score) with the constraints of
# products (NOT NULL, UNIQUE sku, the CHECKs), a row id as primary key and the same four
# secondary indexes (title, category, current price, stock). The money columns are REAL
# (SQLite) / NUMERIC(14,2) (PostgreSQL) because the loaders cannot turn "19.99" into cents;
# sqlite3's table is not STRICT because .import writes an empty field as '' and STRICT refuses
# '' in a REAL column. merchantdesk-cli's table also has is_exclusive, created_at and updated_at.
#
# Needs: hyperfine, sqlite3, psql, python3, /usr/bin/time. Output: a Markdown summary on stdout
# and in $WORK/summary.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CLI="$BUILD/app/cli/merchantdesk-cli"
RUNS=${RUNS:-3}
ROWS=${ROWS:-1000000}
LINES=${LINES:-10000000}
WORK=${WORK:-/tmp/merchantdesk-bench-csv}
STEPS=${STEPS:-import,export}
PG_URL=${PG_URL:-postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/merchantdesk}
PG_SERVER=${PG_URL%/*}
PG_IMPORT="$PG_SERVER/md_bench_csv_import"
PG_REF="$PG_SERVER/md_bench_csv_ref"
PG_EXPORT="$PG_SERVER/md_bench_csv_export"

for tool in hyperfine sqlite3 psql python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "csv_import_export.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$CLI" ] || { echo "csv_import_export.sh: build merchantdesk-cli first ($CLI)" >&2; exit 1; }
psql "$PG_URL" -qtAc "SELECT 1" >/dev/null ||
    { echo "csv_import_export.sh: cannot reach PostgreSQL at $PG_URL" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
recreate_pg() { # database name → a shell command for hyperfine --prepare
    echo "psql '$PG_URL' -qc 'DROP DATABASE IF EXISTS $1 WITH (FORCE)' -c 'CREATE DATABASE $1'"
}
median() { # hyperfine JSON files → median seconds of all their runs
    python3 -c 'import json,statistics,sys; print("%.2f" % statistics.median(t for f in sys.argv[1:] for t in json.load(open(f))["results"][0]["times"]))' "$@"
}
median_rss_mb() { # file of /usr/bin/time %M lines (KiB) → median MB
    sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] / 1024 }'
}
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }

if [[ $STEPS == *import* ]]; then
FILE="$WORK/products.csv"
echo "== 0. $ROWS products as CSV"
python3 "$ROOT/bench/csv_generate_products.py" "$ROWS" "$FILE"
FILE_MB=$(du -m "$FILE" | cut -f1)

cat >"$WORK/eq_sqlite.sql" <<'SQL'
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE products (
    sku TEXT NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 100 AND sku = trim(sku)),
    title TEXT NOT NULL CHECK (length(title) > 0),
    category TEXT NOT NULL DEFAULT '',
    cost REAL CHECK (cost >= 0),
    base_price REAL NOT NULL CHECK (base_price >= 0),
    current_price REAL NOT NULL CHECK (current_price >= 0),
    min_price REAL CHECK (min_price >= 0),
    max_price REAL CHECK (max_price >= 0),
    stock_level INTEGER NOT NULL DEFAULT 0 CHECK (stock_level >= 0),
    demand_score REAL NOT NULL DEFAULT 0 CHECK (demand_score >= 0),
    CHECK (min_price IS NULL OR max_price IS NULL OR min_price <= max_price)
);
-- SQLite's indexes end in the rowid: (title) here is (title, id) in products.
CREATE INDEX products_title ON products (title);
CREATE INDEX products_category ON products (category);
CREATE INDEX products_price ON products (current_price);
CREATE INDEX products_stock ON products (stock_level);
SQL

cat >"$WORK/eq_pg.sql" <<'SQL'
CREATE TABLE products_eq (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 100 AND sku = trim(sku)),
    title TEXT NOT NULL CHECK (length(title) > 0),
    category TEXT NOT NULL DEFAULT '',
    cost NUMERIC(14, 2) CHECK (cost >= 0),
    base_price NUMERIC(14, 2) NOT NULL CHECK (base_price >= 0),
    current_price NUMERIC(14, 2) NOT NULL CHECK (current_price >= 0),
    min_price NUMERIC(14, 2) CHECK (min_price >= 0),
    max_price NUMERIC(14, 2) CHECK (max_price >= 0),
    stock_level INTEGER NOT NULL DEFAULT 0 CHECK (stock_level >= 0),
    demand_score DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (demand_score >= 0),
    CHECK (min_price IS NULL OR max_price IS NULL OR min_price <= max_price)
);
CREATE INDEX products_eq_title ON products_eq (title, id);
CREATE INDEX products_eq_category ON products_eq (category, id);
CREATE INDEX products_eq_price ON products_eq (current_price, id);
CREATE INDEX products_eq_stock ON products_eq (stock_level, id);
SQL

SQ_OURS="$WORK/ours.sqlite"
SQ_REF="$WORK/ref.sqlite"
# The two sides take turns, run by run, so that a change in the machine's load hits both alike.
echo "== 1. and 2. merchantdesk-cli import against sqlite3 .import, SQLite ($RUNS runs each)"
for run in $(seq "$RUNS"); do
    hyperfine --runs 1 --export-json "$WORK/import_sqlite_$run.json" \
        --prepare "rm -f $SQ_OURS*; $CLI --db $SQ_OURS init >/dev/null" \
        "/usr/bin/time -a -o $WORK/import_sqlite.rss -f %M $CLI --db $SQ_OURS import products $FILE"
    hyperfine --runs 1 --export-json "$WORK/ref_sqlite_$run.json" \
        --prepare "rm -f $SQ_REF*; sqlite3 $SQ_REF < $WORK/eq_sqlite.sql >/dev/null" \
        "sqlite3 $SQ_REF -cmd '.mode csv' -cmd 'PRAGMA cache_size = -262144' '.import --skip 1 $FILE products'"
done
[ "$(sqlite3 "$SQ_OURS" "SELECT COUNT(*) FROM products")" = "$ROWS" ] ||
    { echo "csv_import_export.sh: the import lost rows" >&2; exit 1; }
[ "$(sqlite3 "$SQ_REF" "SELECT COUNT(*) FROM products")" = "$ROWS" ] ||
    { echo "csv_import_export.sh: sqlite3 .import lost rows" >&2; exit 1; }
echo "== 2b. sqlite3 .import with its default 2 MB page cache (1 run)"
hyperfine --runs 1 --export-json "$WORK/ref_sqlite_default.json" \
    --prepare "rm -f $SQ_REF*; sqlite3 $SQ_REF < $WORK/eq_sqlite.sql >/dev/null" \
    "sqlite3 $SQ_REF -cmd '.mode csv' '.import --skip 1 $FILE products'"

echo "== 3. and 4. merchantdesk-cli import against psql \\copy, PostgreSQL ($RUNS runs each)"
COPY="\\copy products_eq (sku, title, category, cost, base_price, current_price, min_price, max_price, stock_level, demand_score) FROM '$FILE' WITH (FORMAT csv, HEADER true)"
for run in $(seq "$RUNS"); do
    hyperfine --runs 1 --export-json "$WORK/import_pg_$run.json" \
        --prepare "$(recreate_pg md_bench_csv_import); $CLI --db $PG_IMPORT init >/dev/null" \
        "/usr/bin/time -a -o $WORK/import_pg.rss -f %M $CLI --db $PG_IMPORT import products $FILE"
    hyperfine --runs 1 --export-json "$WORK/ref_pg_$run.json" \
        --prepare "$(recreate_pg md_bench_csv_ref); psql $PG_REF -q -f $WORK/eq_pg.sql" \
        "psql $PG_REF -q -v ON_ERROR_STOP=1 -c \"$COPY\""
done
[ "$(psql "$PG_IMPORT" -qtAc "SELECT COUNT(*) FROM products")" = "$ROWS" ] ||
    { echo "csv_import_export.sh: the import lost rows" >&2; exit 1; }
[ "$(psql "$PG_REF" -qtAc "SELECT COUNT(*) FROM products_eq")" = "$ROWS" ] ||
    { echo "csv_import_export.sh: psql \\copy lost rows" >&2; exit 1; }
fi

if [[ $STEPS == *export* ]]; then
echo "== 5. $LINES order lines to export"
FILL_SQLITE="PRAGMA cache_size = -262144;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO products (sku, title, category, base_price_cents, current_price_cents, created_at,
                      updated_at)
SELECT printf('SKU-%05d', i), 'Product ' || i, 'Category ' || (i % 20), 100 + i, 100 + i,
       1700000000, 1700000000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $LINES / 10)
INSERT INTO orders (order_number, ordered_at, total_cents)
SELECT '#' || i, 1700000000 + i, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $LINES - 1)
INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
SELECT i / 10 + 1, (i * 7919) % 1000 + 1, i % 3 + 1, 100 + i % 900 FROM n;
COMMIT;"
FILL_PG="BEGIN;
INSERT INTO products (sku, title, category, base_price_cents, current_price_cents, created_at,
                      updated_at)
SELECT format('SKU-%s', lpad(i::text, 5, '0')), 'Product ' || i, 'Category ' || (i % 20),
       100 + i, 100 + i, 1700000000, 1700000000 FROM generate_series(1, 1000) i;
INSERT INTO orders (order_number, ordered_at, total_cents)
SELECT '#' || i, 1700000000 + i, 0 FROM generate_series(1, $LINES / 10) i;
INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents)
SELECT i / 10 + 1, (i * 7919) % 1000 + 1, i % 3 + 1, 100 + i % 900
FROM generate_series(0::bigint, $LINES - 1) i;
COMMIT;
ANALYZE products;
ANALYZE orders;
ANALYZE order_lines;"
SQ_EXPORT="$WORK/export.sqlite"
"$CLI" --db "$SQ_EXPORT" init >/dev/null
sqlite3 "$SQ_EXPORT" "$FILL_SQLITE"
psql "$PG_URL" -qc "DROP DATABASE IF EXISTS md_bench_csv_export WITH (FORCE)" \
    -c "CREATE DATABASE md_bench_csv_export"
"$CLI" --db "$PG_EXPORT" init >/dev/null
psql "$PG_EXPORT" -q -v ON_ERROR_STOP=1 -c "$FILL_PG"

echo "== 6. merchantdesk-cli export order_lines ($RUNS runs each)"
hyperfine --runs "$RUNS" --export-json "$WORK/export_sqlite.json" \
    "/usr/bin/time -a -o $WORK/export_sqlite.rss -f %M $CLI --db $SQ_EXPORT export order_lines $WORK/lines.csv"
EXPORT_MB=$(du -m "$WORK/lines.csv" | cut -f1)
[ "$(($(wc -l <"$WORK/lines.csv") - 1))" = "$LINES" ] ||
    { echo "csv_import_export.sh: the export lost rows" >&2; exit 1; }
hyperfine --runs "$RUNS" --export-json "$WORK/export_pg.json" \
    "/usr/bin/time -a -o $WORK/export_pg.rss -f %M $CLI --db $PG_EXPORT export order_lines $WORK/lines_pg.csv"
cmp -s "$WORK/lines.csv" "$WORK/lines_pg.csv" ||
    { echo "csv_import_export.sh: the two exports differ" >&2; exit 1; }

fi

{
    echo "Medians of $RUNS runs; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    if [[ $STEPS == *import* ]]; then
        IMPORT_SQLITE=$(median "$WORK"/import_sqlite_[0-9]*.json)
        REF_SQLITE=$(median "$WORK"/ref_sqlite_[0-9]*.json)
        REF_SQLITE_DEFAULT=$(median "$WORK/ref_sqlite_default.json")
        IMPORT_PG=$(median "$WORK"/import_pg_[0-9]*.json)
        REF_PG=$(median "$WORK"/ref_pg_[0-9]*.json)
        echo
        echo "| import of $ROWS products ($FILE_MB MB) | merchantdesk-cli | peak RSS | loader | ratio | goal |"
        echo "|---|---|---|---|---|---|"
        echo "| SQLite | ${IMPORT_SQLITE} s | $(median_rss_mb "$WORK/import_sqlite.rss") MB | ${REF_SQLITE} s (sqlite3 .import, 256 MB cache) | $(ratio "$IMPORT_SQLITE" "$REF_SQLITE") | ≤ 1.5 |"
        echo "| SQLite, loader with its default cache | | | ${REF_SQLITE_DEFAULT} s (1 run) | $(ratio "$IMPORT_SQLITE" "$REF_SQLITE_DEFAULT") | |"
        echo "| PostgreSQL | ${IMPORT_PG} s | $(median_rss_mb "$WORK/import_pg.rss") MB | ${REF_PG} s (psql \\copy) | $(ratio "$IMPORT_PG" "$REF_PG") | ≤ 1.5 |"
    fi
    if [[ $STEPS == *export* ]]; then
        EXPORT_SQLITE=$(median "$WORK/export_sqlite.json")
        EXPORT_PG=$(median "$WORK/export_pg.json")
        echo
        echo "| export of $LINES order lines ($EXPORT_MB MB) | time | peak RSS | goal |"
        echo "|---|---|---|---|"
        echo "| SQLite | ${EXPORT_SQLITE} s | $(median_rss_mb "$WORK/export_sqlite.rss") MB | < 100 MB |"
        echo "| PostgreSQL | ${EXPORT_PG} s | $(median_rss_mb "$WORK/export_pg.rss") MB | < 100 MB |"
    fi
} | tee "$WORK/summary.md"

psql "$PG_URL" -qc "DROP DATABASE IF EXISTS md_bench_csv_import WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS md_bench_csv_ref WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS md_bench_csv_export WITH (FORCE)"
