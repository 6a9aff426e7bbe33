import { tokenize, type Token } from './hcl-tokens.js';

/**
 * Just enough of HCL to find a layer's top-level `variable`, `output` and `module` blocks without Terraform,
 * from its tokens (hcl-tokens.ts), or from Terraform's JSON syntax.
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
