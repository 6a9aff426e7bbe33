import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { ManifestError, type ManifestProblem } from '../errors.js';
import { closestName } from './closest-name.js';
import { DURATION_PATTERN, DURATION_RULE, NAME_PATTERN, NAME_RULE, RESERVED_NAMES } from './schema.js';
import type { ManifestLocations, ManifestPath, SourcePosition } from './types.js';

type Locate = ManifestLocations['locate'];

/**
 * Reads a YAML file Strata is configured by (the manifest, the migration file) and checks it against its JSON
 * Schema: every YAML and schema problem is reported at once, located in the file, as a ManifestError. Returns
 * the plain data, shaped as the schema says, and where each value is written. `subject` names the document
 * root in messages ('the manifest').
 */
export function readLocatedYaml(
  text: string,
  file: string,
  validator: () => ValidateFunction,
  subject: string,
  patternRules: Readonly<Record<string, string>> = {},
): { data: unknown; locate: Locate } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  });
  const locate = createLocator(document, lineCounter);
  const problems: ManifestProblem[] = [];
  const report = (position: SourcePosition, message: string) => problems.push({ file, ...position, message });

  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    report({ line, column: col }, `YAML syntax: ${firstLine(error.message)}`);
  }
  if (problems.length > 0) throw new ManifestError(problems);

  // An alias is written with `*` and a tag with `!`: a file with neither has none, and a 100,000-instance
  // manifest need not be walked node by node to find that out.
  const mayHaveAliasesOrTags = text.includes('*') || text.includes('!');
  if (mayHaveAliasesOrTags)
    visit(document, {
      Alias(_, alias, path) {
        const target = alias.resolve(document);
        if (target && path.includes(target)) {
          const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
          report(
            { line, column: col },
            `YAML: alias *${alias.source} refers to a value that contains it (a cycle); copy the value instead`,
          );
        }
      },
      Node(_, node) {
        if (node.tag === 'tag:yaml.org,2002:set' || node.tag === 'tag:yaml.org,2002:omap') {
          const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
          report(
            { line, column: col },
            `YAML: the tag ${node.tag.slice(node.tag.lastIndexOf(':') + 1)} is not supported here; use a plain list or map`,
          );
        }
      },
    });
  if (problems.length > 0) throw new ManifestError(problems);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report({ line: 1, column: 1 }, `YAML: ${error instanceof Error ? error.message : String(error)}`);
    throw new ManifestError(problems);
  }

  const validateSchema = validator();
  if (!validateSchema(data)) {
    for (const error of schemaErrorsWorthReporting(validateSchema.errors ?? [])) {
      const { path, message } = describeSchemaError(error, subject, patternRules);
      report(locate(path), message);
    }
    throw new ManifestError(problems);
  }

  return { data, locate };
}

export function suggest(value: string, candidates: Iterable<string>): string {
  const match = closestName(value, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}

function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}

/** Finds where a value (or, for a missing or unknown key, its map) sits in the YAML source. */
function createLocator(document: Document, lineCounter: LineCounter): Locate {
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    let node: unknown = document.contents;
    let found = position(document.contents?.range?.[0] ?? 0);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
        const keyRange = (pair.key as { range?: [number, number, number] }).range;
        const range = valueRange ?? keyRange;
        if (range) found = position(range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as { range?: [number, number, number] } | undefined;
        if (!item?.range) break;
        found = position(item.range[0]);
        node = item;
      } else break;
    }
    return found;
  };
}

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
function schemaErrorsWorthReporting(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'propertyNames' || error.keyword === 'if') return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSchemaError(
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
