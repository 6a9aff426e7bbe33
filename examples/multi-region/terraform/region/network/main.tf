# Region layer: one network per account and region, plus the region's snapshot bucket, which
# cross-region replication copies to the paired region (the backups a failover restores from).

terraform {
  required_version = ">= 1.11"
  backend "local" {}
}

variable "region" {
  type        = string
  description = "Region (a Strata context variable)."
}

variable "role" {
  type        = string
  description = "Role of the region: primary, secondary or standby (a Strata context variable)."
}

variable "iam" {
  type = object({
    deploy_role_arn = string
  })
  description = "Outputs of this account's iam instance."
}

locals {
  # One /16 per region; a region not listed here gets a /16 from the spare range.
  region_cidrs = {
    "eu-west-2" = "10.20.0.0/16"
    "eu-west-1" = "10.10.0.0/16"
    "us-east-1" = "10.30.0.0/16"
  }
  cidr_block      = lookup(local.region_cidrs, var.region, "10.99.0.0/16")
  snapshot_bucket = "example-snapshots-${var.region}"
}

resource "terraform_data" "vpc" {
  input = {
    cidr_block = local.cidr_block
    region     = var.region
    role       = var.role
    managed_by = var.iam.deploy_role_arn
    subnets    = [for index in range(3) : cidrsubnet(local.cidr_block, 8, index)]
  }
}

resource "terraform_data" "snapshot_bucket" {
  input = {
    name        = local.snapshot_bucket
    replication = "cross-region"
  }
}

output "vpc_id" {
  description = "Id of the region's network."
  value       = "vpc-${substr(replace(terraform_data.vpc.id, "-", ""), 0, 17)}"
}

output "cidr_block" {
  description = "Address range of the region's network."
  value       = local.cidr_block
}

output "snapshot_bucket" {
  description = "Where this region's backups land, replicated to its paired region."
  value       = terraform_data.snapshot_bucket.output.name
}
