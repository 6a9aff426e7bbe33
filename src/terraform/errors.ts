/**
 * Terraform or OpenTofu printed something Strata cannot read: not JSON, several documents where one was
 * expected, or a format version from another major. The message says what was expected and what came.
 */
export class TerraformOutputError extends Error {
  constructor(
    /** The command whose output this is, e.g. `terraform show -json`. */
    readonly source: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${source}: expected ${expected}, got ${received}`);
    this.name = 'TerraformOutputError';
  }
}
