import type { ChangeCounts } from '../change-counts.js';
import type { ClearedRecordLock } from './record-lock.js';
import type { RecoveryEstimate } from './recovery-estimate.js';
import type { RecoveryPointReport } from './recovery-point.js';
import type { ReplicaCheck } from './replica-freshness.js';
import type { ReplicaPromotion } from './promote-replica.js';
import type { FailbackFindings } from './failback.js';

export interface ReadinessEntry {
  id: string;
  /** The instance's backend in the target region answered `init`. */
  backendReachable: boolean;
  /** The replicas of failed-region state it reads were reachable; null when it reads none. */
  replicaReachable: boolean | null;
  /** The replicas it reads hold the primary's latest state (same lineage and serial); null when it reads none. */
  replicaFresh: boolean | null;
  planSucceeded: boolean;
  changes: ChangeCounts | null;
  /** Upstreams whose `mock_outputs` stood in for real outputs in its plan: what the drill leaves unproven. */
  mockedUpstreams: string[];
  /**
   * Upstreams the failover itself creates, without which it could not be planned (no mock_outputs): the
   * failover plans it once they are applied. Unproven like a plan on mocks, not a 'no'.
   */
  deferredUntil: string[];
  /** Why it is not ready (the first 'no' of its row, in words); null when it is. */
  reason: string | null;
}

/** What a drill found beyond each instance's plan (absent from a failover or a failback). */
export interface DrillFindings {
  /** Every answer is yes (a replica read or an unmet recovery point fails the drill though every plan succeeded). */
  ready: boolean;
  /** Whether the replicas were compared with the primary (not in the reviewed plan of a real failover). */
  replicasChecked: boolean;
  /** Each failed-region state the failover reads from its replica, compared with the primary's. */
  replicas: ReplicaCheck[];
  recoveryPoint: RecoveryPointReport;
  estimate: RecoveryEstimate;
}

/** What a failover, failback or drill adds to the result. */
export interface FailoverSummary {
  mode: 'failover' | 'failback';
  from: string;
  to: string;
  dryRun: boolean;
  /** Measured: first command to last success; null for a drill or a run that did not succeed. */
  recoverySeconds: number | null;
  /** A drill's estimate from the critical path of recorded (or planned) durations. */
  estimatedRecoverySeconds: number | null;
  readiness: ReadinessEntry[];
  notes: string[];
  drill?: DrillFindings;
  /** A failover of the global region: its replica made the home of global and account state. */
  promotion?: ReplicaPromotion;
  /** A failback's phases and its check of the returning region's recovery point (core/dr/failback.ts). */
  failback?: FailbackFindings;
  /** Locks replicated onto a region's failover record from another region's, cleared (core/dr/record-lock.ts). */
  recordLocks?: ClearedRecordLock[];
}

/**
 * The failover guard's override, when a run used it: the failover records it went ahead without reading
 * (their region, and why they could not be read), because the override named their regions.
 */
export interface FailoverGuardReport {
  ignoredRecords: { region: string; reason: string }[];
  /**
   * Records that could not be read but need not be: the primary's record in effect proves that the failed
   * region it names holds none (core/dr/failover-guard.ts); absent when there was none.
   */
  provenEmpty?: { region: string; reason: string; proof: string }[];
  /** What reading the records ignored: a record at the legacy key replicated from another region's store. */
  notes?: string[];
}
