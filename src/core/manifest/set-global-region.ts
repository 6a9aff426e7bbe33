import { isMap, isScalar, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';

/**
 * The manifest text with `backend.global_region` set to `region`: only that value changes, in place (quotes
 * kept), so comments and layout stay byte for byte and the change reads as one line of the roles pull request.
 */
export function setGlobalRegion(text: string, region: string): string {
  const document = parseDocument(text, { keepSourceTokens: true });
  const backend = document.get('backend', true);
  const current = isMap(backend) ? backend.get('global_region', true) : undefined;
  if (!isScalar(current) || !current.range) {
    throw new UsageError("The manifest has no 'backend.global_region' value to update");
  }
  if (current.value === region) return text;
  const [start, end] = current.range;
  const quote = /^["']/.exec(text.slice(start, end))?.[0] ?? '';
  return `${text.slice(0, start)}${quote}${region}${quote}${text.slice(end)}`;
}
