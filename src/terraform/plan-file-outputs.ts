import { unzipSync } from 'fflate';
import type { TerraformOutputs } from './outputs.js';

/** The entry of a saved plan that holds the state as it was read before the plan refreshed it. */
const STORED_STATE_ENTRY = 'tfstate-prev';

/**
 * The root outputs of the state a saved plan was made from, as `terraform output -json` would have printed
 * them before the plan, or `undefined` when the file cannot be read that way.
 *
 * A saved plan is a zip archive; its `tfstate-prev` entry is the state as stored in the backend when the plan
 * began (format version 4, as `output -json` reads it), where `tfstate` is the state after refresh, whose
 * outputs are already re-evaluated against the new code. The archive's layout is not a documented interface,
 * so anything unexpected — not a zip (an encrypted plan), no such entry, another state version, an output
 * without a value — gives `undefined`, and the caller asks Terraform with `output -json` instead.
 */
export function storedOutputsOfPlanFile(planFile: Uint8Array): TerraformOutputs | undefined {
  let entry: Uint8Array | undefined;
  try {
    entry = unzipSync(planFile, { filter: (file) => file.name === STORED_STATE_ENTRY })[STORED_STATE_ENTRY];
  } catch {
    return undefined;
  }
  if (entry === undefined) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(new TextDecoder().decode(entry));
  } catch {
    return undefined;
  }
  if (!isObject(state) || state.version !== 4) return undefined;
  if (state.outputs === undefined) return {};
  if (!isObject(state.outputs)) return undefined;
  const outputs: TerraformOutputs = {};
  for (const [name, output] of Object.entries(state.outputs)) {
    if (!isObject(output) || !('value' in output)) return undefined;
    outputs[name] = { sensitive: output.sensitive === true, type: output.type, value: output.value };
  }
  return outputs;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
