import { mkdir, readFile } from 'node:fs/promises';
import type { Instance, LayerGraph } from '../core/graph/types.js';
import { getOrThrow } from '../core/lookup.js';
import type { Manifest } from '../core/manifest/types.js';
import type { EngineCommand } from '../core/run-result.js';
import { upstreamWaitReason } from '../core/upstream-wait.js';
import {
  outputValues,
  parseOutputsJson,
  sensitiveValues,
  type TerraformOutputs,
} from '../terraform/outputs.js';
import { storedOutputsOfPlanFile } from '../terraform/plan-file-outputs.js';
import type { Redactor } from '../terraform/redact.js';
import type { InstanceDirectories } from './instance-directories.js';
import type { InstanceInit } from './instance-init.js';
import type { LayerCodeReader } from './layer-code-reader.js';
import type { FailureOf } from './step-failure.js';
import type { TerraformClient } from './terraform-client.js';
import { buildVariables, upstreamVariables, type InstanceContext } from './var-file.js';

/** An instance's outputs as its dependents see them. */
export interface Outputs {
  values: Record<string, unknown>;
  /** The state has never been applied: the layer declares outputs but the state has none. */
  isEmpty: boolean;
}

/** An upstream has no state yet and has no mock outputs: the instance waits for it to be applied. */
export class WaitingOnUpstream extends Error {}

export interface UpstreamOutputsOptions {
  command: EngineCommand;
  manifest: Manifest;
  graph: LayerGraph;
  terraform: TerraformClient;
  layerCode: LayerCodeReader;
  directories: InstanceDirectories;
  init: InstanceInit;
  failure: FailureOf;
  redactor: Redactor;
  /** Values that must never be shown (sensitive outputs and variables), as soon as they are known. */
  secrets: (values: readonly string[]) => void;
  /** Called with the outputs of each instance whose outputs are read. */
  onOutputs?: ((id: string, values: Readonly<Record<string, unknown>>) => void) | undefined;
  /** Role and failover context per instance; default: the region's role from the manifest. */
  contextOf?: ((instance: Instance) => InstanceContext) | undefined;
}

/**
 * The outputs of instances as their dependents read them, each read once per run (after its plan or apply in
 * this run, from the saved plan when the run left the state as it was; else from its state), and the variables
 * of an instance built from its upstreams' outputs. Every sensitive value read is masked from then on.
 */
export class UpstreamOutputs {
  private readonly outputs = new Map<string, Promise<Outputs>>();
  private readonly roles: Map<string, Manifest['regions'][number]['role']>;

  constructor(private readonly options: UpstreamOutputsOptions) {
    this.roles = new Map(options.manifest.regions.map((region) => [region.name, region.role]));
  }

  /** Outputs produced in this run, or else read from the instance's state (init + output, no lock). */
  of(instance: Instance): Promise<Outputs> {
    const known = this.outputs.get(instance.id);
    if (known) return known;
    const read = (async () => {
      await mkdir(this.options.directories.readDirectoryOf(instance.id), { recursive: true });
      await this.options.init.init(instance, true);
      return this.read(instance, true);
    })();
    this.outputs.set(instance.id, read);
    return read;
  }

  /**
   * Takes an instance's outputs from the plan it saved in this run, when the run left its state as it was (a
   * plan, or nothing to apply): the plan file holds the stored state it was made from, whose outputs are what
   * `output -json` would print, so no Terraform process is needed. False when the file does not hold them in
   * a form Strata reads (`plan-file-outputs.ts`): the caller reads them with `output` then.
   */
  async takeFromPlanFile(instance: Instance, planFile: string): Promise<boolean> {
    const bytes = await readFile(planFile).catch(() => undefined);
    const stored = bytes && storedOutputsOfPlanFile(bytes);
    if (stored === undefined) return false;
    this.outputs.set(instance.id, Promise.resolve(this.accept(instance, stored)));
    return true;
  }

  /** Reads an instance's outputs after its plan or apply: what its dependents see from then on. */
  async readAfterRun(instance: Instance): Promise<void> {
    const outputs = this.read(instance);
    this.outputs.set(instance.id, outputs);
    await outputs;
  }

  /**
   * Context, layer vars and upstream outputs, filtered to what the layer's code declares. An upstream whose
   * state has no outputs yet lends its layer's mock outputs to a plan (`mock` is told which), is left out
   * of a destroy, and otherwise makes the instance wait for it (`WaitingOnUpstream`).
   */
  async variablesFor(instance: Instance, mock: (id: string) => void): Promise<Record<string, unknown>> {
    const { command, graph, manifest } = this.options;
    const code = this.options.layerCode.read(instance.path);
    const upstream = new Map<string, Record<string, unknown>>();
    const inputs = graph.inputsOf(instance.id);
    for (const input of inputs) {
      for (const source of input.sources) {
        const upstreamInstance = getOrThrow(graph.byId, source.id, 'instance');
        const outputs = await this.of(upstreamInstance);
        if (!outputs.isEmpty) {
          upstream.set(source.id, outputs.values);
          continue;
        }
        const layer = manifest.layers.find((candidate) => candidate.name === upstreamInstance.layer);
        if (!layer) throw new Error(`Internal error: no layer '${upstreamInstance.layer}'`);
        const mocks = layer.mockOutputs;
        if (command === 'plan' && Object.keys(mocks).length > 0) {
          upstream.set(source.id, mocks);
          mock(source.id);
        } else if (command !== 'destroy') {
          throw new WaitingOnUpstream(
            upstreamWaitReason(
              source.id,
              'apply it first' +
                (command === 'plan'
                  ? `, or declare mock_outputs on layer '${layer.name}' to plan before then`
                  : ''),
            ),
          );
        }
      }
    }
    const variables = buildVariables({
      instance,
      vars: graph.varsOf(instance),
      globalRegion: manifest.backend.globalRegion,
      roleOf: (region) => this.roles.get(region),
      upstream: upstreamVariables(inputs, (id) => upstream.get(id) ?? {}),
      declared: code.variables,
      context: this.options.contextOf?.(instance),
    });
    const secrets = [...code.sensitiveVariables].flatMap((name) => leafStrings(variables[name]));
    if (secrets.length > 0) this.addSecrets(secrets);
    return variables;
  }

  private async read(instance: Instance, reading = false): Promise<Outputs> {
    const result = await this.options.terraform.output(
      this.options.directories.call(instance, 'output', reading),
    );
    if (result.exitCode !== 0) throw this.options.failure('output', result, instance);
    return this.accept(instance, parseOutputsJson(result.stdout));
  }

  /** Masks the sensitive values of outputs just read and tells the hook. */
  private accept(instance: Instance, outputs: TerraformOutputs): Outputs {
    const secrets = sensitiveValues(outputs);
    if (secrets.length > 0) this.addSecrets(secrets);
    const values = outputValues(outputs);
    this.options.onOutputs?.(instance.id, values);
    const declared = this.options.layerCode.read(instance.path).outputs;
    return { values, isEmpty: Object.keys(values).length === 0 && declared.size > 0 };
  }

  private addSecrets(values: string[]) {
    this.options.redactor.add(values);
    this.options.secrets(values);
  }
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafStrings);
  return [];
}
