#!/usr/bin/env bash
# Builds the pinned tools that the real-binary tests use, from the Go module proxy, into .tools/bin (ignored):
#   .tools/bin/tofu        OpenTofu, the release tools/opentofu/go.mod requires
#   .tools/bin/actionlint  actionlint, the release tools/actionlint/go.mod requires
# Each tools module repeats what `go install` cannot take (OpenTofu's replace directive). A binary is rebuilt
# only when its module's go.mod or go.sum changed since it was built; Go's own caches (GOMODCACHE, GOCACHE)
# live outside the repository and make a rebuild quick. Without Go it says so and builds nothing: the tests
# then run against the stand-in alone.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  echo "build-tools: go not found; OpenTofu and actionlint not built (the real-binary suites will not run)"
  exit 0
fi

mkdir -p .tools/bin
# The modules' go.sum files are committed: nothing may change them during a build.
export GOFLAGS=-mod=readonly

build() {
  local name=$1 package=$2 ldflags="-s -w ${4:-}"
  local module="tools/$name" binary=".tools/bin/$3"
  local stamp="$binary.built-from"
  local wanted
  wanted=$(cat "$module/go.mod" "$module/go.sum" | sha256sum | cut -d' ' -f1)
  if [[ -x $binary && -f $stamp && $(cat "$stamp") == "$wanted" ]]; then
    echo "build-tools: $binary is up to date"
    return
  fi
  local started=$SECONDS
  (cd "$module" && go build -trimpath -ldflags "$ldflags" -o "../../$binary" "$package")
  echo "$wanted" >"$stamp"
  echo "build-tools: built $binary in $((SECONDS - started)) s"
}

# dev=no: what OpenTofu's release builds set, so the binary reports 1.12.6 rather than 1.12.6-dev.
build opentofu github.com/opentofu/opentofu/cmd/tofu tofu -X=github.com/opentofu/opentofu/version.dev=no
build actionlint github.com/rhysd/actionlint/cmd/actionlint actionlint
