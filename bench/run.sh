#!/usr/bin/env bash
# Publication check benchmark (CON-4): starts consent-service from its jar on this machine's MariaDB,
# seeds a roster and consent through the API, then measures. See README.md. Loopback only.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
PORT=${BENCH_PORT:-18390}
ACCOUNT=5b0f7c1e-2a47-4c0e-9d55-0f4a8d1c2e93
# The service jar to measure; another one (say a copy of a previous build) to compare before/after.
JAR=${BENCH_JAR:-consent-service/target/consent-service.jar}
LOG=bench/target/consent-service.log

build_jar "$JAR" consent-service
build_harness

fresh_schema smp_consent_bench
fresh_schema smp_account_bench
# account-service's event store, empty, as its Flyway would create it: the upstream of the
# official-accounts processor.
sql smp_account_bench < platform/src/main/resources/db/platform/V20261121_0001__axon_stores.sql
# One official account of the bench school, provisioned and gone live, as account-service appends those
# events (ACC-4, ACC-5; Jackson payloads with the audit metadata of AUD-1). The service's official-accounts
# processor projects it like any other.
event() { # sequence, payload type, payload JSON
  sql smp_account_bench -e "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
      payload_type, time_stamp, aggregate_identifier, sequence_number, type)
    VALUES (UUID(), '{\"causationId\":\"bench\",\"correlationId\":\"bench\",\"actorId\":\"bench\",\"actorRoles\":\"ACCOUNT_ADMIN\",\"schoolId\":\"bench-school\"}',
      '$3', '1', 'uk.schoolsocial.events.account.$2', '2026-01-05T09:00:00Z', '$ACCOUNT', $1, 'OfficialAccount');"
}
event 0 AccountProvisionedEvent "{\"accountId\":\"$ACCOUNT\",\"schoolId\":\"bench-school\",\"applicationId\":\"$ACCOUNT\",\"platform\":\"INSTAGRAM\",\"handle\":\"bench\",\"displayName\":\"Bench\",\"administrators\":[\"staff-1\"],\"privacy\":\"PRIVATE\",\"aupLink\":\"https://example.org/aup\",\"provisionedAt\":\"2026-01-05T09:00:00Z\"}"
event 1 AccountWentLiveEvent "{\"accountId\":\"$ACCOUNT\",\"schoolId\":\"bench-school\",\"at\":\"2026-01-05T09:00:00Z\"}"
: > "$LOG"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
DATASOURCES_DEFAULT_URL="$URL/smp_consent_bench" \
DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
DATASOURCES_ACCOUNTEVENTS_URL="$URL/smp_account_bench" \
DATASOURCES_ACCOUNTEVENTS_USERNAME=$DB_USER DATASOURCES_ACCOUNTEVENTS_PASSWORD=$DB_PASSWORD \
  start_jvm "$LOG" $JAVA_OPTS -jar "$JAR"
wait_health "$PORT" "$JVM" "$LOG" 120
# The service learns the account from account-service's events, as in production: wait until it is LIVE.
for _ in $(seq 1 60); do
  [ "$(sql -N -e "SELECT status FROM smp_consent_bench.official_live_account_view WHERE id = '$ACCOUNT'" 2>/dev/null)" = LIVE ] && break
  sleep 1
done
# BENCH_CLIENT=socket: a kept-alive socket per client instead of java.net.http (see the harness).
java -Dbench.client="${BENCH_CLIENT:-jdk}" -cp bench/target/classes uk.schoolsocial.bench.PublicationCheckBench \
  "http://127.0.0.1:$PORT" "$SECRET" "$ACCOUNT"
