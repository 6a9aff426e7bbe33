/** Keeping secrets out of logs, summaries and PR comments: a text redactor for anything Strata prints. */

/**
 * Secrets shorter than this are not masked in text: masking `42` or `on` everywhere would wreck the log and
 * hide nothing worth hiding.
 */
export const MIN_SECRET_LENGTH = 4;

export const MASK = '***';

export interface Redactor {
  add(values: Iterable<string>): void;
  /** `text` with every occurrence of a known secret replaced by `***`; the longest match wins. */
  redact(text: string): string;
}

export function createRedactor(secrets: Iterable<string> = []): Redactor {
  const known = new Set<string>();
  let pattern: RegExp | undefined; // Rebuilt lazily after `add`, so adding many values costs one build.

  const add = (values: Iterable<string>) => {
    for (const value of values) {
      for (const form of formsOf(value)) {
        if (form.length >= MIN_SECRET_LENGTH && !known.has(form)) {
          known.add(form);
          pattern = undefined;
        }
      }
    }
  };
  add(secrets);

  return {
    add,
    redact(text) {
      if (known.size === 0) return text;
      // One regular expression, longest secret first, so the text is scanned once whatever the number of secrets.
      pattern ??= new RegExp(
        [...known]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      return text.replace(pattern, MASK);
    },
  };
}

/**
 * A secret as it can reach a log: whole, each of its lines (a multi-line key printed line by line, or with
 * other line endings), and escaped inside a JSON string.
 */
function formsOf(value: string): string[] {
  return [value, ...value.split(/\r?\n/), JSON.stringify(value).slice(1, -1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
