import { describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  constants,
  createReadStream,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { RunResultFile } from '../../src/core/result-file.js';
import { addressesIn, idsIn, liveLegacyEstate, readState } from '../helpers/legacy-estate.js';
import { node24 } from '../helpers/node24.js';
import { runCli, runCliWithResult } from '../helpers/run-dist.js';
import { startProcess } from '../helpers/scratch.js';
import { realTerraform, runBinary, terraformEnv } from '../helpers/terraform-binary.js';

jest.setTimeout(300_000);

/**
 * A real interruption of `strata migrate apply` (dist/cli.js, against real OpenTofu): the run is SIGKILLed
 * after it has written the moved resources into the new instance's state and before it trims them from the
 * old root's. The hook is a wrapper of the binary that, at the trim's `state push`, says so through a FIFO and
 * blocks instead of pushing; the test kills Strata as soon as it hears that.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

const IAM_STATE = 'state/prod/iam.tfstate';
const ACCOUNT_STATE = 'legacy-state/account.tfstate';

withRealBinary(`an interrupted migrate apply against ${terraform?.name ?? 'no real binary'}`, () => {
  it('is refused by normal runs and finished by migrate apply: nothing lost, nothing duplicated, ids kept', async () => {
    const estate = await liveLegacyEstate(terraform!);
    const env = { ...process.env, ...terraformEnv(terraform!) };
    const accountIds = idsIn(estate, ACCOUNT_STATE);

    const fifo = path.join(estate, 'trim-reached.fifo');
    execFileSync('mkfifo', [fifo]);
    const wrapper = path.join(estate, 'bin', 'tofu-stopping-at-trim');
    mkdirSync(path.dirname(wrapper));
    // The trim is the state push in the old root's folder: the wrapper tells its pid, and sleeps instead.
    writeFileSync(
      wrapper,
      `#!/bin/sh
if [ "$1 $2" = "state push" ] && [ "$(pwd)" = "${path.join(estate, 'legacy/account')}" ]; then
  echo "$$" > "${fifo}"
  exec sleep 600
fi
exec "${terraform!.path}" "$@"
`,
      { mode: 0o755 },
    );

    const reached = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += String(chunk)))
        .on('end', () => resolve(text.trim()))
        .on('error', reject);
    });
    const run = startProcess(
      node24(),
      [path.resolve('dist/cli.js'), 'migrate', 'apply', '--layer', 'iam', '--terraform-binary', wrapper],
      { cwd: estate, env },
    );
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      run.on('close', (_code, signal) => resolve(signal)),
    );
    const blockedPid = await Promise.race([reached, exited.then(() => '')]);
    try {
      expect({ reachedTheTrim: blockedPid !== '', output: blockedPid ? '' : output }).toEqual({
        reachedTheTrim: true,
        output: '',
      });
      run.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      if (blockedPid) endIfRunning(Number(blockedPid));
      else releaseReader(fifo);
    }

    // Killed between the two writes: the instance holds the resources, the old root still holds them too.
    expect(addressesIn(estate, IAM_STATE)).toEqual([
      'module.policy.terraform_data.document',
      'terraform_data.renamed',
      'terraform_data.role',
    ]);
    expect(readState(estate, ACCOUNT_STATE).serial).toBe(1);
    expect(addressesIn(estate, ACCOUNT_STATE)).toEqual([
      'module.policy.terraform_data.document',
      'terraform_data.old_name',
      'terraform_data.role',
    ]);
    // Both restorable: the backups of both states were written before the move.
    const [backups] = readdirSync(path.join(estate, '.strata/migrate/backups'));
    const backupOf = (label: string) => path.join('.strata/migrate/backups', backups!, `${label}.tfstate`);
    expect(idsIn(estate, backupOf('root_account'))).toEqual(accountIds);
    const iamAtKill = readState(estate, IAM_STATE);
    // The killed run proved the move (its verify plan and apply) before the trim: its logs are marked.
    expect(verifyLogs(estate).length).toBeGreaterThan(0);
    for (const log of verifyLogs(estate)) appendFileSync(log, `${KILLED_RUN}\n`);

    // Normal runs refuse the half-migrated instance and name the command that finishes it.
    for (const command of ['plan', 'apply']) {
      const refused = runCli([command, '--instance', 'prod/iam'], { cwd: estate, env });
      expect({ command, status: refused.status }).toEqual({ command, status: 1 });
      expect(refused.stderr).toContain(
        `strata ${command}: refusing to run: 1 instance is half migrated, and a run now would manage the same resources from two states:\n` +
          '  prod/iam: its state holds terraform_data.renamed and 2 more, which root account of migrate.yml still holds too (a migrate apply stopped before removing them from the old state); finish it with: strata migrate apply --instance prod/iam',
      );
    }
    // Instances the migration has not reached yet still run.
    expect(runCli(['plan', '--instance', 'prod/eu-west-2/network'], { cwd: estate, env }).status).toBe(0);
    const plan = runCli(['migrate', 'plan'], { cwd: estate, env });
    expect(plan.stdout).toContain(
      '  HALF MIGRATED: 3 of these are in its state already and still in the old; finish with: strata migrate apply --instance prod/iam\n  after the move it plans: no changes',
    );

    // The re-run finishes the move without writing the new state again.
    const rerun = runCli(['migrate', 'apply', '--layer', 'iam'], { cwd: estate, env });
    expect(rerun.stderr).not.toContain('strata migrate:');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(
      '  terraform_data.role  ← account (already there: finishing an earlier move)',
    );
    expect(addressesIn(estate, ACCOUNT_STATE)).toEqual([]);
    // The re-run's verify logs are its own: nothing of the killed run's is appended to.
    expect(verifyLogs(estate).filter((log) => readFileSync(log, 'utf8').includes(KILLED_RUN))).toEqual([]);
    expect(readState(estate, IAM_STATE).lineage).toBe(iamAtKill.lineage);
    expect(readState(estate, IAM_STATE).resources).toEqual(iamAtKill.resources);
    // No resource id changed.
    expect(idsIn(estate, IAM_STATE)).toEqual({
      role: accountIds.role,
      renamed: accountIds.old_name,
      'module.policydocument': accountIds['module.policydocument'],
    });

    // Both roots plan no change: the instance under a normal run, the old root with its code less what moved.
    const normal = runCliWithResult(estate, 'plan', ['--instance', 'prod/iam'], env);
    expect(normal.status).toBe(0);
    expect(normal.json?.instances.map(changesOf)).toEqual([{ id: 'prod/iam', changes: 0 }]);
    writeFileSync(path.join(estate, 'legacy/account/main.tf'), 'terraform {\n  backend "local" {}\n}\n');
    const oldRoot = await runBinary(terraform!.path, ['plan', '-input=false', '-detailed-exitcode'], {
      cwd: path.join(estate, 'legacy/account'),
      env,
    });
    expect({ code: oldRoot.code, text: oldRoot.code === 0 ? '' : oldRoot.text }).toEqual({
      code: 0,
      text: '',
    });
  });
});

function changesOf(instance: RunResultFile['instances'][number]) {
  const changes = instance.changes;
  return {
    id: instance.id,
    changes: changes ? changes.add + changes.change + changes.destroy + changes.replace : null,
  };
}

/** A line the test adds to the killed run's logs. */
const KILLED_RUN = "(this line was in the killed run's log)";

/** The logs of migrate's proof of no changes (its plan, and its apply of that plan) for prod/iam. */
function verifyLogs(estate: string): string[] {
  return ['prod.iam', 'prod.iam-apply'].flatMap((folder) => {
    const logs = path.join(estate, '.strata/migrate/verify', folder, 'instances/prod.iam');
    return readdirSync(logs)
      .filter((name) => name.endsWith('.log'))
      .map((name) => path.join(logs, name));
  });
}

/** Ends a read of `fifo` still waiting for a writer (the run ended before the trim): an empty write. */
function releaseReader(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting.
  }
}

/** SIGKILL a process by its id, if it is still running. */
function endIfRunning(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already ended.
  }
}
