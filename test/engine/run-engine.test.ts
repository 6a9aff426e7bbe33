import { terminalWording } from '../../src/cli/terminal-wording.js';
import { actionWording } from '../../src/action/action-wording.js';
import type { Wording } from '../../src/core/wording.js';
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LayerCodeReader } from '../../src/engine/layer-code-reader.js';
import { expandManifest } from '../../src/core/graph/expand-manifest.js';
import { parseManifest } from '../../src/core/manifest/parse-manifest.js';
import { instanceToFile, toResultFile } from '../../src/core/result-file.js';
import { changesOf, type InstanceResult, type RunResult } from '../../src/core/run-result.js';
import { dagOfGraph, reverseDag } from '../../src/core/schedule/dag.js';
import { selectInstances } from '../../src/core/selection/select-instances.js';
import type { ProcessRunner } from '../../src/engine/process-runner.js';
import { buildTerraformClient } from '../../src/engine/terraform-client.js';
import { runEngine, type EngineReporter } from '../../src/engine/run-engine.js';
import { instanceDirectoryName } from '../../src/engine/work-directory.js';
import { createRedactor } from '../../src/terraform/redact.js';
import { FakeTerraform } from '../helpers/fake-terraform.js';
import { manifestWithLayers } from '../helpers/manifest-text.js';
import { scratchDir } from '../helpers/scratch.js';

const MANIFEST = manifestWithLayers(
  [
    '  - { name: iam, scope: account, path: iam }',
    '  - { name: network, scope: region, path: network, depends_on: [iam] }',
    '  - name: app',
    '    scope: environment',
    '    path: app',
    '    depends_on: [network, { layer: network, region: all, as: every_network }]',
    '    vars: { size: 2 }',
    '    mock_outputs: { never: used }',
    '',
  ].join('\n'),
);

const layerCode: LayerCodeReader = {
  read: (layerPath) => ({
    variables: new Set(
      layerPath === 'app'
        ? ['account', 'region', 'environment', 'role', 'size', 'network', 'every_network', 'password']
        : layerPath === 'network'
          ? ['account', 'region', 'iam']
          : ['account', 'region'],
    ),
    sensitiveVariables: new Set(['password']),
    outputs: new Set(['id']),
    sensitiveOutputs: new Set<string>(),
    watchedPaths: [layerPath],
    sourceDigest: `code of ${layerPath}`,
  }),
};

const clientOf = (runner: ProcessRunner) =>
  buildTerraformClient({ runner, executable: 'terraform', version: '1.13.5', env: {} });

function setup(text = MANIFEST) {
  const parsed = parseManifest(text, 'layers.yml');
  const { manifest } = parsed;
  const graph = expandManifest(parsed);
  const workDirectory = scratchDir('strata-engine-');
  const terraform = new FakeTerraform((id) => ({
    id: { value: `${id}-id` },
    secret: { value: `secret-of-${id}`, sensitive: true },
  }));
  const changes: string[] = [];
  const secrets: string[] = [];
  const reporter: EngineReporter = {
    instanceChanged: (instance) => changes.push(`${instance.id} ${instance.status}${stepOf(instance)}`),
    instanceOutput: () => Promise.resolve(),
    secrets: (values) => secrets.push(...values),
  };
  const run = (
    command: 'plan' | 'apply' | 'destroy',
    extra: Partial<Parameters<typeof runEngine>[0]> = {},
  ): Promise<RunResult> =>
    runEngine({
      command,
      manifest,
      graph,
      dag: command === 'destroy' ? reverseDag(dagOfGraph(graph)) : dagOfGraph(graph),
      manifestDirectory: '/repo',
      workDirectory,
      terraform: clientOf(terraform),
      layerCode,
      redactor: createRedactor(),
      reporter,
      parallelism: 2,
      failFast: false,
      signal: new AbortController().signal,
      wording: terminalWording,
      ...extra,
    });
  return { manifest, graph, workDirectory, terraform, changes, secrets, run };
}

const statusOf = (result: RunResult) => Object.fromEntries(result.instances.map((i) => [i.id, i.status]));

/** ` plan` for an instance in (or stopped in) a step, as the result file names it; empty otherwise. */
function stepOf(instance: InstanceResult): string {
  const { step } = instanceToFile(instance);
  return step ? ` ${step}` : '';
}

describe('runEngine: apply', () => {
  it('applies in dependency order, never more than parallelism at once, and succeeds', async () => {
    const { terraform, run } = setup();
    // The fake answers in one turn of the event loop, so two calls overlap only by chance: each network's plan
    // waits (at most 1 s) for another call to be running (the first init of the layer's directory runs alone,
    // and either network may take it). A serial engine never starts one, and fails below.
    const untilAnotherRuns = () =>
      new Promise<void>((resolve) => {
        let polls = 0;
        const poll = setInterval(() => {
          if (terraform.running >= 2 || ++polls > 500) {
            clearInterval(poll);
            resolve();
          }
        }, 2);
      });
    terraform.holds.set('plan a/r1/network', untilAnotherRuns());
    terraform.holds.set('plan a/r2/network', untilAnotherRuns());
    const result = await run('apply');
    expect(result.status).toBe('succeeded');
    expect(Object.values(statusOf(result))).toEqual(Array(7).fill('succeeded'));
    // Two at a time, never more: the estate has independent branches, so a serial engine would fail this.
    expect(terraform.maxRunning).toBe(2);
    expect(terraform.order('end apply a/iam')).toBeLessThan(terraform.order('start init a/r1/network'));
    expect(terraform.order('end output a/r1/network')).toBeLessThan(
      terraform.order('start init a/r2/e1/app'),
    );
    expect(terraform.order('end output a/r2/network')).toBeLessThan(
      terraform.order('start init a/r1/e1/app'),
    );
    expect(result.hasChanges).toBe(true);
    expect(result.instances[0]).toMatchObject({ changes: { add: 1, change: 0, destroy: 0, replace: 0 } });
  });

  it('passes context, vars and upstream outputs, only those the layer declares', async () => {
    const { workDirectory, run } = setup();
    await run('apply');
    const file = path.join(
      workDirectory,
      'instances',
      instanceDirectoryName('a/r2/e1/app'),
      'variables.tfvars.json',
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      account: 'a',
      region: 'r2',
      environment: 'e1',
      role: 'secondary',
      size: 2,
      network: { id: 'a/r2/network-id', secret: 'secret-of-a/r2/network' },
      every_network: {
        r1: { id: 'a/r1/network-id', secret: 'secret-of-a/r1/network' },
        r2: { id: 'a/r2/network-id', secret: 'secret-of-a/r2/network' },
      },
    });
    const iamFile = path.join(workDirectory, 'instances', 'a.iam', 'variables.tfvars.json');
    expect(JSON.parse(readFileSync(iamFile, 'utf8'))).toEqual({ account: 'a', region: 'r1' });
  });

  it('runs Terraform with argument arrays, its own data directory per instance, and the rendered backend', async () => {
    const { terraform, workDirectory, run } = setup();
    await run('apply');
    const init = terraform.calls.find((call) => call.command === 'init' && call.id === 'a/r2/network')!;
    expect(init.args).toEqual([
      'init',
      '-input=false',
      '-no-color',
      '-reconfigure',
      '-backend-config=path=state/r2/a/r2/network.tfstate',
    ]);
    expect(init.env).toMatchObject({
      TF_IN_AUTOMATION: '1',
      TF_DATA_DIR: path.join(workDirectory, 'instances', 'a.r2.network', 'terraform-data'),
      STRATA_INSTANCE_ID: 'a/r2/network',
    });
    const plan = terraform.calls.find((call) => call.command === 'plan' && call.id === 'a/r2/network')!;
    expect(plan.args).toContain('-detailed-exitcode');
    expect(plan.args).toContain('-lock-timeout=5m');
    const apply = terraform.calls.find((call) => call.command === 'apply' && call.id === 'a/r2/network')!;
    expect(apply.args.at(-1)).toBe(path.join(workDirectory, 'instances', 'a.r2.network', 'plan.tfplan'));
  });

  it('runs the first init of each layer directory alone (lock file, plugin cache), later ones in parallel', async () => {
    const { terraform, graph, run } = setup();
    // Each app init waits (a bounded while) until three have started: the first, which runs alone, gives
    // up waiting; the later two can only both start if the engine runs them at the same time.
    const appInitsStarted = () =>
      terraform.events.filter((event) => event.startsWith('start init ') && event.endsWith('/app')).length;
    for (const instance of graph.instances.filter((candidate) => candidate.layer === 'app')) {
      terraform.holdsUntil.set(`init ${instance.id}`, () => appInitsStarted() >= 3);
    }
    await run('apply', { parallelism: 4 });
    const inits = terraform.calls.filter((call) => call.command === 'init').map((call) => call.id);
    const pathOf = (id: string) => id.split('/').at(-1)!;
    const firsts = new Map<string, string>();
    for (const id of inits) if (!firsts.has(pathOf(id))) firsts.set(pathOf(id), id);
    for (const id of firsts.values()) {
      const start = terraform.order(`start init ${id}`);
      const end = terraform.order(`end init ${id}`);
      const overlapping = terraform.events
        .slice(start + 1, end)
        .filter((event) => event.startsWith('start init '));
      expect({ id, overlapping }).toEqual({ id, overlapping: [] });
    }
    // Later inits of one directory ran at the same time: the gate does not serialise everything.
    const later = inits.filter((id) => firsts.get(pathOf(id)) !== id);
    const overlapping = later.flatMap((a, index) =>
      later
        .slice(index + 1)
        .filter(
          (b) =>
            pathOf(a) === pathOf(b) &&
            terraform.order(`start init ${a}`) < terraform.order(`end init ${b}`) &&
            terraform.order(`start init ${b}`) < terraform.order(`end init ${a}`),
        )
        .map((b) => `${a} with ${b}`),
    );
    expect(overlapping).not.toEqual([]);
  });

  it('reports sensitive outputs as secrets and masks them in errors', async () => {
    const { terraform, secrets, run } = setup();
    terraform.failures.set('a/r1/e1/app', 'plan');
    const result = await run('apply');
    expect(secrets).toContain('secret-of-a/r1/network');
    expect(JSON.stringify(result)).not.toContain('secret-of-');
  });

  it('skips the dependents of a failed instance and lets independent branches finish', async () => {
    const { terraform, run } = setup();
    terraform.failures.set('a/r1/network', 'apply');
    const result = await run('apply');
    expect(result.status).toBe('failed');
    expect(statusOf(result)).toEqual({
      'a/iam': 'succeeded',
      'a/r1/network': 'failed',
      'a/r2/network': 'succeeded',
      'a/r1/e1/app': 'skipped',
      'a/r1/e2/app': 'skipped',
      'a/r2/e1/app': 'skipped',
      'a/r2/e2/app': 'skipped',
    });
    const failed = toResultFile(result).instances.find((i) => i.id === 'a/r1/network')!;
    expect(failed.step).toBe('apply');
    expect(failed.error).toBe('terraform apply failed (exit code 1)\nError: apply exploded for a/r1/network');
    expect(toResultFile(result).instances.find((i) => i.id === 'a/r2/e1/app')!.reason).toBe(
      'upstream a/r1/network failed',
    );
  });

  it('with fail-fast starts nothing new after a failure', async () => {
    const { terraform, run } = setup();
    terraform.failures.set('a/iam', 'init');
    const result = await run('apply', { failFast: true, parallelism: 1 });
    expect(statusOf(result)['a/iam']).toBe('failed');
    expect(result.instances.filter((i) => i.status === 'skipped').length).toBeGreaterThan(0);
    expect(terraform.calls.filter((call) => call.id !== 'a/iam')).toEqual([]);
  });

  it('says what stopped the run in the words of the entry: the flag, or the action input', async () => {
    const reasons = async (wording: Wording) => {
      const { terraform, run } = setup();
      terraform.failures.set('a/r1/network', 'init');
      const result = await run('apply', { failFast: true, parallelism: 1, wording });
      return result.instances.flatMap((i) => (i.status === 'cancelled' ? [i.reason] : []));
    };
    expect(await reasons(terminalWording)).toEqual(['stopped by --fail-fast after a/r1/network failed']);
    expect(await reasons(actionWording)).toEqual(["stopped by input 'fail-fast' after a/r1/network failed"]);
  });

  it('on cancellation lets running instances finish their command and cancels the rest', async () => {
    const { terraform, run } = setup();
    const controller = new AbortController();
    let release!: () => void;
    terraform.holds.set('apply a/iam', new Promise<void>((resolve) => (release = resolve)));
    const done = run('apply', { signal: controller.signal });
    while (!terraform.events.includes('start apply a/iam'))
      await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    release();
    const result = await done;
    expect(result.status).toBe('cancelled');
    expect(statusOf(result)['a/iam']).toBe('cancelled');
    expect(toResultFile(result).instances.find((i) => i.id === 'a/iam')!.reason).toBe(
      'the run was cancelled while it ran',
    );
    expect(toResultFile(result).instances.find((i) => i.id === 'a/r1/network')!.reason).toBe(
      'the run was cancelled',
    );
    expect(terraform.calls.some((call) => call.id === 'a/r1/network')).toBe(false);
  });
});

describe('runEngine: plan', () => {
  it('plans a new estate with mock outputs, and reports the instance that waits without them', async () => {
    const { terraform, run } = setup();
    const result = await run('plan');
    expect(terraform.calls.some((call) => call.command === 'apply')).toBe(false);
    // network has no mock_outputs, so nothing below iam can plan before iam is applied
    expect(statusOf(result)['a/iam']).toBe('succeeded');
    const network = toResultFile(result).instances.find((i) => i.id === 'a/r1/network')!;
    expect(network.status).toBe('skipped');
    expect(network.reason).toBe(
      "waits on upstream a/iam, which has not been applied yet (its state has no outputs): apply it first, or declare mock_outputs on layer 'iam' to plan before then",
    );
  });

  it('uses mock outputs for plan only, and records which upstreams they stood in for', async () => {
    const text = MANIFEST.replace('path: iam }', 'path: iam, mock_outputs: { id: mock-iam } }').replace(
      'path: network, depends_on',
      'path: network, mock_outputs: { id: mock-net }, depends_on',
    );
    const { workDirectory, run } = setup(text);
    const result = await run('plan');
    expect(result.status).toBe('succeeded');
    const app = toResultFile(result).instances.find((i) => i.id === 'a/r1/e1/app')!;
    // Once each: a/r1/network feeds two of its inputs, and is one upstream mocked.
    expect(app.mockedUpstreams).toEqual(['a/r1/network', 'a/r2/network']);
    const file = path.join(workDirectory, 'instances', 'a.r1.e1.app', 'variables.tfvars.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ network: { id: 'mock-net' } });
  });

  it('after an apply, plans against real upstream outputs and finds no changes', async () => {
    const { run } = setup();
    await run('apply');
    const result = await run('plan');
    expect(result.status).toBe('succeeded');
    expect(result.hasChanges).toBe(false);
    expect(result.instances.every((i) => changesOf(i)?.add === 0)).toBe(true);
  });
});

describe('runEngine: destroy and saved plans', () => {
  it('destroys dependents before what they depend on, reading upstream outputs from state', async () => {
    const { terraform, run } = setup();
    await run('apply');
    terraform.events.length = 0;
    const before = terraform.calls.length;
    const result = await run('destroy');
    expect(result.status).toBe('succeeded');
    expect(terraform.order('end apply a/r1/e1/app')).toBeLessThan(terraform.order('start plan a/r1/network'));
    expect(terraform.order('end apply a/r1/network')).toBeLessThan(terraform.order('start plan a/iam'));
    const plans = terraform.calls.slice(before).filter((c) => c.command === 'plan');
    expect(plans).toHaveLength(7);
    expect(plans.every((c) => c.args.includes('-destroy'))).toBe(true);
  });

  it('applies the plans of an earlier plan run, and refuses one whose upstream outputs changed', async () => {
    const { terraform, workDirectory, run, graph } = setup();
    await run('apply', { dag: selectInstances(graph, { layers: ['iam'] }) });
    await run('plan', { dag: selectInstances(graph, { layers: ['network'] }) });
    const planned = terraform.calls.length;
    const result = await run('apply', {
      dag: selectInstances(graph, { layers: ['network'] }),
      planDirectory: workDirectory,
    });
    expect(result.status).toBe('succeeded');
    expect(terraform.calls.slice(planned).some((call) => call.command === 'plan')).toBe(false);

    terraform.applied.delete('a/r1/network');
    const outputsBefore = terraform.calls.length;
    // iam's outputs change: the network plans made before no longer hold
    const changed = new FakeTerraform(() => ({ id: { value: 'a-different-id' } }));
    changed.applied.add('a/iam');
    const stale = await run('apply', {
      terraform: clientOf(changed),
      dag: selectInstances(graph, { instances: ['a/r1/network'] }),
      planDirectory: workDirectory,
    });
    expect(terraform.calls.length).toBe(outputsBefore);
    expect(stale.instances[0]!.status).toBe('failed');
    expect(toResultFile(stale).instances[0]!.error).toContain('the saved plan for a/r1/network is stale');
    expect(changed.calls.some((call) => call.command === 'apply')).toBe(false);
  });
});

describe('runEngine: Terraform processes per instance', () => {
  const commandsOf = (terraform: FakeTerraform, from: number) => {
    const byInstance = new Map<string, string[]>();
    for (const call of terraform.calls.slice(from)) {
      byInstance.set(call.id, [...(byInstance.get(call.id) ?? []), call.command]);
    }
    return Object.fromEntries([...byInstance].sort(([a], [b]) => a.localeCompare(b)));
  };
  // Only iam and network feed other instances: app has no dependents and no sensitive outputs.
  const FIRST_APPLY = {
    'a/iam': ['init', 'plan', 'show', 'apply', 'output'],
    'a/r1/network': ['init', 'plan', 'show', 'apply', 'output'],
    'a/r2/network': ['init', 'plan', 'show', 'apply', 'output'],
    'a/r1/e1/app': ['init', 'plan', 'show', 'apply'],
    'a/r1/e2/app': ['init', 'plan', 'show', 'apply'],
    'a/r2/e1/app': ['init', 'plan', 'show', 'apply'],
    'a/r2/e2/app': ['init', 'plan', 'show', 'apply'],
  };
  const UNCHANGED = {
    'a/iam': ['plan', 'output'],
    'a/r1/network': ['plan', 'output'],
    'a/r2/network': ['plan', 'output'],
    'a/r1/e1/app': ['plan'],
    'a/r1/e2/app': ['plan'],
    'a/r2/e1/app': ['plan'],
    'a/r2/e2/app': ['plan'],
  };

  it('an apply runs show, apply and output only where needed; a second run inits nothing', async () => {
    const { terraform, run } = setup();
    expect((await run('apply')).status).toBe('succeeded');
    expect(commandsOf(terraform, 0)).toEqual(FIRST_APPLY);
    const planned = terraform.calls.length;
    const plan = await run('plan');
    expect(plan.hasChanges).toBe(false);
    expect(commandsOf(terraform, planned)).toEqual(UNCHANGED);
    const applied = terraform.calls.length;
    expect((await run('apply')).status).toBe('succeeded');
    expect(commandsOf(terraform, applied)).toEqual(UNCHANGED);
  });

  it('a run that leaves a state as it was takes its outputs from the saved plan instead of running output', async () => {
    const { terraform, workDirectory, secrets, run } = setup();
    terraform.savedPlans = 'stored-state';
    expect((await run('apply')).status).toBe('succeeded');
    // The first apply changed every state: those outputs could only come from `output`.
    expect(commandsOf(terraform, 0)).toEqual(FIRST_APPLY);
    const planOnly = Object.fromEntries(Object.keys(UNCHANGED).map((id) => [id, ['plan']]));
    secrets.length = 0;
    const planned = terraform.calls.length;
    expect((await run('plan')).hasChanges).toBe(false);
    expect(commandsOf(terraform, planned)).toEqual(planOnly);
    const app = path.join(
      workDirectory,
      'instances',
      instanceDirectoryName('a/r2/e1/app'),
      'variables.tfvars.json',
    );
    const variables = JSON.parse(readFileSync(app, 'utf8')) as Record<string, unknown>;
    expect(variables.network).toEqual({ id: 'a/r2/network-id', secret: 'secret-of-a/r2/network' });
    // Sensitive values read from a saved plan are masked as those read with `output` are.
    expect(secrets).toContain('secret-of-a/r2/network');
    const applied = terraform.calls.length;
    expect((await run('apply')).status).toBe('succeeded');
    expect(commandsOf(terraform, applied)).toEqual(planOnly);
  });

  it('a saved plan that is planned afresh without changes takes its outputs from the fresh plan', async () => {
    const { terraform, workDirectory, run } = setup();
    terraform.savedPlans = 'stored-state';
    await run('apply');
    await run('plan');
    // The code changed since the plans were saved: each is planned afresh, and the check accepts the fresh plan.
    const changedCode: LayerCodeReader = {
      read: (layerPath) => ({ ...layerCode.read(layerPath), sourceDigest: `new code of ${layerPath}` }),
    };
    const accepted: string[] = [];
    const applied = terraform.calls.length;
    const result = await run('apply', {
      planDirectory: workDirectory,
      layerCode: changedCode,
      freshPlanCheck: (instance) => {
        accepted.push(instance.id);
        return { accepted: true, note: 'planned afresh' };
      },
    });
    expect(result.status).toBe('succeeded');
    expect(accepted.sort()).toEqual(Object.keys(UNCHANGED).sort());
    // New code is initialised again (its module sources may have changed); no `output` after the fresh plans.
    expect(commandsOf(terraform, applied)).toEqual(
      Object.fromEntries(Object.keys(UNCHANGED).map((id) => [id, ['init', 'plan']])),
    );
  });

  it('runs output when the saved plan holds no state Strata can read (an encrypted plan)', async () => {
    const { terraform, run } = setup();
    terraform.savedPlans = 'unreadable';
    await run('apply');
    const planned = terraform.calls.length;
    expect((await run('plan')).status).toBe('succeeded');
    expect(commandsOf(terraform, planned)).toEqual(UNCHANGED);
  });

  it('reads the outputs of an instance with sensitive outputs, or of every instance for an onOutputs hook', async () => {
    const { terraform, run } = setup();
    await run('apply');
    const seen: string[] = [];
    const before = terraform.calls.length;
    await run('plan', { onOutputs: (id) => seen.push(id) });
    const outputs = terraform.calls.slice(before).filter((call) => call.command === 'output');
    expect(outputs).toHaveLength(7);
    expect(seen.sort()).toEqual(Object.keys(UNCHANGED).sort());

    const sensitive: LayerCodeReader = {
      read: (layerPath) => ({ ...layerCode.read(layerPath), sensitiveOutputs: new Set(['secret']) }),
    };
    const again = terraform.calls.length;
    await run('plan', { layerCode: sensitive });
    expect(terraform.calls.slice(again).filter((call) => call.command === 'output')).toHaveLength(7);
  });

  it('an upstream outside the run is read once, for all its dependents', async () => {
    const { terraform, graph, run } = setup();
    await run('apply');
    const before = terraform.calls.length;
    await run('plan', { dag: selectInstances(graph, { layers: ['app'] }) });
    const reads = terraform.calls.slice(before).filter((call) => call.command === 'output');
    // Each app reads its own region's network and every network: two networks, read once each.
    expect(reads.map((call) => call.id).sort()).toEqual(['a/r1/network', 'a/r2/network']);
  });

  it('inits again, with -reconfigure, when the backend changes, and after a failed init', async () => {
    const { terraform, workDirectory, graph, run } = setup();
    await run('apply');
    const moved = setup(MANIFEST.replace('state/{region}/{id}.tfstate', 'elsewhere/{region}/{id}.tfstate'));
    const iamOnly = { dag: selectInstances(graph, { instances: ['a/iam'] }) };
    const before = terraform.calls.length;
    const result = await run('plan', {
      manifest: moved.manifest,
      graph: moved.graph,
      dag: selectInstances(moved.graph, { instances: ['a/iam'] }),
    });
    expect(result.status).toBe('succeeded');
    const inits = terraform.calls.slice(before).filter((call) => call.command === 'init');
    expect(inits.map((call) => call.args)).toEqual([
      [
        'init',
        '-input=false',
        '-no-color',
        '-reconfigure',
        '-backend-config=path=elsewhere/r1/a/iam.tfstate',
      ],
    ]);
    expect(inits[0]!.env.TF_DATA_DIR).toBe(path.join(workDirectory, 'instances', 'a.iam', 'terraform-data'));

    // Back to the first backend, with an init that fails: it vouches for nothing, so the next run inits again.
    terraform.failures.set('a/iam', 'init');
    expect((await run('plan', iamOnly)).status).toBe('failed');
    terraform.failures.delete('a/iam');
    const retried = terraform.calls.length;
    await run('plan', iamOnly);
    await run('plan', iamOnly);
    // Nothing else in these runs reads iam's outputs.
    expect(commandsOf(terraform, retried)).toEqual({ 'a/iam': ['init', 'plan', 'plan'] });
    expect(terraform.calls[retried]!.args).toContain('-backend-config=path=state/r1/a/iam.tfstate');
  });

  it('inits again when the layer code or its lock file changes', async () => {
    const { terraform, run } = setup();
    const manifestDirectory = scratchDir('strata-layers-');
    await run('apply', { manifestDirectory });
    const changed: LayerCodeReader = {
      read: (layerPath) => ({
        ...layerCode.read(layerPath),
        sourceDigest: layerPath === 'iam' ? 'new code' : layerCode.read(layerPath).sourceDigest,
      }),
    };
    const before = terraform.calls.length;
    await run('plan', { layerCode: changed, manifestDirectory });
    const initsOf = (from: number) =>
      terraform.calls
        .slice(from)
        .filter((call) => call.command === 'init')
        .map((call) => call.id);
    expect(initsOf(before)).toEqual(['a/iam']);

    mkdirSync(path.join(manifestDirectory, 'network'));
    writeFileSync(path.join(manifestDirectory, 'network', '.terraform.lock.hcl'), 'provider "x" {}\n');
    const locked = terraform.calls.length;
    await run('plan', { layerCode: changed, manifestDirectory });
    expect(initsOf(locked).sort()).toEqual(['a/r1/network', 'a/r2/network']);
  });
});
