import type { ReplicaPromotion } from '../dr/promote-replica.js';
import type { SettingName } from '../wording.js';

const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * The failover report's section on the promoted replica: where global and account state lives from now on,
 * each state read there, and the audit of every replicated lock found (who cleared it, when, which lock).
 * The setting that writes the manifest is named as `name` words it.
 */
export function renderPromotion(promotion: ReplicaPromotion | undefined, name: SettingName): string[] {
  if (!promotion) return [];
  const { from, to } = promotion;
  const failed = promotion.states.filter((state) => state.problem !== null);
  const lines = [
    '### Global and account state promoted',
    '',
    failed.length === 0
      ? `Global and account state lives in ${to} from now on (backend.global_region: ${from} → ${to}${promotion.manifestWritten ? ', written into the manifest' : `; ${name('write-manifest')} writes it`}). Replication from ${from} is one-way: set up ${to} → ${from} before relying on ${from} again.`
      : `Not promoted: ${failed.length} of ${promotion.states.length} states in ${to} cannot be relied on; the manifest was left as it is. Fix what is listed, then run the failover again (it promotes again).`,
    '',
    '| state | lineage | serial | problem |',
    '| --- | --- | --- | --- |',
    ...promotion.states.map(
      (state) =>
        `| ${state.id} | ${state.lineage ?? '—'} | ${state.serial ?? '—'} | ${cell(state.problem ?? '')} |`,
    ),
    '',
  ];
  if (promotion.locks.length > 0) {
    lines.push(
      'Replicated locks found:',
      '',
      '| state | lock | held by | since | cleared |',
      '| --- | --- | --- | --- | --- |',
      ...promotion.locks.map(
        (lock) =>
          `| ${lock.instance} | ${cell(lock.lockId)} (${cell(lock.path)}) | ${cell(lock.heldBy)}, ${cell(lock.operation)} | ${cell(lock.created)} | ${lock.clearedBy === null ? 'NO: left in place' : `by ${cell(lock.clearedBy)} at ${lock.clearedAt ?? ''} (force-unlock)`} |`,
      ),
      '',
    );
  }
  return lines;
}
