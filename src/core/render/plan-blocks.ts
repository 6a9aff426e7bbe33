import type { ChangeCounts } from '../change-counts.js';
import { formatChanges } from './run-text.js';
import { itemAt } from '../lookup.js';
import { escapeHtml, fenceFor } from './markdown-text.js';

/** One instance's plan as a report shows it: the id and counts go in the `<summary>`, the text in a fence. */
export interface PlanSource {
  id: string;
  changes: ChangeCounts | null;
  /** Its plan or apply failed: the summary line says so. */
  isFailed?: boolean | undefined;
  /** Terraform's plan text, already redacted (and shaped by planForReport). */
  text: string;
  /** The fence's language: `diff` colours a plan's changes on GitHub. */
  language?: 'diff' | 'text' | undefined;
}

/** How a report measures and words its plan section: the job summary counts UTF-8 bytes, a PR comment characters. */
export interface PlanSectionStyle {
  /** The size of a text in the unit of the limit. Must be additive: measure(a + b) = measure(a) + measure(b). */
  measure: (text: string) => number;
  /** Markdown placed before the blocks (a heading, or ''), ending in '\n' when not empty. */
  heading: string;
  /** The Markdown line under a cut plan. */
  cutNote: (linesCut: number) => string;
  /** The Markdown line saying how many plans were cut and why. */
  cutSummary: (cut: number, total: number) => string;
}

/**
 * Below this share of the budget a cut plan shows too little to be worth its block: the report drops
 * something else (the diagram, then the plans) instead of printing a row of empty fences.
 */
export const MIN_PLAN_SHARE = 1024;

interface PreparedPlan {
  source: PlanSource;
  lines: string[];
  /** measure(line + '\n') for each line. */
  lineSizes: number[];
  size: number;
  fence: string;
}

function prepare(source: PlanSource, measure: (text: string) => number): PreparedPlan {
  const trimmed = source.text.replace(/\r\n/g, '\n').replace(/^\n+/, '').trimEnd();
  const lines = trimmed === '' ? [] : trimmed.split('\n');
  const lineSizes = lines.map((line) => measure(`${line}\n`));
  return {
    source,
    lines,
    lineSizes,
    size: lineSizes.reduce((sum, size) => sum + size, 0),
    fence: fenceFor(trimmed),
  };
}

function blockHead(plan: PreparedPlan, isCut: boolean): string {
  const { id, changes, isFailed, language } = plan.source;
  const replaces = changes !== null && changes.replace > 0 ? `⚠️ ${changes.replace} to replace` : '';
  const label = [escapeHtml(id), isFailed ? '❌ failed' : '', formatChanges(changes), replaces]
    .filter((part) => part !== '')
    .join(' — ');
  return `<details><summary>${label}${isCut ? ' (cut)' : ''}</summary>\n\n${plan.fence}${language ?? 'text'}\n`;
}

function blockTail(plan: PreparedPlan, note: string | null): string {
  return `${plan.fence}\n${note === null ? '' : `\n${note}\n`}\n</details>\n`;
}

function renderBlock(plan: PreparedPlan, keptLines: number, style: PlanSectionStyle): string {
  const isCut = keptLines < plan.lines.length;
  const body = plan.lines
    .slice(0, keptLines)
    .map((line) => `${line}\n`)
    .join('');
  return (
    blockHead(plan, isCut) +
    body +
    blockTail(plan, isCut ? style.cutNote(plan.lines.length - keptLines) : null)
  );
}

/**
 * Water-filling: every plan gets up to the same level of the budget; plans smaller than the level keep their
 * whole size and leave the rest to the others. Returns each plan's allowance, in input order, and the level.
 */
export function fairShares(sizes: readonly number[], budget: number): { shares: number[]; level: number } {
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  const shares = sizes.map(() => 0);
  let remaining = Math.max(0, budget);
  let level = Infinity;
  for (const [position, { size, index }] of order.entries()) {
    const share = Math.floor(remaining / (order.length - position));
    if (size <= share) {
      shares[index] = size;
      remaining -= size;
    } else {
      level = share;
      for (const rest of order.slice(position)) shares[rest.index] = share;
      break;
    }
  }
  return { shares, level };
}

/** How many whole lines fit in `allowance`. */
function linesWithin(plan: PreparedPlan, allowance: number): number {
  let used = 0;
  let kept = 0;
  for (const size of plan.lineSizes) {
    if (used + size > allowance) break;
    used += size;
    kept++;
  }
  return kept;
}

/** The rendered section and how many of its plans were cut. */
export interface PlanSection {
  text: string;
  cut: number;
}

/**
 * The plans as collapsible blocks, in the order given, in at most `budget` (in `style.measure` units). Whole when
 * they fit; otherwise each is cut at a line boundary to a fair share (small plans stay whole) with a note, and a
 * line under the heading says how many were cut. Undefined when even the cut blocks would not fit, or would
 * leave each cut plan less than MIN_PLAN_SHARE: the caller then drops something else.
 */
export function renderPlanSection(
  sources: readonly PlanSource[],
  style: PlanSectionStyle,
  budget: number,
): PlanSection | undefined {
  const { measure } = style;
  const plans = sources.map((source) => prepare(source, measure));
  const whole = style.heading + plans.map((plan) => renderBlock(plan, plan.lines.length, style)).join('\n');
  if (measure(whole) <= budget) return { text: whole, cut: 0 };

  // Reserve the worst case of everything but the plan text: every block cut, with its longest note.
  const count = plans.length;
  const summaryRoom =
    Math.max(measure(style.cutSummary(1, count)), measure(style.cutSummary(count, count))) + 2;
  const blockRoom = plans.reduce(
    (sum, plan) =>
      sum + measure(blockHead(plan, true)) + measure(blockTail(plan, style.cutNote(plan.lines.length))),
    0,
  );
  const separators = Math.max(0, count - 1) * measure('\n');
  const textBudget = budget - measure(style.heading) - summaryRoom - blockRoom - separators;
  if (textBudget < 0) return undefined;
  const { shares, level } = fairShares(
    plans.map((plan) => plan.size),
    textBudget,
  );
  if (level < MIN_PLAN_SHARE) return undefined;

  // fairShares gives one share per size, so one per plan.
  const kept = plans.map((plan, index) => ({
    plan,
    lines: linesWithin(plan, itemAt(shares, index, 'share')),
  }));
  const cut = kept.filter(({ plan, lines }) => lines < plan.lines.length).length;
  const blocks = kept.map(({ plan, lines }) => renderBlock(plan, lines, style));
  const text = `${style.heading}${style.cutSummary(cut, count)}\n\n${blocks.join('\n')}`;
  return measure(text) <= budget ? { text, cut } : undefined;
}
