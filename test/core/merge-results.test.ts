import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import { mergeReport, mergeResults, NOT_REPORTED } from '../../src/core/merge-results.js';
import { renderFailoverGuardNote } from '../../src/core/render/failover-guard-note.js';
import { instanceFromFile, parseResultFile } from '../../src/core/result-file.js';
import type { InstanceResult, RunResult } from '../../src/core/run-result.js';

const instance = (id: string, status: InstanceResult['status']): InstanceResult =>
  instanceFromFile(
    {
      id,
      layer: id.split('/').at(-1)!,
      scope: 'global',
      account: null,
      region: null,
      environment: null,
      status,
      step: null,
      startedAt: status === 'pending' ? null : '2026-01-01T00:00:10.000Z',
      finishedAt: status === 'pending' || status === 'running' ? null : '2026-01-01T00:00:20.000Z',
      durationMs: status === 'pending' || status === 'running' ? null : 10_000,
      changes: null,
      resourceChanges: [],
      error: status === 'failed' ? 'boom' : null,
      reason: status === 'skipped' || status === 'cancelled' ? 'an upstream failed' : null,
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
    },
    id,
  );

const result = (overrides: Partial<RunResult>): RunResult => ({
  version: 1,
  command: 'apply',
  status: 'succeeded',
  manifest: 'layers.yml',
  startedAt: '2026-01-01T00:00:10.000Z',
  finishedAt: '2026-01-01T00:00:20.000Z',
  durationMs: 10_000,
  terraform: { binary: 'terraform', version: '1.13.5' },
  parallelism: 4,
  hasChanges: false,
  instances: [],
  ...overrides,
});

describe('mergeResults', () => {
  it('joins instances, spans the times and keeps the worst status', () => {
    const merged = mergeResults([
      result({ instances: [instance('a', 'succeeded')] }),
      result({
        status: 'failed',
        startedAt: '2026-01-01T00:00:05.000Z',
        finishedAt: '2026-01-01T00:00:30.000Z',
        hasChanges: true,
        instances: [instance('b', 'failed')],
      }),
      result({ status: 'cancelled', instances: [instance('c', 'cancelled')] }),
    ]);
    expect(merged.instances.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(merged.status).toBe('failed');
    expect(merged.startedAt).toBe('2026-01-01T00:00:05.000Z');
    expect(merged.finishedAt).toBe('2026-01-01T00:00:30.000Z');
    expect(merged.durationMs).toBe(25_000);
    expect(merged.hasChanges).toBe(true);
  });

  it("keeps the failover guard's report of every leg that used the override, each region once", () => {
    const ignored = (region: string) => ({ region, reason: `${region} AccessDenied` });
    const merged = mergeResults([
      result({ instances: [instance('a', 'succeeded')] }),
      result({ failoverGuard: { ignoredRecords: [ignored('r2')] } }),
      result({
        failoverGuard: {
          ignoredRecords: [ignored('r2'), ignored('r3')],
          provenEmpty: [{ region: 'r4', reason: 'timed out', proof: 'r1 names r4 failed' }],
        },
      }),
    ]);
    expect(merged.failoverGuard).toEqual({
      ignoredRecords: [ignored('r2'), ignored('r3')],
      provenEmpty: [{ region: 'r4', reason: 'timed out', proof: 'r1 names r4 failed' }],
    });
    expect(renderFailoverGuardNote(merged)).toContain(
      'without reading the failover record of r2 (r2 AccessDenied); r3 (r3 AccessDenied)',
    );
    expect(mergeResults([result({})]).failoverGuard).toBeUndefined();
  });

  it('refuses files that are not results, and an empty list', () => {
    expect(() => parseResultFile({ nodes: [] }, 'x.json')).toThrow(UsageError);
    expect(() => parseResultFile(null, 'x.json')).toThrow('x.json is not a Strata result file');
    expect(() => mergeResults([])).toThrow('No result files to merge');
    expect(parseResultFile(result({}), 'ok.json').command).toBe('apply');
  });
});

describe('mergeReport', () => {
  const expected = ['a', 'b', 'c'].map((id) => ({ ...instance(id, 'pending') }));

  it('lists the instances no result reports as not run, and fails', () => {
    const merged = mergeReport([result({ instances: [instance('a', 'succeeded')] })], expected);
    expect(merged.instances.map((i) => [i.id, i.status])).toEqual([
      ['a', 'succeeded'],
      ['b', 'skipped'],
      ['c', 'skipped'],
    ]);
    expect(merged.instances[1]).toMatchObject({ reason: NOT_REPORTED });
    expect(merged.status).toBe('failed');
  });

  it('fails when a job never finished: its file says running, its instances pending or running', () => {
    const all = [instance('a', 'succeeded'), instance('b', 'succeeded'), instance('c', 'succeeded')];
    expect(mergeReport([result({ instances: all })], expected).status).toBe('succeeded');
    const killed = result({ status: 'running', finishedAt: null, instances: all });
    expect(mergeReport([killed], expected).status).toBe('failed');
    const leftBehind = [all[0]!, instance('b', 'running'), instance('c', 'pending')];
    expect(mergeReport([result({ instances: leftBehind })], expected).status).toBe('failed');
    expect(mergeReport([killed], expected).finishedAt).toBeNull();
  });

  it('keeps a cancellation a cancellation when every instance is accounted for', () => {
    const all = [instance('a', 'succeeded'), instance('b', 'cancelled'), instance('c', 'succeeded')];
    expect(mergeReport([result({ status: 'cancelled', instances: all })], expected).status).toBe('cancelled');
  });

  it('needs at least one result', () => {
    expect(() => mergeReport([], expected)).toThrow('No result files to merge');
  });
});
