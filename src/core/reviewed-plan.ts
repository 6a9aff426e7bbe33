import { parsedJsonOrReason } from './json-text.js';
import { compareToPreview, describeDifferences, type UnexpectedChange } from './dr/compare-to-preview.js';
import type { PreviewChange } from './dr/failover-preview.js';
import type { RunResult } from './run-result.js';

/** The file a plan run writes beside its saved plans: what a reviewer of that plan saw. */
export const REVIEWED_PLAN_FILE = 'reviewed-plan.json';

/** What a plan run showed: every instance it planned, and the resource changes of its plan. */
export interface ReviewedPlan {
  version: 1;
  instances: { id: string; changes: PreviewChange[] }[];
}

/**
 * What an apply of saved plans does with a plan that cannot be applied as saved (none saved, made with mock
 * outputs, or its inputs changed since): `refuse` fails the instance; `replan` plans it afresh and applies the
 * fresh plan unless it destroys, replaces or forgets something the reviewed plan did not show.
 */
export type StalePlans = 'refuse' | 'replan';
export const STALE_PLANS: readonly StalePlans[] = ['refuse', 'replan'];

/** An instance of an apply of saved plans that was planned afresh, and how its fresh plan compares. */
export interface ReplannedInstance {
  id: string;
  /** Why its saved plan could not be applied as saved. */
  why: string;
  /** Whether the reviewed plan had the instance at all. */
  wasReviewed: boolean;
  /** Changes of the fresh plan that the reviewed plan did not show with that very action. */
  differences: UnexpectedChange[];
  /** False when a difference loses something (destroy, replace, forget): the instance was not applied. */
  accepted: boolean;
}

/** What an apply of saved plans (`plan-dir`) adds to its result. */
export interface ReviewedPlanReport {
  stalePlans: StalePlans;
  replanned: ReplannedInstance[];
}

/** The reviewed plan of a plan run: each instance whose plan succeeded, with its resource changes. */
export function buildReviewedPlan(run: RunResult): ReviewedPlan {
  return {
    version: 1,
    instances: run.instances.flatMap((instance) =>
      instance.status === 'succeeded' && instance.changes !== null
        ? [
            {
              id: instance.id,
              changes: instance.resourceChanges.map(({ address, action }) => ({ address, action })),
            },
          ]
        : [],
    ),
  };
}

/** Reads a reviewed plan file's JSON; a message when it is not one. */
export function parseReviewedPlan(text: string): ReviewedPlan | string {
  const parsed = parsedJsonOrReason(text);
  if ('reason' in parsed) return parsed.reason;
  const plan = parsed.value as Partial<ReviewedPlan> | null;
  const isEntry = (entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as { id?: unknown }).id === 'string' &&
    Array.isArray((entry as { changes?: unknown }).changes);
  if (
    plan === null ||
    typeof plan !== 'object' ||
    plan.version !== 1 ||
    !Array.isArray(plan.instances) ||
    !plan.instances.every(isEntry)
  ) {
    return 'not a Strata reviewed plan (version 1)';
  }
  return plan as ReviewedPlan;
}

/**
 * Compares the fresh plan of an instance whose saved plan could not be applied with what the reviewed plan
 * showed for it (nothing, when the reviewed plan did not have it): the same guarantee as a reviewed failover,
 * nothing is destroyed, replaced or forgotten that a reviewer did not see; other differences are reported.
 */
export function compareToReviewedPlan(
  plan: ReviewedPlan,
  id: string,
  fresh: readonly PreviewChange[],
  why: string,
): ReplannedInstance {
  const entry = plan.instances.find((candidate) => candidate.id === id);
  const comparison = compareToPreview(entry ?? { changes: [] }, fresh);
  return {
    id,
    why,
    wasReviewed: entry !== undefined,
    differences: comparison.ok ? comparison.differences : comparison.unexpected,
    accepted: comparison.ok,
  };
}

/** What to say of a fresh change at an address the reviewed plan did not have. */
export function unshownChange(replanned: Pick<ReplannedInstance, 'wasReviewed'>): string {
  return replanned.wasReviewed ? 'the reviewed plan showed no change' : 'not in the reviewed plan';
}

/** What an instance's log and error say of its comparison with the reviewed plan. */
export function describeReplanned(replanned: ReplannedInstance): string {
  const listed = describeDifferences(replanned.differences, unshownChange(replanned), 'the reviewed plan');
  if (!replanned.accepted) {
    return `${replanned.why}, and its fresh plan does what the reviewed plan did not show:\n${listed}\nNothing of ${replanned.id} was applied, nor of what depends on it; plan the change again, review that plan, and apply it`;
  }
  return replanned.differences.length === 0
    ? `${replanned.why}: planned afresh, its plan makes the same changes as the reviewed plan`
    : `${replanned.why}: planned afresh, its plan makes what the reviewed plan showed but for changes that destroy nothing:\n${listed}`;
}
