// Terraform's diagnostics: an error or warning with a summary, an optional source snippet and a detail
// paragraph. Printed as Terraform prints them: with -no-color the plain form (`\nError: summary\n\n...`),
// otherwise framed by a left rule (╷ │ ╵) with ANSI colour. Output that is not a terminal is 78 columns
// wide for Terraform, so detail lines are word-wrapped at 77 (plain) or 75 (framed) characters, except
// lines that start with a space, which Terraform leaves alone.

export const COLUMNS = 78;

// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a record with a typed constructor, as Terraform's diagnostics
export class Diag {
  /**
   * @param {'error'|'warning'} severity
   * @param {string} summary
   * @param {string} [detail]
   * @param {{file: string, line: number, endLine?: number, context?: string}} [subject]
   * @param {string} [address] a resource address for "with ..." lines
   */
  constructor(severity, summary, detail = '', subject = undefined, address = undefined) {
    this.severity = severity;
    this.summary = summary;
    this.detail = detail;
    this.subject = subject;
    this.address = address;
  }
}

export const errorDiag = (summary, detail, subject, address) =>
  new Diag('error', summary, detail, subject, address);
export const warningDiag = (summary, detail, subject, address) =>
  new Diag('warning', summary, detail, subject, address);

/** Thrown to stop a command with diagnostics; the CLI prints them and exits 1. */
export class DiagError extends Error {
  constructor(diags) {
    const list = Array.isArray(diags) ? diags : [diags];
    super(list.map((d) => d.summary).join('; '));
    this.diags = list;
  }
}

/** Word-wraps one paragraph the way github.com/mitchellh/go-wordwrap does (greedy, breaks at spaces). */
export function wordWrap(text, limit) {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const char of text) {
    if (char === '\n') {
      if (word.length === 0) {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
      }
      out += char;
      current = 0;
      word = '';
      space = '';
    } else if (/\s/u.test(char) && char !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += char;
    } else {
      word += char;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

function wrapDetail(detail, width) {
  if (width <= 1) return detail + '\n';
  return detail
    .split('\n')
    .map((line) => (line.startsWith(' ') ? line : wordWrap(line, width)) + '\n')
    .join('');
}

function snippet(diag, sources) {
  let out = '';
  if (diag.address) out += `  with ${diag.address},\n`;
  const subject = diag.subject;
  if (!subject) return out;
  const context = subject.context ? `, in ${subject.context}` : '';
  out += `  on ${subject.file} line ${subject.line}${context}:\n`;
  const text = sources?.[subject.file];
  if (text === undefined) {
    out += '  (source code not available)\n';
  } else {
    const lines = text.split('\n');
    const last = Math.max(subject.line, subject.endLine ?? subject.line);
    for (let n = subject.line; n <= last && n <= lines.length; n++) {
      out += `${String(n).padStart(4, ' ')}: ${lines[n - 1].replace(/\r$/, '')}\n`;
    }
  }
  return out + '\n';
}

export function formatPlain(diag, sources, columns = COLUMNS) {
  let out = diag.severity === 'error' ? '\nError: ' : '\nWarning: ';
  out += `${diag.summary}\n\n`;
  out += snippet(diag, sources);
  if (diag.detail) out += wrapDetail(diag.detail, columns - 1);
  return out;
}

const ANSI = { bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', reset: '\x1b[0m' };

export function formatFramed(diag, sources, columns = COLUMNS) {
  const colour = diag.severity === 'error' ? ANSI.red : ANSI.yellow;
  const label = diag.severity === 'error' ? 'Error: ' : 'Warning: ';
  let body = `${ANSI.bold}${colour}${label}${ANSI.reset}${ANSI.bold}${diag.summary}${ANSI.reset}\n\n`;
  body += snippet(diag, sources);
  if (diag.detail) body += wrapDetail(diag.detail, columns - 2 - 1);
  const lines = body.replace(/\n$/, '').split('\n');
  let out = `${colour}╷${ANSI.reset}\n`;
  for (const line of lines)
    out += line === '' ? `${colour}│${ANSI.reset}\n` : `${colour}│${ANSI.reset} ${line}\n`;
  return out + `${colour}╵${ANSI.reset}\n`;
}

/**
 * Writes diagnostics: errors to stderr, warnings to stdout, as Terraform's view does. `blankLineAfter`: each
 * ends with one more newline, as the older UI that some OpenTofu commands still use prints them.
 */
export function printDiags(diags, { noColor, sources, stdout, stderr, blankLineAfter = false }) {
  for (const diag of diags) {
    let text = noColor ? formatPlain(diag, sources) : formatFramed(diag, sources);
    if (blankLineAfter) text += '\n';
    if (diag.severity === 'error') stderr(text);
    else stdout(text);
  }
}
