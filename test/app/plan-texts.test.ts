import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPlanTexts } from '../../src/app/plan-texts.js';
import type { RunResult } from '../../src/core/run-result.js';
import { instanceDirectory } from '../../src/engine/work-directory.js';
import { createRedactor } from '../../src/terraform/redact.js';
import { instanceResult } from '../helpers/instance-results.js';
import { scratchDir } from '../helpers/scratch.js';

function planRun(ids: string[]): RunResult {
  return {
    version: 1,
    command: 'plan',
    status: 'succeeded',
    manifest: 'layers.yml',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:05.000Z',
    durationMs: 5000,
    terraform: { binary: 'tofu', version: '1.12.6' },
    parallelism: 2,
    hasChanges: true,
    instances: ids.map((id) => instanceResult(id)),
  };
}

function writePlanLog(workDirectory: string, id: string, text: string): void {
  const directory = instanceDirectory(workDirectory, id);
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'plan.log'), text);
}

describe('readPlanTexts', () => {
  it('reads each instance’s plan log, masked, and leaves out instances that have none', async () => {
    const workDirectory = scratchDir('plan-texts-');
    writePlanLog(workDirectory, 'prod/eu-west-1/network', 'password = "hunter2-secret"\nPlan: 1 to add.\n');
    const texts = await readPlanTexts({
      run: planRun(['prod/eu-west-1/network', 'prod/eu-west-1/app']),
      workDirectory,
      redactor: createRedactor(['hunter2-secret']),
    });
    expect([...texts]).toEqual([['prod/eu-west-1/network', 'password = "***"\nPlan: 1 to add.\n']]);
  });

  it('cuts a log longer than it reads at a line end and says how much more the log holds', async () => {
    const workDirectory = scratchDir('plan-texts-');
    const line = `${'x'.repeat(99)}\n`;
    const log = line.repeat(6000); // 600,000 bytes: more than the 512 KiB read
    writePlanLog(workDirectory, 'prod/eu-west-1/network', log);
    const texts = await readPlanTexts({
      run: planRun(['prod/eu-west-1/network']),
      workDirectory,
      redactor: createRedactor(),
    });
    const text = texts.get('prod/eu-west-1/network') ?? '';
    const kept = Math.floor((512 * 1024) / line.length) * line.length;
    expect(text).toBe(`${log.slice(0, kept)}… (${String(log.length - 512 * 1024)} more bytes in the log)\n`);
  });
});
