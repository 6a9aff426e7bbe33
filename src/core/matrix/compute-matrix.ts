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
 * holds the instances of one GitHub Environment and one account only, so that environment's reviewers approve
 * everything it applies and it assumes one account's role (two accounts may share an environment's name). A
 * stage with more than 256 jobs packs jobs of one environment and account together to stay within GitHub's
 * limit; when even that cannot fit (more environment-account pairs in a stage than jobs, or a dependency joining
 * two of them in the shared last stage), it throws a UsageError rather than mix them.
 */
export function computeMatrix(graph: LayerGraph, dag: Dag, options: MatrixOptions): Matrix {
  const waves = computeWaves(dag);
  const stages =
    waves.length <= options.maxStages
      ? waves
      : [...waves.slice(0, options.maxStages - 1), waves.slice(options.maxStages - 1).flat()];
  const limit = options.maxJobsPerStage ?? MAX_JOBS_PER_MATRIX;
  const environmentOf = (id: string) => options.githubEnvironment(getOrThrow(graph.byId, id, 'instance'));
  const gateOf = (id: string): Gate => ({
    environment: environmentOf(id),
    account: getOrThrow(graph.byId, id, 'instance').account,
  });
  return {
    stage_count: stages.length,
    stages: stages.map((stage, index) => {
      const where = { stage: index + 1, waves: waves.length, maxStages: options.maxStages };
      const groups = byGate(connectedUnits(stage, dag), gateOf, where);
      return {
        include: pack(groups, limit, where).map((ids, leg) =>
          jobOf(ids, `${index + 1}-${leg + 1}`, graph, options.roleToAssume, environmentOf),
        ),
      };
    }),
  };
}

/** What a job is tied to: the GitHub Environment it runs in and the account whose role it assumes. */
interface Gate {
  environment: string;
  account: string | null;
}

interface StagePlace {
  stage: number;
  waves: number;
  maxStages: number;
}

const describeGate = (gate: Gate) =>
  `GitHub Environment '${gate.environment}', ${gate.account === null ? 'no account' : `account '${gate.account}'`}`;

/** The units of one gate, with the gate. */
interface GateGroup {
  gate: Gate;
  units: string[][];
}

/** A stage's units by gate (sorted by environment, then account; units by first id); throws when a unit spans two. */
function byGate(units: string[][], gateOf: (id: string) => Gate, where: StagePlace): GateGroup[] {
  const keyOf = (gate: Gate) => `${gate.environment}\n${gate.account ?? ''}`;
  const groups = new Map<string, GateGroup>();
  for (const unit of units) {
    const first = itemAt(unit, 0, 'unit member');
    const gate = gateOf(first);
    const key = keyOf(gate);
    const other = unit.find((id) => keyOf(gateOf(id)) !== key);
    if (other !== undefined) {
      throw new UsageError(
        (name) =>
          `Stage ${where.stage} would apply '${first}' (${describeGate(gate)}) and '${other}' (${describeGate(gateOf(other))}) in one job: past ${name('max-stages')} (${where.maxStages}) the remaining waves share the last stage, where instances joined by a dependency run in one job, and a job runs in one GitHub Environment with one account's role. Give ${name('max-stages')} at least ${where.waves} (the selection's waves; apply.yml has a stage job per stage), or select fewer instances.`,
      );
    }
    const group = groups.get(key);
    if (group) group.units.push(unit);
    else groups.set(key, { gate, units: [unit] });
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        a.gate.environment.localeCompare(b.gate.environment) ||
        (a.gate.account ?? '').localeCompare(b.gate.account ?? ''),
    )
    .map(({ gate, units: group }) => ({
      gate,
      units: group.sort((a, b) => itemAt(a, 0, 'unit member').localeCompare(itemAt(b, 0, 'unit member'))),
    }));
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
 * At most `limit` jobs, each of one gate's units: every gate gets a job, and the rest go one by one to the gate
 * whose jobs are fullest. Throws when the stage has more gates than `limit`.
 */
function pack(gateGroups: GateGroup[], limit: number, where: StagePlace): string[][] {
  const groups = gateGroups.map((group) => group.units);
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total <= limit) return groups.flat();
  if (groups.length > limit) throw tooManyGates(gateGroups, limit, where);
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

/** The refusal of a stage that needs more jobs than GitHub's limit: which limit, how many jobs, what to change. */
function tooManyGates(groups: GateGroup[], limit: number, where: StagePlace): UsageError {
  const perAccount = new Set(groups.map(({ gate }) => gate.account));
  const accounts = [...perAccount].filter((account) => account !== null).length;
  const environments = new Set(groups.map(({ gate }) => gate.environment)).size;
  const isSharedLastStage = where.stage === where.maxStages && where.waves > where.maxStages;
  return new UsageError((name) => {
    const fixes = [
      ...(perAccount.size <= limit
        ? [
            `name fewer GitHub Environments per account in the manifest (github_environment on an account's environments; one name for all of an account's environments makes as few as ${perAccount.size} jobs)`,
          ]
        : []),
      `select fewer instances per run (${name('account')}, ${name('environment')})`,
      ...(isSharedLastStage
        ? [
            `raise ${name('max-stages')} towards ${where.waves} (the selection's waves), so fewer waves share this stage`,
          ]
        : []),
    ];
    return `Stage ${where.stage} needs ${groups.length} jobs, one for each GitHub Environment and account of its instances (${environments} GitHub Environments of ${accounts} accounts${perAccount.has(null) ? ' and global' : ''}; a job runs in one environment with one account's role), but GitHub runs at most ${limit} jobs from one matrix. To fit, ${fixes.join('; or ')}.`;
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
