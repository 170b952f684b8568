#!/usr/bin/env bash
# Before/after on a shared machine: runs bench/run.sh for each jar in turn, ROUNDS times (default 3),
# interleaved (A B A B ...), so that both see the same background load. Prints, per run, the jar, the
# load average before and after, and the measured phases; the full output is in bench/target/compare.log (COMPARE_LOG).
#   bench/compare.sh bench/target/before/consent-service.jar consent-service/target/consent-service.jar
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || { echo "usage: bench/compare.sh JAR [JAR...]" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
LOG=${COMPARE_LOG:-bench/target/compare.log}
: > "$LOG"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    before=$(cut -d' ' -f1 /proc/loadavg)
    out=$(BENCH_JAR="$jar" bench/run.sh 2>&1 || true)
    after=$(cut -d' ' -f1 /proc/loadavg)
    { echo "== round $round, $jar, load average $before -> $after"; echo "$out"; } >> "$LOG"
    echo "== round $round, $jar, load average $before -> $after"
    echo "$out" | grep -E '^(1 client|measured)' | sed 's/^/   /'
  done
done
