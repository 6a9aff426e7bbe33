import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../helpers/scratch.js';

/**
 * The action's entry in-process: `run()` from src/action/main.ts with a typed fake of `@actions/core` (the only test
 * that fakes it), so that inputs, annotations, outputs and failures are checked without a runner.
 */
interface Annotation {
  message: string;
  properties: { file?: string; startLine?: number; startColumn?: number } | undefined;
}

const fake = {
  inputs: new Map<string, string>(),
  outputs: new Map<string, string>(),
  failures: [] as string[],
  errors: [] as Annotation[],
  infos: [] as string[],
  reset() {
    this.inputs.clear();
    this.outputs.clear();
    this.failures.length = 0;
    this.errors.length = 0;
    this.infos.length = 0;
  },
};

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => fake.inputs.get(name) ?? '',
  setOutput: (name: string, value: unknown) => void fake.outputs.set(name, String(value)),
  setFailed: (message: string | Error) => void fake.failures.push(String(message)),
  error: (message: string | Error, properties?: Annotation['properties']) =>
    void fake.errors.push({ message: String(message), properties }),
  warning: () => undefined,
  info: (message: string) => void fake.infos.push(message),
  debug: () => undefined,
  setSecret: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined,
}));

const { run } = await import('../../src/action/main.js');

const runWith = async (inputs: Record<string, string>) => {
  for (const [name, value] of Object.entries(inputs)) fake.inputs.set(name, value);
  return run();
};

describe('the action entry (src/action/main.ts, in-process)', () => {
  let broken: string;

  beforeAll(() => {
    broken = path.join(scratchDir('strata-main-'), 'broken.yml');
    writeFileSync(
      broken,
      'version: 1\nbackend: { type: local, config: { path: x }, global_region: r1 }\nregions:\n  r1: { role: primary }\naccounts: {}\nlayers:\n  - { name: a, scope: everywhere, path: a }\n',
    );
  });
  afterEach(() => fake.reset());

  it('graph: sets the graph and matrix outputs of the example estate, and writes the legs file', async () => {
    const workDir = scratchDir('strata-main-graph-');
    expect(
      await runWith({ command: 'graph', manifest: 'examples/multi-region/layers.yml', 'work-dir': workDir }),
    ).toBe('ran');
    expect(fake.failures).toEqual([]);
    const legsFile = path.join(workDir, 'matrix-legs.json');
    expect(fake.outputs.get('legs-file')).toBe(legsFile);
    const legs = JSON.parse(readFileSync(legsFile, 'utf8')) as {
      legs: Record<string, { instances: string[] }>;
    };
    expect(Object.values(legs.legs).flatMap((leg) => leg.instances)).toHaveLength(15);
    const graph = JSON.parse(fake.outputs.get('graph')!) as { nodes: { id: string }[] };
    expect(graph.nodes).toHaveLength(15);
    const matrix = JSON.parse(fake.outputs.get('matrix')!) as { stage_count: number };
    expect(matrix.stage_count).toBeGreaterThan(0);
    expect(fake.infos).toContain(`15 instances in 3 waves, ${matrix.stage_count} matrix stages`);
  });

  it('leaves no signal handlers behind, whether the command succeeded or failed', async () => {
    const handlers = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const before = handlers();
    await runWith({ command: 'graph', manifest: 'examples/multi-region/layers.yml' });
    expect(fake.failures).toEqual([]);
    expect(handlers()).toEqual(before);
    await runWith({ command: 'explode' });
    expect(fake.failures).toHaveLength(1);
    expect(handlers()).toEqual(before);
  });

  it('names the input and what it got, and fails without throwing, as bad input (exit code 2)', async () => {
    expect(await runWith({ command: 'explode' })).toBe('bad-input');
    expect(fake.failures).toEqual([
      "Input 'command' must be one of graph, plan, apply, destroy, drift, report, failover, failback, migrate, got 'explode'",
    ]);
    fake.reset();
    expect(await runWith({ command: 'plan', parallelism: 'many' })).toBe('bad-input');
    expect(fake.failures).toEqual(["Input 'parallelism' must be a whole number ≥ 1, got 'many'"]);
    fake.reset();
    await runWith({ command: 'plan', leg: '1-1', instance: 'dns' });
    expect(fake.failures).toEqual([
      "Inputs 'leg' and 'instance' both select instances: give one of them (a stage job gives 'leg').",
    ]);
    fake.reset();
    await runWith({ command: 'graph', leg: '1-1' });
    expect(fake.failures).toEqual([
      "Input 'leg' only goes with commands plan, apply, destroy and drift, got command 'graph'",
    ]);
    fake.reset();
    const workDir = scratchDir('strata-main-leg-');
    await runWith({
      command: 'plan',
      manifest: 'examples/multi-region/layers.yml',
      leg: '1-1',
      'work-dir': workDir,
    });
    expect(fake.failures).toEqual([
      `Input 'leg' is '1-1', but there is no legs file at ${path.join(workDir, 'matrix-legs.json')}: download the graph job's legs artifact (matrix-legs.json) into work-dir before this step.`,
    ]);
  });

  it('migrate: an apply needs exactly one layer or one instance, and migration file problems are annotations', async () => {
    await runWith({ command: 'migrate', 'migrate-apply': 'true', layers: 'iam,network' });
    expect(fake.failures).toEqual([
      "A migrate apply moves one layer or one instance at a time: give exactly one of input 'layers' (one layer) or input 'instance' (one id), got 2",
    ]);
    fake.reset();
    const migration = path.join(path.dirname(broken), 'migrate.yml');
    writeFileSync(migration, 'version: 1\nroots: {}\n');
    expect(
      await runWith({ command: 'migrate', manifest: 'examples/multi-region/layers.yml', migration }),
    ).toBe('bad-input');
    expect(fake.failures).toEqual(['1 problem(s) in the migration file; see the annotations']);
    expect(fake.errors[0]?.properties).toMatchObject({ file: migration, startLine: 2 });
  });

  it("words a usage error in the action's terms: the input, not the CLI flag", async () => {
    await runWith({ command: 'graph', manifest: 'no/such/layers.yml' });
    expect(fake.failures).toEqual([
      "Manifest 'no/such/layers.yml' not found; give its path with input 'manifest' (default: layers.yml)",
    ]);
  });

  it('refuses a real failover that does not repeat the target region in confirm', async () => {
    await runWith({ command: 'failover', 'to-region': 'eu-west-1', confirm: 'eu-west-2' });
    expect(fake.failures).toHaveLength(1);
    expect(fake.failures[0]).toContain(
      "input 'confirm' must repeat the target region 'eu-west-1', got 'eu-west-2'",
    );
  });

  it('turns manifest problems into annotations on the file and line, then fails once', async () => {
    expect(await runWith({ command: 'graph', manifest: broken })).toBe('bad-input');
    // Every problem at once, each on its own line of the file.
    expect(fake.errors.map((error) => [error.properties?.startLine, error.message.split(':')[0]])).toEqual([
      [5, 'accounts'],
      [7, 'layers[0].scope'],
    ]);
    expect(fake.errors[1]!.properties).toMatchObject({ file: broken, startColumn: 23 });
    expect(fake.failures).toEqual(['2 problem(s) in the manifest; see the annotations']);
  });
});
