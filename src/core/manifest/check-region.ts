import { UsageError } from '../errors.js';
import type { Setting } from '../wording.js';
import { closestName } from './closest-name.js';
import type { Manifest } from './types.js';

/** Refuses a region the manifest does not declare, naming the setting it came from and the closest name. */
export function checkRegionDeclared(manifest: Manifest, region: string, setting: Setting): void {
  const names = manifest.regions.map((candidate) => candidate.name);
  if (names.includes(region)) return;
  const hint = closestName(region, names);
  throw new UsageError(
    (name) =>
      `${name(setting)}: unknown region '${region}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${names.join(', ')}`,
  );
}
