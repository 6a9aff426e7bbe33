import { isMap, isPair, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';

/**
 * The manifest text with `regions.<region>.failed: true` added (or, with `failed` false, removed), in place:
 * comments and layout stay byte for byte. A flow map (`{ role: secondary }`) gets `, failed: true` after
 * its last value; a block map a line of its own under `role`.
 */
export function markRegionFailed(text: string, region: string, failed: boolean): string {
  const document = parseDocument(text, { keepSourceTokens: true });
  const regions = document.get('regions', true);
  if (!isMap(regions)) throw new UsageError("The manifest has no 'regions' map to update");
  const spec = regions.get(region, true);
  if (!isMap(spec)) throw new UsageError(`Region '${region}' is not declared in the manifest`);
  const existing = spec.items.find((pair) => isScalar(pair.key) && pair.key.value === 'failed');
  if (failed) return existing ? setTrue(text, existing.value) : addMark(text, spec);
  return existing ? removeMark(text, spec, existing) : text;
}

function setTrue(text: string, value: unknown): string {
  if (!isScalar(value) || !value.range) throw new UsageError("The region's 'failed' value cannot be updated");
  return `${text.slice(0, value.range[0])}true${text.slice(value.range[1])}`;
}

function addMark(text: string, spec: YAMLMap): string {
  const last = spec.items.at(-1);
  const value = last?.value;
  if (!last || !isScalar(value) || !value.range || !isScalar(last.key) || !last.key.range) {
    throw new UsageError("The region's settings cannot be updated in place");
  }
  const end = value.range[1];
  if (spec.flow) return `${text.slice(0, end)}, failed: true${text.slice(end)}`;
  const lineStart = text.lastIndexOf('\n', last.key.range[0]) + 1;
  const indent = text.slice(lineStart, last.key.range[0]);
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd === -1 ? text.length : lineEnd;
  return `${text.slice(0, at)}\n${indent}failed: true${text.slice(at)}`;
}

function removeMark(text: string, spec: YAMLMap, pair: YAMLMap['items'][number]): string {
  const key = pair.key;
  const value = pair.value;
  if (!isPair(pair) || !isScalar(key) || !key.range || !isScalar(value) || !value.range) {
    throw new UsageError("The region's 'failed' value cannot be removed in place");
  }
  if (spec.flow) {
    // From the comma before it (or, as the first entry, to the comma after it).
    const before = text.lastIndexOf(',', key.range[0]);
    const open = text.lastIndexOf('{', key.range[0]);
    if (before > open) return `${text.slice(0, before)}${text.slice(value.range[1])}`;
    const after = /^\s*,\s*/.exec(text.slice(value.range[1]))?.[0].length ?? 0;
    return `${text.slice(0, key.range[0])}${text.slice(value.range[1] + after)}`;
  }
  const lineStart = text.lastIndexOf('\n', key.range[0]) + 1;
  const lineEnd = text.indexOf('\n', value.range[1]);
  return `${text.slice(0, lineStart)}${lineEnd === -1 ? '' : text.slice(lineEnd + 1)}`;
}
