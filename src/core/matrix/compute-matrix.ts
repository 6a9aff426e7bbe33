import { UsageError } from '../errors.js';
import type { Instance, LayerGraph } from '../graph/types.js';
import type { Dag } from '../schedule/dag.js';
import { computeWaves } from '../schedule/waves.js';
import { getOrThrow, itemAt } from '../lookup.js';

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_JOBS_PER_MATRIX = 256;

/** One matrix leg: the fields a job needs to run its share (`instances`) with its account's credentials. */
export interface MatrixJob {
  /** A short, unique name for the job's title. */
  job: string;
  /** The leg's key, `<stage>-<n>` (both from 1): the workflow's matrix names it, the legs file holds the rest. */
  leg: string;
  /** Comma-separated instance ids, for the action's `instance` input. */
  instances: string;
  /** The account the job's instances belong to; '' when global. A job never spans accounts. */
  account: string;
  account_id: string;
  region: string;
  environment: string;
  layer: string;
  role_to_assume: string;
  /** The GitHub Environment the job runs in: one for all its instances, so their reviewers approve it. */
  github_environment: string;
}

export interface Matrix {
  stage_count: number;
  stages: { include: MatrixJob[] }[];
}

export interface MatrixOptions {
  maxStages: number;
  roleToAssume: (account: string) => string | null;
  /** The GitHub Environment an instance is applied in (githubEnvironmentNamer). */
  githubEnvironment: (instance: Instance) => string;
  maxJobsPerStage?: number;
}

/**
 * Groups the selected instances into ordered stages for GitHub jobs, so that every dependency points to an
 * earlier stage or stays inside one job. Each wave is a stage; past `maxStages`, the remaining waves share the
 * last stage, where instances joined by a dependency go into one job (the engine orders them there). A job
 * holds the instances of one GitHub Environment only (hence of one account), so that environment's reviewers
 * approve everything it applies. A stage with more than 256 jobs packs jobs of one environment together to stay
 * within GitHub's limit; when even that cannot fit (more environments in a stage than jobs, or a dependency
 * joining two environments in the shared last stage), it throws a UsageError rather than mix them.
 */
export function computeMatrix(graph: LayerGraph, dag: Dag, options: MatrixOptions): Matrix {
  const waves = computeWaves(dag);
  const stages =
    waves.length <= options.maxStages
      ? waves
      : [...waves.slice(0, options.maxStages - 1), waves.slice(options.maxStages - 1).flat()];
  const limit = options.maxJobsPerStage ?? MAX_JOBS_PER_MATRIX;
  const environmentOf = (id: string) => options.githubEnvironment(getOrThrow(graph.byId, id, 'instance'));
  return {
    stage_count: stages.length,
    stages: stages.map((stage, index) => {
      const groups = byEnvironment(connectedUnits(stage, dag), environmentOf, {
        stage: index + 1,
        waves: waves.length,
        maxStages: options.maxStages,
      });
      return {
        include: pack(groups, limit, index + 1).map((ids, leg) =>
          jobOf(ids, `${index + 1}-${leg + 1}`, graph, options.roleToAssume, environmentOf),
        ),
      };
    }),
  };
}

/** A stage's units by GitHub Environment (sorted by name, units by first id); throws when a unit spans two. */
function byEnvironment(
  units: string[][],
  environmentOf: (id: string) => string,
  where: { stage: number; waves: number; maxStages: number },
): string[][][] {
  const groups = new Map<string, string[][]>();
  for (const unit of units) {
    const first = itemAt(unit, 0, 'unit member');
    const environment = environmentOf(first);
    const other = unit.find((id) => environmentOf(id) !== environment);
    if (other !== undefined) {
      throw new UsageError(
        (name) =>
          `Stage ${where.stage} would apply '${first}' (GitHub Environment '${environment}') and '${other}' ('${environmentOf(other)}') in one job: past ${name('max-stages')} (${where.maxStages}) the remaining waves share the last stage, where instances joined by a dependency run in one job, and a job runs in one environment. Give ${name('max-stages')} at least ${where.waves} (the selection's waves; apply.yml has a stage job per stage), or select fewer instances.`,
      );
    }
    const group = groups.get(environment);
    if (group) group.push(unit);
    else groups.set(environment, [unit]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) =>
      group.sort((a, b) => itemAt(a, 0, 'unit member').localeCompare(itemAt(b, 0, 'unit member'))),
    );
}

/** Instances of a stage joined by dependencies inside it must run in one job: union-find over those edges. */
function connectedUnits(stage: string[], dag: Dag): string[][] {
  const parent = new Map(stage.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    for (
      let up = getOrThrow(parent, root, 'instance');
      up !== root;
      up = getOrThrow(parent, root, 'instance')
    )
      root = up;
    parent.set(id, root);
    return root;
  };
  for (const id of stage) {
    for (const dependency of dag.dependsOn.get(id) ?? []) {
      if (parent.has(dependency)) parent.set(find(id), find(dependency));
    }
  }
  const units = new Map<string, string[]>();
  for (const id of stage) {
    const root = find(id);
    const unit = units.get(root);
    if (unit) unit.push(id);
    else units.set(root, [id]);
  }
  return [...units.values()];
}

/**
 * At most `limit` jobs, each of one environment's units: every environment gets a job, and the rest go one by one
 * to the environment whose jobs are fullest. Throws when the stage has more environments than `limit`.
 */
function pack(groups: string[][][], limit: number, stage: number): string[][] {
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total <= limit) return groups.flat();
  if (groups.length > limit) {
    throw new UsageError(
      `Stage ${stage} applies instances of ${groups.length} GitHub Environments, but GitHub runs at most ${limit} jobs from one matrix and a job runs in one environment: select fewer instances per run (by account or environment), or name fewer environments with github_environment in the manifest.`,
    );
  }
  const quotas = groups.map(() => 1);
  for (let spare = limit - groups.length; spare > 0; spare -= 1) {
    let fullest = -1;
    groups.forEach((group, index) => {
      const quota = itemAt(quotas, index, 'quota');
      if (quota >= group.length) return;
      if (
        fullest < 0 ||
        group.length / quota > itemAt(groups, fullest, 'group').length / itemAt(quotas, fullest, 'quota')
      )
        fullest = index;
    });
    if (fullest < 0) break;
    quotas[fullest] = itemAt(quotas, fullest, 'quota') + 1;
  }
  return groups.flatMap((group, index) => {
    const size = Math.ceil(group.length / itemAt(quotas, index, 'quota'));
    const jobs: string[][] = [];
    for (let start = 0; start < group.length; start += size)
      jobs.push(group.slice(start, start + size).flat());
    return jobs;
  });
}

function jobOf(
  ids: string[],
  leg: string,
  graph: LayerGraph,
  roleToAssume: (account: string) => string | null,
  environmentOf: (id: string) => string,
): MatrixJob {
  const instances = ids.map((id) => getOrThrow(graph.byId, id, 'instance'));
  const shared = (pick: (i: (typeof instances)[number]) => string | null) => {
    const values = new Set(instances.map((instance) => pick(instance) ?? ''));
    const [only] = values;
    return values.size === 1 && only !== undefined ? only : '';
  };
  const first = itemAt(ids, 0, 'job member');
  const account = shared((instance) => instance.account);
  return {
    job: ids.length === 1 ? first : `${first} +${ids.length - 1}`,
    leg,
    instances: ids.join(','),
    account,
    account_id: shared((instance) => instance.accountId),
    region: shared((instance) => instance.region),
    environment: shared((instance) => instance.environment),
    layer: shared((instance) => instance.layer),
    role_to_assume: account === '' ? '' : (roleToAssume(account) ?? ''),
    github_environment: environmentOf(first),
  };
}
