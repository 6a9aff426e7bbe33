import { isReady } from '../dr/drill-readiness.js';
import { formatAge } from '../dr/recovery-point.js';
import type { RunResult } from '../run-result.js';
import type { DrillFindings, FailoverSummary, ReadinessEntry } from '../dr/failover-result.js';
import { formatChanges, formatDuration } from './run-text.js';
import { renderPromotion } from './promotion-report.js';
import { clearedRecordLockLine } from './record-locks.js';
import { renderFailback } from './failback-report.js';
import { renderGantt, renderTimelineTable } from './timeline.js';
import { renderPlanSection, type PlanSectionStyle } from './plan-blocks.js';
import { plural } from './plural.js';
import { utf8Length } from './text-size.js';
import { planSources, unchangedLine } from './report-plans.js';
import { SUMMARY_MAX_BYTES } from './summary.js';
import type { SettingName } from '../wording.js';

const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'NO');

/** A value as one Markdown table cell: no line breaks, pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

export interface FailoverReportOptions {
  /**
   * The dry run is the plan job of a real move, which someone approves before the apply job runs (the workflow's
   * plan job holds the deploys): titled as a plan awaiting approval, not a drill.
   */
  awaitingApproval?: boolean | undefined;
  /** Instance id -> plan text, already masked: shown after the report, cut to fit `maxBytes`. */
  plans?: ReadonlyMap<string, string> | undefined;
  /** The most UTF-8 bytes the report may take with its plans (a job summary's limit by default). */
  maxBytes?: number | undefined;
}

/**
 * The failover section of a report, in Markdown (readable as plain text too): outcome and recovery time, the
 * readiness of each instance for a drill with the reason for every 'no', what plans on mocks leave unproven,
 * the replicas and the recovery point, notes, the timeline as a table and as a Mermaid Gantt chart, and, when
 * given, the plans (failed and changed ones, cut to fit), so that an approver sees what the move will change.
 * Settings it names are worded by `name`.
 */
/** `**23m00s** (1380 s)`: readable at a glance, and the exact figure the result file holds. */
const inWords = (seconds: number) =>
  seconds < 60 ? `**${seconds} s**` : `**${formatDuration(seconds * 1000)}** (${seconds} s)`;

export function renderFailoverReport(
  run: RunResult,
  name: SettingName,
  options: FailoverReportOptions = {},
): string {
  const failover = run.failover;
  if (!failover) return '';
  const kind = !failover.dryRun
    ? failover.mode
    : options.awaitingApproval
      ? `${failover.mode} plan (awaiting approval)`
      : `${failover.mode} drill`;
  const lines = [
    `## ${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${failover.from} → ${failover.to}: ${run.status}`,
    '',
  ];
  if (failover.recoverySeconds !== null)
    lines.push(`Recovery time (first command to last success): ${inWords(failover.recoverySeconds)}`, '');
  if (failover.estimatedRecoverySeconds !== null) {
    lines.push(`Estimated recovery time (critical path): ${inWords(failover.estimatedRecoverySeconds)}`, '');
    if (failover.drill) {
      const { estimate } = failover.drill;
      lines.push(`Based on ${estimate.basis}. Not counted: ${estimate.leavesOut.join('; ')}.`, '');
      const hooks = estimate.hooks ?? [];
      if (hooks.length > 0) {
        const counted = hooks.map(
          (hook) =>
            `${hook.name}${hook.instance === null ? '' : ` after ${hook.instance}`} ${hook.seconds} s (${hook.basis})`,
        );
        lines.push(`Hooks counted, each where it runs: ${counted.join('; ')}.`, '');
      }
    }
  }
  if (failover.dryRun && failover.readiness.length > 0) lines.push(...readinessSection(failover));
  if (failover.drill) lines.push(...replicaSection(failover.drill), ...recoveryPointSection(failover.drill));
  lines.push(...renderPromotion(failover.promotion, name));
  lines.push(...renderFailback(failover.failback, failover.dryRun));
  const audit = (failover.recordLocks ?? []).map(clearedRecordLockLine);
  for (const note of [...failover.notes, ...audit]) lines.push(`- ${note}`);
  if (failover.notes.length + audit.length > 0) lines.push('');
  lines.push(
    '### Timeline',
    '',
    renderTimelineTable(run),
    '```mermaid',
    renderGantt(run, `${kind} ${failover.from} to ${failover.to}`).trimEnd(),
    '```',
    '',
  );
  const report = lines.join('\n');
  return options.plans === undefined
    ? report
    : `${report}${plansSection(run, options.plans, options.maxBytes, report)}`;
}

/** The plans under the report, in what is left of the limit; a line saying they were left out when none fits. */
function plansSection(
  run: RunResult,
  plans: ReadonlyMap<string, string>,
  maxBytes: number | undefined,
  report: string,
): string {
  const max = maxBytes ?? SUMMARY_MAX_BYTES;
  const { shown, unchanged } = planSources(run, plans);
  const unchangedText = unchangedLine(unchanged);
  if (shown.length === 0) return unchangedText === '' ? '' : `\n### Plans\n\n${unchangedText}`;
  const style: PlanSectionStyle = {
    measure: utf8Length,
    heading: `\n### Plans\n\n${unchangedText && `${unchangedText}\n`}`,
    cutNote: (lines) => `… ${plural(lines, 'more line')} cut (full plan in the job log)`,
    cutSummary: (cut, total) =>
      `**${cut} of ${plural(total, 'plan')} cut** to keep this summary within GitHub's limit; the full plans are in the job log.`,
  };
  const section = renderPlanSection(shown, style, max - utf8Length(report));
  return (
    section?.text ??
    `${style.heading}_The ${plural(shown.length, 'plan')} with changes or errors ${shown.length === 1 ? 'was' : 'were'} left out to keep this summary within GitHub's limit; they are in the job log._\n`
  );
}

function readinessSection(failover: FailoverSummary): string[] {
  const entries = failover.readiness;
  const ready = failover.drill?.ready ?? entries.every(isReady);
  const mocked = entries.filter((entry) => entry.mockedUpstreams.length > 0);
  const deferred = entries.filter((entry) => entry.deferredUntil.length > 0);
  const lines: string[] = [];
  if (!ready) {
    const notReady = entries.filter((entry) => !isReady(entry)).length;
    const problems = failover.drill ? drillProblems(failover.drill) : [];
    const instances =
      notReady > 0
        ? `${notReady} of ${entries.length} instances are not (the reason is beside each NO)`
        : 'every instance planned';
    lines.push(
      `**Not ready**: ${instances}${problems.length > 0 ? `${notReady > 0 ? ';' : ', but'} ${problems.join('; ')}` : ''}.`,
      '',
    );
  } else if (mocked.length === 0 && deferred.length === 0) {
    lines.push('Ready: every instance planned against live state.', '');
  }
  if (ready && mocked.length > 0) {
    lines.push(
      `Ready as far as plans on mocks show: ${mocked.length} of ${entries.length} instances were planned on the mock outputs of upstreams not applied in ${failover.to} yet: ${mocked.map((entry) => `${entry.id} (mocks of ${entry.mockedUpstreams.join(', ')})`).join(', ')}.`,
      '',
      `Unproven for those: that the upstreams' real outputs, once the failover applies them, are accepted by their code, and what they will change with them. The failover plans them again against the real outputs.`,
      '',
    );
  }
  if (ready && deferred.length > 0) {
    lines.push(
      `Ready as far as the failover can preview: ${deferred.length} of ${entries.length} instances cannot be planned before the failover applies the upstreams it creates (no mock_outputs): ${deferred.map((entry) => `${entry.id} (after ${entry.deferredUntil.join(', ')})`).join(', ')}.`,
      '',
      `Unproven for those: everything their plan would show. The failover plans each once its upstreams are applied and applies it only if it destroys and replaces nothing; mock_outputs on those dependencies would let the drill plan them now.`,
      '',
    );
  }
  lines.push(
    '| instance | backend reachable | replica reachable | replica fresh | plan succeeded | would change | why not ready |',
    '|---|---|---|---|---|---|---|',
  );
  for (const entry of entries) lines.push(readinessRow(entry));
  lines.push('');
  return lines;
}

/** What fails a drill beyond the rows of its table. */
function drillProblems(drill: DrillFindings): string[] {
  const problems: string[] = [];
  if (drill.recoveryPoint.problem) problems.push(drill.recoveryPoint.problem);
  const old = drill.recoveryPoint.checks.filter((check) => check.problem !== null).length;
  if (old > 0)
    problems.push(`${old} recovery point${old > 1 ? 's do' : ' does'} not meet dr.rpo (see Recovery point)`);
  const replicas = drill.replicas.filter((check) => check.status !== 'fresh').length;
  if (replicas > 0)
    problems.push(`${replicas} replica${replicas > 1 ? 's are' : ' is'} not fresh (see Replicas)`);
  return problems;
}

function readinessRow(entry: ReadinessEntry): string {
  const mocks = entry.mockedUpstreams.length > 0 ? ` (on mocks of ${entry.mockedUpstreams.join(', ')})` : '';
  const planned =
    entry.deferredUntil.length > 0
      ? `deferred until ${entry.deferredUntil.join(', ')} is applied`
      : `${yesNo(entry.planSucceeded)}${mocks}`;
  return `| ${entry.id} | ${yesNo(entry.backendReachable)} | ${yesNo(entry.replicaReachable)} | ${yesNo(entry.replicaFresh)} | ${planned} | ${formatChanges(entry.changes)} | ${cell(entry.reason ?? '')} |`;
}

function replicaSection(drill: DrillFindings): string[] {
  if (!drill.replicasChecked) {
    return [
      'Replica freshness was not checked (the check was turned off): the replicas were read, not compared with the primary.',
      '',
    ];
  }
  if (drill.replicas.length === 0) return [];
  const lines = [
    '### Replicas of failed-region state',
    '',
    '| state | replica | fresh | found |',
    '|---|---|---|---|',
  ];
  for (const check of drill.replicas) {
    lines.push(
      `| ${check.id} | ${check.primaryRegion} → ${check.replicaRegion} | ${check.status === 'fresh' ? 'yes' : `NO (${check.status})`} | ${cell(check.detail)} |`,
    );
  }
  lines.push('');
  return lines;
}

function recoveryPointSection(drill: DrillFindings): string[] {
  const report = drill.recoveryPoint;
  if (report.rpo === null && report.checks.length === 0) return [];
  const lines = [
    '### Recovery point',
    '',
    report.rpo === null
      ? 'No recovery point objective (dr.rpo) is set: the recovery points are shown, not checked.'
      : `Objective (dr.rpo): data no older than **${report.rpo}** at the time of a failover.`,
    '',
  ];
  if (report.problem) lines.push(`**Not met**: ${report.problem}.`, '');
  if (report.checks.length > 0) {
    lines.push('| published by | latest recovery point | age | within dr.rpo |', '|---|---|---|---|');
    for (const check of report.checks) {
      const age = check.ageSeconds === null ? '—' : formatAge(check.ageSeconds * 1000);
      const within = check.problem ? `NO: ${cell(check.problem)}` : yesNo(check.withinRpo);
      lines.push(`| ${check.id} | ${cell(check.value)} | ${age} | ${within} |`);
    }
    lines.push('');
  }
  return lines;
}
