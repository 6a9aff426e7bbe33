import { describe, expect, it, jest } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { instanceVariables, runCli } from '../helpers/run-dist.js';
import { copyOfEstate, needSucceeded, stage } from '../helpers/estates.js';
import { scratchDir } from '../helpers/scratch.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';
import { FAILBACK_DRY_RUN, FAILBACK_FROM_PLANS } from '../helpers/example-estate.js';

jest.setTimeout(300_000);

/**
 * A data-safe failback with real OpenTofu, on a small estate of its own (local state, one folder per region;
 * replication stood in for by copying eu-west-2's folder into eu-west-1's before the failover):
 * - `network` (region) publishes `strata_recovery_point` from its `snapshot_time` var and its role;
 * - `peers` (region) is a fan-in over every region's network, listing the primaries;
 * - `db` (environment, backup_restore) restores from a snapshot when `failover` is true, as real code with a
 *   database's `snapshot_identifier` would, so any flip of the context shows as a replacement.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const MANIFEST = `version: 1
terraform:
  binary: tofu
  lock_timeout: 30s
  command_timeout: 120s
backend:
  type: local
  config:
    path: ../../state/{region}/{id}.tfstate
  global_region: eu-west-2
  replicas:
    eu-west-2: eu-west-1
regions:
  eu-west-2: { role: primary }
  eu-west-1: { role: secondary }
dr:
  strategy: backup_restore
accounts:
  prod:
    id: '222222222222'
    regions: [eu-west-2, eu-west-1]
    environments: [production]
layers:
  - name: network
    scope: region
    path: layers/network
    vars: { snapshot_time: '2020-01-01T00:00:00Z' }
  - name: peers
    scope: region
    path: layers/peers
    depends_on: [{ layer: network, region: all, as: networks }]
  - name: db
    scope: environment
    path: layers/db
    depends_on: [network]
`;

const NETWORK = `terraform {
  backend "local" {}
}
variable "role" { type = string }
variable "snapshot_time" { type = string }
resource "terraform_data" "vpc" {
  input = { role = var.role }
}
output "role" { value = terraform_data.vpc.output.role }
output "strata_recovery_point" { value = var.snapshot_time }
`;

const PEERS = `terraform {
  backend "local" {}
}
variable "networks" { type = map(object({ role = string })) }
resource "terraform_data" "peering" {
  input = { primaries = sort([for region, network in var.networks : region if network.role == "primary"]) }
}
output "primaries" { value = terraform_data.peering.output.primaries }
`;

const DB = `terraform {
  backend "local" {}
}
variable "failover" {
  type    = bool
  default = false
}
variable "failed_region" {
  type    = string
  default = ""
}
variable "recovery_point" {
  type    = string
  default = ""
}
resource "terraform_data" "database" {
  # A real database takes its snapshot when it is created: a change of the snapshot replaces it.
  triggers_replace = [var.failover ? "snapshot of \${var.failed_region} at \${var.recovery_point}" : "empty"]
}
`;

function freshFailbackEstate(): string {
  const estate = scratchDir('strata-failback-');
  writeFileSync(path.join(estate, 'layers.yml'), MANIFEST);
  for (const [layer, code] of Object.entries({ network: NETWORK, peers: PEERS, db: DB })) {
    mkdirSync(path.join(estate, 'layers', layer), { recursive: true });
    writeFileSync(path.join(estate, 'layers', layer, 'main.tf'), code);
  }
  return estate;
}

withRealBinary(`data-safe failback against ${terraform?.name ?? 'no real binary'}`, () => {
  const cli = (estate: string, args: string[]) =>
    runCli([...args, '--manifest', 'layers.yml'], { cwd: estate, env: terraformEnv(terraform!) });
  const result = (estate: string, file: string) =>
    JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const resourcesIn = (estate: string, region: string, id: string) =>
    (
      JSON.parse(readFileSync(path.join(estate, 'state', region, `${id}.tfstate`), 'utf8')) as {
        resources: unknown[];
      }
    ).resources;
  const setSnapshotTime = (estate: string, time: string) => {
    const file = path.join(estate, 'layers.yml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/snapshot_time: '[^']*'/, `snapshot_time: '${time}'`),
    );
  };
  /** Steady state, then a failover to eu-west-1 (the manifest rewritten), then a normal apply there. */
  const failedOver = stage(() => {
    const estate = freshFailbackEstate();
    needSucceeded('the steady-state apply', cli(estate, ['apply']));
    // Replication: eu-west-1 holds copies of eu-west-2's state, which the failover reads.
    cpSync(path.join(estate, 'state/eu-west-2'), path.join(estate, 'state/eu-west-1'), { recursive: true });
    const failover = cli(estate, [
      'failover',
      '--to',
      'eu-west-1',
      '--write-manifest',
      '--json-out',
      'failover.json',
    ]);
    const restoredVariables =
      failover.status === 0 ? instanceVariables(estate, 'prod/eu-west-1/production/db') : {};
    const after = cli(estate, ['apply', '--json-out', 'after.json']);
    return { estate, failover, restoredVariables, after };
  });

  it('after a failover, a normal apply gives the restored instances the context they were restored with: no change', () => {
    const { estate, failover, restoredVariables, after } = failedOver();
    needSucceeded('the failover', failover);
    expect(restoredVariables).toMatchObject({
      failover: true,
      failed_region: 'eu-west-2',
      recovery_point: '2020-01-01T00:00:00Z',
    });
    expect(after.stderr).not.toContain('failed');
    expect(after.status).toBe(0);
    const db = result(estate, 'after.json').instances.find((i) => i.id === 'prod/eu-west-1/production/db')!;
    expect(db.changes).toEqual({ add: 0, change: 0, destroy: 0, replace: 0 });
    expect(instanceVariables(estate, 'prod/eu-west-1/production/db')).toEqual(restoredVariables);
  });

  it('failback refuses to retire anything while the recovery point of the returning region is older than the failover', () => {
    const built = failedOver();
    needSucceeded('the apply after the failover', built.after);
    const estate = copyOfEstate(built.estate, 'strata-failback-');
    // eu-west-2's snapshots are still those of before the outage.
    const failback = cli(estate, ['failback', '--to', 'eu-west-2', '--json-out', 'failback.json']);
    expect(failback.status).toBe(1);
    expect(failback.stdout).toContain('Recovery point not shown to be newer than the failover');
    expect(failback.stdout).toContain(
      'the latest recovery point of prod/eu-west-2/network (2020-01-01T00:00:00Z) is not newer than the failover to eu-west-1',
    );
    const run = result(estate, 'failback.json');
    expect(run.status).toBe('failed');
    expect(run.failover!.failback!.phases.map((phase) => [phase.name, phase.status])).toEqual([
      ['promote', 'succeeded'],
      ['verify', 'failed'],
      ['retire', 'not-run'],
      ['demote', 'not-run'],
      ['reapply', 'not-run'],
    ]);
    // The copy holding every write since the failover is still there.
    expect(resourcesIn(estate, 'eu-west-1', 'prod/eu-west-1/production/db')).toHaveLength(1);
    // The override goes on, and the report says it was used.
    const forced = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--ignore-recovery-point',
      '--json-out',
      'forced.json',
    ]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('retired anyway, by the override ignore-recovery-point');
    expect(result(estate, 'forced.json').failover!.failback!.verification.overridden).toBe(true);
  });

  it("failback refuses to retire a stateful layer's copy in the region being left unless --allow-destroy names it", () => {
    const built = failedOver();
    needSucceeded('the apply after the failover', built.after);
    const estate = copyOfEstate(built.estate, 'strata-failback-');
    const manifestFile = path.join(estate, 'layers.yml');
    const manifest = readFileSync(manifestFile, 'utf8');
    const statefulDb = manifest.replace(
      '    path: layers/db\n    depends_on: [network]\n',
      '    path: layers/db\n    depends_on: [network]\n    stateful: true\n',
    );
    expect(statefulDb).not.toBe(manifest);
    writeFileSync(manifestFile, statefulDb);
    const leftCopy = 'prod/eu-west-1/production/db';
    // The promote phase restores eu-west-2's database from the snapshot, replacing its pre-outage copy: named.
    const restoring = ['--allow-destroy', 'prod/eu-west-2/production/db'];

    // eu-west-2's snapshots are still those of before the outage: the override goes past verify, but a
    // stateful copy is destroyed only once the check has passed, whatever allow-destroy says.
    const overridden = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      '--ignore-recovery-point',
      ...restoring,
      '--allow-destroy',
      leftCopy,
      '--json-out',
      'overridden.json',
    ]);
    expect(overridden.status).toBe(1);
    expect(result(estate, 'overridden.json').instances.find((i) => i.id === leftCopy)!.error).toContain(
      `refusing to retire ${leftCopy}: layer 'db' is stateful, and destroying what it holds (terraform_data.database (delete)) needs the recovery point check to pass`,
    );
    expect(resourcesIn(estate, 'eu-west-1', leftCopy)).toHaveLength(1);

    setSnapshotTime(estate, '2099-01-01T00:00:00Z');
    const refused = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      ...restoring,
      '--json-out',
      'refused.json',
    ]);
    expect(refused.status).toBe(1);
    const retire = result(estate, 'refused.json').instances.find((i) => i.id === leftCopy)!;
    expect(retire.status).toBe('failed');
    expect(retire.error).toContain("layer 'db' is stateful and this plan would destroy what it holds");
    expect(retire.error).toContain(`--allow-destroy ${leftCopy}`);
    expect(refused.stdout).toContain(`--allow-destroy ${leftCopy}`);
    expect(
      result(estate, 'refused.json').failover!.failback!.phases.map((phase) => [phase.name, phase.status]),
    ).toEqual([
      ['promote', 'succeeded'],
      ['verify', 'succeeded'],
      ['retire', 'failed'],
      ['demote', 'not-run'],
      ['reapply', 'not-run'],
    ]);
    // Refused at its plan: the copy holding the writes since the failover is untouched.
    expect(resourcesIn(estate, 'eu-west-1', leftCopy)).toHaveLength(1);

    const allowed = cli(estate, [
      'failback',
      '--to',
      'eu-west-2',
      ...restoring,
      '--allow-destroy',
      leftCopy,
      '--json-out',
      'allowed.json',
    ]);
    expect(allowed.stderr).not.toContain('failed');
    expect(allowed.status).toBe(0);
    expect(
      result(estate, 'allowed.json').failover!.failback!.phases.map((phase) => [phase.name, phase.status]),
    ).toEqual([
      ['promote', 'succeeded'],
      ['verify', 'succeeded'],
      ['retire', 'succeeded'],
      ['demote', 'succeeded'],
      ['reapply', 'succeeded'],
    ]);
    expect(resourcesIn(estate, 'eu-west-1', leftCopy)).toEqual([]);
  });

  it('failback: promote restores in eu-west-2 from the snapshots replicated back, verify passes, retire, demote, reapply; a re-plan shows no changes', () => {
    const built = failedOver();
    needSucceeded('the apply after the failover', built.after);
    const estate = copyOfEstate(built.estate, 'strata-failback-');
    setSnapshotTime(estate, '2099-01-01T00:00:00Z');
    const dryRun = cli(estate, FAILBACK_DRY_RUN);
    expect(dryRun.status).toBe(0);
    // Every phase planned, none stopped the preview.
    expect(dryRun.stderr).toContain('[retire ');
    const failback = cli(estate, FAILBACK_FROM_PLANS);
    expect(failback.stderr).not.toContain('failed');
    expect(failback.status).toBe(0);
    const run = result(estate, 'failback.json');
    expect(
      run.failover!.failback!.phases.map((phase) => [phase.name, phase.status, phase.instances]),
    ).toEqual([
      [
        'promote',
        'succeeded',
        ['prod/eu-west-2/network', 'prod/eu-west-2/peers', 'prod/eu-west-2/production/db'],
      ],
      ['verify', 'succeeded', ['prod/eu-west-2/network']],
      ['retire', 'succeeded', ['prod/eu-west-1/production/db']],
      ['demote', 'succeeded', ['prod/eu-west-1/network', 'prod/eu-west-1/peers']],
      ['reapply', 'succeeded', ['prod/eu-west-2/peers']],
    ]);
    // The promote phase restored eu-west-2's database from the snapshot replicated back from eu-west-1.
    expect(instanceVariables(estate, 'prod/eu-west-2/production/db')).toMatchObject({
      failover: true,
      failed_region: 'eu-west-1',
      recovery_point: '2099-01-01T00:00:00Z',
    });
    expect(resourcesIn(estate, 'eu-west-1', 'prod/eu-west-1/production/db')).toEqual([]);
    // Progress names the phase, and its counter goes on across phases instead of starting again at 1.
    const lines = failback.stderr.split('\n');
    expect(lines.some((line) => /^\[promote \d+\/7\] /.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('[reapply 7/7] prod/eu-west-2/peers  succeeded'))).toBe(true);
    expect(failback.stdout).toContain('### Failback phases');
    expect(failback.stdout).toContain('Recovery point: newer than the failover');

    const replan = cli(estate, ['plan', '--json-out', 'final.json']);
    expect(replan.status).toBe(0);
    expect(result(estate, 'final.json').hasChanges).toBe(false);
  });
});
