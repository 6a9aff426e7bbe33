//go:build tools

// Package tools pins the actionlint release that test/workflows runs.
package tools

import _ "github.com/rhysd/actionlint/cmd/actionlint"
