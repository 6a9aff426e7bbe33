import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessResult } from '../../engine/process-runner.js';
import type { TerraformCall } from '../../engine/terraform-client.js';
import type { MigrationContext } from './migration-context.js';
import type { StateHandle } from './migration-state-handles.js';

const initialised = new WeakMap<MigrationContext, Set<string>>();

export function callFor(context: MigrationContext, handle: StateHandle, command: string): TerraformCall {
  return {
    cwd: handle.cwd,
    dataDirectory: path.join(handle.directory, 'terraform-data'),
    logFile: path.join(handle.directory, `${command}.log`),
    instanceId: handle.label,
    signal: context.signal,
    timeoutMs: context.loaded.manifest.terraform.commandTimeoutMs ?? undefined,
  };
}

export function failureOf(handle: StateHandle, command: string, result: ProcessResult): MigrationStepError {
  return new MigrationStepError(
    `${command} of ${handle.label} failed (exit code ${String(result.exitCode)}): ${result.tail.trim().split('\n').slice(-8).join('\n')}`,
  );
}

export async function terraformStep(
  context: MigrationContext,
  handle: StateHandle,
  command: string,
  run: (call: TerraformCall) => Promise<ProcessResult>,
): Promise<ProcessResult> {
  await mkdir(handle.directory, { recursive: true });
  const result = await run(callFor(context, handle, command));
  if (result.exitCode !== 0) throw failureOf(handle, command, result);
  return result;
}

/** A Terraform command of a migration failed: the migration stops (and restores what it wrote). */
export class MigrationStepError extends Error {}

export async function ensureInitialised(context: MigrationContext, handle: StateHandle): Promise<void> {
  const done = initialised.get(context) ?? new Set<string>();
  initialised.set(context, done);
  if (done.has(handle.directory)) return;
  await terraformStep(context, handle, 'init', (call) => context.terraform.init(call, handle.backend));
  done.add(handle.directory);
}
