import type { RunResult } from '../run-result.js';
import { escapeMarkdown } from './markdown-text.js';

/**
 * The summary's line for a run that used the failover guard's override: which records it went ahead without
 * reading, and why they could not be read; and what reading the records ignored (a replicated legacy copy).
 * Empty when there is neither.
 */
export function renderFailoverGuardNote(run: RunResult): string {
  const ignored = run.failoverGuard?.ignoredRecords ?? [];
  const proven = run.failoverGuard?.provenEmpty ?? [];
  const notes = [
    ...proven.map(
      ({ region, reason, proof }) =>
        `> [!NOTE]\n> **Failover record of ${escapeMarkdown(region)} not needed**: it cannot be read (${escapeMarkdown(reason)}), but ${escapeMarkdown(proof)}.\n\n`,
    ),
    ...(run.failoverGuard?.notes ?? []).map((note) => `> [!NOTE]\n> ${escapeMarkdown(note)}\n\n`),
  ];
  if (ignored.length === 0) return notes.join('');
  const records = ignored
    .map(({ region, reason }) => `${escapeMarkdown(region)} (${escapeMarkdown(reason)})`)
    .join('; ');
  return `> [!WARNING]\n> **Failover guard overridden** (ignore-failover-record): this run went ahead without reading the failover record of ${records}.\n\n${notes.join('')}`;
}
