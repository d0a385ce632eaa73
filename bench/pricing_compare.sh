#!/bin/sh
# Repricing on the large demo shop against plain SQL doing the same default rule, medians of
# RUNS runs, ratios from the same run of this script (docs/BENCHMARKS.md, section Repricing).
#
#   pricing_compare.sh sqlite MASTER.sqlite WORKDIR [RUNS]
#   pricing_compare.sh postgres URL TEMPLATE_DB WORKDIR [RUNS]
#
# MASTER.sqlite / TEMPLATE_DB: a large demo shop (init --demo --scale large) already at the
# current schema (run one "reprice --dry-run" on it first); it is never written to: every
# applying run works on a fresh copy (cp, or CREATE DATABASE ... TEMPLATE). URL names the
# server with user and password, its path is ignored. MERCHANTDESK_CLI is the merchantdesk-cli
# to measure (default: build-pricing/app/cli/merchantdesk-cli next to this folder).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cli=${MERCHANTDESK_CLI:-$here/../build-pricing/app/cli/merchantdesk-cli}
backend=$1
shift

now_ms() { date +%s%3N; }

# median of the numbers on stdin
median() {
    sort -n | awk '{ v[NR] = $1 }
        END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_ms COMMAND...: runs it, prints the wall time in milliseconds
time_ms() {
    start=$(now_ms)
    "$@" > /dev/null 2>&1
    echo $(( $(now_ms) - start ))
}

report() { printf '%-44s %8s ms\n' "$1" "$2"; }

if [ "$backend" = sqlite ]; then
    master=$1
    work=$2
    runs=${3:-5}
    mkdir -p "$work"
    copy="$work/run.sqlite"
    fresh() { rm -f "$copy" "$copy-wal" "$copy-shm"; cp "$master" "$copy"; sync; }
    ours_dry() {
        "$cli" --db "$master" reprice --dry-run --format csv --output "$work/ours.csv"
    }
    base_dry() {
        sqlite3 -csv -header "$master" < "$here/pricing_rule_sqlite.sql" > "$work/base.csv"
    }
    ours_apply() {
        "$cli" --db "$copy" reprice --format csv --output "$work/ours-applied.csv"
    }
    base_apply() { sqlite3 "$copy" < "$here/pricing_apply_sqlite.sql"; }
elif [ "$backend" = postgres ]; then
    url=$1
    template=$2
    work=$3
    runs=${4:-3}
    mkdir -p "$work"
    server=${url%/*}
    copy=md_pricing_bench_run
    admin() { psql -X -q "$server/postgres" -c "$1"; }
    # The copy keeps the template's statistics (pg_statistic is copied with it).
    fresh() {
        admin "DROP DATABASE IF EXISTS $copy WITH (FORCE)" > /dev/null
        admin "CREATE DATABASE $copy TEMPLATE $template" > /dev/null
    }
    ours_dry() {
        "$cli" --db "$server/$template" reprice --dry-run --format csv --output "$work/ours.csv"
    }
    base_dry() {
        psql -X -q --csv "$server/$template" -f "$here/pricing_rule_postgres.sql" \
            -o "$work/base.csv"
    }
    ours_apply() {
        "$cli" --db "$server/$copy" reprice --format csv --output "$work/ours-applied.csv"
    }
    base_apply() {
        psql -X -q -v ON_ERROR_STOP=1 "$server/$copy" -f "$here/pricing_apply_postgres.sql"
    }
else
    echo "usage: $0 sqlite MASTER.sqlite WORKDIR [RUNS]" >&2
    echo "       $0 postgres URL TEMPLATE_DB WORKDIR [RUNS]" >&2
    exit 1
fi

# One warm-up each, so both read from the page cache.
ours_dry > /dev/null 2>&1
base_dry > /dev/null 2>&1

: > "$work/dry-ours"; : > "$work/dry-base"; : > "$work/apply-ours"; : > "$work/apply-base"
i=0
while [ $i -lt "$runs" ]; do
    time_ms ours_dry >> "$work/dry-ours"
    time_ms base_dry >> "$work/dry-base"
    fresh
    time_ms ours_apply >> "$work/apply-ours"
    fresh
    time_ms base_apply >> "$work/apply-base"
    i=$((i + 1))
done

dry_ours=$(median < "$work/dry-ours")
dry_base=$(median < "$work/dry-base")
apply_ours=$(median < "$work/apply-ours")
apply_base=$(median < "$work/apply-base")
echo "backend $backend, $runs runs, medians"
report "reprice --dry-run --format csv" "$dry_ours"
client=psql
[ "$backend" = sqlite ] && client=sqlite3
report "one SELECT into a CSV file ($client)" "$dry_base"
echo "ratio dry run: $(echo "$dry_ours $dry_base" | awk '{ printf "%.2f", $1 / $2 }')"
report "reprice (apply all, CSV listing)" "$apply_ours"
report "one INSERT + one UPDATE in SQL" "$apply_base"
echo "ratio apply: $(echo "$apply_ours $apply_base" | awk '{ printf "%.2f", $1 / $2 }')"
ours_rows=$(wc -l < "$work/ours-applied.csv")
base_rows=$(wc -l < "$work/base.csv")
echo "changes (CSV lines without the header): ours $((ours_rows - 1)), SQL $((base_rows - 1))"
