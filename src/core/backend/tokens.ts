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

export function renderString(text: string, values: TokenValues): string {
  if (!text.includes('{')) return text;
  return text.replace(TOKEN_PATTERN, (whole, name: string) =>
    name in values ? values[name as Token] : whole,
  );
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

/** A stable key for "the same state location": the backend type and its rendered settings, in key order. */
export function stateLocationKey(backend: BackendConfig): string {
  const keys = Object.keys(backend.config).sort();
  return `${backend.type}\u0000${keys.map((key) => `${key}=${String(backend.config[key])}`).join('\u0000')}`;
}
