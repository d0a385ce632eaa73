#!/usr/bin/env bash
# `merchantdesk-cli segment count` of a three-condition rule on the demo shop, on SQLite and on
# PostgreSQL, against the same question written by hand for sqlite3 and psql; and, when the
# command exists, `merchantdesk-cli segment rfm` against a hand-written query giving the same
# CSV. Figures and commands go to docs/BENCHMARKS.md, "Segments".
#
#   bench/segment_compare.sh [BUILD_DIR]        BUILD_DIR defaults to ./build
#
# Environment (all optional):
#   SCALE=large    the demo size; SCALE=small tries the script out in seconds
#   RUNS=9         runs per variant; every figure is the median
#   STEPS="count rfm"
#                  what to measure
#   WORK=/tmp/segbench
#                  scratch folder; the SQLite shop is $WORK/$SCALE.sqlite (1.6 GB when large)
#   PG_URL=postgresql://merchantdesk_test:merchantdesk_test@127.0.0.1:5432/md_segbench_$SCALE
#                  the PostgreSQL shop; created (createdb) when the database does not exist
#   AS_OF=2026-06-30
#
# What runs, in this order:
#   1. the shops, when missing: init --demo --scale $SCALE --seed 42 --as-of 2026-06-30 into
#      $WORK/$SCALE.sqlite and into the PostgreSQL database (not timed);
#   2. the rule is stored in both shops with `segment create` (`segment update` when it is
#      there already):
#        {"all":[{"field":"orders_count","op":">=","value":3},
#                {"field":"total_spent","op":">","value":100},
#                {"field":"accepts_marketing","op":"=","value":true}]}
#      i.e. customers with three or more completed orders, more than 100.00 spent on them and
#      who accept marketing, as of the end of 2026-06-30 (UTC);
#   3. the reference, bench/segment_count_reference.sql: one GROUP BY over the completed orders
#      joined to customers, the way one writes it by hand; the same text on both backends;
#   4. one warm-up of each variant (page cache and buffers), and the counts are checked equal;
#   5. RUNS rounds; in each, every variant runs once, one after the other (MerchantDesk on
#      SQLite, sqlite3, MerchantDesk on PostgreSQL, psql), so a change in the machine's load
#      hits all alike. Every run is a fresh process: the CLI opens the database, reads the
#      stored rule, compiles and counts; sqlite3 / psql open the database and run the query;
#   6. rfm (STEPS): `segment rfm --as-of ... --format csv --output F` against
#      bench/segment_rfm_reference_{sqlite,postgres}.sql written to a file by sqlite3 -csv /
#      psql --csv; the four files must be the same line by line (line ends aside); the same
#      turns as above.
# Output: the runs and a Markdown summary on stdout and in $WORK/summary-$SCALE.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CLI="$BUILD/app/cli/merchantdesk-cli"
SCALE=${SCALE:-large}
RUNS=${RUNS:-9}
STEPS=${STEPS:-count rfm}
WORK=${WORK:-/tmp/segbench}
AS_OF=${AS_OF:-2026-06-30}
PG_URL=${PG_URL:-postgresql://merchantdesk_test:merchantdesk_test@127.0.0.1:5432/md_segbench_$SCALE}
SQLITE_DB="$WORK/$SCALE.sqlite"
RULE_NAME="Repeat buyers open to marketing"
RULE='{"all":[{"field":"orders_count","op":">=","value":3},{"field":"total_spent","op":">","value":100},{"field":"accepts_marketing","op":"=","value":true}]}'
# --as-of 2026-06-30 is the end of that UTC day.
AS_OF_EPOCH=$(date -u -d "$AS_OF 23:59:59" +%s)

for tool in sqlite3 psql createdb; do
    command -v "$tool" >/dev/null || { echo "segment_compare.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$CLI" ] || { echo "segment_compare.sh: build merchantdesk-cli first ($CLI)" >&2; exit 1; }
mkdir -p "$WORK"

# 1. The shops.
if [ ! -s "$SQLITE_DB" ]; then
    "$CLI" --db "$SQLITE_DB" init --demo --scale "$SCALE" --seed 42 --as-of 2026-06-30 \
        >/dev/null 2>"$WORK/init-$SCALE-sqlite.log"
fi
if ! psql -X "$PG_URL" -qtAc "SELECT 1" >/dev/null 2>&1; then
    pg_db=${PG_URL##*/}
    createdb --maintenance-db="${PG_URL%/*}/postgres" "${pg_db%%\?*}"
fi
if [ "$(psql -X "$PG_URL" -qtAc "SELECT to_regclass('customers') IS NOT NULL")" != t ] ||
   [ "$(psql -X "$PG_URL" -qtAc "SELECT count(*) > 0 FROM customers")" != t ]; then
    "$CLI" --db "$PG_URL" init --demo --scale "$SCALE" --seed 42 --as-of 2026-06-30 \
        >/dev/null 2>"$WORK/init-$SCALE-pg.log"
fi

now_ns() { date +%s%N; }
# median of the numbers on stdin
median() {
    sort -n | awk '{ v[NR] = $1 }
        END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# time_ms OUTFILE COMMAND...: runs it once, appends the wall time in milliseconds to OUTFILE
time_ms() {
    local out=$1
    shift
    local start
    start=$(now_ns)
    "$@" >/dev/null
    echo "$(( ($(now_ns) - start) / 1000 ))" | awk '{ printf "%.1f\n", $1 / 1000 }' >> "$out"
}
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }

summary="$WORK/summary-$SCALE.md"
{
    echo "segment_compare.sh: SCALE=$SCALE RUNS=$RUNS, $(date -u +%FT%TZ)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$summary"

# The same variables for the hand-written queries: sqlite3 -cmd / psql -v.
sqlite_ref() {
    sqlite3 -bail -cmd ".parameter set :as_of $AS_OF_EPOCH" "$SQLITE_DB" < "$1"
}
psql_ref() {
    psql -X -q -t -A -v ON_ERROR_STOP=1 -v as_of="$AS_OF_EPOCH" "$PG_URL" -f "$1"
}

if [[ " $STEPS " == *" count "* ]]; then
    # 2. The rule.
    for db in "$SQLITE_DB" "$PG_URL"; do
        if "$CLI" --db "$db" segment count "$RULE_NAME" --as-of "$AS_OF" >/dev/null 2>&1; then
            "$CLI" --db "$db" segment update "$RULE_NAME" --definition "$RULE" >/dev/null
        else
            "$CLI" --db "$db" segment create "$RULE_NAME" --definition "$RULE" >/dev/null
        fi
    done
    ours_sqlite() { "$CLI" --db "$SQLITE_DB" segment count "$RULE_NAME" --as-of "$AS_OF"; }
    ours_pg() { "$CLI" --db "$PG_URL" segment count "$RULE_NAME" --as-of "$AS_OF"; }
    ref_sqlite() { sqlite_ref "$ROOT/bench/segment_count_reference.sql"; }
    ref_pg() { psql_ref "$ROOT/bench/segment_count_reference.sql"; }

    # 4. Warm-up and the check.
    c1=$(ours_sqlite); c2=$(ref_sqlite); c3=$(ours_pg); c4=$(ref_pg)
    echo "counts: MerchantDesk SQLite $c1, sqlite3 $c2, MerchantDesk PostgreSQL $c3, psql $c4" |
        tee -a "$summary"
    if [ "$c1" != "$c2" ] || [ "$c1" != "$c3" ] || [ "$c1" != "$c4" ]; then
        echo "segment_compare.sh: the counts differ" >&2
        exit 2
    fi

    # 5. Taking turns.
    for v in ours_sqlite ref_sqlite ours_pg ref_pg; do : > "$WORK/count-$v.ms"; done
    for _ in $(seq "$RUNS"); do
        for v in ours_sqlite ref_sqlite ours_pg ref_pg; do time_ms "$WORK/count-$v.ms" "$v"; done
    done
    for v in ours_sqlite ref_sqlite ours_pg ref_pg; do
        eval "m_$v=$(median < "$WORK/count-$v.ms")"
        echo "runs $v (ms): $(paste -sd' ' "$WORK/count-$v.ms")" | tee -a "$summary"
    done
    {
        echo
        echo "| segment count ($SCALE, $c1 customers) | MerchantDesk | reference | ratio |"
        echo "|---|---|---|---|"
        echo "| SQLite | $m_ours_sqlite ms | $m_ref_sqlite ms (sqlite3) |" \
             "$(ratio "$m_ours_sqlite" "$m_ref_sqlite") |"
        echo "| PostgreSQL | $m_ours_pg ms | $m_ref_pg ms (psql) |" \
             "$(ratio "$m_ours_pg" "$m_ref_pg") |"
        echo
    } | tee -a "$summary"
fi

if [[ " $STEPS " == *" rfm "* ]]; then
    if ! "$CLI" segment --help 2>&1 | grep -q rfm; then
        echo "rfm: this merchantdesk-cli has no \`segment rfm\` yet; skipped" | tee -a "$summary"
    else
        ours_rfm_sqlite() {
            "$CLI" --db "$SQLITE_DB" segment rfm --as-of "$AS_OF" --format csv \
                --output "$WORK/rfm-ours-sqlite.csv"
        }
        ours_rfm_pg() {
            "$CLI" --db "$PG_URL" segment rfm --as-of "$AS_OF" --format csv \
                --output "$WORK/rfm-ours-pg.csv"
        }
        ref_rfm_sqlite() {
            sqlite3 -bail -csv -header -cmd ".parameter set :as_of $AS_OF_EPOCH" "$SQLITE_DB" \
                < "$ROOT/bench/segment_rfm_reference_sqlite.sql" > "$WORK/rfm-ref-sqlite.csv"
        }
        ref_rfm_pg() {
            psql -X -q --csv -v ON_ERROR_STOP=1 -v as_of="$AS_OF_EPOCH" "$PG_URL" \
                -f "$ROOT/bench/segment_rfm_reference_postgres.sql" -o "$WORK/rfm-ref-pg.csv"
        }
        variants="ours_rfm_sqlite ref_rfm_sqlite ours_rfm_pg ref_rfm_pg"
        for v in $variants; do "$v"; done
        same=yes
        for pair in "ours-sqlite ref-sqlite" "ours-sqlite ours-pg" "ours-pg ref-pg"; do
            set -- $pair
            # merchantdesk-cli ends CSV lines with CRLF (RFC 4180), sqlite3 and psql with LF.
            if ! cmp -s <(tr -d '\r' < "$WORK/rfm-$1.csv") <(tr -d '\r' < "$WORK/rfm-$2.csv"); then
                same=no
                echo "rfm: $1 and $2 differ: diff <(tr -d '\\r' < $WORK/rfm-$1.csv)" \
                     "<(tr -d '\\r' < $WORK/rfm-$2.csv)" | tee -a "$summary"
            fi
        done
        rows=$(( $(wc -l < "$WORK/rfm-ours-sqlite.csv") - 1 ))
        echo "rfm: $rows customers, the four CSV files the same, line by line: $same" |
            tee -a "$summary"
        for v in $variants; do : > "$WORK/$v.ms"; done
        for _ in $(seq "$RUNS"); do
            for v in $variants; do time_ms "$WORK/$v.ms" "$v"; done
        done
        for v in $variants; do
            eval "m_$v=$(median < "$WORK/$v.ms")"
            echo "runs $v (ms): $(paste -sd' ' "$WORK/$v.ms")" | tee -a "$summary"
        done
        {
            echo
            echo "| segment rfm ($SCALE, $rows customers) | MerchantDesk | reference | ratio |"
            echo "|---|---|---|---|"
            echo "| SQLite | $m_ours_rfm_sqlite ms | $m_ref_rfm_sqlite ms (sqlite3) |" \
                 "$(ratio "$m_ours_rfm_sqlite" "$m_ref_rfm_sqlite") |"
            echo "| PostgreSQL | $m_ours_rfm_pg ms | $m_ref_rfm_pg ms (psql) |" \
                 "$(ratio "$m_ours_rfm_pg" "$m_ref_rfm_pg") |"
            echo
        } | tee -a "$summary"
    fi
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$summary"
