#!/usr/bin/env bash
# Command benchmark (issue 13): in one run on one MariaDB, at 1 and 8 clients (closed loop), the raw
# durable INSERT + COMMIT of an event-sized row, Axon's command path without HTTP (incident-service's
# context in the harness JVM), POST /api/v1/incidents straight to incident-service (started from its
# jar), and the same POST through the gateway (started from its jar). Prints throughput, p50, p99 and
# the ratio of each to raw. BENCH_PROFILE=1 records both JVMs with JFR and prints where the time goes in
# the 8-client windows of phases 3 and 4. See README.md. Loopback only; drops its schemas at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
INCIDENT_PORT=${BENCH_PORT:-18392}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18393}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
SECRET=${SMP_INTERNAL_TOKEN_SECRET:-bench-internal-secret-0123456789-abcdefghij}
# The launcher's options for every child JVM (launcher SuiteConfig.DEFAULT_JAVA_OPTS and ChildLaunchPlan).
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xss512k -XX:+UseSerialGC -Xmx256m}
JAVA_OPTS="$JAVA_OPTS -Ddisable-axoniq-console-message=true"
JAR=${BENCH_JAR:-incident-service/target/incident-service.jar}
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-gateway/target/gateway.jar}
PHASES=${BENCH_PHASES:-1 2 3 4}
PROFILE=${BENCH_PROFILE:-0}
OUT=${BENCH_OUT:-bench/target/command}
RAW=smp_cmd_bench_raw AXON=smp_cmd_bench_axon INCIDENT=smp_cmd_bench_incident ACCOUNT=smp_cmd_bench_account
SQL="mysql -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD}"
URL="jdbc:mysql://$DB_HOST:$DB_PORT"

[ -f "$JAR" ] || (cd incident-service && ../mvnw -o -q package -DskipTests -Dspectral.skip)
[ -f "$GATEWAY_JAR" ] || (cd gateway && ../mvnw -o -q package -DskipTests -Dspectral.skip)
./mvnw -o -q -f bench/pom.xml package -DskipTests
DRIVER=$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | sort -V | tail -1)
# Phase 2 is compiled against the very jar it measures (see AxonCommandBench).
rm -rf bench/target/axon-classes && mkdir -p bench/target/axon-classes "$OUT"
javac -nowarn -d bench/target/axon-classes -cp "bench/target/classes:$JAR" \
  bench/src/axon/java/uk/schoolsocial/bench/AxonCommandBench.java
RESULTS=$OUT/results.tsv
: > "$RESULTS"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "${BENCH_KEEP_SCHEMAS:-0}" = 1 ] || $SQL -e "DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $AXON;
      DROP DATABASE IF EXISTS $INCIDENT; DROP DATABASE IF EXISTS $ACCOUNT;" || true
}
trap cleanup EXIT
wait_health() { # port, pid, log
  for _ in $(seq 1 180); do
    # Any answer: the gateway's /health is DOWN (503) while the services it does not reach here are absent.
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health" 2>/dev/null)" != 000 ] && return 0
    kill -0 "$2" 2>/dev/null || { echo "it died: $3"; exit 1; }
    sleep 1
  done
  echo "no /health on $1: $3"; exit 1
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

for schema in $RAW $AXON $INCIDENT $ACCOUNT; do
  $SQL -e "DROP DATABASE IF EXISTS $schema; CREATE DATABASE $schema CHARACTER SET utf8mb4"
done
# The raw phase writes into Axon's own event table, as Flyway creates it for every service.
$SQL $RAW < platform/src/main/resources/db/platform/V20261121_0001__axon_stores.sql
# account-service's store, empty: incident-service follows it (leavers) through its accountevents datasource.
for migration in $(ls platform/src/main/resources/db/platform/*.sql | sort); do $SQL $ACCOUNT < "$migration"; done

# The service's environment, as the launcher's ChildLaunchPlan gives it (keys made for this run).
export SMP_INTERNAL_TOKEN_SECRET=$SECRET
export SMP_PRIVACY_MASTER_KEY=${SMP_PRIVACY_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
export SMP_AUDIT_SIGNING_KEY=${SMP_AUDIT_SIGNING_KEY:-$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)}
export DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD
export DATASOURCES_ACCOUNTEVENTS_URL="$URL/$ACCOUNT"
export DATASOURCES_ACCOUNTEVENTS_USERNAME=$DB_USER DATASOURCES_ACCOUNTEVENTS_PASSWORD=$DB_PASSWORD
jfr_for() { # name: the flight recorder on a service JVM when profiling; every sleep, socket read and lock wait
  [ "$PROFILE" = 1 ] && echo "-XX:StartFlightRecording:filename=$OUT/$1.jfr,settings=profile,jdk.ExecutionSample#period=5ms,jdk.ThreadSleep#threshold=0ms,jdk.ThreadPark#threshold=1ms,jdk.JavaMonitorEnter#threshold=0ms,jdk.SocketRead#threshold=0ms,jdk.SocketWrite#threshold=0ms"
  return 0
}
HARNESS="java ${BENCH_HARNESS_OPTS:-} -Dbench.db=$URL/ -Dbench.db.user=$DB_USER -Dbench.db.password=$DB_PASSWORD"
echo "load average at the start: $(load)"

if [[ " $PHASES " == *" 1 "* ]]; then
  $HARNESS -cp "bench/target/classes:$DRIVER" uk.schoolsocial.bench.CommandBench raw "$URL/$RAW" "$DB_USER" \
    "$DB_PASSWORD" "$RESULTS"
  echo "load average: $(load)"
fi

if [[ " $PHASES " == *" 2 "* ]]; then
  # incident-service's context inside the harness JVM, with the service's JVM options, on a schema of its own.
  DATASOURCES_DEFAULT_URL="$URL/$AXON" $HARNESS $JAVA_OPTS $(jfr_for axon) \
    -cp "bench/target/axon-classes:bench/target/classes:$JAR" uk.schoolsocial.bench.AxonCommandBench "$RESULTS" \
    > "$OUT/phase2.log" 2>&1 || { tail -40 "$OUT/phase2.log"; exit 1; }
  grep -E "^(2|  )" "$OUT/phase2.log" || true
  echo "load average: $(load)"
fi

if [[ " $PHASES " == *" 3 "* || " $PHASES " == *" 4 "* ]]; then
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$INCIDENT_PORT DATASOURCES_DEFAULT_URL="$URL/$INCIDENT" \
    java $JAVA_OPTS $(jfr_for incident) -jar "$JAR" > "$OUT/incident-service.log" 2>&1 &
  INCIDENT_PID=$!
  PIDS+=("$INCIDENT_PID")
  wait_health "$INCIDENT_PORT" "$INCIDENT_PID" "$OUT/incident-service.log"
  if [[ " $PHASES " == *" 3 "* ]]; then
    $HARNESS -Dbench.secret="$SECRET" -Dbench.metrics="http://127.0.0.1:$INCIDENT_PORT" -cp "bench/target/classes:$DRIVER" \
      uk.schoolsocial.bench.CommandBench http "3 incident-service HTTP" "http://127.0.0.1:$INCIDENT_PORT" "$RESULTS"
    echo "load average: $(load)"
  fi
  if [[ " $PHASES " == *" 4 "* ]]; then
    # The gateway as the launcher starts it: routes incidents to the service above; the other services
    # are not started (their prefixes point at a closed port); dev-mode tokens from its /dev/token.
    MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$GATEWAY_PORT \
    SMP_SERVICES_INCIDENT_URL="http://127.0.0.1:$INCIDENT_PORT" \
    SMP_SERVICES_ACCOUNT_URL=http://127.0.0.1:9 SMP_SERVICES_CONSENT_URL=http://127.0.0.1:9 \
    SMP_AUTH_DEV_KEY_FILE="$OUT/dev-issuer.jwk" \
      java $JAVA_OPTS $(jfr_for gateway) -jar "$GATEWAY_JAR" > "$OUT/gateway.log" 2>&1 &
    GATEWAY_PID=$!
    PIDS+=("$GATEWAY_PID")
    wait_health "$GATEWAY_PORT" "$GATEWAY_PID" "$OUT/gateway.log"
    BEARER=$(curl -fs -H 'Content-Type: application/json' -d '{"user":"staff"}' \
      "http://127.0.0.1:$GATEWAY_PORT/dev/token" | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/')
    $HARNESS -Dbench.bearer="$BEARER" -Dbench.metrics="http://127.0.0.1:$INCIDENT_PORT" -cp "bench/target/classes:$DRIVER" \
      uk.schoolsocial.bench.CommandBench http "4 through the gateway" "http://127.0.0.1:$GATEWAY_PORT" "$RESULTS"
    echo "load average: $(load)"
  fi
  # Stop the JVMs (the recordings are written as they exit) before reading the profiles.
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
fi

java -cp bench/target/classes uk.schoolsocial.bench.CommandBench report "$RESULTS"
if [ "$PROFILE" = 1 ]; then
  # Where the time goes in the 8-client windows: the service in phase 3, both JVMs in phase 4.
  window() { awk -F'\t' -v p="$1" '$1 == p && $2 == 8 {print $6, $7, $3}' "$RESULTS"; }
  [ -f "$OUT/axon.jfr" ] && [ -n "$(window '2a Axon sendAndWait')" ] && java -cp bench/target/classes \
    uk.schoolsocial.bench.JfrProfile "$OUT/axon.jfr" $(window '2a Axon sendAndWait') "Axon in process, phase 2a"
  [ -f "$OUT/incident.jfr" ] && [ -n "$(window '3 incident-service HTTP')" ] && java -cp bench/target/classes \
    uk.schoolsocial.bench.JfrProfile "$OUT/incident.jfr" $(window '3 incident-service HTTP') "incident-service, phase 3"
  [ -f "$OUT/incident.jfr" ] && [ -n "$(window '4 through the gateway')" ] && java -cp bench/target/classes \
    uk.schoolsocial.bench.JfrProfile "$OUT/incident.jfr" $(window '4 through the gateway') "incident-service, phase 4"
  [ -f "$OUT/gateway.jfr" ] && [ -n "$(window '4 through the gateway')" ] && java -cp bench/target/classes \
    uk.schoolsocial.bench.JfrProfile "$OUT/gateway.jfr" $(window '4 through the gateway') "gateway, phase 4"
fi
echo "load average at the end: $(load)"
