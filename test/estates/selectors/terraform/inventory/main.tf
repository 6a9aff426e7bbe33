# Account layer: every region's network, from a fan-in (depends_on: {layer: network, region: all}).
terraform {
  backend "local" {}
}

variable "network" {
  type        = map(object({ cidr_block = string }))
  description = "Each region's network outputs, keyed by region."
}

resource "terraform_data" "inventory" {
  input = { for region, network in var.network : region => network.cidr_block }
}

output "cidr_blocks" {
  value = terraform_data.inventory.output
}
