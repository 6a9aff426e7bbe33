import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../src/core/run-result.js';
import { needSucceeded, stage } from '../helpers/estates.js';
import { cliOnStores, exampleEstateOn, storesOfFile } from '../helpers/state-stores.js';
import { realTerraform } from '../helpers/terraform-binary.js';
import { publishRecoveryPoint as publishToEstate } from '../helpers/example-estate.js';

// The first case to run applies the estate its copy starts from, and takes that time too.
jest.setTimeout(300_000);

/**
 * Drills that tell the truth, with real OpenTofu and real per-region state stores (the global region's store
 * replicated into eu-west-1): a replica left behind by broken replication, and a recovery point older than
 * `dr.rpo`, each fail the drill, with the reason in the readiness report.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`failover drills against ${terraform?.name ?? 'no real binary: run npm run tools'}`, () => {
  /** The stores of the applied stage, and each case's copy of them. */
  const { start: startStores, copyOf } = storesOfFile(['eu-west-2', 'eu-west-1'], {
    'eu-west-2': 'eu-west-1',
  });
  const onStores = cliOnStores(terraform);
  const manifestFile = (estate: string) => path.join(estate, 'layers.yml');

  // The estate applied once (test/helpers/estates.ts), its recovery point published as an old time; each case
  // drills on its own copy of estate and stores, so that what one case changes cannot reach another.
  const applied = stage(async () => {
    const stores = await startStores();
    const estate = exampleEstateOn(stores);
    writeFileSync(
      manifestFile(estate),
      readFileSync(manifestFile(estate), 'utf8').replace(
        'lock_timeout: 30s',
        'lock_timeout: 30s\n  command_timeout: 60s',
      ),
    );
    publishToEstate(estate, '"2020-01-01T00:00:00Z"');
    const apply = onStores(estate, ['apply']);
    await stores.settle();
    return { estate, stores, apply };
  });

  /** A copy of the applied estate on a copy of its stores, and the CLI and a drill on them. */
  const ownEstate = async () => {
    const built = await applied();
    needSucceeded('the apply of the estate', built.apply);
    const { estate, stores } = await copyOf(built);
    const cli = (args: string[]) => onStores(estate, args);
    const drill = (name: string) => {
      const run = cli(['failover', '--to', 'eu-west-1', '--dry-run', '--json-out', `${name}.json`]);
      const result = JSON.parse(readFileSync(path.join(estate, `${name}.json`), 'utf8')) as RunResult;
      return { ...run, result, failover: result.failover!, findings: result.failover!.drill! };
    };
    return { estate, stores, cli, drill };
  };

  it('replication working: every replica is as fresh as the primary, and the drill is ready', async () => {
    const { drill } = await ownEstate();
    const { status, stdout, findings, failover } = drill('fresh');
    expect(status).toBe(0);
    expect(findings.replicas.map((check) => [check.id, check.status])).toEqual([
      ['dev/iam', 'fresh'],
      ['dns', 'fresh'],
      ['prod/iam', 'fresh'],
    ]);
    expect(failover.readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')).toMatchObject({
      replicaFresh: true,
      reason: null,
    });
    expect(stdout).toContain('Ready: every instance planned against live state.');
    // No dr.rpo: the published recovery point is shown, not checked.
    expect(stdout).toContain('No recovery point objective (dr.rpo) is set');
    expect(findings.recoveryPoint.checks.map((check) => check.id)).toEqual([
      'dev/eu-west-1/network',
      'prod/eu-west-1/network',
    ]);
  });

  it('replication broken (the replica of dns left behind): not ready, and the table says why', async () => {
    const { stores, drill } = await ownEstate();
    const current = stores.readObject('eu-west-2', 'dns.tfstate')!;
    const state = JSON.parse(current) as { serial: number };
    expect(stores.readObject('eu-west-1', 'dns.tfstate')).toBe(current);
    await stores.putObject(
      'eu-west-1',
      'dns.tfstate',
      JSON.stringify({ ...state, serial: state.serial - 1 }),
    );
    const { status, stdout, findings, failover } = drill('stale');
    expect(status).toBe(1);
    expect(findings.replicas.find((check) => check.id === 'dns')).toMatchObject({ status: 'stale' });
    const app = failover.readiness.find((entry) => entry.id === 'prod/eu-west-1/staging/app')!;
    expect(app.planSucceeded).toBe(true);
    expect(app.reason).toContain(
      `replica of dns stale: the replica is at serial ${state.serial - 1}, the primary at ${state.serial}`,
    );
    expect(stdout).toContain('**Not ready**');
    expect(stdout).toMatch(
      /\| prod\/eu-west-1\/staging\/app \| yes \| yes \| NO \| yes \| .* \| replica of dns stale/,
    );
    expect(stdout).toContain('| dns | eu-west-2 → eu-west-1 | NO (stale) |');
  });

  it('dr.rpo: a recovery point older than the objective fails the drill; a recent one passes', async () => {
    const { estate, cli, drill } = await ownEstate();
    writeFileSync(
      manifestFile(estate),
      readFileSync(manifestFile(estate), 'utf8').replace('dr:\n', 'dr:\n  rpo: 1h\n'),
    );
    const old = drill('old-backup');
    expect(old.status).toBe(1);
    expect(old.findings.recoveryPoint.checks.every((check) => check.withinRpo === false)).toBe(true);
    expect(old.stdout).toContain('Objective (dr.rpo): data no older than **1h**');
    expect(old.stdout).toContain(
      'older than dr.rpo 1h: a failover now would lose more data than the objective allows',
    );

    publishToEstate(estate, 'timestamp()');
    expect(cli(['apply', '--layer', 'network', '--region', 'eu-west-1']).status).toBe(0);
    const recent = drill('recent-backup');
    expect(recent.findings.recoveryPoint.checks.map((check) => check.withinRpo)).toEqual([true, true]);
    expect(recent.status).toBe(0);
  });
});
