// A small model of go-cty, the value system under Terraform's language: typed values that may be null,
// unknown ("known after apply") or marked sensitive, and the type-constraint conversions that variables go
// through. Types use cty's JSON type encoding, which is also what Terraform writes into state and outputs:
// "string", "number", "bool", "dynamic", ["list", T], ["set", T], ["map", T], ["object", {..}], ["tuple", [..]].

export class Val {
  /**
   * @param {unknown} type cty JSON type
   * @param {unknown} v string | number | boolean | null | Val[] | Record<string, Val>
   */
  constructor(type, v, unknown = false, sensitive = false) {
    this.type = type;
    this.v = v;
    this.unknown = unknown;
    this.sensitive = sensitive;
  }
  get isNull() {
    return !this.unknown && this.v === null;
  }
}

export const str = (s) => new Val('string', s);
export const num = (n) => new Val('number', n);
export const bool = (b) => new Val('bool', b);
export const nullOf = (type = 'dynamic') => new Val(type, null);
export const unknownOf = (type = 'dynamic') => new Val(type, undefined, true);
export const DYNAMIC = 'dynamic';

export function obj(attrs) {
  const types = {};
  for (const key of Object.keys(attrs)) types[key] = attrs[key].type;
  return new Val(['object', types], { ...attrs });
}
export const tuple = (items) => new Val(['tuple', items.map((i) => i.type)], [...items]);
export const list = (elemType, items) => new Val(['list', elemType], [...items]);
export const map = (elemType, entries) => new Val(['map', elemType], { ...entries });

export const kindOf = (type) => (Array.isArray(type) ? type[0] : type);
export const isPrimitive = (type) => type === 'string' || type === 'number' || type === 'bool';
export const isSequence = (type) => ['list', 'set', 'tuple'].includes(kindOf(type));
export const isMapping = (type) => ['map', 'object'].includes(kindOf(type));

export function withSensitive(val, sensitive = true) {
  if (!sensitive || val.sensitive) return val;
  return new Val(val.type, val.v, val.unknown, true);
}

export function typeEquals(a, b) {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a[0] !== b[0]) return false;
  switch (a[0]) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a[1], b[1]);
    case 'tuple':
      return a[1].length === b[1].length && a[1].every((t, i) => typeEquals(t, b[1][i]));
    case 'object': {
      const ka = Object.keys(a[1]).sort();
      const kb = Object.keys(b[1]).sort();
      return ka.length === kb.length && ka.every((k, i) => k === kb[i] && typeEquals(a[1][k], b[1][k]));
    }
    default:
      return false;
  }
}

/** Human names of types, as cty writes them in error messages. */
export function friendlyType(type) {
  switch (kindOf(type)) {
    case 'list':
      return `list of ${friendlyType(type[1])}`;
    case 'set':
      return `set of ${friendlyType(type[1])}`;
    case 'map':
      return `map of ${friendlyType(type[1])}`;
    case 'object':
      return 'object';
    case 'tuple':
      return 'tuple';
    case 'dynamic':
      return 'dynamic';
    default:
      return type;
  }
}

/** Children of a collection value, as [key, Val] pairs (keys are indexes for sequences). */
export function entriesOf(val) {
  if (val.unknown || val.v === null) return [];
  if (Array.isArray(val.v)) return val.v.map((item, i) => [i, item]);
  if (typeof val.v === 'object')
    return Object.keys(val.v)
      .sort()
      .map((k) => [k, val.v[k]]);
  return [];
}

export function isWhollyKnown(val) {
  if (val.unknown) return false;
  return entriesOf(val).every(([, child]) => isWhollyKnown(child));
}

export function hasSensitive(val) {
  if (val.sensitive) return true;
  return entriesOf(val).some(([, child]) => hasSensitive(child));
}

/** The same value with every sensitive mark removed. */
export function unmarkDeep(val) {
  if (val.unknown || val.v === null || typeof val.v !== 'object') {
    return val.sensitive ? new Val(val.type, val.v, val.unknown, false) : val;
  }
  const v = Array.isArray(val.v) ? val.v.map(unmarkDeep) : mapValues(val.v, unmarkDeep);
  return new Val(val.type, v, false, false);
}

/** Paths (arrays of attribute names / indexes) of sensitive marks in a value. */
export function sensitivePaths(val, prefix = []) {
  if (val.sensitive) return [prefix];
  const out = [];
  for (const [key, child] of entriesOf(val)) out.push(...sensitivePaths(child, [...prefix, key]));
  return out;
}

/** The value with sensitive marks put back at the given paths. */
export function markPaths(val, paths) {
  let out = val;
  for (const path of paths) out = markPath(out, path);
  return out;
}

function markPath(val, path) {
  if (path.length === 0) return withSensitive(val);
  if (val.unknown || val.v === null || typeof val.v !== 'object') return val;
  const [head, ...rest] = path;
  if (!(head in val.v)) return val;
  const v = Array.isArray(val.v) ? [...val.v] : { ...val.v };
  v[head] = markPath(v[head], rest);
  return new Val(val.type, v, false, val.sensitive);
}

export function mapValues(object, fn) {
  const out = {};
  for (const key of Object.keys(object)) out[key] = fn(object[key], key);
  return out;
}

/** cty formats numbers without exponents. */
export function numberToString(n) {
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  const text = String(n);
  if (!text.includes('e')) return text;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

// ---------------------------------------------------------------------------------------------------------
// JSON in and out

/** The plain JSON form of a known value (marks dropped). Unknown values throw. */
export function toJSON(val) {
  if (val.unknown) throw new Error('unknown value has no JSON form');
  if (val.v === null) return null;
  if (Array.isArray(val.v)) return val.v.map(toJSON);
  if (typeof val.v === 'object') return mapValues(val.v, toJSON);
  return val.v;
}

/**
 * The JSON Terraform writes in plans for a value that may hold unknowns ("omitUnknowns"): unknown object
 * attributes are left out, unknown sequence elements become null, a wholly unknown value is `undefined`.
 */
export function toJSONOmitUnknowns(val) {
  if (val.unknown) return undefined;
  if (val.v === null) return null;
  if (Array.isArray(val.v)) return val.v.map((item) => toJSONOmitUnknowns(item) ?? null);
  if (typeof val.v === 'object') {
    const out = {};
    for (const key of Object.keys(val.v)) {
      const item = toJSONOmitUnknowns(val.v[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return val.v;
}

/** Terraform's `unknownAsBool`: where a value is unknown (true), object keys of known leaves left out. */
export function unknownAsBool(val) {
  if (val.unknown) return true;
  if (val.v === null) return false;
  if (Array.isArray(val.v)) return val.v.map(unknownAsBool);
  if (typeof val.v === 'object') {
    const out = {};
    for (const key of Object.keys(val.v)) {
      const item = unknownAsBool(val.v[key]);
      if (item !== false) out[key] = item;
    }
    return out;
  }
  return false;
}

/** Terraform's `SensitiveAsBool`: true where marked, object keys of unmarked leaves left out. */
export function sensitiveAsBool(val) {
  if (val.sensitive) return true;
  if (val.unknown) return isSequence(val.type) ? [] : isMapping(val.type) ? {} : false;
  if (val.v === null) return false;
  if (Array.isArray(val.v)) return val.v.map(sensitiveAsBool);
  if (typeof val.v === 'object') {
    const out = {};
    for (const key of Object.keys(val.v)) {
      const item = sensitiveAsBool(val.v[key]);
      if (item !== false) out[key] = item;
    }
    return out;
  }
  return false;
}

/** A value from JSON with a known cty type (state attributes, outputs). */
export function fromJSONTyped(json, type) {
  if (json === null || json === undefined) return nullOf(type);
  switch (kindOf(type)) {
    case 'string':
    case 'number':
    case 'bool':
      return new Val(type, json);
    case 'dynamic':
      return fromJSONImplied(json);
    case 'list':
    case 'set':
      return new Val(
        type,
        json.map((item) => fromJSONTyped(item, type[1])),
      );
    case 'tuple':
      return new Val(
        type,
        json.map((item, i) => fromJSONTyped(item, type[1][i])),
      );
    case 'map':
      return new Val(
        type,
        mapValues(json, (item) => fromJSONTyped(item, type[1])),
      );
    case 'object':
      return new Val(
        type,
        mapValues(type[1], (attrType, key) => fromJSONTyped(json[key], attrType)),
      );
    default:
      throw new Error(`unsupported type ${JSON.stringify(type)}`);
  }
}

/** A value from JSON with the types JSON implies: objects are objects, arrays are tuples. */
export function fromJSONImplied(json) {
  if (json === null || json === undefined) return nullOf(DYNAMIC);
  if (typeof json === 'string') return str(json);
  if (typeof json === 'number') return num(json);
  if (typeof json === 'boolean') return bool(json);
  if (Array.isArray(json)) return tuple(json.map(fromJSONImplied));
  return obj(mapValues(json, fromJSONImplied));
}

// ---------------------------------------------------------------------------------------------------------
// Equality

/** cty's Equals on unmarked values: a known bool, or null when the answer is unknown. */
export function valuesEqual(a, b) {
  if (a.unknown || b.unknown) return null;
  if (a.v === null || b.v === null) return a.v === null && b.v === null;
  if (isPrimitive(a.type) || isPrimitive(b.type)) {
    return a.type === b.type && a.v === b.v;
  }
  if (!typeEquals(a.type, b.type)) return false;
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  if (ea.length !== eb.length) return false;
  let result = true;
  for (let i = 0; i < ea.length; i++) {
    if (ea[i][0] !== eb[i][0]) return false;
    const r = valuesEqual(ea[i][1], eb[i][1]);
    if (r === false) return false;
    if (r === null) result = null;
  }
  return result;
}

/** cty's RawEquals ignoring marks: unknowns equal only unknowns of the same type. */
export function rawEquals(a, b) {
  if (a.unknown || b.unknown) return a.unknown && b.unknown && typeEquals(a.type, b.type);
  if (!typeEquals(a.type, b.type) && !(a.v === null && b.v === null)) return false;
  if (a.v === null || b.v === null) return a.v === null && b.v === null && typeEquals(a.type, b.type);
  if (typeof a.v !== 'object') return a.v === b.v;
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  return ea.length === eb.length && ea.every(([k, v], i) => k === eb[i][0] && rawEquals(v, eb[i][1]));
}

// ---------------------------------------------------------------------------------------------------------
// Type constraints and conversion

export class ConversionError extends Error {}

export const ANY = { k: 'any' };
export const prim = (t) => ({ k: 'prim', t });

/** The concrete cty type a constraint stands for, or 'dynamic' where it has `any`. */
export function constraintType(c) {
  switch (c.k) {
    case 'any':
      return DYNAMIC;
    case 'prim':
      return c.t;
    case 'list':
    case 'set':
    case 'map':
      return [c.k, constraintType(c.elem)];
    case 'tuple':
      return ['tuple', c.elems.map(constraintType)];
    case 'object':
      return ['object', mapValues(c.attrs, (a) => constraintType(a.c))];
    default:
      throw new Error(`bad constraint ${c.k}`);
  }
}

/** The constraint written as Terraform would in messages: `list(string)`, `object({...})`. */
export function constraintString(c) {
  switch (c.k) {
    case 'any':
      return 'any';
    case 'prim':
      return c.t;
    case 'list':
    case 'set':
    case 'map':
      return `${c.k}(${constraintString(c.elem)})`;
    case 'tuple':
      return `tuple([${c.elems.map(constraintString).join(', ')}])`;
    case 'object':
      return `object({${Object.entries(c.attrs)
        .map(([k, a]) => `${k}=${a.optional ? `optional(${constraintString(a.c)})` : constraintString(a.c)}`)
        .join(', ')}})`;
    default:
      return '?';
  }
}

function fail(path, message) {
  const where = path.length
    ? `${path.map((p) => (typeof p === 'number' ? `element ${p}` : `attribute "${p}"`)).join(': ')}: `
    : '';
  throw new ConversionError(where + message);
}

function convertPrimitive(val, t, path) {
  if (val.type === t) return val;
  const mark = (v) => new Val(t, v, false, val.sensitive);
  if (val.unknown) return new Val(t, undefined, true, val.sensitive);
  switch (t) {
    case 'string':
      if (val.type === 'number') return mark(numberToString(val.v));
      if (val.type === 'bool') return mark(val.v ? 'true' : 'false');
      return fail(path, 'string required');
    case 'number':
      if (val.type === 'string') {
        const text = val.v.trim();
        if (text !== '' && /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return mark(Number(text));
        return fail(path, 'a number is required');
      }
      return fail(path, 'number required');
    case 'bool':
      if (val.type === 'string') {
        if (val.v === 'true') return mark(true);
        if (val.v === 'false') return mark(false);
        return fail(path, 'a bool is required');
      }
      return fail(path, 'bool required');
    default:
      return fail(path, `${t} required`);
  }
}

/** Converts a value to a type constraint, as Terraform does for input variables and function arguments. */
export function convert(val, c, path = []) {
  if (c.k === 'any') return val;
  if (val.unknown && val.type === DYNAMIC) return new Val(constraintType(c), undefined, true, val.sensitive);
  if (val.v === null && !val.unknown) return new Val(constraintType(c), null, false, val.sensitive);
  switch (c.k) {
    case 'prim':
      if (!isPrimitive(val.type)) return fail(path, `${c.t} required`);
      return convertPrimitive(val, c.t, path);
    case 'list':
    case 'set': {
      if (!isSequence(val.type)) return fail(path, `${friendlyType(constraintType(c))} required`);
      if (val.unknown) return new Val(constraintType(c), undefined, true, val.sensitive);
      let items = val.v.map((item, i) => convert(item, c.elem, [...path, i]));
      let elemType = constraintType(c.elem);
      if (c.elem.k === 'any' || containsAny(c.elem)) ({ items, elemType } = unifyItems(items, path));
      if (c.k === 'set') items = dedupe(items);
      return new Val([c.k, elemType], items, false, val.sensitive);
    }
    case 'map': {
      if (!isMapping(val.type)) return fail(path, `${friendlyType(constraintType(c))} required`);
      if (val.unknown) return new Val(constraintType(c), undefined, true, val.sensitive);
      let entries = mapValues(val.v, (item, key) => convert(item, c.elem, [...path, key]));
      let elemType = constraintType(c.elem);
      if (c.elem.k === 'any' || containsAny(c.elem)) {
        const keys = Object.keys(entries);
        const unified = unifyItems(
          keys.map((k) => entries[k]),
          path,
        );
        entries = Object.fromEntries(keys.map((k, i) => [k, unified.items[i]]));
        elemType = unified.elemType;
      }
      return new Val(['map', elemType], entries, false, val.sensitive);
    }
    case 'tuple': {
      if (!isSequence(val.type)) return fail(path, 'tuple required');
      if (val.unknown) return new Val(constraintType(c), undefined, true, val.sensitive);
      if (val.v.length !== c.elems.length)
        return fail(path, `tuple required with exactly ${c.elems.length} elements`);
      const items = val.v.map((item, i) => convert(item, c.elems[i], [...path, i]));
      return new Val(['tuple', items.map((i) => i.type)], items, false, val.sensitive);
    }
    case 'object': {
      if (!isMapping(val.type)) return fail(path, 'object required');
      if (val.unknown) return new Val(constraintType(c), undefined, true, val.sensitive);
      const attrs = {};
      for (const [key, spec] of Object.entries(c.attrs)) {
        if (key in val.v) {
          attrs[key] = convert(val.v[key], spec.c, [...path, key]);
          if (attrs[key].isNull && spec.optional && spec.def)
            attrs[key] = convert(spec.def, spec.c, [...path, key]);
        } else if (spec.optional) {
          attrs[key] = spec.def ? convert(spec.def, spec.c, [...path, key]) : nullOf(constraintType(spec.c));
        } else {
          return fail(path, `attribute "${key}" is required`);
        }
      }
      return new Val(['object', mapValues(attrs, (a) => a.type)], attrs, false, val.sensitive);
    }
    default:
      throw new Error(`bad constraint ${c.k}`);
  }
}

function containsAny(c) {
  switch (c.k) {
    case 'any':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return containsAny(c.elem);
    case 'tuple':
      return c.elems.some(containsAny);
    case 'object':
      return Object.values(c.attrs).some((a) => containsAny(a.c));
    default:
      return false;
  }
}

function dedupe(items) {
  const out = [];
  for (const item of items) if (!out.some((o) => rawEquals(o, item))) out.push(item);
  return out;
}

/** Finds one type for all items (for list(any) and the like) and converts them to it. */
export function unifyItems(items, path = []) {
  if (items.length === 0) return { items, elemType: DYNAMIC };
  const elemType = unifyTypes(items.map((i) => i.type));
  if (elemType === undefined) return fail(path, 'all elements must have the same type');
  return { items: items.map((item, i) => convertToType(item, elemType, [...path, i])), elemType };
}

/** The common type of several, or undefined. Primitive types unify to string when they differ. */
export function unifyTypes(types) {
  const concrete = types.filter((t) => t !== DYNAMIC);
  if (concrete.length === 0) return DYNAMIC;
  const first = concrete[0];
  if (concrete.every((t) => typeEquals(t, first))) return first;
  if (concrete.every(isPrimitive)) return 'string';
  const kinds = new Set(concrete.map(kindOf));
  if (kinds.size === 1 && (kinds.has('object') || kinds.has('map'))) {
    // objects with the same attribute names unify attribute by attribute
    if (kinds.has('object')) {
      const keys = Object.keys(first[1]).sort().join(',');
      if (!concrete.every((t) => Object.keys(t[1]).sort().join(',') === keys)) return undefined;
      const attrs = {};
      for (const key of Object.keys(first[1])) {
        const t = unifyTypes(concrete.map((c) => c[1][key]));
        if (t === undefined) return undefined;
        attrs[key] = t;
      }
      return ['object', attrs];
    }
  }
  return undefined;
}

/** Converts a value to a concrete cty type (used after unification). */
export function convertToType(val, type, path = []) {
  return convert(val, typeToConstraint(type), path);
}

export function typeToConstraint(type) {
  switch (kindOf(type)) {
    case 'dynamic':
      return ANY;
    case 'string':
    case 'number':
    case 'bool':
      return prim(type);
    case 'list':
    case 'set':
    case 'map':
      return { k: type[0], elem: typeToConstraint(type[1]) };
    case 'tuple':
      return { k: 'tuple', elems: type[1].map(typeToConstraint) };
    case 'object':
      return { k: 'object', attrs: mapValues(type[1], (t) => ({ c: typeToConstraint(t), optional: false })) };
    default:
      throw new Error(`bad type ${JSON.stringify(type)}`);
  }
}
