import type { ErrorObject } from 'ajv';
import { suggest } from './closest-name.js';
import { DURATION_PATTERN, DURATION_RULE, NAME_PATTERN, NAME_RULE, RESERVED_NAMES } from './schema.js';
import type { ManifestPath } from './types.js';

// How a JSON Schema failure of a file Strata reads is worded: where (a manifest path, located by the reader)
// and what is wrong, in the manifest's own words (a map, a list, a whole number) rather than Ajv's.

function pathOf(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function describePath(path: ManifestPath, subject = 'the manifest'): string {
  let text = '';
  for (const segment of path)
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text || subject;
}

/** Ajv reports a failed `propertyNames` twice (the inner rule and the wrapper) and `type` once per branch. */
export function schemaErrorsWorthReporting(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'propertyNames' || error.keyword === 'if') return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function describeSchemaError(
  error: ErrorObject,
  subject: string,
  patternRules: Readonly<Record<string, string>>,
): { path: ManifestPath; message: string } {
  const path = pathOf(error);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const where = describePath(path, subject);
  const got = (value: unknown) =>
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a map'
          : JSON.stringify(value);
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'required':
      return {
        path,
        message: `${where}: missing required key '${(error.params as { missingProperty: string }).missingProperty}'`,
      };
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      const hint = known.length > 0 ? `${suggest(key, known)}; allowed keys: ${known.join(', ')}` : '';
      return { path: [...path, key], message: `${where}: unknown key '${key}'${hint}` };
    }
    case 'enum':
      return {
        path,
        message: `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}, got ${got(error.data)}`,
      };
    case 'const':
      return {
        path,
        message: `${where}: must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, got ${got(error.data)}`,
      };
    case 'type':
      return {
        path,
        message: `${where}: must be ${describeType((error.params as { type: string | string[] }).type)}, got ${got(error.data)}`,
      };
    case 'pattern': {
      if (propertyName !== undefined) {
        return {
          path: [...path, propertyName],
          message: `${where}: '${propertyName}' is not a valid name: use ${NAME_RULE}`,
        };
      }
      const pattern = (error.params as { pattern: string }).pattern;
      const rule = patternRules[pattern] ?? PATTERN_RULES[pattern] ?? `a value matching ${pattern}`;
      return { path, message: `${where}: ${got(error.data)} is not allowed: use ${rule}` };
    }
    case 'not':
      return {
        path: propertyName !== undefined ? [...path, propertyName] : path,
        message: `${where}: '${propertyName ?? String(error.data)}' is a reserved word (${RESERVED_NAMES.join(', ')}) and cannot be a name`,
      };
    case 'uniqueItems':
      return {
        path,
        message: `${where}: lists the same value twice (items ${(error.params as { j: number; i: number }).j} and ${(error.params as { i: number }).i})`,
      };
    default:
      return { path, message: `${where}: ${error.message ?? 'is not valid'}` };
  }
}

const PATTERN_RULES: Record<string, string> = {
  [NAME_PATTERN]: NAME_RULE,
  [DURATION_PATTERN]: DURATION_RULE,
};

function describeType(type: string | string[]): string {
  const words: Record<string, string> = {
    object: 'a map',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}
