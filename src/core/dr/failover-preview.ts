import { parsedJsonOrReason } from '../json-text.js';
import { getOrThrow } from '../lookup.js';
import { progressOf, type RunResult } from '../run-result.js';
import { waitedOnUpstream } from '../upstream-wait.js';

/** The file a failover (or failback) dry run writes beside its saved plans, and its apply reads back. */
export const FAILOVER_PREVIEW_FILE = 'failover-preview.json';

/** One resource change of a preview: Terraform's address and Strata's action (`create`, `replace`, …). */
export interface PreviewChange {
  address: string;
  action: string;
}

/** What the preview shows for one instance of the failover. */
export interface PreviewEntry {
  id: string;
  /**
   * `planned`: its plan is in the preview. `deferred`: it could not be planned before the failover because an
   * upstream that the failover itself creates has no state yet (and no mock outputs); it is planned during the
   * failover, where only creates, in-place changes and reads pass without a new preview.
   */
  state: 'planned' | 'deferred';
  changes: PreviewChange[];
  /** Upstreams whose mock outputs stood in for real ones in its plan: values that may differ at apply. */
  mockedUpstreams: string[];
  /** For a deferred instance: the upstreams of the failover it waits on. */
  waitsOn: string[];
}

/** What the approver of a failover approves: every instance it touches and what its plan does. */
export interface FailoverPreview {
  version: 1;
  mode: 'failover' | 'failback';
  from: string;
  to: string;
  instances: PreviewEntry[];
}

/**
 * The preview of a dry run: every instance of the failover, planned or deferred; `complete` says whether it can
 * be applied, i.e. every instance either planned or waits only on upstreams of the failover that planned.
 * `problems` lists the instances that stop it (a failed plan, an unreachable backend).
 */
export function buildFailoverPreview(
  run: RunResult,
  move: { mode: 'failover' | 'failback'; from: string; to: string },
): { preview: FailoverPreview; complete: boolean; problems: string[] } {
  const inRun = new Set(run.instances.map((instance) => instance.id));
  const byId = new Map(run.instances.map((instance) => [instance.id, instance]));
  const problems: string[] = [];
  const instances = run.instances.map((instance): PreviewEntry => {
    const base = { id: instance.id, mockedUpstreams: [...(progressOf(instance)?.mockedUpstreams ?? [])] };
    if (instance.status === 'succeeded') {
      return {
        ...base,
        state: 'planned',
        changes: instance.resourceChanges.map(({ address, action }) => ({ address, action })),
        waitsOn: [],
      };
    }
    return { ...base, state: 'deferred', changes: [], waitsOn: waitsOnOf(instance.id) };
  });
  // A deferred instance is fine when what it waits on is in the failover and planned (or deferred in turn).
  function waitsOnOf(id: string): string[] {
    const instance = getOrThrow(byId, id, 'an instance of the run');
    const waited = instance.status === 'skipped' ? waitedOnUpstream(instance.reason) : undefined;
    if (waited === undefined || !inRun.has(waited)) return [];
    return [waited];
  }
  const deferredOk = (entry: PreviewEntry, seen = new Set<string>()): boolean => {
    if (entry.state === 'planned') return true;
    if (entry.waitsOn.length === 0 || seen.has(entry.id)) return false;
    seen.add(entry.id);
    return entry.waitsOn.every((id) => {
      const upstream = instances.find((candidate) => candidate.id === id);
      return upstream !== undefined && deferredOk(upstream, seen);
    });
  };
  for (const entry of instances) {
    if (deferredOk(entry)) continue;
    const instance = getOrThrow(byId, entry.id, 'an instance of the run');
    // Skipped below a failure: the failure is the problem to report, not this.
    if (instance.status === 'skipped' && waitedOnUpstream(instance.reason) === undefined) continue;
    const why = instance.status === 'skipped' || instance.status === 'cancelled' ? instance.reason : '';
    problems.push(`${entry.id}: ${instance.status}${why ? ` (${why})` : ''}`);
  }
  const complete = instances.every((entry) => deferredOk(entry));
  return {
    preview: { version: 1, mode: move.mode, from: move.from, to: move.to, instances },
    complete,
    problems,
  };
}

/** Reads a preview file's JSON; a message when it is not one. */
export function parseFailoverPreview(text: string): FailoverPreview | string {
  const parsed = parsedJsonOrReason(text);
  if ('reason' in parsed) return parsed.reason;
  const preview = parsed.value as Partial<FailoverPreview> | null;
  if (
    preview === null ||
    typeof preview !== 'object' ||
    preview.version !== 1 ||
    !Array.isArray(preview.instances) ||
    typeof preview.from !== 'string' ||
    typeof preview.to !== 'string'
  ) {
    return 'not a Strata failover preview (version 1)';
  }
  return preview as FailoverPreview;
}
