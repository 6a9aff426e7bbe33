import { changesOf, hasChanges, type InstanceResult, type RunResult } from '../run-result.js';
import { sortForReport } from './instance-table.js';
import type { PlanSource } from './plan-blocks.js';
import { planForReport } from './plan-text.js';
import { plural } from './plural.js';

/** Where a plan goes in a report: failed ones first, then those that replace, then other changes. */
function planRank(instance: InstanceResult): number {
  const changes = changesOf(instance);
  if (instance.status === 'failed') return 0;
  if (changes !== null && changes.replace > 0) return 1;
  return hasChanges(changes) ? 2 : 3;
}

/**
 * The plans a report shows, failed first, then those that replace something, then the other changed ones (table
 * order within each), shaped for reading (planForReport); plans without changes get no block of their own, only
 * their count. Instances without a plan text have no block.
 */
export function planSources(
  run: RunResult,
  plans: ReadonlyMap<string, string>,
): { shown: PlanSource[]; unchanged: number } {
  const ranked = sortForReport(run.instances)
    .flatMap((instance) => {
      const text = plans.get(instance.id);
      return text === undefined ? [] : [{ instance, text, rank: planRank(instance) }];
    })
    .sort((a, b) => a.rank - b.rank);
  const shown = ranked
    .filter(({ rank }) => rank < 3)
    .map(({ instance, text, rank }) => {
      const changes = changesOf(instance);
      const isFailed = rank === 0;
      return {
        id: instance.id,
        changes,
        isFailed,
        ...planForReport(text, { isFailed, hasChanges: hasChanges(changes) }),
      };
    });
  return { shown, unchanged: ranked.length - shown.length };
}

/** `7 instances: no changes`: the plans that changed nothing, in one line instead of a block each. */
export function unchangedLine(count: number): string {
  return count === 0 ? '' : `**${plural(count, 'instance')}: no changes**\n`;
}
