import { open } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../core/run-result.js';
import { instanceDirectoryName } from '../engine/work-directory.js';
import type { Redactor } from '../terraform/redact.js';

/** What a finished run leaves for its reports: its result, where its logs are, and what to mask in them. */
export interface FinishedRun {
  run: RunResult;
  workDirectory: string;
  redactor: Redactor;
}

/** How much of one instance's plan text reports read: summaries and comments are cut far below this anyway. */
const PLAN_TEXT_LIMIT = 512 * 1024;

/** Each instance's plan text as Terraform printed it (the plan step's log), masked and cut at a sane size. */
export async function readPlanTexts(executed: FinishedRun): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const instance of executed.run.instances) {
    const logFile = path.join(
      executed.workDirectory,
      'instances',
      instanceDirectoryName(instance.id),
      'plan.log',
    );
    let handle;
    try {
      handle = await open(logFile);
    } catch {
      continue;
    }
    try {
      const buffer = Buffer.alloc(PLAN_TEXT_LIMIT);
      const { bytesRead } = await handle.read(buffer, 0, PLAN_TEXT_LIMIT, 0);
      const { size } = await handle.stat();
      let text = buffer.subarray(0, bytesRead).toString('utf8');
      if (size > bytesRead)
        text = `${text.slice(0, text.lastIndexOf('\n') + 1)}… (${size - bytesRead} more bytes in the log)\n`;
      texts.set(instance.id, executed.redactor.redact(text));
    } finally {
      await handle.close();
    }
  }
  return texts;
}
