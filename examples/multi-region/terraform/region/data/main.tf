# Region layer, stateful: the account's database cluster in the region. In the primary region it is the
# writer; the secondary region keeps a copy fed by the snapshots that replication copies into its snapshot
# bucket. On failover (failover = true) this region's copy is restored from the failed region's latest
# snapshot and becomes the writer. The manifest marks the layer `stateful: true`: Strata refuses any plan
# that would destroy or replace the cluster unless the run names the instance in --allow-destroy.

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

variable "network" {
  type = object({
    snapshot_bucket = string
  })
  description = "Outputs of this region's network instance."
}

locals {
  # The replicated snapshot a failover restores from, else null.
  restored_from = var.failover ? "${var.network.snapshot_bucket}/${var.failed_region}/cluster/latest" : null
}

resource "terraform_data" "cluster" {
  # Changes of `input` are in-place updates: becoming the writer, or recording the snapshot it was restored
  # from, never replaces the cluster. (A real database takes its snapshot only when it is created: mark such
  # an attribute with lifecycle { ignore_changes = [...] }.)
  input = {
    engine        = "postgres"
    region        = var.region
    writer        = var.role == "primary" || var.failover
    restored_from = local.restored_from
  }
}

output "cluster_endpoint" {
  description = "The cluster's writer endpoint in this region."
  value       = "cluster.${var.region}.db.internal"
}

output "restored_from" {
  description = "The snapshot this copy was restored from by a failover, or null."
  value       = terraform_data.cluster.output.restored_from
}
