import { describe, expect, it } from '@jest/globals';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { computeMatrix, MAX_JOBS_PER_MATRIX } from '../../../src/core/matrix/compute-matrix.js';
import { githubEnvironmentNamer } from '../../../src/core/matrix/github-environment.js';
import { UsageError } from '../../../src/core/errors.js';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { dagOfGraph } from '../../../src/core/schedule/dag.js';
import { EXAMPLE_MANIFEST, manifestWithLayers } from '../../helpers/manifest-text.js';

const roles = (account: string) => (account === 'prod' ? 'arn:aws:iam::222222222222:role/ci' : null);

/** Every dependency points to an earlier stage, or stays inside one job. */
function respectsEdges(
  matrix: ReturnType<typeof computeMatrix>,
  dependsOn: (id: string) => readonly string[],
) {
  const stageOf = new Map<string, number>();
  const jobOf = new Map<string, string>();
  matrix.stages.forEach((stage, index) =>
    stage.include.forEach((job) =>
      job.instances.split(',').forEach((id) => {
        stageOf.set(id, index);
        jobOf.set(id, job.job);
      }),
    ),
  );
  for (const [id, stage] of stageOf) {
    for (const dependency of dependsOn(id)) {
      const ok = stageOf.get(dependency)! < stage || jobOf.get(dependency) === jobOf.get(id);
      if (!ok) return false;
    }
  }
  return true;
}

/** A graph, and the GitHub Environment namer, of a manifest's text. */
function estate(text: string) {
  const parsed = parseManifest(text, 'layers.yml');
  return { graph: expandManifest(parsed), githubEnvironment: githubEnvironmentNamer(parsed.manifest) };
}

/** The example manifest's account `a` with the given environments, in regions r1 and r2. */
function manyEnvironments(count: number, accounts = ['a']): string {
  const environments = Array.from({ length: count }, (_, index) => `e${index}`).join(', ');
  const extra = accounts
    .slice(1)
    .map(
      (name) => `  ${name}:\n    id: "${name}"\n    regions: [r1, r2]\n    environments: [${environments}]\n`,
    )
    .join('');
  return manifestWithLayers('  - { name: app, scope: environment, path: app }\n').replace(
    '    environments: [e1, e2]\n',
    `    environments: [${environments}]\n${extra}`,
  );
}

/** Each job's instances, with the GitHub Environment each of them is applied in. */
function jobEnvironments(
  matrix: ReturnType<typeof computeMatrix>,
  graph: LayerGraph,
  githubEnvironment: (instance: ReturnType<LayerGraph['byId']['get']> & object) => string,
) {
  return matrix.stages.flatMap((stage) =>
    stage.include.map((job) => ({
      job,
      environments: new Set(job.instances.split(',').map((id) => githubEnvironment(graph.byId.get(id)!))),
      accounts: new Set(job.instances.split(',').map((id) => graph.byId.get(id)!.account)),
    })),
  );
}

describe('computeMatrix', () => {
  const { graph, githubEnvironment } = estate(EXAMPLE_MANIFEST);
  const dag = dagOfGraph(graph);
  const dependsOn = (id: string) => dag.dependsOn.get(id) ?? [];

  it('makes one stage per wave and one job per instance, with the fields a job needs', () => {
    const matrix = computeMatrix(graph, dag, { maxStages: 8, roleToAssume: roles, githubEnvironment });
    expect(matrix.stage_count).toBe(3);
    expect(matrix.stages.map((stage) => stage.include.length)).toEqual([3, 4, 7]);
    expect(matrix.stages[0]!.include.find((job) => job.instances === 'prod/iam')).toEqual({
      job: 'prod/iam',
      leg: '1-3',
      instances: 'prod/iam',
      account: 'prod',
      account_id: '222222222222',
      region: '',
      environment: '',
      layer: 'iam',
      role_to_assume: 'arn:aws:iam::222222222222:role/ci',
      github_environment: 'prod',
    });
    expect(
      matrix.stages[2]!.include.find((job) => job.instances === 'prod/eu-west-2/production/app'),
    ).toMatchObject({ account: 'prod', environment: 'production', github_environment: 'prod-production' });
    expect(matrix.stages[0]!.include.find((job) => job.instances === 'dns')).toMatchObject({
      account: '',
      github_environment: 'global',
    });
    expect(respectsEdges(matrix, dependsOn)).toBe(true);
  });

  it('past maxStages, the remaining waves share the last stage, dependent instances in one job', () => {
    // Everything in one GitHub Environment, so that a dependency may join any two instances in one job.
    const matrix = computeMatrix(graph, dag, {
      maxStages: 2,
      roleToAssume: roles,
      githubEnvironment: () => 'everything',
    });
    expect(matrix.stage_count).toBe(2);
    const job = matrix.stages[1]!.include.find((candidate) =>
      candidate.instances.includes('prod/eu-west-2/network'),
    )!;
    expect(job.instances.split(',').sort()).toEqual([
      'prod/eu-west-2/network',
      'prod/eu-west-2/production/app',
      'prod/eu-west-2/sandbox/app',
      'prod/eu-west-2/staging/app',
    ]);
    expect(respectsEdges(matrix, dependsOn)).toBe(true);
  });

  it('refuses to join two GitHub Environments in one job of the shared last stage, naming max-stages', () => {
    // prod/eu-west-2/network (environment 'prod') and the apps on it ('prod-production', …) would share a job.
    const attempt = () => computeMatrix(graph, dag, { maxStages: 2, roleToAssume: roles, githubEnvironment });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(
      /^Stage 2 would apply '[^']+' \(GitHub Environment '[^']+', account '[^']+'\) and '[^']+' \(GitHub Environment '[^']+', account '[^']+'\) in one job: past the 'max-stages' setting \(2\) .* Give the 'max-stages' setting at least 3 /,
    );
    expect(
      computeMatrix(graph, dag, { maxStages: 3, roleToAssume: roles, githubEnvironment }).stage_count,
    ).toBe(3);
  });

  it('refuses to join two accounts in one job of the shared last stage, even in one GitHub Environment', () => {
    // One stage: dns (global) and account a's apps that depend on it would share a job, and a role.
    const { graph: small } = estate(
      manifestWithLayers(
        '  - { name: dns, scope: global, path: dns }\n  - { name: app, scope: environment, path: app, depends_on: [dns] }\n',
      ),
    );
    const attempt = () =>
      computeMatrix(small, dagOfGraph(small), {
        maxStages: 1,
        roleToAssume: roles,
        githubEnvironment: () => 'everything',
      });
    expect(attempt).toThrow(
      /^Stage 1 would apply 'dns' \(GitHub Environment 'everything', no account\) and 'a\/r1\/e1\/app' \(GitHub Environment 'everything', account 'a'\) in one job: .* a job runs in one GitHub Environment with one account's role\. Give the 'max-stages' setting at least 2 /,
    );
  });

  it('never puts more than the job limit in one stage, packing only jobs of one GitHub Environment together', () => {
    const { graph: big, githubEnvironment: named } = estate(manyEnvironments(6, ['a', 'b']));
    const matrix = computeMatrix(big, dagOfGraph(big), {
      maxStages: 8,
      roleToAssume: () => null,
      githubEnvironment: named,
      maxJobsPerStage: 16,
    });
    // 2 accounts × 6 environments × 2 regions: 24 instances in 12 GitHub Environments, in at most 16 jobs.
    expect(big.instances).toHaveLength(24);
    expect(matrix.stages[0]!.include).toHaveLength(16);
    expect(matrix.stages[0]!.include.flatMap((job) => job.instances.split(',')).sort()).toEqual(
      big.instances.map((instance) => instance.id).sort(),
    );
    for (const { job, environments, accounts } of jobEnvironments(matrix, big, named)) {
      expect([job.job, [...environments]]).toEqual([job.job, [job.github_environment]]);
      expect([job.job, [...accounts]]).toEqual([job.job, [job.account]]);
    }
    // The spare jobs go to the first environments (a-e0..a-e3: one job per instance); the others share one.
    expect(matrix.stages[0]!.include[0]).toMatchObject({ job: 'a/r1/e0/app', github_environment: 'a-e0' });
    expect(matrix.stages[0]!.include[8]).toMatchObject({
      job: 'a/r1/e4/app +1',
      account: 'a',
      environment: 'e4',
      github_environment: 'a-e4',
      region: '',
    });
  });

  it('packs only within one account when accounts share a GitHub Environment name, so a leg has one role', () => {
    // Accounts a and b name all their environments' GitHub Environment `shared`: one gate, two roles.
    const text = manyEnvironments(6, ['a', 'b']).replace(
      /environments: \[(e0[^\]]*)\]/g,
      (_, names: string) =>
        `environments: { ${names
          .split(', ')
          .map((name) => `${name}: { github_environment: shared }`)
          .join(', ')} }`,
    );
    const { graph: big, githubEnvironment: named } = estate(text);
    const accountRoles = (account: string) => `arn:aws:iam::1:role/${account}`;
    const matrix = computeMatrix(big, dagOfGraph(big), {
      maxStages: 8,
      roleToAssume: accountRoles,
      githubEnvironment: named,
      maxJobsPerStage: 3,
    });
    const jobs = jobEnvironments(matrix, big, named);
    expect(new Set(jobs.flatMap(({ environments }) => [...environments]))).toEqual(new Set(['shared']));
    // 24 instances of 2 accounts in 3 legs (8 each would put 4 of a and 4 of b in the second): a's 12 in two
    // legs, b's in one, each leg with its account's role.
    expect(jobs.map(({ job }) => [job.account, job.role_to_assume, job.instances.split(',').length])).toEqual(
      [
        ['a', 'arn:aws:iam::1:role/a', 6],
        ['a', 'arn:aws:iam::1:role/a', 6],
        ['b', 'arn:aws:iam::1:role/b', 12],
      ],
    );
    for (const { job, accounts } of jobs) expect([job.job, [...accounts]]).toEqual([job.job, [job.account]]);
    // One leg per account would still fit; one leg for both accounts never does.
    expect(() =>
      computeMatrix(big, dagOfGraph(big), {
        maxStages: 8,
        roleToAssume: accountRoles,
        githubEnvironment: named,
        maxJobsPerStage: 1,
      }),
    ).toThrow(/^Stage 1 needs 2 jobs/);
  });

  it('in the shared last stage, the refusal also offers a higher max-stages', () => {
    // Two waves of environment layers (app2 on app1, in one gate per environment), both in the one stage.
    const text = manyEnvironments(6, ['a', 'b']).replace(
      '  - { name: app, scope: environment, path: app }\n',
      '  - { name: app1, scope: environment, path: app1 }\n  - { name: app2, scope: environment, path: app2, depends_on: [app1] }\n',
    );
    const { graph: chained, githubEnvironment: named } = estate(text);
    const attempt = () =>
      computeMatrix(chained, dagOfGraph(chained), {
        maxStages: 1,
        roleToAssume: () => null,
        githubEnvironment: named,
        maxJobsPerStage: 4,
      });
    expect(attempt).toThrow(
      /^Stage 1 needs 12 jobs, .* at most 4 jobs from one matrix\. To fit, name fewer GitHub Environments per account .* makes as few as 2 jobs\); or select fewer instances per run \(the 'account' setting, the 'environment' setting\); or raise the 'max-stages' setting towards 2 \(the selection's waves\), so fewer waves share this stage\.$/,
    );
  });

  it(`fits GitHub's ${MAX_JOBS_PER_MATRIX} jobs per matrix at scale, never mixing GitHub Environments`, () => {
    // 3 accounts × 100 environments × 2 regions = 600 instances in 300 environments… too many for one stage.
    const { graph: huge, githubEnvironment: named } = estate(manyEnvironments(100, ['a', 'b', 'c']));
    const attempt = () =>
      computeMatrix(huge, dagOfGraph(huge), {
        maxStages: 8,
        roleToAssume: () => null,
        githubEnvironment: named,
      });
    // The refusal names the limit, the jobs needed and what to change (the per-account count that would fit).
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(
      `Stage 1 needs 300 jobs, one for each GitHub Environment and account of its instances (300 GitHub Environments of 3 accounts; a job runs in one environment with one account's role), but GitHub runs at most ${MAX_JOBS_PER_MATRIX} jobs from one matrix. To fit, name fewer GitHub Environments per account in the manifest (github_environment on an account's environments; one name for all of an account's environments makes as few as 3 jobs); or select fewer instances per run (the 'account' setting, the 'environment' setting).`,
    );
    // … while 2 accounts (200 environments, 400 instances) fit in 256 jobs, each of one environment.
    const { graph: large, githubEnvironment: fewer } = estate(manyEnvironments(100, ['a', 'b']));
    const matrix = computeMatrix(large, dagOfGraph(large), {
      maxStages: 8,
      roleToAssume: () => null,
      githubEnvironment: fewer,
    });
    expect(matrix.stages[0]!.include).toHaveLength(MAX_JOBS_PER_MATRIX);
    expect(matrix.stages[0]!.include.flatMap((job) => job.instances.split(','))).toHaveLength(400);
    const mixed = jobEnvironments(matrix, large, fewer).filter(({ environments }) => environments.size !== 1);
    expect(mixed).toEqual([]);
  });
});

describe('githubEnvironmentNamer', () => {
  const names = (text: string) => {
    const { graph, githubEnvironment } = estate(text);
    return Object.fromEntries(graph.instances.map((instance) => [instance.id, githubEnvironment(instance)]));
  };
  const layers =
    '  - { name: dns, scope: global, path: dns }\n  - { name: iam, scope: account, path: iam }\n  - { name: net, scope: region, path: net }\n  - { name: app, scope: environment, path: app }\n';

  it('names global, <account> for account and region layers, <account>-<environment> for environment layers', () => {
    expect(names(manifestWithLayers(layers))).toMatchObject({
      dns: 'global',
      'a/iam': 'a',
      'a/r1/net': 'a',
      'a/r1/e1/app': 'a-e1',
      'a/r2/e2/app': 'a-e2',
    });
  });

  it('takes the names the manifest gives with github_environment, on the account and on an environment', () => {
    const text = manifestWithLayers(layers).replace(
      '    environments: [e1, e2]\n',
      '    github_environment: shared-infra\n    environments:\n      e1: { github_environment: production }\n      e2: {}\n',
    );
    expect(names(text)).toMatchObject({
      dns: 'global',
      'a/iam': 'shared-infra',
      'a/r2/net': 'shared-infra',
      'a/r1/e1/app': 'production',
      'a/r1/e2/app': 'a-e2',
    });
  });
});
