import { compileRegionalBackend } from '../backend/render-backend.js';
import { compileValue, containsTokens, writeTokenValues, type TokenValues } from '../backend/tokens.js';
import { getOrThrow } from '../lookup.js';
import { regionRoleOf } from '../manifest/primary-region.js';
import type { Manifest } from '../manifest/types.js';
import type { Instance, LayerGraph } from './types.js';

/** What a manifest's settings become for one of its instances. */
export type InstanceRendering = Pick<LayerGraph, 'backendOf' | 'varsOf'>;

/**
 * Renders instances' backends and vars, compiled once per manifest. Each call renders afresh: a graph keeps
 * no backend or vars of its own, which on 100,000 instances were a third of its memory and most of the
 * garbage collector's work while it was made, for values a run reads a few times per instance and
 * `strata graph --format json` once.
 *
 * The tokens are the instance's: its region (or `backend.global_region`, where state without a region
 * lives) and its role there (or the global region's).
 */
export function compileInstanceRendering(manifest: Manifest): InstanceRendering {
  const { globalRegion } = manifest.backend;
  const globalRole = regionRoleOf(manifest, globalRegion);
  const renderBackend = compileRegionalBackend(manifest.backend);
  // One object for every rendering (see writeTokenValues): `strata graph --format json` renders 100,000
  // backends in a row.
  const values = {} as TokenValues;
  const valuesOf = (instance: Instance) =>
    writeTokenValues(values, instance, instance.region ?? globalRegion, instance.role ?? globalRole);
  const renderVars = new Map(
    manifest.layers.map((layer): [string, (instance: Instance) => Record<string, unknown>] => {
      if (!containsTokens(layer.vars)) return [layer.name, () => layer.vars];
      const render = compileValue(layer.vars);
      return [layer.name, (instance) => render(valuesOf(instance)) as Record<string, unknown>];
    }),
  );
  return {
    backendOf: (instance) => renderBackend(valuesOf(instance)),
    varsOf: (instance) => getOrThrow(renderVars, instance.layer, 'layer')(instance),
  };
}
