import type { ChangeCounts } from '../change-counts.js';
import { markdownTable } from 'markdown-table';
import {
  changesOf,
  durationOf,
  hasChanges,
  hasTimedOut,
  type InstanceResult,
  type InstanceStatus,
} from '../run-result.js';
import { compareIds } from '../schedule/waves.js';
import { escapeMarkdown } from './markdown-text.js';
import { plural } from './plural.js';
import { formatChanges, formatDuration } from './run-text.js';

/** A word with every symbol, so that status never rests on colour alone. */
const STATUS_LABEL: Record<InstanceStatus, string> = {
  pending: '⏳ pending',
  running: '🔄 running',
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '🚫 cancelled',
};

/** A table cell's detail is one line; a longer one is shortened to this many characters. */
const DETAIL_MAX = 200;

/** Reports list instances by account, then region, then id; the estate-wide (null) ones first. */
export function sortForReport(instances: readonly InstanceResult[]): InstanceResult[] {
  return [...instances].sort(
    (a, b) =>
      compareIds(a.account ?? '', b.account ?? '') ||
      compareIds(a.region ?? '', b.region ?? '') ||
      compareIds(a.id, b.id),
  );
}

/** Why an instance did not succeed, in one line: the first line of its error with words, else its reason. Nothing else is shown. */
function detailOf(instance: InstanceResult): string {
  let text: string;
  switch (instance.status) {
    case 'failed':
      text = instance.error;
      break;
    case 'skipped':
    case 'cancelled':
      text = instance.reason;
      break;
    default:
      return '';
  }
  // Terraform boxes its diagnostics (`╷`, `│ Error: …`, `╵`): the first line with words in it, box edge dropped.
  const line = text
    .split(/\r?\n/)
    .map((candidate) => candidate.replace(/^[\s╷│╵]+/, '').trim())
    .find((candidate) => candidate !== '');
  if (line === undefined) return '';
  return line.length > DETAIL_MAX ? `${line.slice(0, DETAIL_MAX - 1)}…` : line;
}

/** A row with changes stands out (🟡 and bold), and says how many resources it replaces. */
function changesCell(changes: ChangeCounts | null): string {
  if (changes === null || !hasChanges(changes)) return formatChanges(changes);
  return `🟡 **${formatChanges(changes)}**${replacesNote(changes)}`;
}

/** ` (2 to replace)`, or '' when nothing is replaced. */
export function replacesNote(changes: ChangeCounts): string {
  return changes.replace > 0 ? ` (${changes.replace} to replace)` : '';
}

function tableRows(instances: readonly InstanceResult[]): string[][] {
  return sortForReport(instances).map((instance) => [
    escapeMarkdown(instance.account ?? '(global)'),
    escapeMarkdown(instance.region ?? '—'),
    escapeMarkdown(instance.id),
    STATUS_LABEL[instance.status] + (hasTimedOut(instance) ? ' (timed out)' : ''),
    changesCell(changesOf(instance)),
    formatDuration(durationOf(instance)),
    escapeMarkdown(detailOf(instance)),
  ]);
}

const TABLE_HEADER = ['Account', 'Region', 'Instance', 'Status', 'Changes', 'Duration', 'Detail'];

/**
 * Every instance, one row each, sorted by account, region and id, with its status in words, its `+a ~c -d`
 * counts (empty when it was never planned), its duration and, when it did not succeed, why. Only those fields
 * of an InstanceResult are printed, so nothing sensitive in the others can leak into a report.
 */
export function renderInstanceTable(instances: readonly InstanceResult[]): string {
  return `${markdownTable([TABLE_HEADER, ...tableRows(instances)], { alignDelimiters: false })}\n`;
}

/**
 * The table cut at a row boundary to fit `budget`, with a line saying how many rows are missing: only when a
 * report could not otherwise stay under its limit.
 */
export function renderCutInstanceTable(
  instances: readonly InstanceResult[],
  budget: number,
  measure: (text: string) => number,
): string {
  const lines = renderInstanceTable(instances).trimEnd().split('\n');
  const head = `${lines.slice(0, 2).join('\n')}\n`;
  const rows = lines.slice(2);
  let room = budget - measure(head) - measure(cutRowsNote(rows.length));
  let kept = 0;
  for (const row of rows) {
    const size = measure(`${row}\n`);
    if (size > room) break;
    room -= size;
    kept++;
  }
  return `${head}${rows
    .slice(0, kept)
    .map((row) => `${row}\n`)
    .join('')}${cutRowsNote(rows.length - kept)}`;
}

function cutRowsNote(rowsCut: number): string {
  return `\n… ${plural(rowsCut, 'more row')} cut (the full table is in the job log)\n`;
}
