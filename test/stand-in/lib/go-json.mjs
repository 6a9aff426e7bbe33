// JSON written the way Go's encoding/json writes it, because Terraform is a Go program and its JSON is
// read by byte-sensitive tools: `<`, `>`, `&`, U+2028 and U+2029 are escaped as \u003c and so on, other
// control characters as \u00XX (with the short forms \n \r \t \b \f), and `MarshalIndent` puts an empty
// object or array on one line (`{}`, `[]`). Object keys keep the order of the JavaScript object; callers
// that marshal Go maps sort their keys first (see `sortedKeys`).

/** Marks an object that stands for a Go map: its keys are written in sorted (byte) order. */
export const GO_MAP = Symbol('go map');

const SHORT_ESCAPES = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function goString(text) {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0);
    if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
    else if (
      code < 0x20 ||
      char === '<' ||
      char === '>' ||
      char === '&' ||
      code === 0x2028 ||
      code === 0x2029
    ) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += char;
  }
  return out + '"';
}

function goNumber(value) {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
  // Go formats float64 like JavaScript for the range Terraform values use; integers never get an exponent
  // below 1e21, which is also what JavaScript does.
  return String(value);
}

/** Compact JSON, like json.Marshal. */
export function marshal(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return '[' + value.map(marshal).join(',') + ']';
  const parts = [];
  for (const key of keysOf(value)) {
    const item = value[key];
    if (item === undefined) continue;
    parts.push(goString(key) + ':' + marshal(item));
  }
  return '{' + parts.join(',') + '}';
}

/** Indented JSON, like json.MarshalIndent(value, prefix, indent). */
export function marshalIndent(value, indent = '  ', level = 0) {
  if (value === null || value === undefined || typeof value !== 'object') return marshal(value);
  const inner = indent.repeat(level + 1);
  const outer = indent.repeat(level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return (
      '[\n' +
      value.map((item) => inner + marshalIndent(item, indent, level + 1)).join(',\n') +
      '\n' +
      outer +
      ']'
    );
  }
  const entries = keysOf(value)
    .map((key) => [key, value[key]])
    .filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return (
    '{\n' +
    entries
      .map(([key, item]) => inner + goString(key) + ': ' + marshalIndent(item, indent, level + 1))
      .join(',\n') +
    '\n' +
    outer +
    '}'
  );
}

function keysOf(object) {
  const keys = Object.keys(object);
  return object[GO_MAP] ? keys.sort(compareGoStrings) : keys;
}

/** Marks `object` as a Go map (sorted keys when written) and returns it. */
export function goMap(object = {}) {
  Object.defineProperty(object, GO_MAP, { value: true, enumerable: false });
  return object;
}

/** A copy of a plain JSON value in which every object is a Go map, as cty values are written. */
export function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out = goMap({});
  for (const key of Object.keys(value)) out[key] = sortedKeys(value[key]);
  return out;
}

/** Go sorts strings by bytes (UTF-8), which for these keys is code-point order. */
export function compareGoStrings(a, b) {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}
