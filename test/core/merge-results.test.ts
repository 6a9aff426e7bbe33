import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import { asRunResult, mergeResults } from '../../src/core/merge-results.js';
import type { InstanceResult, RunResult } from '../../src/core/run-result.js';

const instance = (id: string, status: InstanceResult['status']): InstanceResult => ({
  id,
  layer: id.split('/').at(-1)!,
  scope: 'global',
  account: null,
  region: null,
  environment: null,
  status,
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

  it('refuses files that are not results, and an empty list', () => {
    expect(() => asRunResult({ nodes: [] }, 'x.json')).toThrow(UsageError);
    expect(() => asRunResult(null, 'x.json')).toThrow('x.json is not a Strata result file');
    expect(() => mergeResults([])).toThrow('No result files to merge');
    expect(asRunResult(result({}), 'ok.json').command).toBe('apply');
  });
});
