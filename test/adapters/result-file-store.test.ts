import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createResultFileWriter, journalOf, readResultFile } from '../../src/adapters/result-file-store.js';
import { parseResultText } from '../../src/core/result-file.js';
import { journalHeaderLine, journalHookLine, journalLine } from '../../src/core/result-journal.js';
import type { HookResult, InstanceResult, RunResult } from '../../src/core/run-result.js';
import type { HookTask } from '../../src/core/dr/hooks.js';
import type { HookSpec } from '../../src/core/manifest/types.js';
import { pendingHook } from '../../src/engine/engine-hooks.js';
import { scratchDir } from '../helpers/scratch.js';

const identity = (id: string) =>
  ({ id, layer: id, scope: 'global', account: null, region: null, environment: null }) as const;
const at = '2026-01-01T00:00:00.000Z';
const running = (id: string): InstanceResult => ({
  ...identity(id),
  status: 'running',
  startedAt: at,
  step: 'plan',
  changes: null,
  resourceChanges: [],
  mockedUpstreams: [],
  planFile: null,
});
const succeeded = (id: string): InstanceResult => ({
  ...identity(id),
  status: 'succeeded',
  startedAt: at,
  finishedAt: at,
  durationMs: 5,
  changes: { add: 1, change: 0, destroy: 0, replace: 0 },
  resourceChanges: [{ address: 'terraform_data.this', action: 'create' }],
  mockedUpstreams: [],
  planFile: null,
});

/** A whole-move hook's state: pending, as the engine first records it, with `change` applied. */
const hookState = (name: string, when: HookSpec['when'], change: Partial<HookResult>): HookResult => ({
  ...pendingHook({ id: `hook:${name}`, hook: { name, when }, instance: null } as HookTask, null),
  ...change,
});

const IDS = ['a', 'b', 'c'];
const runOf = (instances: InstanceResult[], startedAt = at): RunResult => ({
  version: 1,
  command: 'apply',
  status: 'running',
  manifest: 'layers.yml',
  startedAt,
  finishedAt: null,
  durationMs: null,
  terraform: { binary: 'tofu', version: '1.12.6' },
  parallelism: 2,
  hasChanges: instances.some((instance) => instance.status === 'succeeded'),
  instances,
});

/** Each instance starts and succeeds in turn: the changes the engine reports, with the run after each. */
function changes(): { instance: InstanceResult; run: RunResult }[] {
  const states = new Map<string, InstanceResult>(
    IDS.map((id) => [id, { ...identity(id), status: 'pending' }]),
  );
  return IDS.flatMap((id) =>
    [running(id), succeeded(id)].map((instance) => {
      states.set(id, instance);
      return { instance, run: runOf([...states.values()]) };
    }),
  );
}

describe('the result file of a run in progress', () => {
  it('reads, after every change, as the run stands; the file alone is whole JSON at every moment', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const writer = createResultFileWriter(file);
    for (const { instance, run } of changes()) {
      writer.changed(instance, run);
      expect(await readResultFile(file, file)).toEqual(run);
      expect(parseResultText(readFileSync(file, 'utf8'), file).status).toBe('running');
    }
  });

  it('appends one line per change, and compacts into the file once the journal has a line per instance', () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const writer = createResultFileWriter(file);
    const sequence = changes();
    const lineCounts = sequence.map(({ instance, run }) => {
      writer.changed(instance, run);
      return readFileSync(journalOf(file), 'utf8').split('\n').length - 2;
    });
    // The first change writes the file whole; then one line each, until three lines (one per instance).
    expect(lineCounts).toEqual([0, 1, 2, 0, 1, 2]);
    const compacted = parseResultText(readFileSync(file, 'utf8'), file);
    expect(compacted).toEqual(sequence[3]!.run);
  });

  it('is written whole at the end, its journal removed', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const writer = createResultFileWriter(file);
    const sequence = changes();
    for (const { instance, run } of sequence) writer.changed(instance, run);
    const final: RunResult = { ...sequence.at(-1)!.run, status: 'succeeded', finishedAt: at, durationMs: 9 };
    writer.finish(final);
    expect(existsSync(journalOf(file))).toBe(false);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(await readResultFile(file, file)).toEqual(final);
  });

  it('reads as it stood at its last whole line when killed in the middle of writing one', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const writer = createResultFileWriter(file);
    const sequence = changes();
    for (const { instance, run } of sequence.slice(0, 3)) writer.changed(instance, run);
    truncateSync(journalOf(file), readFileSync(journalOf(file)).length - 7);
    expect(await readResultFile(file, file)).toEqual(sequence[1]!.run);
  });

  it('replaces a journal an earlier run left beside the file, and refuses to mix one in', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const earlier = runOf(
      [succeeded('a'), running('b'), { ...identity('c'), status: 'pending' }],
      '2025-12-31T00:00:00.000Z',
    );
    writeFileSync(journalOf(file), journalHeaderLine(earlier) + journalLine(succeeded('b')));
    const [first] = changes();
    writeFileSync(file, JSON.stringify(first!.run));
    await expect(readResultFile(file, file)).rejects.toThrow(
      `${journalOf(file)} belongs to another run (apply of layers.yml started 2025-12-31T00:00:00.000Z)`,
    );
    createResultFileWriter(file).changed(first!.instance, first!.run);
    expect(await readResultFile(file, file)).toEqual(first!.run);
  });

  it('journals DR hooks as it does instances: a killed run reads with each hook as it stood', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const writer = createResultFileWriter(file);
    const hook = (status: HookResult['status'], change: Partial<HookResult> = {}): HookResult =>
      hookState('switch-traffic', 'after_failover', { status, ...change });
    const sequence = changes();
    const withHook = (run: RunResult, state: HookResult): RunResult => ({ ...run, hooks: [state] });
    const done = sequence.at(-1)!.run;
    for (const { instance, run } of sequence) writer.changed(instance, withHook(run, hook('pending')));
    const started = hook('running', { startedAt: at });
    writer.hookChanged(started, withHook(done, started));
    expect(await readResultFile(file, file)).toEqual(withHook(done, started));
    const finished = hook('succeeded', {
      startedAt: at,
      finishedAt: at,
      durationMs: 1200,
      logFile: 'hooks/switch-traffic/hook.log',
    });
    writer.hookChanged(finished, withHook(done, finished));
    // Killed here: the file alone still says pending, the journal holds the outcome.
    expect(parseResultText(readFileSync(file, 'utf8'), file).hooks![0]!.status).toBe('pending');
    expect(await readResultFile(file, file)).toEqual(withHook(done, finished));
  });

  it('adds a hook the file does not list yet (a later phase of a failback), and refuses a line that is no state', async () => {
    const file = path.join(scratchDir('strata-result-'), 'out.json');
    const [first] = changes();
    writeFileSync(file, JSON.stringify(first!.run));
    const hook = hookState('switch-traffic-back', 'after_failback', {
      status: 'failed',
      startedAt: at,
      finishedAt: at,
      durationMs: 40,
      error: "hook 'switch-traffic-back' failed (exit code 3)",
    });
    writeFileSync(journalOf(file), journalHeaderLine(first!.run) + journalHookLine(hook));
    expect((await readResultFile(file, file)).hooks).toEqual([hook]);
    writeFileSync(journalOf(file), `${journalHeaderLine(first!.run)}{"hook": {"id": 3}}\n`);
    await expect(readResultFile(file, file)).rejects.toThrow(
      `${journalOf(file)}:2: 'hook' must be a hook's state (id, name, status)`,
    );
  });

  it('says which file it cannot read', async () => {
    const file = path.join(scratchDir('strata-result-'), 'missing.json');
    await expect(readResultFile(file, file)).rejects.toThrow(`cannot read '${file}': ENOENT`);
  });
});
