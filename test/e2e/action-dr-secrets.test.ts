import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { GitHubApiServer } from '../helpers/github-api-server.js';
import { runAction } from '../helpers/run-dist.js';
import { STAND_IN, terraformsUnderTest, type TerraformUnderTest } from '../helpers/terraform-binary.js';
import { fixturePath } from '../helpers/fixtures.js';
import { copyOfEstate, editManifest, freshEstate, needSucceeded, stage } from '../helpers/estates.js';

const EVENTS = fixturePath('github');

/** Every file under a folder, for scanning artifacts. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

const CANARY_VARIABLE = 'canary-variable-4f1c2a9e';

/** The example estate in a scratch folder, with the canary secret passed to a variable the layer declares sensitive. */
function canaryEstate(): string {
  const estate = freshEstate('examples/multi-region', 'strata-action-dr-');
  editManifest(
    estate,
    'vars: { instance_count: 2 }',
    `vars: { instance_count: 2, db_password: ${CANARY_VARIABLE} }`,
  );
  return estate;
}

/** The action run by workflow_dispatch or pull_request, in `estate`, against `terraform`. */
function actionRunner(api: () => string, estate: () => string, terraform: TerraformUnderTest) {
  const env = (event: string, eventName: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const payload = JSON.parse(readFileSync(path.join(EVENTS, event), 'utf8')) as {
      repository: { full_name: string };
    };
    return {
      PATH: `${path.dirname(STAND_IN.path)}${path.delimiter}${process.env.PATH ?? ''}`,
      GITHUB_EVENT_PATH: path.join(EVENTS, event),
      GITHUB_EVENT_NAME: eventName,
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_RUN_ID: '77',
      GITHUB_API_URL: api(),
      STANDIN_REPLICATE: 'eu-west-2:eu-west-1',
      ...terraform.env,
      ...extra,
    };
  };
  const inputs = (extra: Record<string, string>) => ({
    manifest: 'layers.yml',
    'github-token': 'test-token',
    cache: 'false',
    ...(terraform.isStandIn ? {} : { 'terraform-binary': terraform.path }),
    ...extra,
  });
  return {
    dispatch: (extra: Record<string, string>, environment: NodeJS.ProcessEnv = {}) =>
      runAction(inputs(extra), {
        cwd: estate(),
        env: env('workflow_dispatch.with-inputs.octokit.json', 'workflow_dispatch', environment),
      }),
    pullRequest: (extra: Record<string, string>) =>
      runAction(inputs(extra), {
        cwd: estate(),
        env: env('pull_request.opened.octokit.json', 'pull_request'),
      }),
  };
}

/**
 * The secrets canary: a sensitive variable and a sensitive output flow through a full run (real `show -json`
 * and `output -json` when OpenTofu runs), and no log line, summary, comment, result file or artifact shows them.
 */
describe.each(terraformsUnderTest())('the action: secrets ($name)', (terraform) => {
  const api = new GitHubApiServer();
  let apiUrl: string;
  let estate: string;
  const action = actionRunner(
    () => apiUrl,
    () => estate,
    terraform,
  );

  beforeAll(async () => {
    apiUrl = await api.start();
    estate = canaryEstate();
  });
  afterAll(() => api.stop());

  it('apply, then a pull-request plan: the canaries never show outside the state', async () => {
    const apply = await action.dispatch({ command: 'apply' });
    expect(apply.status).toBe(0);
    const plan = await action.pullRequest({ command: 'plan' });
    expect(plan.status).toBe(0);
    const state = readFileSync(
      path.join(estate, 'state/eu-west-2/prod/eu-west-2/staging/app.tfstate'),
      'utf8',
    );
    // The sensitive output holds the canary variable: both canaries are in the state, as Terraform keeps them.
    expect(state).toContain(`postgresql://app:${CANARY_VARIABLE}@`);
    const texts: Record<string, string> = {
      'apply log': apply.stdout + apply.stderr,
      'plan log': plan.stdout + plan.stderr,
      'apply summary': apply.summary,
      'plan summary': plan.summary,
      'apply outputs': JSON.stringify(apply.outputs),
      'plan outputs': JSON.stringify(plan.outputs),
      comments: api.comments.map((comment) => comment.body).join('\n'),
    };
    for (const file of filesUnder(plan.outputs['report-dir']!))
      texts[`artifact ${file}`] = readFileSync(file, 'utf8');
    // Terraform's own logs in the work folder (its variable files hold the secret: that is how it gets it).
    for (const file of filesUnder(path.join(estate, '.strata')).filter((name) => name.endsWith('.log')))
      texts[`log ${path.relative(estate, file)}`] = readFileSync(file, 'utf8');
    for (const [where, raw] of Object.entries(texts)) {
      // `::add-mask::` lines are the runner's masking commands: the runner consumes them and never shows them.
      const text = raw
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      expect({ where, leaked: text.includes(CANARY_VARIABLE) }).toEqual({ where, leaked: false });
    }
    expect(apply.stdout).toContain(`::add-mask::${CANARY_VARIABLE}`);
  });
});

/**
 * The failover workflow's action steps (workflow_dispatch), on the stand-in, which simulates the outage. Each
 * case runs on its own copy of the applied estate (test/helpers/estates.ts), applied once, on first use. The
 * API server is shared: these cases make no comments and read nothing it records.
 */
describe('the action: failover drills and failovers (stand-in)', () => {
  const api = new GitHubApiServer();
  let apiUrl: string;
  let estate: string;
  const { dispatch } = actionRunner(
    () => apiUrl,
    () => estate,
    STAND_IN,
  );
  const applied = stage(async () => {
    const canaries = canaryEstate();
    const apply = await actionRunner(
      () => apiUrl,
      () => canaries,
      STAND_IN,
    ).dispatch({ command: 'apply' });
    return { estate: canaries, apply };
  });

  beforeAll(async () => {
    apiUrl = await api.start();
  });
  beforeEach(async () => {
    const { estate: built, apply } = await applied();
    needSucceeded('the apply of the canary estate', apply);
    estate = copyOfEstate(built, 'strata-action-dr-');
  });
  afterAll(() => api.stop());

  it('a drill reports readiness and sets ready; a real failover needs confirm', async () => {
    const drill = await dispatch({ command: 'failover', 'to-region': 'eu-west-1', 'dry-run': 'true' });
    expect(drill.status).toBe(0);
    expect(drill.outputs.ready).toBe('true');
    expect(drill.summary).toContain('## Failover drill eu-west-2 → eu-west-1: succeeded');
    expect(drill.summary).toContain('| prod/eu-west-1/staging/app | yes | yes | yes | yes | +2 ~0 -0 |  |');
    // The plans themselves, changed ones in diff fences.
    expect(drill.summary).toMatch(/### Plans\n/);
    expect(drill.summary).toContain(
      '<details><summary>prod/eu-west-1/staging/app — +2 ~0 -0</summary>\n\n```diff\n',
    );

    const unconfirmed = await dispatch({ command: 'failover', 'to-region': 'eu-west-1' });
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stdout).toContain("input 'confirm' must repeat the target region 'eu-west-1', got ''");
  });

  it('the plan job of a real failover (deploys held): titled as a plan awaiting approval, with the plans', async () => {
    const plan = await dispatch(
      {
        command: 'failover',
        'to-region': 'eu-west-1',
        'dry-run': 'true',
        'hold-deploys': 'true',
        'replica-check': 'false',
      },
      { STANDIN_DOWN_REGIONS: 'eu-west-2' },
    );
    expect(plan.stderr).toBe('');
    expect(plan.status).toBe(0);
    expect(plan.summary).toContain('## Failover plan (awaiting approval) eu-west-2 → eu-west-1: succeeded');
    expect(plan.summary).not.toContain('Failover drill');
    expect(plan.summary).toContain(
      '<details><summary>prod/eu-west-1/staging/app — +2 ~0 -0</summary>\n\n```diff\n',
    );
  });

  it('failover with eu-west-2 down applies the saved drill plans, reports recovery time and writes the manifest', async () => {
    const plan = await dispatch(
      // As the failover workflow plans a real failover: the primary is down, so no replica check.
      {
        command: 'failover',
        'to-region': 'eu-west-1',
        'dry-run': 'true',
        'work-dir': 'reviewed',
        'replica-check': 'false',
      },
      { STANDIN_DOWN_REGIONS: 'eu-west-2' },
    );
    expect(plan.status).toBe(0);
    const failover = await dispatch(
      {
        command: 'failover',
        'to-region': 'eu-west-1',
        confirm: 'eu-west-1',
        'plan-dir': 'reviewed',
        'write-manifest': 'true',
      },
      { STANDIN_DOWN_REGIONS: 'eu-west-2' },
    );
    expect(failover.stderr).toBe('');
    expect(failover.status).toBe(0);
    expect(Number(failover.outputs['recovery-seconds'])).toBeGreaterThan(0);
    const run = JSON.parse(failover.outputs.summary!) as RunResult;
    expect(run.failover).toMatchObject({
      mode: 'failover',
      from: 'eu-west-2',
      to: 'eu-west-1',
      dryRun: false,
    });
    expect(failover.summary).toContain('```mermaid\ngantt');
    expect(readFileSync(path.join(estate, 'layers.yml'), 'utf8')).toContain('eu-west-1: { role: primary }');
  });
});
