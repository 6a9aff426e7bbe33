//go:build tools

// Package tools pins the OpenTofu release that the real-binary tests run.
package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
