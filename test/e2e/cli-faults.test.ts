import { beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
// What the result file holds: every field, null where it does not apply.
import { readResultFile } from '../../src/adapters/result-file-store.js';
import type { RunResultFile as RunResult } from '../../src/core/result-file.js';
import { node24 } from '../helpers/node24.js';
import { runAction, runCli } from '../helpers/run-dist.js';
import {
  STAND_IN,
  terraformEnv,
  terraformsUnderTest,
  type TerraformUnderTest,
} from '../helpers/terraform-binary.js';
import { editManifest } from '../helpers/estates.js';
import { scratchDir, startProcess } from '../helpers/scratch.js';

/**
 * Faults a real run meets, injected through the stand-in (a real binary cannot be told to fail or hang on
 * cue; test/e2e/cli-faults-opentofu.test.ts meets the ones a real binary can), plus the saved-plan workflow,
 * on the stand-in and on real OpenTofu.
 */

let estate: string;
const cli = (args: string[], env: NodeJS.ProcessEnv = {}, terraform: TerraformUnderTest = STAND_IN) =>
  runCli(args, { cwd: estate, env: { ...terraformEnv(terraform), ...env } });
const resultOf = (file: string) => JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as RunResult;
const statusOf = (result: RunResult) => Object.fromEntries(result.instances.map((i) => [i.id, i.status]));
const lockFilesIn = (directory: string) =>
  existsSync(directory) ? readdirSync(directory).filter((name) => name.includes('.lock.info')) : [];

beforeEach(() => {
  estate = scratchDir('strata-faults-');
  cpSync('examples/multi-region', estate, { recursive: true });
  rmSync(path.join(estate, 'state'), { recursive: true, force: true });
  rmSync(path.join(estate, '.strata'), { recursive: true, force: true });
});

describe.each(terraformsUnderTest())('saved plans ($name)', (terraform) => {
  const cliOn = (args: string[]) => cli(args, {}, terraform);

  it('apply --plan-dir applies the plans of an earlier plan run, and refuses them once stale', () => {
    expect(cliOn(['apply', '--manifest', 'layers.yml', '--layer', 'dns,iam']).status).toBe(0);
    const plan = cliOn(['plan', '--manifest', 'layers.yml', '--layer', 'network', '--work-dir', 'reviewed']);
    expect(plan.status).toBe(0);
    const apply = cliOn([
      'apply',
      '--manifest',
      'layers.yml',
      '--layer',
      'network',
      '--plan-dir',
      'reviewed',
      '--json-out',
      'applied.json',
    ]);
    expect(apply.stderr).not.toContain('failed');
    expect(apply.status).toBe(0);
    expect(resultOf('applied.json').instances.every((i) => i.changes?.add === 2)).toBe(true);

    // The same plans again: the state moved on since they were made, so Terraform refuses them.
    const again = cliOn([
      'apply',
      '--manifest',
      'layers.yml',
      '--layer',
      'network',
      '--plan-dir',
      'reviewed',
      '--json-out',
      'again.json',
    ]);
    expect(again.status).toBe(1);
    const stale = resultOf('again.json').instances[0]!;
    expect(stale.status).toBe('failed');
    expect(stale.error).toMatch(/Saved plan is stale/);
  });

  it('refuses --plan-dir without apply, and a plan directory that has no plan for an instance', () => {
    const wrong = cliOn(['plan', '--manifest', 'layers.yml', '--plan-dir', 'x']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--plan-dir only goes with apply');
    const missing = cliOn([
      'apply',
      '--manifest',
      'layers.yml',
      '--layer',
      'dns',
      '--plan-dir',
      'nowhere',
      '--json-out',
      'r.json',
    ]);
    expect(missing.status).toBe(1);
    expect(resultOf('r.json').instances[0]!.error).toContain('no saved plan for dns in');
  });
});

describe('faults injected through the stand-in', () => {
  it('refuses a Terraform older than the documented minimum, saying why', () => {
    const result = cli(['plan', '--manifest', 'layers.yml'], { STANDIN_VERSION: '1.9.8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('1.9.8');
    expect(result.stderr).toContain('1.11.0');
  });

  it('a missing binary is a clear setup error, not a stack trace', () => {
    const result = cli(['plan', '--manifest', 'layers.yml', '--terraform-binary', '/nonexistent/terraform']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Cannot run '/nonexistent/terraform'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a failed apply skips its dependents, finishes independent branches, and names the failure', () => {
    const result = cli(['apply', '--manifest', 'layers.yml', '--json-out', 'r.json'], {
      STANDIN_FAIL: 'apply:prod/eu-west-2/network',
    });
    expect(result.status).toBe(1);
    const statuses = statusOf(resultOf('r.json'));
    expect(statuses['prod/eu-west-2/network']).toBe('failed');
    for (const environment of ['staging', 'production', 'sandbox']) {
      expect(statuses[`prod/eu-west-2/${environment}/app`]).toBe('skipped');
    }
    expect(statuses['prod/eu-west-1/network']).toBe('succeeded');
    expect(statuses['dev/eu-west-2/dev/app']).toBe('succeeded');
    const failed = resultOf('r.json').instances.find((i) => i.id === 'prod/eu-west-2/network')!;
    expect(failed.error).toMatch(/^terraform apply failed \(exit code 1\)\n[\s\S]*AccessDenied/);
    expect(resultOf('r.json').instances.find((i) => i.id === 'prod/eu-west-2/staging/app')!.reason).toBe(
      'upstream prod/eu-west-2/network failed',
    );
    expect(result.stdout).toContain('prod/eu-west-2/network failed:');
  });

  it('--fail-fast starts nothing new after the first failure', () => {
    const result = cli(
      ['apply', '--manifest', 'layers.yml', '--parallelism', '1', '--fail-fast', '--json-out', 'r.json'],
      {
        // dev/iam starts first: it heads one of the longest chains (iam -> network -> app), and sorts first by id.
        STANDIN_FAIL: 'init:dev/iam',
      },
    );
    expect(result.status).toBe(1);
    const statuses = statusOf(resultOf('r.json'));
    expect(statuses['dev/iam']).toBe('failed');
    expect(Object.values(statuses).filter((status) => status === 'succeeded')).toEqual([]);
    expect(statuses['prod/iam']).toBe('cancelled');
    expect(resultOf('r.json').instances.find((i) => i.id === 'prod/iam')!.reason).toBe(
      'stopped by --fail-fast after dev/iam failed',
    );
  });

  it('Ctrl-C during apply: forwards the interrupt, waits for Terraform to release its lock, exits 130', async () => {
    const child = startProcess(
      node24(),
      [
        path.resolve('dist/cli.js'),
        'apply',
        '--manifest',
        'layers.yml',
        '--json-out',
        'r.json',
        '--parallelism',
        '2',
      ],
      {
        cwd: estate,
        env: { ...process.env, STRATA_TERRAFORM: STAND_IN.path, STANDIN_HANG: 'apply:dns' },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const lockFile = path.join(estate, 'state', 'eu-west-2', '.dns.tfstate.lock.info');
    const lockFiles = () =>
      existsSync(path.join(estate, 'state', 'eu-west-2'))
        ? readdirSync(path.join(estate, 'state', 'eu-west-2')).filter((name) => name.includes('.lock.info'))
        : [];
    const deadline = Date.now() + 20_000;
    while (!/\bdns {2}apply\b/.test(stderr) || lockFiles().length === 0) {
      if (Date.now() > deadline) throw new Error(`apply of dns never started holding its lock:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(existsSync(lockFile)).toBe(false);
    expect(lockFiles()).toEqual([]);
    const result = resultOf('r.json');
    expect(result.status).toBe('cancelled');
    expect(statusOf(result).dns).toBe('cancelled');
    // One interrupt reached Terraform (a second one would make it exit at once, lock or no lock).
    const log = readFileSync(path.join(estate, '.strata', 'instances', 'dns', 'apply.log'), 'utf8');
    expect(log.match(/Interrupt received/g)).toHaveLength(1);
    expect(log).not.toContain('Two interrupts received');
    expect(result.instances.filter((i) => i.status === 'pending' || i.status === 'running')).toEqual([]);
  });

  it('a command that hangs is stopped after terraform.command_timeout and reported as timed out', () => {
    editManifest(estate, 'lock_timeout: 30s', 'lock_timeout: 30s\n  command_timeout: 2s');
    const result = cli(['plan', '--manifest', 'layers.yml', '--layer', 'dns', '--json-out', 'r.json'], {
      STANDIN_HANG: 'plan:dns',
    });
    expect(result.status).toBe(1);
    const dns = resultOf('r.json').instances[0]!;
    expect(dns).toMatchObject({ status: 'failed', timedOut: true, step: 'plan' });
    expect(dns.error).toMatch(/^terraform plan timed out after 2s and was stopped/);
    expect(lockFilesIn(path.join(estate, 'state', 'eu-west-2'))).toEqual([]);
  });

  it('a state lock held by another run: waits lock_timeout, then names the holder and how to release it', async () => {
    editManifest(estate, 'lock_timeout: 30s', 'lock_timeout: 1s');
    const holder = startProcess(
      node24(),
      [
        path.resolve('dist/cli.js'),
        'plan',
        '--manifest',
        'layers.yml',
        '--layer',
        'dns',
        '--work-dir',
        'holder',
      ],
      {
        cwd: estate,
        env: { ...process.env, STRATA_TERRAFORM: STAND_IN.path, STANDIN_HANG: 'plan:dns' },
      },
    );
    const deadline = Date.now() + 20_000;
    while (lockFilesIn(path.join(estate, 'state', 'eu-west-2')).length === 0) {
      if (Date.now() > deadline) throw new Error('the first run never took the lock');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const second = cli(['plan', '--manifest', 'layers.yml', '--layer', 'dns', '--json-out', 'r.json']);
    holder.kill('SIGINT');
    await new Promise((resolve) => holder.on('close', resolve));
    expect(second.status).toBe(1);
    const error = resultOf('r.json').instances[0]!.error!;
    expect(error).toContain('Error acquiring the state lock');
    expect(error).toMatch(/The state of dns is locked by \S+ for .*plan/);
    expect(error).toContain('force-unlock');
    expect(error).toContain('never');
    expect(lockFilesIn(path.join(estate, 'state', 'eu-west-2'))).toEqual([]);
  });

  it('a secondary region that cannot be reached: apply refuses, it could hold a failover record', () => {
    const refused = cli(['apply', '--manifest', 'layers.yml', '--json-out', 'r.json'], {
      STANDIN_DOWN_REGIONS: 'eu-west-1',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Cannot tell whether a failover is in effect');
    expect(refused.stderr).toContain('the failover record in eu-west-1 cannot be read');
    expect(refused.stderr).toContain('--ignore-failover-record eu-west-1');
    expect(existsSync(path.join(estate, 'r.json'))).toBe(false);
  });

  it('a region that cannot be reached, the override naming it: fails only its own instances, and points at the failover', () => {
    const result = cli(
      ['apply', '--manifest', 'layers.yml', '--json-out', 'r.json', '--ignore-failover-record', 'eu-west-1'],
      { STANDIN_DOWN_REGIONS: 'eu-west-1' },
    );
    expect(result.status).toBe(1);
    const run = resultOf('r.json');
    expect(run.failoverGuard!.ignoredRecords.map((record) => record.region)).toEqual(['eu-west-1']);
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
    expect(error).toContain('the region looks unavailable');
    expect(error).toContain('strata failover');
  });

  it('the primary region down, no failover: not refused; only what keeps its state there fails', () => {
    const result = cli(['apply', '--manifest', 'layers.yml', '--json-out', 'r.json'], {
      STANDIN_DOWN_REGIONS: 'eu-west-2',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('Cannot tell');
    const run = resultOf('r.json');
    expect(run.failoverGuard).toBeUndefined();
    const failed = run.instances.filter((i) => i.status === 'failed').map((i) => i.id);
    // Global and account state live in the global region, eu-west-2; everything else waits on them.
    expect(failed.sort()).toEqual(['dev/iam', 'dns', 'prod/iam']);
    expect(run.instances.filter((i) => i.status === 'succeeded')).toEqual([]);
  });

  it('Strata killed with SIGKILL mid-run: the result file is whole JSON, and --resume finishes the rest', async () => {
    const child = startProcess(
      node24(),
      [
        path.resolve('dist/cli.js'),
        'apply',
        '--manifest',
        'layers.yml',
        '--json-out',
        'killed.json',
        '--parallelism',
        '1',
      ],
      {
        cwd: estate,
        env: { ...process.env, STRATA_TERRAFORM: STAND_IN.path, STANDIN_DELAY_MS: 'apply:*:300' },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const deadline = Date.now() + 30_000;
    while ((stderr.match(/ succeeded /g) ?? []).length < 3) {
      if (Date.now() > deadline) throw new Error(`no progress:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    // Terraform processes outlive a killed Strata (their own process group) and finish; let them.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The file alone is whole JSON that does not claim a success: the run never finished.
    expect(resultOf('killed.json')).toMatchObject({ status: 'running', finishedAt: null });
    // With its journal folded in, as every reader does, it is not behind the progress lines shown.
    const killed = await readResultFile(path.join(estate, 'killed.json'), 'killed.json');
    const succeeded = killed.instances.filter((i) => i.status === 'succeeded').map((i) => i.id);
    expect(succeeded.length).toBeGreaterThanOrEqual((stderr.match(/ succeeded /g) ?? []).length);
    expect(succeeded.length).toBeGreaterThanOrEqual(3);
    expect(killed.instances.some((i) => i.status !== 'succeeded')).toBe(true);
    expect(killed.status).toBe('running');

    // `report` over it (a matrix leg killed this way) says not succeeded, and lists every instance.
    const results = path.join(estate, 'matrix-results');
    mkdirSync(results);
    cpSync(path.join(estate, 'killed.json'), path.join(results, 'result-killed.json'));
    cpSync(path.join(estate, 'killed.json.journal'), path.join(results, 'result-killed.json.journal'));
    const report = await runAction(
      { command: 'report', manifest: 'layers.yml', 'results-dir': 'matrix-results', comment: 'false' },
      { cwd: estate },
    );
    expect(report.status).toBe(1);
    expect(report.stdout).toMatch(/::error::apply failed: /);
    const merged = JSON.parse(report.outputs.summary!) as RunResult;
    expect(merged.status).toBe('failed');
    expect(merged.instances).toHaveLength(15);
    expect(
      merged.instances
        .filter((i) => i.status === 'succeeded')
        .map((i) => i.id)
        .sort(),
    ).toEqual([...succeeded].sort());
    expect(report.summary).toContain('Strata apply failed');

    const callLog = path.join(estate, 'calls.jsonl');
    const resumed = cli(
      ['apply', '--manifest', 'layers.yml', '--resume', 'killed.json', '--json-out', 'resumed.json'],
      {
        STANDIN_CALL_LOG: callLog,
      },
    );
    expect(resumed.status).toBe(0);
    const final = resultOf('resumed.json');
    expect(final.instances).toHaveLength(15);
    expect(final.instances.every((i) => i.status === 'succeeded')).toBe(true);
    const planned = readFileSync(callLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { argv: string[]; instance: string | null })
      .filter((call) => call.argv[0] === 'plan')
      .map((call) => call.instance);
    for (const id of succeeded) expect(planned).not.toContain(id);
  });
});
