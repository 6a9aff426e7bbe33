/**
 * Keeping secrets out of logs, summaries and PR comments: a plan redactor so that no rendering of a plan can
 * show a value Terraform marked sensitive.
 */

import { arrayAt, isRecord, recordAt } from './json-objects.js';
import { createRedactor, type Redactor } from './redact.js';

export const SENSITIVE_VALUE = '(sensitive value)';

/**
 * A deep copy of a parsed `terraform show -json` plan with every value Terraform marks sensitive replaced by
 * `(sensitive value)`: resource attributes by `before_sensitive`/`after_sensitive` (changes and drift) and
 * `sensitive_values` (planned and prior state), sensitive outputs, sensitive variables with their defaults and
 * the constants passed to them. Then, because Terraform marks a value only where it knows it is sensitive,
 * every other string equal to a masked one (a literal in the configuration, say) is masked too, and masked
 * strings of at least MIN_SECRET_LENGTH characters are cut out of longer strings with `***`.
 */
export function redactPlanJson<T>(plan: T): T {
  const copy = structuredClone(plan);
  if (!isRecord(copy)) return copy;
  const secrets = new Set<string>();

  for (const key of ['resource_changes', 'resource_drift']) {
    for (const entry of arrayAt(copy, key)) {
      if (isRecord(entry.change)) maskChange(entry.change, secrets);
    }
  }
  for (const change of Object.values(recordAt(copy, 'output_changes'))) {
    if (isRecord(change)) maskChange(change, secrets);
  }
  maskStateValues(recordAt(copy, 'planned_values'), secrets);
  maskStateValues(recordAt(recordAt(copy, 'prior_state'), 'values'), secrets);

  const rootModule = recordAt(recordAt(copy, 'configuration'), 'root_module');
  maskModuleConfig(rootModule, secrets);
  const declared = recordAt(rootModule, 'variables');
  for (const [name, variable] of Object.entries(recordAt(copy, 'variables'))) {
    if (isRecord(variable) && isSensitiveDeclaration(declared[name])) maskKey(variable, 'value', secrets);
  }

  secrets.delete('');
  return secrets.size === 0 ? copy : (maskCopies(copy, secrets, createRedactor(secrets)) as T);
}

/** `before`/`after` by their marks: `true`, or an object/array mirroring the value with `true` where sensitive. */
function maskChange(change: Record<string, unknown>, secrets: Set<string>): void {
  for (const side of ['before', 'after']) {
    if (side in change) change[side] = maskMarked(change[side], change[`${side}_sensitive`], secrets);
  }
}

function maskMarked(value: unknown, mark: unknown, secrets: Set<string>): unknown {
  if (mark === true) {
    if (value === null) return null; // Nothing to hide, and `before: null` must still read as "did not exist".
    collectStrings(value, secrets);
    return SENSITIVE_VALUE;
  }
  if (Array.isArray(mark) && Array.isArray(value))
    return value.map((item, i) => maskMarked(item, mark[i], secrets));
  if (isRecord(mark) && isRecord(value)) {
    for (const key of Object.keys(value)) value[key] = maskMarked(value[key], mark[key], secrets);
  }
  return value;
}

/** `planned_values` or `prior_state.values`: outputs, then resources module by module. */
function maskStateValues(values: Record<string, unknown>, secrets: Set<string>): void {
  for (const output of Object.values(recordAt(values, 'outputs'))) {
    if (isRecord(output) && output.sensitive === true) maskKey(output, 'value', secrets);
  }
  const modules = [recordAt(values, 'root_module')];
  for (let module = modules.pop(); module; module = modules.pop()) {
    for (const resource of arrayAt(module, 'resources')) {
      if ('values' in resource)
        resource.values = maskMarked(resource.values, resource.sensitive_values, secrets);
    }
    modules.push(...arrayAt(module, 'child_modules'));
  }
}

/** Sensitive variables' defaults, sensitive outputs' expressions, and constants passed to sensitive variables. */
function maskModuleConfig(module: Record<string, unknown>, secrets: Set<string>): void {
  for (const variable of Object.values(recordAt(module, 'variables'))) {
    if (isRecord(variable) && isSensitiveDeclaration(variable)) maskKey(variable, 'default', secrets);
  }
  for (const output of Object.values(recordAt(module, 'outputs'))) {
    if (isRecord(output) && output.sensitive === true) maskConstants(output.expression, secrets);
  }
  for (const call of Object.values(recordAt(module, 'module_calls'))) {
    if (!isRecord(call)) continue;
    const child = recordAt(call, 'module');
    maskModuleConfig(child, secrets);
    const declared = recordAt(child, 'variables');
    for (const [name, expression] of Object.entries(recordAt(call, 'expressions'))) {
      if (isSensitiveDeclaration(declared[name])) maskConstants(expression, secrets);
    }
  }
}

function isSensitiveDeclaration(variable: unknown): boolean {
  return isRecord(variable) && variable.sensitive === true;
}

/** Every `constant_value` in an expression, nested block expressions included. */
function maskConstants(expression: unknown, secrets: Set<string>): void {
  if (Array.isArray(expression)) for (const item of expression) maskConstants(item, secrets);
  if (!isRecord(expression)) return;
  for (const [key, value] of Object.entries(expression)) {
    if (key === 'constant_value') maskKey(expression, key, secrets);
    else maskConstants(value, secrets);
  }
}

function maskKey(record: Record<string, unknown>, key: string, secrets: Set<string>): void {
  if (!(key in record)) return;
  collectStrings(record[key], secrets);
  record[key] = SENSITIVE_VALUE;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (isRecord(value)) for (const item of Object.values(value)) collectStrings(item, into);
}

/**
 * Fields that name things rather than hold values. They are left alone, so that a secret that happens to be
 * `test` or `main` does not turn `aws_instance.main` into `aws_instance.***`. Terraform refuses sensitive
 * values in `for_each` and `count`, so an address or index cannot carry one.
 */
const NAME_FIELDS = new Set([
  'address',
  'previous_address',
  'module_address',
  'to_display',
  'mode',
  'type',
  'name',
  'index',
  'deposed',
  'provider_name',
  'provider_config_key',
  'full_name',
  'version_constraint',
  'source',
  'actions',
  'action_reason',
  'references',
  'replace_paths',
  'format_version',
  'terraform_version',
  'timestamp',
]);

/** Fields that hold a value (an attribute map, an output's value, a constant): every key below them is data. */
const VALUE_FIELDS = new Set(['before', 'after', 'values', 'value', 'default', 'constant_value']);

function maskCopies(value: unknown, secrets: Set<string>, redactor: Redactor, isData = false): unknown {
  if (typeof value === 'string') {
    if (value === SENSITIVE_VALUE) return value;
    return secrets.has(value) ? SENSITIVE_VALUE : redactor.redact(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskCopies(item, secrets, redactor, isData));
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      // A record under a name field (`module` in a module call is one) is structure: go on into it.
      if (!isData && NAME_FIELDS.has(key) && !isRecord(item)) continue;
      value[key] = maskCopies(item, secrets, redactor, isData || VALUE_FIELDS.has(key));
    }
  }
  return value;
}
