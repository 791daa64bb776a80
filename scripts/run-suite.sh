#!/usr/bin/env bash
# Run one test suite, teeing its output to target/test-logs/NAME.log and its
# exit status to target/test-logs/NAME.status (read by summarise-tests.mjs).
#
#   scripts/run-suite.sh NAME COMMAND [ARGS...]
set -uo pipefail

name=$1
shift
logs=${TEST_LOGS:-target/test-logs}
mkdir -p "$logs"
echo "==> [$name] $*"
start=$(date +%s)
"$@" 2>&1 | tee "$logs/$name.log"
status=${PIPESTATUS[0]}
echo "$status" >"$logs/$name.status"
echo "==> [$name] exit $status in $(($(date +%s) - start)) s"
exit "$status"
