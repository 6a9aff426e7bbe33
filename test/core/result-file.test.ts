import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import {
  instanceFromFile,
  parseResultFile,
  parseResultText,
  toResultFile,
  type InstanceResultFile,
} from '../../src/core/result-file.js';
import { foldJournal, journalHeaderLine, journalLine } from '../../src/core/result-journal.js';
import { identityOf, type InstanceResult, type RunResult } from '../../src/core/run-result.js';

const identity = {
  layer: 'network',
  scope: 'region',
  account: 'a',
  region: 'r1',
  environment: null,
} as const;
const ran = {
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:02.000Z',
  durationMs: 2000,
  changes: { add: 1, change: 0, destroy: 0, replace: 0 },
  resourceChanges: [{ address: 'terraform_data.x', action: 'create' }],
  mockedUpstreams: ['a/iam'],
  planFile: 'instances/x/plan.tfplan',
};

/** One instance of every shape the model has. */
const instances: InstanceResult[] = [
  { ...identity, id: 'pending', status: 'pending' },
  {
    ...identity,
    id: 'running',
    status: 'running',
    step: 'plan',
    startedAt: ran.startedAt,
    changes: null,
    resourceChanges: [],
    mockedUpstreams: [],
    planFile: null,
  },
  { ...identity, id: 'succeeded', status: 'succeeded', ...ran },
  { ...identity, id: 'failed', status: 'failed', ...ran, step: 'apply', error: 'boom', timedOut: true },
  { ...identity, id: 'skipped', status: 'skipped', reason: 'upstream x failed' },
  {
    ...identity,
    id: 'skipped-after-start',
    status: 'skipped',
    reason: 'waits on upstream a/iam',
    attempt: { ...ran, changes: null, step: 'read-upstream' },
  },
  { ...identity, id: 'cancelled', status: 'cancelled', reason: 'the run was cancelled' },
  {
    ...identity,
    id: 'cancelled-while-running',
    status: 'cancelled',
    reason: 'the run was cancelled while it ran',
    attempt: { ...ran, step: 'apply', error: 'interrupted', timedOut: false },
  },
];

const run: RunResult = {
  version: 1,
  command: 'apply',
  status: 'running',
  manifest: 'layers.yml',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  durationMs: null,
  terraform: { binary: 'tofu', version: '1.12.6' },
  parallelism: 4,
  hasChanges: true,
  instances,
};

const FILE_FIELDS = [
  'id',
  'layer',
  'scope',
  'account',
  'region',
  'environment',
  'status',
  'step',
  'startedAt',
  'finishedAt',
  'durationMs',
  'changes',
  'resourceChanges',
  'error',
  'reason',
  'timedOut',
  'mockedUpstreams',
  'planFile',
].sort();

describe('result files', () => {
  it('write every field of every instance, null where it does not apply, and read back to the same model', () => {
    const file = JSON.parse(JSON.stringify(toResultFile(run))) as { instances: InstanceResultFile[] };
    for (const instance of file.instances) expect(Object.keys(instance).sort()).toEqual(FILE_FIELDS);
    expect(file.instances.find((i) => i.id === 'pending')).toMatchObject({ startedAt: null, error: null });
    expect(file.instances.find((i) => i.id === 'cancelled-while-running')).toMatchObject({
      step: 'apply',
      error: 'interrupted',
      reason: 'the run was cancelled while it ran',
      durationMs: 2000,
    });
    expect(parseResultFile(file, 'r.json')).toEqual(run);
  });

  it("read back the failover guard's report, so a matrix report can show it", () => {
    const guarded: RunResult = {
      ...run,
      failoverGuard: {
        ignoredRecords: [{ region: 'r2', reason: 'AccessDenied' }],
        provenEmpty: [{ region: 'r3', reason: 'timed out', proof: "r1's record names r3 failed" }],
      },
    };
    const file = JSON.parse(JSON.stringify(toResultFile(guarded))) as Record<string, unknown>;
    expect(parseResultFile(file, 'r.json')).toEqual(guarded);
    // Without provenEmpty (none was proven) it stays absent; entries of another shape are left out.
    const older = {
      ...file,
      failoverGuard: { ignoredRecords: [{ region: 'r2', reason: 'x' }, { region: 2 }] },
    };
    expect(parseResultFile(older, 'r.json').failoverGuard).toEqual({
      ignoredRecords: [{ region: 'r2', reason: 'x' }],
    });
    expect(parseResultFile({ ...file, failoverGuard: 'yes' }, 'r.json').failoverGuard).toBeUndefined();
  });

  it('read a file an older Strata wrote (every field, nulls) into the narrowed model', () => {
    const older = {
      ...identity,
      id: 'a/r1/network',
      status: 'skipped',
      step: null,
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      changes: null,
      resourceChanges: [],
      error: null,
      reason: 'upstream a/iam failed',
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
    };
    expect(instanceFromFile(older, 'old.json')).toEqual({
      ...identity,
      id: 'a/r1/network',
      status: 'skipped',
      reason: 'upstream a/iam failed',
    });
  });

  it.each<[string, unknown, string]>([
    ['not a result', { nodes: [] }, 'x.json is not a Strata result file'],
    [
      'an unknown run status',
      { ...toResultFile(run), status: 'done' },
      "x.json: 'status' must be one of running",
    ],
    [
      'a success without its times',
      { ...toResultFile(run), instances: [{ ...toResultFile(run).instances[2], startedAt: null }] },
      "x.json, instances[0] (succeeded): 'startedAt' must be a string, got null",
    ],
    [
      'a failure without its error',
      { ...toResultFile(run), instances: [{ ...toResultFile(run).instances[3], error: null }] },
      "x.json, instances[0] (failed): 'error' must be a string, got null",
    ],
  ])('refuse %s, saying where and what', (_name, value, message) => {
    expect(() => parseResultFile(value, 'x.json')).toThrow(UsageError);
    expect(() => parseResultFile(value, 'x.json')).toThrow(message);
  });

  it('say when a file is not JSON', () => {
    expect(() => parseResultText('{"version": 1,', 'r.json')).toThrow(/^r\.json is not valid JSON: /);
  });
});

describe('result journals', () => {
  /** The run as its file says at the start: every instance pending, nothing changed yet. */
  const started: RunResult = {
    ...run,
    hasChanges: false,
    instances: instances.map((instance) => ({ ...identityOf(instance), status: 'pending' })),
  };
  const journal = (...changes: InstanceResult[]) =>
    journalHeaderLine(started) + changes.map((change) => journalLine(change)).join('');

  it('fold a state change of every kind into the file, the last line about an instance winning', () => {
    // The running state first, then every outcome: each instance ends as the model says.
    const running = instances[1]!;
    const lines = journal(...instances.map((instance) => ({ ...running, id: instance.id })), ...instances);
    expect(foldJournal(started, lines, 'r.json.journal')).toEqual(run);
  });

  it('ignore a last line torn by a kill in the middle of its write', () => {
    const lines = journal(instances[2]!) + journalLine(instances[3]!).slice(0, 40);
    const folded = foldJournal(started, lines, 'r.json.journal');
    expect(folded.instances.map((instance) => instance.status)).toEqual([
      'pending',
      'pending',
      'succeeded',
      ...instances.slice(3).map(() => 'pending'),
    ]);
    expect(folded.hasChanges).toBe(true);
    expect(foldJournal(started, journalHeaderLine(started).slice(0, 10), 'r.json.journal')).toEqual(started);
    expect(foldJournal(started, '', 'r.json.journal')).toEqual(started);
  });

  it('take a file the run finished as it is: it was written after every line of its journal', () => {
    const finished: RunResult = { ...started, status: 'cancelled', finishedAt: run.startedAt, durationMs: 1 };
    expect(foldJournal(finished, journal(instances[2]!), 'r.json.journal')).toBe(finished);
  });

  it('fold a journal into the file compacted from it to the same file', () => {
    expect(foldJournal(run, journal(...instances), 'r.json.journal')).toEqual(run);
  });

  it.each<[string, string, string]>([
    [
      'a journal of another run',
      journalHeaderLine({ ...started, startedAt: '2025-12-31T23:00:00.000Z' }) + journalLine(instances[2]!),
      'r.json.journal belongs to another run (apply of layers.yml started 2025-12-31T23:00:00.000Z) than its result file (apply of layers.yml started 2026-01-01T00:00:00.000Z)',
    ],
    [
      'a journal of another command',
      journalHeaderLine({ ...started, command: 'plan' }),
      'r.json.journal belongs to another run (plan of layers.yml',
    ],
    ['something else', '{"nodes": []}\n', 'r.json.journal:1 is not a Strata result journal'],
    [
      'a broken line before the last',
      `${journal()}{"id"\n${journalLine(instances[2]!)}`,
      'r.json.journal:2 is not valid JSON',
    ],
    [
      'a bad instance',
      `${journal()}${JSON.stringify({ ...toResultFile(run).instances[2], durationMs: 'long' })}\n`,
      "r.json.journal:2 (succeeded): 'durationMs' must be a number",
    ],
    [
      'an instance the file does not have',
      journal({ ...instances[2]!, id: 'elsewhere' }),
      'r.json.journal: instance elsewhere is not in its result file',
    ],
  ])('refuse %s, saying where and what', (_name, lines, message) => {
    expect(() => foldJournal(started, lines, 'r.json.journal')).toThrow(UsageError);
    expect(() => foldJournal(started, lines, 'r.json.journal')).toThrow(message);
  });
});
