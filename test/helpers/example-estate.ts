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
