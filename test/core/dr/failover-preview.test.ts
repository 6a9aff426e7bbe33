import { describe, expect, it } from '@jest/globals';
import { buildFailoverPreview, parseFailoverPreview } from '../../../src/core/dr/failover-preview.js';
import type { InstanceResultFile } from '../../../src/core/result-file.js';
import { instanceResult } from '../../helpers/instance-results.js';
import type { InstanceResult, RunResult } from '../../../src/core/run-result.js';
import { upstreamWaitReason } from '../../../src/core/upstream-wait.js';

const MOVE = { mode: 'failover', from: 'r2', to: 'r1' } as const;

function instance(id: string, extra: Partial<InstanceResultFile>): InstanceResult {
  return instanceResult(id, { scope: 'environment', environment: 'e', ...extra });
}

function run(...instances: InstanceResult[]): RunResult {
  return {
    version: 1,
    command: 'plan',
    status: 'failed',
    manifest: 'layers.yml',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    terraform: { binary: 'tofu', version: '1.12.6' },
    parallelism: 1,
    hasChanges: true,
    instances,
  };
}

const waiting = (id: string, upstream: string) =>
  instance(id, { status: 'skipped', reason: upstreamWaitReason(upstream, 'apply it first') });

describe('buildFailoverPreview', () => {
  it('keeps each planned instance with its changes and mocked upstreams', () => {
    const db = instance('a/r1/e/db', {
      resourceChanges: [{ address: 'terraform_data.db', action: 'create' }],
    });
    const api = instance('a/r1/e/api', {
      mockedUpstreams: ['a/r1/e/db'],
      resourceChanges: [{ address: 'terraform_data.api', action: 'create' }],
    });
    expect(buildFailoverPreview(run(db, api), MOVE)).toEqual({
      complete: true,
      problems: [],
      preview: {
        version: 1,
        ...MOVE,
        instances: [
          {
            id: 'a/r1/e/db',
            state: 'planned',
            changes: [{ address: 'terraform_data.db', action: 'create' }],
            mockedUpstreams: [],
            waitsOn: [],
          },
          {
            id: 'a/r1/e/api',
            state: 'planned',
            changes: [{ address: 'terraform_data.api', action: 'create' }],
            mockedUpstreams: ['a/r1/e/db'],
            waitsOn: [],
          },
        ],
      },
    });
  });

  it('defers an instance that waits on an upstream of the move, and a chain of them', () => {
    const { preview, complete } = buildFailoverPreview(
      run(
        instance('a/r1/e/db', {}),
        waiting('a/r1/e/api', 'a/r1/e/db'),
        // What the engine says of an instance below a skipped one: it never started.
        instance('a/r1/e/web', { status: 'skipped', reason: 'upstream a/r1/e/api skipped' }),
      ),
      MOVE,
    );
    expect(complete).toBe(true);
    expect(preview.instances.map((entry) => [entry.id, entry.state, entry.waitsOn])).toEqual([
      ['a/r1/e/db', 'planned', []],
      ['a/r1/e/api', 'deferred', ['a/r1/e/db']],
      ['a/r1/e/web', 'deferred', ['a/r1/e/api']],
    ]);
  });

  it('is not complete when an instance waits on an upstream outside the move, or a plan failed', () => {
    const outside = buildFailoverPreview(run(waiting('a/r1/e/api', 'a/iam')), MOVE);
    expect(outside.complete).toBe(false);
    expect(outside.problems).toEqual([
      `a/r1/e/api: skipped (${upstreamWaitReason('a/iam', 'apply it first')})`,
    ]);
    const failed = buildFailoverPreview(
      run(
        instance('a/r1/e/db', { status: 'failed', step: 'plan', error: 'terraform plan failed' }),
        instance('a/r1/e/api', { status: 'skipped', reason: 'upstream a/r1/e/db failed' }),
        waiting('a/r1/e/web', 'a/r1/e/api'),
      ),
      MOVE,
    );
    expect(failed.complete).toBe(false);
    // The failure is the problem; what was skipped below it only follows from it.
    expect(failed.problems).toEqual(['a/r1/e/db: failed', expect.stringContaining('a/r1/e/web: skipped')]);
  });
});

describe('parseFailoverPreview', () => {
  it('reads a preview back, and says what is wrong with anything else', () => {
    const { preview } = buildFailoverPreview(run(instance('a/r1/e/db', {})), MOVE);
    expect(parseFailoverPreview(JSON.stringify(preview))).toEqual(preview);
    expect(parseFailoverPreview('{')).toMatch(/^not JSON: /);
    expect(parseFailoverPreview('{"version":2}')).toBe('not a Strata failover preview (version 1)');
    expect(parseFailoverPreview('null')).toBe('not a Strata failover preview (version 1)');
  });
});
