import { parseDocument } from 'yaml';
import { mapAt, removeMapEntry, setMapEntry } from './edit-map-entry.js';

/**
 * The manifest text with `regions.<region>.failed: true` added (or, with `failed` false, removed), in place:
 * comments and layout stay byte for byte. A flow map (`{ role: secondary }`) gets `, failed: true` after
 * its last value; a block map a line of its own under `role`.
 */
export function markRegionFailed(text: string, region: string, failed: boolean): string {
  const document = parseDocument(text, { keepSourceTokens: true });
  mapAt(document.contents, ['regions'], "The manifest has no 'regions' map to update");
  const spec = mapAt(
    document.contents,
    ['regions', region],
    `Region '${region}' is not declared in the manifest`,
  );
  const what = `region '${region}'`;
  return failed
    ? setMapEntry(text, spec, 'failed', 'true', what)
    : removeMapEntry(text, spec, 'failed', what);
}
