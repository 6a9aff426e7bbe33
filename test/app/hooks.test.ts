import { terminalWording } from '../../src/cli/terminal-wording.js';
import { describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { executeFailover, type FailoverSettings } from '../../src/app/dr/failover.js';
import { renderFailoverReport } from '../../src/core/render/failover-report.js';
import type { HookResult, RunResult } from '../../src/core/run-result.js';
import type { EngineReporter } from '../../src/engine/run-engine.js';
import { FakeTerraform } from '../helpers/fake-terraform.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * DR hooks in a failover, in-process: Terraform is the fake, the hooks are real scripts in a scratch estate
 * (the fake runs any hook for real). `record.sh NAME [EXIT] [SLEEP]` writes what it was given (its arguments,
 * its STRATA_* variables, a copy and the mode of its outputs file) under runs/ and exits with EXIT.
 */
const RECORD = `#!/bin/sh
name="$1"
mkdir -p runs
{ printf 'arg=%s\\n' "$@"; env | grep '^STRATA_' | sort; } > "runs/$name.env"
if [ -n "\${STRATA_UPSTREAM_OUTPUTS:-}" ]; then
  cp "$STRATA_UPSTREAM_OUTPUTS" "runs/$name.outputs.json"
  stat -c %a "$STRATA_UPSTREAM_OUTPUTS" > "runs/$name.mode"
fi
echo "hook $name says hello"
sleep "\${3:-0}"
exit "\${2:-0}"
`;

const manifest = (hooks: string) => `version: 1
backend:
  type: local
  config: { path: 'state/{region}/{id}.tfstate' }
  global_region: r1
regions: { r1: { role: primary }, r2: { role: secondary } }
accounts:
  a: { id: '1', regions: [r1, r2], environments: [e1] }
layers:
  - { name: net, scope: region, path: layers/net }
  - { name: db, scope: region, path: layers/db, depends_on: [net], stateful: true }
  - { name: app, scope: environment, path: layers/app, depends_on: [db] }
hooks:
${hooks}`;

const HOOKS = {
  before: `  - { name: fence, when: before_failover, run: hooks/record.sh, args: [fence], timeout: 10s }`,
  promote: (exit = 0) =>
    `  - { name: promote, when: after_layer, layer: db, run: hooks/record.sh, args: [promote, '${exit}', '0', '$(touch pwned); echo'], timeout: 10s }`,
  after: `  - { name: smoke, when: after_failover, run: hooks/record.sh, args: [smoke], timeout: 10s, drill_safe: true }`,
};

const quiet: EngineReporter = {
  instanceChanged: () => undefined,
  instanceOutput: () => Promise.resolve(),
  secrets: () => undefined,
};

function estateWith(hooks: string[]) {
  const cwd = scratchDir('strata-hooks-');
  for (const layer of ['net', 'db', 'app']) {
    mkdirSync(path.join(cwd, 'layers', layer), { recursive: true });
    writeFileSync(path.join(cwd, 'layers', layer, 'main.tf'), 'terraform {\n  backend "local" {}\n}\n');
  }
  mkdirSync(path.join(cwd, 'hooks'));
  writeFileSync(path.join(cwd, 'hooks', 'record.sh'), RECORD);
  chmodSync(path.join(cwd, 'hooks', 'record.sh'), 0o755);
  writeFileSync(path.join(cwd, 'layers.yml'), manifest(hooks.join('\n')));
  // The real runner makes the folder of each log file; the fake does not, and the record's logs go there.
  mkdirSync(path.join(cwd, '.strata', 'failover-record', 'r2'), { recursive: true });
  const terraform = new FakeTerraform((id) => ({
    endpoint: { value: `${id}.internal` },
    password: { value: 'hunter2-secret', sensitive: true },
  }));
  const failover = (extra: Partial<FailoverSettings> = {}): Promise<RunResult> =>
    executeFailover(
      {
        cwd,
        workDirectory: '.strata',
        terraformBinary: 'terraform',
        env: {},
        wording: terminalWording,
        manifestFile: 'layers.yml',
        mode: 'failover',
        to: 'r2',
        dryRun: false,
        force: false,
        writeManifest: false,
        ...extra,
      },
      { runner: terraform, reporter: quiet, signal: new AbortController().signal },
    );
  const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8');
  return { cwd, failover, read };
}

const hookOf = (run: RunResult, id: string): HookResult => run.hooks!.find((hook) => hook.id === id)!;
const time = (value: string | null) => Date.parse(value!);

describe('DR hooks in a failover', () => {
  it('run at their points, in order with the instances, with their context and the outputs in a 0600 file', async () => {
    const { cwd, failover, read } = estateWith([HOOKS.before, HOOKS.promote(), HOOKS.after]);
    const run = await failover();
    expect(run.status).toBe('succeeded');
    expect(run.hooks!.map((hook) => [hook.id, hook.status])).toEqual([
      ['hook:fence', 'succeeded'],
      ['hook:promote:a/r2/db', 'succeeded'],
      ['hook:smoke', 'succeeded'],
    ]);
    const instance = (id: string) => run.instances.find((candidate) => candidate.id === id)!;
    const started = (id: string) => time((instance(id) as { startedAt: string }).startedAt);
    const finished = (id: string) => time((instance(id) as { finishedAt: string }).finishedAt);
    // fence before every instance; promote after the db and before the app that depends on it; smoke last.
    expect(time(hookOf(run, 'hook:fence').finishedAt)).toBeLessThanOrEqual(started('a/r2/net'));
    expect(time(hookOf(run, 'hook:promote:a/r2/db').startedAt)).toBeGreaterThanOrEqual(finished('a/r2/db'));
    expect(time(hookOf(run, 'hook:promote:a/r2/db').finishedAt)).toBeLessThanOrEqual(started('a/r2/e1/app'));
    expect(time(hookOf(run, 'hook:smoke').startedAt)).toBeGreaterThanOrEqual(finished('a/r2/e1/app'));

    const promoteEnv = read('runs/promote.env');
    expect(promoteEnv).toContain('STRATA_REGION=r2\n');
    expect(promoteEnv).toContain('STRATA_FAILED_REGION=r1\n');
    expect(promoteEnv).toContain('STRATA_MODE=failover\n');
    expect(promoteEnv).toContain('STRATA_DRILL=false\n');
    expect(promoteEnv).toContain('STRATA_INSTANCE=a/r2/db\n');
    expect(promoteEnv).toContain('STRATA_LAYER=db\n');
    expect(promoteEnv).toContain('STRATA_HOOK_POINT=after_layer\n');
    // The arguments arrive as written, one each: no shell ever saw them.
    expect(promoteEnv).toContain('arg=promote\narg=0\narg=0\narg=$(touch pwned); echo\n');
    expect(existsSync(path.join(cwd, 'pwned'))).toBe(false);
    // The outputs of the instance it follows, the sensitive one too, only in the owner's file.
    expect(JSON.parse(read('runs/promote.outputs.json'))).toEqual({
      'a/r2/db': { endpoint: 'a/r2/db.internal', password: 'hunter2-secret' },
    });
    expect(read('runs/promote.mode').trim()).toBe('600');
    expect(statSync(path.join(cwd, '.strata/hooks/promote@a.r2.db/upstream-outputs.json')).mode & 0o777).toBe(
      0o600,
    );
    for (const name of ['fence', 'promote', 'smoke'])
      expect(read(`runs/${name}.env`)).not.toContain('hunter2');
    expect(read('.strata/hooks/promote@a.r2.db/hook.log')).toBe('hook promote says hello\n');
    // The whole-move hook is given every instance's outputs; the one before, none.
    expect(Object.keys(JSON.parse(read('runs/smoke.outputs.json')) as object).sort()).toEqual([
      'a/r2/db',
      'a/r2/e1/app',
      'a/r2/net',
    ]);
    expect(JSON.parse(read('runs/fence.outputs.json'))).toEqual({});

    // The recovery covers the hooks: the report's timeline and Gantt chart show each with its duration.
    expect(run.failover!.recoverySeconds).not.toBeNull();
    const report = renderFailoverReport(run, terminalWording.setting);
    expect(report).toMatch(
      /\| hook promote after a\/r2\/db \| succeeded \| \+[\d.]+s \| \+[\d.]+s \| [\d.]+s \|/,
    );
    expect(report).toMatch(/section hooks\n {2}hook fence :done, \d+, \d+\n {2}hook smoke :done, \d+, \d+/);
  });

  it('a failed hook stops the failover like a failed instance: what waits for it is skipped', async () => {
    const { failover, read } = estateWith([HOOKS.promote(3), HOOKS.after]);
    const run = await failover();
    expect(run.status).toBe('failed');
    const promote = hookOf(run, 'hook:promote:a/r2/db');
    expect(promote.status).toBe('failed');
    expect(promote.error).toBe("hook 'promote' failed (exit code 3)\nhook promote says hello");
    const app = run.instances.find((instance) => instance.id === 'a/r2/e1/app')!;
    expect(app).toMatchObject({ status: 'skipped', reason: 'upstream hook promote failed' });
    expect(hookOf(run, 'hook:smoke')).toMatchObject({ status: 'skipped' });
    expect(() => read('runs/smoke.env')).toThrow();
    expect(run.failover!.recoverySeconds).toBeNull();
  });

  it('a drill runs only the hooks marked drill_safe, and names the others', async () => {
    const { failover, read } = estateWith([HOOKS.before, HOOKS.promote(), HOOKS.after]);
    const run = await failover({ dryRun: true });
    expect(run.hooks!.map((hook) => [hook.id, hook.status])).toEqual([['hook:smoke', 'succeeded']]);
    expect(read('runs/smoke.env')).toContain('STRATA_DRILL=true\n');
    expect(run.failover!.notes).toEqual([
      "hook 'fence' (before_failover) not run in a drill: it is not marked drill_safe",
      "hook 'promote' (after_layer) not run in a drill: it is not marked drill_safe",
    ]);
    // The estimate counts every hook the failover runs: smoke as measured here, the others by their timeouts.
    const { estimate } = run.failover!.drill!;
    expect(estimate.hooks!.map((hook) => [hook.id, hook.source, hook.seconds])).toEqual([
      ['hook:fence', 'timeout', 10],
      ['hook:promote:a/r2/db', 'timeout', 10],
      ['hook:smoke', 'drill', hookOf(run, 'hook:smoke').durationMs! / 1000],
    ]);
    // fence, then net, db, promote, app, then smoke: both timeouts lie on the path.
    expect(estimate.seconds).toBeGreaterThanOrEqual(20);
    expect(run.failover!.estimatedRecoverySeconds).toBe(estimate.seconds);
    expect(renderFailoverReport(run, terminalWording.setting)).toContain(
      'Hooks counted, each where it runs: fence 10 s (its timeout, an upper bound: not drill_safe, so not run in a drill); promote after a/r2/db 10 s (its timeout, an upper bound: not drill_safe, so not run in a drill); smoke ',
    );
  });

  it('a hook that runs out of time, or cannot start, fails and says why', async () => {
    const slow = `  - { name: slow, when: before_failover, run: hooks/record.sh, args: [slow, '0', '5'], timeout: 300ms }`;
    const missing = `  - { name: missing, when: after_failover, run: hooks/nope.sh, timeout: 1s }`;
    const { failover } = estateWith([slow]);
    const timedOut = await failover();
    expect(hookOf(timedOut, 'hook:slow').error).toMatch(/^hook 'slow' timed out after 0.3s and was stopped/);
    expect(timedOut.instances.every((instance) => instance.status === 'skipped')).toBe(true);

    const notThere = await estateWith([missing]).failover();
    expect(notThere.status).toBe('failed');
    expect(hookOf(notThere, 'hook:missing').error).toContain("hook 'missing': Cannot run");
    expect(hookOf(notThere, 'hook:missing').error).toContain("'run' is relative to the manifest's directory");
  });
});
