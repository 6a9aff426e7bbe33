// Command-line flags parsed the way Go's flag package parses Terraform's: `-name=value`, `-name value`,
// `--name`, booleans as `-name` or `-name=false`; parsing stops at the first argument that is not a flag.

import { errorDiag } from './diagnostics.mjs';

/**
 * @param {string[]} args
 * @param {{bools?: string[], strings?: string[], multi?: string[], unsupported?: Record<string, string>}} spec
 * @returns {{ flags: Record<string, unknown>, positional: string[], order: Array<[string, string]>, error?: object }}
 */
export function parseFlags(args, spec) {
  const bools = new Set(spec.bools ?? []);
  const strings = new Set(spec.strings ?? []);
  const multi = new Set(spec.multi ?? []);
  const flags = {};
  const order = [];
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    let value = eq === -1 ? undefined : body.slice(eq + 1);
    if (bools.has(name)) {
      if (value === undefined) value = 'true';
      if (
        !['true', 'false', '1', '0', 't', 'f', 'T', 'F', 'TRUE', 'FALSE', 'True', 'False'].includes(value)
      ) {
        return {
          flags,
          positional: [],
          order,
          error: parseError(`invalid boolean value "${value}" for -${name}: parse error`),
        };
      }
      flags[name] = ['true', '1', 't', 'T', 'TRUE', 'True'].includes(value);
      continue;
    }
    if (strings.has(name) || multi.has(name)) {
      if (value === undefined) {
        if (i + 1 >= args.length)
          return { flags, positional: [], order, error: parseError(`flag needs an argument: -${name}`) };
        value = args[++i];
      }
      if (multi.has(name)) (flags[name] ??= []).push(value);
      else flags[name] = value;
      order.push([name, value]);
      continue;
    }
    if (name === 'help' || name === 'h') {
      flags.help = true;
      continue;
    }
    return { flags, positional: [], order, error: parseError(`flag provided but not defined: -${name}`) };
  }
  return { flags, positional: args.slice(i), order };
}

function parseError(message) {
  return errorDiag('Failed to parse command-line flags', message);
}

/** Go's time.ParseDuration for the forms Terraform users write ("0s", "30s", "5m", "1h30m", "500ms"). */
export function parseDuration(text) {
  if (text === '0') return 0;
  const units = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== text.length || text.length === 0) return undefined;
  return total;
}
