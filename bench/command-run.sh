#!/usr/bin/env bash
# Command benchmark (issue 13): in one run on one MariaDB, at 1 and 8 clients (closed loop), the raw
# durable INSERT + COMMIT of an event-sized row, Axon's command path without HTTP (incident-service's
# context in the harness JVM), POST /api/v1/incidents straight to incident-service (started from its
# jar), and the same POST through the gateway (started from its jar). Prints throughput, p50, p99 and
# the ratio of each to raw. BENCH_PROFILE=1 records both JVMs with JFR and prints where the time goes in
# the 8-client windows of phases 3 and 4. See README.md. Loopback only; drops its schemas at the end.
# shellcheck disable=SC2086,SC2046 # JAVA_OPTS, HARNESS and the recording's options are lists of words
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
INCIDENT_PORT=${BENCH_PORT:-18392}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18393}
JAVA_OPTS="$JAVA_OPTS -Ddisable-axoniq-console-message=true"
JAR=${BENCH_JAR:-incident-service/target/incident-service.jar}
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-gateway/target/gateway.jar}
PHASES=${BENCH_PHASES:-1 2 3 4}
PROFILE=${BENCH_PROFILE:-0}
OUT=${BENCH_OUT:-bench/target/command}
RAW=smp_cmd_bench_raw AXON=smp_cmd_bench_axon INCIDENT=smp_cmd_bench_incident ACCOUNT=smp_cmd_bench_account

build_jar "$JAR" incident-service
build_jar "$GATEWAY_JAR" gateway
build_harness
DRIVER=$(jdbc_driver)
# Phase 2 is compiled against the very jar it measures (see AxonCommandBench).
rm -rf bench/target/axon-classes && mkdir -p bench/target/axon-classes "$OUT"
javac -nowarn -d bench/target/axon-classes -cp "bench/target/classes:$JAR" \
  bench/src/axon/java/uk/schoolsocial/bench/AxonCommandBench.java
RESULTS=$OUT/results.tsv
: > "$RESULTS"

cleanup() {
  stop_jvms
  [ "${BENCH_KEEP_SCHEMAS:-0}" = 1 ] || sql -e "DROP DATABASE IF EXISTS $RAW; DROP DATABASE IF EXISTS $AXON;
      DROP DATABASE IF EXISTS $INCIDENT; DROP DATABASE IF EXISTS $ACCOUNT;" || true
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

for schema in $RAW $AXON $INCIDENT $ACCOUNT; do
  fresh_schema "$schema" "CHARACTER SET utf8mb4"
done
# The raw phase writes into Axon's own event table, as Flyway creates it for every service.
sql $RAW < platform/src/main/resources/db/platform/V20261121_0001__axon_stores.sql
# account-service's store, empty: incident-service follows it (leavers) through its accountevents datasource.
for migration in platform/src/main/resources/db/platform/*.sql; do sql $ACCOUNT < "$migration"; done

# The service's environment, as the launcher's ChildLaunchPlan gives it (keys made for this run).
export SMP_INTERNAL_TOKEN_SECRET=$SECRET
export SMP_AUDIT_SIGNING_KEY=${SMP_AUDIT_SIGNING_KEY:-$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)}
export DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD
export DATASOURCES_ACCOUNTEVENTS_URL="$URL/$ACCOUNT"
export DATASOURCES_ACCOUNTEVENTS_USERNAME=$DB_USER DATASOURCES_ACCOUNTEVENTS_PASSWORD=$DB_PASSWORD
jfr_for() { # name: the flight recorder on a service JVM when profiling; every sleep, socket read and lock wait
  [ "$PROFILE" = 1 ] && echo "-XX:StartFlightRecording:filename=$OUT/$1.jfr,settings=profile,jdk.ExecutionSample#period=5ms,jdk.ThreadSleep#threshold=0ms,jdk.ThreadPark#threshold=1ms,jdk.JavaMonitorEnter#threshold=0ms,jdk.SocketRead#threshold=0ms,jdk.SocketWrite#threshold=0ms"
  return 0
}
# The CPU of the database server (when it runs on this machine) and of each JVM on the path, per window.
MARIADB_PID=$(pgrep -x mariadbd || pgrep -x mysqld || true)
HARNESS="java ${BENCH_HARNESS_OPTS:-} -Dbench.clk.tck=$(getconf CLK_TCK) -Dbench.db=$URL/ -Dbench.db.user=$DB_USER -Dbench.db.password=$DB_PASSWORD"
echo "load average at the start: $(load)"

if [[ " $PHASES " == *" 1 "* ]]; then
  $HARNESS -Dbench.cpu="mariadb=$MARIADB_PID" -cp "bench/target/classes:$DRIVER" uk.schoolsocial.bench.CommandBench raw "$URL/$RAW" "$DB_USER" \
    "$DB_PASSWORD" "$RESULTS"
  echo "load average: $(load)"
fi

if [[ " $PHASES " == *" 2 "* ]]; then
  # incident-service's context inside the harness JVM, with the service's JVM options, on a schema of its own.
  DATASOURCES_DEFAULT_URL="$URL/$AXON" $HARNESS -Dbench.cpu="mariadb=$MARIADB_PID" $JAVA_OPTS $(jfr_for axon) \
    -cp "bench/target/axon-classes:bench/target/classes:$JAR" uk.schoolsocial.bench.AxonCommandBench "$RESULTS" \
    > "$OUT/phase2.log" 2>&1 || { tail -40 "$OUT/phase2.log"; exit 1; }
  grep -E "^(2|  )" "$OUT/phase2.log" || true
  echo "load average: $(load)"
fi

if [[ " $PHASES " == *" 3 "* || " $PHASES " == *" 4 "* ]]; then
  : > "$OUT/incident-service.log"
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$INCIDENT_PORT DATASOURCES_DEFAULT_URL="$URL/$INCIDENT" \
    start_jvm "$OUT/incident-service.log" $JAVA_OPTS $(jfr_for incident) -jar "$JAR"
  wait_health "$INCIDENT_PORT" "$JVM" "$OUT/incident-service.log" 180 any
  SERVICE_PID=$JVM
  if [[ " $PHASES " == *" 3 "* ]]; then
    $HARNESS -Dbench.cpu="mariadb=$MARIADB_PID,service=$SERVICE_PID" -Dbench.secret="$SECRET" -Dbench.metrics="http://127.0.0.1:$INCIDENT_PORT" -cp "bench/target/classes:$DRIVER" \
      uk.schoolsocial.bench.CommandBench http "3 incident-service HTTP" "http://127.0.0.1:$INCIDENT_PORT" "$RESULTS"
    echo "load average: $(load)"
  fi
  if [[ " $PHASES " == *" 4 "* ]]; then
    # The gateway as the launcher starts it: routes incidents to the service above; the other services
    # are not started (their prefixes point at a closed port); dev-mode tokens from its /dev/token. Its rate
    # limiter runs but cannot refuse: one bench caller sends more than a caller's 3,000 requests a minute.
    : > "$OUT/gateway.log"
    MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$GATEWAY_PORT \
    SMP_SERVICES_INCIDENT_URL="http://127.0.0.1:$INCIDENT_PORT" \
    SMP_SERVICES_ACCOUNT_URL=http://127.0.0.1:9 SMP_SERVICES_CONSENT_URL=http://127.0.0.1:9 \
    SMP_AUTH_DEV_KEY_FILE="$OUT/dev-issuer.jwk" \
    SMP_RATE_LIMIT_PER_CALLER=100000000 SMP_RATE_LIMIT_PER_ADDRESS=100000000 \
      start_jvm "$OUT/gateway.log" $JAVA_OPTS $(jfr_for gateway) -jar "$GATEWAY_JAR"
    # Any answer: its /health is DOWN (503) while the services it does not reach here are absent.
    wait_health "$GATEWAY_PORT" "$JVM" "$OUT/gateway.log" 180 any
    BEARER=$(curl -fs -H 'Content-Type: application/json' -d '{"user":"staff"}' \
      "http://127.0.0.1:$GATEWAY_PORT/dev/token" | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/')
    $HARNESS -Dbench.cpu="mariadb=$MARIADB_PID,service=$SERVICE_PID,gateway=$JVM" -Dbench.bearer="$BEARER" -Dbench.metrics="http://127.0.0.1:$INCIDENT_PORT" -cp "bench/target/classes:$DRIVER" \
      uk.schoolsocial.bench.CommandBench http "4 through the gateway" "http://127.0.0.1:$GATEWAY_PORT" "$RESULTS"
    echo "load average: $(load)"
  fi
  # Stop the JVMs (the recordings are written as they exit) before reading the profiles.
  stop_jvms
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
