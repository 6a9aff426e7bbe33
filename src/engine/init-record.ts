import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessResult } from './process-runner.js';

/**
 * In a data directory (`TF_DATA_DIR`): the fingerprint of what its last successful `init` was for. Written
 * after an init succeeds and removed before one starts, so it never vouches for a half-done init.
 */
const INIT_RECORD = 'strata-init.sha256';

/** The sha256 of a value's JSON: a fingerprint of what an initialised data directory depends on, and others. */
export function jsonDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Runs `init` unless `dataDirectory` was initialised, by an init that succeeded, for the same fingerprint:
 * null when it was, else the init's result. `fingerprint` is taken again after a successful init, which may
 * have written what it covers (a layer's dependency lock file).
 */
export async function initUnlessInitialised(
  dataDirectory: string,
  fingerprint: () => Promise<string>,
  init: () => Promise<ProcessResult>,
): Promise<ProcessResult | null> {
  const record = path.join(dataDirectory, INIT_RECORD);
  const recorded = await readFile(record, 'utf8').catch(() => undefined);
  if (recorded === (await fingerprint())) return null;
  await rm(record, { force: true });
  const result = await init();
  if (result.exitCode !== 0) return result;
  await mkdir(dataDirectory, { recursive: true });
  await writeFile(record, await fingerprint());
  return result;
}
