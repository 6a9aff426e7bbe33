/** The size of a string once encoded as UTF-8, without encoding it (a lone surrogate becomes U+FFFD: 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The string length GitHub counts against a comment's limit, erring high: UTF-16 units, never fewer than code points. */
export function charLength(text: string): number {
  return text.length;
}

/** The longest prefix of `text`, cut between code points, whose size is at most `max`. The last resort of a report. */
export function clampText(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text;
  let size = 0;
  let end = 0;
  for (const point of text) {
    const next = size + measure(point);
    if (next > max) break;
    size = next;
    end += point.length;
  }
  return text.slice(0, end);
}
