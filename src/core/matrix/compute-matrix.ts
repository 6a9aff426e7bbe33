import type { LayerGraph } from '../graph/types.js';
import type { Dag } from '../schedule/dag.js';
import { computeWaves } from '../schedule/waves.js';
import { getOrThrow, itemAt } from '../lookup.js';

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_JOBS_PER_MATRIX = 256;

/** One matrix leg: the fields a job needs to run its share (`instances`) with its account's credentials. */
export interface MatrixJob {
  /** A short, unique name for the job's title. */
  job: string;
  /** Comma-separated instance ids, for the action's `instance` input. */
  instances: string;
  /** The account the job's instances belong to; '' when global, or when a packed job spans accounts. */
  account: string;
  account_id: string;
  region: string;
  environment: string;
  layer: string;
  role_to_assume: string;
}

export interface Matrix {
  stage_count: number;
  stages: { include: MatrixJob[] }[];
}

/**
 * Groups the selected instances into ordered stages for GitHub jobs, so that every dependency points to an
 * earlier stage or stays inside one job. Each wave is a stage; past `maxStages`, the remaining waves share the
 * last stage, where instances joined by a dependency go into one job (the engine orders them there). A stage
 * with more than 256 jobs packs neighbouring jobs (sorted by account, then id) together to stay within
 * GitHub's limit.
 */
export function computeMatrix(
  graph: LayerGraph,
  dag: Dag,
  options: { maxStages: number; roleToAssume: (account: string) => string | null; maxJobsPerStage?: number },
): Matrix {
  const waves = computeWaves(dag);
  const stages =
    waves.length <= options.maxStages
      ? waves
      : [...waves.slice(0, options.maxStages - 1), waves.slice(options.maxStages - 1).flat()];
  const limit = options.maxJobsPerStage ?? MAX_JOBS_PER_MATRIX;
  return {
    stage_count: stages.length,
    stages: stages.map((stage) => ({
      include: pack(connectedUnits(stage, dag), limit, graph).map((ids) =>
        jobOf(ids, graph, options.roleToAssume),
      ),
    })),
  };
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

function pack(units: string[][], limit: number, graph: LayerGraph): string[][] {
  if (units.length <= limit) return units;
  // Every unit has an instance: connectedUnits makes none empty.
  const firstOf = (unit: string[]) => itemAt(unit, 0, 'unit member');
  const accountOf = (unit: string[]) => getOrThrow(graph.byId, firstOf(unit), 'instance').account ?? '';
  const sorted = [...units].sort(
    (a, b) => accountOf(a).localeCompare(accountOf(b)) || firstOf(a).localeCompare(firstOf(b)),
  );
  const size = Math.ceil(sorted.length / limit);
  const jobs: string[][] = [];
  for (let index = 0; index < sorted.length; index += size)
    jobs.push(sorted.slice(index, index + size).flat());
  return jobs;
}

function jobOf(
  ids: string[],
  graph: LayerGraph,
  roleToAssume: (account: string) => string | null,
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
    instances: ids.join(','),
    account,
    account_id: shared((instance) => instance.accountId),
    region: shared((instance) => instance.region),
    environment: shared((instance) => instance.environment),
    layer: shared((instance) => instance.layer),
    role_to_assume: account === '' ? '' : (roleToAssume(account) ?? ''),
  };
}
