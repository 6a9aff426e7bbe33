# Region layer: one network per region, encrypted with the account's key.
terraform {
  backend "local" {}
}

variable "region" {
  type = string
}

variable "keys" {
  type = object({ key_arn = string })
}

locals {
  cidr_blocks = { "eu-west-2" = "10.20.0.0/16", "eu-west-1" = "10.10.0.0/16" }
}

resource "terraform_data" "vpc" {
  input = { cidr_block = local.cidr_blocks[var.region], key = var.keys.key_arn }
}

output "cidr_block" {
  value = terraform_data.vpc.output.cidr_block
}
