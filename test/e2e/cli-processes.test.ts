import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliWithResult } from '../helpers/run-dist.js';
import { editManifest, freshEstate } from '../helpers/estates.js';
import { STAND_IN, terraformEnv } from '../helpers/terraform-binary.js';

/**
 * How many Terraform processes a run starts per instance of examples/multi-region, counted from the stand-in's
 * call log: a first apply, then (the data directories kept) a plan and an apply with no changes, and a plan and
 * an apply of a change. Only the stand-in keeps a call log.
 */
describe('Terraform processes per instance on examples/multi-region (stand-in)', () => {
  /** Runs a command in the estate and returns the commands each instance ran, in order. */
  const commandsOf = (estate: string, command: string) => {
    const log = path.join(estate, `calls-${command}-${Date.now()}.jsonl`);
    const result = runCliWithResult(estate, command, [], {
      ...terraformEnv(STAND_IN),
      STANDIN_CALL_LOG: log,
    });
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    const calls = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { argv: string[]; instance: string | null })
      : [];
    const byInstance: Record<string, string[]> = {};
    for (const call of calls) {
      // `version -json` once per run; an apply's check of the failover records (`strata/<region>/failover-record`, `strata/failover-record` before).
      if (call.instance === null || call.instance.startsWith('strata/')) continue;
      (byInstance[call.instance] ??= []).push(call.argv[0]!);
    }
    return byInstance;
  };
  const total = (commands: Record<string, string[]>) =>
    Object.values(commands).reduce((sum, list) => sum + list.length, 0);

  // Every instance but the four data instances feeds another (backup_restore: apps run in eu-west-2 only; each
  // network feeds its region's data) or, as app, has sensitive outputs: those four are the only ones whose
  // outputs nothing reads.
  const APPS = [
    'dev/eu-west-2/dev/app',
    'prod/eu-west-2/production/app',
    'prod/eu-west-2/sandbox/app',
    'prod/eu-west-2/staging/app',
  ];
  const NETWORKS = [
    'dev/eu-west-1/network',
    'dev/eu-west-2/network',
    'prod/eu-west-1/network',
    'prod/eu-west-2/network',
  ];
  const READ = ['dns', 'dev/iam', 'prod/iam', ...NETWORKS, ...APPS];
  const UNREAD = ['dev/eu-west-1/data', 'dev/eu-west-2/data', 'prod/eu-west-1/data', 'prod/eu-west-2/data'];
  const expected = (read: string[], unread: string[]) => ({
    ...Object.fromEntries(READ.map((id) => [id, read])),
    ...Object.fromEntries(UNREAD.map((id) => [id, unread])),
  });

  it('a first apply, then a plan and an apply with no changes, which init, show, apply and read outputs with nothing', () => {
    const estate = freshEstate();
    const first = commandsOf(estate, 'apply');
    expect(first).toEqual(
      expected(['init', 'plan', 'show', 'apply', 'output'], ['init', 'plan', 'show', 'apply']),
    );
    expect(total(first)).toBe(71); // 4.7 per instance; 75 (5 each) before init, show and output were cut

    // Nothing is applied, so the outputs dependents read are taken from the saved plans' stored state.
    const plan = commandsOf(estate, 'plan');
    expect(plan).toEqual(expected(['plan'], ['plan']));
    expect(total(plan)).toBe(15); // 1 per instance; 26 with `output` after each plan, 60 (init, plan, show, output) before

    const apply = commandsOf(estate, 'apply');
    expect(apply).toEqual(expected(['plan'], ['plan']));
    expect(total(apply)).toBe(15);
  });

  it('a plan and an apply of a change show and apply only the instances that change', () => {
    const estate = freshEstate();
    commandsOf(estate, 'apply');
    editManifest(estate, 'vars: { instance_count: 2 }', 'vars: { instance_count: 3 }');
    const plan = commandsOf(estate, 'plan');
    expect(plan).toEqual({
      ...expected(['plan'], ['plan']),
      ...Object.fromEntries(APPS.map((id) => [id, ['plan', 'show']])),
    });
    // Only an instance whose state the apply changed reads its outputs with `output`.
    const apply = commandsOf(estate, 'apply');
    expect(apply).toEqual({
      ...expected(['plan'], ['plan']),
      ...Object.fromEntries(APPS.map((id) => [id, ['plan', 'show', 'apply', 'output']])),
    });
  });
});
