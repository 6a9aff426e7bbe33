import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRunner } from '../engine/process-runner.js';
import { createTerraformClient, type TerraformClient } from '../engine/terraform-client.js';
import { terraformEnvironment } from '../engine/terraform-environment.js';

/**
 * Which binary to run: `--terraform-binary` (or the action input), else STRATA_TERRAFORM, else the manifest's
 * `terraform.binary`. A bare name (`tofu`) is looked up in PATH; a relative path is a file from where it was
 * given (the flag and the variable from `cwd`, the manifest's from its folder), made absolute because every
 * Terraform process starts in a layer's folder.
 */
export function chooseBinary(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  manifestBinary: string,
  from: { cwd: string; manifestDirectory: string },
) {
  const given = flag || env.STRATA_TERRAFORM;
  return given ? asExecutable(given, from.cwd) : asExecutable(manifestBinary, from.manifestDirectory);
}

function asExecutable(binary: string, base: string): string {
  return binary.includes('/') || binary.includes(path.sep) ? path.resolve(base, binary) : binary;
}

export interface TerraformSetup {
  terraform: TerraformClient;
  /**
   * The environment Terraform runs with: the caller's less the runner's own secrets (`terraformEnvironment`),
   * plus a provider plugin cache under the work directory.
   */
  env: Record<string, string>;
  workDirectory: string;
}

/**
 * What every run does before its first Terraform command: create the work directory and the shared provider
 * cache (`TF_PLUGIN_CACHE_DIR`, unless set), choose the binary and build its client (which checks the version).
 */
export async function setUpTerraform(options: {
  cwd: string;
  workDirectory: string;
  env: Readonly<Record<string, string | undefined>>;
  flag: string | undefined;
  manifestBinary: string;
  manifestDirectory: string;
  runner: ProcessRunner;
}): Promise<TerraformSetup> {
  const workDirectory = path.resolve(options.cwd, options.workDirectory);
  await mkdir(workDirectory, { recursive: true });
  const env = terraformEnvironment(options.env);
  env.TF_PLUGIN_CACHE_DIR ||= path.join(workDirectory, 'plugin-cache');
  await mkdir(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
  const terraform = await createTerraformClient({
    runner: options.runner,
    executable: chooseBinary(options.flag, options.env, options.manifestBinary, options),
    env,
    cwd: options.manifestDirectory,
    logFile: path.join(workDirectory, 'terraform-version.log'),
  });
  return { terraform, env, workDirectory };
}
