// Fuzzes the pure manifest pipeline (parse -> expand -> waves) with mutated manifests; see runFuzz below.
//
//   npx tsx scripts/fuzz-manifest.ts --runs 20000 --seed 7
//
// Prints the cases run, every crash with its shrunk counterexample, and the time. Exit code 1 when a case
// crashed or hung. The cases run in a worker thread watched from here, so a case that never returns is
// reported (as the last case started) instead of hanging the script.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  Pair,
  Scalar,
  YAMLSeq,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { ManifestError, UsageError } from '../src/core/errors.js';
import { expandManifest } from '../src/core/graph/expand-manifest.js';
import { manifestSchema } from '../src/core/manifest/schema.js';
import { parseManifest } from '../src/core/manifest/parse-manifest.js';
import { dagOfGraph } from '../src/core/schedule/dag.js';
import { computeWaves } from '../src/core/schedule/waves.js';

// ---------------------------------------------------------------------------------------------------------
// The manifests mutated

export const BASE_MANIFESTS: readonly { name: string; text: string }[] = [
  {
    name: 'EXAMPLE_MANIFEST',
    text: readFileSync(new URL('../test/estates/issue-example.layers.yml', import.meta.url), 'utf8'),
  },
  {
    name: 'examples/multi-region/layers.yml',
    text: readFileSync(new URL('../examples/multi-region/layers.yml', import.meta.url), 'utf8'),
  },
];

// ---------------------------------------------------------------------------------------------------------
// The oracle

/** A case breaks the property when the pipeline throws anything but a well-located ManifestError or a UsageError. */
export interface Violation {
  /** `crash`: another exception; `bad-problem`: a ManifestError problem without a usable place or message; `slow`. */
  kind: 'crash' | 'bad-problem' | 'slow';
  detail: string;
  /** The thrown value, for its stack. */
  error?: unknown;
}

export type Outcome = 'ok' | 'manifest-error' | 'usage-error';

/** One case may take this long; the fastest take well under a millisecond, the slowest (big expansions) ~50ms. */
export const CASE_LIMIT_MS = 2_000;

/** The property: success, a UsageError, or a ManifestError whose every problem is located and says something. */
export function checkPipeline(text: string): Violation | undefined {
  return examine(text).violation;
}

/**
 * Runs the pure pipeline on one text (parseManifest -> expandManifest -> computeWaves(dagOfGraph(...))) and
 * says how it ended and whether that broke the property.
 */
export function examine(text: string): { outcome: Outcome | 'violation'; violation?: Violation } {
  const started = performance.now();
  let outcome: Outcome;
  let violation: Violation | undefined;
  try {
    const manifest = parseManifest(text, 'layers.yml');
    computeWaves(dagOfGraph(expandManifest(manifest)));
    outcome = 'ok';
  } catch (error) {
    if (error instanceof ManifestError) {
      outcome = 'manifest-error';
      violation = checkProblems(error, text);
    } else if (error instanceof UsageError) outcome = 'usage-error';
    else return { outcome: 'violation', violation: { kind: 'crash', detail: describeThrown(error), error } };
  }
  const elapsed = performance.now() - started;
  if (!violation && elapsed > CASE_LIMIT_MS) {
    violation = { kind: 'slow', detail: `took ${Math.round(elapsed)}ms (limit ${CASE_LIMIT_MS}ms)` };
  }
  return violation ? { outcome: 'violation', violation } : { outcome };
}

function checkProblems(error: ManifestError, text: string): Violation | undefined {
  if (error.problems.length === 0) return { kind: 'bad-problem', detail: 'ManifestError with no problems' };
  // A problem may sit at the end of the file (a missing key of an empty document), never past it.
  const lines = text.split('\n').length;
  for (const problem of error.problems) {
    const located =
      Number.isInteger(problem.line) &&
      Number.isInteger(problem.column) &&
      problem.line >= 1 &&
      problem.column >= 1 &&
      problem.line <= lines;
    if (!located || typeof problem.message !== 'string' || problem.message.trim() === '') {
      return {
        kind: 'bad-problem',
        detail: `problem at line ${problem.line}, column ${problem.column} (file has ${lines} lines): ${JSON.stringify(problem.message)}`,
      };
    }
  }
  return undefined;
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const frame = /\((?:file:\/\/)?([^()]*\/(?:src|node_modules)\/[^()]+:\d+:\d+)\)/.exec(error.stack ?? '');
    return `${error.name}: ${error.message.split('\n')[0]!.slice(0, 300)}${frame ? ` at ${frame[1]}` : ''}`;
  }
  return `threw a non-Error: ${String(error)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations. Each is plain data (so fast-check can shrink it) applied to one of the base manifests: first the
// structural edits on the YAML document, then the edits of the text.

export type StructuralEdit =
  | { op: 'rename-key'; pick: number; key: KeyValue }
  | { op: 'delete-key'; pick: number }
  | { op: 'duplicate-key'; pick: number }
  | { op: 'set-value'; pick: number; value: unknown }
  | { op: 'copy-value'; from: number; to: number }
  | { op: 'swap-values'; a: number; b: number }
  | { op: 'add-dependency'; layer: number; on: number; selector: DependencySelector | null }
  | { op: 'flow'; pick: number; flow: boolean }
  | { op: 'alias'; from: number; to: number }
  | { op: 'self-alias'; pick: number }
  | { op: 'tag'; pick: number; tag: string }
  | { op: 'merge-key'; pick: number; from: number }
  | { op: 'alias-bomb'; pick: number; depth: number; width: number };

export type TextEdit =
  | { op: 'truncate'; at: number }
  | { op: 'insert-bytes'; at: number; bytes: number[] }
  | { op: 'insert-text'; at: number; text: string }
  | { op: 'indent'; line: number; delta: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'delete-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'documents'; before: boolean; extra: string }
  | { op: 'yaml-1.1' };

type KeyValue = string | number | boolean | null | string[];
type DependencySelector = Partial<Record<'account' | 'region' | 'environment', string>>;

export interface MutatedManifest {
  base: string;
  structural: StructuralEdit[];
  textual: TextEdit[];
  text: string;
}

function schemaKeys(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) schemaKeys(item, into);
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const name of Object.keys(value)) into.add(name);
      }
      schemaKeys(value, into);
    }
  }
  return into;
}

const NASTY_STRINGS = [
  '',
  ' ',
  'pr-1; rm -rf /',
  '../x',
  '../../../../etc/passwd',
  '/abs/path',
  'C:\\x',
  '{id}',
  '{region}',
  '{nope}',
  '${var.x}',
  '%s%n',
  'same',
  'all',
  'primary',
  'secondary',
  'global',
  'account',
  'region',
  'environment',
  'eu-west-2',
  'eu-west-1',
  'dns',
  'iam',
  'network',
  'app',
  'local',
  's3',
  '5m',
  '0s',
  '1',
  'null',
  '~',
  'true',
  'no',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\u202e\u0644\u0627',
  '\ufeff',
  'e\u0301',
  '🦄',
  'Æøå-ünï',
  'a'.repeat(64),
  'x'.repeat(5000),
  'a\nb',
  '- a',
  ': x',
  '*a',
  '&a',
  '!!binary',
  '#',
];

const KEYS = [...schemaKeys(manifestSchema), '<<', '__proto__', 'constructor', 'prototype', ...NASTY_STRINGS];

const HUGE_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Infinity,
  -Infinity,
  Number.NaN,
];

const scalarValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.double(),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
  fc.boolean(),
  fc.constant(null),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalarValue },
  { weight: 1, arbitrary: fc.array(scalarValue, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), scalarValue, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.dictionary(fc.constantFrom(...KEYS), scalarValue, { maxKeys: 3 }), {
      maxLength: 2,
    }),
  },
);

const keyValue: fc.Arbitrary<KeyValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom<KeyValue>(true, null, ['a', 'b']) },
);

const TAGS = [
  '!!binary',
  '!!str',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!map',
  '!!seq',
  '!!set',
  '!!omap',
  '!!pairs',
  '!!timestamp',
  '!!merge',
  '!custom',
  '!',
  'tag:yaml.org,2002:str',
];

const pick = fc.nat({ max: 400 });

const structuralEdit: fc.Arbitrary<StructuralEdit> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename-key' as const), pick, key: keyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-key' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-key' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set-value' as const), pick, value: anyValue }) },
  // Values already in the manifest, moved: names that exist, in places that make them wrong (cycles, scopes,
  // shared state); weighted up because they are the edits that get past the schema into the later checks.
  { weight: 3, arbitrary: fc.record({ op: fc.constant('copy-value' as const), from: pick, to: pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('swap-values' as const), a: pick, b: pick }) },
  // A layer depending on another (or itself): cycles, scope mismatches, selectors naming nothing.
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add-dependency' as const),
      layer: pick,
      on: pick,
      selector: fc.option(
        fc.record(
          {
            account: fc.constantFrom('same', 'all', 'dev', 'prod', 'nope'),
            region: fc.constantFrom('same', 'all', 'primary', 'eu-west-1', 'eu-west-2', 'nope'),
            environment: fc.constantFrom('same', 'all', 'dev', 'staging', 'sandbox', 'nope'),
          },
          { requiredKeys: [] },
        ),
        { nil: null },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flow' as const), pick, flow: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('alias' as const), from: pick, to: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('self-alias' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('tag' as const), pick, tag: fc.constantFrom(...TAGS) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge-key' as const), pick, from: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('alias-bomb' as const),
      pick,
      depth: fc.integer({ min: 1, max: 9 }),
      width: fc.integer({ min: 2, max: 9 }),
    }),
  },
);

const YAML_TOKENS = [
  ': ',
  '- ',
  '-',
  ':',
  '? ',
  '&a ',
  '*a',
  '!!binary ',
  '!!set ',
  '<<: *a',
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>-',
  '#',
  '"',
  "'",
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\ufeff',
  '\u0000',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '@',
  '`',
  '\\',
  '  ',
];

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert-bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    op: fc.constant('insert-text' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })),
  }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant('documents' as const),
    before: fc.boolean(),
    extra: fc.constantFrom('', 'version: 1\n', '{}\n', '- a\n', '~\n', 'a: &a 1\nb: *a\n', '...\n'),
  }),
  fc.constant({ op: 'yaml-1.1' as const }),
);

/** A base manifest with up to three structural edits and, half the time, one to three textual ones. */
export function mutatedManifest(): fc.Arbitrary<MutatedManifest> {
  return fc
    .record({
      base: fc.constantFrom(...BASE_MANIFESTS.map((base) => base.name)),
      structural: fc.array(structuralEdit, { maxLength: 3 }),
      // Most text edits break the YAML itself; without them half the time, more cases reach the later stages.
      textual: fc.oneof(fc.constant<TextEdit[]>([]), fc.array(textEdit, { minLength: 1, maxLength: 3 })),
    })
    .map(({ base, structural, textual }) => ({
      base,
      structural,
      textual,
      text: applyEdits(
        BASE_MANIFESTS.find((candidate) => candidate.name === base)!.text,
        structural,
        textual,
      ),
    }));
}

export function applyEdits(base: string, structural: StructuralEdit[], textual: TextEdit[]): string {
  let text = base;
  for (const edit of structural) text = applyStructural(text, edit) ?? text;
  for (const edit of textual) text = applyText(text, edit);
  return text;
}

/** Where a node sits: a pair of a map (its value may be replaced, the pair renamed or removed) or a list item. */
interface Slot {
  node: Node;
  pair?: Pair;
  map?: YAMLMap;
  replace: (node: Node) => void;
}

function slotsOf(document: Document): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: unknown) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const value = pair.value as Node | null;
        slots.push({
          node: value ?? new Scalar(null),
          pair,
          map: node,
          replace: (next) => (pair.value = next),
        });
        if (value && !isAlias(value)) walk(value);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        slots.push({ node: item as Node, replace: (next) => (node.items[index] = next) });
        if (!isAlias(item)) walk(item);
      });
    }
  };
  walk(document.contents);
  return slots;
}

function applyStructural(text: string, edit: StructuralEdit): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) return undefined;
  const slots = slotsOf(document);
  if (slots.length === 0) return undefined;
  const at = (index: number) => slots[index % slots.length]!;
  const withPair = slots.filter((slot) => slot.pair !== undefined);
  const pairAt = (index: number) => withPair[index % Math.max(1, withPair.length)];
  const collections = slots.filter((slot) => isCollection(slot.node));
  const maps = slots.filter((slot) => isMap(slot.node));
  const scalars = slots.filter((slot) => isScalar(slot.node));
  let counter = 0;
  const anchor = (node: Node) => {
    node.anchor ??= `n${index(node)}x${counter++}`;
    return node.anchor;
  };
  const index = (node: Node) => slots.findIndex((slot) => slot.node === node);

  switch (edit.op) {
    case 'rename-key': {
      const slot = pairAt(edit.pick);
      if (!slot) return undefined;
      slot.pair!.key = document.createNode(edit.key);
      break;
    }
    case 'delete-key': {
      const slot = pairAt(edit.pick);
      if (!slot) return undefined;
      slot.map!.items.splice(slot.map!.items.indexOf(slot.pair!), 1);
      break;
    }
    case 'duplicate-key': {
      const slot = pairAt(edit.pick);
      if (!slot) return undefined;
      slot.map!.items.push(new Pair(slot.pair!.key, document.createNode(slot.pair!.value)));
      break;
    }
    case 'set-value':
      at(edit.pick).replace(document.createNode(edit.value));
      break;
    case 'copy-value': {
      // Between scalars, so the value keeps a plausible type and the manifest often stays valid YAML and schema.
      const source = scalars[edit.from % Math.max(1, scalars.length)];
      const target = scalars[edit.to % Math.max(1, scalars.length)];
      if (!source || !target || source === target) return undefined;
      target.replace((source.node as Scalar).clone() as Node);
      break;
    }
    case 'swap-values': {
      const first = scalars[edit.a % Math.max(1, scalars.length)];
      const second = scalars[edit.b % Math.max(1, scalars.length)];
      if (!first || !second || first === second) return undefined;
      const [a, b] = [first.node, second.node];
      first.replace(b);
      second.replace(a);
      break;
    }
    case 'add-dependency': {
      // The document's root may be a scalar or null at run time: the cast names the usual case, not a guarantee.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      const layers = (document.contents as YAMLMap | null)?.get?.('layers');
      if (!isSeq(layers)) return undefined;
      const entries = layers.items.filter(isMap);
      const layer = entries[edit.layer % Math.max(1, entries.length)];
      const target = entries[edit.on % Math.max(1, entries.length)]?.get('name');
      if (!layer || typeof target !== 'string') return undefined;
      let list = layer.get('depends_on');
      if (!isSeq(list)) {
        list = new YAMLSeq();
        layer.set('depends_on', list);
      }
      (list as YAMLSeq).items.push(
        document.createNode(edit.selector === null ? target : { layer: target, ...edit.selector }),
      );
      break;
    }
    case 'flow': {
      const slot = collections[edit.pick % Math.max(1, collections.length)];
      if (!slot) return undefined;
      (slot.node as YAMLMap | YAMLSeq).flow = edit.flow;
      break;
    }
    case 'alias': {
      const source = at(edit.from).node;
      if (isAlias(source)) return undefined;
      at(edit.to).replace(document.createAlias(source, anchor(source)));
      break;
    }
    case 'self-alias': {
      // `&a [x, *a]` or `&a {k: v, self: *a}`: an alias inside its own anchor, which YAML allows.
      const slot = collections[edit.pick % Math.max(1, collections.length)];
      if (!slot) return undefined;
      const node = slot.node as YAMLMap | YAMLSeq;
      const alias = document.createAlias(node, anchor(node));
      if (isSeq(node)) node.items.push(alias);
      else node.items.push(new Pair(new Scalar('self'), alias));
      break;
    }
    case 'tag': {
      const node = at(edit.pick).node;
      if (isAlias(node)) return undefined;
      node.tag = edit.tag;
      break;
    }
    case 'merge-key': {
      const target = maps[edit.pick % Math.max(1, maps.length)];
      const source = maps[edit.from % Math.max(1, maps.length)];
      if (!target || !source) return undefined;
      (target.node as YAMLMap).items.unshift(
        new Pair(new Scalar('<<'), document.createAlias(source.node as YAMLMap, anchor(source.node))),
      );
      break;
    }
    case 'alias-bomb': {
      // [&b0 [x, x, …], &b1 [*b0, *b0, …], &b2 [*b1, …], …]: width^depth values once aliases are resolved.
      const levels: YAMLSeq[] = [];
      for (let level = 0; level < edit.depth; level++) {
        const seq = new YAMLSeq();
        seq.anchor = `bomb${level}`;
        seq.flow = true;
        for (let item = 0; item < edit.width; item++) {
          seq.items.push(level === 0 ? new Scalar('x') : document.createAlias(levels[level - 1]!));
        }
        levels.push(seq);
      }
      const outer = new YAMLSeq();
      outer.items.push(...levels);
      at(edit.pick).replace(outer);
      break;
    }
  }
  try {
    return document.toString();
  } catch {
    return undefined; // The edit made a document the library will not write (e.g. an alias to a lost anchor).
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder(); // Invalid UTF-8 becomes U+FFFD, as reading the file as UTF-8 does.

function applyText(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const line = (index: number) => index % lines.length;
  switch (edit.op) {
    case 'truncate': {
      const bytes = encoder.encode(text);
      return decoder.decode(bytes.subarray(0, edit.at % (bytes.length + 1)));
    }
    case 'insert-bytes': {
      const bytes = encoder.encode(text);
      const at = edit.at % (bytes.length + 1);
      return decoder.decode(new Uint8Array([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]));
    }
    case 'insert-text': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'indent': {
      const index = line(edit.line);
      const current = lines[index]!;
      lines[index] =
        edit.delta >= 0
          ? ' '.repeat(edit.delta) + current
          : current.replace(new RegExp(`^ {0,${-edit.delta}}`), '');
      return lines.join('\n');
    }
    case 'duplicate-line': {
      const index = line(edit.line);
      lines.splice(index, 0, lines[index]!);
      return lines.join('\n');
    }
    case 'delete-line':
      lines.splice(line(edit.line), 1);
      return lines.join('\n');
    case 'swap-lines': {
      const a = line(edit.a);
      const b = line(edit.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'documents':
      return edit.before ? `${edit.extra}---\n${text}` : `${text}\n---\n${edit.extra}`;
    case 'yaml-1.1':
      return `%YAML 1.1\n---\n${text}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The runner

/** One kind of crash: every case that broke the property the same way, and the smallest one fast-check found. */
export interface Crash {
  signature: string;
  violation: Violation;
  cases: number;
  counterexample: MutatedManifest;
  shrinks: number;
}

export interface FuzzReport {
  runs: number;
  seed: number;
  crashes: Crash[];
  /** Violations the second pass did not see again (a `slow` case on a busy machine). */
  unreproduced: Omit<Crash, 'counterexample' | 'shrinks'>[];
  /** How each case ended. */
  outcomes: Record<Outcome | 'violation', number>;
  ms: number;
}

/** What tells one crash from another: its kind, and the error's name and first words. */
export function signatureOf(violation: Violation): string {
  // Not where it was thrown: a stack overflow surfaces in whichever frame runs out of stack, which varies.
  const what = violation.detail.replace(/ at \S+$/, '');
  return `${violation.kind}: ${what.replace(/\d+/g, 'N').slice(0, 160)}`;
}

/**
 * Runs `runs` cases from `seed` and sorts the violations by signature; then, for each signature, runs the same
 * cases again with a property that fails only on it, so fast-check shrinks one counterexample per kind of crash
 * (a plain fc.assert stops at the first). `onCase` sees each case's text before it runs (the watchdog uses it).
 */
export function runFuzz(options: {
  runs: number;
  seed: number;
  onCase?: (text: string) => void;
}): FuzzReport {
  const outcomes: FuzzReport['outcomes'] = { ok: 0, 'manifest-error': 0, 'usage-error': 0, violation: 0 };
  const found = new Map<string, { violation: Violation; cases: number }>();
  const started = performance.now();
  const survey = fc.check(
    fc.property(mutatedManifest(), (mutated) => {
      options.onCase?.(mutated.text);
      const { outcome, violation } = examine(mutated.text);
      outcomes[outcome]++;
      if (!violation) return true;
      const signature = signatureOf(violation);
      const known = found.get(signature);
      if (known) known.cases++;
      else found.set(signature, { violation, cases: 1 });
      return true;
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  const crashes: Crash[] = [];
  const unreproduced: FuzzReport['unreproduced'] = [];
  for (const [signature, { violation, cases }] of found) {
    const shrunk = fc.check(
      fc.property(mutatedManifest(), (mutated) => {
        options.onCase?.(mutated.text);
        const again = checkPipeline(mutated.text);
        return again === undefined || signatureOf(again) !== signature;
      }),
      { numRuns: options.runs, seed: options.seed },
    );
    const counterexample = shrunk.counterexample?.[0];
    if (!counterexample) {
      // It did not happen again (a `slow` case on a busy machine): reported as found, without a smaller case.
      unreproduced.push({ signature, violation, cases });
      continue;
    }
    crashes.push({
      signature,
      violation: checkPipeline(counterexample.text) ?? violation,
      cases,
      counterexample,
      shrinks: shrunk.numShrinks,
    });
  }
  const ms = performance.now() - started;
  return { runs: survey.numRuns, seed: options.seed, crashes, unreproduced, outcomes, ms };
}

/** The counterexample as someone fixing the bug wants it: the edits, then the exact text. */
export function formatCounterexample(example: MutatedManifest): string {
  return [
    `base: ${example.base}`,
    `structural edits: ${JSON.stringify(example.structural, jsonSafe)}`,
    `text edits: ${JSON.stringify(example.textual, jsonSafe)}`,
    'text (JSON-quoted):',
    JSON.stringify(example.text),
  ].join('\n');
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// The command line: the main thread parses arguments and watches a worker that runs the cases.

type WorkerMessage = { type: 'case'; text: string } | { type: 'done'; report: FuzzReport };
type Ending = WorkerMessage | { type: 'hang'; text: string } | { type: 'error'; error: unknown };

function workerMain(options: { runs: number; seed: number }) {
  const report = runFuzz({
    ...options,
    onCase: (text) => parentPort!.postMessage({ type: 'case', text } satisfies WorkerMessage),
  });
  // Thrown values do not cross to the main thread; their text is in each violation's detail.
  const crashes = report.crashes.map((crash) => ({
    ...crash,
    violation: { kind: crash.violation.kind, detail: crash.violation.detail },
  }));
  parentPort!.postMessage({ type: 'done', report: { ...report, crashes } } satisfies WorkerMessage);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5000' },
      seed: { type: 'string' },
      'hang-ms': { type: 'string', default: '30000' },
    },
  });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const hangMs = Number(values['hang-ms']);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number ≥ 1, got '${values.runs}'`);
  }
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got '${values.seed}'`);
  if (!(hangMs > 0))
    throw new Error(`--hang-ms must be a number of milliseconds > 0, got '${values['hang-ms']}'`);

  console.log(`fuzz-manifest: ${runs} cases, seed ${seed}`);
  const started = performance.now();
  // The main thread's stack size (V8's default, ~1 MB) rather than a worker's 4 MB, so a runaway recursion
  // overflows as soon and as cheaply as it would in Strata itself.
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { runs, seed },
    resourceLimits: { stackSizeMb: 1 },
  });
  const ending = await new Promise<Ending>((resolve) => {
    let last = '';
    let timer = setTimeout(() => resolve({ type: 'hang', text: last }), hangMs);
    worker.on('message', (message: WorkerMessage) => {
      clearTimeout(timer);
      if (message.type === 'done') resolve(message);
      else {
        last = message.text;
        timer = setTimeout(() => resolve({ type: 'hang', text: last }), hangMs);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      resolve({ type: 'error', error });
    });
  });
  await worker.terminate();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  switch (ending.type) {
    case 'hang':
      console.log(`HANG: one case ran longer than ${hangMs}ms (not shrunk). Its text, JSON-quoted:`);
      console.log(JSON.stringify(ending.text));
      console.log(`crashes found: 1 (a hang); time: ${seconds}s`);
      return 1;
    case 'error':
      console.log(
        `the fuzzer itself failed: ${ending.error instanceof Error ? (ending.error.stack ?? ending.error.message) : String(ending.error)}`,
      );
      return 2;
    case 'case':
      return 2; // Not an ending; the promise resolves only on the others.
  }
  const { report } = ending;
  const { outcomes } = report;
  console.log(
    `cases run: ${report.runs} (ok ${outcomes.ok}, ManifestError ${outcomes['manifest-error']}, UsageError ${outcomes['usage-error']}, violations ${outcomes.violation})`,
  );
  console.log(`crashes found: ${report.crashes.length} distinct`);
  report.crashes.forEach((crash, index) => {
    console.log(
      `\n#${index + 1} ${crash.violation.kind} (${crash.cases} case${crash.cases === 1 ? '' : 's'}, shrunk ${crash.shrinks} times)`,
    );
    console.log(`  ${crash.violation.detail}`);
    console.log(indent(formatCounterexample(crash.counterexample)));
  });
  for (const { violation, cases } of report.unreproduced) {
    console.log(
      `\nnot seen again on the second pass (${cases} case${cases === 1 ? '' : 's'}): ${violation.kind}: ${violation.detail}`,
    );
  }
  if (report.crashes.length > 0)
    console.log(`\nreproduce: npx tsx scripts/fuzz-manifest.ts --runs ${runs} --seed ${seed}`);
  console.log(
    `time: ${seconds}s (${(report.ms / Math.max(1, report.runs)).toFixed(2)}ms per case, shrinking included)`,
  );
  return report.crashes.length + report.unreproduced.length > 0 ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!isMainThread && (workerData as { runs?: number } | null)?.runs !== undefined) {
  workerMain(workerData as { runs: number; seed: number });
} else if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
