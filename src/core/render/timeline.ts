import { progressOf, type RunResult } from '../run-result.js';
import { formatDuration, hookLabel } from './run-text.js';

export interface TimelineEntry {
  /** An instance's id, or `hook <name>` (`hook <name> after <instance>`) for a DR hook. */
  id: string;
  account: string | null;
  isHook: boolean;
  status: string;
  /** Milliseconds from the first command of the run. */
  start: number;
  end: number;
}

/**
 * Each instance and each DR hook that ran, as offsets from the run's first command, in start order: the
 * recovery covers the hooks (a database promotion, a traffic switch, a smoke test), not Terraform alone.
 */
export function timelineOf(run: RunResult): TimelineEntry[] {
  const instances = run.instances.flatMap((instance) => {
    const progress = progressOf(instance);
    return progress?.finishedAt === undefined
      ? []
      : [
          {
            id: instance.id,
            account: instance.account,
            isHook: false,
            status: instance.status,
            startedAt: Date.parse(progress.startedAt),
            finishedAt: Date.parse(progress.finishedAt),
          },
        ];
  });
  const hooks = (run.hooks ?? []).flatMap((hook) =>
    hook.startedAt === null || hook.finishedAt === null
      ? []
      : [
          {
            id: hookLabel(hook),
            account: hook.account,
            isHook: true,
            status: hook.status,
            startedAt: Date.parse(hook.startedAt),
            finishedAt: Date.parse(hook.finishedAt),
          },
        ],
  );
  const ran = [...instances, ...hooks];
  if (ran.length === 0) return [];
  const origin = Math.min(...ran.map(({ startedAt }) => startedAt));
  return ran
    .map(({ startedAt, finishedAt, ...entry }) => ({
      ...entry,
      start: startedAt - origin,
      end: finishedAt - origin,
    }))
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/** Recovery time: from the first command to the last success, when everything succeeded; else null. */
export function recoverySeconds(run: RunResult): number | null {
  if (run.status !== 'succeeded') return null;
  const entries = timelineOf(run);
  if (entries.length === 0) return 0;
  return Math.round(Math.max(...entries.map((entry) => entry.end)) / 100) / 10;
}

/** The timeline as a Markdown table: instance, status, start and end offsets, duration. */
export function renderTimelineTable(run: RunResult): string {
  const rows = timelineOf(run).map(
    (entry) =>
      `| ${entry.id} | ${entry.status} | +${formatDuration(entry.start)} | +${formatDuration(entry.end)} | ${formatDuration(entry.end - entry.start)} |`,
  );
  return (
    ['| instance | status | start | end | duration |', '|---|---|---|---|---|', ...rows].join('\n') + '\n'
  );
}

/** The timeline as a Mermaid Gantt chart, one section per account, bars coloured by outcome. */
export function renderGantt(run: RunResult, title: string): string {
  const entries = timelineOf(run);
  const lines = [
    'gantt',
    `  title ${title.replace(/[:#;\n]/g, ' ')}`,
    '  dateFormat x',
    '  axisFormat %M:%S',
  ];
  const sections = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    // Hooks of the whole move (before or after it) have a section of their own.
    const name = entry.account ?? (entry.isHook ? 'hooks' : 'global');
    sections.set(name, [...(sections.get(name) ?? []), entry]);
  }
  for (const [name, list] of sections) {
    lines.push(`  section ${name}`);
    for (const entry of list) {
      const tag = entry.status === 'succeeded' ? 'done' : entry.status === 'failed' ? 'crit' : 'active';
      // At least 1 ms wide, or Mermaid drops the bar.
      lines.push(
        `  ${entry.id.replace(/[:#;]/g, ' ')} :${tag}, ${entry.start}, ${Math.max(entry.end, entry.start + 1)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
