#!/usr/bin/env bash
# Starts one local Zeebe broker with an embedded gateway (gRPC + REST on loopback, no
# authentication), installed once from the distribution archive named by ZEEBE_DIST.
# Idempotent: when the broker already runs, it only waits for it to be healthy.
set -euo pipefail
# shellcheck source=scripts/zeebe/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

started_at="$(date +%s)"

print_endpoints() {
  log "up: gRPC ${ZEEBE_HOST}:${ZEEBE_GRPC_PORT}, REST http://${ZEEBE_HOST}:${ZEEBE_REST_PORT}/v2, health ${ZEEBE_HEALTH_URL}"
  log "logs: ${ZEEBE_LOG_FILE}"
}

wait_until_healthy() {
  local pid="$1" deadline=$(( $(date +%s) + ZEEBE_START_TIMEOUT ))
  until is_healthy; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      log "the broker exited during start-up; last lines of ${ZEEBE_LOG_FILE}:"
      tail -n 40 "${ZEEBE_LOG_FILE}" >&2 || true
      rm -f "${ZEEBE_PID_FILE}"
      exit 1
    fi
    if (( $(date +%s) > deadline )); then
      log "not healthy after ${ZEEBE_START_TIMEOUT}s (it keeps running; see ${ZEEBE_LOG_FILE} or run zeebe:stop)"
      tail -n 20 "${ZEEBE_LOG_FILE}" >&2 || true
      exit 1
    fi
    sleep 1
  done
}

# Installs the distribution once into the cache from the archive named by ZEEBE_DIST.
# The camunda-zeebe distribution is published under Camunda's own licence, not an
# open-source one, so this project never downloads it: whoever runs the broker obtains the
# archive under that licence and points ZEEBE_DIST at it.
ensure_distribution() {
  [[ -x "${ZEEBE_HOME}/bin/broker" ]] && return 0
  command -v tar >/dev/null || die "tar is required"
  [[ -n "${ZEEBE_DIST:-}" ]] || die "no distribution in ${ZEEBE_HOME}: set ZEEBE_DIST=<camunda-zeebe-${ZEEBE_VERSION}.tar.gz> obtained under Camunda's licence (see docs/zeebe.md)"
  [[ -f "${ZEEBE_DIST}" ]] || die "ZEEBE_DIST=${ZEEBE_DIST} does not exist"
  # Unpack next to the final place, then rename: an interrupted unpack never looks complete.
  local staging="${ZEEBE_CACHE_DIR}/.unpack-$$"
  rm -rf "${staging}" && mkdir -p "${staging}"
  tar -xzf "${ZEEBE_DIST}" -C "${staging}" --strip-components=1
  rm -rf "${ZEEBE_HOME}"
  mv "${staging}" "${ZEEBE_HOME}"
  log "distribution unpacked in ${ZEEBE_HOME}"
}

require_mariadb() {
  if ! (exec 3<>"/dev/tcp/${ZEEBE_DB_HOST}/${ZEEBE_DB_PORT}") 2>/dev/null; then
    die "MariaDB is not reachable at ${ZEEBE_DB_HOST}:${ZEEBE_DB_PORT} (needed for the secondary storage)"
  fi
}

# Unified configuration (8.8 and later): one broker, one partition, embedded gateway,
# RDBMS secondary storage, global user task listeners, unauthenticated API.
write_unified_config() {
  cat >"${ZEEBE_CONFIG_FILE}" <<YAML
camunda:
  cluster:
    size: 1
    partition-count: 1
    replication-factor: 1
    network:
      host: ${ZEEBE_HOST}
      command-api:
        port: ${ZEEBE_COMMAND_PORT}
      internal-api:
        port: ${ZEEBE_INTERNAL_PORT}
    global-listeners:
      user-task:
        - id: dealerflow-inbox
          type: ${ZEEBE_USER_TASK_LISTENER_TYPE}
          event-types: [creating, assigning, completing, canceling]
          retries: 3
  api:
    grpc:
      address: ${ZEEBE_HOST}
      port: ${ZEEBE_GRPC_PORT}
  system:
    cpu-thread-count: 1
    io-thread-count: 1
  data:
    primary-storage:
      directory: ${ZEEBE_DATA_DIR}
    secondary-storage:
      type: rdbms
      rdbms:
        url: jdbc:mariadb://${ZEEBE_DB_HOST}:${ZEEBE_DB_PORT}/${ZEEBE_DB_NAME}?createDatabaseIfNotExist=true
        username: ${ZEEBE_DB_USER}
        password: "${ZEEBE_DB_PASSWORD}"
  security:
    authentication:
      unprotected-api: true
    authorizations:
      enabled: false
server:
  address: ${ZEEBE_HOST}
  port: ${ZEEBE_REST_PORT}
management:
  server:
    address: ${ZEEBE_HOST}
    port: ${ZEEBE_MANAGEMENT_PORT}
YAML
}

# Legacy configuration (before 8.8): same topology, no secondary storage, no listeners.
write_legacy_config() {
  cat >"${ZEEBE_CONFIG_FILE}" <<YAML
zeebe:
  broker:
    gateway:
      enable: true
      network:
        host: ${ZEEBE_HOST}
        port: ${ZEEBE_GRPC_PORT}
    network:
      host: ${ZEEBE_HOST}
      commandApi:
        port: ${ZEEBE_COMMAND_PORT}
      internalApi:
        port: ${ZEEBE_INTERNAL_PORT}
    data:
      directory: ${ZEEBE_DATA_DIR}
    threads:
      cpuThreadCount: 1
      ioThreadCount: 1
server:
  address: ${ZEEBE_HOST}
  port: ${ZEEBE_REST_PORT}
management:
  server:
    address: ${ZEEBE_HOST}
    port: ${ZEEBE_MANAGEMENT_PORT}
YAML
}

if pid="$(running_pid)"; then
  log "already running (pid ${pid})"
  wait_until_healthy "${pid}"
  print_endpoints
  exit 0
fi

ensure_distribution
java_home="$(find_java)"
mkdir -p "${ZEEBE_RUN_DIR}" "${ZEEBE_DATA_DIR}"

launcher="${ZEEBE_HOME}/bin/broker"
if (( $(version_number "${ZEEBE_VERSION}") >= 808 )); then
  require_mariadb
  write_unified_config
  # bin/camunda is the 8.8+ single application; the profiles leave out the web apps.
  [[ -x "${ZEEBE_HOME}/bin/camunda" ]] && launcher="${ZEEBE_HOME}/bin/camunda"
  export SPRING_PROFILES_ACTIVE="${ZEEBE_SPRING_PROFILES:-broker,consolidated-auth}"
else
  write_legacy_config
fi

log "starting Camunda ${ZEEBE_VERSION} with $("${java_home}/bin/java" -version 2>&1 | head -n 1)"
: >"${ZEEBE_LOG_FILE}"
# setsid detaches the broker from this shell's session so it outlives npm; the inner shell
# records its own pid and then becomes the launcher script, which in turn execs java.
JAVA_HOME="${java_home}" JAVA_OPTS="${ZEEBE_JAVA_OPTS}" \
  setsid bash -c 'echo $$ >"$1"; shift; cd "$1"; shift; exec "$@"' _ \
  "${ZEEBE_PID_FILE}" "${ZEEBE_RUN_DIR}" \
  "${launcher}" "--spring.config.additional-location=file:${ZEEBE_CONFIG_FILE}" \
  </dev/null >>"${ZEEBE_LOG_FILE}" 2>&1 &

for _ in 1 2 3 4 5 6 7 8 9 10; do [[ -s "${ZEEBE_PID_FILE}" ]] && break; sleep 0.2; done
pid="$(cat "${ZEEBE_PID_FILE}")"
wait_until_healthy "${pid}"
log "healthy after $(( $(date +%s) - started_at ))s (pid ${pid})"
print_endpoints
