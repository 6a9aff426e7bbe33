import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import { readResultFile } from '../../src/adapters/result-file-store.js';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { node24 } from '../helpers/node24.js';
import { runCli } from '../helpers/run-dist.js';
import { startProcess } from '../helpers/scratch.js';
import { StateStores, exampleEstateOn } from '../helpers/state-stores.js';
import { realTerraform, terraformEnv } from '../helpers/terraform-binary.js';

/**
 * The faults a real binary can meet without being told to: a state lock another run holds, Ctrl-C during an
 * apply, Strata itself killed mid-run. Real OpenTofu, state in a real S3-compatible store (the lock is an
 * object there, taken with a conditional write), and a dns layer whose first apply runs a provisioner that
 * sleeps, so that a run holds its lock for as long as a test needs.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(`faults against ${terraform?.name ?? 'no real binary: run npm run tools'}`, () => {
  let stores: StateStores;
  let estate: string;
  const env = () => ({ ...process.env, ...terraformEnv(terraform!), ...StateStores.credentials() });
  const cli = (args: string[]) => runCli([...args, '--manifest', 'layers.yml'], { cwd: estate, env: env() });
  const start = (args: string[]) =>
    startProcess(node24(), [path.resolve('dist/cli.js'), ...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: env(),
    });
  const resultOf = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
  const dnsLock = () => stores.readObject('eu-west-2', 'dns.tfstate.tflock');
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(estate, file), change(readFileSync(path.join(estate, file), 'utf8')));
  const waitFor = async (what: string, isDone: () => boolean, timeoutMs = 30_000) => {
    for (const deadline = Date.now() + timeoutMs; !isDone();) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeEach(async () => {
    stores = await StateStores.start(['eu-west-2', 'eu-west-1'], { 'eu-west-2': 'eu-west-1' });
    estate = exampleEstateOn(stores);
    edit('layers.yml', (text) =>
      text
        .replace('lock_timeout: 30s', 'lock_timeout: 1s')
        .replace(
          '    path: terraform/global/dns\n',
          '    path: terraform/global/dns\n    vars: { hold_seconds: 30 }\n',
        ),
    );
    edit(
      'terraform/global/dns/main.tf',
      (text) =>
        `${text}\nvariable "hold_seconds" {\n  type    = number\n  default = 0\n}\n\n` +
        'resource "terraform_data" "hold" {\n  provisioner "local-exec" {\n' +
        '    command = "sleep ${var.hold_seconds}"\n  }\n}\n',
    );
  });
  afterEach(() => stores.close());

  it('a state lock held by another run: names the holder from OpenTofu real lock text; Ctrl-C frees it', async () => {
    const holder = start(['apply', '--layer', 'dns', '--json-out', 'holder.json', '--work-dir', 'holder']);
    let holderErr = '';
    holder.stderr.setEncoding('utf8').on('data', (chunk: string) => (holderErr += chunk));
    await waitFor(
      'the first run to take the lock',
      () => dnsLock() !== undefined && /dns {2}apply/.test(holderErr),
    );
    expect(JSON.parse(dnsLock()!)).toMatchObject({ Operation: 'OperationTypeApply' });

    const second = cli(['plan', '--layer', 'dns', '--json-out', 'second.json']);
    expect(second.status).toBe(1);
    const error = resultOf('second.json').instances[0]!.error!;
    expect(error).toContain('Error acquiring the state lock');
    // Holder, operation and age, read from OpenTofu's own lock text.
    expect(error).toMatch(
      /The state of dns is locked by \S+@\S+ for an apply \(or destroy\) \(version \d+\.\d+\.\d+\) since \d{4}-\d\d-\d\d \d\d:\d\d UTC, for \d+s\./,
    );
    expect(error).toContain('State:   tfstate-eu-west-2/dns.tfstate');
    expect(error).toContain('force-unlock');

    holder.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => holder.once('close', resolve));
    expect(code).toBe(130);
    expect(resultOf('holder.json').status).toBe('cancelled');
    // Checked in the store itself: OpenTofu deleted its lock object before Strata exited.
    expect(dnsLock()).toBeUndefined();
    const log = readFileSync(path.join(estate, 'holder', 'instances', 'dns', 'apply.log'), 'utf8');
    expect(log.match(/Interrupt received/g)).toHaveLength(1);
    expect(cli(['plan', '--layer', 'dns']).status).toBe(0);
  });

  it('the primary region down, no failover: not refused; only what keeps its state there fails', async () => {
    edit('layers.yml', (text) => text.replace('vars: { hold_seconds: 30 }', 'vars: { hold_seconds: 0 }'));
    await stores.stop('eu-west-2');
    const apply = cli(['apply', '--json-out', 'r.json']);
    expect(apply.status).toBe(1);
    expect(apply.stderr).not.toContain('Cannot tell');
    const run = resultOf('r.json');
    expect(run.failoverGuard).toBeUndefined();
    // Global and account state live in the global region, eu-west-2; everything else waits on them.
    expect(
      run.instances
        .filter((i) => i.status === 'failed')
        .map((i) => i.id)
        .sort(),
    ).toEqual(['dev/iam', 'dns', 'prod/iam']);
    expect(run.instances.find((i) => i.id === 'dns')!.error).toContain('connection refused');
  }, 120_000);

  it('a secondary region down: the apply refuses, its failover record cannot be read; the override runs it', async () => {
    edit('layers.yml', (text) => text.replace('vars: { hold_seconds: 30 }', 'vars: { hold_seconds: 0 }'));
    await stores.stop('eu-west-1');
    const refused = cli(['apply', '--json-out', 'refused.json']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Cannot tell whether a failover is in effect');
    expect(refused.stderr).toContain('the failover record in eu-west-1 cannot be read');
    expect(refused.stderr).toContain('--ignore-failover-record eu-west-1');
    expect(refused.stderr).toContain('connection refused');
    // Refused before anything ran: no instance state was touched, and no result claims otherwise.
    expect(existsSync(path.join(estate, 'refused.json'))).toBe(false);
    expect(stores.readObject('eu-west-2', 'dns.tfstate')).toBeUndefined();

    const apply = cli(['apply', '--json-out', 'r.json', '--ignore-failover-record', 'eu-west-1']);
    expect(apply.status).toBe(1);
    const run = resultOf('r.json');
    expect(run.failoverGuard!.ignoredRecords).toEqual([
      { region: 'eu-west-1', reason: expect.stringContaining('connection refused') as unknown as string },
    ]);
    const failed = run.instances.filter((i) => i.status === 'failed').map((i) => i.id);
    expect(failed.sort()).toEqual(['dev/eu-west-1/network', 'prod/eu-west-1/network']);
    expect(run.instances.filter((i) => i.status === 'succeeded')).toHaveLength(11);
    // The data clusters there wait on those networks.
    expect(
      run.instances
        .filter((i) => i.status === 'skipped')
        .map((i) => i.id)
        .sort(),
    ).toEqual(['dev/eu-west-1/data', 'prod/eu-west-1/data']);
    const error = run.instances.find((i) => i.id === 'prod/eu-west-1/network')!.error!;
    expect(error).toContain('connection refused');
    expect(error).toContain('the region looks unavailable');
    expect(error).toContain('strata failover');
    // OpenTofu's S3 client retries a refused connection for about ten seconds, per command.
  }, 180_000);

  it('Strata killed with SIGKILL mid-run: the result file is whole JSON, and --resume finishes the rest', async () => {
    edit('layers.yml', (text) => text.replace('vars: { hold_seconds: 30 }', 'vars: { hold_seconds: 0 }'));
    const child = start(['apply', '--json-out', 'killed.json', '--parallelism', '1']);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await waitFor('three instances to succeed', () => (stderr.match(/ succeeded /g) ?? []).length >= 3);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    // OpenTofu processes outlive a killed Strata (their own process group) and finish; let them.
    await waitFor('the orphaned OpenTofu to release its locks', () =>
      ['dns', 'prod/iam', 'dev/iam'].every(
        (id) => stores.readObject('eu-west-2', `${id}.tfstate.tflock`) === undefined,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // The file alone is whole JSON saying the run never finished; its journal folded in, it is not behind the
    // progress lines shown.
    expect(resultOf('killed.json')).toMatchObject({ status: 'running', finishedAt: null });
    const killed = await readResultFile(path.join(estate, 'killed.json'), 'killed.json');
    const succeeded = killed.instances.filter((i) => i.status === 'succeeded');
    expect(succeeded.length).toBeGreaterThanOrEqual((stderr.match(/ succeeded /g) ?? []).length);
    expect(succeeded.length).toBeGreaterThanOrEqual(3);
    expect(killed.instances.some((i) => i.status !== 'succeeded')).toBe(true);

    const resumed = cli(['apply', '--resume', 'killed.json', '--json-out', 'resumed.json']);
    expect(resumed.stderr).not.toContain('failed');
    expect(resumed.status).toBe(0);
    const final = resultOf('resumed.json');
    expect(final.instances).toHaveLength(15);
    expect(final.instances.every((i) => i.status === 'succeeded')).toBe(true);
    // What had succeeded was kept, not run again: the same start time as in the killed run.
    for (const instance of succeeded) {
      expect(final.instances.find((i) => i.id === instance.id)!.startedAt).toBe(instance.startedAt);
    }
    expect(cli(['plan', '--json-out', 'replan.json']).status).toBe(0);
    expect(resultOf('replan.json').hasChanges).toBe(false);
  });
});
