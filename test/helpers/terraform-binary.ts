import path from 'node:path';

/**
 * The Terraform the end-to-end tests drive: STRATA_TERRAFORM when it names a real binary (the project's
 * GitHub workflow does that), else the stand-in under test/stand-in.
 */
export function terraformBinary(): string {
  return process.env.STRATA_TERRAFORM || path.resolve('test/stand-in/terraform');
}

/** Whether the tests run against the stand-in, whose failure injection some tests need. */
export function isStandIn(): boolean {
  return !process.env.STRATA_TERRAFORM;
}
