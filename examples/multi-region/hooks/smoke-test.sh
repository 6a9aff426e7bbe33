#!/bin/sh
# DR hook, after each app instance in the target region: checks the restored service. Offline stand-in for a
# request to its URL: it reads the instance's outputs from the file STRATA_UPSTREAM_OUTPUTS names (never the
# environment: the file also holds sensitive outputs, which this script must not print), prints the URL it
# would check, and records it in smoke-tests/<instance>.txt. No URL in the outputs: the test fails.
set -eu
url=$(grep -o '"url": *"[^"]*"' "$STRATA_UPSTREAM_OUTPUTS" | head -n 1 | sed 's/.*"\(https*:[^"]*\)"/\1/')
if [ -z "$url" ]; then
  echo "smoke-test: $STRATA_INSTANCE has no url output" >&2
  exit 1
fi
echo "smoke-test: GET $url (instance $STRATA_INSTANCE, region $STRATA_REGION): ok"
mkdir -p smoke-tests
printf '%s %s\n' "$STRATA_MODE" "$url" > "smoke-tests/$(echo "$STRATA_INSTANCE" | tr / .).txt"
