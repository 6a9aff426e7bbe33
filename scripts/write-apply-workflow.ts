// Writes the stage jobs of .github/workflows/apply.yml from their one template (`npm run workflows`); a test fails
// when the committed file differs, so the eight copies never drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { withStageJobs } from './apply-stage-jobs.js';

const workflow = new URL('../.github/workflows/apply.yml', import.meta.url);
writeFileSync(workflow, withStageJobs(readFileSync(workflow, 'utf8')));
