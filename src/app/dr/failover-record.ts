import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputValues, parseOutputsJson } from '../../terraform/outputs.js';
import { RefusalError } from '../../core/errors.js';
import { heldRecordLockMessage, replicatedFrom, type ClearedRecordLock } from '../../core/dr/record-lock.js';
import { parseLockError } from '../../terraform/lock-info.js';
import { initUnlessInitialised, jsonDigest } from '../../engine/init-record.js';
import { LEGACY_RECORD, legacyRecordIn, recordBackend, recordInstanceOf } from '../../core/dr/record-key.js';
import {
  recordCall,
  recordDirectory,
  type RecordContext,
  type RecordInstance,
  type RecordWriteContext,
} from './failover-record-context.js';
import { clearReplicatedLock, recordLockPaths } from './replicated-record-lock.js';
import {
  asRecord,
  OWN_KEY_OUTPUT,
  recordConfiguration,
  type FailoverRecord,
} from '../../core/dr/failover-record-format.js';

const REACHABLE_HINT = (region: string) =>
  `Check that the state store of ${region} is reachable with the credentials this run has, then run this command again.`;

/** Writes the record's configuration in `region`'s record directory: `record`'s, or (null) a cleared one's. */
async function writeConfiguration(context: RecordContext, region: string, record: FailoverRecord | null) {
  const directory = recordDirectory(context.manifestDirectory, context.manifest, region);
  await mkdir(directory, { recursive: true });
  const text = `# Written by Strata: the failover record (see the DR runbook). Do not edit.\nterraform {\n  backend "${context.manifest.backend.type}" {}\n}\n\n${recordConfiguration(record)}`;
  await writeFile(path.join(directory, 'main.tf'), text);
}

/**
 * Initialises the data directory of `instance`'s key in `region`, unless its last init succeeded for the same
 * backend, directory and binary (as an instance's, engine/init-record.ts): `-reconfigure` every time cost each
 * run's record reads a process per key before the first instance could start. The configuration is left out:
 * it needs no provider but the built-in one, so what it says does not change what `init` sets up.
 */
async function initialise(
  context: RecordContext,
  region: string,
  instance: RecordInstance = recordInstanceOf(region),
) {
  const call = recordCall(context, region, 'init', instance);
  const backend = recordBackend(context.manifest, region, instance);
  const { executable, version } = context.terraform;
  const init = await initUnlessInitialised(
    call.dataDirectory,
    () => Promise.resolve(jsonDigest({ backend, terraform: { executable, version }, cwd: call.cwd })),
    () => context.terraform.init(call, backend),
  );
  if (init && init.exitCode !== 0) {
    throw new RefusalError(
      `cannot reach the failover record in ${region}:\n${init.tail.trim()}\n${REACHABLE_HINT(region)}`,
    );
  }
}

/**
 * Reads the record kept in `region`; null when there is none. Throws when the region cannot be reached. A
 * region whose own key was never written may still keep its record at the legacy key: that is read then (one
 * read more, only until a move writes the region's own key), and honoured only when it is the region's own; a
 * copy replicated from another region is ignored, with a note in `context.notes`.
 */
export async function readFailoverRecord(
  context: RecordContext,
  region: string,
): Promise<FailoverRecord | null> {
  try {
    await writeConfiguration(context, region, null);
    const own = await readOutputs(context, region, recordInstanceOf(region));
    if (own.failover !== undefined) return asRecord(own.failover, region);
    if (own[OWN_KEY_OUTPUT] !== undefined) return null;
    const legacy = (await readOutputs(context, region, LEGACY_RECORD)).failover;
    if (legacy === undefined) return null;
    const read = legacyRecordIn(asRecord(legacy, region), region);
    if (read.record === null) context.notes?.push(read.note);
    return read.record;
  } finally {
    await removeConfiguration(context, region);
  }
}

/** The outputs of the record instance `record` in `region`'s store, its configuration written. */
async function readOutputs(
  context: RecordContext,
  region: string,
  record: RecordInstance,
): Promise<Record<string, unknown>> {
  await initialise(context, region, record);
  const output = await context.terraform.output(recordCall(context, region, 'output', record));
  if (output.exitCode !== 0) {
    // An initialised data directory skips the init that would have failed first on a store out of reach.
    throw new RefusalError(
      `cannot read the failover record in ${region}:\n${output.tail.trim()}\n${REACHABLE_HINT(region)}`,
    );
  }
  return outputValues(parseOutputsJson(output.stdout));
}

/**
 * Writes (or, with null, clears) the record at `region`'s own key through the backend: plan, then apply that
 * plan. A record cleared keeps the key's marker output, so that the legacy key is never read there again (it
 * is left as it is: writing it would replicate over the legacy key of the region its store replicates into).
 * A lock replicated onto this region's record from another region's (core/dr/record-lock.ts) is cleared with
 * `force-unlock`, as the promotion of a replica clears stale locks, and returned for the report's audit. Any
 * other lock, or any failure, is a RefusalError that says what, where and how to go on.
 */
export async function writeFailoverRecord(
  context: RecordWriteContext,
  region: string,
  record: FailoverRecord | null,
): Promise<ClearedRecordLock[]> {
  try {
    await writeConfiguration(context, region, record);
    await initialise(context, region);
    const logs = path.join(context.logDirectory, 'failover-record', region);
    const planFile = path.join(logs, 'record.tfplan');
    const varFile = path.join(logs, 'empty.tfvars.json');
    await mkdir(logs, { recursive: true });
    await writeFile(varFile, '{}\n');
    const lockTimeout = context.manifest.terraform.lockTimeout;
    const plan = (timeout: string) =>
      context.terraform.plan(recordCall(context, region, 'plan'), {
        planFile,
        varFile,
        lockTimeout: timeout,
        destroy: false,
      });
    // First without waiting: a replicated lock is held by no one, and waiting for it would only delay.
    let planned = await plan('0s');
    const cleared: ClearedRecordLock[] = [];
    const lock = planned.meaning === 'error' ? parseLockError(planned.tail) : undefined;
    if (lock) {
      const source = replicatedFrom(lock, region, recordLockPaths(context.manifest));
      if (source !== null) cleared.push(await clearReplicatedLock(context, region, lock, source));
      // Then as any write of state: waiting up to the manifest's lock_timeout for a holder to finish.
      planned = await plan(lockTimeout);
    }
    if (planned.meaning === 'error') {
      const held = parseLockError(planned.tail);
      throw new RefusalError(
        held
          ? heldRecordLockMessage(held, region, path.basename(context.terraform.executable))
          : `cannot plan the failover record in ${region}:\n${planned.tail.trim()}\nFix what Terraform reports above, then run this command again.`,
      );
    }
    if (planned.meaning === 'changes') {
      const apply = await context.terraform.apply(recordCall(context, region, 'apply'), {
        planFile,
        lockTimeout,
      });
      if (apply.exitCode !== 0) {
        throw new RefusalError(
          `cannot write the failover record in ${region}:\n${apply.tail.trim()}\nFix what Terraform reports above, then run this command again.`,
        );
      }
    }
    return cleared;
  } finally {
    await removeConfiguration(context, region);
  }
}

/** The record's configuration is generated for every use; none of it stays beside the layers' code. */
async function removeConfiguration(context: RecordContext, region: string) {
  await rm(recordDirectory(context.manifestDirectory, context.manifest, region), {
    recursive: true,
    force: true,
  });
  const top = path.join(context.manifestDirectory, '.strata-failover');
  for (const directory of [path.join(top, region), top]) {
    await rmdir(directory).catch(() => undefined); // Only when empty: another region's record may be in use.
  }
}
