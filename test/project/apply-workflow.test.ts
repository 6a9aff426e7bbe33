import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import {
  BEGIN_MARKER,
  END_MARKER,
  renderStageJobs,
  STAGE_COUNT,
  withStageJobs,
} from '../../scripts/apply-stage-jobs.js';

const APPLY = '.github/workflows/apply.yml';

async function prettierYaml(text: string): Promise<string> {
  return format(text, { ...((await resolveConfig(APPLY)) ?? {}), parser: 'yaml' });
}

describe('apply.yml', () => {
  const workflow = readFileSync(APPLY, 'utf8');

  it('has the stage jobs of scripts/apply-stage-jobs.ts (run `npm run workflows` and commit apply.yml)', async () => {
    expect(workflow).toBe(await prettierYaml(withStageJobs(workflow)));
  });

  it('gets from the script exactly what Prettier would leave, so `prettier --check .` passes on it', async () => {
    const written = withStageJobs(workflow);
    expect(written).toBe(await prettierYaml(written));
  });

  it('has the stage jobs, and only them, between its markers', () => {
    const region = workflow.slice(workflow.indexOf(BEGIN_MARKER), workflow.indexOf(END_MARKER));
    const stageIds = Array.from({ length: STAGE_COUNT }, (_, index) => `stage-${index + 1}`);
    const jobIds = (text: string) => Object.keys((parse(`jobs:\n${text}`) as { jobs: object }).jobs);
    expect(jobIds(region)).toEqual(stageIds);
    expect(jobIds(renderStageJobs())).toEqual(stageIds);
  });

  it('is told apart from a hand-edited copy, and a file without the markers is refused', () => {
    const edited = workflow.replace('stages[2]', 'stages[1]');
    expect(edited).not.toBe(workflow);
    expect(withStageJobs(edited)).toBe(withStageJobs(workflow));
    expect(withStageJobs(edited)).not.toBe(edited);
    expect(() => withStageJobs(workflow.replace(END_MARKER, '  # the end'))).toThrow(
      /apply\.yml lacks the marker lines/,
    );
  });
});
