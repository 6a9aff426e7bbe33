//go:build tools

// Package tools pins the Terramate release that bench:peers compares Strata with.
package tools

import _ "github.com/terramate-io/terramate/cmd/terramate"
