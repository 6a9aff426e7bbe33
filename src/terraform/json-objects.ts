/** Reading JSON documents out of command output that may carry other lines around them. */

/**
 * Every JSON object in `text` that starts a line, in order. The fast path is one clean document; otherwise
 * lines that are not JSON (a wrapper's log line, a warning) are skipped, and concatenated documents are all
 * returned, so that the caller can refuse them by name.
 */
export function parseJsonObjects(text: string): Record<string, unknown>[] {
  try {
    const whole: unknown = JSON.parse(text);
    return isRecord(whole) ? [whole] : [];
  } catch {
    // Not one clean document: scan for objects below.
  }
  const found: Record<string, unknown>[] = [];
  let i = 0;
  while (i < text.length) {
    const start = nextObjectStart(text, i);
    if (start < 0) break;
    const end = objectEnd(text, start);
    if (end < 0) break;
    try {
      const value: unknown = JSON.parse(text.slice(start, end));
      if (isRecord(value)) found.push(value);
    } catch {
      // Balanced but broken: skip it whole, lest the objects inside it be taken for documents.
    }
    i = end;
  }
  return found;
}

/** The next `{` that has only blanks before it on its line. */
function nextObjectStart(text: string, from: number): number {
  for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (text.slice(lineStart, i).trim() === '') return i;
  }
  return -1;
}

/** The index after the bracket that closes the one at `start`, or -1; strings are skipped whole. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects in `record[key]` when it is a list, else none. */
export function arrayAt(record: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const value = record[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** `record[key]` when it is an object, else an empty one. */
export function recordAt(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = record[key];
  return isRecord(value) ? value : {};
}
