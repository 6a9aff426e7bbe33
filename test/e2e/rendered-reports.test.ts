import { terminalWording } from '../../src/cli/terminal-wording.js';
import { describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SIZES, syntheticManifest } from '../../bench/synthetic-estate.js';
import { expandManifest } from '../../src/core/graph/expand-manifest.js';
import type { LayerGraph } from '../../src/core/graph/types.js';
import { parseManifest } from '../../src/core/manifest/parse-manifest.js';
import { renderComment } from '../../src/core/render/comment.js';
import { renderFailoverReport } from '../../src/core/render/failover-report.js';
import { renderSummary } from '../../src/core/render/summary.js';
import type { InstanceResultFile } from '../../src/core/result-file.js';
import type { ChangeCounts } from '../../src/core/change-counts.js';
import type { InstanceResult, RunResult } from '../../src/core/run-result.js';
import { dagOfGraph } from '../../src/core/schedule/dag.js';
import { readFixture } from '../helpers/fixtures.js';
import { instanceResult } from '../helpers/instance-results.js';
import { findChromium, renderInChromium } from '../helpers/render-in-chromium.js';

/**
 * The reports as a reviewer sees them on GitHub: the job summary, the pull-request comment and the failover
 * plan, rendered as GFM with their Mermaid diagrams drawn in headless Chromium. Fails on any diagram Mermaid
 * cannot draw (a syntax error, or one over GitHub's size or edge limits). With STRATA_SCREENSHOTS set to a
 * folder, it also saves a screenshot of each page there, to look at.
 */

const chromium = findChromium();
const screenshots = process.env.STRATA_SCREENSHOTS;
jest.setTimeout(240_000);

const counts = (add: number, change: number, destroy: number, replace = 0): ChangeCounts => ({
  add,
  change,
  destroy,
  replace,
});
const MINUTE = 60_000;
const T0 = Date.parse('2026-05-04T09:00:00Z');

/** Each instance of `graph` as a result, `decide` giving its status and changes; `timing` its start and end. */
function resultsOf(
  graph: LayerGraph,
  decide: (id: string, index: number) => Partial<InstanceResultFile>,
  timing: (index: number) => [number, number] = (index) => [index * 2000, index * 2000 + 9000],
): InstanceResult[] {
  return graph.instances.map((node, index) => {
    const [start, end] = timing(index);
    return instanceResult(node.id, {
      layer: node.layer,
      scope: node.scope,
      account: node.account,
      region: node.region,
      environment: node.environment,
      startedAt: new Date(T0 + start).toISOString(),
      finishedAt: new Date(T0 + end).toISOString(),
      durationMs: end - start,
      changes: counts(0, 0, 0),
      ...decide(node.id, index),
    });
  });
}

function runOf(instances: InstanceResult[], extra: Partial<RunResult> = {}): RunResult {
  return {
    version: 1,
    command: 'plan',
    status: instances.some((instance) => instance.status === 'failed') ? 'failed' : 'succeeded',
    manifest: 'layers.yml',
    startedAt: new Date(T0).toISOString(),
    finishedAt: new Date(T0 + 4 * MINUTE).toISOString(),
    durationMs: 4 * MINUTE,
    terraform: { binary: 'tofu', version: '1.12.6' },
    parallelism: 4,
    hasChanges: true,
    instances,
    ...extra,
  };
}

const example = expandManifest(
  parseManifest(readFileSync('examples/multi-region/layers.yml', 'utf8'), 'layers.yml'),
);
const exampleDag = dagOfGraph(example);
const longError = [
  '╷',
  '│ Error: creating EC2 VPC: operation error EC2: CreateVpc, https response error StatusCode: 403, RequestID: 0c7c7a1e-5e0b-4b8c-9a55-3f1f2d6a9e11, api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::222222222222:assumed-role/strata-plan/strata is not authorized to perform: ec2:CreateVpc',
  '│',
  '│   with aws_vpc.main,',
  '│   on main.tf line 1, in resource "aws_vpc" "main":',
  '│    1: resource "aws_vpc" "main" {',
  '╵',
].join('\n');

/** A plan of the example estate: one failure (and what it skips), one replacement, changes, and no-change plans. */
function examplePlan() {
  const failed = 'prod/eu-west-2/network';
  const instances = resultsOf(example, (id) => {
    if (id === failed) return { status: 'failed', step: 'plan', changes: null, error: longError };
    if (id.startsWith('prod/eu-west-2/')) {
      return {
        status: 'skipped',
        changes: null,
        startedAt: null,
        finishedAt: null,
        durationMs: null,
        reason: `upstream ${failed} failed`,
      };
    }
    if (id === 'prod/eu-west-1/network') return { changes: counts(2, 0, 2, 2) };
    if (id.endsWith('/app')) return { changes: counts(3, 0, 0) };
    return {};
  });
  const plans = new Map<string, string>();
  for (const instance of instances) {
    if (instance.status === 'skipped') continue;
    const refresh = 'aws_vpc.main: Refreshing state... [id=vpc-0abc123]\n';
    if (instance.id === failed) plans.set(instance.id, `${refresh}${longError}\n`);
    else if (instance.id === 'prod/eu-west-1/network')
      plans.set(instance.id, refresh + readFixture('terraform', 'plan-replace-2-resources.tf1.13.5.txt'));
    else if (instance.id.endsWith('/app'))
      plans.set(instance.id, refresh + readFixture('terraform', 'plan-create-3-resources.tf1.13.5.txt'));
    else plans.set(instance.id, refresh + readFixture('terraform', 'plan-no-changes.tf1.13.5.txt'));
  }
  return { run: runOf(instances), plans };
}

/** The real failover's plan job, awaiting approval: a 23-minute move with its plans. */
function failoverPlan(): RunResult {
  const instances = resultsOf(
    example,
    (id) => (id.includes('eu-west-1') ? { changes: counts(1, 1, 0) } : {}),
    (index) => [index * 2 * MINUTE, index * 2 * MINUTE + 3 * MINUTE],
  );
  return runOf(instances, {
    failover: {
      mode: 'failover',
      from: 'eu-west-2',
      to: 'eu-west-1',
      dryRun: true,
      recoverySeconds: null,
      estimatedRecoverySeconds: 1380,
      readiness: [],
      notes: [],
    },
  } as unknown as Partial<RunResult>);
}

interface Page {
  name: string;
  markdown: string;
  height: number;
}

function pages(): Page[] {
  const { run, plans } = examplePlan();
  const commentInput = {
    run,
    graph: example,
    dag: exampleDag,
    plans,
    manifest: 'layers.yml',
    runUrl: 'https://github.com/acme/infra/actions/runs/42',
    commit: {
      sha: 'a'.repeat(40),
      head: '3f1e2d4c5b6a79880796a5b4c3d2e1f001234567',
      url: (sha: string) => `https://github.com/acme/infra/commit/${sha}`,
    },
  };
  const failover = failoverPlan();
  const size = SIZES.find((candidate) => candidate.label === '1k')!;
  const big = expandManifest(parseManifest(syntheticManifest(size, 'warm_standby'), 'layers.yml'));
  const bigRun = runOf(resultsOf(big, (_, index) => (index % 17 === 0 ? { changes: counts(1, 0, 0) } : {})));
  const bigSummary = renderSummary({ run: bigRun, graph: big, dag: dagOfGraph(big), plans: new Map() });
  return [
    { name: 'summary', markdown: renderSummary(commentInput), height: 5200 },
    { name: 'comment', markdown: renderComment(commentInput), height: 4600 },
    {
      name: 'failover-plan',
      markdown: renderFailoverReport(failover, terminalWording.setting, {
        awaitingApproval: true,
        plans: new Map(
          failover.instances.map((instance) => [
            instance.id,
            readFixture('terraform', 'plan-create-3-resources.tf1.13.5.txt'),
          ]),
        ),
      }),
      height: 2600,
    },
    // 1,062 instances: the graph by layer. Only its section, the table is a thousand rows.
    {
      name: 'summary-1k-graph',
      markdown: bigSummary.slice(
        bigSummary.indexOf('### Dependency graph'),
        bigSummary.indexOf('### Plans') >= 0 ? bigSummary.indexOf('### Plans') : undefined,
      ),
      height: 1400,
    },
  ];
}

(chromium ? describe : describe.skip)(
  chromium
    ? 'the reports rendered in Chromium'
    : 'the reports rendered in Chromium (skipped: no chromium; apt-get install chromium, or set STRATA_CHROMIUM)',
  () => {
    if (screenshots) mkdirSync(screenshots, { recursive: true });

    it('catches a diagram Mermaid cannot draw (so that the checks below can fail)', async () => {
      const diagrams = await renderInChromium(chromium!, '```mermaid\nflowchart LR\n  a --> [[[\n```\n');
      expect(diagrams).toHaveLength(1);
      expect(diagrams[0]!.error).toMatch(/Parse error/);
      const over = `\`\`\`mermaid\nflowchart LR\n${Array.from({ length: 600 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n')}\n\`\`\`\n`;
      expect((await renderInChromium(chromium!, over))[0]!.error).toMatch(/Edge limit|Maximum text size/);
    });

    it.each(pages())('$name: every diagram draws', async ({ name, markdown, height }) => {
      const diagrams = await renderInChromium(chromium!, markdown, {
        ...(screenshots ? { screenshot: path.join(screenshots, `${name}.png`), height } : {}),
      });
      const expected = markdown.match(/^`{3,}mermaid$/gm)?.length ?? 0;
      expect(diagrams).toHaveLength(expected);
      expect(diagrams.filter((diagram) => diagram.error !== null)).toEqual([]);
      if (name !== 'comment') expect(expected).toBeGreaterThan(0);
    });
  },
);
