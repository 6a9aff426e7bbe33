// A parser for the subset of HCL's native syntax the stand-in understands: bodies of attributes and blocks,
// comments, quoted templates with ${...} interpolation, heredocs, numbers, bools, null, tuples, objects,
// traversals (a.b["k"][0]), function calls, unary/binary/conditional operators, parentheses and `for`
// expressions. Anything else (template directives %{...}, splats, `...` argument expansion) is refused with
// a diagnostic naming the file and line: the stand-in must never guess.

import { Diag, DiagError, errorDiag } from './diagnostics.mjs';
import { bool, nullOf, num, str } from './values.mjs';

export const UNSUPPORTED = 'Unsupported by the Terraform stand-in';

const IDENT_START = /[\p{L}_]/u;
const IDENT_CONT = /[\p{L}\p{N}_-]/u;

const BINARY_LEVELS = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

export class Parser {
  constructor(file, text) {
    this.file = file;
    this.src = text.replace(/\r\n/g, '\n');
    this.pos = 0;
    this.line = 1;
    this.col = 1;
  }

  // --- characters and positions -------------------------------------------------------------------------

  here() {
    return { line: this.line, col: this.col, pos: this.pos };
  }
  peek(offset = 0) {
    return this.src[this.pos + offset];
  }
  startsWith(text) {
    return this.src.startsWith(text, this.pos);
  }
  advance(count = 1) {
    for (let i = 0; i < count && this.pos < this.src.length; i++) {
      if (this.src[this.pos] === '\n') {
        this.line++;
        this.col = 1;
      } else this.col++;
      this.pos++;
    }
  }
  atEnd() {
    return this.pos >= this.src.length;
  }

  error(summary, detail, at = this.here()) {
    return new DiagError(errorDiag(summary, detail, { file: this.file, line: at.line }));
  }
  unsupported(what, at = this.here()) {
    return new DiagError(
      new Diag(
        'error',
        UNSUPPORTED,
        `The stand-in does not implement ${what}. Use real Terraform for this configuration, or extend test/stand-in.`,
        {
          file: this.file,
          line: at.line,
        },
      ),
    );
  }

  /** Skips blanks and comments; newlines too when `newlines` is true. */
  skip(newlines) {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.advance();
      else if (c === '\n' && newlines) this.advance();
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        while (!this.atEnd() && this.peek() !== '\n') this.advance();
      } else if (c === '/' && this.peek(1) === '*') {
        const start = this.here();
        this.advance(2);
        while (!this.atEnd() && !this.startsWith('*/')) this.advance();
        if (this.atEnd())
          throw this.error(
            'Unterminated comment',
            'There is no closing marker for this multi-line comment.',
            start,
          );
        this.advance(2);
      } else return;
    }
  }

  expect(char, what) {
    if (this.peek() !== char) {
      throw this.error(
        'Invalid expression',
        `Expected ${what ?? `"${char}"`}, but found ${this.atEnd() ? 'the end of the file' : JSON.stringify(this.peek())}.`,
      );
    }
    this.advance();
  }

  ident() {
    if (!IDENT_START.test(this.peek() ?? '')) return undefined;
    const start = this.pos;
    while (!this.atEnd() && IDENT_CONT.test(this.peek())) this.advance();
    return this.src.slice(start, this.pos);
  }

  // --- bodies ---------------------------------------------------------------------------------------------

  parseFile() {
    const body = this.parseBody(false);
    this.skip(true);
    if (!this.atEnd())
      throw this.error(
        'Argument or block definition required',
        'An argument or block definition is required here.',
      );
    return body;
  }

  /** A body: attributes `name = expr` and blocks `type "label" { ... }`, up to `}` when `nested`. */
  parseBody(nested) {
    const body = { attributes: new Map(), blocks: [] };
    for (;;) {
      this.skip(true);
      if (this.atEnd()) {
        if (nested)
          throw this.error(
            'Unclosed configuration block',
            'There is no closing brace for this block before the end of the file.',
          );
        return body;
      }
      if (this.peek() === '}') {
        if (!nested)
          throw this.error(
            'Argument or block definition required',
            'An argument or block definition is required here.',
          );
        return body;
      }
      const start = this.here();
      const name = this.ident();
      if (name === undefined)
        throw this.error(
          'Argument or block definition required',
          'An argument or block definition is required here.',
        );
      this.skip(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.advance();
        this.skip(false);
        const expr = this.parseExpression(false);
        if (body.attributes.has(name)) {
          throw this.error(
            'Duplicate argument',
            `The argument "${name}" was already set at ${this.file}:${body.attributes.get(name).range.line}. Each argument may be set only once.`,
            start,
          );
        }
        body.attributes.set(name, {
          name,
          expr,
          range: { file: this.file, line: start.line, endLine: expr.range.endLine },
        });
        this.endOfItem(nested);
        continue;
      }
      const labels = [];
      for (;;) {
        this.skip(false);
        if (this.peek() === '"') {
          const tmpl = this.parseQuoted();
          if (tmpl.parts.some((p) => typeof p !== 'string'))
            throw this.error('Invalid block label', 'Block labels may not contain interpolation sequences.');
          labels.push(tmpl.parts.join(''));
        } else {
          const label = this.ident();
          if (label === undefined) break;
          labels.push(label);
        }
      }
      this.skip(false);
      if (this.peek() !== '{') {
        throw this.error(
          'Invalid block definition',
          'Either a quoted string block label or an opening brace ("{") is expected here.',
        );
      }
      this.advance();
      const inner = this.parseBody(true);
      this.expect('}');
      const block = { type: name, labels, body: inner, range: { file: this.file, line: start.line } };
      body.blocks.push(block);
      this.endOfItem(nested);
    }
  }

  endOfItem(nested) {
    this.skip(false);
    if (this.atEnd() || this.peek() === '\n') return;
    if (nested && this.peek() === '}') return;
    throw this.error('Missing newline after argument', 'An argument definition must end with a newline.');
  }

  // --- expressions ----------------------------------------------------------------------------------------

  node(t, start, fields) {
    return { t, range: { file: this.file, line: start.line, endLine: this.line }, ...fields };
  }

  /** `nl`: whether newlines are insignificant here (inside brackets and templates). */
  parseExpression(nl) {
    const start = this.here();
    const cond = this.parseBinary(0, nl);
    const save = { pos: this.pos, line: this.line, col: this.col };
    this.skip(nl);
    if (this.peek() !== '?') Object.assign(this, save);
    else {
      this.advance();
      this.skip(true);
      const yes = this.parseExpression(true);
      this.skip(true);
      this.expect(':', 'the ":" of a conditional expression');
      this.skip(true);
      const no = this.parseExpression(nl);
      return this.node('cond', start, { cond, yes, no });
    }
    return cond;
  }

  parseBinary(level, nl) {
    if (level >= BINARY_LEVELS.length) return this.parseUnary(nl);
    const start = this.here();
    let left = this.parseBinary(level + 1, nl);
    for (;;) {
      const save = { pos: this.pos, line: this.line, col: this.col };
      this.skip(nl);
      const op = BINARY_LEVELS[level]
        .slice()
        .sort((a, b) => b.length - a.length)
        .find((candidate) => this.startsWith(candidate));
      const isOther =
        !op || this.startsWith('<<') || (op.length === 1 && '<>'.includes(op) && this.peek(1) === '=');
      if (isOther) {
        Object.assign(this, save);
        return left;
      }
      this.advance(op.length);
      this.skip(true);
      const right = this.parseBinary(level + 1, nl);
      left = this.node('binary', start, { op, left, right });
    }
  }

  parseUnary(nl) {
    const start = this.here();
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.advance();
      this.skip(nl);
      return this.node('unary', start, { op: '!', operand: this.parseUnary(nl) });
    }
    if (this.peek() === '-' && !/\d/.test(this.peek(1) ?? '')) {
      this.advance();
      this.skip(nl);
      return this.node('unary', start, { op: '-', operand: this.parseUnary(nl) });
    }
    return this.parsePostfix();
  }

  parsePostfix() {
    const start = this.here();
    let expr = this.parsePrimary();
    for (;;) {
      if (this.peek() === '.' && this.peek(1) !== '.') {
        this.advance();
        if (this.peek() === '*') throw this.unsupported('splat expressions (".*")');
        if (/\d/.test(this.peek() ?? '')) {
          const digits = this.readDigits();
          expr = this.step(expr, { index: this.node('lit', start, { value: num(Number(digits)) }) }, start);
          continue;
        }
        const name = this.ident();
        if (name === undefined)
          throw this.error('Invalid attribute name', 'An attribute name is required after a dot.');
        expr = this.step(expr, { attr: name }, start);
      } else if (this.peek() === '[') {
        this.advance();
        this.skip(true);
        if (this.peek() === '*') throw this.unsupported('splat expressions ("[*]")');
        const key = this.parseExpression(true);
        this.skip(true);
        this.expect(']');
        expr = this.step(expr, { index: key }, start);
      } else return expr;
    }
  }

  step(expr, step, start) {
    if (expr.t === 'scope')
      return this.node('scope', start, { root: expr.root, steps: [...expr.steps, step] });
    return this.node('relative', start, { target: expr, steps: [step] });
  }

  readDigits() {
    const begin = this.pos;
    while (/\d/.test(this.peek() ?? '')) this.advance();
    return this.src.slice(begin, this.pos);
  }

  parsePrimary() {
    const start = this.here();
    const c = this.peek();
    if (c === undefined)
      throw this.error(
        'Invalid expression',
        'Expected the start of an expression, but found the end of the file.',
      );
    if (c === '"') return this.parseQuoted();
    if (c === '<' && this.peek(1) === '<') return this.parseHeredoc();
    if (/\d/.test(c) || (c === '-' && /\d/.test(this.peek(1) ?? ''))) return this.parseNumber();
    if (c === '(') {
      this.advance();
      this.skip(true);
      const inner = this.parseExpression(true);
      this.skip(true);
      this.expect(')');
      return this.node('paren', start, { expr: inner });
    }
    if (c === '[') return this.parseTupleOrFor();
    if (c === '{') return this.parseObjectOrFor();
    const name = this.ident();
    if (name === undefined) {
      if (c === '%' || c === '$')
        throw this.error(
          'Invalid expression',
          'Template sequences are allowed only inside quoted strings and heredocs.',
        );
      throw this.error(
        'Invalid expression',
        `Expected the start of an expression, but found ${JSON.stringify(c)}.`,
      );
    }
    if (name === 'true') return this.node('lit', start, { value: bool(true) });
    if (name === 'false') return this.node('lit', start, { value: bool(false) });
    if (name === 'null') return this.node('lit', start, { value: nullOf() });
    this.skip(false);
    if (this.peek() === '(') return this.parseCall(name, start);
    if (this.startsWith('::')) throw this.unsupported('provider-defined functions');
    return this.node('scope', start, { root: name, steps: [] });
  }

  parseNumber() {
    const start = this.here();
    const begin = this.pos;
    if (this.peek() === '-') this.advance();
    this.readDigits();
    if (this.peek() === '.' && /\d/.test(this.peek(1) ?? '')) {
      this.advance();
      this.readDigits();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.advance();
      if (this.peek() === '+' || this.peek() === '-') this.advance();
      this.readDigits();
    }
    return this.node('lit', start, { value: num(Number(this.src.slice(begin, this.pos))) });
  }

  parseCall(name, start) {
    this.advance(); // (
    const args = [];
    let expand = false;
    for (;;) {
      this.skip(true);
      if (this.peek() === ')') break;
      args.push(this.parseExpression(true));
      this.skip(true);
      if (this.startsWith('...')) {
        throw this.unsupported('argument expansion ("...") in function calls');
      }
      if (this.peek() === ',') {
        this.advance();
        continue;
      }
      if (this.peek() !== ')')
        throw this.error(
          'Missing argument separator',
          'A comma is required to separate each function argument from the next.',
        );
    }
    this.advance();
    return this.node('call', start, { name, args, expand });
  }

  parseTupleOrFor() {
    const start = this.here();
    this.advance();
    this.skip(true);
    if (this.startsWithKeyword('for')) return this.parseFor(start, false);
    const items = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ']') break;
      items.push(this.parseExpression(true));
      this.skip(true);
      if (this.peek() === ',') {
        this.advance();
        continue;
      }
      if (this.peek() !== ']')
        throw this.error(
          'Missing item separator',
          'Expected a comma to mark the beginning of the next item.',
        );
    }
    this.advance();
    return this.node('tuple', start, { items });
  }

  parseObjectOrFor() {
    const start = this.here();
    this.advance();
    this.skip(true);
    if (this.startsWithKeyword('for')) return this.parseFor(start, true);
    const items = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === '}') break;
      const keyStart = this.here();
      let key;
      const name = IDENT_START.test(this.peek() ?? '') ? this.peekIdentFollowedByAssign() : undefined;
      if (name !== undefined) {
        this.ident();
        key = this.node('lit', keyStart, { value: str(name) });
      } else {
        key = this.parseExpression(false);
        if (key.t === 'scope')
          throw this.error(
            'Ambiguous attribute key',
            'If this expression is intended to be a reference, wrap it in parentheses.',
          );
      }
      this.skip(false);
      if (this.peek() === '=' || this.peek() === ':') {
        if (this.peek() === '=' && this.peek(1) === '>')
          throw this.error('Invalid object key', 'Object keys are written with "=" or ":".');
        this.advance();
      } else
        throw this.error(
          'Missing key/value separator',
          'Expected an equals sign ("=") to mark the beginning of the attribute value.',
        );
      this.skip(false);
      const value = this.parseExpression(false);
      items.push({ key, value });
      this.skip(false);
      if (this.peek() === ',') this.advance();
      else if (
        this.peek() !== '\n' &&
        this.peek() !== '}' &&
        this.peek() !== '#' &&
        !this.startsWith('//') &&
        !this.startsWith('/*')
      ) {
        throw this.error(
          'Missing attribute separator',
          'Expected a newline or comma to mark the beginning of the next attribute.',
        );
      }
    }
    this.advance();
    return this.node('object', start, { items });
  }

  /** An identifier that is an object key (followed by = or :), without consuming it. */
  peekIdentFollowedByAssign() {
    const save = { pos: this.pos, line: this.line, col: this.col };
    const name = this.ident();
    this.skip(false);
    const isKey =
      (this.peek() === '=' && this.peek(1) !== '=' && this.peek(1) !== '>') || this.peek() === ':';
    Object.assign(this, save);
    return isKey ? name : undefined;
  }

  startsWithKeyword(word) {
    return this.startsWith(word) && !IDENT_CONT.test(this.src[this.pos + word.length] ?? '');
  }

  parseFor(start, isObject) {
    this.advance(3);
    this.skip(true);
    const first = this.ident();
    if (first === undefined)
      throw this.error('Invalid "for" expression', 'A "for" expression needs a variable name after "for".');
    this.skip(true);
    let keyVar;
    let valVar = first;
    if (this.peek() === ',') {
      this.advance();
      this.skip(true);
      keyVar = first;
      valVar = this.ident();
      if (valVar === undefined)
        throw this.error('Invalid "for" expression', 'A second variable name is required after the comma.');
      this.skip(true);
    }
    if (!this.startsWithKeyword('in'))
      throw this.error('Invalid "for" expression', 'The "in" keyword is required after the variable names.');
    this.advance(2);
    this.skip(true);
    const coll = this.parseExpression(true);
    this.skip(true);
    this.expect(':', 'a colon after the collection');
    this.skip(true);
    let keyExpr;
    let valExpr = this.parseExpression(true);
    this.skip(true);
    if (isObject) {
      if (!this.startsWith('=>'))
        throw this.error(
          'Invalid "for" expression',
          'An object "for" expression needs "=>" between the key and the value.',
        );
      this.advance(2);
      this.skip(true);
      keyExpr = valExpr;
      valExpr = this.parseExpression(true);
      this.skip(true);
      if (this.startsWith('...')) throw this.unsupported('grouping ("...") in "for" expressions');
    }
    let cond;
    if (this.startsWithKeyword('if')) {
      this.advance(2);
      this.skip(true);
      cond = this.parseExpression(true);
      this.skip(true);
    }
    this.expect(isObject ? '}' : ']');
    return this.node('for', start, { isObject, keyVar, valVar, coll, keyExpr, valExpr, cond });
  }

  // --- templates ------------------------------------------------------------------------------------------

  parseQuoted() {
    const start = this.here();
    this.advance(); // "
    const parts = [];
    let text = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '\n')
        throw this.error(
          'Unterminated template string',
          'No closing marker was found for the string.',
          start,
        );
      if (c === '"') {
        this.advance();
        break;
      }
      if (c === '\\') {
        this.advance();
        const e = this.peek();
        const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[e];
        if (simple !== undefined) {
          text += simple;
          this.advance();
        } else if (e === 'u' || e === 'U') {
          const len = e === 'u' ? 4 : 8;
          const hex = this.src.slice(this.pos + 1, this.pos + 1 + len);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len)
            throw this.error('Invalid escape sequence', `The \\${e} escape needs ${len} hexadecimal digits.`);
          text += String.fromCodePoint(parseInt(hex, 16));
          this.advance(1 + len);
        } else
          throw this.error(
            'Invalid escape sequence',
            `The symbol ${JSON.stringify(e)} is not a valid escape sequence selector.`,
          );
        continue;
      }
      if (this.templateSequence(parts, text)) {
        text = '';
        continue;
      }
      if (this.startsWith('$${') || this.startsWith('%%{')) {
        text += this.peek() + '{';
        this.advance(3);
        continue;
      }
      text += c;
      this.advance();
    }
    if (text !== '' || parts.length === 0) parts.push(text);
    return this.node('tmpl', start, { parts });
  }

  /** Reads `${ expr }` into parts (after flushing `text`); refuses `%{` directives. */
  templateSequence(parts, text) {
    if (this.startsWith('%{')) throw this.unsupported('template directives ("%{ ... }")');
    if (!this.startsWith('${')) return false;
    if (text !== '') parts.push(text);
    this.advance(2);
    if (this.peek() === '~') throw this.unsupported('whitespace strip markers ("${~")');
    this.skip(true);
    parts.push(this.parseExpression(true));
    this.skip(true);
    if (this.peek() === '~') throw this.unsupported('whitespace strip markers ("~}")');
    this.expect('}', 'the closing brace of an interpolation');
    return true;
  }

  parseHeredoc() {
    const start = this.here();
    this.advance(2);
    let indent = false;
    if (this.peek() === '-') {
      indent = true;
      this.advance();
    }
    const marker = this.ident();
    if (marker === undefined)
      throw this.error('Invalid heredoc', 'A heredoc needs a marker word after "<<".');
    if (this.peek() !== '\n')
      throw this.error('Invalid heredoc', 'The heredoc marker must be followed by a newline.');
    this.advance();
    // collect raw lines up to the closing marker
    const lines = [];
    for (;;) {
      if (this.atEnd())
        throw this.error('Unclosed heredoc', `There is no closing "${marker}" for this heredoc.`, start);
      const end = this.src.indexOf('\n', this.pos);
      const lineText = this.src.slice(this.pos, end === -1 ? this.src.length : end);
      if (lineText.trim() === marker) {
        this.advance(lineText.length);
        break;
      }
      lines.push({ text: lineText, line: this.line });
      this.advance(lineText.length + 1);
    }
    if (indent) {
      const widths = lines.filter((l) => l.text.trim() !== '').map((l) => l.text.match(/^[ \t]*/)[0].length);
      const min = widths.length ? Math.min(...widths) : 0;
      for (const l of lines) l.text = l.text.slice(Math.min(min, l.text.match(/^[ \t]*/)[0].length));
    }
    // parse the body as a template from the (possibly dedented) text
    const body = lines.map((l) => l.text + '\n').join('');
    const sub = new Parser(this.file, body);
    sub.line = lines.length ? lines[0].line : start.line;
    const parts = [];
    let text = '';
    while (!sub.atEnd()) {
      if (sub.templateSequence(parts, text)) {
        text = '';
        continue;
      }
      if (sub.startsWith('$${') || sub.startsWith('%%{')) {
        text += sub.peek() + '{';
        sub.advance(3);
        continue;
      }
      text += sub.peek();
      sub.advance();
    }
    if (text !== '' || parts.length === 0) parts.push(text);
    return this.node('tmpl', start, { parts, heredoc: true });
  }
}

export function parseHCL(file, text) {
  return new Parser(file, text).parseFile();
}

/** Parses a standalone expression (for -var values of complex types). */
export function parseExpressionText(file, text) {
  const parser = new Parser(file, text);
  parser.skip(true);
  const expr = parser.parseExpression(true);
  parser.skip(true);
  if (!parser.atEnd())
    throw parser.error(
      'Extra characters after expression',
      'An expression was successfully parsed, but extra characters were found after it.',
    );
  return expr;
}
