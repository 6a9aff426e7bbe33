import { TerraformOutputError } from './errors.js';

/** Which state a state file is and how far it has come: Terraform bumps `serial` on every write of a lineage. */
export interface StateIdentity {
  lineage: string;
  serial: number;
}

const SOURCE = 'terraform state pull';

/** The identity of the state `state pull` printed; null when there is no state yet (it prints nothing). */
export function parseStateIdentity(text: string): StateIdentity | null {
  if (text.trim() === '') return null;
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new TerraformOutputError(SOURCE, 'a state in JSON', `'${text.trim().slice(0, 40)}'`);
  }
  const { lineage, serial } = (state ?? {}) as { lineage?: unknown; serial?: unknown };
  if (typeof lineage !== 'string' || typeof serial !== 'number') {
    throw new TerraformOutputError(SOURCE, 'a state with a lineage and a serial', 'neither');
  }
  return { lineage, serial };
}
