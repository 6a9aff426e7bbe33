import { definedOrThrow } from '../core/lookup.js';

/**
 * Just enough of HCL to find a layer's top-level `variable`, `output` and `module` blocks without Terraform: a small
 * tokenizer that steps over comments, strings (with `${…}` and `%{…}` templates) and heredocs, so a word
 * inside any of them is never taken for a block.
 */

export interface SourceFile {
  /** The file name; `.tf.json` files are read as Terraform's JSON syntax. */
  name: string;
  text: string;
}

export interface DeclaredVariable {
  sensitive: boolean;
}

/** The variables a layer declares, by name, from its `.tf` (and `.tf.json`) files. */
export function declaredVariables(files: readonly SourceFile[]): Map<string, DeclaredVariable> {
  const variables = new Map<string, DeclaredVariable>();
  for (const block of files.flatMap(topLevelBlocks)) {
    const [name, ...more] = block.labels;
    if (block.type !== 'variable' || name === undefined || more.length > 0) continue;
    const sensitive = block.attributes.get('sensitive');
    variables.set(name, { sensitive: sensitive === true || sensitive === 'true' });
  }
  return variables;
}

/** The outputs a layer declares: when its state has none of them, it has never been applied. */
export function declaredOutputs(files: readonly SourceFile[]): Set<string> {
  const outputs = new Set<string>();
  for (const block of files.flatMap(topLevelBlocks)) {
    const [name, ...more] = block.labels;
    if (block.type === 'output' && name !== undefined && more.length === 0) outputs.add(name);
  }
  return outputs;
}

/**
 * The outputs a layer marks `sensitive = true`: their values are masked, so Strata reads them after every run
 * of the layer whether or not anything downstream needs them.
 */
export function sensitiveOutputs(files: readonly SourceFile[]): Set<string> {
  const outputs = new Set<string>();
  for (const block of files.flatMap(topLevelBlocks)) {
    const [name, ...more] = block.labels;
    const sensitive = block.attributes.get('sensitive');
    if (block.type !== 'output' || name === undefined || more.length > 0) continue;
    if (sensitive === true || sensitive === 'true') outputs.add(name);
  }
  return outputs;
}

/**
 * The local `source` paths (`./x`, `../x`) of a layer's top-level `module` blocks, each once, in file order:
 * a change under one of them changes the layer. Registry and git sources are left out.
 */
export function moduleSources(files: readonly SourceFile[]): string[] {
  const sources = new Set<string>();
  for (const block of files.flatMap(topLevelBlocks)) {
    const source = block.attributes.get('source');
    if (block.type !== 'module' || typeof source !== 'string') continue;
    if (source.startsWith('./') || source.startsWith('../')) sources.add(source);
  }
  return [...sources];
}

/**
 * The top-level addresses a layer's code declares: `type.name` for each managed `resource` block and
 * `module.name` for each `module` block. A resource in state belongs to the layer that declares its first
 * address step (`module.web.aws_x.y` to the layer with `module "web"`).
 */
export function declaredAddresses(files: readonly SourceFile[]): Set<string> {
  const addresses = new Set<string>();
  for (const block of files.flatMap(topLevelBlocks)) {
    const [first, second, ...more] = block.labels;
    if (more.length > 0 || first === undefined) continue;
    if (block.type === 'resource' && second !== undefined) addresses.add(`${first}.${second}`);
    if (block.type === 'module' && second === undefined) addresses.add(`module.${first}`);
  }
  return addresses;
}

interface Block {
  type: string;
  labels: string[];
  /** The block's own attributes whose value is one literal: a plain string or `true`/`false`. */
  attributes: Map<string, string | boolean>;
}

function topLevelBlocks(file: SourceFile): Block[] {
  return file.name.endsWith('.json') ? jsonBlocks(file.text) : hclBlocks(file.text);
}

function hclBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let header: Token[] = [];
  let line: Token[] = [];
  let current: Block | undefined;

  const endLine = () => {
    const [name, equals, value, ...more] = line;
    if (current && name?.kind === 'ident' && equals?.kind === 'equals' && value && more.length === 0) {
      const literal = literalOf(value);
      if (literal !== undefined) current.attributes.set(name.text, literal);
    }
    line = [];
  };

  for (const token of tokenize(text)) {
    if (depth === 0) {
      if (token.kind === 'open' && token.text === '{') {
        const [type, ...labels] = header;
        const isBlock = type?.kind === 'ident' && labels.every((t) => t.kind === 'ident' || isPlainString(t));
        current = isBlock
          ? { type: type.text, labels: labels.map((t) => t.text), attributes: new Map() }
          : undefined;
        if (current) blocks.push(current);
        header = [];
        line = [];
      } else if (token.kind === 'newline') header = [];
      else header.push(token);
    } else if (depth === 1) {
      if (token.kind === 'newline') endLine();
      else if (token.kind === 'close') endLine();
      else line.push(token);
    }
    if (token.kind === 'open') depth++;
    else if (token.kind === 'close') depth = Math.max(0, depth - 1);
  }
  return blocks;
}

function literalOf(token: Token): string | boolean | undefined {
  if (isPlainString(token)) return token.text;
  if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false'))
    return token.text === 'true';
  return undefined;
}

function isPlainString(token: Token): boolean {
  return token.kind === 'string' && !token.isTemplate;
}

/** Terraform's JSON syntax: `{"variable": {"name": {...}}}`, or a list of such objects under the block type. */
function jsonBlocks(text: string): Block[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return []; // Terraform itself will report the broken file.
  }
  const blocks: Block[] = [];
  if (!isRecord(document)) return blocks;
  for (const type of ['variable', 'module', 'output']) {
    const groups = document[type];
    for (const group of Array.isArray(groups) ? groups : [groups]) {
      if (!isRecord(group)) continue;
      for (const [label, body] of Object.entries(group)) {
        const attributes = new Map<string, string | boolean>();
        for (const [key, value] of Object.entries(isRecord(body) ? body : {})) {
          // A JSON string is a template: one with `${` is not a literal.
          if (typeof value === 'boolean' || (typeof value === 'string' && !value.includes('${'))) {
            attributes.set(key, value);
          }
        }
        blocks.push({ type, labels: [label], attributes });
      }
    }
  }
  return blocks;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Token {
  kind: 'ident' | 'string' | 'open' | 'close' | 'equals' | 'newline' | 'other';
  /** The identifier, the bracket, or a string's decoded content. */
  text: string;
  /** A string holding `${…}` or `%{…}`, or a heredoc: not a literal. */
  isTemplate?: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: c });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || (c === '/' && next === '/')) i = lineEnd(text, i);
    else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '"') {
      const string = readString(text, i);
      tokens.push({ kind: 'string', text: string.value, isTemplate: string.isTemplate });
      i = string.end;
    } else if (c === '<' && next === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
      tokens.push({ kind: 'string', text: '', isTemplate: true });
      i = heredocEnd(text, i);
    } else if ('{[('.includes(c)) {
      tokens.push({ kind: 'open', text: c });
      i++;
    } else if ('}])'.includes(c)) {
      tokens.push({ kind: 'close', text: c });
      i++;
    } else if (c === '=' && next !== '=' && next !== '>') {
      tokens.push({ kind: 'equals', text: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /[A-Za-z_][\w-]*/y;
      match.lastIndex = i;
      // c starts an identifier, so the pattern matches at i.
      const word = definedOrThrow(match.exec(text)?.[0], 'identifier');
      tokens.push({ kind: 'ident', text: word });
      i += word.length;
    } else {
      // Operators (`==`, `<=`, `=>`…) and numbers: one token, so `a == b` is never read as `a = …`.
      const operator = /[=!<>]=|=>|&&|\|\|/y;
      operator.lastIndex = i;
      const length = operator.exec(text)?.[0].length ?? 1;
      tokens.push({ kind: 'other', text: text.slice(i, i + length) });
      i += length;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** A quoted string from its opening quote; a template sequence is stepped over whole, strings in it included. */
function readString(text: string, start: number): { value: string; isTemplate: boolean; end: number } {
  let value = '';
  let isTemplate = false;
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return { value, isTemplate, end: i + 1 };
    if (c === '\n') break; // Unterminated: HCL strings are one line. Stop here rather than eat the file.
    if (c === '\\') {
      const escaped = text.charAt(i + 1);
      value += ESCAPES[escaped] ?? escaped;
      i += 2;
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      value += `${c}{`; // `$${` and `%%{` are literal.
      i += 3;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      isTemplate = true;
      i = templateEnd(text, i + 2);
    } else {
      value += c;
      i++;
    }
  }
  return { value, isTemplate, end: i };
}

/** The index after the `}` closing a `${` or `%{` whose body starts at `from`. */
function templateEnd(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      i = readString(text, i).end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/** The index after a heredoc's closing marker line (`<<EOT` … `EOT`, the marker may be indented). */
function heredocEnd(text: string, start: number): number {
  // Called where the tokenizer saw the opener.
  const opener = definedOrThrow(
    /^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(start, start + 200)),
    'heredoc opener',
  );
  const [whole, marker] = opener;
  let i = start + whole.length;
  while (i < text.length) {
    const end = lineEnd(text, i);
    if (text.slice(i, end).trim() === marker) return end;
    i = end + 1;
  }
  return text.length;
}
