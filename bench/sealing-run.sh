#!/usr/bin/env bash
# The cost of sealing personal data in events (AUD-4), run by hand: see bench/README.md.
# Uses the embedded MariaDB of the platform tests, or SMP_TEST_DB_URL when it is set.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
platform_bench SealingBench 'Sealing bench' 'read pass 2' \
  -Dbench.events="${EVENTS:-2000}" -Dbench.rounds="${ROUNDS:-3}" -Dbench.subjects="${SUBJECTS:-200}"
