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
 * Each instance and each DR hook that ran, as offsets from the run's first command (`origin`, ms since the
 * epoch), in start order: the recovery covers the hooks (a database promotion, a traffic switch, a smoke test),
 * not Terraform alone.
 */
function timelineWithOrigin(run: RunResult): { origin: number; entries: TimelineEntry[] } {
  /** What ran, as one entry (none when it has not finished). */
  const ranEntry = (
    entry: Omit<TimelineEntry, 'start' | 'end'>,
    startedAt: string | null | undefined,
    finishedAt: string | null | undefined,
  ) =>
    startedAt == null || finishedAt == null
      ? []
      : [{ ...entry, startedAt: Date.parse(startedAt), finishedAt: Date.parse(finishedAt) }];
  const instances = run.instances.flatMap((instance) => {
    const progress = progressOf(instance);
    const { id, account, status } = instance;
    return ranEntry({ id, account, isHook: false, status }, progress?.startedAt, progress?.finishedAt);
  });
  const hooks = (run.hooks ?? []).flatMap((hook) =>
    ranEntry(
      { id: hookLabel(hook), account: hook.account, isHook: true, status: hook.status },
      hook.startedAt,
      hook.finishedAt,
    ),
  );
  const ran = [...instances, ...hooks];
  if (ran.length === 0) return { origin: 0, entries: [] };
  const origin = Math.min(...ran.map(({ startedAt }) => startedAt));
  const entries = ran
    .map(({ startedAt, finishedAt, ...entry }) => ({
      ...entry,
      start: startedAt - origin,
      end: finishedAt - origin,
    }))
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  return { origin, entries };
}

/** Each instance and DR hook that ran, as offsets from the run's first command, in start order. */
export function timelineOf(run: RunResult): TimelineEntry[] {
  return timelineWithOrigin(run).entries;
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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Tick spacings a Gantt axis may take, in Mermaid's `tickInterval` words (`5second`, `1hour`), shortest first. */
const TICKS: readonly [number, string][] = [
  ...ticksOf(SECOND, 'second', [1, 2, 5, 10, 15, 30]),
  ...ticksOf(MINUTE, 'minute', [1, 2, 5, 10, 15, 30]),
  ...ticksOf(HOUR, 'hour', [1, 2, 3, 6, 12]),
  [24 * HOUR, '1day'],
];

function ticksOf(unitMs: number, unit: string, counts: readonly number[]): [number, string][] {
  return counts.map((count) => [count * unitMs, `${String(count)}${unit}`]);
}

/** At most this many ticks on the axis: more and their labels run into one another. */
const MAX_TICKS = 10;

/**
 * The axis for a run of `spanMs`: a tick spacing giving at most MAX_TICKS ticks, and labels precise enough to tell
 * them apart (seconds under 10 minutes, then hours and minutes, then the day too). The chart shows clock times,
 * which Mermaid prints in the reader's own time zone: offsets from zero would read as a clock time of 1 January
 * 1970 there, an hour or half an hour off in most zones.
 */
export function ganttAxis(spanMs: number): { axisFormat: string; tickInterval: string } {
  const [, tickInterval] = TICKS.find(([ms]) => spanMs / ms <= MAX_TICKS) ?? [24 * HOUR, '1day'];
  const axisFormat = spanMs < 10 * MINUTE ? '%H:%M:%S' : spanMs < 24 * HOUR ? '%H:%M' : '%b %d %H:%M';
  return { axisFormat, tickInterval };
}

/** The timeline as a Mermaid Gantt chart, one section per account, bars coloured by outcome, in clock time. */
export function renderGantt(run: RunResult, title: string): string {
  const { origin, entries } = timelineWithOrigin(run);
  const span = Math.max(0, ...entries.map((entry) => entry.end));
  const { axisFormat, tickInterval } = ganttAxis(span);
  const lines = [
    'gantt',
    `  title ${title.replace(/[:#;\n]/g, ' ')} (your local time)`,
    '  dateFormat x',
    `  axisFormat ${axisFormat}`,
    `  tickInterval ${tickInterval}`,
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
        `  ${entry.id.replace(/[:#;]/g, ' ')} :${tag}, ${origin + entry.start}, ${origin + Math.max(entry.end, entry.start + 1)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
