import { ManifestError, type ManifestProblem } from '../errors.js';
import type { ManifestPath, ParsedManifest } from '../manifest/types.js';
import { Cells, SCOPE_COORDINATES } from './cells.js';
import { collectDependencies, type ResolvedDependency } from './collect-dependencies.js';
import { compileEdges, type CompiledGraph } from './compiled-graph.js';
import { DependencyResolver } from './dependency-resolver.js';
import { ExpandedGraph } from './expanded-graph.js';
import { cycleAmong } from './find-cycle.js';
import { checkDependencyShape, checkStateLocations, checkTokens, reportCycle } from './graph-problems.js';
import type { InputEntry } from './inputs-table.js';
import { compileInstanceRendering } from './instance-rendering.js';
import { createInstances, placeInstances } from './place-instances.js';
import type { LayerGraph } from './types.js';
import { getOrThrow, itemAt } from '../lookup.js';
import { intAt } from './checked-reads.js';

/**
 * Expands a manifest into its layer instances and the dependency edges between them (each instance's backend
 * and vars are rendered on demand), and checks the result: every dependency resolves to existing instances, the
 * graph has no cycle, and no two instances share a state location. Problems are reported together.
 *
 * Large estates (100,000 instances) shape the implementation: instances are numbered by position, their
 * coordinates by index, and dependencies are resolved, deduplicated and checked for cycles as integers
 * (the compiled graph), so the only strings made per instance are the ones it keeps.
 *
 * `locations` places the problems in the file; a manifest derived from the parsed one (an ephemeral
 * environment added, the roles swapped) keeps the parsed one's locations.
 */
export function expandManifest({ manifest, locations }: ParsedManifest): LayerGraph {
  const problems: ManifestProblem[] = [];
  const report = (path: ManifestPath, message: string) =>
    problems.push({ file: manifest.file, ...locations.locate(path), message });

  checkTokens(manifest, report);
  if (problems.length > 0) throw new ManifestError(problems);

  const cells = new Cells(manifest);
  const placement = placeInstances(manifest, cells);
  const layersByName = new Map(manifest.layers.map((layer) => [layer.name, layer]));
  const resolver = new DependencyResolver(manifest, placement, cells);

  // Per layer, each accepted dependency's group (see TargetIndex) for each of the layer's instances.
  const resolvedByLayer: ResolvedDependency[][] = [];
  const entries: InputEntry[][] = [];
  manifest.layers.forEach((layer, layerIndex) => {
    // layerStart has one entry per layer and one past the last.
    const start = itemAt(placement.layerStart, layerIndex, 'layer start');
    const end = itemAt(placement.layerStart, layerIndex + 1, 'layer end');
    const resolved: ResolvedDependency[] = [];
    const inputs: InputEntry[] = [];
    for (const dependency of layer.dependsOn) {
      const target = getOrThrow(layersByName, dependency.layer, 'layer');
      if (!checkDependencyShape(layer, dependency, target, report)) continue;
      const selector = resolver.selector(dependency, target);
      const groups = resolver.groupsOf(selector, start, end);
      let failures = 0;
      let firstFailure = -1;
      // groups has one entry per instance of the layer, start to end. Indexed loops in the per-instance
      // loops of the graph: an iterator costs an object per step until the function is optimised, and these
      // functions run once per expansion.
      for (let offset = 0; offset < groups.length; offset++) {
        if (intAt(groups, offset) < 0 && failures++ === 0) firstFailure = start + offset;
      }
      if (failures > 0) {
        const more = failures > 1 ? ` (and ${failures - 1} more instance${failures > 2 ? 's' : ''})` : '';
        report(dependency.at, `${resolver.whyUnresolved(firstFailure, dependency, target)}${more}`);
      }
      resolved.push({ selector, groups });
      inputs.push({
        variable: dependency.variable,
        fanIn: SCOPE_COORDINATES[target.scope].filter((coordinate) => dependency[coordinate] === 'all'),
        groups,
        groupStart: selector.index.groupStart,
        members: selector.index.members,
      });
    }
    resolvedByLayer.push(resolved);
    entries.push(inputs);
  });

  let compiled: CompiledGraph | undefined;
  if (problems.length === 0) {
    compiled = compileEdges(placement.ids, collectDependencies(placement, resolvedByLayer));
    if (!compiled.topology) {
      const cycle = cycleAmong(compiled.dependsOn);
      if (cycle) reportCycle(cycle, manifest, placement, report);
    }
  }
  const instances = createInstances(manifest, placement, compiled?.dependsOn);
  const rendering = compileInstanceRendering(manifest);
  checkStateLocations(manifest, instances, rendering.backendOf, report);
  if (problems.length > 0 || !compiled?.topology) throw new ManifestError(problems);
  return new ExpandedGraph(
    instances,
    compiled,
    {
      layerOf: placement.layerOf,
      layerStart: placement.layerStart,
      entries,
    },
    rendering,
  );
}
