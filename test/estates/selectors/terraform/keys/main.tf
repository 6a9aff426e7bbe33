# Account layer: the key every region's network encrypts with.
terraform {
  backend "local" {}
}

variable "account_id" {
  type = string
}

resource "terraform_data" "key" {
  input = "arn:aws:kms:eu-west-2:${var.account_id}:key/state"
}

output "key_arn" {
  value = terraform_data.key.output
}
