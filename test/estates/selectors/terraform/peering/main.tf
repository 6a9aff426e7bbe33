# Region layer: every region peers its network with the primary region's (the hub); the hub peers with none.
terraform {
  backend "local" {}
}

variable "hub" {
  type        = object({ cidr_block = string })
  description = "The primary region's network (depends_on: {layer: network, region: primary, as: hub})."
}

variable "network" {
  type        = object({ cidr_block = string })
  description = "This region's network."
}

locals {
  is_hub = var.hub.cidr_block == var.network.cidr_block
}

resource "terraform_data" "peering" {
  input = { from = var.network.cidr_block, to = local.is_hub ? "" : var.hub.cidr_block }
}

output "peered_with" {
  value = local.is_hub ? "" : var.hub.cidr_block
}
