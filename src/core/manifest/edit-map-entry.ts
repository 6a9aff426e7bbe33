import { isMap, isNode, isPair, isScalar, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';

/**
 * In-place edits of one entry of a YAML map, on the manifest's text: only that entry changes, so comments and
 * layout stay byte for byte and the change reads as a line of a pull request. `map` comes from the same text,
 * parsed with `keepSourceTokens`. `what` names the map in errors ("region 'eu-west-1'").
 */
export function setMapEntry(text: string, map: YAMLMap, key: string, value: string, what: string): string {
  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing) {
    const current = existing.value;
    if (!isScalar(current) || !current.range)
      throw new UsageError(`The '${key}' of ${what} cannot be updated`);
    const [start, end] = current.range;
    const quote = /^["']/.exec(text.slice(start, end))?.[0] ?? '';
    return `${text.slice(0, start)}${quote}${value}${quote}${text.slice(end)}`;
  }
  const last = map.items.at(-1);
  if (!last && map.flow && map.range) {
    // An empty flow map, `{}`: its braces hold the entry.
    const [start, end] = map.range;
    const close = text.lastIndexOf('}', end);
    if (text[start] === '{' && close > start) {
      return `${text.slice(0, start)}{ ${key}: ${value} }${text.slice(close + 1)}`;
    }
  }
  const lastValue = last?.value;
  if (!last || !isScalar(last.key) || !last.key.range || !isNode(lastValue) || !lastValue.range) {
    throw new UsageError(
      `The settings of ${what} cannot be updated in place: add '${key}: ${value}' to them`,
    );
  }
  if (map.flow) {
    const end = lastValue.range[1];
    return `${text.slice(0, end)}, ${key}: ${value}${text.slice(end)}`;
  }
  if (!isScalar(lastValue)) {
    // A block map ending in a collection: the entry goes on a line of its own above its first key.
    const first = map.items[0]?.key;
    if (!isScalar(first) || !first.range)
      throw new UsageError(`The settings of ${what} cannot be updated in place`);
    const lineStart = text.lastIndexOf('\n', first.range[0]) + 1;
    const indent = text.slice(lineStart, first.range[0]);
    return `${text.slice(0, lineStart)}${indent}${key}: ${value}\n${text.slice(lineStart)}`;
  }
  const end = lastValue.range[1];
  const lineStart = text.lastIndexOf('\n', last.key.range[0]) + 1;
  const indent = text.slice(lineStart, last.key.range[0]);
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd === -1 ? text.length : lineEnd;
  return `${text.slice(0, at)}\n${indent}${key}: ${value}${text.slice(at)}`;
}

/** The text without the map's `key` entry (unchanged when it has none). */
export function removeMapEntry(text: string, map: YAMLMap, key: string, what: string): string {
  const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) return text;
  const pairKey = pair.key;
  const value = pair.value;
  if (!isPair(pair) || !isScalar(pairKey) || !pairKey.range || !isScalar(value) || !value.range) {
    throw new UsageError(`The '${key}' of ${what} cannot be removed in place`);
  }
  if (map.flow && map.items.length === 1 && map.range && text[map.range[0]] === '{') {
    // The only entry: the map becomes `{}` again, as it was before setMapEntry filled it.
    const close = text.lastIndexOf('}', map.range[1]);
    if (close > map.range[0]) return `${text.slice(0, map.range[0])}{}${text.slice(close + 1)}`;
  }
  if (map.flow) {
    // From the comma before it (or, as the first entry, to the comma after it).
    const before = text.lastIndexOf(',', pairKey.range[0]);
    const open = text.lastIndexOf('{', pairKey.range[0]);
    if (before > open) return `${text.slice(0, before)}${text.slice(value.range[1])}`;
    const after = /^\s*,\s*/.exec(text.slice(value.range[1]))?.[0].length ?? 0;
    return `${text.slice(0, pairKey.range[0])}${text.slice(value.range[1] + after)}`;
  }
  const lineStart = text.lastIndexOf('\n', pairKey.range[0]) + 1;
  const lineEnd = text.indexOf('\n', value.range[1]);
  return `${text.slice(0, lineStart)}${lineEnd === -1 ? '' : text.slice(lineEnd + 1)}`;
}

/** The map at `path` in the document, or a UsageError with `missing` when there is none. */
export function mapAt(node: unknown, path: readonly string[], missing: string): YAMLMap {
  let current = node;
  for (const key of path) {
    if (!isMap(current)) break;
    current = current.get(key, true);
  }
  if (!isMap(current)) throw new UsageError(missing);
  return current;
}
