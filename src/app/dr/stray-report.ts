import path from 'node:path';
import { loadManifest } from '../../adapters/load-manifest.js';
import { summariseFailure } from '../../core/dr/drill-readiness.js';
import {
  strayCandidates,
  strayReport,
  type StrayReading,
  type StrayReport,
} from '../../core/dr/stray-instances.js';
import { getOrThrow } from '../../core/lookup.js';
import { checkRegionDeclared } from '../../core/manifest/check-region.js';
import { instanceDirectoryName } from '../../engine/work-directory.js';
import { stateResourceCount } from '../../terraform/state-resources.js';
import { stateReadCalls } from './replica-states.js';
import { setUpEngine, type EngineAdapters, type EngineSettings } from '../engine-setup.js';

export interface StraySettings extends EngineSettings {
  manifestFile: string;
  /** The region that came back. */
  region: string;
}

/**
 * `strata stray --region R`: R is back after a failover. Reads, in R only and without a lock (init and
 * `state pull`), the state of every instance the manifest can place in R that steady state no longer
 * manages, and reports those that still hold resources, each with its retire and re-adopt commands
 * (core/dr/stray-instances.ts). Changes nothing.
 */
export async function reportStray(settings: StraySettings, adapters: EngineAdapters): Promise<StrayReport> {
  const loaded = loadManifest(settings.manifestFile, settings.cwd);
  checkRegionDeclared(loaded.manifest, settings.region, 'region');
  const { terraform, workDirectory, base } = await setUpEngine(
    { ...settings, failFast: false },
    loaded,
    adapters,
  );
  const candidates = strayCandidates(loaded.graph, loaded.manifest, settings.region);
  const readings = new Map<string, StrayReading>();
  for (const candidate of candidates) {
    const instance = getOrThrow(loaded.graph.byId, candidate.id, 'a stray candidate');
    const call = await stateReadCalls(
      { workDirectory, signal: base.signal, timeoutMs: base.commandTimeoutMs },
      instance.id,
      path.resolve(loaded.directory, instance.path),
      ['stray', instanceDirectoryName(instance.id)],
    );
    const init = await terraform.init(call('init'), loaded.graph.backendOf(instance));
    if (init.exitCode !== 0) {
      readings.set(instance.id, { error: summariseFailure(`init failed\n${init.tail}`, 'failed') });
      continue;
    }
    const pulled = await terraform.statePull(call('state-pull'));
    if (pulled.exitCode !== 0) {
      readings.set(instance.id, { error: summariseFailure(`state pull failed\n${pulled.tail}`, 'failed') });
      continue;
    }
    try {
      readings.set(instance.id, { resources: stateResourceCount(pulled.stdout) });
    } catch (error) {
      readings.set(instance.id, { error: (error as Error).message });
    }
  }
  return strayReport(loaded.manifest, settings.region, candidates, readings, settings.wording.command);
}
