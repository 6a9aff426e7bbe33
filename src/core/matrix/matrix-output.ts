import type { Matrix, MatrixJob } from './compute-matrix.js';

/**
 * GitHub caps a job's outputs at 1 MB in all (counted in UTF-16, so 2 bytes a character), and a 100k-instance
 * matrix lists 7 MB of instance ids. The `matrix` output therefore carries only what the stage jobs' YAML reads
 * before the action runs; the instances of each leg, and its other fields, go to the legs file, which the graph
 * job uploads as an artifact and each stage job downloads and reads by `leg`.
 */
export type MatrixOutputJob = Pick<
  MatrixJob,
  'job' | 'leg' | 'github_environment' | 'region' | 'role_to_assume'
>;

export interface MatrixOutput {
  stage_count: number;
  stages: { include: MatrixOutputJob[] }[];
}

/** The legs file: every leg of the matrix by its key, with its instances as a list. */
export interface MatrixLegs {
  version: 1;
  legs: Record<string, Omit<MatrixJob, 'instances'> & { instances: string[] }>;
}

export function matrixOutput(matrix: Matrix): MatrixOutput {
  return {
    stage_count: matrix.stage_count,
    stages: matrix.stages.map((stage) => ({
      include: stage.include.map(({ job, leg, github_environment, region, role_to_assume }) => ({
        job,
        leg,
        github_environment,
        region,
        role_to_assume,
      })),
    })),
  };
}

export function matrixLegs(matrix: Matrix): MatrixLegs {
  const legs: MatrixLegs['legs'] = {};
  for (const stage of matrix.stages) {
    for (const job of stage.include) legs[job.leg] = { ...job, instances: job.instances.split(',') };
  }
  return { version: 1, legs };
}
