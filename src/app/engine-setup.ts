import path from 'node:path';
import { createLayerCodeReader } from '../adapters/layer-code.js';
import type { LoadedManifest } from '../adapters/load-manifest.js';
import type { LayerCodeReader } from '../engine/layer-code-reader.js';
import type { ProcessRunner } from '../engine/process-runner.js';
import type { EngineOptions, EngineReporter } from '../engine/run-engine.js';
import { checkAllowDestroy, statefulGuard } from '../core/stateful-guard.js';
import { createRedactor, type Redactor } from '../terraform/redact.js';
import type { Wording } from '../core/wording.js';
import { setUpTerraform, type TerraformSetup } from './terraform-binary.js';

/** What a run and a failover share, as the CLI flags or the action inputs give it. */
export interface EngineSettings {
  parallelism?: number | undefined;
  workDirectory: string;
  terraformBinary?: string | undefined;
  /** Apply the plans an earlier plan run (or failover drill: its work directory) saved here instead of planning again. */
  planDirectory?: string | undefined;
  /** Instances of stateful layers whose plans may destroy or replace resources in this run (core/stateful-guard.ts). */
  allowDestroy?: readonly string[] | undefined;
  /** How long a Terraform process gets to stop after SIGINT before SIGKILL; default 20 s. */
  graceMs?: number | undefined;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** How the entry words the settings and commands that results and refusals name: flags, or action inputs. */
  wording: Wording;
}

/** The effects the entry builds and passes in. */
export interface EngineAdapters {
  runner: ProcessRunner;
  /** Masks secrets in everything rendered; the reporter should use the same one. */
  redactor?: Redactor | undefined;
  reporter: EngineReporter;
  signal: AbortSignal;
  /** The clock; default the system's. */
  now?: (() => Date) | undefined;
}

/** The engine's options for every run of one command, less what each run of the engine chooses. */
export type BaseEngineOptions = Omit<EngineOptions, 'command' | 'manifest' | 'graph' | 'dag'>;

export interface EngineSetup extends TerraformSetup {
  base: BaseEngineOptions & { redactor: Redactor };
}

/** Terraform for a command that works on one manifest: `setUpTerraform` with the settings' binary and folders. */
export function setUpTerraformFor(
  settings: EngineSettings,
  loaded: LoadedManifest,
  adapters: Pick<EngineAdapters, 'runner'>,
): Promise<TerraformSetup> {
  return setUpTerraform({
    cwd: settings.cwd,
    workDirectory: settings.workDirectory,
    env: settings.env,
    flag: settings.terraformBinary,
    manifestBinary: loaded.manifest.terraform.binary,
    manifestDirectory: loaded.directory,
    runner: adapters.runner,
  });
}

/**
 * The one place that turns settings into engine options: set up Terraform (work directory, plugin cache,
 * binary, version check), then take parallelism and timeouts from the settings or the manifest.
 */
export async function setUpEngine(
  settings: EngineSettings & { failFast: boolean },
  loaded: LoadedManifest,
  adapters: EngineAdapters,
  layerCode: LayerCodeReader = createLayerCodeReader(loaded.directory),
): Promise<EngineSetup> {
  const allowDestroy = settings.allowDestroy ?? [];
  checkAllowDestroy(loaded.manifest, allowDestroy);
  const setup = await setUpTerraformFor(settings, loaded, adapters);
  return {
    ...setup,
    base: {
      manifestDirectory: loaded.directory,
      workDirectory: setup.workDirectory,
      terraform: setup.terraform,
      layerCode,
      redactor: adapters.redactor ?? createRedactor(),
      reporter: adapters.reporter,
      parallelism: settings.parallelism ?? loaded.manifest.terraform.parallelism,
      failFast: settings.failFast,
      signal: adapters.signal,
      now: adapters.now,
      graceMs: settings.graceMs,
      commandTimeoutMs: loaded.manifest.terraform.commandTimeoutMs ?? undefined,
      planGuard: statefulGuard(loaded.manifest, allowDestroy, settings.wording.setting),
      wording: settings.wording,
      planDirectory:
        settings.planDirectory === undefined ? undefined : path.resolve(settings.cwd, settings.planDirectory),
    },
  };
}
