import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { GitHubApiServer } from '../helpers/github-api-server.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import { STAND_IN, terraformEnv, terraformsUnderTest } from '../helpers/terraform-binary.js';
import { fixturePath } from '../helpers/fixtures.js';
import { copyOfEstate, freshEstate, needSucceeded, stage } from '../helpers/estates.js';
import { scratchDir } from '../helpers/scratch.js';

// A case that builds the stages it starts from (when run alone with -t) takes their time too.
jest.setTimeout(180_000);

const EVENTS = fixturePath('github');

/**
 * dist/index.js run as the runner runs it: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files,
 * GITHUB_EVENT_PATH pointing at real webhook payloads, Terraform on PATH, and the GitHub REST API served on
 * 127.0.0.1 through GITHUB_API_URL. Each case has its own API server and its own estate
 * (test/helpers/estates.ts): a fresh copy, or a copy of the applied estate, which is built once, on first
 * use, by the apply on push that its case asserts on (with an API server of its own), and never changed.
 */
describe.each(terraformsUnderTest())('the action (dist/index.js on Node 24, $name)', (terraform) => {
  let api: GitHubApiServer;
  let apiUrl: string;

  const environment = (
    event: string,
    eventName: string,
    extra: NodeJS.ProcessEnv = {},
  ): NodeJS.ProcessEnv => {
    const payload = JSON.parse(readFileSync(path.join(EVENTS, event), 'utf8')) as {
      repository: { full_name: string };
    };
    // The stand-in is `terraform` on PATH, as the manifest names it; a real binary comes as terraform-binary.
    const binaryDirectory = path.dirname(STAND_IN.path);
    return {
      PATH: `${binaryDirectory}${path.delimiter}${process.env.PATH ?? ''}`,
      ...terraform.env,
      GITHUB_EVENT_PATH: path.join(EVENTS, event),
      GITHUB_EVENT_NAME: eventName,
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: apiUrl,
      ...extra,
    };
  };
  const inputs = (extra: Record<string, string>) => ({
    manifest: 'layers.yml',
    'github-token': 'test-token',
    cache: 'true',
    ...(terraform.isStandIn ? {} : { 'terraform-binary': terraform.path }),
    ...extra,
  });

  beforeEach(async () => {
    api = new GitHubApiServer();
    apiUrl = await api.start();
  });
  afterEach(() => api.stop());
  const newEstate = () => freshEstate('examples/multi-region', 'strata-action-estate-');
  const appliedOnPush = stage(async () => {
    const estate = newEstate();
    const ownApi = new GitHubApiServer();
    const url = await ownApi.start();
    try {
      const result = await runAction(inputs({ command: 'apply' }), {
        cwd: estate,
        env: environment('push.branch-created-with-commit.octokit.json', 'push', { GITHUB_API_URL: url }),
      });
      return { estate, result, calls: ownApi.calls };
    } finally {
      await ownApi.stop();
    }
  });
  const copyOfApplied = async () => {
    const { estate, result } = await appliedOnPush();
    needSucceeded('the apply on push', result);
    return copyOfEstate(estate, 'strata-action-estate-');
  };

  it('graph: sets the graph and a matrix of stages that respects every dependency', async () => {
    const estate = newEstate();
    const result = await runAction(inputs({ command: 'graph' }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.outputs.graph!) as { nodes: { id: string; dependsOn: string[] }[] };
    expect(graph.nodes).toHaveLength(15);
    const matrix = JSON.parse(result.outputs.matrix!) as {
      stage_count: number;
      stages: { include: { job: string; leg: string; github_environment: string }[] }[];
    };
    // The legs' instances are in the legs file, not in the output: job outputs are capped at 1 MB.
    expect(result.outputs['legs-file']).toBe(path.join(estate, '.strata', 'matrix-legs.json'));
    const legs = (
      JSON.parse(readFileSync(result.outputs['legs-file']!, 'utf8')) as {
        legs: Record<string, { instances: string[] }>;
      }
    ).legs;
    const instancesOf = (job: { leg: string }) => legs[job.leg]!.instances;
    expect(matrix.stage_count).toBe(3);
    expect(matrix.stages[0]!.include.flatMap(instancesOf).sort()).toEqual(['dev/iam', 'dns', 'prod/iam']);
    const stageOf = new Map(
      matrix.stages.flatMap((stage, index) =>
        stage.include.flatMap((job) => instancesOf(job).map((id) => [id, index])),
      ),
    );
    expect(stageOf.size).toBe(15);
    for (const node of graph.nodes) {
      for (const dependency of node.dependsOn)
        expect(stageOf.get(dependency)!).toBeLessThan(stageOf.get(node.id)!);
    }
    const network = matrix.stages[1]!.include.find((job) => job.job === 'prod/eu-west-1/network')!;
    expect(network).toEqual({
      job: 'prod/eu-west-1/network',
      leg: network.leg,
      github_environment: 'prod',
      region: 'eu-west-1',
      role_to_assume: '',
    });
    expect(legs[network.leg]).toEqual({
      job: 'prod/eu-west-1/network',
      leg: network.leg,
      instances: ['prod/eu-west-1/network'],
      account: 'prod',
      account_id: '222222222222',
      region: 'eu-west-1',
      environment: '',
      layer: 'network',
      role_to_assume: '',
      github_environment: 'prod',
    });

    // A stage job: the leg's instances and no others, read from the legs file in work-dir.
    const plan = await runAction(inputs({ command: 'plan', leg: matrix.stages[0]!.include[0]!.leg }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(plan.stderr).toBe('');
    expect(plan.status).toBe(0);
    const planned = JSON.parse(plan.outputs.summary!) as { instances: { id: string }[] };
    expect(planned.instances.map((instance) => instance.id)).toEqual(
      instancesOf(matrix.stages[0]!.include[0]!),
    );
    const unknown = await runAction(inputs({ command: 'plan', leg: '9-9' }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toContain("Input 'leg' is '9-9', but");
  });

  it('apply on push: applies the estate, writes the summary and the result file, comments nowhere', async () => {
    const { result, calls } = await appliedOnPush();
    expect(result.status).toBe(0);
    expect(result.outputs['has-changes']).toBe('true');
    expect(result.outputs.failed).toBe('');
    const summary = JSON.parse(result.outputs.summary!) as RunResult;
    expect(summary.status).toBe('succeeded');
    expect(summary.instances).toHaveLength(15);
    expect(JSON.parse(readFileSync(result.outputs['result-file']!, 'utf8'))).toEqual(summary);
    expect(result.summary).toContain('prod/eu-west-2/staging/app');
    expect(result.summary).toContain('```mermaid');
    expect(result.stdout).toContain('::group::prod/eu-west-2/staging/app: succeeded');
    expect(result.stdout).toMatch(/\[\d+\/15\] prod\/iam {2}succeeded/);
    expect(calls.filter((call) => call.path.includes('/comments'))).toEqual([]);
    // The provider cache needs the Actions cache service, which a local run does not have: it says so, and goes on.
    expect(result.stdout).toContain('Provider cache: the Actions cache service is not available here');
  });

  it('plan on a pull request: one sticky comment, updated (not duplicated) on the next push', async () => {
    const estate = await copyOfApplied();
    const opened = await runAction(inputs({ command: 'plan' }), {
      cwd: estate,
      env: environment('pull_request.opened.octokit.json', 'pull_request'),
    });
    expect(opened.stderr).toBe('');
    expect(opened.status).toBe(0);
    expect(opened.outputs['has-changes']).toBe('false');
    expect(api.comments).toHaveLength(1);
    const first = api.comments[0]!.body;
    expect(first.startsWith('<!-- strata:plan manifest=layers.yml -->')).toBe(true);
    expect(first).toContain('prod/eu-west-2/production/app');
    expect(first).toContain('https://github.com/Codertocat/Hello-World/actions/runs/4242');

    const synchronized = await runAction(inputs({ command: 'plan' }), {
      cwd: estate,
      env: environment('pull_request.synchronize.octokit.json', 'pull_request'),
    });
    expect(synchronized.status).toBe(0);
    expect(api.comments).toHaveLength(1);
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(api.calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
    // The runner swallows `::add-mask::` commands and masks those values in the whole job log from then on.
    const shown = opened.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(opened.stdout).toMatch(/^::add-mask::postgresql:\/\/app:example-only-not-a-secret@/m);
    for (const [where, text] of Object.entries({
      stdout: shown.join('\n'),
      comment: api.comments[0]!.body,
      summary: opened.summary,
    })) {
      expect({ where, leaked: text.includes('example-only-not-a-secret') }).toEqual({
        where,
        leaked: false,
      });
    }
  });

  it("the sticky comment is the bot's own: a comment by someone else quoting the marker is left alone", async () => {
    const estate = await copyOfApplied();
    const opened = JSON.parse(
      readFileSync(path.join(EVENTS, 'pull_request.opened.octokit.json'), 'utf8'),
    ) as {
      pull_request: { number: number };
    };
    const quoted = '<!-- strata:plan manifest=layers.yml -->\nI copied the bot comment here';
    api.comments.push({ id: 9001, issue: opened.pull_request.number, body: quoted, author: 'mallory' });
    const result = await runAction(inputs({ command: 'plan' }), {
      cwd: estate,
      env: environment('pull_request.opened.octokit.json', 'pull_request'),
    });
    expect(result.status).toBe(0);
    expect(api.comments.find((comment) => comment.id === 9001)!.body).toBe(quoted);
    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([]);
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it("changed-only past GitHub's 3,000 files of pulls.listFiles: selects everything, and says so", async () => {
    const estate = await copyOfApplied();
    api.changedFiles = Array.from({ length: 3000 }, (_, index) => `docs/page-${index}.md`);
    const result = await runAction(inputs({ command: 'plan', 'changed-only': 'true', comment: 'false' }), {
      cwd: estate,
      env: environment('pull_request.synchronize.octokit.json', 'pull_request'),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^::warning::changed-only: pull request #\d+ changes 3000 files or more, the most GitHub lists \(pulls\.listFiles\)/m,
    );
    // The same selection as without changed-only (none of these files is a layer's).
    const everything = await runAction(inputs({ command: 'plan', comment: 'false' }), {
      cwd: estate,
      env: environment('pull_request.synchronize.octokit.json', 'pull_request'),
    });
    const ids = (run: { outputs: Record<string, string | undefined> }) =>
      (JSON.parse(run.outputs.summary!) as RunResult).instances.map((instance) => instance.id).sort();
    expect(ids(result)).toEqual(ids(everything));
    expect(ids(result).length).toBeGreaterThan(2);
  });

  it('changed-only: plans what the pull request changed, plus everything downstream', async () => {
    const estate = await copyOfApplied();
    api.changedFiles = ['terraform/region/network/main.tf', 'README.md'];
    const result = await runAction(inputs({ command: 'plan', 'changed-only': 'true', comment: 'false' }), {
      cwd: estate,
      env: environment('pull_request.synchronize.octokit.json', 'pull_request'),
    });
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.outputs.summary!) as RunResult;
    expect(summary.instances.map((instance) => instance.id).sort()).toEqual([
      'dev/eu-west-1/data',
      'dev/eu-west-1/network',
      'dev/eu-west-2/data',
      'dev/eu-west-2/dev/app',
      'dev/eu-west-2/network',
      'prod/eu-west-1/data',
      'prod/eu-west-1/network',
      'prod/eu-west-2/data',
      'prod/eu-west-2/network',
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
      'prod/eu-west-2/staging/app',
    ]);
    expect(api.calls.some((call) => /\/pulls\/\d+\/files$/.test(call.path))).toBe(true);
  });

  it('report: merges the results of matrix jobs into one summary', async () => {
    const estate = await copyOfApplied();
    const results = scratchDir('strata-results-');
    for (const layer of ['iam', 'network']) {
      const workDir = scratchDir('strata-leg-');
      const leg = await runAction(
        inputs({ command: 'plan', layers: layer, 'work-dir': workDir, comment: 'false' }),
        {
          cwd: estate,
          env: environment('push.branch-created-with-commit.octokit.json', 'push'),
        },
      );
      expect(leg.status).toBe(0);
      cpSync(leg.outputs['report-dir']!, results, { recursive: true });
    }
    expect(readdirSync(results).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    // The report covers what the matrix covered: here the two layers its legs ran.
    const report = await runAction(
      inputs({ command: 'report', 'results-dir': results, layers: 'iam,network' }),
      {
        cwd: estate,
        env: environment('push.branch-created-with-commit.octokit.json', 'push'),
      },
    );
    expect(report.status).toBe(0);
    const merged = JSON.parse(report.outputs.summary!) as RunResult;
    expect(merged.instances.map((instance) => instance.id).sort()).toEqual([
      'dev/eu-west-1/network',
      'dev/eu-west-2/network',
      'dev/iam',
      'prod/eu-west-1/network',
      'prod/eu-west-2/network',
      'prod/iam',
    ]);
    expect(report.summary).toContain('dev/eu-west-1/network');

    // Over the whole graph, what no leg reported is listed as not run, and the report fails.
    const whole = await runAction(inputs({ command: 'report', 'results-dir': results }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(whole.status).toBe(1);
    const wholeRun = JSON.parse(whole.outputs.summary!) as RunResult;
    expect(wholeRun.status).toBe('failed');
    expect(wholeRun.instances.find((instance) => instance.id === 'dns')).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('not run') as unknown,
    });
    expect(whole.outputs.failed!.split(',')).toContain('dns');
  });

  it('the reviewed plan on merge: the graph and the report cover its instances, the legs apply its saved plans, the outcome is commented on the merged pull request', async () => {
    const estate = newEstate();
    const push = environment('push.branch-created-with-commit.octokit.json', 'push');
    const roots = await runAction(inputs({ command: 'apply', layers: 'dns,iam', comment: 'false' }), {
      cwd: estate,
      env: push,
    });
    expect(roots.status).toBe(0);
    // The pull request's plan, with its sticky plan comment, its work-dir standing for the downloaded artifact.
    const plan = await runAction(inputs({ command: 'plan', layers: 'network', 'work-dir': 'pr' }), {
      cwd: estate,
      env: environment('pull_request.opened.octokit.json', 'pull_request'),
    });
    expect(plan.status).toBe(0);
    const planned = (JSON.parse(plan.outputs.summary!) as RunResult).instances.map((instance) => instance.id);
    expect(planned).toHaveLength(4);

    const graph = await runAction(inputs({ command: 'graph', 'plan-dir': 'pr' }), { cwd: estate, env: push });
    expect(graph.status).toBe(0);
    const matrix = JSON.parse(graph.outputs.matrix!) as { stages: { include: { leg: string }[] }[] };
    const legsFile = JSON.parse(readFileSync(graph.outputs['legs-file']!, 'utf8')) as {
      legs: Record<string, { instances: string[] }>;
    };
    const legs = matrix.stages.flatMap((stage) =>
      stage.include.map((leg) => legsFile.legs[leg.leg]!.instances.join(',')),
    );
    expect(legs.flatMap((leg) => leg.split(',')).sort()).toEqual([...planned].sort());

    const results = scratchDir('strata-results-');
    for (const [index, instances] of legs.entries()) {
      const leg = await runAction(
        inputs({
          command: 'apply',
          instance: instances,
          'plan-dir': 'pr',
          'stale-plans': 'refuse',
          'work-dir': `leg-${index}`,
          comment: 'false',
        }),
        { cwd: estate, env: push },
      );
      expect(leg.status).toBe(0);
      expect(leg.summary).toContain(
        '**Reviewed plan** (stale-plans: refuse): 1 saved plan applied as reviewed.',
      );
      cpSync(leg.outputs['report-dir']!, results, { recursive: true });
    }
    const report = await runAction(
      inputs({ command: 'report', 'results-dir': results, 'plan-dir': 'pr', 'pull-request': '2' }),
      { cwd: estate, env: push },
    );
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.summary).toContain(
      '**Reviewed plan** (stale-plans: refuse): 4 saved plans applied as reviewed.',
    );
    // Beside the plan's comment, not over it.
    expect(api.comments.map((comment) => [comment.issue, comment.body.split('\n')[0]])).toEqual([
      [2, '<!-- strata:plan manifest=layers.yml -->'],
      [2, '<!-- strata:apply manifest=layers.yml -->'],
    ]);
    const applied = api.comments[1]!.body;
    expect(applied).toContain('### Strata apply: layers.yml');
    expect(applied).toContain('4 saved plans applied as reviewed');
    expect(applied).toContain('prod/eu-west-1/network');
  });

  it('report: with no result files, a summary that says so and a failed step', async () => {
    const estate = newEstate();
    const report = await runAction(
      inputs({
        command: 'report',
        'results-dir': path.join(scratchDir('strata-results-'), 'never-downloaded'),
      }),
      { cwd: estate, env: environment('push.branch-created-with-commit.octokit.json', 'push') },
    );
    expect(report.status).toBe(1);
    expect(report.stderr + report.stdout).not.toContain('ENOENT');
    expect(report.stdout).toMatch(
      /::error::report: no result files in .*never-downloaded; none of the \d+ instances is known to have run/,
    );
    expect(report.summary).toContain('Strata report: no results');
    expect(report.summary).toContain('none of the');
  });

  it('ephemeral environments: created for a pull request, destroyed when it closes', async () => {
    const estate = await copyOfApplied();
    const created = await runAction(
      inputs({ command: 'apply', 'ephemeral-environment': 'pr-2', comment: 'false' }),
      { cwd: estate, env: environment('pull_request.opened.octokit.json', 'pull_request') },
    );
    expect(created.status).toBe(0);
    const applied = JSON.parse(created.outputs.summary!) as RunResult;
    expect(applied.instances.map((instance) => instance.id)).toEqual(['dev/eu-west-2/pr-2/app']);
    expect(readdirSync(path.join(estate, 'state/eu-west-2/dev/eu-west-2'))).toContain('pr-2');

    const closed = await runAction(
      inputs({ command: 'destroy', 'ephemeral-environment': 'pr-2', comment: 'false' }),
      { cwd: estate, env: environment('pull_request.closed.not-merged.octokit.json', 'pull_request') },
    );
    expect(closed.status).toBe(0);
    const destroyed = JSON.parse(closed.outputs.summary!) as RunResult;
    expect(destroyed.instances[0]).toMatchObject({ id: 'dev/eu-west-2/pr-2/app', status: 'succeeded' });
    const state = JSON.parse(
      readFileSync(path.join(estate, 'state/eu-west-2/dev/eu-west-2/pr-2/app.tfstate'), 'utf8'),
    ) as { resources: unknown[] };
    expect(state.resources).toEqual([]);

    const hostile = await runAction(inputs({ command: 'plan', 'ephemeral-environment': 'pr-1; rm -rf /' }), {
      cwd: estate,
      env: environment('pull_request.opened.octokit.json', 'pull_request'),
    });
    expect(hostile.status).toBe(2);
    expect(hostile.stdout).toContain("Ephemeral environment name 'pr-1; rm -rf /' is not allowed");
  });

  it('a pull request from a fork: no plan, and the comment says why', async () => {
    // No plan runs: the estate's state does not matter.
    const estate = newEstate();
    const forkEvent = path.join(scratchDir('strata-fork-'), 'event.json');
    const payload = JSON.parse(
      readFileSync(path.join(EVENTS, 'pull_request.opened.octokit.json'), 'utf8'),
    ) as {
      pull_request: {
        number: number;
        head: { repo: { fork: boolean; full_name: string } };
        base: { repo: { full_name: string } };
      };
    };
    // A fork is a head repository other than the base one.
    expect(payload.pull_request.head.repo.full_name).toBe(payload.pull_request.base.repo.full_name);
    payload.pull_request.head.repo.fork = true;
    payload.pull_request.head.repo.full_name = 'someone-else/strata-fork';
    payload.pull_request.number = 77;
    writeFileSync(forkEvent, JSON.stringify(payload));
    const result = await runAction(inputs({ command: 'plan' }), {
      cwd: estate,
      env: {
        ...environment('pull_request.opened.octokit.json', 'pull_request'),
        GITHUB_EVENT_PATH: forkEvent,
      },
    });
    expect(result.status).toBe(0);
    const comment = api.calls.find(
      (call) => call.method === 'POST' && call.path.includes('/issues/77/comments'),
    );
    expect((comment?.body as { body: string }).body).toContain('comes from a fork');
    expect(result.summary).toContain('no secrets and no cloud credentials');
  });

  it('a same-repository pull request in a repository that is itself a fork is planned, not taken for a fork', async () => {
    const estate = await copyOfApplied();
    const event = path.join(scratchDir('strata-fork-'), 'event.json');
    const payload = JSON.parse(
      readFileSync(path.join(EVENTS, 'pull_request.opened.octokit.json'), 'utf8'),
    ) as { pull_request: { number: number; head: { repo: { fork: boolean } } } };
    // head.repo.fork is the repository's own flag: true for every pull request of a repository that is a fork.
    payload.pull_request.head.repo.fork = true;
    payload.pull_request.number = 78;
    writeFileSync(event, JSON.stringify(payload));
    const result = await runAction(inputs({ command: 'plan' }), {
      cwd: estate,
      env: { ...environment('pull_request.opened.octokit.json', 'pull_request'), GITHUB_EVENT_PATH: event },
    });
    expect(result.status).toBe(0);
    expect(result.summary).not.toContain('no secrets and no cloud credentials');
    expect(JSON.parse(result.outputs.summary!)).toMatchObject({ command: 'plan', status: 'succeeded' });
  });

  it('refuses bad input with a clear message, and manifest errors as annotations on the file and line', async () => {
    const estate = newEstate();
    const bad = await runAction(inputs({ command: 'plan', parallelism: 'lots' }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("::error::Input 'parallelism' must be a whole number ≥ 1, got 'lots'");
    // A suggested command is worded as the action's inputs, not as a command line.
    const unknown = await runAction(inputs({ command: 'plan', instance: 'prod/eu-west-2/netwrk' }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toContain(
      "::error::input 'instance': unknown instance 'prod/eu-west-2/netwrk' (did you mean 'prod/eu-west-2/network'?); 'command: graph' lists the ids",
    );

    writeFileSync(
      path.join(estate, 'broken.yml'),
      readFileSync(path.join(estate, 'layers.yml'), 'utf8').replace('scope: region', 'scope: regional'),
    );
    const broken = await runAction(inputs({ command: 'graph', manifest: 'broken.yml' }), {
      cwd: estate,
      env: environment('push.branch-created-with-commit.octokit.json', 'push'),
    });
    expect(broken.status).toBe(2);
    expect(broken.stdout).toMatch(
      /::error file=broken\.yml,line=\d+,col=\d+::layers\[2\]\.scope: must be one of/,
    );
    expect(broken.stdout).not.toMatch(/\n\s+at /);
  });

  it('destroys the applied estate', async () => {
    const estate = await copyOfApplied();
    const stateful = ['dev', 'prod'].flatMap((account) =>
      ['eu-west-1', 'eu-west-2'].flatMap((region) => ['--allow-destroy', `${account}/${region}/data`]),
    );
    const destroyed = runCli(['destroy', '--manifest', 'layers.yml', ...stateful], {
      cwd: estate,
      env: terraformEnv(terraform),
    });
    expect(destroyed.status).toBe(0);
  });
});
