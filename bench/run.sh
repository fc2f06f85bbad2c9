#!/usr/bin/env bash
# Journey benchmark: builds if needed, starts a fresh server (H2 in a temp dir, or MariaDB), drives N cases
# through the whole journey with bench/'s JourneyBenchmark, prints the results, stops the server.
#
#   bench/run.sh h2 200                      # H2 file database in a temp dir, as fast as possible
#   bench/run.sh h2 200 --rate 50            # paced: 50 task completions/s (user + external)
#   bench/run.sh mariadb 200                 # MariaDB on 127.0.0.1:3306 (root, no password), database dropped first
#
# Extra arguments go to the benchmark (--team-threads, --rate, --poll-ms, ...; see --help).
# Environment: PORT (default 18080), SIM_DELAY (vendor simulator delay, default 100ms; the product default
# is 2s), SERVER_JAVA_OPTS (JVM options of the server, default none), SERVER_EXTRA_ARGS (more server arguments,
# e.g. "--operaton.bpm.history-level=full"), ROUNDS (run the benchmark this many times against the same server,
# each with its own cases and RESULT line: how the server does once its JIT has settled), SERVER_JAR (another build's
# server jar, for A/B runs), BENCH_JAVA_OPTS (of the benchmark
# client), DB_NAME (MariaDB database, default relocation_bench), THREAD_DUMPS (seconds after the start of the
# benchmark at which to save `jcmd Thread.print` of the server, e.g. "20 40"), PROFILE_AT ("START LENGTH" in
# seconds: a JFR profile of the server, saved as profile.jfr; JFR_SETTINGS picks the JFR settings, default "profile",
# "default" samples less often and slows the server less), SERVER_JAVA (the server's java command, default java),
# KEEP_LOGS=1 to keep the work dir (log, dumps, profile).
#
# On a shared machine wrap it in the CPU lock, which it then holds for build, server start, run and stop:
#   flock /tmp/cpu.lock bench/run.sh h2 200
set -euo pipefail

DB=${1:-}
CASES=${2:-}
if [[ -z "$DB" || -z "$CASES" || ! "$DB" =~ ^(h2|mariadb)$ ]]; then
  echo "usage: $0 h2|mariadb CASES [benchmark options]" >&2
  exit 2
fi
shift 2

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-"$ROOT/server/target/relocation-server-0.1.0-SNAPSHOT.jar"}
BENCH_JAR="$ROOT/bench/target/relocation-bench-0.1.0-SNAPSHOT.jar"
PORT=${PORT:-18080}
SIM_DELAY=${SIM_DELAY:-100ms}
DB_NAME=${DB_NAME:-relocation_bench}

if [[ ! -f "$SERVER_JAR" || ! -f "$BENCH_JAR" ]]; then
  echo "== building (./mvnw -B -q -o install -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q -o install -DskipTests)
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
  echo "Port $PORT is already in use; set PORT" >&2
  exit 2
fi

WORK=$(mktemp -d /tmp/relocation-bench.XXXXXX)
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_LOGS:-0}" == 1 ]]; then
    echo "== server log and thread dumps kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

SERVER_ARGS=(--server.port="$PORT" --relocation.demo.seed-cases=false --relocation.demo.seed-vendors=false --relocation.demo.simulator-delay="$SIM_DELAY")
# shellcheck disable=SC2206
SERVER_ARGS+=(${SERVER_EXTRA_ARGS:-})
if [[ "$DB" == h2 ]]; then
  SERVER_ARGS+=(--spring.profiles.active=demo)
  unset RELOCATION_DB_URL || true
else
  mariadb -h127.0.0.1 -P3306 -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`"
  export RELOCATION_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB_NAME?createDatabaseIfNotExist=true&sendFractionalSeconds=false&useSSL=false&allowPublicKeyRetrieval=true"
  export RELOCATION_HIBERNATE_DIALECT=org.hibernate.dialect.MariaDBDialect
  SERVER_ARGS+=(--spring.profiles.active=demo,mysql)
fi

echo "== starting the server ($DB, port $PORT, simulator delay $SIM_DELAY, work dir $WORK)"
cd "$WORK"
# shellcheck disable=SC2086
"${SERVER_JAVA:-java}" ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" "${SERVER_ARGS[@]}" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
STARTED=$(date +%s)
until curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The server died while starting; last lines of its log:" >&2
    tail -40 "$WORK/server.log" >&2
    exit 1
  fi
  if (($(date +%s) - STARTED > 240)); then
    echo "The server did not become healthy in 240 s" >&2
    tail -40 "$WORK/server.log" >&2
    exit 1
  fi
  sleep 1
done
# the job workers subscribe once the web server is up; give them a moment
for _ in $(seq 1 120); do grep -q "Job workers polling" "$WORK/server.log" && break; sleep 0.5; done
echo "== server up in $(($(date +%s) - STARTED)) s (pid $SERVER_PID)"

if [[ -n "${PROFILE_AT:-}" ]]; then
  read -r P_START P_LEN <<<"$PROFILE_AT"
  (sleep "$P_START"; jcmd "$SERVER_PID" JFR.start name=bench settings="${JFR_SETTINGS:-profile}" duration="${P_LEN:-60}s" filename="$WORK/profile.jfr" >/dev/null 2>&1 || true) &
fi
for at in ${THREAD_DUMPS:-}; do
  (sleep "$at"; jcmd "$SERVER_PID" Thread.print >"$WORK/threads-$at.txt" 2>&1 || true) &
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
DB_PID=
if [[ "$DB" == mariadb ]]; then
  DB_PID=$(pgrep -x mariadbd || pgrep -x mysqld || true)
  DB_PID=${DB_PID%%$'\n'*}
fi
[[ -n "$DB_PID" ]] && DB_TICKS=$(ticks "$DB_PID") && DB_T0=$(date +%s.%N)

set +e
STATUS=0
for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  ((${ROUNDS:-1} > 1)) && echo "== round $round of $ROUNDS against the same server"
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -jar "$BENCH_JAR" \
    --url "http://127.0.0.1:$PORT" --cases "$CASES" --server-pid "$SERVER_PID" "$@"
  STATUS=$?
  ((STATUS != 0)) && break
done
set -e
if [[ -n "$DB_PID" ]]; then
  awk -v t="$(($(ticks "$DB_PID") - DB_TICKS))" -v s="$(awk -v a="$(date +%s.%N)" -v b="$DB_T0" 'BEGIN { print a - b }')" \
    'BEGIN { printf "== MariaDB (mariadbd) CPU: %.2f cores busy on average over warm-up and run\n", t / 100 / s }'
fi

# what went wrong inside the server during the run (none of it is hidden from the numbers above)
EXT_CONFLICTS=$(grep -A25 "ENGINE-REST-HTTP500 org.operaton.bpm.engine.OptimisticLockingException" "$WORK/server.log" | grep -c "ExternalTaskServiceImpl.complete" || true)
LOST=$(grep -cE "Simulated .* callback .* failed: HTTP 500" "$WORK/server.log" || true)
SEQ=$(grep -c "Servlet.service().*CASE_NUMBER_SEQUENCE\|Servlet.service().*case_number_sequence" "$WORK/server.log" || true)
echo "== server side: $EXT_CONFLICTS external task completions refused with OptimisticLockingException (the task stays locked"
echo "   until its lock expires, relocation.workers.lock-duration, 2 min by default), $LOST vendor simulator answers dropped"
echo "   after HTTP 500, $SEQ case openings refused by a case-number sequence collision"
WARNINGS=$(grep -cE " (WARN|ERROR) " "$WORK/server.log" || true)
echo "== server log: $WARNINGS WARN/ERROR lines"
if [[ "$WARNINGS" != 0 ]]; then
  grep -E " (WARN|ERROR) " "$WORK/server.log" | sed -E 's/^.{0,40}(WARN|ERROR)/\1/' | cut -c1-200 | sort | uniq -c | sort -rn | head -10
fi
exit $STATUS
