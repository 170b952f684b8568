#!/usr/bin/env bash
# Webhook benchmark (issue 12): starts account-service from its jar on this machine's MariaDB,
# subscribes a loopback receiver to staff.rostered, then 8 writers push new staff back to back;
# prints deliveries per second and the lag from each write's 2xx to its delivery. See README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18391}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
SECRET=${SMP_INTERNAL_TOKEN_SECRET:-bench-internal-secret-0123456789-abcdefghij}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xss512k -XX:+UseSerialGC -Xmx256m}
# The subscriber's answer may take up to 300 s: phase 2 holds the first delivery while the backlog is written.
# How often the dispatcher looks for due deliveries (the shipped default is 1s).
POLL=${BENCH_WEBHOOK_POLL:-1s}
JAR=${BENCH_JAR:-account-service/target/account-service.jar}
SQL="mysql -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD}"

[ -n "${BENCH_JAR:-}" ] || [ -f "$JAR" ] || (cd account-service && ../mvnw -o -q package -DskipTests)
./mvnw -o -q -f bench/pom.xml package -DskipTests
mkdir -p bench/target

$SQL -e "DROP DATABASE IF EXISTS smp_account_webhook_bench; CREATE DATABASE smp_account_webhook_bench;"
MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
SMP_PRIVACY_MASTER_KEY=$(head -c 32 /dev/urandom | base64) \
DATASOURCES_DEFAULT_URL="jdbc:mysql://$DB_HOST:$DB_PORT/smp_account_webhook_bench" \
DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
  java $JAVA_OPTS -Dsmp.webhooks.allow-private-addresses=true -Dsmp.webhooks.poll="$POLL" \
  -Dsmp.webhooks.timeout=300s \
  -jar "$JAR" > bench/target/account-service-webhooks.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  sleep 1
done
java -Dbench.writes="${BENCH_WRITES:-150}" -cp bench/target/classes uk.schoolsocial.bench.WebhookBench \
  "http://127.0.0.1:$PORT" "$SECRET"
