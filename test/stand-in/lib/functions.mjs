// The built-in functions the stand-in implements. Each takes evaluated arguments (values.mjs Val) and
// returns a Val; unknown arguments give unknown results and sensitive arguments sensitive results, as in
// Terraform. A call to any other function fails with Terraform's "Call to unknown function" error.

import { createHash } from 'node:crypto';
import { marshal, sortedKeys } from './go-json.mjs';
import {
  ANY,
  ConversionError,
  DYNAMIC,
  Val,
  bool,
  convert,
  entriesOf,
  fromJSONImplied,
  friendlyType,
  hasSensitive,
  isMapping,
  isPrimitive,
  isSequence,
  isWhollyKnown,
  kindOf,
  list,
  map,
  num,
  obj,
  prim,
  str,
  toJSON,
  tuple,
  unifyItems,
  unknownOf,
  unmarkDeep,
  valuesEqual,
  withSensitive,
} from './values.mjs';

const STRING = prim('string');
const NUMBER = prim('number');
const BOOL = prim('bool');
const LIST_ANY = { k: 'list', elem: ANY };
const MAP_ANY = { k: 'map', elem: ANY };

class FunctionFailure extends Error {}

/**
 * A function whose parameters are converted to constraints first; unknown (deeply, unless `allowUnknown`)
 * arguments give an unknown `returns`, sensitive arguments a sensitive result.
 */
function simple(params, impl, { variadic, returns = DYNAMIC, allowUnknown = false, allowNull = false } = {}) {
  return { params, variadic, impl, returns, allowUnknown, allowNull };
}

const hash = (algorithm) =>
  simple([STRING], ([s]) => str(createHash(algorithm).update(s.v, 'utf8').digest('hex')), {
    returns: 'string',
  });

function formatVerb(verb, value, flags) {
  switch (verb) {
    case 's':
      return typeof value.v === 'string'
        ? value.v
        : isPrimitive(value.type)
          ? convert(value, STRING).v
          : marshal(sortedKeys(toJSON(value)));
    case 'd': {
      const n = convert(value, NUMBER).v;
      if (!Number.isInteger(n))
        throw new FunctionFailure(`unsupported value for "%d" at ${flags.index}: an integer is required`);
      return String(n);
    }
    case 'f': {
      const n = convert(value, NUMBER).v;
      return flags.precision !== undefined ? n.toFixed(flags.precision) : n.toFixed(6);
    }
    case 'q':
      return JSON.stringify(convert(value, STRING).v);
    case 'v':
    case '#v':
      return isPrimitive(value.type)
        ? value.type === 'string'
          ? value.v
          : convert(value, STRING).v
        : marshal(sortedKeys(toJSON(value)));
    case 't':
      return String(convert(value, BOOL).v);
    default:
      throw new FunctionFailure(`unsupported format verb %${verb}`);
  }
}

function format(fmt, args) {
  let out = '';
  let next = 0;
  const re = /%(%|(\.(\d+))?([sdfqvt]))/g;
  let last = 0;
  let m;
  while ((m = re.exec(fmt)) !== null) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    if (m[1] === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length)
      throw new FunctionFailure(
        `not enough arguments for "%${m[4]}" at ${m.index}: need index ${next + 1} but have ${args.length} total`,
      );
    out += formatVerb(m[4], args[next], {
      precision: m[3] !== undefined ? Number(m[3]) : undefined,
      index: m.index,
    });
    next++;
  }
  out += fmt.slice(last);
  if (/%[^%sdfqvt.]/.test(fmt.replace(/%%/g, ''))) throw new FunctionFailure('unsupported format verb');
  if (next < args.length) throw new FunctionFailure(`too many arguments; only ${next} used by format string`);
  return out;
}

function parseCidr(prefix) {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!m) throw new FunctionFailure(`invalid CIDR expression: invalid CIDR address: ${prefix}`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32)
    throw new FunctionFailure(`invalid CIDR expression: invalid CIDR address: ${prefix}`);
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), bits };
}
const ipString = (n) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

const FUNCTIONS = {
  abs: simple([NUMBER], ([n]) => num(Math.abs(n.v)), { returns: 'number' }),
  ceil: simple([NUMBER], ([n]) => num(Math.ceil(n.v)), { returns: 'number' }),
  floor: simple([NUMBER], ([n]) => num(Math.floor(n.v)), { returns: 'number' }),
  max: simple([], (ns) => num(Math.max(...ns.map((n) => n.v))), { variadic: NUMBER, returns: 'number' }),
  min: simple([], (ns) => num(Math.min(...ns.map((n) => n.v))), { variadic: NUMBER, returns: 'number' }),
  upper: simple([STRING], ([s]) => str(s.v.toUpperCase()), { returns: 'string' }),
  lower: simple([STRING], ([s]) => str(s.v.toLowerCase()), { returns: 'string' }),
  title: simple([STRING], ([s]) => str(s.v.replace(/\b\p{L}/gu, (c) => c.toUpperCase())), {
    returns: 'string',
  }),
  trimspace: simple([STRING], ([s]) => str(s.v.trim()), { returns: 'string' }),
  chomp: simple([STRING], ([s]) => str(s.v.replace(/(\r?\n)+$/, '')), { returns: 'string' }),
  startswith: simple([STRING, STRING], ([s, p]) => bool(s.v.startsWith(p.v)), { returns: 'bool' }),
  endswith: simple([STRING, STRING], ([s, p]) => bool(s.v.endsWith(p.v)), { returns: 'bool' }),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
  md5: hash('md5'),
  base64encode: simple([STRING], ([s]) => str(Buffer.from(s.v, 'utf8').toString('base64')), {
    returns: 'string',
  }),
  base64decode: simple([STRING], ([s]) => str(Buffer.from(s.v, 'base64').toString('utf8')), {
    returns: 'string',
  }),
  tostring: simple([STRING], ([s]) => s, { returns: 'string', allowNull: true }),
  tonumber: simple([NUMBER], ([n]) => n, { returns: 'number', allowNull: true }),
  tobool: simple([BOOL], ([b]) => b, { returns: 'bool', allowNull: true }),
  tolist: simple([LIST_ANY], ([l]) => l, { allowUnknown: true }),
  tomap: simple([MAP_ANY], ([m]) => m, { allowUnknown: true }),
  format: simple([STRING], ([f, ...rest]) => str(format(f.v, rest)), { variadic: ANY, returns: 'string' }),
  formatlist: simple(
    [STRING],
    ([f, ...rest]) => {
      const lengths = rest.filter((r) => isSequence(r.type)).map((r) => r.v.length);
      if (new Set(lengths).size > 1) throw new FunctionFailure('all lists must have the same length');
      const n = lengths[0] ?? 1;
      const items = [];
      for (let i = 0; i < n; i++)
        items.push(
          str(
            format(
              f.v,
              rest.map((r) => (isSequence(r.type) ? r.v[i] : r)),
            ),
          ),
        );
      return list('string', items);
    },
    { variadic: ANY },
  ),
  join: simple(
    [STRING],
    ([sep, ...lists]) => {
      const parts = [];
      for (const l of lists) {
        if (!isSequence(l.type)) throw new FunctionFailure('list of string required');
        for (const item of l.v) {
          if (item.isNull)
            throw new FunctionFailure(`element ${parts.length} is null; cannot concatenate null values`);
          parts.push(convert(item, STRING).v);
        }
      }
      return str(parts.join(sep.v));
    },
    { variadic: LIST_ANY, returns: 'string' },
  ),
  split: simple(
    [STRING, STRING],
    ([sep, s]) => list('string', (sep.v === '' ? Array.from(s.v) : s.v.split(sep.v)).map(str)),
    { returns: ['list', 'string'] },
  ),
  replace: simple(
    [STRING, STRING, STRING],
    ([s, search, replacement]) => {
      const m = /^\/(.*)\/$/s.exec(search.v);
      if (m) return str(s.v.replace(new RegExp(m[1], 'gu'), replacement.v.replace(/\$\{?(\d+)\}?/g, '$$$1')));
      return str(s.v.split(search.v).join(replacement.v));
    },
    { returns: 'string' },
  ),
  substr: simple(
    [STRING, NUMBER, NUMBER],
    ([s, offset, length]) => {
      const chars = Array.from(s.v);
      let start = offset.v < 0 ? chars.length + offset.v : offset.v;
      if (start < 0 || start > chars.length) throw new FunctionFailure('offset out of bounds');
      const end = length.v < 0 ? chars.length : Math.min(chars.length, start + length.v);
      return str(chars.slice(start, end).join(''));
    },
    { returns: 'string' },
  ),
  range: simple(
    [],
    (args) => {
      let [start, limit, step] = args.map((a) => a.v);
      if (args.length === 1) [start, limit, step] = [0, start, 1];
      else if (args.length === 2) step = limit >= start ? 1 : -1;
      else if (args.length !== 3) throw new FunctionFailure('must have one, two, or three arguments');
      if (step === 0) throw new FunctionFailure('step must not be zero');
      const out = [];
      for (let n = start; step > 0 ? n < limit : n > limit; n += step) {
        out.push(num(n));
        if (out.length > 1024)
          throw new FunctionFailure(
            'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step',
          );
      }
      return list('number', out);
    },
    { variadic: NUMBER, returns: ['list', 'number'] },
  ),
  jsonencode: simple([ANY], ([v]) => str(marshal(sortedKeys(toJSON(v)))), {
    returns: 'string',
    allowNull: true,
  }),
  jsondecode: simple([STRING], ([s]) => {
    try {
      return fromJSONImplied(JSON.parse(s.v));
    } catch (err) {
      throw new FunctionFailure(err.message);
    }
  }),
  length: {
    params: [ANY],
    allowUnknown: true,
    returns: 'number',
    impl: ([v]) => {
      if (v.isNull) throw new FunctionFailure('argument must not be null');
      if (v.unknown) return unknownOf('number');
      if (v.type === 'string') return num(Array.from(v.v).length);
      if (isSequence(v.type) || isMapping(v.type)) return num(entriesOf(v).length);
      throw new FunctionFailure('argument must be a string, a collection type, or a structural type');
    },
  },
  keys: {
    params: [ANY],
    allowUnknown: true,
    impl: ([m]) => {
      if (!isMapping(m.type)) throw new FunctionFailure('must have map or object type');
      if (m.unknown) return unknownOf(['list', 'string']);
      return list('string', Object.keys(m.v).sort().map(str));
    },
  },
  values: {
    params: [ANY],
    allowUnknown: true,
    impl: ([m]) => {
      if (!isMapping(m.type)) throw new FunctionFailure('must have map or object type');
      if (m.unknown) return unknownOf(DYNAMIC);
      const items = Object.keys(m.v)
        .sort()
        .map((k) => m.v[k]);
      return kindOf(m.type) === 'map' ? list(m.type[1], items) : tuple(items);
    },
  },
  lookup: {
    params: [ANY, STRING],
    variadic: ANY,
    allowUnknown: true,
    impl: ([m, key, ...rest]) => {
      if (rest.length > 1) throw new FunctionFailure('lookup() takes at most three arguments');
      if (!isMapping(m.type)) throw new FunctionFailure('the first argument must be a map or object');
      if (m.unknown || key.unknown) return unknownOf(DYNAMIC);
      if (key.v in m.v) return m.v[key.v];
      if (rest.length === 1) return rest[0];
      throw new FunctionFailure(`lookup failed to find key ${JSON.stringify(key.v)}`);
    },
  },
  merge: {
    params: [],
    variadic: ANY,
    allowUnknown: true,
    impl: (args) => {
      const attrs = {};
      let allMaps = true;
      for (const arg of args) {
        if (arg.isNull) continue;
        if (!isMapping(arg.type))
          throw new FunctionFailure(
            `arguments must be maps or objects, got ${JSON.stringify(friendlyType(arg.type))}`,
          );
        if (arg.unknown) return unknownOf(DYNAMIC);
        if (kindOf(arg.type) !== 'map') allMaps = false;
        for (const key of Object.keys(arg.v)) attrs[key] = withSensitive(arg.v[key], arg.sensitive);
      }
      if (allMaps && args.length > 0) {
        const keys = Object.keys(attrs);
        const { items, elemType } = unifyItems(keys.map((k) => attrs[k]));
        return map(elemType, Object.fromEntries(keys.map((k, i) => [k, items[i]])));
      }
      return obj(attrs);
    },
  },
  concat: {
    params: [],
    variadic: ANY,
    allowUnknown: true,
    impl: (args) => {
      const items = [];
      for (const arg of args) {
        if (!isSequence(arg.type)) throw new FunctionFailure('all arguments must be lists or tuples');
        if (arg.unknown) return unknownOf(DYNAMIC);
        items.push(...arg.v.map((item) => withSensitive(item, arg.sensitive)));
      }
      return tuple(items);
    },
  },
  element: {
    params: [ANY, NUMBER],
    allowUnknown: true,
    impl: ([l, index]) => {
      if (!isSequence(l.type)) throw new FunctionFailure('cannot read elements from ' + friendlyType(l.type));
      if (l.unknown || index.unknown) return unknownOf(DYNAMIC);
      if (l.v.length === 0) throw new FunctionFailure('cannot use element function with an empty list');
      if (index.v < 0) throw new FunctionFailure('cannot use element function with a negative index');
      return l.v[Math.floor(index.v) % l.v.length];
    },
  },
  contains: simple(
    [ANY, ANY],
    ([l, value]) => {
      if (!isSequence(l.type)) throw new FunctionFailure('argument must be list, tuple, or set');
      return bool(l.v.some((item) => valuesEqual(unmarkDeep(item), unmarkDeep(value)) === true));
    },
    { returns: 'bool' },
  ),
  distinct: simple([LIST_ANY], ([l]) => {
    const out = [];
    for (const item of l.v) if (!out.some((o) => valuesEqual(o, item) === true)) out.push(item);
    return new Val(l.type, out);
  }),
  compact: simple([LIST_ANY], ([l]) =>
    list(
      'string',
      l.v.filter((i) => !i.isNull && convert(i, STRING).v !== '').map((i) => convert(i, STRING)),
    ),
  ),
  flatten: simple([ANY], ([l]) => {
    const out = [];
    const walk = (v) => {
      if (isSequence(v.type) && !v.isNull) v.v.forEach(walk);
      else out.push(v);
    };
    if (!isSequence(l.type)) throw new FunctionFailure('can only flatten lists, sets and tuples');
    walk(l);
    return tuple(out);
  }),
  zipmap: simple([LIST_ANY, ANY], ([k, v]) => {
    if (k.v.length !== v.v.length)
      throw new FunctionFailure(
        `number of keys (${k.v.length}) does not match number of values (${v.v.length})`,
      );
    const attrs = {};
    k.v.forEach((key, i) => (attrs[convert(key, STRING).v] = v.v[i]));
    return obj(attrs);
  }),
  coalesce: {
    params: [],
    variadic: ANY,
    allowUnknown: true,
    impl: (args) => {
      for (const arg of args) {
        if (arg.unknown) return unknownOf(arg.type);
        if (arg.isNull) continue;
        if (arg.type === 'string' && arg.v === '') continue;
        return arg;
      }
      throw new FunctionFailure('no non-null, non-empty-string arguments');
    },
  },
  cidrsubnet: simple(
    [STRING, NUMBER, NUMBER],
    ([prefix, newbits, netnum]) => {
      const { base, bits } = parseCidr(prefix.v);
      const total = bits + newbits.v;
      if (total > 32)
        throw new FunctionFailure(`insufficient address space to extend prefix of ${bits} by ${newbits.v}`);
      if (netnum.v >= 2 ** newbits.v)
        throw new FunctionFailure(
          `prefix extension of ${newbits.v} does not accommodate a subnet numbered ${netnum.v}`,
        );
      return str(`${ipString(base + netnum.v * 2 ** (32 - total))}/${total}`);
    },
    { returns: 'string' },
  ),
  cidrhost: simple(
    [STRING, NUMBER],
    ([prefix, hostnum]) => {
      const { base, bits } = parseCidr(prefix.v);
      const size = 2 ** (32 - bits);
      const n = hostnum.v < 0 ? size + hostnum.v : hostnum.v;
      if (n < 0 || n >= size)
        throw new FunctionFailure(`prefix of ${bits} does not accommodate a host numbered ${hostnum.v}`);
      return str(ipString(base + n));
    },
    { returns: 'string' },
  ),
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** Calls a function; `fail(summary, detail)` throws a diagnostic. */
export function callFunction(name, args, fail) {
  const fn = FUNCTIONS[name];
  if (!fn) {
    return fail('Call to unknown function', `There is no function named "${name}".`);
  }
  const { params, variadic } = fn;
  if (args.length < params.length) {
    return fail(
      'Not enough function arguments',
      `Function "${name}" expects ${params.length} argument(s). Missing value for parameter ${params.length}.`,
    );
  }
  if (!variadic && args.length > params.length) {
    return fail(
      'Too many function arguments',
      `Function "${name}" expects only ${params.length} argument(s).`,
    );
  }
  const sensitive = args.some(hasSensitive);
  const converted = [];
  for (let i = 0; i < args.length; i++) {
    const constraint = i < params.length ? params[i] : variadic;
    let arg = args[i];
    if (arg.isNull && !fn.allowNull && constraint !== ANY) {
      return fail(
        'Invalid function argument',
        `Invalid value for "${i < params.length ? `argument ${i + 1}` : 'vals'}" parameter: argument must not be null.`,
      );
    }
    try {
      arg = convert(arg, constraint);
    } catch (err) {
      if (err instanceof ConversionError)
        return fail('Invalid function argument', `Invalid value for argument ${i + 1}: ${err.message}.`);
      throw err;
    }
    converted.push(arg);
  }
  if (!fn.allowUnknown && converted.some((a) => !isWhollyKnown(a))) {
    return withSensitive(unknownOf(fn.returns), sensitive);
  }
  const plain = fn.allowUnknown ? converted : converted.map(unmarkDeep);
  let result;
  try {
    result = fn.impl(plain);
  } catch (err) {
    if (err instanceof FunctionFailure || err instanceof ConversionError) {
      return fail('Error in function call', `Call to function "${name}" failed: ${err.message}.`);
    }
    throw err;
  }
  if (!fn.allowUnknown) return withSensitive(result, sensitive);
  // structural functions keep nested marks themselves; marks on the arguments themselves carry over
  return withSensitive(result, args.some((a) => a.sensitive) && !['merge', 'concat'].includes(name));
}
