import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackendConfig, Instance } from '../core/graph/types.js';
import type { InstanceDirectories } from './instance-directories.js';
import { initUnlessInitialised, jsonDigest } from './init-record.js';
import type { LayerCodeReader } from './layer-code-reader.js';
import type { FailureOf } from './step-failure.js';
import type { TerraformClient } from './terraform-client.js';

export interface InstanceInitOptions {
  manifestDirectory: string;
  terraform: TerraformClient;
  layerCode: LayerCodeReader;
  directories: InstanceDirectories;
  failure: FailureOf;
  /** Where an instance's state is kept (LayerGraph.backendOf). */
  backendOf: (instance: Instance) => BackendConfig;
  /** Where to read an upstream's outputs when not from its own backend (see `InstancePipelineOptions`). */
  readBackendOf?: ((id: string) => BackendConfig | undefined) | undefined;
}

/**
 * The `init` of instances' data directories for one run. Instances of one layer share its directory, and a
 * first `init` may write the dependency lock file there and fill the shared plugin cache, neither of which is
 * safe to do concurrently: so the first init of each layer directory runs alone, and later inits of that
 * directory (which only read them) run in parallel.
 */
export class InstanceInit {
  private readonly firstInit = new Map<string, Promise<void>>();
  private exclusive: Promise<void> = Promise.resolve();

  constructor(private readonly options: InstanceInitOptions) {}

  /** Initialises an instance's data directory, or (`reading`) the one its outputs are read from. */
  async init(instance: Instance, reading = false): Promise<void> {
    const first = this.firstInit.get(instance.path);
    if (first) {
      await first;
      return this.runInit(instance, reading);
    }
    const run = this.exclusive.then(() => this.runInit(instance, reading));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.exclusive = settled;
    this.firstInit.set(instance.path, settled);
    return run;
  }

  /**
   * Runs `init` unless the data directory was initialised, by an init that succeeded, for the same
   * fingerprint; `init` always passes `-reconfigure`, so a directory initialised for another backend is
   * switched to this one and never migrates state.
   */
  private async runInit(instance: Instance, reading: boolean): Promise<void> {
    const { directories, terraform } = this.options;
    const backend =
      (reading && this.options.readBackendOf?.(instance.id)) || this.options.backendOf(instance);
    const dataDirectory = directories.dataDirectoryOf(instance.id, reading);
    const result = await initUnlessInitialised(
      dataDirectory,
      () => this.initFingerprint(instance, backend, dataDirectory),
      () => terraform.init(directories.call(instance, 'init', reading), backend),
    );
    if (result && result.exitCode !== 0) throw this.options.failure('init', result, instance);
  }

  /**
   * What an initialised data directory depends on: the backend and its settings, the layer's dependency lock
   * file, its code and that of its local modules (module blocks, required providers, the backend block), the
   * binary and its version, and where the directory and the layer are (init records absolute paths).
   */
  private async initFingerprint(instance: Instance, backend: BackendConfig, dataDirectory: string) {
    const cwd = path.resolve(this.options.manifestDirectory, instance.path);
    const lockFile = await readFile(path.join(cwd, '.terraform.lock.hcl'), 'utf8').catch(() => null);
    const { executable, version } = this.options.terraform;
    return jsonDigest({
      backend: { type: backend.type, config: backend.config },
      lockFile,
      code: this.options.layerCode.read(instance.path).sourceDigest,
      terraform: { executable, version },
      cwd,
      dataDirectory,
    });
  }
}
