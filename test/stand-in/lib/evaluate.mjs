// Evaluates expressions from hcl.mjs against a scope (variables, locals, terraform_data resources), carrying
// unknown values and sensitive marks through every operation the way Terraform does.

import { DiagError, errorDiag } from './diagnostics.mjs';
import { callFunction } from './functions.mjs';
import { UNSUPPORTED } from './hcl.mjs';
import { PRODUCTS } from './product.mjs';
import {
  DYNAMIC,
  ConversionError,
  bool,
  convert,
  convertToType,
  entriesOf,
  friendlyType,
  hasSensitive,
  isMapping,
  isPrimitive,
  isSequence,
  kindOf,
  num,
  numberToString,
  obj,
  prim,
  str,
  tuple,
  unifyTypes,
  unknownOf,
  valuesEqual,
  withSensitive,
} from './values.mjs';

/**
 * @typedef {object} Scope
 * @property {(name: string, node: object) => Val} variable
 * @property {(name: string, node: object) => Val} local
 * @property {(name: string, node: object) => Val} resource terraform_data.<name>
 * @property {string} [cwd]
 */

export class Evaluator {
  /** @param {Scope} scope */
  constructor(scope) {
    this.scope = scope;
  }

  /**
   * @param {object} node
   * @param {string} [context] the enclosing block header, for diagnostics
   * @param {Map<string, Val>} [symbols] for-expression variables
   */
  eval(node, context, symbols) {
    const e = (n, s = symbols) => this.eval(n, context, s);
    const fail = (summary, detail, at = node) => {
      throw new DiagError(
        errorDiag(summary, detail, {
          file: at.range.file,
          line: at.range.line,
          endLine: at.range.endLine,
          context,
        }),
      );
    };
    switch (node.t) {
      case 'lit':
        return node.value;
      case 'paren':
        return e(node.expr);
      case 'tmpl':
        return this.template(node, e, fail);
      case 'scope':
        return this.traversal(node, context, symbols, fail);
      case 'relative': {
        let value = e(node.target);
        for (const step of node.steps) value = this.applyStep(value, step, e, fail);
        return value;
      }
      case 'tuple':
        return tuple(node.items.map((item) => e(item)));
      case 'object': {
        const attrs = {};
        let sensitive = false;
        for (const item of node.items) {
          const key = e(item.key);
          if (key.unknown) return unknownOf(DYNAMIC);
          if (key.isNull)
            fail('Invalid object key', 'Key expression in object constructor must not be null.', item.key);
          let keyStr;
          try {
            keyStr = convert(key, prim('string')).v;
          } catch {
            fail('Incorrect key type', `Can't use this value as a key: string required.`, item.key);
          }
          sensitive ||= key.sensitive;
          attrs[keyStr] = e(item.value);
        }
        return withSensitive(obj(attrs), sensitive);
      }
      case 'unary': {
        const operand = e(node.operand);
        if (node.op === '!') {
          const b = this.asType(
            operand,
            'bool',
            node.operand,
            fail,
            'Invalid operand',
            'Unsuitable value for unary operand',
          );
          if (b.unknown) return withSensitive(unknownOf('bool'), b.sensitive);
          return withSensitive(bool(!b.v), b.sensitive);
        }
        const n = this.asType(
          operand,
          'number',
          node.operand,
          fail,
          'Invalid operand',
          'Unsuitable value for unary operand',
        );
        if (n.unknown) return withSensitive(unknownOf('number'), n.sensitive);
        return withSensitive(num(-n.v), n.sensitive);
      }
      case 'binary':
        return this.binary(node, e, fail);
      case 'cond':
        return this.conditional(node, e, fail);
      case 'call':
        return this.call(node, context, symbols, e, fail);
      case 'for':
        return this.forExpr(node, context, symbols, fail);
      default:
        return fail(UNSUPPORTED, `The stand-in does not implement "${node.t}" expressions.`);
    }
  }

  asType(value, type, at, fail, summary = 'Invalid operand', prefix = 'Unsuitable value for operand') {
    if (value.isNull) fail(summary, `${prefix}: a ${type} is required.`, at);
    try {
      return convert(value, prim(type));
    } catch (err) {
      if (err instanceof ConversionError) return fail(summary, `${prefix}: ${err.message}.`, at);
      throw err;
    }
  }

  template(node, e, fail) {
    if (node.parts.length === 1 && typeof node.parts[0] !== 'string' && !node.heredoc)
      return e(node.parts[0]);
    let out = '';
    let unknown = false;
    let sensitive = false;
    for (const part of node.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = e(part);
      sensitive ||= value.sensitive;
      if (value.unknown) {
        unknown = true;
        continue;
      }
      if (value.isNull) {
        fail(
          'Invalid template interpolation value',
          'The expression result is null. Cannot include a null value in a string template.',
          part,
        );
      }
      if (!isPrimitive(value.type)) {
        fail(
          'Invalid template interpolation value',
          `Cannot include the given value in a string template: string required.`,
          part,
        );
      }
      out +=
        value.type === 'string'
          ? value.v
          : value.type === 'number'
            ? numberToString(value.v)
            : String(value.v);
    }
    return withSensitive(unknown ? unknownOf('string') : str(out), sensitive);
  }

  traversal(node, context, symbols, fail) {
    const { root, steps } = node;
    const e = (n) => this.eval(n, context, symbols);
    let value;
    let rest = steps;
    const attrStep = () => {
      const step = steps[0];
      if (!step || step.attr === undefined) {
        fail(
          'Invalid reference',
          `The "${root}" object cannot be accessed directly. Instead, access one of its attributes.`,
        );
      }
      rest = steps.slice(1);
      return step.attr;
    };
    if (symbols?.has(root)) {
      value = symbols.get(root);
    } else if (root === 'var') {
      value = this.scope.variable(attrStep(), node, context);
    } else if (root === 'local') {
      value = this.scope.local(attrStep(), node, context);
    } else if (root === 'terraform_data') {
      value = this.scope.resource(attrStep(), node, context);
    } else if (root === 'path') {
      const which = attrStep();
      if (which === 'module' || which === 'root') value = str('.');
      else if (which === 'cwd') value = str(this.scope.cwd ?? process.cwd());
      else
        fail(
          'Invalid "path" attribute',
          `The "path" object does not have an attribute named "${which}". The supported attributes are path.cwd, path.module, and path.root.`,
        );
    } else if (root === 'terraform') {
      const which = attrStep();
      if (which === 'workspace') value = str('default');
      else
        fail(
          'Invalid "terraform" attribute',
          `The "terraform" object does not have an attribute named "${which}". The only supported attribute is terraform.workspace, the name of the currently-selected workspace.`,
        );
    } else if (root === 'count' || root === 'each' || root === 'self') {
      fail(
        `Reference to "${root}" in context without ${root === 'self' ? 'a provisioner' : root === 'count' ? 'count' : 'for_each'}`,
        `The "${root}" object can be used only in blocks that use ${root === 'self' ? 'provisioners' : `the "${root === 'count' ? 'count' : 'for_each'}" argument`}.`,
      );
    } else if (root === 'data') {
      const type = steps[0]?.attr;
      const name = steps[1]?.attr;
      fail(
        'Reference to undeclared resource',
        (this.scope.product ?? PRODUCTS.terraform).texts.undeclaredResource('data', type, name),
      );
    } else if (root === 'module') {
      fail(
        'Reference to undeclared module',
        `No module call named "${steps[0]?.attr}" is declared in the root module.`,
      );
    } else {
      const name = steps[0]?.attr;
      if (name === undefined)
        fail(
          'Invalid reference',
          'A reference to a resource type must be followed by at least one attribute access, specifying the resource name.',
        );
      fail(
        'Reference to undeclared resource',
        (this.scope.product ?? PRODUCTS.terraform).texts.undeclaredResource('managed', root, name),
      );
    }
    for (const step of rest) value = this.applyStep(value, step, e, fail);
    return value;
  }

  applyStep(value, step, e, fail) {
    if (step.attr !== undefined) return this.getAttr(value, step.attr, fail);
    const key = e(step.index);
    return this.index(value, key, fail, step.index);
  }

  getAttr(value, name, fail) {
    if (value.isNull)
      fail(
        'Attempt to get attribute from null value',
        'This value is null, so it does not have any attributes.',
      );
    if (value.unknown) {
      if (kindOf(value.type) === 'object' && !(name in value.type[1])) {
        fail('Unsupported attribute', `This object does not have an attribute named "${name}".`);
      }
      const type =
        kindOf(value.type) === 'object'
          ? value.type[1][name]
          : kindOf(value.type) === 'map'
            ? value.type[1]
            : DYNAMIC;
      return withSensitive(unknownOf(type), value.sensitive);
    }
    switch (kindOf(value.type)) {
      case 'object':
        if (!(name in value.v))
          fail('Unsupported attribute', `This object does not have an attribute named "${name}".`);
        return withSensitive(value.v[name], value.sensitive);
      case 'map':
        if (!(name in value.v))
          fail('Missing map element', `This map does not have an element with the key "${name}".`);
        return withSensitive(value.v[name], value.sensitive);
      default:
        return fail(
          'Unsupported attribute',
          `Can't access attributes on a ${friendlyType(value.type)}. ${isSequence(value.type) ? 'Did you mean to access an element by index?' : ''}`.trim(),
        );
    }
  }

  index(value, key, fail, at) {
    const sensitive = value.sensitive || key.sensitive;
    if (value.isNull)
      fail('Attempt to index null value', 'This value is null, so it does not have any indices.', at);
    if (key.isNull) fail('Invalid index', "Can't use a null value as an indexing key.", at);
    if (value.unknown || key.unknown) {
      const type =
        isSequence(value.type) && kindOf(value.type) !== 'tuple'
          ? value.type[1]
          : kindOf(value.type) === 'map'
            ? value.type[1]
            : DYNAMIC;
      return withSensitive(unknownOf(type), sensitive);
    }
    if (isSequence(value.type)) {
      let n;
      try {
        n = convert(key, prim('number')).v;
      } catch {
        fail(
          'Invalid index',
          'The given key does not identify an element in this collection value: a number is required.',
          at,
        );
      }
      if (!Number.isInteger(n) || n < 0 || n >= value.v.length) {
        fail(
          'Invalid index',
          'The given key does not identify an element in this collection value: the collection has no element for the given index.',
          at,
        );
      }
      return withSensitive(value.v[n], sensitive);
    }
    if (isMapping(value.type)) {
      let k;
      try {
        k = convert(key, prim('string')).v;
      } catch {
        fail(
          'Invalid index',
          'The given key does not identify an element in this collection value: string required.',
          at,
        );
      }
      if (!(k in value.v)) {
        fail(
          'Invalid index',
          kindOf(value.type) === 'map'
            ? 'The given key does not identify an element in this collection value.'
            : `The given key does not identify an element in this collection value.`,
          at,
        );
      }
      return withSensitive(value.v[k], sensitive);
    }
    return fail('Invalid index', 'This value does not have any indices.', at);
  }

  binary(node, e, fail) {
    const { op } = node;
    const left = e(node.left);
    const right = e(node.right);
    const sensitive = left.sensitive || right.sensitive;
    const mark = (v) => withSensitive(v, sensitive);
    if (op === '==' || op === '!=') {
      const eq = valuesEqual(left, right);
      if (eq === null) return mark(unknownOf('bool'));
      return mark(bool(op === '==' ? eq : !eq));
    }
    if (op === '&&' || op === '||') {
      const a = this.asType(left, 'bool', node.left, fail);
      const b = this.asType(right, 'bool', node.right, fail);
      if (a.unknown || b.unknown) return mark(unknownOf('bool'));
      return mark(bool(op === '&&' ? a.v && b.v : a.v || b.v));
    }
    const a = this.asType(left, 'number', node.left, fail);
    const b = this.asType(right, 'number', node.right, fail);
    const comparison = ['<', '<=', '>', '>='].includes(op);
    if (a.unknown || b.unknown) return mark(unknownOf(comparison ? 'bool' : 'number'));
    switch (op) {
      case '+':
        return mark(num(a.v + b.v));
      case '-':
        return mark(num(a.v - b.v));
      case '*':
        return mark(num(a.v * b.v));
      case '/':
        if (b.v === 0) fail('Operation failed', "Error during operation: can't divide by zero.");
        return mark(num(a.v / b.v));
      case '%':
        if (b.v === 0) fail('Operation failed', "Error during operation: can't use modulo by zero.");
        return mark(num(a.v % b.v));
      case '<':
        return mark(bool(a.v < b.v));
      case '<=':
        return mark(bool(a.v <= b.v));
      case '>':
        return mark(bool(a.v > b.v));
      case '>=':
        return mark(bool(a.v >= b.v));
      default:
        return fail(UNSUPPORTED, `The stand-in does not implement the "${op}" operator.`);
    }
  }

  conditional(node, e, fail) {
    const cond = e(node.cond);
    if (cond.isNull)
      fail(
        'Invalid condition result',
        'The condition value is null. Conditions must either be true or false.',
        node.cond,
      );
    const c = this.asType(
      cond,
      'bool',
      node.cond,
      fail,
      'Incorrect condition type',
      'The condition expression must be of type bool',
    );
    const yes = e(node.yes);
    const no = e(node.no);
    const type = unifyTypes([yes.type, no.type]);
    if (type === undefined) {
      fail(
        'Inconsistent conditional result types',
        `The true and false result expressions must have consistent types. The 'true' value is ${friendlyType(yes.type)}, but the 'false' value is ${friendlyType(no.type)}.`,
      );
    }
    if (c.unknown)
      return withSensitive(unknownOf(type), c.sensitive || hasSensitive(yes) || hasSensitive(no));
    const chosen = c.v ? yes : no;
    let result = chosen;
    if (type !== DYNAMIC && !chosen.unknown) {
      try {
        result = convertToType(chosen, type);
      } catch {
        result = chosen;
      }
    }
    return withSensitive(result, c.sensitive);
  }

  call(node, context, symbols, e, fail) {
    if (node.name === 'try' || node.name === 'can') {
      if (node.name === 'can' && node.args.length !== 1)
        fail('Not enough function arguments', 'Function "can" expects 1 argument(s).');
      for (const arg of node.args) {
        try {
          const value = e(arg);
          if (node.name === 'can') return bool(true);
          return value;
        } catch (err) {
          if (!(err instanceof DiagError)) throw err;
        }
      }
      if (node.name === 'can') return bool(false);
      return fail('Error in function call', 'Call to function "try" failed: no expression succeeded.');
    }
    const args = node.args.map((arg) => e(arg));
    return callFunction(node.name, args, (summary, detail) => fail(summary, detail));
  }

  forExpr(node, context, symbols, fail) {
    const coll = this.eval(node.coll, context, symbols);
    if (coll.isNull)
      fail(
        'Iteration over null value',
        "A null value cannot be used as the collection in a 'for' expression.",
        node.coll,
      );
    if (coll.unknown) return withSensitive(unknownOf(DYNAMIC), coll.sensitive);
    if (isPrimitive(coll.type)) {
      fail(
        'Iteration over non-iterable value',
        `A value of type ${friendlyType(coll.type)} cannot be used as the collection in a 'for' expression.`,
        node.coll,
      );
    }
    const results = [];
    const keys = [];
    let unknown = false;
    for (const [key, value] of entriesOf(coll)) {
      const inner = new Map(symbols ?? []);
      if (node.keyVar) inner.set(node.keyVar, typeof key === 'number' ? num(key) : str(key));
      inner.set(node.valVar, withSensitive(value, coll.sensitive));
      if (node.cond) {
        const c = this.asType(
          this.eval(node.cond, context, inner),
          'bool',
          node.cond,
          fail,
          "Invalid 'for' condition",
          "The 'if' clause value is invalid",
        );
        if (c.unknown) unknown = true;
        else if (!c.v) continue;
      }
      if (node.isObject) {
        const k = this.eval(node.keyExpr, context, inner);
        if (k.unknown) {
          unknown = true;
          continue;
        }
        let keyText;
        try {
          keyText = convert(k, prim('string')).v;
        } catch {
          fail('Invalid object key', "Key expression in 'for' expression must be a string.", node.keyExpr);
        }
        if (keys.includes(keyText)) {
          fail(
            'Duplicate object key',
            `Two different items produced the key "${keyText}" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
            node.keyExpr,
          );
        }
        keys.push(keyText);
      }
      results.push(this.eval(node.valExpr, context, inner));
    }
    if (unknown) return withSensitive(unknownOf(DYNAMIC), coll.sensitive);
    if (node.isObject) {
      const attrs = {};
      keys.forEach((k, i) => (attrs[k] = results[i]));
      return withSensitive(obj(attrs), coll.sensitive);
    }
    return withSensitive(tuple(results), coll.sensitive);
  }
}

/** References of an expression as Terraform lists them in plan JSON ("var.x.y", "var.x"), in order. */
export function references(node, out = [], bound = new Set()) {
  const add = (ref) => {
    if (!out.includes(ref)) out.push(ref);
  };
  switch (node?.t) {
    case 'scope': {
      if (bound.has(node.root)) {
        for (const step of node.steps) if (step.index) references(step.index, out, bound);
        return out;
      }
      const parts = [node.root];
      const staticSteps = [];
      for (const step of node.steps) {
        if (step.attr !== undefined) staticSteps.push(`.${step.attr}`);
        else if (step.index.t === 'lit' && step.index.value.type === 'string')
          staticSteps.push(`[${JSON.stringify(step.index.value.v)}]`);
        else if (step.index.t === 'lit' && step.index.value.type === 'number')
          staticSteps.push(`[${step.index.value.v}]`);
        else break;
      }
      // Terraform lists the reference with its remaining traversal, and for resources also the resource itself.
      const isResource = !['var', 'local', 'path', 'terraform', 'count', 'each', 'self'].includes(node.root);
      const minimum = isResource && node.root === 'data' ? 2 : 1;
      const full = parts[0] + staticSteps.join('');
      if (staticSteps.length >= minimum) {
        add(full);
        if (isResource) add(parts[0] + staticSteps.slice(0, minimum).join(''));
      }
      for (const step of node.steps)
        if (step.index && step.index.t !== 'lit') references(step.index, out, bound);
      return out;
    }
    case 'for': {
      references(node.coll, out, bound);
      const inner = new Set(bound);
      if (node.keyVar) inner.add(node.keyVar);
      inner.add(node.valVar);
      if (node.keyExpr) references(node.keyExpr, out, inner);
      references(node.valExpr, out, inner);
      if (node.cond) references(node.cond, out, inner);
      return out;
    }
    case 'tmpl':
      for (const part of node.parts) if (typeof part !== 'string') references(part, out, bound);
      return out;
    case 'relative':
      references(node.target, out, bound);
      for (const step of node.steps) if (step.index) references(step.index, out, bound);
      return out;
    case 'tuple':
      for (const item of node.items) references(item, out, bound);
      return out;
    case 'object':
      for (const item of node.items) {
        references(item.key, out, bound);
        references(item.value, out, bound);
      }
      return out;
    case 'unary':
      return references(node.operand, out, bound);
    case 'binary':
      references(node.left, out, bound);
      return references(node.right, out, bound);
    case 'cond':
      references(node.cond, out, bound);
      references(node.yes, out, bound);
      return references(node.no, out, bound);
    case 'call':
      for (const arg of node.args) references(arg, out, bound);
      return out;
    case 'paren':
      return references(node.expr, out, bound);
    default:
      return out;
  }
}

/** A constant expression's value (no references, no functions), or undefined. */
export function constantValue(node, evaluator) {
  if (references(node).length > 0 || containsCall(node)) return undefined;
  try {
    return evaluator.eval(node);
  } catch {
    return undefined;
  }
}

function containsCall(node) {
  if (!node || typeof node !== 'object') return false;
  if (node.t === 'call') return true;
  return Object.values(node).some((child) =>
    Array.isArray(child)
      ? child.some((c) => containsCall(c) || containsCall(c?.key) || containsCall(c?.value))
      : child?.t
        ? containsCall(child)
        : false,
  );
}
