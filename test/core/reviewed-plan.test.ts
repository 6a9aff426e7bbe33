import { describe, expect, it } from '@jest/globals';
import { mergeResults } from '../../src/core/merge-results.js';
import { renderComment } from '../../src/core/render/comment.js';
import { renderReviewedPlanNote } from '../../src/core/render/reviewed-plan-note.js';
import { parseResultFile, resultFileText } from '../../src/core/result-file.js';
import {
  buildReviewedPlan,
  compareToReviewedPlan,
  describeReplanned,
  parseReviewedPlan,
  type ReviewedPlan,
} from '../../src/core/reviewed-plan.js';
import type { InstanceResult, RunResult } from '../../src/core/run-result.js';
import { instanceResult } from '../helpers/instance-results.js';

const run = (instances: InstanceResult[], overrides: Partial<RunResult> = {}): RunResult => ({
  version: 1,
  command: 'apply',
  status: 'succeeded',
  manifest: 'layers.yml',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  durationMs: 1000,
  terraform: { binary: 'terraform', version: '1.13.5' },
  parallelism: 4,
  hasChanges: true,
  instances,
  ...overrides,
});

const PLAN: ReviewedPlan = {
  version: 1,
  instances: [
    {
      id: 'db',
      changes: [
        { address: 'aws_db.main', action: 'update' },
        { address: 'aws_db.old', action: 'delete' },
      ],
    },
    { id: 'api', changes: [] },
  ],
};

describe('buildReviewedPlan', () => {
  it('keeps each instance whose plan succeeded, with its resource changes; leaves out what was not planned', () => {
    const plan = buildReviewedPlan(
      run([
        instanceResult('db', {
          changes: { add: 1, change: 0, destroy: 0, replace: 0 },
          resourceChanges: [{ address: 'aws_db.main', action: 'create' }],
        }),
        instanceResult('api', { changes: { add: 0, change: 0, destroy: 0, replace: 0 } }),
        instanceResult('web', { status: 'failed', error: 'boom', step: 'plan' }),
        instanceResult('cdn', { status: 'skipped', reason: 'an upstream failed' }),
      ]),
    );
    expect(plan).toEqual({
      version: 1,
      instances: [
        { id: 'db', changes: [{ address: 'aws_db.main', action: 'create' }] },
        { id: 'api', changes: [] },
      ],
    });
    expect(parseReviewedPlan(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('parseReviewedPlan', () => {
  it.each([
    ['{', /^not JSON/],
    ['null', /not a Strata reviewed plan/],
    ['{"version": 2, "instances": []}', /not a Strata reviewed plan/],
    ['{"version": 1, "instances": [{"id": "db"}]}', /not a Strata reviewed plan/],
  ])('refuses %s', (text, message) => {
    expect(parseReviewedPlan(text)).toMatch(message);
  });
});

describe('compareToReviewedPlan', () => {
  const why = 'the saved plan for db is stale';

  it('accepts a fresh plan with the reviewed changes, reporting no difference', () => {
    const fresh = PLAN.instances[0]!.changes;
    expect(compareToReviewedPlan(PLAN, 'db', fresh, why)).toEqual({
      id: 'db',
      why,
      wasReviewed: true,
      differences: [],
      accepted: true,
    });
  });

  it('accepts changes that lose nothing but reports each; an action the plan did not show counts too', () => {
    const replanned = compareToReviewedPlan(
      PLAN,
      'db',
      [
        { address: 'aws_db.main', action: 'update' },
        { address: 'aws_db.replica', action: 'create' },
        { address: 'aws_db.old', action: 'no-op' },
      ],
      why,
    );
    expect(replanned.accepted).toBe(true);
    expect(replanned.differences).toEqual([
      { address: 'aws_db.replica', previewed: null, planned: 'create' },
      { address: 'aws_db.old', previewed: 'delete', planned: 'no-op' },
    ]);
    expect(describeReplanned(replanned)).toBe(
      `${why}: planned afresh, its plan makes what the reviewed plan showed but for changes that destroy nothing:\n  aws_db.replica: create (the reviewed plan showed no change)\n  aws_db.old: no-op (the reviewed plan showed delete)`,
    );
  });

  it.each(['delete', 'replace', 'forget'])(
    'refuses a %s the reviewed plan did not show, naming only what loses something',
    (action) => {
      const replanned = compareToReviewedPlan(
        PLAN,
        'db',
        [
          { address: 'aws_db.main', action },
          { address: 'aws_db.replica', action: 'create' },
        ],
        why,
      );
      expect(replanned.accepted).toBe(false);
      expect(replanned.differences).toEqual([
        { address: 'aws_db.main', previewed: 'update', planned: action },
      ]);
      expect(describeReplanned(replanned)).toContain(
        `aws_db.main: ${action} (the reviewed plan showed update)\nNothing of db was applied, nor of what depends on it`,
      );
    },
  );

  it('a destroy the reviewed plan showed passes; an instance it did not have is compared with no change', () => {
    expect(
      compareToReviewedPlan(PLAN, 'db', [{ address: 'aws_db.old', action: 'delete' }], why).accepted,
    ).toBe(true);
    const unreviewed = compareToReviewedPlan(PLAN, 'cdn', [{ address: 'aws_cdn.x', action: 'create' }], why);
    expect(unreviewed).toMatchObject({ wasReviewed: false, accepted: true });
    expect(describeReplanned(unreviewed)).toContain('aws_cdn.x: create (not in the reviewed plan)');
    expect(
      compareToReviewedPlan(PLAN, 'cdn', [{ address: 'aws_cdn.x', action: 'delete' }], why).accepted,
    ).toBe(false);
  });
});

describe('the report of an apply of reviewed plans', () => {
  const replannedDb = compareToReviewedPlan(
    PLAN,
    'db',
    [{ address: 'aws_db.main', action: 'replace' }],
    'the saved plan for db is stale: the outputs of its upstream instances changed since it was planned',
  );
  const replannedApi = compareToReviewedPlan(
    PLAN,
    'api',
    [{ address: 'aws_api.x', action: 'create' }],
    'stale',
  );
  const applied = run(
    [
      instanceResult('db', { status: 'failed', error: 'refused', step: 'plan' }),
      instanceResult('api'),
      instanceResult('web'),
    ],
    { status: 'failed', reviewedPlan: { stalePlans: 'replan', replanned: [replannedDb, replannedApi] } },
  );

  it('counts the plans applied as saved and lists each instance planned afresh with its differences', () => {
    const note = renderReviewedPlanNote(applied);
    expect(
      note.startsWith(
        '> [!WARNING]\n> **Reviewed plan** (stale-plans: replan): 1 saved plan applied as reviewed. 2 instances planned afresh',
      ),
    ).toBe(true);
    expect(note).toContain(
      '> - **db**: the saved plan for db is stale: the outputs of its upstream instances changed since it was planned; **not applied**: its fresh plan destroys or replaces what the reviewed plan did not show: aws\\_db.main: replace (reviewed: update)',
    );
    expect(note).toContain(
      '> - **api**: stale; applied, with changes the reviewed plan did not show (none destroys anything): aws\\_api.x: create (the reviewed plan showed no change)',
    );
    expect(note.endsWith('\n\n')).toBe(true);
  });

  it('says when a refused plan failed, and is empty for a run without saved plans', () => {
    const refused = run([instanceResult('db', { status: 'failed', error: 'stale', step: 'read-upstream' })], {
      status: 'failed',
      reviewedPlan: { stalePlans: 'refuse', replanned: [] },
    });
    expect(renderReviewedPlanNote(refused)).toBe(
      '> [!NOTE]\n> **Reviewed plan** (stale-plans: refuse): 0 saved plans applied as reviewed. A saved plan that no longer matched its inputs was refused: see the failed instances below.\n\n',
    );
    expect(renderReviewedPlanNote(run([instanceResult('db')]))).toBe('');
  });

  it('lists at most 50 instances planned afresh, and says how many more', () => {
    const many = Array.from({ length: 52 }, (_, index) => ({ ...replannedApi, id: `i${index}` }));
    const note = renderReviewedPlanNote(run([], { reviewedPlan: { stalePlans: 'replan', replanned: many } }));
    expect(note.split('\n').filter((line) => line.startsWith('> - **'))).toHaveLength(50);
    expect(note).toContain("> - … and 2 more (each instance's log has its comparison)");
  });

  it('is in the apply comment, whose marker is the apply kind, never the plan comment it would replace', () => {
    const comment = renderComment({
      run: applied,
      graph: undefined as never,
      dag: { ids: [], dependsOn: new Map() },
      plans: new Map(),
      manifest: 'layers.yml',
    });
    expect(comment.split('\n')[0]).toBe('<!-- strata:apply manifest=layers.yml -->');
    expect(comment).toContain('> **Reviewed plan** (stale-plans: replan)');
  });

  it('survives the result file and the merge of matrix legs, each instance once', () => {
    const back = parseResultFile(JSON.parse(resultFileText(applied)), 'r.json');
    expect(back.reviewedPlan).toEqual(applied.reviewedPlan);
    const other = run([instanceResult('cdn')], {
      reviewedPlan: { stalePlans: 'replan', replanned: [{ ...replannedApi, accepted: true }] },
    });
    const merged = mergeResults([back, other, run([instanceResult('x')])]);
    expect(merged.reviewedPlan?.stalePlans).toBe('replan');
    expect(merged.reviewedPlan?.replanned.map((entry) => entry.id)).toEqual(['db', 'api']);
    expect(mergeResults([run([instanceResult('x')])]).reviewedPlan).toBeUndefined();
  });
});
