import type { ValidateFunction } from 'ajv';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { ManifestError, type ManifestProblem } from '../errors.js';
import { describeSchemaError, schemaErrorsWorthReporting } from './schema-errors.js';
import type { ManifestLocations, SourcePosition } from './types.js';

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
