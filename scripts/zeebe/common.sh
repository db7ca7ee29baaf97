#!/usr/bin/env bash
# Shared settings and helpers for the local Zeebe broker scripts (start.sh, stop.sh, status.sh).
# Sourced, not executed. Every setting can be overridden through the environment.
set -euo pipefail

ZEEBE_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${ZEEBE_SCRIPTS_DIR}/../.." && pwd)"

# The Camunda release the configuration is written for (8.8+ unified, older legacy).
ZEEBE_VERSION="${ZEEBE_VERSION:-8.9.17}"

# Everything unpacked or produced at run time lives in the git-ignored cache.
ZEEBE_CACHE_DIR="${ZEEBE_CACHE_DIR:-${REPO_ROOT}/.cache/zeebe}"
ZEEBE_HOME="${ZEEBE_CACHE_DIR}/camunda-zeebe-${ZEEBE_VERSION}"
ZEEBE_RUN_DIR="${ZEEBE_RUN_DIR:-${ZEEBE_CACHE_DIR}/run}"
ZEEBE_PID_FILE="${ZEEBE_RUN_DIR}/broker.pid"
ZEEBE_LOG_FILE="${ZEEBE_RUN_DIR}/broker.log"
ZEEBE_CONFIG_FILE="${ZEEBE_RUN_DIR}/application.yaml"
ZEEBE_DATA_DIR="${ZEEBE_DATA_DIR:-${ZEEBE_RUN_DIR}/data}"

# Network: everything on loopback.
ZEEBE_HOST="${ZEEBE_HOST:-127.0.0.1}"
ZEEBE_GRPC_PORT="${ZEEBE_GRPC_PORT:-26500}"
ZEEBE_REST_PORT="${ZEEBE_REST_PORT:-8080}"
ZEEBE_MANAGEMENT_PORT="${ZEEBE_MANAGEMENT_PORT:-9600}"
ZEEBE_COMMAND_PORT="${ZEEBE_COMMAND_PORT:-26501}"
ZEEBE_INTERNAL_PORT="${ZEEBE_INTERNAL_PORT:-26502}"
ZEEBE_HEALTH_URL="http://${ZEEBE_HOST}:${ZEEBE_MANAGEMENT_PORT}/actuator/health"

# Secondary storage: the RDBMS exporter writes into its own MariaDB database.
ZEEBE_DB_HOST="${ZEEBE_DB_HOST:-127.0.0.1}"
ZEEBE_DB_PORT="${ZEEBE_DB_PORT:-3306}"
ZEEBE_DB_NAME="${ZEEBE_DB_NAME:-zeebe}"
ZEEBE_DB_USER="${ZEEBE_DB_USER:-root}"
ZEEBE_DB_PASSWORD="${ZEEBE_DB_PASSWORD:-}"

# Job type of the global user task listener (creating, assigning, completing, canceling).
ZEEBE_USER_TASK_LISTENER_TYPE="${ZEEBE_USER_TASK_LISTENER_TYPE:-dealerflow-user-task-events}"

# A small JVM for a 2-core machine shared with other work.
ZEEBE_JAVA_OPTS="${ZEEBE_JAVA_OPTS:--Xms256m -Xmx768m -XX:MaxDirectMemorySize=256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
ZEEBE_START_TIMEOUT="${ZEEBE_START_TIMEOUT:-240}"
ZEEBE_STOP_TIMEOUT="${ZEEBE_STOP_TIMEOUT:-60}"

log() { echo "zeebe: $*" >&2; }
die() { log "$*"; exit 1; }

# "8.9.17" -> 809 ; used to choose between the unified (8.8+) and legacy configuration.
version_number() {
  local major minor
  IFS=. read -r major minor _ <<<"$1"
  echo $((10#${major} * 100 + 10#${minor%%-*}))
}

# Prints the pid of the running broker, or fails when none runs.
running_pid() {
  [[ -f "${ZEEBE_PID_FILE}" ]] || return 1
  local pid
  pid="$(cat "${ZEEBE_PID_FILE}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  # A recycled pid belongs to another program: only trust it if it is our broker's java.
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q -- "${ZEEBE_CACHE_DIR}" || return 1
  echo "${pid}"
}

is_healthy() {
  curl -fsS --max-time 2 "${ZEEBE_HEALTH_URL}" 2>/dev/null | grep -q '"status":"UP"'
}

# Major version of a java binary ("17", "21", "25"), or nothing if it cannot be run.
java_major() {
  "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'
}

# JAVA_HOME if it is 21+, otherwise the newest JDK 21+ under /usr/lib/jvm.
find_java() {
  local candidate best="" best_major=0 major
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    major="$(java_major "${JAVA_HOME}/bin/java")"
    if [[ -n "${major}" && "${major}" -ge 21 ]]; then echo "${JAVA_HOME}"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [[ -x "${candidate}/bin/java" && ! -L "${candidate}" ]] || continue
    major="$(java_major "${candidate}/bin/java")"
    if [[ -n "${major}" && "${major}" -ge 21 && "${major}" -gt "${best_major}" ]]; then
      best="${candidate}"; best_major="${major}"
    fi
  done
  [[ -n "${best}" ]] || die "no JDK 21+ found: set JAVA_HOME or install one under /usr/lib/jvm"
  echo "${best}"
}
