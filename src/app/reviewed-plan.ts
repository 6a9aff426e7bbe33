import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type WordedMessage } from '../core/errors.js';
import { suggest } from '../core/wording.js';
import {
  compareToReviewedPlan,
  describeReplanned,
  parseReviewedPlan,
  REVIEWED_PLAN_FILE,
  type ReplannedInstance,
  type ReviewedPlan,
} from '../core/reviewed-plan.js';
import type { FreshPlanCheck } from '../engine/saved-plan-check.js';

/** Writes what a plan run showed beside its saved plans, for an apply of them to compare fresh plans with. */
export async function writeReviewedPlan(plan: ReviewedPlan, workDirectory: string): Promise<void> {
  await mkdir(workDirectory, { recursive: true });
  await writeFile(path.join(workDirectory, REVIEWED_PLAN_FILE), `${JSON.stringify(plan, null, 2)}\n`);
}

/**
 * The text of a file that a plan run (or a failover dry run) wrote into its work directory, read back from the
 * plan directory; refused, as `missing` words it, when there is none.
 */
export async function readPlanDirectoryFile(
  planDirectory: string,
  fileName: string,
  missing: WordedMessage,
): Promise<{ file: string; text: string }> {
  const file = path.join(planDirectory, fileName);
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch {
    throw new UsageError(missing);
  }
}

/** Reads the reviewed plan of a plan directory; refuses one that is missing or not a reviewed plan. */
export async function readReviewedPlan(planDirectory: string): Promise<ReviewedPlan> {
  const { file, text } = await readPlanDirectoryFile(
    planDirectory,
    REVIEWED_PLAN_FILE,
    (name, command) =>
      `${name('plan-dir')}: no ${REVIEWED_PLAN_FILE} in ${planDirectory}, so fresh plans cannot be compared with the reviewed one; give the work directory of a plan run (${command(suggest('plan'))} writes it there)`,
  );
  const plan = parseReviewedPlan(text);
  if (typeof plan === 'string') throw new UsageError((name) => `${name('plan-dir')}: ${file} is ${plan}`);
  return plan;
}

/**
 * The check of a fresh plan against the reviewed plan, for an apply that plans stale saved plans afresh
 * (`stale-plans: replan`): each comparison is handed to `record`, for the run's report.
 */
export function checkAgainstReviewedPlan(
  plan: ReviewedPlan,
  record: (replanned: ReplannedInstance) => void,
): FreshPlanCheck {
  return (instance, fresh, why) => {
    const replanned = compareToReviewedPlan(plan, instance.id, fresh, why);
    record(replanned);
    const text = describeReplanned(replanned);
    return replanned.accepted ? { accepted: true, note: text } : { accepted: false, reason: text };
  };
}

/** The ids of the reviewed plan in a plan directory: what an apply of it (graph and report jobs) covers. */
export async function reviewedInstances(planDirectory: string): Promise<string[]> {
  return (await readReviewedPlan(planDirectory)).instances.map((entry) => entry.id);
}
