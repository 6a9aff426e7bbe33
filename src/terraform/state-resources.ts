import { TerraformOutputError } from './errors.js';

/**
 * How many managed resource instances the state `state pull` printed holds (data sources not counted); 0 for
 * no state at all (it prints nothing).
 */
export function stateResourceCount(text: string): number {
  if (text.trim() === '') return 0;
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new TerraformOutputError(
      'terraform state pull',
      'a state in JSON',
      `'${text.trim().slice(0, 40)}'`,
    );
  }
  const resources = (state as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) return 0;
  let count = 0;
  for (const resource of resources as { mode?: unknown; instances?: unknown }[]) {
    if (resource.mode !== 'managed') continue;
    count += Array.isArray(resource.instances) ? resource.instances.length : 0;
  }
  return count;
}
