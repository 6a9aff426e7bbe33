import { UsageError } from './errors.js';
import type { SettingName } from './wording.js';
import type { Manifest } from './manifest/types.js';
import type { ResourceChange } from './run-result.js';

/** Plan actions that lose what a resource holds: the old object is deleted (a replacement deletes it too). */
const DESTRUCTIVE: ReadonlySet<string> = new Set(['delete', 'replace']);

/** What the guard says of one instance's plan. `allowed` lists the destructive changes the operator named. */
export type PlanVerdict = { accepted: true; allowed: ResourceChange[] } | { accepted: false; reason: string };

/** Checks a plan of an instance before it is applied (engine/instance-pipeline.ts). */
export type PlanGuard = (
  instance: { id: string; layer: string },
  changes: readonly ResourceChange[],
) => PlanVerdict;

/**
 * The guard of stateful layers: a plan that deletes or replaces a resource of a layer marked `stateful` is
 * refused unless the instance is in `allowDestroy`, the operator's explicit list for this run (the refusal names
 * that setting as `name` words it). Every run's
 * engine has it (app/engine-setup.ts), a failback's retire stage included; a check that the returning region's
 * recovery point is recent enough belongs before that stage, in the failback itself, and is not made here.
 */
export function statefulGuard(
  manifest: Manifest,
  allowDestroy: readonly string[],
  name: SettingName,
): PlanGuard {
  const stateful = new Set(manifest.layers.filter((layer) => layer.stateful).map((layer) => layer.name));
  const allowed = new Set(allowDestroy);
  return (instance, changes) => {
    if (!stateful.has(instance.layer)) return { accepted: true, allowed: [] };
    const destructive = changes.filter((change) => DESTRUCTIVE.has(change.action));
    if (destructive.length === 0) return { accepted: true, allowed: [] };
    if (allowed.has(instance.id)) return { accepted: true, allowed: destructive };
    const listed = destructive.map((change) => `${change.address} (${change.action})`).join(', ');
    return {
      accepted: false,
      reason: `refusing to apply: layer '${instance.layer}' is stateful and this plan would destroy what it holds: ${listed}. If that is intended, run again naming the instance: ${name('allow-destroy')} ${instance.id}`,
    };
  };
}

/**
 * The allow-destroy setting checked against the manifest: each entry an instance id (`prod/eu-west-1/production/data`)
 * whose layer, its last part, is stateful. A typo must not pass unnoticed, and nothing else needs the flag.
 */
export function checkAllowDestroy(manifest: Manifest, allowDestroy: readonly string[]): void {
  for (const id of allowDestroy) {
    const layerName = id.slice(id.lastIndexOf('/') + 1);
    const layer = manifest.layers.find((candidate) => candidate.name === layerName);
    if (!layer) {
      throw new UsageError(
        (name) =>
          `${name('allow-destroy')}: '${id}' is not an instance id (its last part, '${layerName}', is no layer of ${manifest.file})`,
      );
    }
    if (!layer.stateful) {
      throw new UsageError(
        (name) =>
          `${name('allow-destroy')}: '${id}' is an instance of layer '${layerName}', which is not stateful; only instances of stateful layers need it`,
      );
    }
  }
}
