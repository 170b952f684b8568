#!/usr/bin/env bash
# Builds the deployable jars (tests skipped) and starts the whole suite: an embedded MariaDB (or
# the server in SMP_DB_URL), account-, incident- and consent-service and the gateway.
# Every setting is an SMP_* environment variable; see README.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests -P '!lint-specs' package
exec java -Ddisable-axoniq-console-message=true -jar launcher/target/launcher.jar "$@"
