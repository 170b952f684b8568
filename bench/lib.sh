# What the bench scripts share (bench/*.sh source it after `set -euo pipefail`; it is not run on its
# own). Moves to the repository's root, where every script works. See README.md.
# shellcheck shell=bash disable=SC2034 # the variables are the sourcing scripts'
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

# The database (this machine's MariaDB), the internal-token secret the services share with the harness,
# and the launcher's options for every service JVM (launcher SuiteConfig.DEFAULT_JAVA_OPTS, ChildLaunchPlan).
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-3306}
DB_USER=${BENCH_DB_USER:-root}
DB_PASSWORD=${BENCH_DB_PASSWORD:-}
URL="jdbc:mysql://$DB_HOST:$DB_PORT"
SECRET=${SMP_INTERNAL_TOKEN_SECRET:-bench-internal-secret-0123456789-abcdefghij}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xss512k -XX:+UseSerialGC -Xmx256m}
# Every service seals personal data under a master key it requires (AUD-4): one for the run, as the
# launcher makes one per data directory.
export SMP_PRIVACY_MASTER_KEY=${SMP_PRIVACY_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
mkdir -p bench/target

# The mysql client on that database; arguments as mysql's.
sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }

fresh_schema() { # name [CREATE DATABASE options]: an empty schema, dropped first if it exists
  sql -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 ${2:-}"
}

# The harness (bench/pom.xml: standalone, not a module of the root pom).
build_harness() { ./mvnw -o -q -f bench/pom.xml package -DskipTests; }

build_jar() { # jar, module: builds the module from this tree when the jar is the module's own and is missing
  [ -f "$1" ] || [ "$1" != "$2/target/$2.jar" ] || ./mvnw -o -q package -pl "$2" -am -DskipTests -Dspectral.skip
}

# The JDBC driver, from the local repository the harness's build resolved it into.
jdbc_driver() {
  # shellcheck disable=SC2012 # the versions are sorted by sort -V, not by ls
  ls "${MAVEN_REPO:-$HOME/.m2/repository}"/com/mysql/mysql-connector-j/*/mysql-connector-j-*.jar | sort -V | tail -1
}

# A bench of platform's tests (not tests: `./mvnw verify` never runs them) on the embedded MariaDB of the
# platform tests, or SMP_TEST_DB_URL; prints its report only (the lines from one pattern to another).
platform_bench() { # class, first line's pattern, last line's pattern, -D properties...
  local class=$1 from=$2 to=$3
  shift 3
  ./mvnw -B -o -pl platform -am test -Dspectral.skip -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    | sed -n "/$from/,/$to/p"
}

# Service JVMs started here, stopped at the end whatever happens.
JVMS=()
start_jvm() { # log, java arguments...: in the background, appending to the log; its pid in JVM
  local log=$1
  shift
  java "$@" >> "$log" 2>&1 &
  JVM=$!
  JVMS+=("$JVM")
}

wait_health() { # port, pid, log, seconds [any]: until /health answers below 400 (anything at all with "any")
  local status
  for _ in $(seq 1 "$4"); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health" 2>/dev/null || true)
    case "${5:-}:$status" in any:000 | :000) ;; any:* | :[23]??) return 0 ;; esac
    kill -0 "$2" 2>/dev/null || { echo "it died: $3"; exit 1; }
    sleep 1
  done
  echo "no /health on $1: $3"
  exit 1
}

stop_jvms() { # and wait until they are gone (a flight recording is written as its JVM exits)
  local pid
  # ${JVMS[@]+...}: an empty array is unbound under set -u on bash before 4.4 (macOS's 3.2).
  for pid in ${JVMS[@]+"${JVMS[@]}"}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${JVMS[@]+"${JVMS[@]}"}; do wait "$pid" 2>/dev/null || true; done
  JVMS=()
}
trap stop_jvms EXIT
