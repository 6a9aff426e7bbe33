# Account layer: the role CI deploys with, one per account.

terraform {
  required_version = ">= 1.11"
  backend "local" {}
}

variable "account" {
  type        = string
  description = "Account name (a Strata context variable)."
}

variable "account_id" {
  type        = string
  description = "Cloud account id (a Strata context variable)."
}

locals {
  deploy_role_name = "strata-deploy"
}

resource "terraform_data" "deploy_role" {
  input = {
    name    = local.deploy_role_name
    account = var.account
    arn     = "arn:aws:iam::${var.account_id}:role/${local.deploy_role_name}"
  }
}

output "deploy_role_arn" {
  description = "ARN of the deploy role, built from the account id."
  value       = terraform_data.deploy_role.output.arn
}
