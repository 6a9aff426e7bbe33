import type { RunResult } from '../run-result.js';
import { formatChanges } from './run-text.js';
import { renderGantt, renderTimelineTable } from './timeline.js';

const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'NO');

/**
 * The failover section of a report, in Markdown (readable as plain text too): outcome and recovery time, the
 * readiness of each instance for a drill, notes, the timeline as a table and as a Mermaid Gantt chart.
 */
export function renderFailoverReport(run: RunResult): string {
  const failover = run.failover;
  if (!failover) return '';
  const kind = failover.dryRun ? `${failover.mode} drill` : failover.mode;
  const lines = [
    `## ${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${failover.from} → ${failover.to}: ${run.status}`,
    '',
  ];
  if (failover.recoverySeconds !== null)
    lines.push(`Recovery time (first command to last success): **${failover.recoverySeconds} s**`, '');
  if (failover.estimatedRecoverySeconds !== null) {
    lines.push(`Estimated recovery time (critical path): **${failover.estimatedRecoverySeconds} s**`, '');
  }
  if (failover.dryRun && failover.readiness.length > 0) {
    const ready = failover.readiness.every(
      (entry) => entry.backendReachable && entry.replicaReachable !== false && entry.planSucceeded,
    );
    lines.push(
      ready ? 'Ready: every instance planned against live state.' : '**Not ready**: see the rows marked NO.',
      '',
    );
    lines.push(
      '| instance | backend reachable | replica reachable | plan succeeded | would change |',
      '|---|---|---|---|---|',
    );
    for (const entry of failover.readiness) {
      lines.push(
        `| ${entry.id} | ${yesNo(entry.backendReachable)} | ${yesNo(entry.replicaReachable)} | ${yesNo(entry.planSucceeded)} | ${formatChanges(entry.changes)} |`,
      );
    }
    lines.push('');
  }
  for (const note of failover.notes) lines.push(`- ${note}`);
  if (failover.notes.length > 0) lines.push('');
  lines.push(
    '### Timeline',
    '',
    renderTimelineTable(run),
    '```mermaid',
    renderGantt(run, `${kind} ${failover.from} to ${failover.to}`).trimEnd(),
    '```',
    '',
  );
  return lines.join('\n');
}
