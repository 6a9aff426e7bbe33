import path from 'node:path';
import { summariseFailure } from '../../core/dr/drill-readiness.js';
import {
  isStaleLock,
  promotedStates,
  type PromotedLock,
  type PromotedState,
  type ReplicaPromotion,
} from '../../core/dr/promote-replica.js';
import type { BackendConfig } from '../../core/graph/types.js';
import { stateReadCalls, type ReplicaStateContext } from './replica-states.js';
import type { Manifest } from '../../core/manifest/types.js';
import type { TerraformCall } from '../../engine/terraform-client.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import { parseLockError, type LockInfo } from '../../terraform/lock-info.js';
import { parseStateIdentity } from '../../terraform/state-identity.js';

export interface PromotionContext extends ReplicaStateContext {
  manifest: Manifest;
  /** When the failover started: a replicated lock older than that is stale. */
  failoverStartedAt: Date;
  /** The audit line's who (core/dr/promote-replica.ts `actorOf`) and when. */
  actor: string;
  now: () => Date;
}

/**
 * Promotes the replica region `to` to hold global and account state: reads every such state there (init and
 * `state pull`, no lock) to make sure the replica exists, then takes and releases its lock once (a dry-run
 * `state rm`), which fails with the Lock Info when a lock replicated from the failed region is still there;
 * a lock taken before the failover started is released with `force-unlock`, the way an operator would, and
 * recorded (who, when, which lock). Nothing touches the failed region. One state at a time, each in a data
 * directory of its own.
 */
export async function promoteReplica(
  context: PromotionContext,
  regions: { from: string; to: string },
): Promise<ReplicaPromotion> {
  const states: PromotedState[] = [];
  const locks: PromotedLock[] = [];
  for (const state of promotedStates(context.manifest, context.graph, regions.to)) {
    const call = await stateReadCalls(
      context,
      state.id,
      path.resolve(context.manifestDirectory, state.path),
      ['promotion', instanceDirectoryName(state.id)],
    );
    const read = await readReplica(context, call, state.backend);
    if ('problem' in read) {
      states.push({ id: state.id, lineage: null, serial: null, problem: read.problem });
      continue;
    }
    const probe = await context.terraform.probeLock(call('lock-probe'));
    let problem: string | null = null;
    if (probe.exitCode !== 0) {
      const lock = parseLockError(probe.tail);
      if (lock === undefined) {
        problem = summariseFailure(`the lock check failed\n${probe.tail}`, 'failed');
      } else {
        const released = await releaseIfStale(context, call, state.id, lock, regions.to);
        locks.push(released.lock);
        problem = released.problem;
      }
    }
    states.push({ id: state.id, ...read, problem });
  }
  return { from: regions.from, to: regions.to, manifestWritten: false, states, locks };
}

type CallFor = (command: string) => TerraformCall;

async function readReplica(
  context: PromotionContext,
  call: CallFor,
  backend: BackendConfig,
): Promise<{ lineage: string; serial: number } | { problem: string }> {
  const init = await context.terraform.init(call('init'), backend);
  if (init.exitCode !== 0) return { problem: summariseFailure(`init failed\n${init.tail}`, 'failed') };
  const pulled = await context.terraform.statePull(call('state-pull'));
  if (pulled.exitCode !== 0)
    return { problem: summariseFailure(`state pull failed\n${pulled.tail}`, 'failed') };
  try {
    const identity = parseStateIdentity(pulled.stdout);
    return identity ?? { problem: 'no state here: replication has not copied it' };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** The lock found, released when it is stale; with the reason when it is left in place. */
async function releaseIfStale(
  context: PromotionContext,
  call: CallFor,
  instance: string,
  lock: LockInfo,
  region: string,
): Promise<{ lock: PromotedLock; problem: string | null }> {
  const found: PromotedLock = {
    instance,
    lockId: lock.id,
    path: lock.path,
    heldBy: lock.who,
    operation: lock.operation,
    created: lock.createdText,
    clearedBy: null,
    clearedAt: null,
  };
  const holder = `lock ${lock.id || '(no id)'} held by ${lock.who || 'an unknown holder'} since ${lock.createdText || 'an unknown time'}`;
  if (lock.id === '' || lock.createdAt === null) {
    return {
      lock: found,
      problem: `${holder}: Strata cannot tell whether it is stale, so it is left in place; release it with 'tofu force-unlock <ID>' once no run holds it`,
    };
  }
  if (!isStaleLock(lock.createdAt, context.failoverStartedAt)) {
    return {
      lock: found,
      problem: `${holder}: taken after the failover started, so a run in ${region} may hold it; left in place (wait for that run, or release it with 'tofu force-unlock ${lock.id}' once none holds it)`,
    };
  }
  const unlocked = await context.terraform.forceUnlock(call('force-unlock'), lock.id);
  if (unlocked.exitCode !== 0) {
    return {
      lock: found,
      problem: summariseFailure(`${holder}: force-unlock failed\n${unlocked.tail}`, 'failed'),
    };
  }
  return {
    lock: { ...found, clearedBy: context.actor, clearedAt: context.now().toISOString() },
    problem: null,
  };
}
