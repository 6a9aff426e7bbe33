import type { PreviewChange, PreviewEntry } from './failover-preview.js';

/**
 * Actions that lose something: a destroy, a replacement (destroy and create, either order), an object
 * dropped from state (`forget`), or an action this code does not know. Each must have been in the preview.
 */
const LOSES_SOMETHING: ReadonlySet<string> = new Set(['delete', 'replace', 'forget', 'other']);

export interface UnexpectedChange {
  address: string;
  /** What the preview showed for this address; null when it did not show the address at all. */
  previewed: string | null;
  planned: string;
}

export type PreviewComparison =
  | {
      ok: true;
      /** Changes the preview did not show exactly (a create or in-place change on mocked or unknown values). */
      differences: UnexpectedChange[];
    }
  | { ok: false; unexpected: UnexpectedChange[] };

/**
 * Checks a fresh plan against what the preview showed for the instance. The plan passes unless it destroys,
 * replaces or forgets something the preview did not show with that very action: values may differ (they were
 * mocked, unknown, or taken from an upstream the failover changed), a create may appear that the preview did
 * not have (a count or for_each over a value that was mocked), an in-place change may appear, since none of
 * these loses anything. Everything that passes but differs is returned, for the report.
 */
export function compareToPreview(
  entry: Pick<PreviewEntry, 'changes'>,
  fresh: readonly PreviewChange[],
): PreviewComparison {
  const previewed = new Map(entry.changes.map((change) => [change.address, change.action]));
  const unexpected: UnexpectedChange[] = [];
  const differences: UnexpectedChange[] = [];
  for (const change of fresh) {
    const shown = previewed.get(change.address) ?? null;
    if (shown === change.action) continue;
    const difference = { address: change.address, previewed: shown, planned: change.action };
    (LOSES_SOMETHING.has(change.action) ? unexpected : differences).push(difference);
  }
  return unexpected.length > 0 ? { ok: false, unexpected } : { ok: true, differences };
}

/**
 * One line per change: `aws_db.main: replace (the preview showed update)`. `unshown` is what to say of an
 * address the preview did not have: `the preview showed no change`, or for an instance the preview could not
 * plan yet, `not previewed`. `reviewed` names what was reviewed: `the preview`, `the reviewed plan`.
 */
export function describeDifferences(
  changes: readonly UnexpectedChange[],
  unshown = 'the preview showed no change',
  reviewed = 'the preview',
): string {
  return changes
    .map(
      (change) =>
        `  ${change.address}: ${change.planned} (${change.previewed === null ? unshown : `${reviewed} showed ${change.previewed}`})`,
    )
    .join('\n');
}
