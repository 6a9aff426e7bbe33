import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SIZES, syntheticManifest } from '../../bench/synthetic-estate.js';
import { idListOutput } from '../../src/action/outputs.js';
import { expandManifest } from '../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../src/core/manifest/parse-manifest.js';
import { computeMatrix, MAX_JOBS_PER_MATRIX } from '../../src/core/matrix/compute-matrix.js';
import { githubEnvironmentNamer } from '../../src/core/matrix/github-environment.js';
import { matrixLegs, matrixOutput } from '../../src/core/matrix/matrix-output.js';
import { dagOfGraph } from '../../src/core/schedule/dag.js';
import { STAGE_COUNT } from '../../scripts/apply-stage-jobs.js';

/**
 * GitHub's limit: "Outputs can be a maximum of 1 MB per job. The total of all outputs in a workflow run can be a
 * maximum of 50 MB. Size is approximated based on UTF-16 encoding." (docs: Passing information between jobs).
 * A job over it fails. Checked here on the 100k-instance estate that the README's performance figures quote.
 */
const JOB_OUTPUTS_LIMIT_BYTES = 1024 * 1024;
const utf16Bytes = (value: string) => value.length * 2;

const size100k = SIZES.find((size) => size.label === '100k')!;
// Every environment of an account in the account's GitHub Environment: 180 of them, so every stage fits
// GitHub's 256 jobs (with one GitHub Environment per account and environment, 2,880, `graph` refuses).
const parsed = parseManifest(syntheticManifest(size100k, 'warm_standby', 'per-account'), 'layers.yml');
const graph = expandManifest(parsed);
const ids = graph.instances.map((instance) => instance.id);
const matrix = computeMatrix(graph, dagOfGraph(graph), {
  maxStages: STAGE_COUNT,
  roleToAssume: (account) => `arn:aws:iam::100000000000:role/strata-deploy-${account}`,
  githubEnvironment: githubEnvironmentNamer(parsed.manifest),
});

/**
 * The longest value each job output of the reusable workflows can take at 100k instances. An output missing here
 * fails the test below: size it before adding it.
 */
const LONGEST_OUTPUT: Readonly<Record<string, string>> = {
  matrix: JSON.stringify(matrixOutput(matrix)),
  // Every instance failed or skipped (the first one failed).
  failed: idListOutput(ids),
  'has-changes': 'false',
  ready: 'false',
  'recovery-seconds': '86400',
  'plan-sha256': 'f'.repeat(64),
  artifact: `strata-failover-plans-${'k'.repeat(12)}-${'9'.repeat(12)}`,
  // GitHub allows 39 characters for an owner and 100 for a repository.
  'strata-repository': `${'o'.repeat(39)}/${'r'.repeat(100)}`,
  'strata-sha': 'a'.repeat(40),
  'estate-key': 'k'.repeat(12),
  // The merged pull request's number.
  'pull-request': String(Number.MAX_SAFE_INTEGER),
  // The failover's accounts and environments inputs, named: GitHub caps a dispatch's inputs at 65,535 characters.
  scope: `accounts ${'a'.repeat(65_535)}`,
};

const WORKFLOWS = '.github/workflows';
const jobsWithOutputs = readdirSync(WORKFLOWS)
  .filter((name) => name.endsWith('.yml'))
  .flatMap((name) => {
    const workflow = parse(readFileSync(path.join(WORKFLOWS, name), 'utf8')) as {
      jobs?: Record<string, { outputs?: Record<string, string> }>;
    };
    return Object.entries(workflow.jobs ?? {})
      .filter(([, job]) => job.outputs !== undefined)
      .map(([id, job]) => ({ where: `${name} job ${id}`, outputs: Object.keys(job.outputs ?? {}) }));
  });

describe(`job outputs at ${ids.length} instances, against GitHub's ${JOB_OUTPUTS_LIMIT_BYTES}-byte limit`, () => {
  it('the estate is large enough to matter: its instance ids alone are over the limit', () => {
    expect(ids.length).toBeGreaterThan(100_000);
    expect(utf16Bytes(ids.join(','))).toBeGreaterThan(JOB_OUTPUTS_LIMIT_BYTES);
    // The matrix as it was before the legs file: every leg listing its instances.
    expect(utf16Bytes(JSON.stringify(matrix))).toBeGreaterThan(JOB_OUTPUTS_LIMIT_BYTES);
  });

  it.each(jobsWithOutputs)('$where: all its outputs fit', ({ outputs }) => {
    const unsized = outputs.filter((name) => LONGEST_OUTPUT[name] === undefined);
    expect(unsized).toEqual([]);
    const total = outputs.reduce((sum, name) => sum + utf16Bytes(LONGEST_OUTPUT[name]!), 0);
    expect(total).toBeLessThanOrEqual(JOB_OUTPUTS_LIMIT_BYTES);
  });

  it("apply.yml's graph job outputs the matrix, which must fit with room to spare", () => {
    expect(jobsWithOutputs.find((job) => job.where === 'apply.yml job graph')?.outputs).toContain('matrix');
    // Half the limit: a manifest with longer names or role ARNs must not tip it over.
    expect(utf16Bytes(LONGEST_OUTPUT.matrix!)).toBeLessThan(JOB_OUTPUTS_LIMIT_BYTES / 2);
  });

  it('every stage fits one matrix, and the legs file lists every instance once, under its leg', () => {
    const output = matrixOutput(matrix);
    expect(output.stage_count).toBeGreaterThan(1);
    expect(output.stage_count).toBeLessThanOrEqual(STAGE_COUNT);
    for (const stage of output.stages) expect(stage.include.length).toBeLessThanOrEqual(MAX_JOBS_PER_MATRIX);
    const legs = matrixLegs(matrix).legs;
    const listed = output.stages.flatMap((stage) =>
      stage.include.flatMap((job) => {
        const leg = legs[job.leg]!;
        expect(leg.github_environment).toBe(job.github_environment);
        return leg.instances;
      }),
    );
    expect(listed.length).toBe(ids.length);
    expect(new Set(listed)).toEqual(new Set(ids));
  });

  it("with a GitHub Environment per account and environment, the 100k matrix is refused, naming GitHub's limit and the fix", () => {
    const named = parseManifest(syntheticManifest(size100k, 'warm_standby', 'per-environment'), 'layers.yml');
    const big = expandManifest(named);
    const attempt = () =>
      computeMatrix(big, dagOfGraph(big), {
        maxStages: STAGE_COUNT,
        roleToAssume: () => null,
        githubEnvironment: githubEnvironmentNamer(named.manifest),
      });
    // The README's Performance section quotes these figures.
    expect(attempt).toThrow(
      /^Stage 5 needs 3060 jobs, .* but GitHub runs at most 256 jobs from one matrix\. To fit, name fewer GitHub Environments per account .* makes as few as 180 jobs\)/,
    );
    expect(matrix.stages.flatMap((stage) => stage.include)).toHaveLength(1130);
  });

  it('the failed output keeps the ids that fit and counts the rest', () => {
    const failed = LONGEST_OUTPUT.failed!;
    expect(failed.length).toBeLessThanOrEqual(100_000);
    const shown = failed.split(',');
    const more = Number(/^\+(\d+) more$/.exec(shown.pop()!)?.[1]);
    expect(shown).toEqual(ids.slice(0, shown.length));
    expect(shown.length + more).toBe(ids.length);
    expect(idListOutput(ids.slice(0, 3))).toBe(ids.slice(0, 3).join(','));
  });
});
