import type { ChangeCounts } from '../../../src/core/change-counts.js';
import { describe, expect, it } from '@jest/globals';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import { fairShares } from '../../../src/core/render/plan-blocks.js';
import { utf8Length } from '../../../src/core/render/text-size.js';
import { planForReport } from '../../../src/core/render/plan-text.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../../src/core/render/summary.js';
import { instanceFromFile, type InstanceResultFile } from '../../../src/core/result-file.js';
import { changesOf, type InstanceResult, type RunResult } from '../../../src/core/run-result.js';
import { dagOfGraph } from '../../../src/core/schedule/dag.js';
import { readFixture } from '../../helpers/fixtures.js';
import { graphOf } from '../../helpers/graphs.js';

// ---- builders -------------------------------------------------------------------------------------------

function counts(add: number, change: number, destroy: number, replace = 0): ChangeCounts {
  return { add, change, destroy, replace };
}

/** Built as a result file holds it, read back as the model (so a test cannot build a shape the model forbids). */
function instance(id: string, overrides: Partial<InstanceResultFile> = {}): InstanceResult {
  const fields: InstanceResultFile = {
    id,
    layer: id.split('/').at(-1)!,
    scope: 'region',
    account: null,
    region: null,
    environment: null,
    status: 'succeeded',
    step: null,
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: '2025-01-01T00:00:01.5Z',
    durationMs: 1500,
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

function runOf(instances: InstanceResult[], overrides: Partial<RunResult> = {}): RunResult {
  return {
    version: 1,
    command: 'plan',
    status: instances.some((candidate) => candidate.status === 'failed') ? 'failed' : 'succeeded',
    manifest: 'infra/strata.yaml',
    startedAt: '2025-01-01T00:00:00Z',
    finishedAt: '2025-01-01T00:04:12Z',
    durationMs: 252_000,
    terraform: { binary: 'terraform', version: '1.13.5' },
    parallelism: 4,
    hasChanges: instances.some((candidate) => changesOf(candidate) !== null),
    instances,
    ...overrides,
  };
}

/** A graph over the run's instances (in the order given), with their account and region, and the given edges. */
function graphFor(instances: readonly InstanceResult[], edges: Record<string, string[]> = {}): LayerGraph {
  const base = graphOf(instances.map((result) => [result.id, edges[result.id] ?? []] as const));
  const patched = base.instances.map((node, index) => ({
    ...node,
    layer: instances[index]!.layer,
    account: instances[index]!.account,
    region: instances[index]!.region,
  }));
  return { ...base, instances: patched, byId: new Map(patched.map((node) => [node.id, node])) };
}

function summaryOf(
  instances: InstanceResult[],
  plans: Record<string, string> = {},
  extra: {
    maxBytes?: number;
    runUrl?: string;
    run?: Partial<RunResult>;
    edges?: Record<string, string[]>;
  } = {},
): string {
  const graph = graphFor(instances, extra.edges);
  return renderSummary({
    run: runOf(instances, extra.run),
    graph,
    dag: dagOfGraph(graph),
    plans: new Map(Object.entries(plans)),
    runUrl: extra.runUrl,
    maxBytes: extra.maxBytes,
  });
}

// ---- readers of the Markdown ----------------------------------------------------------------------------

/** The instance table as objects keyed by header, cells unescaped of `\|`. */
function tableOf(markdown: string): Record<string, string>[] {
  const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string): string[] =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const [header, , ...rows] = lines.map(cells);
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index] ?? ''])));
}

interface Block {
  summary: string;
  fence: string;
  language: string;
  body: string[];
  note: string | null;
}

/**
 * The `<details>` plan blocks, read line by line as a CommonMark parser would: the fenced code ends at the first
 * line of at least as many backticks as its opener (indented at most three spaces), wherever the renderer meant it to.
 */
function blocksOf(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const summary = /^<details><summary>(.*)<\/summary>$/.exec(lines[index]!);
    if (!summary) continue;
    const opener = /^(`{3,})(text|diff)$/.exec(lines[index + 2]!);
    if (!opener) throw new Error(`no fence after ${lines[index]}`);
    const fence = opener[1]!;
    const language = opener[2]!;
    let end = index + 3;
    const closes = (line: string) => new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`).test(line);
    while (end < lines.length && !closes(lines[end]!)) end++;
    const body = lines.slice(index + 3, end);
    const note = lines[end + 1] === '' && lines[end + 2] !== '</details>' ? lines[end + 2]! : null;
    blocks.push({ summary: summary[1]!, fence, language, body, note });
    index = end;
  }
  return blocks;
}

/** A plan with changes as the reports show it. */
const diffOf = (text: string) => planForReport(text, { isFailed: false, hasChanges: true }).text;

function linesOf(text: string): string[] {
  return text.replace(/^\n+/, '').trimEnd().split('\n');
}

// ---- fixtures -------------------------------------------------------------------------------------------

const mixed = [
  instance('prod/eu-west-2/network', {
    account: 'prod',
    region: 'eu-west-2',
    status: 'failed',
    step: 'plan',
    changes: null,
    durationMs: 75_000,
    error: 'Error: creating VPC: UnauthorizedOperation | denied\nSECRET-IN-ERROR-TAIL',
    resourceChanges: [{ address: 'aws_vpc.SECRET-ADDRESS', action: 'create' }],
  }),
  instance('prod/eu-west-1/network', {
    account: 'prod',
    region: 'eu-west-1',
    changes: counts(2, 1, 0),
    planFile: 'SECRET-PLAN-FILE.tfplan',
    mockedUpstreams: ['SECRET-MOCKED'],
  }),
  instance('dns', { changes: counts(1, 0, 0), durationMs: 800 }),
  instance('prod/eu-west-1/app', {
    account: 'prod',
    region: 'eu-west-1',
    status: 'skipped',
    changes: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    reason: 'upstream prod/eu-west-2/network failed',
  }),
  instance('prod/iam', { account: 'prod', scope: 'account', changes: counts(0, 2, 0) }),
  instance('dev/eu-west-1/network', {
    account: 'dev',
    region: 'eu-west-1',
    status: 'cancelled',
    changes: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    reason: 'fail-fast: another instance failed',
  }),
  instance('dev/eu-west-1/app', { account: 'dev', region: 'eu-west-1', changes: counts(0, 0, 0) }),
];
const mixedEdges = {
  'prod/eu-west-1/app': ['prod/eu-west-1/network'],
  'prod/eu-west-1/network': ['prod/iam'],
};

describe('renderSummary: heading and table', () => {
  const summary = summaryOf(
    mixed,
    {},
    { runUrl: 'https://github.com/o/r/actions/runs/1', edges: mixedEdges },
  );

  it('heads the summary with the command, the run status and the totals', () => {
    const lines = summary.split('\n');
    expect(lines[0]).toBe('## ❌ Strata plan failed');
    expect(summary).toContain('**7 instances:** 4 succeeded, 1 failed, 1 skipped, 1 cancelled');
    expect(summary).toContain('**3 with changes:** +3 ~3 -0');
    expect(summary).toContain('**Duration:** 4m12s');
    expect(summary).toContain('**Manifest:** infra/strata.yaml');
    expect(summary).toContain('[Workflow run](https://github.com/o/r/actions/runs/1)');
  });

  it('gives every instance one row, sorted by account, region and id, with status in words, counts and why', () => {
    expect(tableOf(summary)).toEqual([
      row('(global)', '—', 'dns', '✅ succeeded', '🟡 **+1 ~0 -0**', '0.8s', ''),
      row('dev', 'eu-west-1', 'dev/eu-west-1/app', '✅ succeeded', '+0 ~0 -0', '1.5s', ''),
      row(
        'dev',
        'eu-west-1',
        'dev/eu-west-1/network',
        '🚫 cancelled',
        '',
        '',
        'fail-fast: another instance failed',
      ),
      row('prod', '—', 'prod/iam', '✅ succeeded', '🟡 **+0 ~2 -0**', '1.5s', ''),
      row(
        'prod',
        'eu-west-1',
        'prod/eu-west-1/app',
        '⏭️ skipped',
        '',
        '',
        'upstream prod/eu-west-2/network failed',
      ),
      row('prod', 'eu-west-1', 'prod/eu-west-1/network', '✅ succeeded', '🟡 **+2 ~1 -0**', '1.5s', ''),
      row(
        'prod',
        'eu-west-2',
        'prod/eu-west-2/network',
        '❌ failed',
        '',
        '1m15s',
        'Error: creating VPC: UnauthorizedOperation | denied',
      ),
    ]);
  });

  it("takes a boxed Terraform diagnostic's first line with words for the detail, not its box edge", () => {
    const boxed = instance('x', {
      status: 'failed',
      step: 'plan',
      changes: null,
      error: '╷\n│ Error: creating VPC: UnauthorizedOperation\n│\n╵',
    });
    expect(tableOf(summaryOf([boxed])).map((cells) => cells.Detail)).toEqual([
      'Error: creating VPC: UnauthorizedOperation',
    ]);
  });

  it('prints nothing of an instance beyond id, status, counts, duration, reason and the first line of its error', () => {
    expect(summary).not.toMatch(/SECRET/);
  });

  it('marks a timed-out instance in words and escapes Markdown in reasons', () => {
    const text = summaryOf([
      instance('a', {
        status: 'failed',
        timedOut: true,
        error: 'Error: <b>bold</b> *not* `code`',
        changes: null,
      }),
    ]);
    const [only] = tableOf(text);
    expect(only!.Status).toBe('❌ failed (timed out)');
    expect(only!.Detail).toBe('Error: &lt;b&gt;bold&lt;/b&gt; \\*not\\* \\`code\\`');
  });

  it('says when a plan found no changes anywhere', () => {
    expect(summaryOf([instance('a'), instance('b')])).toContain('**No changes**');
  });

  function row(
    account: string,
    region: string,
    id: string,
    status: string,
    changes: string,
    duration: string,
    detail: string,
  ): Record<string, string> {
    return {
      Account: account,
      Region: region,
      Instance: id,
      Status: status,
      Changes: changes,
      Duration: duration,
      Detail: detail,
    };
  }
});

describe('renderSummary: diagram', () => {
  const classOf = (summary: string, graph: LayerGraph, id: string): string | undefined => {
    const node = `n${graph.instances.findIndex((candidate) => candidate.id === id)}`;
    return new RegExp(`^  class ${node} (\\w+)$`, 'm').exec(summary)?.[1];
  };

  it('draws the graph in a mermaid fence, coloured by status through classDef lines, with a legend in words', () => {
    const summary = summaryOf(mixed, {}, { edges: mixedEdges });
    const graph = graphFor(mixed, mixedEdges);
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1] ?? '';
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    for (const name of ['succeeded', 'changes', 'failed', 'skipped'])
      expect(mermaid).toMatch(new RegExp(`^  classDef ${name} fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}`, 'm'));
    expect(mermaid).toContain(
      `  n${graph.instances.findIndex((node) => node.id === 'prod/iam')} --> n${graph.instances.findIndex((node) => node.id === 'prod/eu-west-1/network')}`,
    );
    expect(classOf(summary, graph, 'prod/eu-west-2/network')).toBe('failed');
    expect(classOf(summary, graph, 'prod/eu-west-1/network')).toBe('changes');
    expect(classOf(summary, graph, 'dev/eu-west-1/app')).toBe('succeeded');
    expect(classOf(summary, graph, 'prod/eu-west-1/app')).toBe('skipped');
    expect(classOf(summary, graph, 'dev/eu-west-1/network')).toBe('skipped');
    expect(summary).toContain(
      'Green: succeeded · amber: changes pending · red: failed · grey: skipped or cancelled',
    );
  });

  it("draws a graph too large for GitHub by layer, with counts, within Mermaid's limits", () => {
    // 400 networks, each with an app and a db on it: 1,200 instances, 800 dependencies.
    const many = Array.from({ length: 400 }, (_, index) => [
      instance(`acct${index % 20}/r${index}/network`, { account: `acct${index % 20}`, region: `r${index}` }),
      instance(`acct${index % 20}/r${index}/db`, {
        account: `acct${index % 20}`,
        region: `r${index}`,
        ...(index === 7 ? { status: 'failed' as const, changes: null, error: 'boom' } : {}),
      }),
      instance(`acct${index % 20}/r${index}/app`, {
        account: `acct${index % 20}`,
        region: `r${index}`,
        changes: counts(index % 2, 0, 0),
      }),
    ]).flat();
    const edges = Object.fromEntries(
      many.flatMap((result) => {
        const [account, region, layer] = result.id.split('/');
        return layer === 'network' ? [] : [[result.id, [`${account}/${region}/network`]]];
      }),
    );
    const summary = summaryOf(many, {}, { edges });
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1] ?? '';
    expect(summary).toContain('By layer: 1200 instances are more than GitHub draws in one diagram');
    expect(mermaid.length).toBeLessThan(50_000);
    expect(mermaid).toContain('  l0["network<br/>400 instances<br/>400 succeeded"]');
    expect(mermaid).toContain('  l1["db<br/>400 instances<br/>1 failed · 399 succeeded"]');
    expect(mermaid).toContain('  l2["app<br/>400 instances<br/>200 with changes · 200 succeeded"]');
    expect(mermaid).toContain('  l0 -->|400| l1');
    expect(mermaid).toContain('  l0 -->|400| l2');
    expect(mermaid).toMatch(/^ {2}class l1 failed$/m);
    expect(mermaid).toMatch(/^ {2}class l2 changes$/m);
  });

  it('colours an applied instance green even though it had changes', () => {
    const applied = [instance('a', { changes: counts(3, 0, 0) })];
    const summary = summaryOf(applied, {}, { run: { command: 'apply' } });
    expect(summary.split('\n')[0]).toBe('## ✅ Strata apply succeeded');
    expect(classOf(summary, graphFor(applied), 'a')).toBe('succeeded');
  });
});

describe('renderSummary: plans', () => {
  const small = readFixture('terraform', 'plan-create-3-resources.tf1.13.5.txt');

  it('puts each plan in a collapsible block titled with its id and counts, in table order', () => {
    const summary = summaryOf(mixed, { 'prod/iam': 'Plan: 0 to add, 2 to change', dns: small });
    const blocks = blocksOf(summary);
    expect(blocks.map((block) => block.summary)).toEqual(['dns — +1 ~0 -0', 'prod/iam — +0 ~2 -0']);
    expect(blocks[0]!.fence).toBe('```');
    expect(blocks[0]!.language).toBe('diff');
    expect(blocks[0]!.body).toEqual(linesOf(diffOf(small)));
    expect(blocks[0]!.note).toBeNull();
    expect(summary).toContain('### Plans');
    expect(summary).not.toContain('plans cut');
  });

  it('renders a run with no plans without any <details> block', () => {
    const summary = summaryOf(mixed, {});
    expect(summary).not.toContain('<details>');
    expect(summary).not.toContain('### Plans');
    expect(tableOf(summary)).toHaveLength(mixed.length);
  });

  it('keeps a plan containing ``` inside its fence', () => {
    const hostile = [
      '+ content = <<-EOT',
      '```',
      '</details>',
      '# Injected heading',
      '````',
      'EOT',
      'Plan: 1 to add',
    ].join('\n');
    const summary = summaryOf([instance('a', { changes: counts(1, 0, 0) })], { a: hostile });
    const [block] = blocksOf(summary);
    expect(block!.body).toEqual(hostile.split('\n'));
    expect(block!.fence.length).toBeGreaterThan(4);
    // After the block, the document goes on as Markdown, not as code.
    expect(summary.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('shows failed plans first, then replacements, then other changes, and counts the unchanged in one line', () => {
    const ordered = [
      instance('a/changed', { account: 'a', changes: counts(1, 0, 0) }),
      instance('a/failed', {
        account: 'a',
        status: 'failed',
        step: 'plan',
        changes: null,
        error: 'Error: x',
      }),
      instance('a/replaced', { account: 'a', changes: counts(1, 0, 1, 1) }),
      ...['u1', 'u2', 'u3'].map((id) => instance(`a/${id}`, { account: 'a', changes: counts(0, 0, 0) })),
    ];
    const plans = Object.fromEntries(ordered.map((result) => [result.id, `plan of ${result.id}`]));
    const summary = summaryOf(ordered, plans);
    const blocks = blocksOf(summary);
    expect(blocks.map((block) => [block.summary, block.language])).toEqual([
      ['a/failed — ❌ failed', 'text'],
      ['a/replaced — +1 ~0 -1 — ⚠️ 1 to replace', 'diff'],
      ['a/changed — +1 ~0 -0', 'diff'],
    ]);
    expect(summary).toContain('### Plans\n\n**3 instances: no changes**\n\n<details>');
    expect(tableOf(summary).find((cells) => cells.Instance === 'a/replaced')!.Changes).toBe(
      '🟡 **+1 ~0 -1** (1 to replace)',
    );
    expect(summary).toContain('**2 with changes:** +2 ~0 -1 (1 to replace)');
    // Only unchanged plans: the line alone, no block.
    const quiet = summaryOf(ordered.slice(3), plans);
    expect(quiet).toContain('### Plans\n\n**3 instances: no changes**\n');
    expect(quiet).not.toContain('<details>');
  });

  it('escapes HTML in an id inside <summary>', () => {
    const summary = summaryOf([instance('a<b>', { changes: counts(1, 0, 0) })], { 'a<b>': 'x' });
    expect(blocksOf(summary)[0]!.summary).toBe('a&lt;b&gt; — +1 ~0 -0');
  });
});

describe('fairShares (water-filling)', () => {
  const cases: { sizes: number[]; budget: number; shares: number[] }[] = [
    { sizes: [10, 20, 30], budget: 100, shares: [10, 20, 30] },
    { sizes: [10, 100, 100], budget: 110, shares: [10, 50, 50] },
    { sizes: [100, 5, 100, 40], budget: 150, shares: [52, 5, 52, 40] },
    { sizes: [7, 7], budget: 0, shares: [0, 0] },
  ];
  it.each(cases)('shares $budget among $sizes as $shares', ({ sizes, budget, shares }) => {
    expect(fairShares(sizes, budget).shares).toEqual(shares);
  });
});

describe('renderSummary: staying under the limit', () => {
  const large = readFixture('terraform', 'plan-large-300-creates.tf1.13.5.txt');
  const small = readFixture('terraform', 'plan-create-3-resources.tf1.13.5.txt');
  const noChanges = readFixture('terraform', 'plan-no-changes.tf1.13.5.txt');
  const regions = ['eu-west-1', 'eu-west-2', 'us-east-1', 'ap-southeast-2', 'sa-east-1'];
  const bigIds = Array.from(
    { length: 20 },
    (_, index) => `acct${index % 4}/${regions[index % regions.length]}/layer${index}`,
  );
  const instances = [
    ...bigIds.map((id) => {
      const [account, region] = id.split('/');
      return instance(id, { account: account!, region: region!, changes: counts(300, 0, 0) });
    }),
    instance('acct0/eu-west-1/small', { account: 'acct0', region: 'eu-west-1', changes: counts(3, 0, 0) }),
    instance('dns', { changes: counts(0, 0, 0) }),
    instance('acct9/eu-west-1/unplanned', {
      account: 'acct9',
      region: 'eu-west-1',
      status: 'failed',
      changes: null,
      error: '',
    }),
  ];
  const plans = {
    ...Object.fromEntries(bigIds.map((id) => [id, large])),
    'acct0/eu-west-1/small': small,
    dns: noChanges,
  };

  it('cuts ~3.7 MB of plans fairly to stay under 1,000,000 bytes, keeping the table, the diagram and small plans', () => {
    expect(utf8Length(Object.values(plans).join(''))).toBeGreaterThan(3_600_000);
    const summary = summaryOf(instances, plans);
    const size = Buffer.byteLength(summary, 'utf8');
    expect(size).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(size).toBeGreaterThan(SUMMARY_MAX_BYTES * 0.98); // the budget is used, not wasted

    expect(tableOf(summary).map((cells) => cells.Instance)).toHaveLength(23);
    expect(new Set(tableOf(summary).map((cells) => cells.Instance))).toEqual(
      new Set(instances.map((i) => i.id)),
    );
    expect(summary).toContain('```mermaid');

    const blocks = blocksOf(summary);
    expect(blocks).toHaveLength(21);
    const largeLines = linesOf(diffOf(large));
    const cut = blocks.filter((block) => block.summary.endsWith('(cut)'));
    expect(cut.map((block) => block.summary.split(' — ')[0]).sort()).toEqual([...bigIds].sort());
    for (const block of cut) {
      const missing = largeLines.length - block.body.length;
      expect(block.body).toEqual(largeLines.slice(0, block.body.length)); // cut at a line boundary, in order
      expect(block.note).toBe(`… ${missing} more lines cut (full plan in the job log)`);
    }
    // A fair share each: the same plan is cut to the same length everywhere.
    expect(new Set(cut.map((block) => block.body.length)).size).toBe(1);
    expect(cut[0]!.body.length).toBeGreaterThan(100);

    const whole = blocks.filter((block) => !block.summary.endsWith('(cut)'));
    // dns planned no changes: counted in one line, no block.
    expect(whole.map((block) => block.summary)).toEqual(['acct0/eu-west-1/small — +3 ~0 -0']);
    expect(whole[0]!.body).toEqual(linesOf(diffOf(small)));
    expect(whole.every((block) => block.note === null)).toBe(true);
    expect(summary).toContain('### Plans\n\n**1 instance: no changes**\n');
    expect(noChanges).toContain('No changes.');

    expect(summary).toContain(
      '**20 of 21 plans cut** to keep this summary within 1,000,000 bytes (GitHub drops a job summary over 1 MiB); the full plans are in the job log.',
    );
  });

  it('counts UTF-8 bytes, not characters, so multi-byte plan text is cut sooner', () => {
    const emoji = Array.from({ length: 2000 }, (_, index) => `🚀🚀🚀🚀🚀 résumé ${index}`).join('\n');
    const maxBytes = 50_000;
    const summary = summaryOf(
      ['a', 'b', 'c'].map((id) => instance(id, { changes: counts(1, 0, 0) })),
      { a: emoji, b: emoji, c: emoji },
      { maxBytes },
    );
    // Characters (UTF-16 units) would allow about 1.6 times as much: the byte count is what must hold.
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(maxBytes);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(maxBytes * 0.95);
    expect(summary.length).toBeLessThan(maxBytes * 0.7);
    expect(blocksOf(summary).every((block) => block.note?.startsWith('… ') === true)).toBe(true);
  });

  it('drops the diagram before the plans, the plans before the table, and is never over the limit', () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      instance(`acct${index % 3}/region${index % 5}/layer${index}`, {
        account: `acct${index % 3}`,
        region: `region${index % 5}`,
        changes: counts(index, 0, 0),
      }),
    );
    const edges = Object.fromEntries(many.slice(1).map((result, index) => [result.id, [many[index]!.id]]));
    const medium = large.split('\n').slice(0, 800).join('\n');
    const manyPlans = Object.fromEntries(many.slice(0, 6).map((result) => [result.id, medium]));
    const outcomes = new Set<string>();
    const limits = [
      ...Array.from({ length: 80 }, (_, index) => 1_000 + index * 500),
      100_000,
      500_000,
      1_200_000,
    ];
    for (const maxBytes of limits) {
      const summary = summaryOf(many, manyPlans, { maxBytes, edges });
      expect(utf8Length(summary)).toBeLessThanOrEqual(maxBytes);
      const hasDiagram = summary.includes('```mermaid');
      const plansLeftOut = summary.includes('plans with changes or errors were left out');
      const plansCut = summary.includes('plans cut**');
      const rowsCut = summary.includes('more rows cut');
      expect(summary.startsWith('## ✅ Strata plan succeeded\n')).toBe(true);
      if (hasDiagram) expect(plansLeftOut).toBe(false);
      if (!rowsCut && maxBytes > 5_000) expect(tableOf(summary)).toHaveLength(40);
      if (rowsCut) expect(plansLeftOut || !summary.includes('### Plans')).toBe(true);
      outcomes.add(
        rowsCut
          ? 'table cut'
          : plansLeftOut
            ? 'plans left out'
            : !hasDiagram
              ? 'diagram left out'
              : plansCut
                ? 'plans cut'
                : 'whole',
      );
    }
    expect(outcomes).toEqual(
      new Set(['table cut', 'plans left out', 'diagram left out', 'plans cut', 'whole']),
    );
  });

  it('stays under even an absurdly small limit', () => {
    for (const maxBytes of [0, 10, 150, 600]) {
      expect(utf8Length(summaryOf(mixed, {}, { maxBytes }))).toBeLessThanOrEqual(maxBytes);
    }
  });
});
