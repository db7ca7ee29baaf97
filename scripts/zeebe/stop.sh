#!/usr/bin/env bash
# Stops the local broker started by start.sh: SIGTERM (Spring shuts the broker down cleanly,
# flushing its state), then SIGKILL only if it has not exited after ZEEBE_STOP_TIMEOUT seconds.
# Idempotent: stopping a broker that does not run succeeds.
set -euo pipefail
# shellcheck source=scripts/zeebe/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! pid="$(running_pid)"; then
  rm -f "${ZEEBE_PID_FILE}"
  log "not running"
  exit 0
fi

log "stopping pid ${pid}"
kill -TERM "${pid}"
deadline=$(( $(date +%s) + ZEEBE_STOP_TIMEOUT ))
while kill -0 "${pid}" 2>/dev/null; do
  if (( $(date +%s) > deadline )); then
    log "still running after ${ZEEBE_STOP_TIMEOUT}s, killing it"
    kill -KILL "${pid}" 2>/dev/null || true
    break
  fi
  sleep 0.5
done
rm -f "${ZEEBE_PID_FILE}"
log "stopped (logs: ${ZEEBE_LOG_FILE})"
