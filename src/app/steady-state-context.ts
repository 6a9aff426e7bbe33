import { steadyStateRoles } from '../core/dr/steady-state.js';
import type { Instance } from '../core/graph/types.js';
import type { Manifest } from '../core/manifest/types.js';
import type { InstanceContext } from '../engine/var-file.js';

/** In steady state an instance's role comes from its region, and a pilot-light or warm-standby copy is `standby`. */
export function steadyStateContext(manifest: Manifest): (instance: Instance) => InstanceContext {
  const roleOf = steadyStateRoles(manifest);
  return (instance) => {
    const role = roleOf(instance);
    return role === null ? {} : { role };
  };
}
