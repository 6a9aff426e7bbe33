import { releaseDeploys } from '../app/dr/deploy-hold.js';
import { executeFailover } from '../app/dr/failover.js';
import { describeRelease } from '../core/render/deploy-hold-text.js';
import { UsageError } from '../core/errors.js';
import { renderFailoverReport } from '../core/render/failover-report.js';
import { runTable } from '../core/render/run-text.js';
import type { CliOutput } from './output.js';
import { parseRunFlags, pathFromCwd, runSettingsFromFlags } from './run-options.js';
import { splitList } from './selection-options.js';
import { createCliSession, exitCode, type CliProcess } from './terraform-command.js';
import { terminalWording } from './terminal-wording.js';

export function failoverHelp(mode: 'failover' | 'failback'): string {
  const what =
    mode === 'failover'
      ? `Brings the service up in REGION while the failed region (default: the current primary) is down: plans and
applies every region and environment layer marked 'failover: apply' in REGION, in dependency order, with
role=primary, failover=true and failed_region in their context. No command touches the failed region: state
kept there is read from its replica (backend.replicas), read-only. With --dry-run this is the failover drill.`
      : `REGION is back: the mirror of a failover, in phases. promote: REGION's layers applied as primary with
failover=true and failed_region=the region being left, so their code restores from the snapshots replicated
back. verify: REGION's strata_recovery_point must be newer than the failover (the failover record's time), or
nothing is retired. retire, demote: the region being left returns to its steady state (the environment copies
backup_restore does not keep destroyed, the rest re-applied as secondary). reapply: what the demotion changed
the inputs of. The failover record in REGION then keeps what was restored, for the context of later runs.`;
  return `Usage: strata ${mode} --to REGION [options]

${what}

Options:
  --to REGION              the region to ${mode === 'failover' ? 'fail over to' : 'make primary again'} (required)
  --from REGION            ${mode === 'failover' ? 'the failed region (default: the primary in the manifest)' : 'the region to demote (default: the primary in the manifest)'}
  --dry-run                plan only, apply nothing${mode === 'failover' ? ': report readiness and the estimated recovery time' : ''}
  --plan-dir DIR           apply what a --dry-run previewed in DIR (its --work-dir): saved plans whose inputs
                           did not change as saved, the others planned afresh and stopped if they destroy or
                           replace what the preview did not show
  --allow-destroy INSTANCE  let the plan of INSTANCE, of a layer marked 'stateful: true', destroy or replace
                           its resources (refused otherwise); repeat for several; the result records it
  --force                  go ahead although the manifest already names --to as primary
  --write-manifest         after success, write the new roles into the manifest (only the role values change;
                           with --account or --environment, only their primary_region)
  --hold-deploys           first write a pending record into --to's state store: every normal apply and
                           destroy refuses until this ${mode} is applied
${mode === 'failover' ? '  --history FILE           a previous failover result: its durations estimate the recovery time of a drill\n  --skip-replica-check     a drill compares each replica with the primary it reads; skip that when the\n                           primary is really down (the reviewed plan of a failover)\n' : '  --ignore-recovery-point  retire although the recovery point of --to is not shown to be newer than the\n                           failover: the writes made since may be lost (the report records it)\n'}  --account A, --environment E, --layer L
                           ${mode} only these (lists: repeat or separate with commas). With --account or
                           --environment only they move: their primary is --to, the rest of the estate keeps
                           its own, and the failover record and the guard cover only them
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model, with its failover section, as JSON
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 success (a drill: ready), 1 failed (a drill: not ready), 2 bad input, 130 interrupted.
`;
}

export async function failoverCommand(
  mode: 'failover' | 'failback',
  argv: string[],
  output: CliOutput,
  process: CliProcess,
): Promise<number> {
  const values = parseRunFlags(argv, {
    to: { type: 'string' },
    from: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'write-manifest': { type: 'boolean', default: false },
    history: { type: 'string' },
    'hold-deploys': { type: 'boolean', default: false },
    'release-deploys': { type: 'boolean', default: false },
    'skip-replica-check': { type: 'boolean', default: false },
    'ignore-recovery-point': { type: 'boolean', default: false },
    account: { type: 'string', multiple: true },
    environment: { type: 'string', multiple: true },
    layer: { type: 'string', multiple: true },
  });
  if (values.help) {
    output.out(failoverHelp(mode));
    return 0;
  }
  if (values.to === undefined)
    throw new UsageError(
      `--to REGION is required: the region to ${mode === 'failover' ? 'fail over' : 'fail back'} to`,
    );
  if (values.history !== undefined && mode === 'failback')
    throw new UsageError('--history only goes with failover');
  if (values['skip-replica-check'] && (mode === 'failback' || !values['dry-run']))
    throw new UsageError('--skip-replica-check only goes with failover --dry-run');
  if (values['ignore-recovery-point'] && mode === 'failover')
    throw new UsageError('--ignore-recovery-point only goes with failback');
  if (values['release-deploys']) {
    const released = await releaseDeploys(
      {
        mode,
        to: values.to,
        manifestFile: values.manifest,
        workDirectory: values['work-dir'],
        terraformBinary: values['terraform-binary'],
        cwd: process.cwd,
        env: process.env,
        wording: terminalWording,
      },
      createCliSession(output, undefined).adapters(process.signal),
    );
    output.out(`${describeRelease(values.to, released.released, released.clearedLocks)}\n`);
    return 0;
  }
  const session = createCliSession(output, pathFromCwd(process, values['json-out']));
  const run = await executeFailover(
    {
      ...runSettingsFromFlags(values, process),
      mode,
      to: values.to,
      from: values.from,
      dryRun: values['dry-run'],
      force: values.force,
      writeManifest: values['write-manifest'],
      history: values.history,
      holdDeploys: values['hold-deploys'],
      checkReplicas: !values['skip-replica-check'],
      ignoreRecoveryPoint: values['ignore-recovery-point'],
      accounts: splitList(values.account),
      environments: splitList(values.environment),
      layers: splitList(values.layer),
    },
    session.adapters(process.signal),
  );
  session.finish(run);
  output.out(
    `\n${session.redactor.redact(runTable(run))}\n${session.redactor.redact(renderFailoverReport(run, terminalWording.setting))}`,
  );
  return exitCode(run, process);
}
