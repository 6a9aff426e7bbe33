import { TerraformOutputError } from './errors.js';
import { parseJsonObjects } from './json-objects.js';

/** One entry of `terraform output -json`. Sensitive values are there in clear text: mask them before logging. */
export interface TerraformOutput {
  sensitive: boolean;
  /** The cty type as JSON: `"string"`, `["list","number"]`, `["object",{…}]`… */
  type: unknown;
  value: unknown;
}

export type TerraformOutputs = Record<string, TerraformOutput>;

const SOURCE = 'terraform output -json';

/**
 * Reads `terraform output -json`. Wrappers can print lines around the JSON (an AWS client-side-monitoring
 * line, a warning), so the first JSON object shaped like outputs is taken and other lines are ignored.
 */
export function parseOutputsJson(text: string): TerraformOutputs {
  const candidates = parseJsonObjects(text);
  const outputs = candidates.find(isOutputs);
  if (outputs) return outputs;
  const [first] = candidates;
  const received =
    first === undefined
      ? `no JSON object in ${JSON.stringify(text.trim().slice(0, 80))}`
      : `${candidates.length} JSON object(s), none an output map (first problem: ${firstProblem(first) ?? 'none found'})`;
  throw new TerraformOutputError(
    SOURCE,
    'an object of {"<name>": {"sensitive": bool, "type": …, "value": …}}',
    received,
  );
}

/** The values alone, as a module's caller would see them: `{name: value}`. */
export function outputValues(outputs: TerraformOutputs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
}

/** Every string and number inside sensitive outputs, as strings, for the redactor to mask. */
export function sensitiveValues(outputs: TerraformOutputs): string[] {
  const found: string[] = [];
  for (const output of Object.values(outputs)) {
    if (output.sensitive) collectLeaves(output.value, found);
  }
  return found;
}

function collectLeaves(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectLeaves(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) collectLeaves(item, into);
}

function isOutputs(candidate: Record<string, unknown>): candidate is TerraformOutputs {
  return firstProblem(candidate) === undefined;
}

function firstProblem(candidate: Record<string, unknown>): string | undefined {
  for (const [name, entry] of Object.entries(candidate)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return `'${name}' is not an object`;
    if (typeof (entry as Record<string, unknown>).sensitive !== 'boolean')
      return `'${name}' has no boolean sensitive`;
    if (!('value' in entry)) return `'${name}' has no value`;
  }
  return undefined;
}
