import type { ChangeCounts } from '../change-counts.js';
import type { LayerGraph } from '../graph/types.js';
import {
  changesOf,
  hasChanges,
  type InstanceResult,
  type InstanceStatus,
  type RunResult,
} from '../run-result.js';
import type { Dag } from '../schedule/dag.js';
import { renderFailoverGuardNote } from './failover-guard-note.js';
import { renderReviewedPlanNote } from './reviewed-plan-note.js';
import { renderStatusDiagram } from './status-diagram.js';
import { allowedDestroyLines } from './allowed-destroys.js';
import { renderCutInstanceTable, renderInstanceTable, replacesNote } from './instance-table.js';
import type { PlanSectionStyle } from './plan-blocks.js';
import { renderPlanSection } from './plan-blocks.js';
import { escapeMarkdown, markdownLink } from './markdown-text.js';
import { plural } from './plural.js';
import { clampText, utf8Length } from './text-size.js';
import { planSources, unchangedLine } from './report-plans.js';
import { formatChanges, formatDuration } from './run-text.js';

/** GitHub silently drops a step summary over 1 MiB; stay a little under it. */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** What the summary and the pull-request comment (comment.ts) of a run are both rendered from. */
export interface RunReportInput {
  run: RunResult;
  /** Drawn by the summary; the comment has no diagram. */
  graph: LayerGraph;
  dag: Dag;
  /** Instance id -> plan text, already redacted. Ids that are not in the run are ignored. */
  plans: ReadonlyMap<string, string>;
  /** The workflow run's summary, linked from the heading (and, in the comment, from every cut plan). */
  runUrl?: string | undefined;
}

export interface SummaryInput extends RunReportInput {
  /** Defaults to SUMMARY_MAX_BYTES; measured in UTF-8 bytes. */
  maxBytes?: number | undefined;
}

const RUN_SYMBOL: Record<RunResult['status'], string> = {
  running: '🔄',
  succeeded: '✅',
  failed: '❌',
  cancelled: '🚫',
};

/** The order statuses are counted in, wherever a report totals them. */
const STATUS_ORDER: readonly InstanceStatus[] = [
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
  'running',
  'pending',
];

/** `18 succeeded, 1 failed, 1 skipped`. */
export function statusTotals(instances: readonly InstanceResult[]): string {
  return STATUS_ORDER.map(
    (status) => [status, instances.filter((instance) => instance.status === status).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
}

function changeTotals(instances: readonly InstanceResult[]): string {
  const changed = instances.filter((instance) => hasChanges(changesOf(instance)));
  if (changed.length === 0) {
    return instances.some((instance) => changesOf(instance) !== null) ? '**No changes**' : '';
  }
  const sum = (key: keyof ChangeCounts): number =>
    changed.reduce((total, instance) => total + (changesOf(instance)?.[key] ?? 0), 0);
  const totals = { add: sum('add'), change: sum('change'), destroy: sum('destroy'), replace: sum('replace') };
  return `**${changed.length} with changes:** ${formatChanges(totals)}${replacesNote(totals)}`;
}

function renderHead(run: RunResult, runUrl: string | undefined): string {
  const facts = [
    `**${plural(run.instances.length, 'instance')}:** ${statusTotals(run.instances) || 'none'}`,
    changeTotals(run.instances),
    run.durationMs === null ? '' : `**Duration:** ${formatDuration(run.durationMs)}`,
  ];
  const where = [
    `**Manifest:** ${escapeMarkdown(run.manifest)}`,
    runUrl ? markdownLink('Workflow run', runUrl) : '',
  ];
  return [
    `## ${RUN_SYMBOL[run.status]} Strata ${run.command} ${run.status}`,
    '',
    facts.filter((fact) => fact !== '').join(' · '),
    '',
    where.filter((fact) => fact !== '').join(' · '),
    '',
  ].join('\n');
}

function bytes(limit: number): string {
  return `${limit.toLocaleString('en-US')} bytes`;
}

/**
 * The job summary of one run, in Markdown: a heading with the command, status and totals; the instance table;
 * the dependency graph coloured by status; each plan in a collapsible block. Never more than `maxBytes` UTF-8
 * bytes: plans are cut first (a fair share each, at line boundaries, with a note), then the diagram is left out,
 * then the plans; the table is cut only when it alone is over the limit.
 */
export function renderSummary(input: SummaryInput): string {
  const { run, graph, dag, plans, runUrl } = input;
  const max = input.maxBytes ?? SUMMARY_MAX_BYTES;
  const allowed = allowedDestroyLines(run).map(escapeMarkdown);
  const head = `${renderHead(run, runUrl)}${renderFailoverGuardNote(run)}${renderReviewedPlanNote(run)}${allowed.length > 0 ? `> [!WARNING]\n> ${allowed.join('\n> ')}\n\n` : ''}`;
  const table = `### Instances\n\n${renderInstanceTable(run.instances)}`;
  const drawn = dag.ids.length === 0 ? undefined : renderStatusDiagram(run, graph, dag);
  const diagram = drawn === undefined ? undefined : `### Dependency graph\n\n${drawn}\n`;
  const diagramLeftOut = `### Dependency graph\n\n_The dependency graph was left out to keep this summary within ${bytes(max)}._\n`;
  const { shown: sources, unchanged } = planSources(run, plans);
  const unchangedText = unchangedLine(unchanged);
  const onlyUnchanged = unchangedText === '' ? [] : [`### Plans\n\n${unchangedText}`];
  const style: PlanSectionStyle = {
    measure: utf8Length,
    heading: `### Plans\n\n${unchangedText && `${unchangedText}\n`}`,
    cutNote: (lines) => `… ${plural(lines, 'more line')} cut (full plan in the job log)`,
    cutSummary: (cut, total) =>
      `**${cut} of ${plural(total, 'plan')} cut** to keep this summary within ${bytes(max)} (GitHub drops a job summary over 1 MiB); the full plans are in the job log.`,
  };

  const withPlans = (sections: string[]): string | undefined => {
    if (sources.length === 0) {
      const base = [...sections, ...onlyUnchanged].join('\n');
      return utf8Length(base) <= max ? base : undefined;
    }
    const base = sections.join('\n');
    const section = renderPlanSection(sources, style, max - utf8Length(base) - 1);
    return section && `${base}\n${section.text}`;
  };
  const plansLeftOut =
    sources.length === 0
      ? onlyUnchanged
      : [
          `${style.heading}_The ${plural(sources.length, 'plan')} with changes or errors ${sources.length === 1 ? 'was' : 'were'} left out to keep this summary within ${bytes(max)}; they are in the job log._\n`,
        ];
  const tableOnly = [head, table, ...(diagram ? [diagramLeftOut] : []), ...plansLeftOut].join('\n');

  const fitted =
    withPlans(diagram ? [head, table, diagram] : [head, table]) ??
    (diagram ? withPlans([head, table, diagramLeftOut]) : undefined) ??
    (utf8Length(tableOnly) <= max ? tableOnly : undefined);
  if (fitted !== undefined) return fitted;

  const rest = [...(diagram ? [diagramLeftOut] : []), ...plansLeftOut].join('\n');
  const cutTableBudget = max - utf8Length(head) - utf8Length('### Instances\n\n') - utf8Length(rest) - 2;
  const cutTable = `### Instances\n\n${renderCutInstanceTable(run.instances, cutTableBudget, utf8Length)}`;
  return clampText([head, cutTable, rest].filter((part) => part !== '').join('\n'), max, utf8Length);
}

/**
 * The summary of a report that found no result file at all: no matrix job uploaded one (every stage failed
 * to start, or the artifacts were not downloaded), so nothing is known to have run.
 */
export function renderNoResults(input: { directory: string; manifest: string; instances: number }): string {
  return [
    '## ❌ Strata report: no results',
    '',
    `No result files in ${escapeMarkdown(input.directory)}: no job of the matrix uploaded a result, so none of the ${plural(input.instances, 'instance')} of ${escapeMarkdown(input.manifest)} is known to have run. Check that the stage jobs ran and that their results were downloaded to this folder.`,
    '',
  ].join('\n');
}
