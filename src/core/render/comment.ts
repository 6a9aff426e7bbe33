import type { EngineCommand, RunResult } from '../run-result.js';
import type { PlanSectionStyle } from './plan-blocks.js';
import { renderPlanSection } from './plan-blocks.js';
import { escapeMarkdown, markdownLink } from './markdown-text.js';
import { plural } from './plural.js';
import { charLength, clampText } from './text-size.js';
import { changesOf, hasChanges } from '../run-result.js';
import { renderReviewedPlanNote } from './reviewed-plan-note.js';
import { renderCutInstanceTable, renderInstanceTable } from './instance-table.js';
import { planSources, unchangedLine } from './report-plans.js';
import type { RunReportInput } from './summary.js';

/** GitHub refuses an issue or pull-request comment longer than this many characters. */
export const COMMENT_MAX_CHARS = 65_536;

export interface CommentInput extends RunReportInput {
  /** The manifest's path: it names the comment, so each manifest keeps one comment per pull request. */
  manifest: string;
  /** Defaults to COMMENT_MAX_CHARS. */
  maxChars?: number | undefined;
  /** The commit planned, named under the heading: on a pull request, the merge of `head` into the base. */
  commit?: { sha: string; head?: string | undefined; url: (sha: string) => string } | undefined;
  /** Markdown shown as a quote under the heading, e.g. why a fork's pull request gets a plan only. Trusted text. */
  note?: string | undefined;
}

/**
 * The hidden first line that identifies a manifest's comment, `<!-- strata:plan manifest=infra/strata.yaml -->`.
 * The path is encoded so it cannot end the HTML comment (`%`, `<`, `>`, line breaks and the second `-` of
 * `--` percent-encoded), and distinct paths give distinct markers: match the whole marker, not a prefix. An
 * apply's or a destroy's comment has its own kind (`strata:apply`), so it never replaces the reviewed plan's.
 */
export function commentMarker(manifest: string, kind: EngineCommand = 'plan'): string {
  const encoded = manifest
    .replace(/%/g, '%25')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/--/g, '-%2D');
  return `<!-- strata:${kind} manifest=${encoded} -->`;
}

function headline(run: RunResult, manifest: string): string {
  const changed = run.instances.filter((instance) => hasChanges(changesOf(instance))).length;
  const planned = run.instances.some((instance) => changesOf(instance) !== null);
  const parts = [changed > 0 ? `${changed} to change` : planned ? 'no changes' : 'nothing planned'];
  for (const status of ['failed', 'skipped', 'cancelled'] as const) {
    const count = run.instances.filter((instance) => instance.status === status).length;
    if (count > 0) parts.push(`${count} ${status}`);
  }
  if (run.status === 'cancelled' && !parts.some((part) => part.endsWith('cancelled')))
    parts.push('run cancelled');
  return `### Strata ${run.command}: ${escapeMarkdown(manifest)} — ${parts.join(', ')}`;
}

/** `Planned commit abc1234, the merge of the head def5678 into the base`, the head linked. */
function plannedCommit(commit: NonNullable<CommentInput['commit']>): string {
  const short = (sha: string) => `\`${sha.slice(0, 7).replace(/[^0-9a-f]/gi, '')}\``;
  const head =
    commit.head === undefined || commit.head === commit.sha
      ? ''
      : `, the merge of the pull request's head [${short(commit.head)}](${commit.url(commit.head)}) into its base`;
  return head === ''
    ? `Planned commit [${short(commit.sha)}](${commit.url(commit.sha)}).`
    : `Planned commit ${short(commit.sha)}${head}.`;
}

/**
 * The sticky pull-request comment for one manifest: the marker, a one-line heading, an optional note, the
 * instance table and each plan in a collapsible block. Never more than `maxChars` characters: plans are cut to
 * a fair share each (with a note linking to the run summary), then left out; the table is cut only when it
 * alone is over the limit.
 */
export function renderComment(input: CommentInput): string {
  const { run, plans, manifest, runUrl, note } = input;
  const max = input.maxChars ?? COMMENT_MAX_CHARS;
  const runLink = runUrl ? markdownLink('run summary', runUrl) : undefined;
  const head = [
    commentMarker(manifest, run.command),
    headline(run, manifest),
    '',
    ...(run.reviewedPlan ? [renderReviewedPlanNote(run).trimEnd(), ''] : []),
    ...(note
      ? [
          ...note
            .trimEnd()
            .split(/\r?\n/)
            .map((line) => `> ${line}`),
          '',
        ]
      : []),
    ...(input.commit ? [plannedCommit(input.commit), ''] : []),
    ...(runLink ? [`Full output: ${runLink}`, ''] : []),
  ].join('\n');
  const table = renderInstanceTable(run.instances);
  const { shown: sources, unchanged } = planSources(run, plans);
  const unchangedText = unchangedLine(unchanged);
  const elsewhere = runLink ? `see the ${runLink}; full plan in the job log` : 'full plan in the job log';
  const style: PlanSectionStyle = {
    measure: charLength,
    heading: unchangedText && `${unchangedText}\n`,
    cutNote: (lines) => `… ${plural(lines, 'more line')} cut (${elsewhere})`,
    cutSummary: (cut, total) =>
      `**${cut} of ${plural(total, 'plan')} cut** to keep this comment within GitHub's ${max.toLocaleString('en-US')}-character limit${runLink ? `; see the ${runLink}` : ''}.`,
  };

  const base = [head, table].join('\n');
  const withUnchanged = [base, ...(unchangedText === '' ? [] : [unchangedText])].join('\n');
  if (sources.length === 0 && charLength(withUnchanged) <= max) return withUnchanged;
  const section =
    sources.length === 0 ? undefined : renderPlanSection(sources, style, max - charLength(base) - 1);
  if (section) return `${base}\n${section.text}`;

  const leftOut =
    sources.length === 0
      ? ''
      : `${unchangedText && `${unchangedText}\n`}_The ${plural(sources.length, 'plan')} with changes or errors ${sources.length === 1 ? 'was' : 'were'} left out to keep this comment within GitHub's limit${runLink ? `; see the ${runLink}` : ''}._\n`;
  const tableOnly = [head, table, leftOut].filter((part) => part !== '').join('\n');
  if (charLength(tableOnly) <= max) return tableOnly;

  const cutTable = renderCutInstanceTable(
    run.instances,
    max - charLength(head) - charLength(leftOut) - 2,
    charLength,
  );
  return clampText([head, cutTable, leftOut].filter((part) => part !== '').join('\n'), max, charLength);
}
