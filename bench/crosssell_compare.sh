#!/usr/bin/env bash
# Cross-sell mining on the large demo shop (about 10 million order lines) against (a) the SQL
# self-join that computes the same pair counts, in sqlite3 and in psql, and (b) the npm package
# node-fpgrowth on the same baskets, keeping its pairs. Every tool's pair counts are compared
# with MerchantDesk's; figures go to docs/BENCHMARKS.md, "Cross-sell mining".
#
#   bench/crosssell_compare.sh [BUILD_DIR]          BUILD_DIR defaults to ./build
#
# Environment (all optional):
#   SQLITE_DB=/tmp/crosssell-bench/large.sqlite   a large demo shop (created when missing:
#                  merchantdesk-cli init --demo --scale large, about 150 s)
#   PG_URL=postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/md_crosssell_large
#                  the same shop on PostgreSQL (created when the database is missing, ~200 s)
#   MIN_COUNT=250  a pair must be in this many completed orders (0.01 % of 2.5 M)
#   RUNS=3         runs per variant; figures are medians
#   TIMEOUT=900    seconds after which a self-join is stopped (status 124 in the table); after a
#                  run that timed out, that self-join is not run again
#   SKIP_PG_SELFJOIN=1  do not run the psql self-join (it did not finish in 600 s before)
#   FPGROWTH_DIR=/tmp/crosssell-bench/fpgrowth   where node-fpgrowth is installed (npm install)
#   WORK=/tmp/crosssell-bench                    scratch folder
#
# Needs: sqlite3, psql, node and npm, python3, /usr/bin/time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CLI="$BUILD/app/cli/merchantdesk-cli"
WORK=${WORK:-/tmp/crosssell-bench}
SQLITE_DB=${SQLITE_DB:-$WORK/large.sqlite}
PG_URL=${PG_URL:-postgresql://merchantdesk:merchantdesk@127.0.0.1:5432/md_crosssell_large}
MIN_COUNT=${MIN_COUNT:-250}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-900}
FPGROWTH_DIR=${FPGROWTH_DIR:-$WORK/fpgrowth}
mkdir -p "$WORK"

PG_SERVER=${PG_URL%/*}
PG_DBNAME=${PG_URL##*/}
if [ ! -f "$SQLITE_DB" ]; then
    "$CLI" --db "$SQLITE_DB" init --demo --scale large --as-of 2026-06-30 >/dev/null
fi
if ! psql "$PG_SERVER/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DBNAME'" |
        grep -q 1; then
    psql "$PG_SERVER/postgres" -qc "CREATE DATABASE $PG_DBNAME"
    "$CLI" --db "$PG_URL" init --demo --scale large --as-of 2026-06-30 >/dev/null
fi
if [ ! -d "$FPGROWTH_DIR/node_modules/node-fpgrowth" ]; then
    mkdir -p "$FPGROWTH_DIR"
    (cd "$FPGROWTH_DIR" && npm install --no-audit --no-fund node-fpgrowth@1.2.1 >/dev/null)
fi

# The pairs every variant computes: distinct (order, product) of completed orders, self-joined.
BASKETS="SELECT DISTINCT l.order_id, l.product_id FROM order_lines l
         JOIN orders o ON o.id = l.order_id WHERE o.status = 'completed'"
SELF_JOIN="WITH b AS ($BASKETS)
SELECT x.product_id, y.product_id, COUNT(*) FROM b x JOIN b y
  ON y.order_id = x.order_id AND y.product_id > x.product_id
GROUP BY x.product_id, y.product_id HAVING COUNT(*) >= $MIN_COUNT"

# run NAME OUTPUT COMMAND...: one timed run; appends "NAME seconds peak_kb status" to times.txt.
run() {
    local name=$1 out=$2
    shift 2
    local status=0
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" timeout "$TIMEOUT" "$@" >"$out" \
        2>"$WORK/$name.err" || status=$?
    echo "$name $(tail -1 "$WORK/time.txt") $status" >>"$WORK/times.txt"
}

: >"$WORK/times.txt"
: >"$WORK/fpgrowth_mining.txt"
# MerchantDesk's product ids for its SKUs, to compare its CSV (SKUs) with the others (ids).
sqlite3 -csv "$SQLITE_DB" "SELECT sku, id FROM products" >"$WORK/sku_ids.csv"
psql "$PG_URL" -AtF, -c "SELECT sku, id FROM products" >"$WORK/sku_ids_pg.csv"
sqlite3 -separator , "$SQLITE_DB" \
    "SELECT group_concat(product_id) FROM ($BASKETS ORDER BY 1) GROUP BY order_id" \
    >"$WORK/baskets.txt"

for i in $(seq "$RUNS"); do
    for backend in sqlite postgres; do
        db=$SQLITE_DB
        [ $backend = postgres ] && db=$PG_URL
        run "merchantdesk-$backend" "$WORK/md-$backend.csv" "$CLI" --db "$db" crosssell \
            --pairs-only --min-support "$MIN_COUNT" --min-confidence 0 --min-lift 0 \
            --format csv
    done
    run fpgrowth "$WORK/fpgrowth.csv" node "$ROOT/bench/crosssell_fpgrowth.js" "$FPGROWTH_DIR" \
        "$WORK/baskets.txt" "$MIN_COUNT"
    grep -o 'mining_s [0-9.]*' "$WORK/fpgrowth.err" >>"$WORK/fpgrowth_mining.txt" || true
    if ! grep -q '^selfjoin-sqlite .* 124$' "$WORK/times.txt"; then
        run selfjoin-sqlite "$WORK/selfjoin-sqlite.csv" sqlite3 -separator , "$SQLITE_DB" \
            "$SELF_JOIN"
    fi
    if [ -z "${SKIP_PG_SELFJOIN:-}" ] && ! grep -q '^selfjoin-postgres .* 124$' "$WORK/times.txt"; then
        # statement_timeout: when timeout stops psql, the server must stop the query too (it
        # would otherwise go on and load the machine during the later runs).
        PGOPTIONS="-c statement_timeout=${TIMEOUT}s" run selfjoin-postgres \
            "$WORK/selfjoin-postgres.csv" psql "$PG_URL" -AtF, -c "$SELF_JOIN"
    fi
done

python3 - "$WORK" <<'PY'
import csv, statistics, sys
work = sys.argv[1]

def ids(path):
    return {sku: int(i) for sku, i in csv.reader(open(path))}

def md_pairs(path, sku_ids):
    pairs = {}
    rows = csv.reader(open(path))
    next(rows)
    for a, _, b, _, count, *_ in rows:
        x, y = sorted((sku_ids[a], sku_ids[b]))
        pairs[(x, y)] = int(count)
    return pairs

def id_pairs(path):
    pairs = {}
    for line in open(path):
        if line.strip():
            a, b, c = (int(v) for v in line.strip().split(','))
            pairs[(min(a, b), max(a, b))] = c
    return pairs

reference = md_pairs(f'{work}/md-sqlite.csv', ids(f'{work}/sku_ids.csv'))
others = {'merchantdesk-postgres': md_pairs(f'{work}/md-postgres.csv', ids(f'{work}/sku_ids_pg.csv')),
          'fpgrowth': id_pairs(f'{work}/fpgrowth.csv')}
times = {}
for line in open(f'{work}/times.txt'):
    name, seconds, kb, status = line.split()
    times.setdefault(name, []).append((float(seconds), int(kb), int(status)))
for name in ('selfjoin-sqlite', 'selfjoin-postgres'):
    if name in times and all(s == 0 for _, _, s in times[name]):
        others[name] = id_pairs(f'{work}/{name}.csv')
print(f'pairs found by MerchantDesk (SQLite): {len(reference)}')
for name, pairs in others.items():
    print(f'{name}: {len(pairs)} pairs, identical counts: {pairs == reference}')
base = statistics.median(t for t, _, _ in times['merchantdesk-sqlite'])
print('| variant | median s | peak MB | runs finished | × MerchantDesk SQLite |')
print('|---|---|---|---|---|')
for name, runs in times.items():
    seconds = statistics.median(t for t, _, _ in runs)
    peak = statistics.median(kb for _, kb, _ in runs) / 1024
    done = sum(1 for _, _, s in runs if s == 0)
    print(f'| {name} | {seconds:.1f} | {peak:.0f} | {done}/{len(runs)} | {seconds / base:.1f} |')
mining = [float(l.split()[1]) for l in open(f'{work}/fpgrowth_mining.txt')]
if mining:
    print(f'node-fpgrowth mining alone (without reading the file): median {statistics.median(mining):.1f} s')
PY
