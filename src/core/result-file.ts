import { UsageError } from './errors.js';
import type {
  ChangeCounts,
  InstanceAttempt,
  InstanceIdentity,
  InstanceResult,
  InstanceStatus,
  ResourceChange,
  RunResult,
  TerraformStep,
} from './run-result.js';

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
const STEPS: readonly TerraformStep[] = ['init', 'read-upstream', 'plan', 'show', 'apply', 'output'];

type Fields = Record<string, unknown>;

/** Reads one field of a parsed object, or says which field of which file is wrong. */
class FieldReader {
  constructor(
    private readonly fields: Fields,
    private readonly where: string,
  ) {}

  private fail(name: string, expected: string): never {
    throw new UsageError(
      `${this.where}: '${name}' must be ${expected}, got ${name in this.fields ? JSON.stringify(this.fields[name]) : 'nothing'}; it is not a result file this Strata can read`,
    );
  }

  string(name: string): string {
    const value = this.fields[name];
    return typeof value === 'string' ? value : this.fail(name, 'a string');
  }

  stringOrNull(name: string): string | null {
    const value = this.fields[name] ?? null;
    return value === null || typeof value === 'string' ? value : this.fail(name, 'a string or null');
  }

  number(name: string): number {
    const value = this.fields[name];
    return typeof value === 'number' ? value : this.fail(name, 'a number');
  }

  numberOrNull(name: string): number | null {
    const value = this.fields[name] ?? null;
    return value === null || typeof value === 'number' ? value : this.fail(name, 'a number or null');
  }

  boolean(name: string): boolean {
    const value = this.fields[name] ?? false;
    return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T {
    const value = this.fields[name];
    return values.includes(value as T) ? (value as T) : this.fail(name, `one of ${values.join(', ')}`);
  }

  stepOrNull(name: string): TerraformStep | null {
    return this.fields[name] == null ? null : this.oneOf(name, STEPS);
  }

  object(name: string): FieldReader {
    const value = this.fields[name];
    return isObject(value) ? new FieldReader(value, `${this.where}, ${name}`) : this.fail(name, 'an object');
  }

  changes(name: string): ChangeCounts | null {
    if (this.fields[name] == null) return null;
    const counts = this.object(name);
    return {
      add: counts.number('add'),
      change: counts.number('change'),
      destroy: counts.number('destroy'),
      replace: counts.number('replace'),
    };
  }

  list<T>(name: string, item: (value: unknown) => T | undefined): T[] {
    const value = this.fields[name] ?? [];
    if (!Array.isArray(value)) return this.fail(name, 'a list');
    return value.map((entry) => item(entry) ?? this.fail(name, 'a list of the right entries'));
  }
}

function isObject(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

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
  return result;
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
