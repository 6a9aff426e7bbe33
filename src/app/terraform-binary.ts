import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ProcessStartError } from '../adapters/child-process-runner.js';
import { UsageError } from '../core/errors.js';
import type { ProcessRunner } from '../engine/process-runner.js';
import { terraformArgs } from '../engine/terraform-commands.js';
import { terraformEnvironment } from '../engine/terraform-environment.js';
import { checkMinimumVersion, parseVersionJson, type BinaryKind } from '../terraform/version.js';

/**
 * Which binary to run: `--terraform-binary` (or the action input), else STRATA_TERRAFORM, else the manifest's
 * `terraform.binary`.
 */
export function chooseBinary(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  manifestBinary: string,
) {
  return flag || env.STRATA_TERRAFORM || manifestBinary;
}

/** OpenTofu prints Terraform's version JSON shape; the binary's name tells them apart. */
export function binaryKind(binary: string): BinaryKind {
  return path.basename(binary).startsWith('tofu') ? 'tofu' : 'terraform';
}

/** Runs `version -json` once and refuses a binary older than the documented minimum. Returns the version. */
export async function checkBinary(
  runner: ProcessRunner,
  executable: string,
  env: Readonly<Record<string, string>>,
  cwd: string,
  logFile: string,
): Promise<string> {
  let result;
  try {
    result = await runner.run({
      executable,
      args: terraformArgs.version(),
      cwd,
      env,
      logFile,
      captureStdout: true,
    });
  } catch (error) {
    // The binary is missing or not executable: a setup problem the user fixes, not a failed run.
    if (error instanceof ProcessStartError) throw new UsageError(error.message);
    throw error;
  }
  if (result.exitCode !== 0) {
    throw new UsageError(
      `'${executable} version -json' failed (exit code ${result.exitCode}): ${result.tail.trim()}`,
    );
  }
  const version = parseVersionJson(result.stdout).terraformVersion;
  const check = checkMinimumVersion(binaryKind(executable), version);
  if (!check.ok) throw new UsageError(check.message);
  return version;
}

export interface TerraformSetup {
  executable: string;
  version: string;
  /**
   * The environment Terraform runs with: the caller's less the runner's own secrets (`terraformEnvironment`),
   * plus a provider plugin cache under the work directory.
   */
  env: Record<string, string>;
  workDirectory: string;
}

/**
 * What every run does before its first Terraform command: create the work directory and the shared provider
 * cache (`TF_PLUGIN_CACHE_DIR`, unless set), choose the binary and check its version.
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
  const executable = chooseBinary(options.flag, options.env, options.manifestBinary);
  const version = await checkBinary(
    options.runner,
    executable,
    env,
    options.manifestDirectory,
    path.join(workDirectory, 'terraform-version.log'),
  );
  return { executable, version, env, workDirectory };
}
