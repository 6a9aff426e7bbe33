import type { CompiledGraph } from './compiled-graph.js';
import { idListsOf } from './edges.js';
import { inputsAt, type InputsTable } from './inputs-table.js';
import type { InstanceRendering } from './instance-rendering.js';
import type { BackendConfig, DependencyInput, Instance, LayerGraph } from './types.js';
import { getOrThrow } from '../lookup.js';

/**
 * The LayerGraph expandManifest returns: its instances and compiled form, with the string views derived from
 * the compiled form. The maps by id are made on first use: `strata graph --format json` goes by position and
 * never needs them.
 */
export class ExpandedGraph implements LayerGraph {
  private idMap: Map<string, Instance> | undefined;
  private positionMap: Map<string, number> | undefined;
  private dependentsMap: Map<string, string[]> | undefined;

  constructor(
    readonly instances: Instance[],
    readonly compiled: CompiledGraph,
    private readonly inputs: InputsTable,
    private readonly rendering: InstanceRendering,
  ) {}

  get byId(): Map<string, Instance> {
    if (!this.idMap) {
      this.idMap = new Map();
      for (const instance of this.instances) this.idMap.set(instance.id, instance);
    }
    return this.idMap;
  }

  /** Reverse edges as strings, sorted (ascending positions are not id order). */
  get dependents(): Map<string, string[]> {
    if (!this.dependentsMap) {
      const { ids, dependents } = this.compiled;
      const map = new Map<string, string[]>();
      ids.forEach((id, position) => map.set(id, idListsOf(dependents, ids, position).sort()));
      this.dependentsMap = map;
    }
    return this.dependentsMap;
  }

  // Arrows, not methods: callers pass `graph.inputsOf` and the others on their own.
  readonly backendOf = (instance: Instance): BackendConfig => this.rendering.backendOf(instance);
  readonly varsOf = (instance: Instance): Record<string, unknown> => this.rendering.varsOf(instance);

  readonly inputsOf = (id: string): DependencyInput[] => {
    this.positionMap ??= new Map(this.compiled.ids.map((each, position) => [each, position]));
    return inputsAt(this.inputs, this.instances, getOrThrow(this.positionMap, id, 'instance'));
  };
}
