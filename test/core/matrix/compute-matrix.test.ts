import { describe, expect, it } from '@jest/globals';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { computeMatrix } from '../../../src/core/matrix/compute-matrix.js';
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

describe('computeMatrix', () => {
  const graph = expandManifest(parseManifest(EXAMPLE_MANIFEST, 'layers.yml'));
  const dag = dagOfGraph(graph);
  const dependsOn = (id: string) => dag.dependsOn.get(id) ?? [];

  it('makes one stage per wave and one job per instance, with the fields a job needs', () => {
    const matrix = computeMatrix(graph, dag, { maxStages: 8, roleToAssume: roles });
    expect(matrix.stage_count).toBe(3);
    expect(matrix.stages.map((stage) => stage.include.length)).toEqual([3, 4, 7]);
    expect(matrix.stages[0]!.include.find((job) => job.instances === 'prod/iam')).toEqual({
      job: 'prod/iam',
      instances: 'prod/iam',
      account: 'prod',
      account_id: '222222222222',
      region: '',
      environment: '',
      layer: 'iam',
      role_to_assume: 'arn:aws:iam::222222222222:role/ci',
    });
    expect(respectsEdges(matrix, dependsOn)).toBe(true);
  });

  it('past maxStages, the remaining waves share the last stage, dependent instances in one job', () => {
    const matrix = computeMatrix(graph, dag, { maxStages: 2, roleToAssume: roles });
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

  it('never puts more than the job limit in one stage, packing jobs of one account together', () => {
    const environments = Array.from({ length: 30 }, (_, index) => `e${index}`).join(', ');
    const big = expandManifest(
      parseManifest(
        manifestWithLayers('  - { name: app, scope: environment, path: app }\n').replace(
          'environments: [e1, e2]',
          `environments: [${environments}]`,
        ),
        'layers.yml',
      ),
    );
    const matrix = computeMatrix(big, dagOfGraph(big), {
      maxStages: 8,
      roleToAssume: () => null,
      maxJobsPerStage: 16,
    });
    expect(big.instances).toHaveLength(60);
    expect(matrix.stages[0]!.include).toHaveLength(15);
    expect(matrix.stages[0]!.include.flatMap((job) => job.instances.split(','))).toHaveLength(60);
    expect(matrix.stages[0]!.include[0]).toMatchObject({ job: 'a/r1/e0/app +3', account: 'a', region: 'r1' });
  });
});
