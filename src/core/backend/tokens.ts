import type { BackendConfig, Instance } from '../graph/types.js';

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

/** Tokens a string uses that Strata does not know, so a typo such as `{acount}` is an error, not a literal. */
export function unknownTokens(text: string): string[] {
  return [...text.matchAll(TOKEN_PATTERN)]
    .map((match) => match[1]!)
    .filter((name) => !(TOKENS as readonly string[]).includes(name));
}

/**
 * The token values of an instance. Coordinates its scope lacks render as `global` (the estate-wide cell), and
 * instances without a region use `global_region`, where their state lives.
 */
export function tokenValues(
  instance: Pick<Instance, 'id' | 'layer' | 'scope' | 'account' | 'accountId' | 'region' | 'environment'>,
  stateRegion: string,
  stateRegionRole: string,
): TokenValues {
  return {
    id: instance.id,
    layer: instance.layer,
    scope: instance.scope,
    account: instance.account ?? 'global',
    account_id: instance.accountId ?? 'global',
    region: stateRegion,
    environment: instance.environment ?? 'global',
    role: stateRegionRole,
  };
}

type Template = (values: TokenValues) => string;
const templates = new Map<string, Template>();

/** A string split once into literal text and tokens, so rendering it for 100,000 instances is a join. */
function compileTemplate(text: string): Template {
  const known = templates.get(text);
  if (known) return known;
  const parts: string[] = [];
  const tokens: (Token | undefined)[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const name = match[1]!;
    if (!(TOKENS as readonly string[]).includes(name)) continue;
    parts.push(text.slice(last, match.index));
    tokens.push(name as Token);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  const template: Template =
    tokens.length === 0
      ? () => text
      : (values) => {
          let out = parts[0]!;
          for (let index = 0; index < tokens.length; index++)
            out += values[tokens[index]!] + parts[index + 1]!;
          return out;
        };
  templates.set(text, template);
  return template;
}

export function renderString(text: string, values: TokenValues): string {
  return compileTemplate(text)(values);
}

/** Whether any string in a JSON-like value uses a token: values without any are shared, not copied per instance. */
export function containsTokens(value: unknown): boolean {
  if (typeof value === 'string') {
    return [...value.matchAll(TOKEN_PATTERN)].some((match) =>
      (TOKENS as readonly string[]).includes(match[1]!),
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

export function renderBackend(
  type: string,
  config: Record<string, string | number | boolean>,
  values: TokenValues,
): BackendConfig {
  const rendered: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(config)) {
    rendered[key] = typeof value === 'string' ? renderString(value, values) : value;
  }
  return { type, config: rendered };
}

/**
 * A key for "the same state location" among backends rendered from one manifest: they share the type and the
 * keys, in the same order, so their values alone tell locations apart.
 */
export function stateLocationKey(backend: BackendConfig): string {
  return JSON.stringify(Object.values(backend.config));
}
