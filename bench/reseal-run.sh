#!/usr/bin/env bash
# The cost of sealing events stored in plaintext at start, with the attestation (decision 9, point 3),
# run by hand: see bench/README.md. Uses the embedded MariaDB of the platform tests, or SMP_TEST_DB_URL.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
platform_bench ResealBench 'Reseal bench' 'verification:' \
  -Dbench.events="${EVENTS:-20000}" -Dbench.rounds="${ROUNDS:-3}" -Dbench.subjects="${SUBJECTS:-500}"
