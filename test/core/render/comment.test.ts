import { describe, expect, it } from '@jest/globals';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import {
  COMMENT_MAX_CHARS,
  commentMarker,
  renderComment,
  type CommentInput,
} from '../../../src/core/render/comment.js';
import { instanceFromFile, type InstanceResultFile } from '../../../src/core/result-file.js';
import type { ChangeCounts } from '../../../src/core/change-counts.js';
import type { InstanceResult, RunResult } from '../../../src/core/run-result.js';
import { dagOfGraph } from '../../../src/core/schedule/dag.js';
import { planForReport } from '../../../src/core/render/plan-text.js';
import { readFixture } from '../../helpers/fixtures.js';
import { graphOf } from '../../helpers/graphs.js';

function counts(add: number, change: number, destroy: number): ChangeCounts {
  return { add, change, destroy, replace: 0 };
}

/** Built as a result file holds it, read back as the model. */
function instance(id: string, overrides: Partial<InstanceResultFile> = {}): InstanceResult {
  const [account, region] = id.includes('/') ? id.split('/') : [null, null];
  const fields: InstanceResultFile = {
    id,
    layer: id.split('/').at(-1)!,
    scope: 'region',
    account: account ?? null,
    region: region ?? null,
    environment: null,
    status: 'succeeded',
    step: null,
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: '2025-01-01T00:00:02Z',
    durationMs: 2000,
    changes: counts(0, 0, 0),
    resourceChanges: [],
    error: null,
    reason: null,
    timedOut: false,
    mockedUpstreams: [],
    planFile: null,
    ...overrides,
  };
  return instanceFromFile(fields, id);
}

function graphFor(instances: readonly InstanceResult[]): LayerGraph {
  const base = graphOf(instances.map((result) => [result.id, []] as const));
  const patched = base.instances.map((node, index) => ({
    ...node,
    account: instances[index]!.account,
    region: instances[index]!.region,
  }));
  return { ...base, instances: patched, byId: new Map(patched.map((node) => [node.id, node])) };
}

function commentOf(
  instances: InstanceResult[],
  plans: Record<string, string> = {},
  extra: {
    runUrl?: string;
    maxChars?: number;
    note?: string;
    manifest?: string;
    run?: Partial<RunResult>;
    commit?: CommentInput['commit'];
  } = {},
): string {
  const graph = graphFor(instances);
  const run: RunResult = {
    version: 1,
    command: 'plan',
    status: instances.some((candidate) => candidate.status === 'failed') ? 'failed' : 'succeeded',
    manifest: 'infra/strata.yaml',
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: null,
    durationMs: 60_000,
    terraform: { binary: 'terraform', version: '1.13.5' },
    parallelism: 4,
    hasChanges: true,
    instances,
    ...extra.run,
  };
  return renderComment({
    run,
    graph,
    dag: dagOfGraph(graph),
    plans: new Map(Object.entries(plans)),
    manifest: extra.manifest ?? 'infra/strata.yaml',
    runUrl: extra.runUrl,
    maxChars: extra.maxChars,
    note: extra.note,
    commit: extra.commit,
  });
}

/** Table rows as their Instance, Status and Changes cells. */
function rowsOf(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
    .map((cells) => [cells[2]!, cells[3]!, cells[4]!]);
}

/** `<details>` blocks: the summary line, the fenced lines (ended where a CommonMark parser would end them) and the note. */
function blocksOf(markdown: string): { summary: string; body: string[]; note: string | null }[] {
  const lines = markdown.split('\n');
  const blocks: { summary: string; body: string[]; note: string | null }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const summary = /^<details><summary>(.*)<\/summary>$/.exec(lines[index]!);
    if (!summary) continue;
    const fence = /^(`{3,})(text|diff)$/.exec(lines[index + 2]!)![1]!;
    let end = index + 3;
    while (end < lines.length && !new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(lines[end]!)) end++;
    const note = lines[end + 1] === '' && lines[end + 2] !== '</details>' ? lines[end + 2]! : null;
    blocks.push({ summary: summary[1]!, body: lines.slice(index + 3, end), note });
    index = end;
  }
  return blocks;
}

const runUrl = 'https://github.com/acme/infra/actions/runs/42';

const mixed = [
  instance('prod/eu-west-1/network', { changes: counts(2, 1, 0), planFile: 'SECRET-PLAN-FILE' }),
  instance('prod/eu-west-1/app', { changes: counts(0, 0, 1) }),
  instance('dev/eu-west-1/app', {
    changes: counts(1, 0, 0),
    resourceChanges: [{ address: 'SECRET-ADDR', action: 'create' }],
  }),
  instance('prod/eu-west-2/network', {
    status: 'failed',
    changes: null,
    error: 'Error: AccessDenied\nSECRET-TAIL-OF-STDERR',
    mockedUpstreams: ['SECRET-MOCK'],
  }),
  instance('prod/eu-west-2/app', { status: 'skipped', changes: null, reason: 'upstream failed' }),
  instance('dns', { changes: counts(0, 0, 0) }),
];

describe('commentMarker', () => {
  it('names the manifest in a hidden HTML comment', () => {
    expect(commentMarker('infra/strata.yaml')).toBe('<!-- strata:plan manifest=infra/strata.yaml -->');
  });

  it.each(['a-->b', 'a--!>b', 'x>y', '--->', 'a\n-->\n<script>', 'a<!--b', '-'])(
    'keeps %j inside the comment',
    (manifest) => {
      const marker = commentMarker(manifest);
      expect(marker.startsWith('<!-- strata:plan manifest=')).toBe(true);
      expect(marker.endsWith(' -->')).toBe(true);
      const inside = marker.slice('<!--'.length, -'-->'.length);
      expect(inside).not.toContain('--');
      expect(inside).not.toMatch(/[<>\n\r]/);
    },
  );

  it('gives distinct manifests distinct markers, even when one looks like the encoding of the other', () => {
    const names = ['a--b', 'a-%2Db', 'a>b', 'a%3Eb', 'a', 'a '];
    expect(new Set(names.map((name) => commentMarker(name))).size).toBe(names.length);
  });
});

describe('renderComment', () => {
  const comment = commentOf(mixed, {}, { runUrl });

  it('starts with the marker, then a one-line heading with what changes and what failed', () => {
    const lines = comment.split('\n');
    expect(lines[0]).toBe(commentMarker('infra/strata.yaml'));
    expect(lines[1]).toBe('### Strata plan: infra/strata.yaml — 3 to change, 1 failed, 1 skipped');
    expect(comment).toContain(`[run summary](${runUrl})`);
  });

  it('escapes the manifest in the marker and the heading', () => {
    const text = commentOf([instance('a')], {}, { manifest: 'x --> <img src=y>' });
    expect(text.split('\n')[0]).toBe('<!-- strata:plan manifest=x -%2D%3E %3Cimg src=y%3E -->');
    expect(text.split('\n')[1]).toBe('### Strata plan: x --&gt; &lt;img src=y&gt; — no changes');
  });

  it('has the instance table, sorted, with counts and statuses, and no diagram', () => {
    expect(rowsOf(comment)).toEqual([
      ['dns', '✅ succeeded', '+0 ~0 -0'],
      ['dev/eu-west-1/app', '✅ succeeded', '🟡 **+1 ~0 -0**'],
      ['prod/eu-west-1/app', '✅ succeeded', '🟡 **+0 ~0 -1**'],
      ['prod/eu-west-1/network', '✅ succeeded', '🟡 **+2 ~1 -0**'],
      ['prod/eu-west-2/app', '⏭️ skipped', ''],
      ['prod/eu-west-2/network', '❌ failed', ''],
    ]);
    expect(comment).not.toContain('mermaid');
  });

  it('never prints instance fields beyond id, status, counts, duration, reason and the first line of the error', () => {
    expect(comment).toContain('Error: AccessDenied');
    expect(comment).not.toMatch(/SECRET/);
  });

  it('quotes the note under the heading', () => {
    const text = commentOf([instance('a')], {}, { note: 'Forked pull request:\nplan only, no apply.' });
    expect(text).toContain('\n> Forked pull request:\n> plan only, no apply.\n');
  });

  it('renders a run with no plans without <details>', () => {
    expect(comment).not.toContain('<details>');
  });

  it('keeps a plan containing ``` inside its fence', () => {
    const hostile = 'line 1\n```\n## Injected\n```\nline 5';
    const [block] = blocksOf(commentOf([instance('a', { changes: counts(1, 0, 0) })], { a: hostile }));
    expect(block!.body).toEqual(hostile.split('\n'));
  });
});

describe('renderComment: the commit it planned', () => {
  const url = (sha: string) => `https://github.com/acme/infra/commit/${sha}`;
  const merge = 'a'.repeat(40);
  const head = 'b'.repeat(40);

  it("names the merge commit and links the pull request's head", () => {
    const comment = commentOf(
      [instance('dns', { changes: counts(0, 0, 0) })],
      {},
      { commit: { sha: merge, head, url } },
    );
    expect(comment).toContain(
      `Planned commit \`aaaaaaa\`, the merge of the pull request's head [\`bbbbbbb\`](${url(head)}) into its base.`,
    );
  });

  it('links the commit itself when it is the head', () => {
    const comment = commentOf(
      [instance('dns', { changes: counts(0, 0, 0) })],
      {},
      { commit: { sha: head, url } },
    );
    expect(comment).toContain(`Planned commit [\`bbbbbbb\`](${url(head)}).`);
  });
});

describe('renderComment: staying under GitHub’s limit', () => {
  const large = readFixture('terraform', 'plan-large-300-creates.tf1.13.5.txt');
  const small = readFixture('terraform', 'plan-create-3-resources.tf1.13.5.txt');
  const bigIds = Array.from(
    { length: 20 },
    (_, index) => `acct${index % 3}/region${index % 4}/layer${index}`,
  );
  const instances = [
    ...bigIds.map((id) => instance(id, { changes: counts(300, 0, 0) })),
    instance('small', { changes: counts(3, 0, 0) }),
  ];
  const plans = { ...Object.fromEntries(bigIds.map((id) => [id, large])), small };

  it('cuts 3.7 MB of plans to fair shares under 65,536 characters, each cut plan linking to the run summary', () => {
    const comment = commentOf(instances, plans, { runUrl });
    expect(comment.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(comment.length).toBeGreaterThan(COMMENT_MAX_CHARS * 0.95);
    expect(comment.split('\n')[0]).toBe(commentMarker('infra/strata.yaml'));
    expect(rowsOf(comment)).toHaveLength(21);
    expect(comment).toContain(
      `**20 of 21 plans cut** to keep this comment within GitHub's 65,536-character limit`,
    );

    const blocks = blocksOf(comment);
    const largeLines = large.replace(/^\n+/, '').trimEnd().split('\n');
    const cut = blocks.filter((block) => block.summary.endsWith('(cut)'));
    expect(cut).toHaveLength(20);
    for (const block of cut) {
      expect(block.note).toBe(
        `… ${largeLines.length - block.body.length} more lines cut (see the [run summary](${runUrl}); full plan in the job log)`,
      );
    }
    const [whole] = blocks.filter((block) => !block.summary.endsWith('(cut)'));
    expect(whole!.summary).toBe('small — +3 ~0 -0');
    // As a diff: Terraform's markers moved to the start of the line, where GitHub colours them.
    expect(whole!.body).toEqual(
      planForReport(small, { isFailed: false, hasChanges: true })
        .text.replace(/^\n+/, '')
        .trimEnd()
        .split('\n'),
    );
    expect(whole!.body).toContain('+   resource "local_file" "test" {');
  });

  it('says where the full plan is when there is no run link', () => {
    const comment = commentOf(instances, plans);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(comment).not.toContain('](');
    const cut = blocksOf(comment).filter((block) => block.summary.endsWith('(cut)'));
    expect(cut).toHaveLength(20);
    for (const block of cut)
      expect(block.note).toMatch(/^… \d+ more lines cut \(full plan in the job log\)$/);
  });

  it('leaves the plans out, not the table, when there are too many to show usefully', () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      instance(`a/r/layer${index}`, { changes: counts(300, 0, 0) }),
    );
    const comment = commentOf(many, Object.fromEntries(many.map((result) => [result.id, large])), { runUrl });
    expect(comment.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(rowsOf(comment)).toHaveLength(300);
    expect(comment).not.toContain('<details>');
    expect(comment).toContain(
      `_The 300 plans with changes or errors were left out to keep this comment within GitHub's limit; see the [run summary](${runUrl})._`,
    );
  });

  it('cuts the table only when it alone is over the limit, and still starts with the marker', () => {
    const comment = commentOf(instances, plans, { maxChars: 1000 });
    expect(comment.length).toBeLessThanOrEqual(1000);
    expect(comment.split('\n')[0]).toBe(commentMarker('infra/strata.yaml'));
    expect(comment).toMatch(/… \d+ more rows cut \(the full table is in the job log\)/);
  });
});
