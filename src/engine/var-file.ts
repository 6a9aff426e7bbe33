import type { DependencyInput, Instance, RegionRole } from '../core/graph/types.js';
import { itemAt } from '../core/lookup.js';

/**
 * What an instance's context says beyond its coordinates: its role (primary, secondary, or standby for a
 * pilot-light or warm-standby copy) and, from a failover that restored it until the failback (or a failback's
 * promote phase, from then on), the region it took over from and its recovery point. Absent fields are
 * left out of the var file, so the variables' defaults apply.
 */
export interface InstanceContext {
  role?: string;
  failover?: boolean;
  failedRegion?: string;
  /** The recovery point (RFC 3339) a failover or failback restored the instance from. */
  recoveryPoint?: string;
}

/**
 * The variables one instance receives: its context, the layer's `vars`, then one variable per dependency with
 * the upstream outputs. Only variables the layer's code declares are passed, so Terraform never warns about
 * undeclared ones. Coordinates an instance does not have (an account instance's environment) are left out,
 * so the variable's default applies.
 */
export function buildVariables(options: {
  instance: Instance;
  /** The layer's `vars`, rendered for the instance. */
  vars: Readonly<Record<string, unknown>>;
  /** Region whose role global and account instances report: `backend.global_region`. */
  globalRegion: string;
  roleOf: (region: string) => RegionRole | undefined;
  upstream: ReadonlyMap<string, unknown>;
  declared: ReadonlySet<string>;
  context?: InstanceContext | undefined;
}): Record<string, unknown> {
  const { instance, declared } = options;
  const region = instance.region ?? options.globalRegion;
  const all: Record<string, unknown> = {
    account: instance.account ?? undefined,
    account_id: instance.accountId ?? undefined,
    region,
    environment: instance.environment ?? undefined,
    layer: instance.layer,
    role: options.context?.role ?? options.roleOf(region),
    failover: options.context?.failover,
    failed_region: options.context?.failedRegion,
    recovery_point: options.context?.recoveryPoint,
    ...options.vars,
  };
  for (const [variable, value] of options.upstream) all[variable] = value;
  const variables: Record<string, unknown> = {};
  for (const name of Object.keys(all).sort()) {
    if (declared.has(name) && all[name] !== undefined) variables[name] = all[name];
  }
  return variables;
}

/**
 * The value of each dependency variable: one upstream's outputs, or for a fan-in a map of them keyed by the
 * selected coordinates.
 */
export function upstreamVariables(
  inputs: readonly DependencyInput[],
  outputsOf: (id: string) => Record<string, unknown>,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const input of inputs) {
    if (input.isFanIn) {
      values.set(
        input.variable,
        Object.fromEntries(input.sources.map((source) => [source.key, outputsOf(source.id)])),
      );
    } else {
      // An input that is not a fan-in has its one source.
      values.set(input.variable, outputsOf(itemAt(input.sources, 0, 'input source').id));
    }
  }
  return values;
}
