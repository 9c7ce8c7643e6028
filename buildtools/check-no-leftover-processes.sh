#!/usr/bin/env bash
# Fails when a Kinesis emulator, KPL child, Kafka broker or Connect worker process is still running after the tests: the test kit must
# kill everything it starts, even when a test fails.
set -u
leftovers=$(pgrep -fa 'kinesis-local/main.js|kinesalite/cli.js|kinesis_producer|connect.cli.ConnectDistributed|kafka.Kafka ' | grep -v pgrep || true)
if [ -n "$leftovers" ]; then
  echo "Processes left running after the tests:" >&2
  echo "$leftovers" >&2
  exit 1
fi
echo "No emulator, KPL, broker or worker process left running."
