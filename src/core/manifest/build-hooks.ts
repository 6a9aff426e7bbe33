import { parseDuration } from '../duration.js';
import { checkLayerPath, normaliseLayerPath } from './layer-path.js';
import { suggest } from './closest-name.js';
import type { Locate, RawManifest, Report } from './raw-manifest.js';
import type { HookSpec, LayerSpec, ManifestPath } from './types.js';

/**
 * Hooks: unique names, `layer` exactly with `after_layer` and naming a region or environment layer (the ones
 * a failover applies in the target region), the executable inside the manifest's directory.
 */
export function buildHooks(
  raw: RawManifest,
  layers: LayerSpec[],
  locate: Locate,
  report: Report,
): HookSpec[] {
  const seen = new Set<string>();
  const layerNames = new Set(layers.map((layer) => layer.name));
  return (raw.hooks ?? []).map((hook, index): HookSpec => {
    const at = (...rest: string[]): ManifestPath => ['hooks', index, ...rest];
    if (seen.has(hook.name))
      report(locate(at('name')), `hook '${hook.name}' is declared twice; hook names must be unique`);
    seen.add(hook.name);
    if (hook.when === 'after_layer') {
      const layer = layers.find((candidate) => candidate.name === hook.layer);
      if (hook.layer === undefined) {
        report(locate(at('when')), `hook '${hook.name}': when: after_layer needs 'layer: <name>'`);
      } else if (!layer) {
        report(
          locate(at('layer')),
          `hook '${hook.name}': unknown layer '${hook.layer}'${suggest(hook.layer, layerNames)}`,
        );
      } else if (layer.scope === 'global' || layer.scope === 'account') {
        report(
          locate(at('layer')),
          `hook '${hook.name}': layer '${layer.name}' is ${layer.scope}-scoped, and a failover runs only region and environment layers in the target region; follow one of those`,
        );
      }
    } else if (hook.layer !== undefined) {
      report(locate(at('layer')), `hook '${hook.name}': 'layer' only goes with when: after_layer`);
    }
    const pathProblem = checkLayerPath(hook.run, undefined, "a hook's executable");
    if (pathProblem) report(locate(at('run')), `hook '${hook.name}': ${pathProblem}`);
    return {
      name: hook.name,
      when: hook.when,
      layer: hook.layer ?? null,
      run: normaliseLayerPath(hook.run),
      args: [...(hook.args ?? [])],
      timeoutMs: parseDuration(hook.timeout),
      drillSafe: hook.drill_safe ?? false,
      at: at(),
    };
  });
}
