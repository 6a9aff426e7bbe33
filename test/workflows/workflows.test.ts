import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeActionlint, findActionlint, PINNED_BINARY, pinnedActionlintVersion } from './actionlint.js';

/**
 * The reusable workflows, the project's CI and the caller templates: each must pass actionlint and GitHub's own
 * workflow parser, and keep the rules that make them safe to call (pinned actions, no expressions in scripts,
 * explicit permissions, never pull_request_target) and the shape the apply workflow depends on.
 */

const WORKFLOWS_DIRECTORY = '.github/workflows';
const TEMPLATES_DIRECTORY = 'workflows-templates';

function yamlFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(directory, name));
}

const workflowFiles = yamlFiles(WORKFLOWS_DIRECTORY);
const templateFiles = yamlFiles(TEMPLATES_DIRECTORY);
const allFiles = [...workflowFiles, ...templateFiles];

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapOf(value: unknown): YamlMap {
  return isMap(value) ? value : {};
}

/** A scalar as YAML wrote it; '' for anything else. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function parseYaml(text: string): YamlMap {
  return mapOf(parse(text));
}

function jobsOf(workflow: YamlMap): [string, YamlMap][] {
  return Object.entries(mapOf(workflow.jobs)).map(([id, job]) => [id, mapOf(job)]);
}

function stepsOf(job: YamlMap): YamlMap[] {
  return listOf(job.steps).map(mapOf);
}

function needsOf(job: YamlMap): string[] {
  return listOf(job.needs).map(text);
}

/** The events a workflow runs on, whichever of the three forms `on:` takes. */
function eventsOf(workflow: YamlMap): string[] {
  const on = workflow.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(text);
  return Object.keys(mapOf(on));
}

// --- Rules: each returns the problems it finds, so that a test can show it catches a bad workflow. ---------------

const FULL_SHA = /^[0-9a-f]{40}$/;
/** Our own reusable workflows, as the templates call them, are referenced by release tag on purpose. */
const OWN_REUSABLE_WORKFLOW = /^[^/]+\/strata\/\.github\/workflows\/[^/@]+\.ya?ml@[^@]+$/;

/** Every `uses:` of a third-party action or workflow names owner/repo[/path]@<40 hex>. */
function unpinnedUses(workflow: YamlMap): string[] {
  const problems: string[] = [];
  const check = (where: string, uses: unknown) => {
    if (typeof uses !== 'string') return;
    if (uses.startsWith('./') || OWN_REUSABLE_WORKFLOW.test(uses)) return;
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) problems.push(`${where}: ${uses} is not pinned by digest`);
      return;
    }
    const match = /^([\w.-]+\/[\w.-]+(?:\/[^@]+)?)@(.+)$/.exec(uses);
    if (!match || !FULL_SHA.test(match[2]!)) {
      problems.push(`${where}: ${uses} is not pinned to a full commit SHA`);
    }
  };
  for (const [id, job] of jobsOf(workflow)) {
    check(`job ${id}`, job.uses);
    stepsOf(job).forEach((step, index) => check(`job ${id} step ${index + 1}`, step.uses));
  }
  return problems;
}

/** A SHA alone says nothing to a reader: each pinned line carries the release it is, `# vX.Y.Z`. */
function pinsWithoutVersionComment(text: string): string[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => /^\s*(?:-\s*)?uses:\s*[^\s#]+@[0-9a-f]{40}\b/.test(line))
    .filter(({ line }) => !/#\s*v\d+\.\d+\.\d+\s*$/.test(line))
    .map(({ line, number }) => `line ${number}: ${line.trim()} has no '# vX.Y.Z' comment`);
}

/** No `${{` in any `run:` script: values reach scripts through `env:`, so they can never become code. */
function expressionsInRunScripts(workflow: YamlMap): string[] {
  const problems: string[] = [];
  for (const [id, job] of jobsOf(workflow)) {
    stepsOf(job).forEach((step, index) => {
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(
          `job ${id} step ${index + 1} (${text(step.name ?? step.id) || 'unnamed'}) expands \${{ in run`,
        );
      }
    });
  }
  return problems;
}

/** Permissions are explicit: at the top, or on every job. */
function missingPermissions(workflow: YamlMap): string[] {
  if ('permissions' in workflow) return [];
  return jobsOf(workflow)
    .filter(([, job]) => !('permissions' in job))
    .map(([id]) => `job ${id} has no permissions, and the workflow has none at the top`);
}

/** pull_request_target runs the base repository's secrets next to a fork's code: never. */
function usesPullRequestTarget(workflow: YamlMap): string[] {
  return eventsOf(workflow).includes('pull_request_target') ? ['runs on pull_request_target'] : [];
}

/** Every job of steps has `timeout-minutes` (GitHub's default is 360): a hung Terraform must not hold a runner for six hours. */
function jobsWithoutTimeout(workflow: YamlMap): string[] {
  return jobsOf(workflow)
    .filter(([, job]) => job.uses === undefined && !('timeout-minutes' in job))
    .map(([id]) => `job ${id} has no timeout-minutes`);
}

/** In a reusable workflow, `runs-on` takes the runs-on input as one label or as a JSON list of labels. */
const RUNS_ON_LABEL_OR_LIST =
  "${{ startsWith(inputs.runs-on, '[') && fromJSON(inputs.runs-on) || inputs.runs-on }}";
function runsOnProblems(workflow: YamlMap): string[] {
  return jobsOf(workflow)
    .filter(([, job]) => job.uses === undefined && text(job['runs-on']) !== RUNS_ON_LABEL_OR_LIST)
    .map(
      ([id, job]) =>
        `job ${id} runs on '${text(job['runs-on'])}', not the runs-on input as a label or a JSON list`,
    );
}

/**
 * Fork pull requests are told by their head repository differing from the base one: `head.repo.fork` is the head
 * repository's own flag (true for every pull request of a repository that is itself a fork), and
 * `github.repository` is not the base in every event. Dependabot's are told by the pull request's author:
 * `github.actor` is whoever pushed or re-ran last.
 */
function pullRequestOriginProblems(fileText: string): string[] {
  // Comments may name what not to do.
  const workflowText = fileText
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  const problems: string[] = [];
  if (/head\.repo\.fork\b/.test(workflowText)) problems.push('reads head.repo.fork');
  if (/head\.repo\.full_name\s*[!=]=\s*github\.repository\b/.test(workflowText)) {
    problems.push('compares head.repo.full_name with github.repository, not base.repo.full_name');
  }
  if (/github\.actor\s*[!=]=\s*'dependabot\[bot\]'/.test(workflowText)) {
    problems.push("tells Dependabot's pull requests by github.actor, not pull_request.user.login");
  }
  return problems;
}

/** Each reusable workflow declares the outputs a caller acts on, described, each the output of one of its jobs. */
function workflowOutputProblems(workflow: YamlMap, expected: readonly string[]): string[] {
  const outputs = mapOf(mapOf(mapOf(workflow.on).workflow_call).outputs);
  const jobs = new Map(jobsOf(workflow));
  const problems = expected
    .filter((name) => !(name in outputs))
    .map((name) => `no workflow_call output '${name}'`);
  for (const [name, value] of Object.entries(outputs)) {
    const output = mapOf(value);
    if (!output.description) problems.push(`output '${name}' has no description`);
    const match = /^\$\{\{\s*jobs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(text(output.value));
    if (!match) {
      problems.push(`output '${name}' is not a job's output: '${text(output.value)}'`);
    } else if (!(match[2]! in mapOf(jobs.get(match[1]!)?.outputs))) {
      problems.push(
        `output '${name}' reads jobs.${match[1]}.outputs.${match[2]}, which that job does not set`,
      );
    }
  }
  return problems;
}

/** What each reusable workflow's callers can read. */
const WORKFLOW_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  'apply.yml': ['has-changes', 'failed'],
  'drift.yml': ['has-changes', 'failed'],
  'ephemeral.yml': ['has-changes', 'failed'],
  'failover.yml': ['ready', 'recovery-seconds', 'failed', 'has-changes'],
  'plan.yml': ['has-changes', 'failed'],
};

/**
 * failover.yml's credentials: the plan job, which runs before anyone approves, assumes the read-only
 * plan-role-to-assume (role-to-assume only as a fallback it warns about); the apply job, behind the approval,
 * role-to-assume. The roles pull request is opened with a GitHub App's token when one is given.
 */
function failoverCredentialProblems(workflow: YamlMap): string[] {
  const jobs = new Map(jobsOf(workflow));
  const problems: string[] = [];
  const planRole = text(mapOf(jobs.get('plan')?.env).ROLE_TO_ASSUME);
  if (!/^\$\{\{\s*secrets\.plan-role-to-assume\b/.test(planRole)) {
    problems.push(`the plan job assumes '${planRole}', not the read-only plan-role-to-assume first`);
  }
  const warns = stepsOf(jobs.get('plan') ?? {}).some(
    (step) => text(step.run).includes('::warning::') && text(step.if).includes('HAS_PLAN_ROLE'),
  );
  if (!warns) problems.push('the plan job does not warn when it falls back to role-to-assume');
  const applyRole = text(mapOf(jobs.get('apply')?.env).ROLE_TO_ASSUME);
  if (applyRole.includes('plan-role-to-assume')) problems.push('the apply job assumes the plan role');
  const steps = stepsOf(jobs.get('apply') ?? {});
  const appToken = steps.find((step) => text(step.uses).startsWith('actions/create-github-app-token@'));
  const pullRequest = steps.find((step) => text(step.uses).startsWith('peter-evans/create-pull-request@'));
  if (!appToken) problems.push('the apply job cannot make a GitHub App token for the roles pull request');
  if (
    !pullRequest ||
    !new RegExp(`steps\\.${text(appToken?.id) || 'none'}\\.outputs\\.token`).test(
      text(mapOf(pullRequest.with).token),
    )
  ) {
    problems.push("the roles pull request is not opened with the GitHub App's token");
  }
  return problems;
}

const runScripts = (job: YamlMap) => stepsOf(job).map((step) => text(step.run));

/** A job builds dist/ afresh and fails when it differs from the committed one, new files included. */
function checksDist(job: YamlMap): boolean {
  const scripts = runScripts(job).join('\n');
  const build = scripts.indexOf('npm run build');
  const compare = scripts.search(/git status --porcelain -- dist\/|git diff --exit-code -- dist\//);
  return build >= 0 && compare > build && scripts.slice(compare).includes('exit 1');
}

/** CI has a job that checks dist/ is a fresh build. */
function checkDistProblems(ci: YamlMap): string[] {
  return jobsOf(ci).some(([, job]) => checksDist(job)) ? [] : ['no job builds dist/ and compares it'];
}

/**
 * The release workflow: on tags, refuses tags that are not semver, checks dist/, writes the notes from the
 * commits since the previous release, creates the release, and moves the major tag for full releases only.
 */
function releaseProblems(release: YamlMap): string[] {
  const problems: string[] = [];
  const tags = listOf(mapOf(mapOf(release.on).push).tags).map(text);
  if (!tags.some((tag) => tag.startsWith('v'))) problems.push('does not run on pushed v* tags');
  const jobs = jobsOf(release).map(([, job]) => job);
  const scripts = jobs.flatMap(runScripts);
  const semver = scripts.find((script) => script.includes('(0|[1-9][0-9]*)\\.') && script.includes('exit 1'));
  if (!semver) problems.push('does not refuse a tag that is not semver');
  if (!jobs.some(checksDist)) problems.push('does not check dist/ before releasing');
  if (
    !scripts.some((script) => /git log\b.*"\$range"/.test(script) && script.includes('git describe --tags'))
  ) {
    problems.push('does not write the notes from the commits since the previous release');
  }
  if (!scripts.some((script) => script.includes('gh release create') && script.includes('--notes-file'))) {
    problems.push('does not create the release with those notes');
  }
  const move = jobs.flatMap(stepsOf).find((step) => text(step.run).includes('refs/tags/$MAJOR'));
  if (!move) problems.push('does not move the major tag');
  else if (!/prerelease\s*==\s*'false'/.test(text(move.if)))
    problems.push('moves the major tag for pre-releases too');
  return problems;
}

/** Dependabot keeps both the action pins and npm current. */
function dependabotProblems(config: YamlMap): string[] {
  const ecosystems = listOf(config.updates).map((update) => text(mapOf(update)['package-ecosystem']));
  return ['github-actions', 'npm']
    .filter((ecosystem) => !ecosystems.includes(ecosystem))
    .map((ecosystem) => `no updates for ${ecosystem}`);
}

/** CODEOWNERS names an owner for each path that runs with callers' credentials. */
function codeOwnerProblems(codeowners: string): string[] {
  const owned = new Set(
    codeowners
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .filter((line) => line.split(/\s+/).length >= 2 && line.split(/\s+/)[1]!.startsWith('@'))
      .map((line) => line.split(/\s+/)[0]!),
  );
  return ['/.github/workflows/', '/workflows-templates/', '/action.yml', '/dist/']
    .filter((path) => !owned.has(path))
    .map((path) => `no owner for ${path}`);
}

/**
 * The legs' instances travel in an artifact, not in the matrix output (1 MB per job, job-outputs.test.ts): the
 * graph job uploads the legs file `graph` wrote, and every stage job downloads that artifact into work-dir before
 * the step that runs its leg by `matrix.leg`.
 */
function legsFileProblems(workflow: YamlMap): string[] {
  const jobs = new Map(jobsOf(workflow));
  const problems: string[] = [];
  // The graph job uploads other artifacts too (the reviewed plan): the legs artifact is the one of the legs file.
  const upload = stepsOf(jobs.get('graph') ?? {}).find(
    (step) =>
      text(step.uses).startsWith('actions/upload-artifact@') &&
      text(mapOf(step.with).path) === '${{ steps.strata.outputs.legs-file }}',
  );
  const uploaded = text(mapOf(upload?.with).name);
  if (upload === undefined) {
    problems.push("the graph job's legs artifact is not the graph step's legs-file");
  } else if (!/^strata-legs-\$\{\{ steps\.estate\.outputs\.key \}\}$/.test(uploaded)) {
    problems.push(`the graph job uploads no strata-legs-<estate key> artifact (found '${uploaded}')`);
  }
  for (const [id, job] of jobs) {
    if (!STAGE_JOB.test(id)) continue;
    const steps = stepsOf(job);
    const download = steps.findIndex(
      (step) =>
        text(step.uses).startsWith('actions/download-artifact@') &&
        text(mapOf(step.with).name) === 'strata-legs-${{ needs.graph.outputs.estate-key }}' &&
        text(mapOf(step.with).path) === '${{ inputs.working-directory }}/.strata',
    );
    const run = steps.findIndex((step) => text(step.uses) === './.strata-action');
    const runWith = mapOf(steps[run]?.with);
    if (download < 0 || download > run) {
      problems.push(`${id} does not download the legs artifact into work-dir before it runs Strata`);
    }
    if (text(runWith.leg) !== '${{ matrix.leg }}' || text(runWith['work-dir']) !== '.strata') {
      problems.push(`${id} does not run its leg (leg: \${{ matrix.leg }}, work-dir: .strata)`);
    }
  }
  return problems;
}

/** Two applies of one estate must queue, never overlap nor cancel each other. */
function applyConcurrencyProblems(workflow: YamlMap): string[] {
  const concurrency = workflow.concurrency;
  if (!isMap(concurrency)) return ['no concurrency with a group and cancel-in-progress'];
  const problems: string[] = [];
  if (concurrency['cancel-in-progress'] !== false) problems.push('cancel-in-progress is not false');
  if (!text(concurrency.group).includes('inputs.manifest')) problems.push('the group is not per manifest');
  return problems;
}

const STAGE_JOB = /^stage-(\d+)$/;

/** stage-N needs graph and stage-(N-1), runs only when the matrix has N stages, and fans out over stage N. */
function stageProblems(workflow: YamlMap): string[] {
  const problems: string[] = [];
  const jobs = new Map(jobsOf(workflow));
  const stageNumbers = [...jobs.keys()]
    .map((id) => STAGE_JOB.exec(id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (stageNumbers.length === 0) return ['no stage-N jobs'];
  stageNumbers.forEach((n, index) => {
    if (n !== index + 1) {
      problems.push(`stage jobs are not numbered 1..${stageNumbers.length}: found stage-${n}`);
    }
  });
  for (const n of stageNumbers) {
    const job = jobs.get(`stage-${n}`)!;
    const needs = needsOf(job);
    if (!needs.includes('graph')) problems.push(`stage-${n} does not need graph`);
    if (n > 1 && !needs.includes(`stage-${n - 1}`)) problems.push(`stage-${n} does not need stage-${n - 1}`);
    if (!new RegExp(`stage_count\\s*>=\\s*${n}\\b`).test(text(job.if))) {
      problems.push(`stage-${n} does not run only when stage_count >= ${n}`);
    }
    const strategy = mapOf(job.strategy);
    const matrix = text(strategy.matrix);
    if (!matrix.replaceAll(' ', '').includes(`fromJSON(needs.graph.outputs.matrix).stages[${n - 1}]`)) {
      problems.push(`stage-${n} does not fan out over stages[${n - 1}]`);
    }
    if (strategy['fail-fast'] !== false) problems.push(`stage-${n} does not set fail-fast: false`);
    // A leg holds one GitHub Environment's instances (compute-matrix): it must run in that one, whose reviewers
    // approve it, never in one named after something else (its account, 'global').
    if (!/^\$\{\{\s*matrix\.github_environment\s*\}\}$/.test(text(job.environment))) {
      problems.push(
        `stage-${n} does not run in the GitHub Environment of its leg (matrix.github_environment)`,
      );
    }
  }
  // The graph step caps the stages at the number of stage jobs declared.
  const graphStep = stepsOf(jobs.get('graph') ?? {}).find((step) => mapOf(step.with).command === 'graph');
  const maxStages = text(mapOf(graphStep?.with)['max-stages']);
  if (maxStages !== String(stageNumbers.length)) {
    problems.push(
      `the graph step's max-stages is '${maxStages}', but there are ${stageNumbers.length} stage jobs`,
    );
  }
  // The stage jobs are copies of one another, but for their number and what they need: keep them so.
  const normalise = (n: number) =>
    JSON.stringify({ ...jobs.get(`stage-${n}`), needs: null })
      .replaceAll(`stages[${n - 1}]`, 'stages[N-1]')
      .replace(new RegExp(`stage_count\\s*>=\\s*${n}\\b`, 'g'), 'stage_count >= N')
      .replace(new RegExp(`\\b(stage[- ])${n}\\b`, 'gi'), '$1N');
  for (const n of stageNumbers.slice(1)) {
    if (normalise(n) !== normalise(1)) {
      problems.push(`stage-${n} differs from stage-1 in more than its number`);
    }
  }
  return problems;
}

/** The report job runs after every stage, whatever became of them. */
function reportProblems(workflow: YamlMap): string[] {
  const jobs = new Map(jobsOf(workflow));
  const report = jobs.get('report');
  if (!report) return ['no report job'];
  const needs = needsOf(report);
  const problems = [...jobs.keys()]
    .filter((id) => STAGE_JOB.test(id) && !needs.includes(id))
    .map((id) => `report does not need ${id}`);
  if (!text(report.if).includes('always()')) problems.push('report does not run always()');
  return problems;
}

/** Templates call only reusable workflows that exist, with inputs and secrets those declare. */
function templateReferenceProblems(template: YamlMap, reusable: ReadonlyMap<string, YamlMap>): string[] {
  const problems: string[] = [];
  for (const [id, job] of jobsOf(template)) {
    // A job of steps (the drill template's issue job) calls nothing; the rules for every file still apply to it.
    if (job.uses === undefined && 'steps' in job) continue;
    const match = /^[^/]+\/strata\/\.github\/workflows\/([^/@]+\.ya?ml)@[^@]+$/.exec(text(job.uses));
    if (!match) {
      problems.push(`job ${id} does not call a Strata reusable workflow: ${text(job.uses)}`);
      continue;
    }
    const called = reusable.get(match[1]!);
    if (!called) {
      problems.push(
        `job ${id} calls ${match[1]}, which is not a reusable workflow in ${WORKFLOWS_DIRECTORY}`,
      );
      continue;
    }
    const call = mapOf(mapOf(called.on).workflow_call);
    const inputs = mapOf(call.inputs);
    const secrets = mapOf(call.secrets);
    for (const name of Object.keys(mapOf(job.with))) {
      if (!(name in inputs))
        problems.push(`job ${id} passes input '${name}', which ${match[1]} does not declare`);
    }
    for (const [name, input] of Object.entries(inputs)) {
      if (mapOf(input).required === true && !(name in mapOf(job.with))) {
        problems.push(`job ${id} does not pass required input '${name}' of ${match[1]}`);
      }
    }
    if (job.secrets === 'inherit') problems.push(`job ${id} inherits every secret instead of passing them`);
    for (const name of Object.keys(mapOf(job.secrets))) {
      if (!(name in secrets))
        problems.push(`job ${id} passes secret '${name}', which ${match[1]} does not declare`);
    }
  }
  return problems;
}

/** Reusable workflows take typed, described inputs (at least the common four) and described secrets. */
function reusableInterfaceProblems(workflow: YamlMap): string[] {
  const call = mapOf(mapOf(workflow.on).workflow_call);
  const inputs = mapOf(call.inputs);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const input = mapOf(value);
    if (!['string', 'boolean', 'number'].includes(text(input.type)))
      problems.push(`input '${name}' has no type`);
    if (!input.description) problems.push(`input '${name}' has no description`);
  }
  for (const [name, value] of Object.entries(mapOf(call.secrets))) {
    if (!mapOf(value).description) problems.push(`secret '${name}' has no description`);
  }
  for (const name of ['manifest', 'terraform-version', 'parallelism', 'working-directory']) {
    if (!(name in inputs)) problems.push(`no input '${name}'`);
  }
  if ('manifest' in inputs && mapOf(inputs.manifest).default !== 'layers.yml') {
    problems.push("input 'manifest' does not default to 'layers.yml'");
  }
  return problems;
}

const PERMISSION_LEVELS = ['none', 'read', 'write'];

/** A `permissions:` value as scope -> level; undefined when absent (the token's defaults, unknown here). */
function permissionLevels(value: unknown): Map<string, number> | 'all-read' | 'all-write' | undefined {
  if (value === 'read-all') return 'all-read';
  if (value === 'write-all') return 'all-write';
  if (!isMap(value)) return undefined;
  return new Map(
    Object.entries(value).map(([scope, level]) => [scope, PERMISSION_LEVELS.indexOf(text(level))]),
  );
}

/**
 * Templates grant each reusable workflow they call at least what its jobs ask for: GitHub refuses to start the
 * call otherwise, even when the job asking would be skipped (actions/runner#4151).
 */
function callerPermissionProblems(template: YamlMap, reusable: ReadonlyMap<string, YamlMap>): string[] {
  const problems: string[] = [];
  for (const [id, job] of jobsOf(template)) {
    const name = /\/\.github\/workflows\/([^/@]+\.ya?ml)@/.exec(text(job.uses))?.[1];
    const called = name === undefined ? undefined : reusable.get(name);
    const granted = permissionLevels('permissions' in job ? job.permissions : template.permissions);
    if (!called || granted === undefined || granted === 'all-write') continue;
    const requesters: [string, unknown][] = [
      ['the workflow', called.permissions],
      ...jobsOf(called).map(([calledId, calledJob]): [string, unknown] => [
        `job ${calledId}`,
        calledJob.permissions,
      ]),
    ];
    for (const [requester, permissions] of requesters) {
      const wanted = permissionLevels(permissions);
      if (wanted === undefined) continue;
      const entries: [string, number][] =
        wanted === 'all-read' || wanted === 'all-write'
          ? [['every scope', wanted === 'all-read' ? 1 : 2]]
          : [...wanted.entries()];
      for (const [scope, level] of entries) {
        const allowed = granted === 'all-read' ? 1 : scope === 'every scope' ? 0 : (granted.get(scope) ?? 0);
        if (level > allowed) {
          problems.push(
            `job ${id} grants ${scope}: ${PERMISSION_LEVELS[allowed]}, but ${requester} of ${name} asks for ${PERMISSION_LEVELS[level]}`,
          );
        }
      }
    }
  }
  return problems;
}

/** The regions a manifest declares (`regions:` keys) and those that are not primary. */
function manifestRegions(manifest: YamlMap): { all: string[]; secondary: string[] } {
  const regions = Object.entries(mapOf(manifest.regions));
  return {
    all: regions.map(([name]) => name),
    secondary: regions.filter(([, region]) => mapOf(region).role !== 'primary').map(([name]) => name),
  };
}

const sortedList = (values: readonly string[]) => `[${[...values].sort().join(', ')}]`;

/** A workflow_dispatch input is a choice of exactly the given values (in any order). */
function choiceProblems(workflow: YamlMap, name: string, expected: readonly string[]): string[] {
  const inputs = mapOf(mapOf(mapOf(workflow.on).workflow_dispatch).inputs);
  if (!(name in inputs)) return [`no workflow_dispatch input '${name}'`];
  const input = mapOf(inputs[name]);
  if (input.type !== 'choice') return [`input '${name}' is not a choice`];
  const options = listOf(input.options).map(text);
  return sortedList(options) === sortedList(expected)
    ? []
    : [`input '${name}' offers ${sortedList(options)}, expected ${sortedList(expected)}`];
}

const isActionStep = (step: YamlMap) => text(step.uses) === './.strata-action';
const envValues = (step: YamlMap) => Object.values(mapOf(step.env)).map(text).join('\n');
const isConfirmCheck = (step: YamlMap) =>
  typeof step.run === 'string' &&
  step.run.includes('exit 1') &&
  /\binputs\.confirm\b/.test(envValues(step)) &&
  /\binputs\.region\b/.test(envValues(step));
const isHashCheck = (step: YamlMap) =>
  typeof step.run === 'string' &&
  step.run.includes('sha256sum') &&
  step.run.includes('exit 1') &&
  /\bneeds\.plan\.outputs\./.test(envValues(step));

/**
 * failover.yml's apply job: never in a drill, after the plan job, behind a GitHub Environment, queued in a
 * failover group of its own (never apply.yml's, where a push would cancel it while it waits), with the deploys
 * held by the plan job's hold-deploys; it checks confirm before anything else and applies only the downloaded
 * plans, after checking that their hash is the plan job's (computed the same way there).
 */
function failoverApplyProblems(workflow: YamlMap, applyWorkflow: YamlMap): string[] {
  const jobs = new Map(jobsOf(workflow));
  const apply = jobs.get('apply');
  if (!apply) return ['no apply job'];
  const problems: string[] = [];
  if (!needsOf(apply).includes('plan')) problems.push('apply does not need plan');
  if (!/inputs\.mode\s*!=\s*'drill'/.test(text(apply.if))) problems.push("apply does not skip mode 'drill'");
  if (!text(apply.environment) && !text(mapOf(apply.environment).name))
    problems.push('apply has no environment');
  // GitHub: at most one running and one pending run or job per concurrency group, and a newly queued one
  // cancels the pending one. In apply.yml's group, a push to main would cancel a failover waiting for approval;
  // in a group of its own (per estate), only another failover of the estate can.
  const concurrency = mapOf(apply.concurrency);
  const group = text(concurrency.group);
  const applyGroup = text(mapOf(applyWorkflow.concurrency).group);
  if (!group || group === applyGroup) {
    problems.push("apply's concurrency group is apply.yml's, where a push cancels a pending failover");
  } else if (!group.includes('failover') || !group.includes('inputs.manifest')) {
    problems.push("apply's concurrency group is not a failover group per manifest");
  }
  if (concurrency['cancel-in-progress'] !== false) problems.push("apply's cancel-in-progress is not false");
  // With the deploys out of its group, the hold keeps them out: the plan job's Strata step writes it (before
  // it plans) for every mode but the drill.
  const hold = stepsOf(jobs.get('plan') ?? {}).find(
    (step) => isActionStep(step) && text(mapOf(step.with)['dry-run']) === 'true',
  );
  if (!hold || !/^\$\{\{ inputs\.mode != 'drill' \}\}$/.test(text(mapOf(hold.with)['hold-deploys']))) {
    problems.push("the plan job's dry run does not hold the deploys (hold-deploys) for a real move");
  }

  const steps = stepsOf(apply);
  if (!steps[0] || !isConfirmCheck(steps[0])) {
    problems.push("apply's first step does not check inputs.confirm against inputs.region");
  }
  const download = steps.findIndex((step) => text(step.uses).startsWith('actions/download-artifact@'));
  const hash = steps.findIndex(isHashCheck);
  const action = steps.findIndex((step) => isActionStep(step) && text(mapOf(step.with)['plan-dir']) !== '');
  if (download < 0) problems.push('apply downloads no plan artifact');
  if (hash < 0) problems.push("apply has no step checking the plans' hash against the plan job's");
  if (action < 0) problems.push('apply does not run the action on the saved plans (plan-dir)');
  if (download >= 0 && hash >= 0 && action >= 0 && !(download < hash && hash < action)) {
    problems.push('the hash check does not come between the download and the apply');
  }
  if (action >= 0 && !/\binputs\.confirm\b/.test(text(mapOf(steps[action]!.with).confirm))) {
    problems.push('the apply step does not pass confirm');
  }
  if (hash >= 0) {
    const hashLine = text(steps[hash]!.run)
      .split('\n')
      .find((line) => line.includes('sha256sum'))!
      .trim();
    const planScripts = stepsOf(jobs.get('plan') ?? {}).map((step) => text(step.run));
    if (!planScripts.some((script) => script.split('\n').some((line) => line.trim() === hashLine))) {
      problems.push('the plan job does not compute the hash as the apply job checks it');
    }
  }
  // What the apply checks fresh plans against, and why a saved plan cannot be applied as saved.
  const planScripts = stepsOf(jobs.get('plan') ?? {}).map((step) => text(step.run));
  for (const file of ['failover-preview.json', 'mocked-upstreams.json', 'code.sha256']) {
    if (!planScripts.some((script) => script.includes(file)))
      problems.push(`the plan job does not put ${file} into the artifact`);
  }
  return problems;
}

/**
 * The failback's last-resort override, `ignore-recovery-point`: failover.yml declares it as a boolean defaulting
 * to false; the input check refuses it outside mode failback, reading it through env; both Strata steps of a
 * move (the plan job's dry run, so that the preview shows the override, and the apply job's) pass it to the
 * action; the failover template offers it as a boolean defaulting to false and passes it on.
 */
function recoveryPointOverrideProblems(workflow: YamlMap, template: YamlMap): string[] {
  const problems: string[] = [];
  const passes = /^\$\{\{\s*inputs\.ignore-recovery-point\s*\}\}$/;
  const declared = (inputs: YamlMap, where: string) => {
    const input = mapOf(inputs['ignore-recovery-point']);
    if (input.type !== 'boolean' || input.default !== false)
      problems.push(`${where} has no boolean input ignore-recovery-point defaulting to false`);
  };
  declared(mapOf(mapOf(mapOf(workflow.on).workflow_call).inputs), 'failover.yml');
  const jobs = new Map(jobsOf(workflow));
  const planSteps = stepsOf(jobs.get('plan') ?? {});
  const check = planSteps.find((step) => text(step.name) === 'Check the inputs');
  const checkEnv = Object.entries(mapOf(check?.env)).find(([, value]) => passes.test(text(value)));
  const script = text(check?.run);
  if (!checkEnv || !script.includes(`$${checkEnv[0]}`) || !/"\$MODE" != failback/.test(script)) {
    problems.push(
      'the input check does not refuse ignore-recovery-point outside mode failback (through env)',
    );
  }
  const actionSteps = [
    [
      'the dry run',
      planSteps.find((step) => isActionStep(step) && text(mapOf(step.with)['dry-run']) === 'true'),
    ],
    [
      'the apply',
      stepsOf(jobs.get('apply') ?? {}).find(
        (step) => isActionStep(step) && text(mapOf(step.with)['plan-dir']) !== '',
      ),
    ],
  ] as const;
  for (const [name, step] of actionSteps) {
    if (!passes.test(text(mapOf(step?.with)['ignore-recovery-point'])))
      problems.push(`${name} step does not pass inputs.ignore-recovery-point to the action`);
  }
  declared(mapOf(mapOf(mapOf(template.on).workflow_dispatch).inputs), 'the failover template');
  const caller = jobsOf(template).find(([, job]) => /\/failover\.ya?ml@/.test(text(job.uses)));
  if (!passes.test(text(mapOf(caller?.[1].with)['ignore-recovery-point'])))
    problems.push('the failover template does not pass inputs.ignore-recovery-point to failover.yml');
  return problems;
}

/**
 * apply.yml's reviewed-plan: the graph job finds the merged pull request and its plan run's artifact, reading
 * values through env (never `${{` in the script), downloads it from that run (pinned, run-id, github-token,
 * digest checked) and hands it on as an artifact of this run; only the graph job holds actions: read, only the
 * report pull-requests: write. Every stage downloads the plan from this run before its Strata step, which
 * applies it (plan-dir) as stale-plans says; the graph and the report select by it; the report comments on
 * the pull request the graph found. plan.yml puts what the apply checks into its artifact.
 */
function reviewedPlanProblems(apply: YamlMap, plan: YamlMap): string[] {
  const problems: string[] = [];
  const inputs = mapOf(mapOf(mapOf(apply.on).workflow_call).inputs);
  if (mapOf(inputs['reviewed-plan']).type !== 'boolean') problems.push('no boolean input reviewed-plan');
  if (text(mapOf(inputs['stale-plans']).default) !== 'refuse')
    problems.push('stale-plans does not default to refuse');
  const jobs = new Map(jobsOf(apply));
  const graph = jobs.get('graph') ?? {};
  const guarded = (step: YamlMap) => text(step.if) === 'inputs.reviewed-plan';
  const downloadsReviewed = (step: YamlMap) =>
    text(step.uses).startsWith('actions/download-artifact@') &&
    text(mapOf(step.with).name).startsWith('strata-reviewed-plan-');
  const usesPlanDir = (step: YamlMap) =>
    isActionStep(step) && text(mapOf(step.with)['plan-dir']).includes('inputs.reviewed-plan');

  const graphSteps = stepsOf(graph);
  const find = graphSteps.findIndex(
    (step) =>
      text(step.uses).startsWith('actions/github-script@') &&
      text(mapOf(step.with).script).includes('listPullRequestsAssociatedWithCommit'),
  );
  const fetch = graphSteps.findIndex(
    (step) =>
      text(step.uses).startsWith('actions/download-artifact@') && text(mapOf(step.with)['run-id']) !== '',
  );
  const handOn = graphSteps.findIndex(
    (step) =>
      text(step.uses).startsWith('actions/upload-artifact@') &&
      text(mapOf(step.with).name).startsWith('strata-reviewed-plan-'),
  );
  const select = graphSteps.findIndex(usesPlanDir);
  if (find < 0) problems.push('the graph job does not look up the merged pull request');
  else {
    const step = graphSteps[find]!;
    if (!guarded(step)) problems.push('the pull request look-up does not run only with reviewed-plan');
    if (text(mapOf(step.with).script).includes('${{'))
      problems.push('the pull request look-up expands ${{ in its script');
    if (!text(mapOf(step.with).script).includes('merge_commit_sha'))
      problems.push('the look-up does not match the merge commit');
  }
  if (fetch < 0) problems.push("the graph job does not download the pull request run's plan artifact");
  else {
    const step = graphSteps[fetch]!;
    const withs = mapOf(step.with);
    if (!guarded(step)) problems.push('the plan download does not run only with reviewed-plan');
    if (!/steps\.reviewed\.outputs\.run-id/.test(text(withs['run-id'])))
      problems.push('the plan download does not take the run the look-up found');
    if (!/github\.token/.test(text(withs['github-token'])))
      problems.push('the plan download has no github-token');
    if (text(withs['digest-mismatch']) !== 'error')
      problems.push('the plan download does not fail on a digest mismatch');
  }
  if (handOn < 0)
    problems.push('the graph job does not hand the reviewed plan on as an artifact of this run');
  if (select < 0) problems.push('the graph step does not select by the reviewed plan (plan-dir)');
  if (
    find >= 0 &&
    fetch >= 0 &&
    handOn >= 0 &&
    select >= 0 &&
    !(find < fetch && fetch < handOn && handOn < select)
  ) {
    problems.push('the graph job does not look up, download, hand on, then compute the stages');
  }
  if (!/steps\.reviewed\.outputs\.pull-request/.test(text(mapOf(graph.outputs)['pull-request']))) {
    problems.push('the graph job does not output the pull request it found');
  }
  for (const [id, job] of jobs) {
    const permissions = mapOf(job.permissions);
    if (text(permissions.actions) !== '' && id !== 'graph')
      problems.push(`job ${id} holds actions: ${text(permissions.actions)}`);
    if (text(permissions['pull-requests']) === 'write' && id !== 'report')
      problems.push(`job ${id} holds pull-requests: write`);
  }
  if (text(mapOf(graph.permissions).actions) !== 'read')
    problems.push('the graph job cannot read the other run (actions: read)');
  for (const [id, job] of jobs) {
    if (!STAGE_JOB.test(id) && id !== 'report') continue;
    const steps = stepsOf(job);
    const download = steps.findIndex(downloadsReviewed);
    const action = steps.findIndex(usesPlanDir);
    if (download < 0 || !guarded(steps[download]!))
      problems.push(`${id} does not download the reviewed plan with reviewed-plan`);
    else if (text(mapOf(steps[download]!.with)['run-id']) !== '')
      problems.push(`${id} downloads the reviewed plan from another run`);
    if (action < 0) problems.push(`${id} does not pass the reviewed plan to Strata (plan-dir)`);
    if (download >= 0 && action >= 0 && download > action)
      problems.push(`${id} downloads the reviewed plan after its Strata step`);
    if (
      action >= 0 &&
      STAGE_JOB.test(id) &&
      !/inputs\.stale-plans/.test(text(mapOf(steps[action]!.with)['stale-plans']))
    ) {
      problems.push(`${id} does not pass stale-plans`);
    }
    if (
      action >= 0 &&
      id === 'report' &&
      !/needs\.graph\.outputs\.pull-request/.test(text(mapOf(steps[action]!.with)['pull-request']))
    ) {
      problems.push('the report does not comment on the pull request the graph found');
    }
  }
  if (text(mapOf(jobs.get('report')?.permissions)['pull-requests']) !== 'write')
    problems.push('the report cannot comment (pull-requests: write)');
  const uploaded = stepsOf(mapOf(mapOf(plan.jobs).plan))
    .filter((step) => text(step.uses).startsWith('actions/upload-artifact@'))
    .map((step) => text(mapOf(step.with).path))
    .join('\n');
  for (const file of ['plan.tfplan', 'inputs.sha256', 'code.sha256', 'reviewed-plan.json']) {
    if (!uploaded.includes(file)) problems.push(`plan.yml does not put ${file} into its artifact`);
  }
  return problems;
}

/**
 * The drill template: on a schedule, one job drilling (mode drill of failover.yml) every secondary region through
 * a matrix whose legs do not cancel one another, and a job after it, whatever its result, for the issue.
 */
function drillTemplateProblems(template: YamlMap, secondaryRegions: readonly string[]): string[] {
  const problems: string[] = [];
  if (!eventsOf(template).includes('schedule')) problems.push('does not run on a schedule');
  else if (!listOf(mapOf(template.on).schedule).some((entry) => text(mapOf(entry).cron) !== '')) {
    problems.push('the schedule has no cron');
  }
  const drills = jobsOf(template).filter(([, job]) => /\/failover\.ya?ml@/.test(text(job.uses)));
  if (drills.length !== 1) {
    problems.push(`${drills.length} jobs call failover.yml, expected one with a matrix over the regions`);
  }
  for (const [id, job] of drills) {
    const strategy = mapOf(job.strategy);
    if (mapOf(job.with).mode !== 'drill') problems.push(`job ${id} does not run mode drill`);
    if (!/^\$\{\{\s*matrix\.region\s*\}\}$/.test(text(mapOf(job.with).region))) {
      problems.push(`job ${id} does not drill \${{ matrix.region }}`);
    }
    if (strategy['fail-fast'] !== false) problems.push(`job ${id} does not set fail-fast: false`);
    const drilled = listOf(mapOf(strategy.matrix).region).map(text);
    if (sortedList(drilled) !== sortedList(secondaryRegions)) {
      problems.push(
        `drills ${sortedList(drilled)}, but the secondary regions are ${sortedList(secondaryRegions)}`,
      );
    }
  }
  const after = jobsOf(template).filter(
    ([, job]) =>
      job.uses === undefined &&
      drills.every(([id]) => needsOf(job).includes(id)) &&
      text(job.if).includes('always()'),
  );
  if (after.length === 0) problems.push('no job needs every drill and runs always()');
  return problems;
}

/**
 * The drill template's stages (DR adopted stage by stage): the matrix's `stage` entries each name a stage and the
 * accounts and environments it moves, one of them the whole estate; each names only accounts and environments the
 * manifest has; the drill passes them to failover.yml, which declares both inputs.
 */
function drillStageProblems(
  template: YamlMap,
  estate: { accounts: readonly string[]; environments: readonly string[] },
  failoverInputs: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const input of ['accounts', 'environments']) {
    if (!failoverInputs.includes(input)) problems.push(`failover.yml has no input ${input}`);
  }
  const [drill] = jobsOf(template).filter(([, job]) => /\/failover\.ya?ml@/.test(text(job.uses)));
  if (!drill) return [...problems, 'no job calls failover.yml'];
  const [id, job] = drill;
  const stages = listOf(mapOf(mapOf(job.strategy).matrix).stage).map(mapOf);
  if (stages.length === 0) return [...problems, `job ${id} has no matrix of stages`];
  for (const input of ['accounts', 'environments']) {
    if (
      !new RegExp(`^\\$\\{\\{\\s*matrix\\.stage\\.${input}\\s*\\}\\}$`).test(text(mapOf(job.with)[input]))
    ) {
      problems.push(`job ${id} does not pass \${{ matrix.stage.${input} }} as ${input}`);
    }
  }
  const names = (value: unknown) =>
    text(value)
      .split(',')
      .filter((name) => name !== '');
  if (!stages.some((stage) => names(stage.accounts).length === 0 && names(stage.environments).length === 0)) {
    problems.push('no stage drills the whole estate');
  }
  for (const stage of stages) {
    if (text(stage.name) === '') problems.push(`a stage has no name: ${JSON.stringify(stage)}`);
    for (const account of names(stage.accounts)) {
      if (!estate.accounts.includes(account))
        problems.push(`stage ${text(stage.name)}: no account ${account}`);
    }
    for (const environment of names(stage.environments)) {
      if (!estate.environments.includes(environment)) {
        problems.push(`stage ${text(stage.name)}: no environment ${environment}`);
      }
    }
  }
  return problems;
}

// --- The files ---------------------------------------------------------------------------------------------------

const texts = new Map(allFiles.map((file) => [file, readFileSync(file, 'utf8')]));
const documents = new Map(allFiles.map((file) => [file, parseYaml(texts.get(file)!)]));
const reusableWorkflows = new Map(
  workflowFiles
    .filter((file) => 'workflow_call' in mapOf(documents.get(file)!.on))
    .map((file) => [path.basename(file), documents.get(file)!]),
);

/** The manifest the templates are written for: their region lists must be its regions. */
const EXAMPLE_MANIFEST = 'examples/multi-region/layers.yml';
const exampleManifest = parseYaml(readFileSync(EXAMPLE_MANIFEST, 'utf8'));
const exampleRegions = manifestRegions(exampleManifest);
/** The example manifest's accounts and environment names (a list or a map per account). */
const exampleEstate = {
  accounts: Object.keys(mapOf(exampleManifest.accounts)),
  environments: Object.values(mapOf(exampleManifest.accounts)).flatMap((account) => {
    const environments = mapOf(account).environments;
    return Array.isArray(environments) ? environments.map(text) : Object.keys(mapOf(environments));
  }),
};
const FAILOVER_TEMPLATE = path.join(TEMPLATES_DIRECTORY, 'terraform-failover.yml');
const DRILL_TEMPLATE = path.join(TEMPLATES_DIRECTORY, 'terraform-drill.yml');
const FAILOVER_WORKFLOW = path.join(WORKFLOWS_DIRECTORY, 'failover.yml');

/** `text` with `from` replaced by `to`; throws when `from` is not there, so a stale edit cannot pass silently. */
function edited(text: string, from: string | RegExp, to: string): YamlMap {
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) {
    throw new Error(`the text to edit has no ${String(from)}`);
  }
  return parseYaml(text.replace(from, to));
}

const actionlint = findActionlint();

describe(`workflow files (${describeActionlint(actionlint)})`, () => {
  it('include the reusable workflows, the CI workflow and the six templates', () => {
    expect([...reusableWorkflows.keys()].sort()).toEqual([
      'apply.yml',
      'drift.yml',
      'ephemeral.yml',
      'failover.yml',
      'plan.yml',
    ]);
    expect(existsSync(path.join(WORKFLOWS_DIRECTORY, 'ci.yml'))).toBe(true);
    expect(existsSync(path.join(WORKFLOWS_DIRECTORY, 'release.yml'))).toBe(true);
    expect(templateFiles.map((file) => path.basename(file))).toEqual([
      'terraform-drift.yml',
      'terraform-drill.yml',
      'terraform-ephemeral.yml',
      'terraform-failover.yml',
      'terraform-main.yml',
      'terraform-pr.yml',
    ]);
  });

  it.each(allFiles)(`%s passes actionlint ${actionlint.version}`, async (file) => {
    expect(await actionlint.lintFile(file)).toEqual([]);
  });

  it.each(allFiles)("%s passes GitHub's workflow parser", async (file) => {
    const parsed = parseWorkflow({ name: file, content: texts.get(file)! }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).map((error) => error.Message)).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  it('the checks above catch a broken workflow', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(await actionlint.lintText(broken, 'broken.yml')).toEqual([
      expect.stringMatching(/^broken\.yml:6:\d+: property "nope" is not defined .*\[expression\]$/),
    ]);
    const invalid = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    const parsed = parseWorkflow({ name: 'invalid.yml', content: invalid }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().length).toBeGreaterThan(0);
  });

  (actionlint.shellcheck ? it : it.skip)('the checks above run shellcheck on run: scripts', async () => {
    const unquoted =
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          NAME: x\n        run: echo $NAME\n';
    expect(await actionlint.lintText(unquoted, 'unquoted.yml')).toEqual([
      expect.stringMatching(
        /^unquoted\.yml:9:\d+: shellcheck reported issue in this script: SC2086:.*\[shellcheck\]$/,
      ),
    ]);
  });

  (actionlint.source === PINNED_BINARY ? it : it.skip)(
    `${PINNED_BINARY} is the release tools/actionlint/go.mod pins`,
    () => {
      expect(actionlint.version).toBe(pinnedActionlintVersion());
    },
  );
});

describe('workflow rules', () => {
  describe.each(allFiles)('%s', (file) => {
    const workflow = documents.get(file)!;
    it('pins every third-party action to a full commit SHA with a version comment', () => {
      expect(unpinnedUses(workflow)).toEqual([]);
      expect(pinsWithoutVersionComment(texts.get(file)!)).toEqual([]);
    });
    it('puts no ${{ expression in a run script', () => {
      expect(expressionsInRunScripts(workflow)).toEqual([]);
    });
    it('sets permissions explicitly', () => {
      expect(missingPermissions(workflow)).toEqual([]);
    });
    it('never runs on pull_request_target', () => {
      expect(usesPullRequestTarget(workflow)).toEqual([]);
    });
    it('sets timeout-minutes on every job of steps', () => {
      expect(jobsWithoutTimeout(workflow)).toEqual([]);
    });
    it('tells fork and Dependabot pull requests by head and base repositories and by the author', () => {
      expect(pullRequestOriginProblems(texts.get(file)!)).toEqual([]);
    });
  });

  it.each([...reusableWorkflows.keys()])('%s runs on a label or a JSON list of labels', (name) => {
    expect(runsOnProblems(reusableWorkflows.get(name)!)).toEqual([]);
  });

  it.each([...reusableWorkflows.keys()])('%s declares the outputs its callers read', (name) => {
    expect(WORKFLOW_OUTPUTS[name]).toBeDefined();
    expect(workflowOutputProblems(reusableWorkflows.get(name)!, WORKFLOW_OUTPUTS[name]!)).toEqual([]);
  });

  it('ci.yml checks that dist/ is a fresh build; release.yml releases semver tags with notes and the major tag', () => {
    expect(checkDistProblems(documents.get(path.join(WORKFLOWS_DIRECTORY, 'ci.yml'))!)).toEqual([]);
    expect(releaseProblems(documents.get(path.join(WORKFLOWS_DIRECTORY, 'release.yml'))!)).toEqual([]);
  });

  it('Dependabot updates the action pins and npm; CODEOWNERS guards the workflows; SECURITY.md exists', () => {
    expect(dependabotProblems(parseYaml(readFileSync('.github/dependabot.yml', 'utf8')))).toEqual([]);
    expect(codeOwnerProblems(readFileSync('.github/CODEOWNERS', 'utf8'))).toEqual([]);
    expect(readFileSync('SECURITY.md', 'utf8')).toMatch(/## Reporting a vulnerability/);
  });

  it('failover.yml gives the plan job the read role, the apply job the write role, the pull request an App token', () => {
    expect(failoverCredentialProblems(reusableWorkflows.get('failover.yml')!)).toEqual([]);
  });

  it.each([...reusableWorkflows.keys()])('%s has typed, described inputs and secrets', (name) => {
    expect(reusableInterfaceProblems(reusableWorkflows.get(name)!)).toEqual([]);
  });

  it('apply.yml queues applies of one estate instead of overlapping or cancelling them', () => {
    expect(applyConcurrencyProblems(reusableWorkflows.get('apply.yml')!)).toEqual([]);
  });

  it('apply.yml chains stage-1..stage-8 after graph, and reports after all of them', () => {
    const apply = reusableWorkflows.get('apply.yml')!;
    expect(jobsOf(apply).filter(([id]) => STAGE_JOB.test(id))).toHaveLength(8);
    expect(stageProblems(apply)).toEqual([]);
    expect(reportProblems(apply)).toEqual([]);
  });

  it("apply.yml's stage jobs read their legs' instances from the graph job's legs artifact", () => {
    const text = readFileSync(path.join(WORKFLOWS_DIRECTORY, 'apply.yml'), 'utf8');
    expect(legsFileProblems(parseYaml(text))).toEqual([]);
    const withoutDownload = text.replaceAll(
      'name: strata-legs-${{ needs.graph.outputs.estate-key }}',
      'name: strata-legs-other',
    );
    expect(legsFileProblems(parseYaml(withoutDownload))).toContain(
      'stage-3 does not download the legs artifact into work-dir before it runs Strata',
    );
    const byInstances = text.replaceAll('leg: ${{ matrix.leg }}', 'instance: ${{ matrix.instances }}');
    expect(legsFileProblems(parseYaml(byInstances))).toContain(
      'stage-1 does not run its leg (leg: ${{ matrix.leg }}, work-dir: .strata)',
    );
    const noUpload = text.replace('name: strata-legs-${{ steps.estate.outputs.key }}', 'name: legs');
    expect(legsFileProblems(parseYaml(noUpload))).toEqual([
      "the graph job uploads no strata-legs-<estate key> artifact (found 'legs')",
    ]);
  });

  it.each(templateFiles)('%s calls only reusable workflows that exist, as they declare', (file) => {
    expect(templateReferenceProblems(documents.get(file)!, reusableWorkflows)).toEqual([]);
  });

  it.each(templateFiles)('%s grants the reusable workflow it calls what its jobs ask for', (file) => {
    expect(callerPermissionProblems(documents.get(file)!, reusableWorkflows)).toEqual([]);
  });

  it('failover.yml applies only confirmed, unchanged plans, behind an environment, in a group no push cancels, deploys held', () => {
    expect(
      failoverApplyProblems(reusableWorkflows.get('failover.yml')!, reusableWorkflows.get('apply.yml')!),
    ).toEqual([]);
  });

  it('failover.yml and its template offer the failback override ignore-recovery-point, off by default, and pass it to the action', () => {
    expect(
      recoveryPointOverrideProblems(documents.get(FAILOVER_WORKFLOW)!, documents.get(FAILOVER_TEMPLATE)!),
    ).toEqual([]);
  });

  it('apply.yml applies the reviewed plan of the merged pull request on request, and comments the outcome there', () => {
    expect(
      reviewedPlanProblems(reusableWorkflows.get('apply.yml')!, reusableWorkflows.get('plan.yml')!),
    ).toEqual([]);
  });

  it("terraform-failover.yml offers exactly the example manifest's regions", () => {
    expect(exampleRegions.all).toEqual(['eu-west-2', 'eu-west-1']);
    expect(choiceProblems(documents.get(FAILOVER_TEMPLATE)!, 'region', exampleRegions.all)).toEqual([]);
    expect(
      choiceProblems(documents.get(FAILOVER_TEMPLATE)!, 'mode', ['drill', 'failover', 'failback', 'release']),
    ).toEqual([]);
  });

  it('terraform-drill.yml drills every secondary region of the example manifest on a schedule', () => {
    expect(exampleRegions.secondary).toEqual(['eu-west-1']);
    expect(drillTemplateProblems(documents.get(DRILL_TEMPLATE)!, exampleRegions.secondary)).toEqual([]);
  });

  it("terraform-drill.yml drills the whole estate and each stage, of the example manifest's accounts and environments", () => {
    const inputs = Object.keys(
      mapOf(mapOf(mapOf(documents.get(FAILOVER_WORKFLOW)!.on).workflow_call).inputs),
    );
    expect(drillStageProblems(documents.get(DRILL_TEMPLATE)!, exampleEstate, inputs)).toEqual([]);
  });
});

describe('each workflow rule fails on a workflow that breaks it', () => {
  const job = (body: string) =>
    parseYaml(`on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n${body}`);

  it('unpinned actions', () => {
    expect(unpinnedUses(job('    steps:\n      - uses: actions/checkout@v4\n'))).toEqual([
      'job a step 1: actions/checkout@v4 is not pinned to a full commit SHA',
    ]);
    expect(
      unpinnedUses(
        job('    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af6\n'),
      ),
    ).toHaveLength(1);
    expect(
      unpinnedUses(parseYaml('jobs:\n  a:\n    uses: someone/else/.github/workflows/x.yml@main\n')),
    ).toHaveLength(1);
    expect(unpinnedUses(job('    steps:\n      - uses: docker://alpine:3\n'))).toHaveLength(1);
    expect(unpinnedUses(job('    steps:\n      - uses: ./local-action\n'))).toEqual([]);
  });

  it('pins without a version comment', () => {
    const sha = '11bd71901bbe5b1630ceea73d27597364c9af683';
    expect(pinsWithoutVersionComment(`      - uses: actions/checkout@${sha}\n`)).toHaveLength(1);
    expect(pinsWithoutVersionComment(`      - uses: actions/checkout@${sha} # v4\n`)).toHaveLength(1);
    expect(pinsWithoutVersionComment(`      - uses: actions/checkout@${sha} # v4.2.2\n`)).toEqual([]);
  });

  it('expressions in run scripts', () => {
    const bad = job(
      '    steps:\n      - name: greet\n        run: echo "${{ github.event.pull_request.title }}"\n',
    );
    expect(expressionsInRunScripts(bad)).toEqual(['job a step 1 (greet) expands ${{ in run']);
    const good = job(
      '    steps:\n      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n',
    );
    expect(expressionsInRunScripts(good)).toEqual([]);
  });

  it('missing permissions', () => {
    const bad = parseYaml('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: []\n');
    expect(missingPermissions(bad)).toEqual([
      'job a has no permissions, and the workflow has none at the top',
    ]);
    const perJob = parseYaml(
      'on: push\njobs:\n  a:\n    permissions:\n      contents: read\n    steps: []\n',
    );
    expect(missingPermissions(perJob)).toEqual([]);
  });

  it('pull_request_target, in each form of on:', () => {
    expect(usesPullRequestTarget(parseYaml('on: pull_request_target\njobs: {}\n'))).toHaveLength(1);
    expect(usesPullRequestTarget(parseYaml('on: [push, pull_request_target]\njobs: {}\n'))).toHaveLength(1);
    expect(
      usesPullRequestTarget(parseYaml('on:\n  pull_request_target:\n    types: [opened]\njobs: {}\n')),
    ).toHaveLength(1);
    expect(usesPullRequestTarget(parseYaml('on: pull_request\njobs: {}\n'))).toEqual([]);
  });

  it('apply concurrency that cancels or is not per manifest', () => {
    expect(applyConcurrencyProblems(parseYaml('jobs: {}\n'))).toHaveLength(1);
    const cancelling = parseYaml(
      'concurrency:\n  group: apply-${{ inputs.manifest }}\n  cancel-in-progress: true\n',
    );
    expect(applyConcurrencyProblems(cancelling)).toEqual(['cancel-in-progress is not false']);
    const global = parseYaml('concurrency:\n  group: apply\n  cancel-in-progress: false\n');
    expect(applyConcurrencyProblems(global)).toEqual(['the group is not per manifest']);
  });

  it('jobs without timeout-minutes', () => {
    expect(jobsWithoutTimeout(job('    steps: []\n'))).toEqual(['job a has no timeout-minutes']);
    expect(jobsWithoutTimeout(job('    timeout-minutes: 30\n    steps: []\n'))).toEqual([]);
    // A job calling a reusable workflow cannot set it (its jobs do).
    expect(jobsWithoutTimeout(parseYaml('jobs:\n  a:\n    uses: ./.github/workflows/x.yml\n'))).toEqual([]);
  });

  it('runs-on that takes no JSON list of labels', () => {
    expect(runsOnProblems(job('    steps: []\n'))).toEqual([
      "job a runs on 'ubuntu-latest', not the runs-on input as a label or a JSON list",
    ]);
    expect(runsOnProblems(parseYaml('jobs:\n  a:\n    runs-on: ${{ inputs.runs-on }}\n'))).toHaveLength(1);
    expect(runsOnProblems(parseYaml(`jobs:\n  a:\n    runs-on: ${RUNS_ON_LABEL_OR_LIST}\n`))).toEqual([]);
  });

  it('fork pull requests told by head.repo.fork or github.repository, Dependabot by github.actor', () => {
    expect(pullRequestOriginProblems('if: ${{ !github.event.pull_request.head.repo.fork }}')).toEqual([
      'reads head.repo.fork',
    ]);
    expect(
      pullRequestOriginProblems('if: github.event.pull_request.head.repo.full_name == github.repository'),
    ).toHaveLength(1);
    expect(pullRequestOriginProblems("if: github.actor != 'dependabot[bot]'")).toHaveLength(1);
    expect(
      pullRequestOriginProblems(
        "if: github.event.pull_request.head.repo.full_name == github.event.pull_request.base.repo.full_name && github.event.pull_request.user.login != 'dependabot[bot]'",
      ),
    ).toEqual([]);
  });

  it('reusable workflows without the outputs callers read, or with outputs no job sets', () => {
    const workflow = (outputs: string, jobOutputs: string) =>
      parseYaml(
        `on:\n  workflow_call:\n    outputs:\n${outputs}jobs:\n  plan:\n    outputs:\n${jobOutputs}    steps: []\n`,
      );
    const good = workflow(
      '      failed:\n        description: d\n        value: ${{ jobs.plan.outputs.failed }}\n',
      '      failed: ${{ steps.strata.outputs.failed }}\n',
    );
    expect(workflowOutputProblems(good, ['failed'])).toEqual([]);
    expect(workflowOutputProblems(good, ['failed', 'ready'])).toEqual(["no workflow_call output 'ready'"]);
    expect(
      workflowOutputProblems(
        workflow(
          '      failed:\n        value: ${{ jobs.plan.outputs.failed }}\n',
          '      failed: ${{ steps.strata.outputs.failed }}\n',
        ),
        ['failed'],
      ),
    ).toEqual(["output 'failed' has no description"]);
    expect(
      workflowOutputProblems(
        workflow(
          '      failed:\n        description: d\n        value: ${{ jobs.plan.outputs.failed }}\n',
          '      other: x\n',
        ),
        ['failed'],
      ),
    ).toEqual(["output 'failed' reads jobs.plan.outputs.failed, which that job does not set"]);
  });

  it('a failover whose plan job holds the write role, or whose roles pull request has no App token', () => {
    const failover = texts.get(FAILOVER_WORKFLOW)!;
    expect(
      failoverCredentialProblems(
        edited(
          failover,
          /ROLE_TO_ASSUME: \$\{\{ secrets\.plan-role-to-assume \|\| secrets\.role-to-assume \}\}/,
          'ROLE_TO_ASSUME: ${{ secrets.role-to-assume }}',
        ),
      ),
    ).toEqual([
      "the plan job assumes '${{ secrets.role-to-assume }}', not the read-only plan-role-to-assume first",
    ]);
    expect(
      failoverCredentialProblems(
        edited(failover, "if: env.HAS_PLAN_ROLE != 'true'", "if: env.ROLE_TO_ASSUME == 'never'"),
      ),
    ).toEqual(['the plan job does not warn when it falls back to role-to-assume']);
    expect(
      failoverCredentialProblems(
        edited(
          failover,
          'token: ${{ steps.app-token.outputs.token || github.token }}',
          'token: ${{ github.token }}',
        ),
      ),
    ).toEqual(["the roles pull request is not opened with the GitHub App's token"]);
  });

  it('a CI without a dist check, a release that skips a part, upkeep files that miss something', () => {
    const ciText = texts.get(path.join(WORKFLOWS_DIRECTORY, 'ci.yml'))!;
    expect(checkDistProblems(edited(ciText, /run: npm run build\n/, 'run: echo skipped\n'))).toEqual([
      'no job builds dist/ and compares it',
    ]);
    const releaseText = texts.get(path.join(WORKFLOWS_DIRECTORY, 'release.yml'))!;
    expect(releaseProblems(edited(releaseText, /tags: \['v\*'\]/, "branches: ['main']"))).toEqual([
      'does not run on pushed v* tags',
    ]);
    expect(releaseProblems(edited(releaseText, /\(0\|\[1-9\]\[0-9\]\*\)\\\./g, '[0-9]+.'))).toEqual([
      'does not refuse a tag that is not semver',
    ]);
    expect(releaseProblems(edited(releaseText, 'npm run build', 'echo no build'))).toEqual([
      'does not check dist/ before releasing',
    ]);
    expect(releaseProblems(edited(releaseText, 'git describe --tags', 'echo'))).toEqual([
      'does not write the notes from the commits since the previous release',
    ]);
    expect(
      releaseProblems(edited(releaseText, "if: steps.version.outputs.prerelease == 'false'", 'if: always()')),
    ).toEqual(['moves the major tag for pre-releases too']);
    expect(dependabotProblems(parseYaml('version: 2\nupdates:\n  - package-ecosystem: npm\n'))).toEqual([
      'no updates for github-actions',
    ]);
    expect(codeOwnerProblems('# nothing\n/.github/workflows/\n/workflows-templates/ @a/b\n')).toEqual([
      'no owner for /.github/workflows/',
      'no owner for /action.yml',
      'no owner for /dist/',
    ]);
  });

  /** A two-stage apply workflow; `editStage2` and `editRest` break one thing in it. */
  function twoStages(editStage2 = (text: string) => text, editRest = (text: string) => text): YamlMap {
    const stage = (n: number, needs: string) =>
      [
        `  stage-${n}:`,
        `    needs: [${needs}]`,
        `    if: fromJSON(needs.graph.outputs.matrix).stage_count >= ${n}`,
        '    strategy:',
        '      fail-fast: false',
        `      matrix: \${{ fromJSON(needs.graph.outputs.matrix).stages[${n - 1}] }}`,
        '    environment: ${{ matrix.github_environment }}',
        '    steps:',
        `      - run: echo stage ${n}`,
        '',
      ].join('\n');
    const graph =
      "jobs:\n  graph:\n    steps:\n      - uses: ./.strata-action\n        with:\n          command: graph\n          max-stages: '2'\n";
    const report = '  report:\n    needs: [graph, stage-1, stage-2]\n    if: always()\n';
    return parseYaml(
      editRest(graph + stage(1, 'graph') + '@STAGE2@' + report).replace(
        '@STAGE2@',
        editStage2(stage(2, 'graph, stage-1')),
      ),
    );
  }

  it('a well-formed two-stage workflow passes the stage and report rules', () => {
    expect(stageProblems(twoStages())).toEqual([]);
    expect(reportProblems(twoStages())).toEqual([]);
  });

  it('stages that are not chained, guarded, fanned out or in step with the graph', () => {
    const problemsWith = (edit: (text: string) => string) => stageProblems(twoStages(edit));
    expect(problemsWith((t) => t.replace('[graph, stage-1]', '[graph]'))).toContain(
      'stage-2 does not need stage-1',
    );
    expect(problemsWith((t) => t.replace('[graph, stage-1]', '[stage-1]'))).toContain(
      'stage-2 does not need graph',
    );
    expect(problemsWith((t) => t.replace('>= 2', '>= 1'))).toContain(
      'stage-2 does not run only when stage_count >= 2',
    );
    expect(problemsWith((t) => t.replace('stages[1]', 'stages[0]'))).toContain(
      'stage-2 does not fan out over stages[1]',
    );
    expect(problemsWith((t) => t.replace('fail-fast: false', 'fail-fast: true'))).toContain(
      'stage-2 does not set fail-fast: false',
    );
    expect(
      problemsWith((t) =>
        t.replace(
          'environment: ${{ matrix.github_environment }}',
          "environment: ${{ matrix.account || 'global' }}",
        ),
      ),
    ).toContain('stage-2 does not run in the GitHub Environment of its leg (matrix.github_environment)');
    expect(problemsWith((t) => t.replace('echo stage 2', 'echo something else'))).toEqual([
      'stage-2 differs from stage-1 in more than its number',
    ]);
    expect(
      stageProblems(twoStages(undefined, (t) => t.replace("max-stages: '2'", "max-stages: '3'"))),
    ).toEqual(["the graph step's max-stages is '3', but there are 2 stage jobs"]);
    expect(stageProblems(twoStages(undefined, (t) => t.replace('stage-1:', 'stage-3:')))).toContain(
      'stage jobs are not numbered 1..2: found stage-3',
    );
    expect(stageProblems(parseYaml('jobs:\n  graph: {}\n'))).toEqual(['no stage-N jobs']);
  });

  it('a report job that skips a stage or does not always run', () => {
    const withReport = (edit: (text: string) => string) => reportProblems(twoStages(undefined, edit));
    expect(withReport((t) => t.replace('[graph, stage-1, stage-2]', '[graph, stage-1]'))).toEqual([
      'report does not need stage-2',
    ]);
    expect(withReport((t) => t.replace('if: always()', 'if: success()'))).toEqual([
      'report does not run always()',
    ]);
    expect(reportProblems(parseYaml('jobs: {}\n'))).toEqual(['no report job']);
  });

  it('templates calling a missing workflow, or with undeclared or missing inputs and secrets', () => {
    const template = (uses: string, rest = '    with:\n      terraform-version: 1.11.4\n') =>
      parseYaml(`on: pull_request\njobs:\n  a:\n    uses: ${uses}\n${rest}`);
    const ok = '<owner>/strata/.github/workflows/plan.yml@v1';
    expect(templateReferenceProblems(template(ok), reusableWorkflows)).toEqual([]);
    expect(
      templateReferenceProblems(template('<owner>/strata/.github/workflows/nope.yml@v1'), reusableWorkflows),
    ).toEqual(['job a calls nope.yml, which is not a reusable workflow in .github/workflows']);
    expect(
      templateReferenceProblems(template('<owner>/other/.github/workflows/plan.yml@v1'), reusableWorkflows),
    ).toHaveLength(1);
    expect(
      templateReferenceProblems(
        template(ok, '    with:\n      terraform-version: 1\n      colour: red\n'),
        reusableWorkflows,
      ),
    ).toEqual(["job a passes input 'colour', which plan.yml does not declare"]);
    expect(templateReferenceProblems(template(ok, '    with: {}\n'), reusableWorkflows)).toEqual([
      "job a does not pass required input 'terraform-version' of plan.yml",
    ]);
    expect(
      templateReferenceProblems(
        template(ok, '    with:\n      terraform-version: 1\n    secrets: inherit\n'),
        reusableWorkflows,
      ),
    ).toEqual(['job a inherits every secret instead of passing them']);
    expect(
      templateReferenceProblems(
        template(ok, '    with:\n      terraform-version: 1\n    secrets:\n      token: x\n'),
        reusableWorkflows,
      ),
    ).toEqual(["job a passes secret 'token', which plan.yml does not declare"]);
  });

  it('reusable workflows with untyped or undescribed inputs, or without the common ones', () => {
    const bad = parseYaml(
      'on:\n  workflow_call:\n    inputs:\n      manifest:\n        type: string\n        default: x.yml\n    secrets:\n      token: {}\n',
    );
    expect(reusableInterfaceProblems(bad)).toEqual([
      "input 'manifest' has no description",
      "secret 'token' has no description",
      "no input 'terraform-version'",
      "no input 'parallelism'",
      "no input 'working-directory'",
      "input 'manifest' does not default to 'layers.yml'",
    ]);
  });

  it('a template that jobs of steps do not trip, but a call elsewhere still does', () => {
    const withSteps = parseYaml(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
    );
    expect(templateReferenceProblems(withSteps, reusableWorkflows)).toEqual([]);
    expect(
      templateReferenceProblems(
        parseYaml('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n'),
        reusableWorkflows,
      ),
    ).toHaveLength(1);
  });

  it('a template granting less than the called jobs ask for', () => {
    const drill = texts.get(DRILL_TEMPLATE)!;
    expect(
      callerPermissionProblems(edited(drill, '      pull-requests: write\n', ''), reusableWorkflows),
    ).toEqual(['job drill grants pull-requests: none, but job apply of failover.yml asks for write']);
    expect(
      callerPermissionProblems(edited(drill, /contents: write/, 'contents: read'), reusableWorkflows),
    ).toEqual(['job drill grants contents: read, but job apply of failover.yml asks for write']);
    const readAll = edited(
      drill,
      /permissions:\n {6}contents: write\n {6}pull-requests: write\n {6}id-token: write\n {6}actions: read/,
      'permissions: read-all',
    );
    expect(callerPermissionProblems(readAll, reusableWorkflows)).toContain(
      'job drill grants id-token: read, but job plan of failover.yml asks for write',
    );
  });

  it('a failover apply job that is not gated, queued or checked', () => {
    const failover = texts.get(FAILOVER_WORKFLOW)!;
    const apply = reusableWorkflows.get('apply.yml')!;
    const problemsOf = (from: string | RegExp, to: string) =>
      failoverApplyProblems(edited(failover, from, to), apply);
    expect(failoverApplyProblems(parseYaml('jobs: {}\n'), apply)).toEqual(['no apply job']);
    expect(problemsOf('    needs: [plan]\n', '')).toEqual(['apply does not need plan']);
    expect(problemsOf("    if: inputs.mode != 'drill' && inputs.mode != 'release'\n", '')).toEqual([
      "apply does not skip mode 'drill'",
    ]);
    expect(problemsOf('    environment: strata-failover\n', '')).toEqual(['apply has no environment']);
    expect(problemsOf('      group: strata-failover-', '      group: strata-apply-')).toEqual([
      "apply's concurrency group is apply.yml's, where a push cancels a pending failover",
    ]);
    expect(
      problemsOf(
        '      group: strata-failover-${{ github.repository }}-${{ inputs.working-directory }}/${{ inputs.manifest }}',
        '      group: strata-failover-${{ github.repository }}',
      ),
    ).toEqual(["apply's concurrency group is not a failover group per manifest"]);
    expect(problemsOf("          hold-deploys: ${{ inputs.mode != 'drill' }}\n", '')).toEqual([
      "the plan job's dry run does not hold the deploys (hold-deploys) for a real move",
    ]);
    expect(
      problemsOf(
        "hold-deploys: ${{ inputs.mode != 'drill' }}",
        "hold-deploys: ${{ inputs.mode == 'failover' }}",
      ),
    ).toEqual(["the plan job's dry run does not hold the deploys (hold-deploys) for a real move"]);
    expect(problemsOf(/(concurrency:\n {6}group: .*\n {6}cancel-in-progress:) false/, '$1 true')).toEqual([
      "apply's cancel-in-progress is not false",
    ]);
    expect(
      problemsOf('          CONFIRM: ${{ inputs.confirm }}\n          REGION', '          REGION'),
    ).toEqual(["apply's first step does not check inputs.confirm against inputs.region"]);
    expect(
      problemsOf('EXPECTED_SHA256: ${{ needs.plan.outputs.plan-sha256 }}', 'EXPECTED_SHA256: x'),
    ).toEqual(["apply has no step checking the plans' hash against the plan job's"]);
    expect(problemsOf('uses: actions/download-artifact@', 'uses: actions/cache@')).toEqual([
      'apply downloads no plan artifact',
    ]);
    expect(problemsOf('          plan-dir: .strata-failover-plan\n', '')).toEqual([
      'apply does not run the action on the saved plans (plan-dir)',
    ]);
    // The apply job's step; the plan job's release step passes confirm too.
    expect(
      problemsOf(
        /( {10}from-region: .*\n) {10}confirm: \$\{\{ inputs\.confirm \}\}\n(?= {10}# Relative)/,
        '$1',
      ),
    ).toEqual(['the apply step does not pass confirm']);
    expect(problemsOf(' -o -name mocked-upstreams.json', '')).toEqual([
      'the plan job does not put mocked-upstreams.json into the artifact',
    ]);
    expect(
      problemsOf(
        '          if [[ -f "$WORK_DIR/failover-preview.json" ]]; then\n            cp "$WORK_DIR/failover-preview.json" "$PLAN_DIR/failover-preview.json"\n          fi\n',
        '',
      ),
    ).toEqual(['the plan job does not put failover-preview.json into the artifact']);
    // The hash check moved to the end of the job, after the apply.
    const reordered = parseYaml(failover);
    const steps = mapOf(mapOf(reordered.jobs).apply).steps as YamlMap[];
    const index = steps.findIndex((step) => step.name === 'Check the preview and plans are the ones planned');
    expect(index).toBeGreaterThan(0);
    steps.push(...steps.splice(index, 1));
    expect(failoverApplyProblems(reordered, apply)).toEqual([
      'the hash check does not come between the download and the apply',
    ]);
    expect(
      problemsOf(
        'sort -z | xargs -0 -r sha256sum | sha256sum | cut -d\' \' -f1)"\n          if [[ ! "$EXPECTED',
        'sort -z | xargs -0 -r sha256sum | sha256sum | cut -c1-12)"\n          if [[ ! "$EXPECTED',
      ),
    ).toEqual(['the plan job does not compute the hash as the apply job checks it']);
  });

  it('a failback override that is not declared, checked or passed on', () => {
    const failover = texts.get(FAILOVER_WORKFLOW)!;
    const template = texts.get(FAILOVER_TEMPLATE)!;
    const problemsOf = (from: string | RegExp, to: string) =>
      recoveryPointOverrideProblems(edited(failover, from, to), documents.get(FAILOVER_TEMPLATE)!);
    expect(problemsOf(/(ignore-recovery-point:\n(?: {8}.*\n)*? {8}default:) false/, '$1 true')).toEqual([
      'failover.yml has no boolean input ignore-recovery-point defaulting to false',
    ]);
    expect(problemsOf('          IGNORE_RECOVERY_POINT: ${{ inputs.ignore-recovery-point }}\n', '')).toEqual([
      'the input check does not refuse ignore-recovery-point outside mode failback (through env)',
    ]);
    expect(problemsOf('"$IGNORE_RECOVERY_POINT" == true && "$MODE" != failback', 'false')).toEqual([
      'the input check does not refuse ignore-recovery-point outside mode failback (through env)',
    ]);
    expect(
      problemsOf(/( {10}replica-check: .*\n(?: {10}#.*\n)?) {10}ignore-recovery-point: .*\n/, '$1'),
    ).toEqual(['the dry run step does not pass inputs.ignore-recovery-point to the action']);
    expect(problemsOf(/( {10}write-manifest: 'true'\n) {10}ignore-recovery-point: .*\n/, '$1')).toEqual([
      'the apply step does not pass inputs.ignore-recovery-point to the action',
    ]);
    const templateProblemsOf = (from: string, to: string) =>
      recoveryPointOverrideProblems(documents.get(FAILOVER_WORKFLOW)!, edited(template, from, to));
    expect(
      templateProblemsOf('      ignore-recovery-point: ${{ inputs.ignore-recovery-point }}\n', ''),
    ).toEqual(['the failover template does not pass inputs.ignore-recovery-point to failover.yml']);
    expect(templateProblemsOf('        type: boolean\n', '        type: string\n')).toEqual([
      'the failover template has no boolean input ignore-recovery-point defaulting to false',
    ]);
  });

  it('an apply of the reviewed plan that fetches it loosely, grants too much, or does not pass it on', () => {
    const applyText = texts.get(path.join(WORKFLOWS_DIRECTORY, 'apply.yml'))!;
    const plan = reusableWorkflows.get('plan.yml')!;
    const problemsWith = (from: string | RegExp, to: string) =>
      reviewedPlanProblems(edited(applyText, from, to), plan);
    expect(problemsWith('          digest-mismatch: error\n', '')).toEqual([
      'the plan download does not fail on a digest mismatch',
    ]);
    expect(problemsWith('          github-token: ${{ github.token }}\n', '')).toEqual([
      'the plan download has no github-token',
    ]);
    expect(
      problemsWith(
        'const artifact = process.env.ARTIFACT;',
        "const artifact = 'strata-plan-${{ steps.estate.outputs.key }}';",
      ),
    ).toEqual(['the pull request look-up expands ${{ in its script']);
    expect(problemsWith(/( {2}stage-3:\n(?:.*\n)*? {4}permissions:\n)/, '$1      actions: read\n')).toEqual([
      'job stage-3 holds actions: read',
    ]);
    expect(
      problemsWith(
        /( {2}stage-2:\n(?:.*\n)*? {6}- name: Download the reviewed plan\n {8}if: )inputs\.reviewed-plan/,
        '$1always()',
      ),
    ).toEqual(['stage-2 does not download the reviewed plan with reviewed-plan']);
    expect(problemsWith(/( {2}stage-8:\n(?:.*\n)*?) {10}stale-plans: .*\n/, '$1')).toEqual([
      'stage-8 does not pass stale-plans',
    ]);
    expect(problemsWith('          pull-request: ${{ needs.graph.outputs.pull-request }}\n', '')).toEqual([
      'the report does not comment on the pull request the graph found',
    ]);
    expect(
      reviewedPlanProblems(
        reusableWorkflows.get('apply.yml')!,
        edited(texts.get(path.join(WORKFLOWS_DIRECTORY, 'plan.yml'))!, /.*reviewed-plan\.json\n/, ''),
      ),
    ).toEqual(['plan.yml does not put reviewed-plan.json into its artifact']);
  });

  it("a failover template whose choices are not the manifest's regions", () => {
    const template = texts.get(FAILOVER_TEMPLATE)!;
    const regions = exampleRegions.all;
    expect(choiceProblems(edited(template, '          - eu-west-1\n', ''), 'region', regions)).toEqual([
      "input 'region' offers [eu-west-2], expected [eu-west-1, eu-west-2]",
    ]);
    expect(
      choiceProblems(
        edited(template, '          - eu-west-1\n', '          - eu-west-1\n          - us-east-1\n'),
        'region',
        regions,
      ),
    ).toHaveLength(1);
    expect(choiceProblems(edited(template, /type: choice/, 'type: string'), 'region', regions)).toEqual([
      "input 'region' is not a choice",
    ]);
    expect(choiceProblems(parseYaml('on:\n  workflow_dispatch: {}\n'), 'region', regions)).toEqual([
      "no workflow_dispatch input 'region'",
    ]);
  });

  it('a drill template that is not scheduled, misses a region, is not one matrix job, or has no issue job after it', () => {
    const template = texts.get(DRILL_TEMPLATE)!;
    const secondary = exampleRegions.secondary;
    expect(drillTemplateProblems(edited(template, / {2}schedule:\n {4}- cron: .*\n/, ''), secondary)).toEqual(
      ['does not run on a schedule'],
    );
    expect(drillTemplateProblems(edited(template, /- cron: .*/, '- {}'), secondary)).toEqual([
      'the schedule has no cron',
    ]);
    expect(drillTemplateProblems(parseYaml(template), ['eu-west-1', 'us-east-1'])).toEqual([
      'drills [eu-west-1], but the secondary regions are [eu-west-1, us-east-1]',
    ]);
    expect(
      drillTemplateProblems(edited(template, '      mode: drill\n', '      mode: failover\n'), secondary),
    ).toEqual(['job drill does not run mode drill']);
    expect(drillTemplateProblems(edited(template, '    if: always()\n', ''), secondary)).toEqual([
      'no job needs every drill and runs always()',
    ]);
    expect(drillTemplateProblems(edited(template, '    needs: [drill]\n', ''), secondary)).toEqual([
      'no job needs every drill and runs always()',
    ]);
    expect(
      drillTemplateProblems(
        edited(template, '      region: ${{ matrix.region }}\n', '      region: eu-west-1\n'),
        secondary,
      ),
    ).toEqual(['job drill does not drill ${{ matrix.region }}']);
    expect(drillTemplateProblems(edited(template, '      fail-fast: false\n', ''), secondary)).toEqual([
      'job drill does not set fail-fast: false',
    ]);
    // The shape older actionlint forced: one job per region, with no matrix.
    const perRegion = edited(
      template
        .replace('      region: ${{ matrix.region }}\n', '      region: eu-west-1\n')
        .replace('    needs: [drill]\n', '    needs: [drill-eu-west-1]\n'),
      / {2}drill:\n {4}name: .*\n {4}strategy:\n(?: {6}.*\n)+/,
      '  drill-eu-west-1:\n    name: Drill eu-west-1\n',
    );
    expect(drillTemplateProblems(perRegion, secondary)).toEqual([
      'job drill-eu-west-1 does not drill ${{ matrix.region }}',
      'job drill-eu-west-1 does not set fail-fast: false',
      'drills [], but the secondary regions are [eu-west-1]',
    ]);
    const twice = parseYaml(template);
    const jobs = mapOf(twice.jobs);
    jobs['drill-again'] = jobs.drill;
    mapOf(jobs.issue).needs = ['drill', 'drill-again'];
    expect(drillTemplateProblems(twice, secondary)).toEqual([
      '2 jobs call failover.yml, expected one with a matrix over the regions',
    ]);
  });

  it('a drill template whose stages are not passed on, miss the whole estate, or name what the manifest has not', () => {
    const template = texts.get(DRILL_TEMPLATE)!;
    const inputs = ['accounts', 'environments'];
    expect(drillStageProblems(parseYaml(template), exampleEstate, ['region'])).toEqual([
      'failover.yml has no input accounts',
      'failover.yml has no input environments',
    ]);
    expect(
      drillStageProblems(
        edited(template, '      accounts: ${{ matrix.stage.accounts }}\n', ''),
        exampleEstate,
        inputs,
      ),
    ).toEqual(['job drill does not pass ${{ matrix.stage.accounts }} as accounts']);
    expect(
      drillStageProblems(
        edited(template, "          - { name: estate, accounts: '', environments: '' }\n", ''),
        exampleEstate,
        inputs,
      ),
    ).toEqual(['no stage drills the whole estate']);
    expect(
      drillStageProblems(
        edited(template, 'environments: staging }', 'environments: stagign }'),
        exampleEstate,
        inputs,
      ),
    ).toEqual(['stage preproduction: no environment stagign']);
    expect(
      drillStageProblems(edited(template, / {8}stage:\n(?: {10}- .*\n)+/, ''), exampleEstate, inputs),
    ).toEqual(['job drill has no matrix of stages']);
  });
});
