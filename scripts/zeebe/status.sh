#!/usr/bin/env bash
# Says whether the local broker runs and is healthy. Exit code: 0 up, 1 starting or
# unhealthy, 3 not running (like an init script's status).
set -euo pipefail
# shellcheck source=scripts/zeebe/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! pid="$(running_pid)"; then
  echo "zeebe ${ZEEBE_VERSION}: not running"
  exit 3
fi
# Name the version that actually runs (it may differ from ZEEBE_VERSION in this shell).
running_version="$(tr '\0' '\n' <"/proc/${pid}/cmdline" | sed -nE 's#.*camunda-zeebe-([0-9][^/]*).*#\1#p' | head -n 1)"
ZEEBE_VERSION="${running_version:-${ZEEBE_VERSION}}"
if is_healthy; then
  rss_kb="$(awk '/^VmRSS/ {print $2}' "/proc/${pid}/status" 2>/dev/null || echo 0)"
  echo "zeebe ${ZEEBE_VERSION}: up (pid ${pid}, RSS $(( rss_kb / 1024 )) MiB), gRPC ${ZEEBE_HOST}:${ZEEBE_GRPC_PORT}, REST http://${ZEEBE_HOST}:${ZEEBE_REST_PORT}/v2, logs ${ZEEBE_LOG_FILE}"
  exit 0
fi
echo "zeebe ${ZEEBE_VERSION}: running (pid ${pid}) but not healthy yet, logs ${ZEEBE_LOG_FILE}"
exit 1
