#!/usr/bin/env bash
# Publication check benchmark (CON-4): starts consent-service from its jar on this machine's MariaDB,
# seeds a roster and consent through the API, then measures. See README.md. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18390}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
SECRET=${SMP_INTERNAL_TOKEN_SECRET:-bench-internal-secret-0123456789-abcdefghij}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xss512k -XX:+UseSerialGC -Xmx256m}
ACCOUNT=5b0f7c1e-2a47-4c0e-9d55-0f4a8d1c2e93
SQL="mysql -h$DB_HOST -P$DB_PORT -u$DB_USER ${DB_PASSWORD:+-p$DB_PASSWORD}"

[ -f consent-service/target/consent-service.jar ] || (cd consent-service && ../mvnw -o -q package -DskipTests)
./mvnw -o -q -f bench/pom.xml package -DskipTests

$SQL -e "DROP DATABASE IF EXISTS smp_consent_bench; DROP DATABASE IF EXISTS smp_account_bench;
         CREATE DATABASE smp_consent_bench; CREATE DATABASE smp_account_bench;"
# account-service's event store, empty, as its Flyway would create it: the upstream of the
# official-accounts processor.
$SQL smp_account_bench < platform/src/main/resources/db/platform/V20261121_0001__axon_stores.sql
MICRONAUT_SERVER_PORT=$PORT SMP_INTERNAL_TOKEN_SECRET=$SECRET \
DATASOURCES_DEFAULT_URL="jdbc:mysql://$DB_HOST:$DB_PORT/smp_consent_bench" \
DATASOURCES_DEFAULT_USERNAME=$DB_USER DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD \
DATASOURCES_ACCOUNTEVENTS_URL="jdbc:mysql://$DB_HOST:$DB_PORT/smp_account_bench" \
DATASOURCES_ACCOUNTEVENTS_USERNAME=$DB_USER DATASOURCES_ACCOUNTEVENTS_PASSWORD=$DB_PASSWORD \
  java $JAVA_OPTS -jar consent-service/target/consent-service.jar > bench/target/consent-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  sleep 1
done
# One LIVE official account of the bench school, as the official-accounts processor projects it.
$SQL -e "INSERT INTO smp_consent_bench.official_live_account_view
         VALUES ('$ACCOUNT', 'bench-school', '$ACCOUNT', 'INSTAGRAM', 'bench', 'Bench', 'LIVE', 1);"
java -cp bench/target/classes uk.schoolsocial.bench.PublicationCheckBench "http://127.0.0.1:$PORT" "$SECRET" "$ACCOUNT"
