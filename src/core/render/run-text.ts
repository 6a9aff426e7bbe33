import type { ChangeCounts } from '../change-counts.js';
import type { HookResult, InstanceResult, RunResult } from '../run-result.js';
import { changesOf, durationOf, FINISHED, hasTimedOut } from '../run-result.js';
import { itemAt } from '../lookup.js';
import { allowedDestroyLines } from './allowed-destroys.js';

export function formatChanges(changes: ChangeCounts | null): string {
  return changes === null ? '' : `+${changes.add} ~${changes.change} -${changes.destroy}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  const twoDigits = (n: number) => n.toString().padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${twoDigits(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h${twoDigits(Math.floor((seconds % 3600) / 60))}m${twoDigits(seconds % 60)}s`;
}

/**
 * One line per state change, readable while many instances run at once:
 * `[3/12] prod/eu-west-2/network  plan` while running, `[4/12] prod/eu-west-2/network  succeeded  +2 ~1 -0  14.2s`;
 * in a failback, the phase first: `[promote 3/12] …`.
 */
export function progressLine(instance: InstanceResult, run: RunResult): string {
  const done = run.instances.filter((candidate) => FINISHED.has(candidate.status)).length;
  const state = instance.status === 'running' ? (instance.step ?? 'running') : instance.status;
  const parts = [instance.id, state];
  if (FINISHED.has(instance.status)) {
    parts.push(formatChanges(changesOf(instance)), formatDuration(durationOf(instance)));
    if ((instance.status === 'skipped' || instance.status === 'cancelled') && instance.reason)
      parts.push(`(${instance.reason})`);
  }
  const phase = run.phase === undefined ? '' : `${run.phase} `;
  return `[${phase}${done}/${run.instances.length}] ${parts.filter((part) => part !== '').join('  ')}`;
}

/** A DR hook's name in lists: `hook smoke-test`, `hook promote-db after prod/eu-west-1/production/data`. */
export function hookLabel(hook: HookResult): string {
  return `hook ${hook.name}${hook.instance === null ? '' : ` after ${hook.instance}`}`;
}

/** One line per state change of a DR hook: `hook smoke-test  running`, `hook smoke-test  succeeded  1.2s`. */
export function hookLine(hook: HookResult): string {
  const parts = [hookLabel(hook), hook.status, formatDuration(hook.durationMs)];
  if (hook.reason !== null) parts.push(`(${hook.reason})`);
  return parts.filter((part) => part !== '').join('  ');
}

/** The final table: every instance with its status, changes and duration, then the totals. */
export function runTable(run: RunResult): string {
  const header = ['INSTANCE', 'STATUS', 'CHANGES', 'DURATION'];
  const rows = [header];
  for (const instance of run.instances) {
    rows.push([
      instance.id,
      instance.status + (hasTimedOut(instance) ? ' (timed out)' : ''),
      formatChanges(changesOf(instance)),
      formatDuration(durationOf(instance)),
    ]);
  }
  for (const hook of run.hooks ?? [])
    rows.push([hookLabel(hook), hook.status, '', formatDuration(hook.durationMs)]);
  // Every row has the header's four cells.
  const widths = header.map((_, column) =>
    Math.max(...rows.map((row) => itemAt(row, column, 'cell').length)),
  );
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(itemAt(widths, column, 'width')))
      .join('  ')
      .trimEnd(),
  );
  const counts = new Map<string, number>();
  for (const instance of run.instances) counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
  const totals = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
  lines.push('', `${run.command} ${run.status}: ${totals} in ${formatDuration(run.durationMs)}`);
  const allowed = allowedDestroyLines(run);
  if (allowed.length > 0) lines.push('', ...allowed);
  for (const instance of run.instances) {
    if (instance.status === 'failed' && instance.error) {
      lines.push('', `${instance.id} failed:`, ...instance.error.split('\n').map((line) => `  ${line}`));
    }
  }
  for (const hook of run.hooks ?? []) {
    if (hook.status === 'failed' && hook.error !== null)
      lines.push('', `${hookLabel(hook)} failed:`, ...hook.error.split('\n').map((line) => `  ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
