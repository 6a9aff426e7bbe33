#!/bin/sh
# DR hook: moves the service's traffic to STRATA_REGION. Offline stand-in for a DNS or load balancer change:
# it prints what it would do and records the active region in the file given with --record.
set -eu
record=""
while [ $# -gt 0 ]; do
  case "$1" in
    --record) record="$2"; shift 2 ;;
    *) echo "switch-traffic: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$record" ] || { echo "switch-traffic: --record FILE is required" >&2; exit 2; }
echo "switch-traffic ($STRATA_MODE): routing traffic from $STRATA_FAILED_REGION to $STRATA_REGION"
mkdir -p "$(dirname "$record")"
printf '%s\n' "$STRATA_REGION" > "$record"
echo "switch-traffic: active region recorded in $record"
