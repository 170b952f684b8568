#!/usr/bin/env bash
# The cost of sealing events stored in plaintext at start, with the attestation (decision 9, point 3),
# run by hand: see bench/README.md. Uses the embedded MariaDB of the platform tests, or SMP_TEST_DB_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl platform -am
./mvnw -B -pl platform test -Dtest=ResealBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="${EVENTS:-20000}" -Dbench.rounds="${ROUNDS:-3}" -Dbench.subjects="${SUBJECTS:-500}" \
  | sed -n '/Reseal bench/,/verification:/p'
