//go:build tools

// Package tools pins the Terragrunt release that bench:peers compares Strata with.
package tools

import _ "github.com/gruntwork-io/terragrunt"
