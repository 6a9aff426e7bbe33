/**
 * Resource addresses as the migration file writes them and state records them: `module.a["k"].module.b`
 * steps, then `type.name` (a managed resource, all of its instances). Types and names hold no dots or
 * brackets, so the last two steps are found from the end even when an instance key holds a dot.
 */

/** Whether an address names a module call (`module.web`, `module.a.module.b`) rather than a resource. */
export function isModuleAddress(address: string): boolean {
  return /(^|\.)module\.[A-Za-z_][A-Za-z0-9_-]*$/.test(address);
}

/** Whether `from` (a resource, or a module: everything in it, whatever its instance keys) covers `address`. */
export function isCoveredBy(address: string, from: string): boolean {
  if (address === from) return true;
  return isModuleAddress(from) && (address.startsWith(`${from}.`) || address.startsWith(`${from}[`));
}

/** The address a rule gives a resource it covers: `from`'s part replaced by `to`. */
export function rewriteAddress(address: string, from: string, to: string): string {
  return `${to}${address.slice(from.length)}`;
}

/** The step a layer's code declares for the address: `module.web` for what lives in it, else `type.name`. */
export function topLevelStep(address: string): string {
  const module = /^module\.([A-Za-z_][A-Za-z0-9_-]*)/.exec(address);
  return module ? `module.${module[1] ?? ''}` : address;
}

export interface AddressParts {
  /** `''` at the root, else `module.a` or `module.a["k"].module.b`. */
  module: string;
  type: string;
  name: string;
}

export function splitAddress(address: string): AddressParts {
  const nameDot = address.lastIndexOf('.');
  const typeDot = address.lastIndexOf('.', nameDot - 1);
  return {
    module: typeDot < 0 ? '' : address.slice(0, typeDot),
    type: address.slice(typeDot + 1, nameDot),
    name: address.slice(nameDot + 1),
  };
}
