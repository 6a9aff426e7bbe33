import { readResultFile } from '../../adapters/result-file-store.js';
import { UsageError } from '../../core/errors.js';
import type { RunResult } from '../../core/run-result.js';

/** The last failover's result file (`history`), whose durations estimate a drill's recovery time. */
export function readHistory(file: string): Promise<RunResult> {
  return readResultFile(
    file,
    file,
    (message) => new UsageError((name) => `${name('history')}: cannot read '${file}': ${message}`),
  );
}
