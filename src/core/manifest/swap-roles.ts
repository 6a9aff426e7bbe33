import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';

/**
 * The manifest text with `primary` as the primary region and every other region secondary. Only the `role`
 * values change, in place: comments, formatting and everything else stay byte for byte, so the change reads
 * as a small pull request.
 */
export function setPrimaryRegion(text: string, primary: string): string {
  const document = parseDocument(text, { keepSourceTokens: true });
  const regions = document.get('regions', true);
  if (!isMap(regions)) throw new UsageError("The manifest has no 'regions' map to update");
  const edits: { start: number; end: number; value: string }[] = [];
  let found = false;
  for (const pair of regions.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) continue;
    const region = String(pair.key.value);
    found ||= region === primary;
    const role = pair.value.get('role', true);
    if (!isScalar(role) || !role.range) continue;
    const wanted = region === primary ? 'primary' : 'secondary';
    if (role.value === wanted) continue;
    const quote = /^["']/.exec(text.slice(role.range[0], role.range[1]))?.[0] ?? '';
    edits.push({ start: role.range[0], end: role.range[1], value: `${quote}${wanted}${quote}` });
  }
  if (!found) throw new UsageError(`Region '${primary}' is not declared in the manifest`);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.value + result.slice(edit.end);
  }
  return result;
}
