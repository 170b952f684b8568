#!/usr/bin/env bash
# Audit trail benchmark (AUD-2, AUD-3): account-service with a million events in its table; measures
# the raw sequential read, the NDJSON export and the verification of the chain in one run, and the
# auditor's offline verification of the exported file. See README.md. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18391}
EVENTS=${BENCH_EVENTS:-1000000}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
SECRET=${SMP_INTERNAL_TOKEN_SECRET:-bench-internal-secret-0123456789-abcdefghij}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xss512k -XX:+UseSerialGC -Xmx256m}
JAR=${BENCH_JAR:-account-service/target/account-service.jar}
CLI=audit-cli/target/audit-cli.jar
SCHEMA=smp_audit_bench
SQL="mysql -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD}"
mkdir -p bench/target

[ -n "${BENCH_JAR:-}" ] || [ -f "$JAR" ] || (cd account-service && ../mvnw -o -q package -DskipTests)
./mvnw -o -q -f bench/pom.xml package -DskipTests
# The JDBC driver for the raw-read baseline, from the local repository the build just resolved it into.
DRIVER=$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | sort -V | tail -1)
CLASSPATH="bench/target/classes:$DRIVER"

SERVICE=
start_service() {
  MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
  SMP_ACCOUNT_CREDENTIALS_KEY=$(head -c 32 /dev/urandom | base64) \
  DATASOURCES_DEFAULT_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$SCHEMA" \
  DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
    java $JAVA_OPTS -jar "$JAR" >> bench/target/audit-service.log 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && return 0
    kill -0 $SERVICE 2>/dev/null || { echo "the service died: bench/target/audit-service.log"; exit 1; }
    sleep 1
  done
  echo "the service did not start"; exit 1
}
stop_service() { kill $SERVICE; wait $SERVICE 2>/dev/null || true; }
trap '[ -n "$SERVICE" ] && kill $SERVICE 2>/dev/null || true' EXIT
: > bench/target/audit-service.log

$SQL -e "DROP DATABASE IF EXISTS $SCHEMA; CREATE DATABASE $SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
# 1. First start: Flyway creates the stores, the chain is empty.
start_service
stop_service
# 2. The events, written straight into the table as a version without the chain would have left them:
#    about 600 bytes each (payload and AUD-1 metadata), ten per aggregate.
echo "inserting $EVENTS events ..."
STEP=100000
for ((from = 1; from <= EVENTS; from += STEP)); do
  to=$((from + STEP - 1)); [ $to -gt $EVENTS ] && to=$EVENTS
  $SQL $SCHEMA -e "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
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
echo "started in $(( $(date +%s) - START )) s; $(grep -o 'Chained [0-9]* events[^"]*' bench/target/audit-service.log | tail -1)"
HEAD=$($SQL -N $SCHEMA -e "SELECT MAX(global_index) FROM domain_event_entry")
for _ in $(seq 1 900); do
  BEHIND=$($SQL -N $SCHEMA -e "SELECT COUNT(*) FROM token_entry WHERE token_type LIKE '%GapAwareTrackingToken'
      AND CAST(token AS CHAR) NOT LIKE '%\"index\":$HEAD,%'")
  [ "$BEHIND" = 0 ] && break
  sleep 2
done
echo "processors caught up after $(( $(date +%s) - START )) s"
RSS_BEFORE=$(ps -o rss= -p $SERVICE)
# 4. The measurements.
java -cp "$CLASSPATH" uk.schoolsocial.bench.AuditTrailBench "http://127.0.0.1:$PORT" "$SECRET" account \
  "jdbc:mysql://$DB_HOST:$DB_PORT/$SCHEMA" "$DB_USER" "$DB_PASSWORD" bench/target/audit-export.ndjson
echo "service RSS: $((RSS_BEFORE / 1024)) MiB before the exports, $(( $(ps -o rss= -p $SERVICE) / 1024 )) MiB after; peak $(grep VmHWM /proc/$SERVICE/status | awk '{print int($2/1024)}') MiB"
# 5. The auditor's offline verification of the exported file, with the service's published key.
if [ -f "$CLI" ]; then
  KEY=$(java -cp "$CLASSPATH" uk.schoolsocial.bench.AuditTrailBench --key "http://127.0.0.1:$PORT" "$SECRET" account 2>/dev/null || true)
  START_NS=$(date +%s%N)
  java -jar "$CLI" verify bench/target/audit-export.ndjson --public-key "$KEY" | tail -5
  echo "offline verification: $(( ($(date +%s%N) - START_NS) / 1000000 )) ms"
fi
