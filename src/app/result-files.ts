import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readResultFile } from '../adapters/result-file-store.js';
import { resultFileText } from '../core/result-file.js';
import type { RunResult } from '../core/run-result.js';
import { instanceDirectoryName } from '../engine/work-directory.js';

/**
 * A run's report files, in a folder a workflow uploads as an artifact: the result JSON, named after the
 * instances it covers so that matrix jobs never overwrite each other's, and each instance's masked plan text.
 * The `report` command reads such folders back, merged into one.
 */
export async function writeReportFiles(
  directory: string,
  run: RunResult,
  plans: ReadonlyMap<string, string>,
) {
  const ids = run.instances.map((instance) => instance.id).join('\n');
  const file = path.join(
    directory,
    `result-${createHash('sha256').update(ids).digest('hex').slice(0, 12)}.json`,
  );
  await mkdir(path.join(directory, 'plans'), { recursive: true });
  await writeFile(file, resultFileText(run));
  for (const [id, text] of plans) {
    await writeFile(path.join(directory, 'plans', `${instanceDirectoryName(id)}.txt`), text);
  }
  return file;
}

/** The report files in `directory`, read back; none when there is no such folder (no job uploaded any). */
export async function readReportFiles(
  directory: string,
): Promise<{ results: RunResult[]; plans: Map<string, string> }> {
  const names = (await readdir(directory).catch(noFolder)).filter((name) => name.endsWith('.json')).sort();
  const results: RunResult[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    results.push(await readResultFile(file, file));
  }
  const plans = new Map<string, string>();
  for (const result of results) {
    for (const instance of result.instances) {
      try {
        plans.set(
          instance.id,
          await readFile(path.join(directory, 'plans', `${instanceDirectoryName(instance.id)}.txt`), 'utf8'),
        );
      } catch {
        // No plan text for this instance (it never planned).
      }
    }
  }
  return { results, plans };
}

function noFolder(error: unknown): string[] {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
}
