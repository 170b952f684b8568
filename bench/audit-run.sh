#!/usr/bin/env bash
# Audit trail benchmark (AUD-2, AUD-3): account-service with a million events in its table; measures
# the raw sequential read, the NDJSON export and the verification of the chain in one run, and the
# auditor's offline verification of the exported file. See README.md. Loopback only.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
PORT=${BENCH_PORT:-18391}
EVENTS=${BENCH_EVENTS:-1000000}
JAR=${BENCH_JAR:-account-service/target/account-service.jar}
CLI=audit-cli/target/audit-cli.jar
SCHEMA=smp_audit_bench
LOG=bench/target/audit-service.log

build_jar "$JAR" account-service
build_harness
# The JDBC driver for the raw-read baseline.
CLASSPATH="bench/target/classes:$(jdbc_driver)"

start_service() {
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
  SMP_ACCOUNT_CREDENTIALS_KEY=$(head -c 32 /dev/urandom | base64) \
  DATASOURCES_DEFAULT_URL="$URL/$SCHEMA" \
  DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
    start_jvm "$LOG" $JAVA_OPTS -jar "$JAR"
  SERVICE=$JVM
  wait_health "$PORT" "$SERVICE" "$LOG" 900
}
: > "$LOG"

fresh_schema $SCHEMA "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
# 1. First start: Flyway creates the stores, the chain is empty.
start_service
stop_jvms
# 2. The events, written straight into the table as a version without the chain would have left them:
#    about 600 bytes each (payload and AUD-1 metadata), ten per aggregate.
echo "inserting $EVENTS events ..."
STEP=100000
for ((from = 1; from <= EVENTS; from += STEP)); do
  to=$((from + STEP - 1)); [ "$to" -gt "$EVENTS" ] && to=$EVENTS
  sql $SCHEMA -e "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
      payload_type, time_stamp, aggregate_identifier, sequence_number, type)
    SELECT CONCAT('bench-', seq),
      CONCAT('{\"actorId\":\"staff-', seq MOD 50, '\",\"actorRoles\":\"STAFF\",\"schoolId\":\"bench-school\",',
             '\"correlationId\":\"c-', seq, '\",\"causationId\":\"c-', seq, '\"}'),
      CONCAT('{\"recordId\":\"agg-', seq DIV 10, '\",\"note\":\"', REPEAT('a note of what was decided ', 15), '\",\"n\":', seq, '}'),
      '1', 'uk.schoolsocial.events.bench.BenchRecordedEvent',
      DATE_FORMAT(TIMESTAMP('2026-01-01') + INTERVAL seq SECOND, '%Y-%m-%dT%H:%i:%sZ'),
      CONCAT('agg-', seq DIV 10), seq MOD 10, 'BenchRecord'
    FROM seq_${from}_to_${to}"
done
# 3. Second start: the service chains the events it finds (once), then its processors read them.
START=$(date +%s)
start_service
echo "started in $(( $(date +%s) - START )) s; $(grep -o 'Chained [0-9]* events[^"]*' "$LOG" | tail -1)"
HEAD=$(sql -N $SCHEMA -e "SELECT MAX(global_index) FROM domain_event_entry")
for _ in $(seq 1 900); do
  BEHIND=$(sql -N $SCHEMA -e "SELECT COUNT(*) FROM token_entry WHERE token_type LIKE '%GapAwareTrackingToken'
      AND CAST(token AS CHAR) NOT LIKE '%\"index\":$HEAD,%'")
  [ "$BEHIND" = 0 ] && break
  sleep 2
done
echo "processors caught up after $(( $(date +%s) - START )) s"
RSS_BEFORE=$(ps -o rss= -p "$SERVICE")
# 4. The measurements.
java -cp "$CLASSPATH" uk.schoolsocial.bench.AuditTrailBench "http://127.0.0.1:$PORT" "$SECRET" account \
  "$URL/$SCHEMA" "$DB_USER" "$DB_PASSWORD" bench/target/audit-export.ndjson
echo "service RSS: $((RSS_BEFORE / 1024)) MiB before the exports, $(( $(ps -o rss= -p "$SERVICE") / 1024 )) MiB after; peak $(grep VmHWM "/proc/$SERVICE/status" | awk '{print int($2/1024)}') MiB"
# 5. The auditor's offline verification of the exported file, with the service's published key.
if [ -f "$CLI" ]; then
  KEY=$(java -cp "$CLASSPATH" uk.schoolsocial.bench.AuditTrailBench --key "http://127.0.0.1:$PORT" "$SECRET" account 2>/dev/null || true)
  START_NS=$(date +%s%N)
  java -jar "$CLI" verify bench/target/audit-export.ndjson --public-key "$KEY" | tail -5
  echo "offline verification: $(( ($(date +%s%N) - START_NS) / 1000000 )) ms"
fi
