/**
 * The output a layer publishes for the drill: the time of its latest restorable snapshot (RFC 3339, e.g.
 * `2026-05-04T03:00:00Z`), as the replicated backup store in the DR region reports it.
 */
export const RECOVERY_POINT_OUTPUT = 'strata_recovery_point';

export interface RecoveryPointCheck {
  /** The instance that published it. */
  id: string;
  /** As published. */
  value: string;
  /** Seconds between the recovery point and the drill; null when the value is not a time. */
  ageSeconds: number | null;
  /** Within `dr.rpo`; null when the manifest sets none. */
  withinRpo: boolean | null;
  /** Why it does not pass, or null. */
  problem: string | null;
}

export interface RecoveryPointReport {
  /** `dr.rpo` as written, or null. */
  rpo: string | null;
  checks: RecoveryPointCheck[];
  /** Why the recovery point fails the drill as a whole (an RPO with nothing published), or null. */
  problem: string | null;
}

/**
 * Checks every published recovery point against the objective: each must be a time no older than `rpo`
 * at `now`. With an objective and nothing published, the drill cannot show the objective is met, and fails.
 */
export function checkRecoveryPoints(
  published: ReadonlyMap<string, unknown>,
  rpo: { text: string; ms: number } | undefined,
  now: Date,
): RecoveryPointReport {
  const checks = [...published.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, value]): RecoveryPointCheck => {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      const at = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(at)) {
        return {
          id,
          value: shown,
          ageSeconds: null,
          withinRpo: rpo ? false : null,
          problem: `output ${RECOVERY_POINT_OUTPUT} of ${id} is ${JSON.stringify(value)}, not an RFC 3339 time such as '2026-05-04T03:00:00Z'`,
        };
      }
      const ageMs = Math.max(0, now.getTime() - at);
      const withinRpo = rpo ? ageMs <= rpo.ms : null;
      return {
        id,
        value: shown,
        ageSeconds: Math.round(ageMs / 1000),
        withinRpo,
        problem:
          rpo && withinRpo === false
            ? `the latest recovery point of ${id} is ${formatAge(ageMs)} old, older than dr.rpo ${rpo.text}: a failover now would lose more data than the objective allows`
            : null,
      };
    });
  const problem =
    rpo && checks.length === 0
      ? `dr.rpo is ${rpo.text} but no instance the drill read publishes the output ${RECOVERY_POINT_OUTPUT}: the drill cannot show the objective is met (publish it from the layer that holds the replicated backups in the DR region)`
      : null;
  return { rpo: rpo?.text ?? null, checks, problem };
}

/** `3h 12m`, `45m`, `20s`: an age as an operator reads it. */
export function formatAge(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [
    days > 0 ? `${days}d` : '',
    hours > 0 ? `${hours}h` : '',
    minutes > 0 ? `${minutes}m` : '',
    seconds < 60 ? `${seconds}s` : '',
  ].filter((part) => part !== '');
  return parts.slice(0, 2).join(' ');
}
