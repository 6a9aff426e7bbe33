import { definedOrThrow } from '../core/lookup.js';

/**
 * HCL's tokens, as far as finding top-level blocks needs them (variables.ts): identifiers, strings, brackets,
 * `=` and newlines. Comments are dropped, and a string with `${…}` or `%{…}` templates, or a heredoc, is one
 * token, so a word inside any of them is never taken for a block.
 */

export interface Token {
  kind: 'ident' | 'string' | 'open' | 'close' | 'equals' | 'newline' | 'other';
  /** The identifier, the bracket, or a string's decoded content. */
  text: string;
  /** A string holding `${…}` or `%{…}`, or a heredoc: not a literal. */
  isTemplate?: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: c });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || (c === '/' && next === '/')) i = lineEnd(text, i);
    else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === '"') {
      const string = readString(text, i);
      tokens.push({ kind: 'string', text: string.value, isTemplate: string.isTemplate });
      i = string.end;
    } else if (c === '<' && next === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
      tokens.push({ kind: 'string', text: '', isTemplate: true });
      i = heredocEnd(text, i);
    } else if ('{[('.includes(c)) {
      tokens.push({ kind: 'open', text: c });
      i++;
    } else if ('}])'.includes(c)) {
      tokens.push({ kind: 'close', text: c });
      i++;
    } else if (c === '=' && next !== '=' && next !== '>') {
      tokens.push({ kind: 'equals', text: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /[A-Za-z_][\w-]*/y;
      match.lastIndex = i;
      // c starts an identifier, so the pattern matches at i.
      const word = definedOrThrow(match.exec(text)?.[0], 'identifier');
      tokens.push({ kind: 'ident', text: word });
      i += word.length;
    } else {
      // Operators (`==`, `<=`, `=>`…) and numbers: one token, so `a == b` is never read as `a = …`.
      const operator = /[=!<>]=|=>|&&|\|\|/y;
      operator.lastIndex = i;
      const length = operator.exec(text)?.[0].length ?? 1;
      tokens.push({ kind: 'other', text: text.slice(i, i + length) });
      i += length;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

/** A quoted string from its opening quote; a template sequence is stepped over whole, strings in it included. */
function readString(text: string, start: number): { value: string; isTemplate: boolean; end: number } {
  let value = '';
  let isTemplate = false;
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') return { value, isTemplate, end: i + 1 };
    if (c === '\n') break; // Unterminated: HCL strings are one line. Stop here rather than eat the file.
    if (c === '\\') {
      const escaped = text.charAt(i + 1);
      value += ESCAPES[escaped] ?? escaped;
      i += 2;
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      value += `${c}{`; // `$${` and `%%{` are literal.
      i += 3;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      isTemplate = true;
      i = templateEnd(text, i + 2);
    } else {
      value += c;
      i++;
    }
  }
  return { value, isTemplate, end: i };
}

/** The index after the `}` closing a `${` or `%{` whose body starts at `from`. */
function templateEnd(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      i = readString(text, i).end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/** The index after a heredoc's closing marker line (`<<EOT` … `EOT`, the marker may be indented). */
function heredocEnd(text: string, start: number): number {
  // Called where the tokenizer saw the opener.
  const opener = definedOrThrow(
    /^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(start, start + 200)),
    'heredoc opener',
  );
  const [whole, marker] = opener;
  let i = start + whole.length;
  while (i < text.length) {
    const end = lineEnd(text, i);
    if (text.slice(i, end).trim() === marker) return end;
    i = end + 1;
  }
  return text.length;
}
