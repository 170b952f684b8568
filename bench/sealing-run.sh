#!/usr/bin/env bash
# The cost of sealing personal data in events (AUD-4), run by hand: see bench/README.md.
# Uses the embedded MariaDB of the platform tests, or SMP_TEST_DB_URL when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -pl platform -am
./mvnw -B -pl platform test -Dtest=SealingBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="${EVENTS:-2000}" -Dbench.rounds="${ROUNDS:-3}" -Dbench.subjects="${SUBJECTS:-200}" \
  | sed -n '/Sealing bench/,/read pass 2/p'
