import { UsageError } from './errors.js';
import {
  type AllowedDestroy,
  type FailoverGuardReport,
  type HookResult,
  changesOf,
  hasChanges,
  type ChangeCounts,
  type InstanceAttempt,
  type InstanceIdentity,
  type InstanceResult,
  type InstanceStatus,
  type ResourceChange,
  type RunResult,
  type TerraformStep,
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

  /** The field when `isType` accepts it; else the failure, saying it must be `expected`. */
  private typed<T>(name: string, isType: (value: unknown) => value is T, expected: string): T {
    const value = this.fields[name];
    return isType(value) ? value : this.fail(name, expected);
  }

  /** As `typed`, with a missing field or null read as null. */
  private typedOrNull<T>(name: string, isType: (value: unknown) => value is T, expected: string): T | null {
    const value = this.fields[name] ?? null;
    return value === null || isType(value) ? value : this.fail(name, `${expected} or null`);
  }

  string(name: string): string {
    return this.typed(name, isString, 'a string');
  }

  stringOrNull(name: string): string | null {
    return this.typedOrNull(name, isString, 'a string');
  }

  number(name: string): number {
    return this.typed(name, isNumber, 'a number');
  }

  numberOrNull(name: string): number | null {
    return this.typedOrNull(name, isNumber, 'a number');
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

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';

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
function isHookResult(entry: unknown): entry is HookResult {
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

/**
 * The journal beside a result file that a run is still writing (`<file>.journal`): one JSON line per state
 * change, so that recording a change costs the same whatever the size of the estate. Its first line names the
 * run it belongs to; each line after it is the whole new state of one instance, as the result file holds it.
 * Readers fold it into the file (foldJournal); the run writes the file whole at its end and removes the
 * journal.
 */
interface JournalHeader {
  journal: 1;
  run: Pick<RunResult, 'command' | 'manifest' | 'startedAt'>;
}

/** The journal's first line, naming the run (its command, manifest and start) it belongs to. */
export function journalHeaderLine(run: RunResult): string {
  const header: JournalHeader = {
    journal: 1,
    run: { command: run.command, manifest: run.manifest, startedAt: run.startedAt },
  };
  return `${JSON.stringify(header)}\n`;
}

/** The journal line of one state change: the instance's whole new state. */
export function journalLine(instance: InstanceResult): string {
  return `${JSON.stringify(instanceToFile(instance))}\n`;
}

/** The journal line of a hook's state change: `{"hook": ...}`, its whole new state (as the file's `hooks` hold it). */
export function journalHookLine(hook: HookResult): string {
  return `${JSON.stringify({ hook })}\n`;
}

/**
 * A result file with its journal folded in: each instance and each DR hook as the last journal line about it
 * says, the run's `hasChanges` recomputed. `source` names the journal in what a bad one is told.
 *
 * - A hook the file does not list yet is added after those it does: a failback's later phases schedule their
 *   hooks when they start, after the file was last written whole.
 *
 * - A last line without its newline was torn by a kill in the middle of its write: it was never complete, so
 *   nothing was shown for it either, and it is ignored.
 * - A file that is no longer `running` was written whole at the run's end, after every line of its journal
 *   (a kill came between that write and the journal's removal): it is taken as it is.
 * - A journal of another run (a file written by a later run while an older journal was left beside it) is
 *   refused, never mixed in.
 *
 * Lines are whole states, not differences, so folding a line twice changes nothing: a file rewritten whole
 * (compacted) while the run goes, beside a journal whose lines it already holds, folds to itself.
 */
export function foldJournal(run: RunResult, journal: string, source: string): RunResult {
  if (run.status !== 'running') return run;
  const lines = journal.split('\n');
  // The piece after the last newline: empty after a whole last line, a torn line otherwise.
  lines.pop();
  const [first, ...entries] = lines;
  if (first === undefined) return run;
  const header = parseJournalLine(first, `${source}:1`);
  if (header.journal !== 1 || !isObject(header.run)) {
    throw new UsageError(
      `${source}:1 is not a Strata result journal (expected {"journal": 1, "run": {...}}); delete it to read the result file without it`,
    );
  }
  const owner = new FieldReader(header.run, `${source}:1, run`);
  const started = owner.string('startedAt');
  if (
    started !== run.startedAt ||
    owner.string('command') !== run.command ||
    owner.string('manifest') !== run.manifest
  ) {
    throw new UsageError(
      `${source} belongs to another run (${owner.string('command')} of ${owner.string('manifest')} started ${started}) than its result file (${run.command} of ${run.manifest} started ${run.startedAt}); it was left by an earlier run: delete it to read the result file without it`,
    );
  }
  const latest = new Map<string, InstanceResult>();
  const hooks = new Map((run.hooks ?? []).map((hook) => [hook.id, hook]));
  entries.forEach((line, index) => {
    const where = `${source}:${index + 2}`;
    const entry = parseJournalLine(line, where);
    if ('hook' in entry) {
      if (!isHookResult(entry.hook))
        throw new UsageError(`${where}: 'hook' must be a hook's state (id, name, status)`);
      hooks.set(entry.hook.id, entry.hook);
      return;
    }
    const instance = instanceFromFile(entry, where);
    latest.set(instance.id, instance);
  });
  const known = new Set(run.instances.map((instance) => instance.id));
  for (const id of latest.keys()) {
    if (!known.has(id)) throw new UsageError(`${source}: instance ${id} is not in its result file`);
  }
  const instances = run.instances.map((instance) => latest.get(instance.id) ?? instance);
  return {
    ...run,
    hasChanges: instances.some((instance) => hasChanges(changesOf(instance))),
    instances,
    ...(hooks.size > 0 ? { hooks: [...hooks.values()] } : {}),
  };
}

function parseJournalLine(line: string, where: string): Fields {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UsageError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new UsageError(`${where}: a journal line must be an object`);
  return value;
}
