import type { ChangeCounts } from './change-counts.js';
import { UsageError } from './errors.js';
import { FieldReader, isObject } from './result-file-fields.js';
import {
  type AllowedDestroy,
  type HookResult,
  type InstanceAttempt,
  type InstanceIdentity,
  type InstanceResult,
  type InstanceStatus,
  type ResourceChange,
  type RunResult,
  type TerraformStep,
} from './run-result.js';
import type { FailoverGuardReport } from './dr/failover-result.js';

/**
 * An instance as a result file holds it: every field for every status, null (or false, or empty) where it
 * does not apply.
 *
 * Why every field: result files are read back by `report` and `--resume`, possibly by an older or newer
 * Strata than the one that wrote them (matrix legs and the report job, a resumed run after an upgrade).
 * Format 1 has always written this flat shape, and older readers test fields against null; writing them all
 * keeps every version 1 reader working, so the format keeps `version: 1`. The union on status is the in-memory
 * model; this module is the one place that converts between the two.
 */
export interface InstanceResultFile extends InstanceIdentity {
  status: InstanceStatus;
  /** The step running now, or the one it stopped in. */
  step: TerraformStep | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  changes: ChangeCounts | null;
  resourceChanges: ResourceChange[];
  error: string | null;
  reason: string | null;
  timedOut: boolean;
  mockedUpstreams: string[];
  planFile: string | null;
}

export interface RunResultFile extends Omit<RunResult, 'instances'> {
  instances: InstanceResultFile[];
}

/** The fields of InstanceResultFile beyond the identity and status, as they read where they do not apply. */
const notApplicable = (): Omit<InstanceResultFile, keyof InstanceIdentity | 'status'> => ({
  step: null,
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  changes: null,
  resourceChanges: [],
  error: null,
  reason: null,
  timedOut: false,
  mockedUpstreams: [],
  planFile: null,
});

/** A run as its result file holds it (see InstanceResultFile for why every field is written). */
export function toResultFile(run: RunResult): RunResultFile {
  return { ...run, instances: run.instances.map(instanceToFile) };
}

/** A result file's text: the whole result, pretty-printed. */
export function resultFileText(run: RunResult): string {
  return `${JSON.stringify(toResultFile(run), null, 2)}\n`;
}

export function instanceToFile(instance: InstanceResult): InstanceResultFile {
  switch (instance.status) {
    case 'pending':
    case 'running':
    case 'succeeded':
    case 'failed':
      return { ...notApplicable(), ...instance };
    case 'skipped':
    case 'cancelled': {
      const { attempt, ...rest } = instance;
      return { ...notApplicable(), ...attempt, ...rest };
    }
  }
}

const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
];
const RUN_STATUSES: readonly RunResult['status'][] = ['running', 'succeeded', 'failed', 'cancelled'];
const COMMANDS: readonly RunResult['command'][] = ['plan', 'apply', 'destroy'];

/** A result file's text read into the model; `source` names the file in what a bad one is told. */
export function parseResultText(text: string, source: string): RunResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  return parseResultFile(parsed, source);
}

/**
 * Checks that a parsed file is a Strata result (as `--json-out` and the action write them, now or in any
 * earlier version 1) and reads it into the model: each instance narrowed to its status, with the fields that
 * status always has checked to be there. The one place a result is read from a file.
 */
export function parseResultFile(value: unknown, source: string): RunResult {
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.instances)) {
    throw new UsageError(
      `${source} is not a Strata result file (expected {"version": 1, "command", "instances": [...]})`,
    );
  }
  const run = new FieldReader(value, source);
  const terraform = run.object('terraform');
  const result: RunResult = {
    version: 1,
    command: run.oneOf('command', COMMANDS),
    status: run.oneOf('status', RUN_STATUSES),
    manifest: run.string('manifest'),
    startedAt: run.string('startedAt'),
    finishedAt: run.stringOrNull('finishedAt'),
    durationMs: run.numberOrNull('durationMs'),
    terraform: { binary: terraform.string('binary'), version: terraform.stringOrNull('version') },
    parallelism: run.number('parallelism'),
    hasChanges: run.boolean('hasChanges'),
    instances: value.instances.map((instance, index) =>
      instanceFromFile(instance, `${source}, instances[${index}]`),
    ),
  };
  // Written by this module's counterpart and only shown, never decided on: taken as it is.
  if (isObject(value.failover))
    result.failover = value.failover as unknown as NonNullable<RunResult['failover']>;
  if (isObject(value.reviewedPlan) && Array.isArray(value.reviewedPlan.replanned))
    result.reviewedPlan = value.reviewedPlan as unknown as NonNullable<RunResult['reviewedPlan']>;
  if (Array.isArray(value.allowedDestroys))
    result.allowedDestroys = (value.allowedDestroys as unknown[]).filter(isAllowedDestroy);
  if (Array.isArray(value.hooks)) result.hooks = (value.hooks as unknown[]).filter(isHookResult);
  const failoverGuard = failoverGuardFrom(value.failoverGuard);
  if (failoverGuard) result.failoverGuard = failoverGuard;
  return result;
}

/** The failover guard's report, as this module's counterpart wrote it: shown (the summary's note), never decided on. */
function failoverGuardFrom(value: unknown): FailoverGuardReport | undefined {
  if (!isObject(value) || !Array.isArray(value.ignoredRecords)) return undefined;
  const entries = <K extends string>(list: unknown[], keys: readonly K[]) =>
    list.flatMap((entry) =>
      isObject(entry) && keys.every((key) => typeof entry[key] === 'string')
        ? [Object.fromEntries(keys.map((key) => [key, entry[key]])) as Record<K, string>]
        : [],
    );
  const ignoredRecords = entries(value.ignoredRecords as unknown[], ['region', 'reason']);
  if (!Array.isArray(value.provenEmpty)) return { ignoredRecords };
  return {
    ignoredRecords,
    provenEmpty: entries(value.provenEmpty as unknown[], ['region', 'reason', 'proof']),
  };
}

function isAllowedDestroy(entry: unknown): entry is AllowedDestroy {
  return isObject(entry) && typeof entry.id === 'string' && Array.isArray(entry.resources);
}

/** A hook's result, as this module's counterpart wrote it: shown (the timeline), never decided on. */
export function isHookResult(entry: unknown): entry is HookResult {
  return (
    isObject(entry) &&
    typeof entry.id === 'string' &&
    typeof entry.name === 'string' &&
    (INSTANCE_STATUSES as readonly unknown[]).includes(entry.status)
  );
}

/** One instance of a result file, narrowed to its status (see parseResultFile). */
export function instanceFromFile(value: unknown, where: string): InstanceResult {
  if (!isObject(value)) throw new UsageError(`${where}: an instance must be an object`);
  const fields = new FieldReader(value, typeof value.id === 'string' ? `${where} (${value.id})` : where);
  const identity: InstanceIdentity = {
    id: fields.string('id'),
    layer: fields.string('layer'),
    scope: fields.oneOf('scope', ['global', 'account', 'region', 'environment']),
    account: fields.stringOrNull('account'),
    region: fields.stringOrNull('region'),
    environment: fields.stringOrNull('environment'),
  };
  const progress = () => ({
    changes: fields.changes('changes'),
    resourceChanges: fields.list('resourceChanges', (entry) =>
      isObject(entry) && typeof entry.address === 'string' && typeof entry.action === 'string'
        ? { address: entry.address, action: entry.action }
        : undefined,
    ),
    mockedUpstreams: fields.list('mockedUpstreams', (entry) =>
      typeof entry === 'string' ? entry : undefined,
    ),
    planFile: fields.stringOrNull('planFile'),
  });
  const timing = () => ({
    startedAt: fields.string('startedAt'),
    finishedAt: fields.string('finishedAt'),
    durationMs: fields.number('durationMs'),
  });
  const attempt = (): InstanceAttempt => ({ ...progress(), ...timing(), step: fields.stepOrNull('step') });
  const started = value.startedAt != null;
  const status = fields.oneOf('status', INSTANCE_STATUSES);
  switch (status) {
    case 'pending':
      return { ...identity, status };
    case 'running':
      return {
        ...identity,
        status,
        startedAt: fields.string('startedAt'),
        step: fields.stepOrNull('step'),
        ...progress(),
      };
    case 'succeeded':
      return { ...identity, status, ...progress(), ...timing() };
    case 'failed':
      return {
        ...identity,
        status,
        ...attempt(),
        error: fields.string('error'),
        timedOut: fields.boolean('timedOut'),
      };
    case 'skipped':
      return {
        ...identity,
        status,
        reason: fields.string('reason'),
        ...(started ? { attempt: attempt() } : {}),
      };
    case 'cancelled':
      return {
        ...identity,
        status,
        reason: fields.string('reason'),
        ...(started
          ? {
              attempt: {
                ...attempt(),
                error: fields.stringOrNull('error') ?? '',
                timedOut: fields.boolean('timedOut'),
              },
            }
          : {}),
      };
  }
}
