#!/usr/bin/env bash
# Builds the pinned tools that the real-binary tests use, from the Go module proxy, into .tools/bin (ignored):
#   .tools/bin/tofu        OpenTofu, the release tools/opentofu/go.mod requires
#   .tools/bin/actionlint  actionlint, the release tools/actionlint/go.mod requires
# Each tools module repeats what `go install` cannot take (OpenTofu's replace directive). A binary is rebuilt
# only when its module's go.mod or go.sum changed since it was built; Go's own caches (GOMODCACHE, GOCACHE)
# live outside the repository and make a rebuild quick. Without Go it says so and builds nothing: the tests
# then run against the stand-in alone.
#
# `build-tools.sh peers` (npm run tools:peers) builds instead the peers that bench/peers.ts compares Strata with,
# never built by CI or by a plain run:
#   .tools/bin/terragrunt  Terragrunt, from tools/terragrunt (its go.mod repeats Terragrunt's replace lines)
#   .tools/bin/terramate   Terramate, from tools/terramate
# A peer whose tools module is missing is not built: the script asks the Go module proxy for the module's
# versions and leaves the answer (a refusal, or what to pin) in .tools/bin/NAME.unavailable, where the
# benchmark reads why that peer's column is empty.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null 2>&1; then
  echo "build-tools: go not found; OpenTofu and actionlint not built (the real-binary suites will not run)"
  exit 0
fi

mkdir -p .tools/bin
# The modules' go.sum files are committed: nothing may change them during a build. Other Go flags (-p=1 on a
# shared machine) are kept.
export GOFLAGS="-mod=readonly${GOFLAGS:+ $GOFLAGS}"

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

# A peer for the benchmark: built like the tools when its module is there, else the reason it is not.
peer() {
  local name=$1 module_path=$2 package=$3 ldflags=${4:-}
  local note=".tools/bin/$name.unavailable"
  if [[ -f tools/$name/go.mod ]]; then
    build "$name" "$package" "$name" "$ldflags"
    rm -f "$note"
    return
  fi
  local answer
  if answer=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod go list -m -versions "$module_path" 2>&1); then
    echo "not built: tools/$name is missing; the Go module proxy serves $answer: pin the newest release in" \
      "tools/$name/go.mod (repeating the release's replace lines) with a tools.go and go.sum" >"$note"
  else
    # The refusal without the proxy's address: "403 Forbidden server response: …".
    echo "not built: the Go module proxy refused $module_path here ($(echo "$answer" | tr '\n\t' '  ' |
      sed -e 's/.*: reading [^ ]*: //' -e 's/  */ /g' -e 's/ $//'))" >"$note"
  fi
  echo "build-tools: $name $(cat "$note")"
}

if [[ ${1:-} == peers ]]; then
  # What Terragrunt's release builds set, so that `terragrunt --version` names the release, not "latest".
  peer terragrunt github.com/gruntwork-io/terragrunt github.com/gruntwork-io/terragrunt \
    "-X=github.com/gruntwork-io/go-commons/version.Version=v$(sed -n 's/^require github.com\/gruntwork-io\/terragrunt v//p' tools/terragrunt/go.mod)"
  peer terramate github.com/terramate-io/terramate github.com/terramate-io/terramate/cmd/terramate
  exit 0
fi

# dev=no: what OpenTofu's release builds set, so the binary reports 1.12.6 rather than 1.12.6-dev.
build opentofu github.com/opentofu/opentofu/cmd/tofu tofu -X=github.com/opentofu/opentofu/version.dev=no
build actionlint github.com/rhysd/actionlint/cmd/actionlint actionlint
