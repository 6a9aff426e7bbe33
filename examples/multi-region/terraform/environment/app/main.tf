# Environment layer: the application and its database, per account, region and environment.
# On failover (failover = true), this region takes over from failed_region: the database is
# restored from the failed region's latest snapshot, which replication copied into this
# region's snapshot bucket, and a standby region starts its instances.

terraform {
  required_version = ">= 1.11"
  backend "local" {}
}

variable "environment" {
  type        = string
  description = "Environment (a Strata context variable)."
}

variable "region" {
  type        = string
  description = "Region (a Strata context variable)."
}

variable "role" {
  type        = string
  description = "Role of the region: primary, secondary or standby (a Strata context variable)."
}

variable "failover" {
  type        = bool
  description = "True while this region takes over from failed_region (a Strata context variable)."
  default     = false
}

variable "failed_region" {
  type        = string
  description = "The region being failed over from, or \"\" (a Strata context variable)."
  default     = ""
}

variable "instance_count" {
  type        = number
  description = "Application instances to run (from the manifest's vars)."
  default     = 1
}

variable "db_password" {
  type        = string
  description = "Database password. The default is a placeholder for this example."
  sensitive   = true
  default     = "example-only-not-a-secret"
}

variable "network" {
  type = object({
    vpc_id          = string
    cidr_block      = string
    snapshot_bucket = string
  })
  description = "Outputs of this region's network instance."
}

variable "dns" {
  type = object({
    zone_name = string
  })
  description = "Outputs of the global dns instance."
}

locals {
  hostname = "${var.environment}.${var.region}.${var.dns.zone_name}"

  # The snapshot to restore from when taking over from a failed region, else null.
  restore_snapshot_id = var.failover ? "${var.network.snapshot_bucket}/${var.failed_region}/${var.environment}/latest" : null

  # A standby region runs no instances until it takes over.
  instance_count = var.role == "standby" && !var.failover ? 0 : var.instance_count
}

resource "terraform_data" "database" {
  input = {
    engine   = "postgres"
    endpoint = "db.${local.hostname}"
    # Only a hash: terraform_data's `output` does not keep the sensitivity of its `input`
    # (hashicorp/terraform#35609), so the password itself would show in later plans.
    password_sha256 = sha256(var.db_password)
    # A real database takes its snapshot only when it is created (mark the attribute with
    # lifecycle { ignore_changes = [...] }), so the first normal apply after a failover must not
    # replace it: here the value only records where the data came from, an in-place update.
    restored_from = local.restore_snapshot_id
  }
}

resource "terraform_data" "app" {
  input = {
    instances = [for index in range(local.instance_count) : "${var.environment}-${var.region}-${index}"]
    vpc_id    = var.network.vpc_id
    subnet    = cidrsubnet(var.network.cidr_block, 8, 10)
    database  = terraform_data.database.output.endpoint
  }
}

output "url" {
  description = "Where the application answers."
  value       = "https://${local.hostname}"
}

output "instance_ids" {
  description = "Ids of the application instances."
  value       = [for name in terraform_data.app.output.instances : "i-${substr(sha1(name), 0, 17)}"]
}

output "db_endpoint" {
  description = "Database host name."
  value       = terraform_data.database.output.endpoint
}

output "db_connection_string" {
  description = "Connection string, with the password."
  value       = "postgresql://app:${var.db_password}@${terraform_data.database.output.endpoint}:5432/app"
  sensitive   = true
}
