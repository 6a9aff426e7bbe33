import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a failover of examples/multi-region from eu-west-2 to eu-west-1 runs: every instance in eu-west-1 that
 * steady state (backup_restore) has or a failover creates; sandbox runs only in eu-west-2, so it has no target.
 */
export const EXAMPLE_FAILOVER_TARGETS = [
  'dev/eu-west-1/data',
  'dev/eu-west-1/dev/app',
  'dev/eu-west-1/network',
  'prod/eu-west-1/data',
  'prod/eu-west-1/network',
  'prod/eu-west-1/production/app',
  'prod/eu-west-1/staging/app',
];

/** The failback both DR suites run: a dry run that saves every stage's plans in failback-plans ... */
export const FAILBACK_DRY_RUN = [
  'failback',
  '--to',
  'eu-west-2',
  '--dry-run',
  '--work-dir',
  'failback-plans',
];
/** ... then the failback that applies exactly those, writing its result and the manifest's new roles. */
export const FAILBACK_FROM_PLANS = [
  'failback',
  '--to',
  'eu-west-2',
  '--plan-dir',
  'failback-plans',
  '--json-out',
  'failback.json',
  '--write-manifest',
];

/**
 * The reviewed failback as the failover workflow runs it, which holds the deploys: a dry run that writes the
 * hold into eu-west-2's record and saves its plans in fb-plans (the example publishes no recovery point) ...
 */
export const HELD_FAILBACK_DRY_RUN = [
  'failback',
  '--to',
  'eu-west-2',
  '--dry-run',
  '--hold-deploys',
  '--work-dir',
  'fb-plans',
  '--ignore-recovery-point',
];
/** ... then the failback that applies those plans, replacing the hold, writing its result and the roles. */
export const HELD_FAILBACK_FROM_PLANS = [
  'failback',
  '--to',
  'eu-west-2',
  '--plan-dir',
  'fb-plans',
  '--work-dir',
  'fb-plans',
  '--write-manifest',
  '--ignore-recovery-point',
  '--json-out',
  'failback.json',
];

/**
 * Makes the example's network layer publish `strata_recovery_point` (in every region): `value` is its HCL
 * expression, e.g. `"2026-05-04T03:00:00Z"` (quoted: a string).
 */
export function publishRecoveryPoint(estate: string, value: string): void {
  writeFileSync(
    path.join(estate, 'terraform/region/network/recovery-point.tf'),
    `output "strata_recovery_point" {\n  value = ${value}\n}\n`,
  );
}
