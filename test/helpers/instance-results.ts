import { instanceFromFile, type InstanceResultFile } from '../../src/core/result-file.js';
import type { InstanceResult } from '../../src/core/run-result.js';

/**
 * An instance's result built as its result file writes it and read back through the one reader, so a test
 * states only the fields it cares about and still gets a result that is valid for its status. By default a
 * region instance that succeeded in one second with no changes; timing is left out for statuses that have none.
 */
export function instanceResult(id: string, fields: Partial<InstanceResultFile> = {}): InstanceResult {
  const status = fields.status ?? 'succeeded';
  const timed = status === 'succeeded' || status === 'failed';
  return instanceFromFile(
    {
      id,
      layer: id.split('/').at(-1) ?? id,
      scope: 'region',
      account: 'a',
      region: 'r1',
      environment: null,
      status,
      step: null,
      startedAt: timed ? '2026-01-01T00:00:00.000Z' : null,
      finishedAt: timed ? '2026-01-01T00:00:01.000Z' : null,
      durationMs: timed ? 1000 : null,
      changes: null,
      resourceChanges: [],
      error: null,
      reason: null,
      timedOut: false,
      mockedUpstreams: [],
      planFile: null,
      ...fields,
    },
    id,
  );
}
