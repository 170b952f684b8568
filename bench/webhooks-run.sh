#!/usr/bin/env bash
# Webhook benchmark (issue 12): starts account-service from its jar on this machine's MariaDB,
# subscribes a loopback receiver to staff.rostered, then 8 writers push new staff back to back;
# prints deliveries per second and the lag from each write's 2xx to its delivery. See README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
PORT=${BENCH_PORT:-18391}
# The subscriber's answer may take up to 300 s: phase 2 holds the first delivery while the backlog is written.
# How often the dispatcher looks for due deliveries (the shipped default is 1s).
POLL=${BENCH_WEBHOOK_POLL:-1s}
JAR=${BENCH_JAR:-account-service/target/account-service.jar}
LOG=bench/target/account-service-webhooks.log

build_jar "$JAR" account-service
build_harness

fresh_schema smp_account_webhook_bench
: > "$LOG"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
DATASOURCES_DEFAULT_URL="$URL/smp_account_webhook_bench" \
DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
  start_jvm "$LOG" $JAVA_OPTS -Dsmp.webhooks.allow-private-addresses=true -Dsmp.webhooks.poll="$POLL" \
  -Dsmp.webhooks.timeout=300s \
  -jar "$JAR"
wait_health "$PORT" "$JVM" "$LOG" 120
java -Dbench.writes="${BENCH_WRITES:-150}" -cp bench/target/classes uk.schoolsocial.bench.WebhookBench \
  "http://127.0.0.1:$PORT" "$SECRET"
