import { unshownChange, type ReplannedInstance } from '../reviewed-plan.js';
import type { RunResult } from '../run-result.js';
import { escapeMarkdown } from './markdown-text.js';
import { plural } from './plural.js';

/** The most instances planned afresh that the note lists one by one. */
const LISTED_MAX = 50;

/**
 * The summary's (and the comment's) account of an apply of saved plans: how many were applied as reviewed, and
 * each instance planned afresh with how its fresh plan differs from the reviewed one. Empty for other runs.
 */
export function renderReviewedPlanNote(run: RunResult): string {
  const report = run.reviewedPlan;
  if (report === undefined) return '';
  const replanned = new Map(report.replanned.map((entry) => [entry.id, entry]));
  const asSaved = run.instances.filter(
    (instance) => instance.status === 'succeeded' && !replanned.has(instance.id),
  ).length;
  const head = `**Reviewed plan** (stale-plans: ${report.stalePlans}): ${plural(asSaved, 'saved plan')} applied as reviewed.`;
  if (report.replanned.length === 0) {
    const refused =
      report.stalePlans === 'refuse' && run.instances.some((instance) => instance.status === 'failed')
        ? ' A saved plan that no longer matched its inputs was refused: see the failed instances below.'
        : '';
    return `> [!NOTE]\n> ${head}${refused}\n\n`;
  }
  // Listed up to a bound: the note sits in the summary's head, which is never cut.
  const lines = report.replanned.slice(0, LISTED_MAX).map((entry) => `> - ${describeEntry(entry)}`);
  if (report.replanned.length > LISTED_MAX)
    lines.push(
      `> - … and ${report.replanned.length - LISTED_MAX} more (each instance's log has its comparison)`,
    );
  return `> [!WARNING]\n> ${head} ${plural(report.replanned.length, 'instance')} planned afresh and compared with the reviewed plan:\n${lines.join('\n')}\n\n`;
}

function describeEntry(entry: ReplannedInstance): string {
  const verdict = entry.accepted
    ? entry.differences.length === 0
      ? 'applied: the same changes as the reviewed plan'
      : 'applied, with changes the reviewed plan did not show (none destroys anything)'
    : '**not applied**: its fresh plan destroys or replaces what the reviewed plan did not show';
  const differences = entry.differences.map(
    (change) =>
      `${escapeMarkdown(change.address)}: ${escapeMarkdown(change.planned)} (${change.previewed === null ? unshownChange(entry) : `reviewed: ${escapeMarkdown(change.previewed)}`})`,
  );
  return `**${escapeMarkdown(entry.id)}**: ${escapeMarkdown(entry.why)}; ${verdict}${differences.length > 0 ? `: ${differences.join('; ')}` : ''}`;
}
