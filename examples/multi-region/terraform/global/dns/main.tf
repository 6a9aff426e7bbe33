# Global layer: the private DNS zone every account, region and environment shares.
# Only Terraform's built-in terraform_data resource is used, so this runs offline with no cloud account.

terraform {
  required_version = ">= 1.11"

  # Strata passes the state path: -backend-config=path=...
  backend "local" {}
}

variable "layer" {
  type        = string
  description = "Name of this layer (a Strata context variable)."
  default     = "dns"
}

locals {
  zone_name = "example.internal"
}

resource "terraform_data" "zone" {
  input = {
    name    = local.zone_name
    comment = "Private zone shared by the whole estate (layer ${var.layer})"
  }
}

output "zone_name" {
  description = "The private DNS zone, e.g. example.internal."
  value       = terraform_data.zone.output.name
}
