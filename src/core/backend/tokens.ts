import { itemAt } from '../lookup.js';
import type { Instance } from '../graph/types.js';

export const TOKENS = [
  'id',
  'layer',
  'scope',
  'account',
  'account_id',
  'region',
  'environment',
  'role',
] as const;
export type Token = (typeof TOKENS)[number];
export type TokenValues = Record<Token, string>;

const TOKEN_PATTERN = /\{([a-z_]+)\}/g;

/** The name inside a TOKEN_PATTERN match: its one group, which every match has. */
const tokenName = (match: RegExpMatchArray): string => itemAt(match, 1, 'token name');

/** Tokens a string uses that Strata does not know, so a typo such as `{acount}` is an error, not a literal. */
export function unknownTokens(text: string): string[] {
  return [...text.matchAll(TOKEN_PATTERN)]
    .map(tokenName)
    .filter((name) => !(TOKENS as readonly string[]).includes(name));
}

/**
 * The token values of an instance. Coordinates its scope lacks render as `global` (the estate-wide cell), and
 * instances without a region use `global_region`, where their state lives.
 */
export function tokenValues(
  instance: TokenSource,
  stateRegion: string,
  stateRegionRole: string,
): TokenValues {
  return writeTokenValues({} as TokenValues, instance, stateRegion, stateRegionRole);
}

/** What tokens are rendered from: an instance's coordinates. */
type TokenSource = Pick<
  Instance,
  'id' | 'layer' | 'scope' | 'account' | 'accountId' | 'region' | 'environment'
>;

/**
 * `tokenValues` written into an object of the caller's: for a loop that renders instance after instance into
 * one object, which the renderers read and never keep (they return new strings and objects).
 */
export function writeTokenValues(
  values: TokenValues,
  instance: TokenSource,
  stateRegion: string,
  stateRegionRole: string,
): TokenValues {
  values.id = instance.id;
  values.layer = instance.layer;
  values.scope = instance.scope;
  values.account = instance.account ?? 'global';
  values.account_id = instance.accountId ?? 'global';
  values.region = stateRegion;
  values.environment = instance.environment ?? 'global';
  values.role = stateRegionRole;
  return values;
}

export type Template = (values: TokenValues) => string;
const templates = new Map<string, Template>();

/** A string split once into literal text and tokens, so rendering it for 100,000 instances is a join. */
export function compileTemplate(text: string): Template {
  const known = templates.get(text);
  if (known) return known;
  const parts: string[] = [];
  const tokens: Token[] = [];
  let end = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const name = tokenName(match);
    if (!(TOKENS as readonly string[]).includes(name)) continue;
    parts.push(text.slice(end, match.index));
    tokens.push(name as Token);
    end = match.index + match[0].length;
  }
  parts.push(text.slice(end));
  const only = tokens.length === 1 && parts[0] === '' && parts[1] === '' ? tokens[0] : undefined;
  const template: Template =
    tokens.length === 0
      ? () => text
      : only !== undefined
        ? (values) => values[only]
        : joinedTemplate(parts, tokens);
  templates.set(text, template);
  return template;
}

/**
 * A template rendered by joining its pieces. `+` would make a tree of string pieces that lives as long as the
 * result, several times the size of its text, for every instance; join makes one flat string. Instances come
 * cell by cell, so a template without {id} often renders what it just did: the same text then shares one
 * string.
 */
function joinedTemplate(parts: readonly string[], tokens: readonly Token[]): Template {
  // parts[0], then '' (a token's value) and the text after it, for each token.
  const pieces = parts.flatMap((part, index) => (index === 0 ? [part] : ['', part]));
  let last: string | undefined;
  return (values) => {
    let isSame = true;
    let slot = 1;
    for (const token of tokens) {
      const value = values[token];
      if (pieces[slot] !== value) {
        pieces[slot] = value;
        isSame = false;
      }
      slot += 2;
    }
    if (!isSame || last === undefined) last = pieces.join('');
    return last;
  };
}

export function renderString(text: string, values: TokenValues): string {
  return compileTemplate(text)(values);
}

/** Whether any string in a JSON-like value uses a token: values without any are shared, not copied per instance. */
export function containsTokens(value: unknown): boolean {
  if (typeof value === 'string') {
    return [...value.matchAll(TOKEN_PATTERN)].some((match) =>
      (TOKENS as readonly string[]).includes(tokenName(match)),
    );
  }
  if (Array.isArray(value)) return value.some(containsTokens);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsTokens);
  return false;
}

/** Renders tokens in every string of a JSON-like value (layer vars), leaving other values as they are. */
export function renderValue(value: unknown, values: TokenValues): unknown {
  if (typeof value === 'string') return renderString(value, values);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, values)]));
  }
  return value;
}

/**
 * A renderer for a JSON-like value (layer vars), compiled once per layer: the same result as `renderValue`,
 * without walking the value's entries again for every instance.
 */
export function compileValue(value: unknown): (values: TokenValues) => unknown {
  if (typeof value === 'string') return compileTemplate(value);
  if (Array.isArray(value)) {
    const items = value.map(compileValue);
    return (values) => items.map((item) => item(values));
  }
  // `__proto__` as a key needs Object.fromEntries' own-property semantics: leave such values to renderValue.
  if (value !== null && typeof value === 'object' && !Object.hasOwn(value, '__proto__')) {
    // Objects, not pairs, for the per-instance loop: see compileBackend.
    const items = Object.entries(value).map(([key, item]) => ({ key, render: compileValue(item) }));
    return (values) => {
      const rendered: Record<string, unknown> = {};
      for (const { key, render } of items) rendered[key] = render(values);
      return rendered;
    };
  }
  if (value !== null && typeof value === 'object') return (values) => renderValue(value, values);
  return () => value;
}

/** The known tokens a string uses, in order, repeats included. */
export function usedTokens(text: string): Token[] {
  return [...text.matchAll(TOKEN_PATTERN)]
    .map(tokenName)
    .filter((name): name is Token => (TOKENS as readonly string[]).includes(name));
}
