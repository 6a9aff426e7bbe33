import path from 'node:path';
import { ProcessStartError } from '../adapters/child-process-runner.js';
import { UsageError } from '../core/errors.js';
import { checkMinimumVersion, parseVersionJson, type BinaryKind } from '../terraform/version.js';
import type { ProcessRunner } from './process-runner.js';
import { terraformArgs } from './terraform-commands.js';

/**
 * The binary's version from `version -json`, refusing a binary that is missing, fails, or is older than the
 * documented minimum with a `UsageError` (a setup problem the user fixes, not a failed run).
 */
export async function readCheckedVersion(
  runner: ProcessRunner,
  options: { executable: string; env: Readonly<Record<string, string>>; cwd: string; logFile: string },
): Promise<string> {
  const { executable } = options;
  let result;
  try {
    result = await runner.run({
      executable,
      args: terraformArgs.version(),
      cwd: options.cwd,
      env: options.env,
      logFile: options.logFile,
      captureStdout: true,
    });
  } catch (error) {
    // The binary is missing or not executable.
    if (error instanceof ProcessStartError) throw new UsageError(error.message);
    throw error;
  }
  if (result.exitCode !== 0) {
    throw new UsageError(
      `'${executable} version -json' failed (exit code ${String(result.exitCode)}): ${result.tail.trim()}`,
    );
  }
  const version = parseVersionJson(result.stdout).terraformVersion;
  const check = checkMinimumVersion(binaryKind(executable), version);
  if (!check.ok) throw new UsageError(check.message);
  return version;
}

/** OpenTofu prints Terraform's version JSON shape; the binary's name tells them apart. */
function binaryKind(binary: string): BinaryKind {
  return path.basename(binary).startsWith('tofu') ? 'tofu' : 'terraform';
}
