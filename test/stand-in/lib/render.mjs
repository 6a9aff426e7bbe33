// Human-readable output, following Terraform's renderers: the plan diff (from the plan JSON, as Terraform's
// jsonformat package does), and output values the way `terraform output` and apply print them.

import { numberToString } from './values.mjs';

const SYMBOLS = { create: '  +', delete: '  -', update: '  ~', 'no-op': '   ', replace: '-/+' };
const indentOf = (n) => '    '.repeat(n);
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

// --- Go-style formatting ---------------------------------------------------------------------------------

/** Go's %q for strings. */
export function goQuote(text) {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\x07') out += '\\a';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (char === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += char;
  }
  return out + '"';
}

/** Go's %g for float64 (shortest digits; an exponent from 1e6 up or below 1e-4). */
export function goG(n) {
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[-+]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

function jsonType(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function deepEqual(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function attributeName(key) {
  return IDENTIFIER.test(key) ? key : goQuote(key);
}

// --- The differ: JSON before/after into a tree of diffs ---------------------------------------------------

/**
 * A change of one value: before/after JSON, explicit-ness (the key existed), and the unknown/sensitive
 * structures of the plan JSON at this position.
 */
function change(
  before,
  after,
  {
    beforeExplicit = before !== undefined && before !== null,
    afterExplicit = after !== undefined && after !== null,
    unknown = false,
    beforeSensitive = false,
    afterSensitive = false,
    replace = false,
  } = {},
) {
  return { before, after, beforeExplicit, afterExplicit, unknown, beforeSensitive, afterSensitive, replace };
}

const missingBefore = (c) => (c.before === null || c.before === undefined) && !c.beforeExplicit;
const missingAfter = (c) => (c.after === null || c.after === undefined) && !c.afterExplicit;

function childChange(c, beforeKey, afterKey) {
  const pick = (container, key) =>
    container && typeof container === 'object' && key !== undefined && key in container
      ? [container[key], true]
      : [undefined, false];
  const [before, beforeExplicit] = pick(c.before, beforeKey);
  const [after, afterExplicit] = pick(c.after, afterKey);
  const sub = (structure, key) =>
    structure && typeof structure === 'object' ? (structure[key] ?? false) : structure === true;
  return {
    before,
    after,
    beforeExplicit,
    afterExplicit,
    unknown: sub(c.unknown, afterKey),
    beforeSensitive: sub(c.beforeSensitive, beforeKey),
    afterSensitive: sub(c.afterSensitive, afterKey),
    replace: false,
  };
}

/** jsondiff.Transform: a diff for a dynamic (JSON) value. */
export function diffValue(c) {
  if (c.beforeSensitive === true || c.afterSensitive === true) {
    // The action is the one of the value itself; a change of sensitivity alone is an update.
    const inner = diffValue({ ...c, beforeSensitive: false, afterSensitive: false });
    let action = inner.action;
    const nullNoOp = missingBefore(c) && missingAfter(c);
    if (action === 'no-op' && (c.beforeSensitive === true) !== (c.afterSensitive === true) && !nullNoOp)
      action = 'update';
    return { kind: 'sensitive', action, replace: c.replace };
  }
  if (c.unknown === true) {
    if (c.before === null || c.before === undefined)
      return { kind: 'unknown', action: 'create', replace: c.replace };
    const before = diffValue({
      ...c,
      after: undefined,
      afterExplicit: false,
      unknown: false,
      afterSensitive: false,
      replace: false,
    });
    return { kind: 'unknown', action: 'update', before, replace: c.replace };
  }
  const beforeType = jsonType(c.before);
  const afterType = jsonType(c.after);
  const deleted = afterType === 'null' && !c.afterExplicit;
  const created = beforeType === 'null' && !c.beforeExplicit;
  if (beforeType === afterType || created || deleted) {
    return diffTyped(c, beforeType === 'null' ? afterType : beforeType);
  }
  const before = diffTyped(
    { ...c, after: undefined, afterExplicit: false, unknown: false, replace: false },
    beforeType,
  );
  const after = diffTyped({ ...c, before: undefined, beforeExplicit: false, replace: false }, afterType);
  return { kind: 'typeChange', action: 'update', before, after, replace: c.replace };
}

function primitiveAction(c) {
  if (missingBefore(c) && !missingAfter(c)) return 'create';
  if (!missingBefore(c) && missingAfter(c)) return 'delete';
  if (deepEqual(c.before, c.after)) return 'no-op';
  return 'update';
}

function collectionAction(c, children) {
  if (missingBefore(c) && !missingAfter(c)) return 'create';
  if (!missingBefore(c) && missingAfter(c)) return 'delete';
  return children.every((d) => d.action === 'no-op') ? 'no-op' : 'update';
}

function diffTyped(c, type) {
  switch (type) {
    case 'object': {
      const unknownKeys =
        c.unknown && typeof c.unknown === 'object' && !Array.isArray(c.unknown) ? Object.keys(c.unknown) : [];
      const keys = new Set([...Object.keys(c.before ?? {}), ...Object.keys(c.after ?? {}), ...unknownKeys]);
      const attributes = new Map();
      for (const key of [...keys].sort()) attributes.set(key, diffValue(childChange(c, key, key)));
      return {
        kind: 'object',
        action: collectionAction(c, [...attributes.values()]),
        attributes,
        replace: c.replace,
      };
    }
    case 'array': {
      const before = Array.isArray(c.before) ? c.before : [];
      const after = Array.isArray(c.after) ? c.after : [];
      const elements = [];
      processSlice(
        before,
        after,
        (bi, ai) =>
          elements.push(
            diffValue(
              childChange(c, bi < before.length ? bi : undefined, ai < after.length ? ai : undefined),
            ),
          ),
        (v) => jsonType(v) === 'object',
      );
      return { kind: 'list', action: collectionAction(c, elements), elements, replace: c.replace };
    }
    default:
      return {
        kind: 'primitive',
        type,
        action: primitiveAction(c),
        before: c.before,
        after: c.after,
        replace: c.replace,
      };
  }
}

function lcs(a, b) {
  const dp = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i][j] = deepEqual(a[i], b[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (deepEqual(a[i], b[j])) {
      out.push(a[i]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** collections.ProcessSlice: walks two lists aligned on their longest common subsequence. */
export function processSlice(before, after, process, isObj) {
  const common = lcs(before, after);
  let bi = 0;
  let ai = 0;
  let li = 0;
  while (bi < before.length || ai < after.length || li < common.length) {
    while (bi < before.length && (li >= common.length || !deepEqual(before[bi], common[li]))) {
      const objectDiff =
        isObj(before[bi]) &&
        ai < after.length &&
        isObj(after[ai]) &&
        (li >= common.length || !deepEqual(after[ai], common[li]));
      if (objectDiff) {
        process(bi, ai);
        bi++;
        ai++;
        continue;
      }
      process(bi, after.length);
      bi++;
    }
    while (ai < after.length && (li >= common.length || !deepEqual(after[ai], common[li]))) {
      process(before.length, ai);
      ai++;
    }
    if (li < common.length) {
      process(bi, ai);
      bi++;
      ai++;
      li++;
    }
  }
}

// --- Rendering diffs ----------------------------------------------------------------------------------------

const nullSuffix = (action, opts) => (!opts.overrideNullSuffix && action === 'delete' ? ' -> null' : '');
const forcesReplacement = (replace, opts) =>
  replace || opts.overrideForcesReplacement ? ' # forces replacement' : '';
const unchanged = (keyword, count) => `# (${count} unchanged ${keyword}${count === 1 ? '' : 's'} hidden)`;
const important = (key) => key === 'id' || key === 'name' || key === 'tags';

function renderPrimitiveValue(value, type) {
  if (value === null || value === undefined) return 'null';
  if (type === 'boolean') return value ? 'true' : 'false';
  if (type === 'number') return goG(value);
  return goQuote(String(value));
}

/** As Terraform's renderer reads a string: JSON when it starts with { or [, else multi-line (trimmed) or not. */
function evaluateString(value) {
  if (typeof value !== 'string') return { string: value, json: undefined, multiline: false };
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      return { string: value, json: JSON.parse(value), multiline: false };
    } catch {
      /* not JSON */
    }
  }
  if (value.includes('\n')) return { string: value.trim(), json: undefined, multiline: true };
  return { string: value, json: undefined, multiline: false };
}

function renderString(diff, indent, opts) {
  const lines = [];
  const noop = SYMBOLS['no-op'];
  if (diff.action === 'create' || diff.action === 'no-op') {
    const s = evaluateString(diff.after);
    if (s.json !== undefined) return renderJSONString(diff, indent, opts, undefined, s.json);
    if (!s.multiline) return `${goQuote(s.string)}${forcesReplacement(diff.replace, opts)}`;
    for (const line of s.string.split('\n')) lines.push(`${indentOf(indent + 1)}${noop} ${line}`);
  } else if (diff.action === 'delete') {
    const s = evaluateString(diff.before);
    if (s.json !== undefined) return renderJSONString(diff, indent, opts, s.json, undefined);
    if (!s.multiline)
      return `${goQuote(s.string)}${nullSuffix(diff.action, opts)}${forcesReplacement(diff.replace, opts)}`;
    for (const line of s.string.split('\n')) lines.push(`${indentOf(indent + 1)}${noop} ${line}`);
  } else {
    const b = evaluateString(diff.before);
    const a = evaluateString(diff.after);
    if (b.json !== undefined && a.json !== undefined)
      return renderJSONString(diff, indent, opts, b.json, a.json);
    if (b.json !== undefined || a.json !== undefined) {
      const before = renderDiff(
        { kind: 'primitive', type: 'string', action: 'delete', before: diff.before },
        indent,
        { ...opts, overrideNullSuffix: true },
      );
      const after = renderDiff(
        { kind: 'primitive', type: 'string', action: 'create', after: diff.after },
        indent,
        opts,
      );
      return `${before} -> ${after}${forcesReplacement(diff.replace, opts)}`;
    }
    if (!b.multiline && !a.multiline)
      return `${goQuote(b.string)} -> ${goQuote(a.string)}${forcesReplacement(diff.replace, opts)}`;
    const beforeLines = b.string.split('\n');
    const afterLines = a.string.split('\n');
    processSlice(
      beforeLines,
      afterLines,
      (bi, ai) => {
        if (bi >= beforeLines.length)
          lines.push(`${indentOf(indent + 1)}${SYMBOLS.create} ${afterLines[ai]}`);
        else if (ai >= afterLines.length)
          lines.push(`${indentOf(indent + 1)}${SYMBOLS.delete} ${beforeLines[bi]}`);
        else lines.push(`${indentOf(indent + 1)}${noop} ${beforeLines[bi]}`);
      },
      () => false,
    );
  }
  return `<<-EOT${forcesReplacement(diff.replace, opts)}\n${lines.join('\n')}\n${indentOf(indent)}${noop} EOT${nullSuffix(diff.action, opts)}`;
}

function renderJSONString(diff, indent, opts, before, after) {
  const inner = diffValue(
    change(before, after, { beforeExplicit: before !== undefined, afterExplicit: after !== undefined }),
  );
  let action = diff.action;
  let whitespace = '';
  let replace = '';
  // The JSON's own closing brace never says "-> null"; the closing parenthesis does, for a deletion.
  const innerOpts = { ...opts, overrideNullSuffix: true };
  if (inner.action === 'no-op' && diff.action === 'update') {
    whitespace = diff.replace ? ' # whitespace changes force replacement' : ' # whitespace changes';
    innerOpts.showUnchanged = true;
    action = 'no-op';
  } else replace = forcesReplacement(diff.replace, opts);
  const rendered = renderDiff(inner, indent + 1, innerOpts);
  if (diff.action === 'create' || diff.action === 'delete') action = 'no-op';
  if (rendered.includes('\n')) {
    return `jsonencode(${whitespace}\n${indentOf(indent + 1)}${SYMBOLS[action]} ${rendered}${replace}\n${indentOf(indent + 1)})${nullSuffix(diff.action, opts)}`;
  }
  return `jsonencode(${rendered})${whitespace}${replace}${nullSuffix(diff.action, opts)}`;
}

function renderObject(diff, indent, opts) {
  const keys = [...diff.attributes.keys()];
  if (keys.length === 0) return `{}${nullSuffix(diff.action, opts)}${forcesReplacement(diff.replace, opts)}`;
  const width = Math.max(...keys.map((k) => attributeName(k).length));
  const childOpts = { ...opts, overrideNullSuffix: true };
  let out = `{${forcesReplacement(diff.replace, opts)}\n`;
  let hidden = 0;
  for (const key of keys.sort()) {
    const attr = diff.attributes.get(key);
    if (!important(key) && attr.action === 'no-op' && !opts.showUnchanged) {
      hidden++;
      continue;
    }
    const childRenderOpts = important(key) ? { ...childOpts, showUnchanged: true } : childOpts;
    out += `${indentOf(indent + 1)}${SYMBOLS[attr.action]} ${attributeName(key).padEnd(width)} = ${renderDiff(attr, indent + 1, childRenderOpts)}\n`;
  }
  if (hidden > 0) out += `${indentOf(indent + 1)}${SYMBOLS['no-op']} ${unchanged('attribute', hidden)}\n`;
  return out + `${indentOf(indent)}${SYMBOLS['no-op']} }${nullSuffix(diff.action, opts)}`;
}

function renderList(diff, indent, opts) {
  if (diff.elements.length === 0)
    return `[]${nullSuffix(diff.action, opts)}${forcesReplacement(diff.replace, opts)}`;
  const elementOpts = { ...opts, overrideNullSuffix: true };
  const unchangedOpts = { ...opts, showUnchanged: true };
  let out = `[${forcesReplacement(diff.replace, opts)}\n`;
  let pending = [];
  let renderNext = false;
  for (const element of diff.elements) {
    if (element.action === 'no-op' && !renderNext && !opts.showUnchanged) {
      pending.push(element);
      continue;
    }
    renderNext = false;
    let elementRenderOpts = elementOpts;
    if (pending.length > 1)
      out += `${indentOf(indent + 1)}${SYMBOLS['no-op']} ${unchanged('element', pending.length - 1)}\n`;
    if (pending.length > 0) {
      const last = pending[pending.length - 1];
      out += `${indentOf(indent + 1)}${SYMBOLS[last.action]} ${renderDiff(last, indent + 1, unchangedOpts)},\n`;
    }
    pending = [];
    if (element.action === 'no-op') elementRenderOpts = unchangedOpts;
    else renderNext = true;
    out += `${indentOf(indent + 1)}${SYMBOLS[element.action]} ${renderDiff(element, indent + 1, elementRenderOpts)},\n`;
  }
  if (pending.length > 0)
    out += `${indentOf(indent + 1)}${SYMBOLS['no-op']} ${unchanged('element', pending.length)}\n`;
  return out + `${indentOf(indent)}${SYMBOLS['no-op']} ]${nullSuffix(diff.action, opts)}`;
}

export function renderDiff(diff, indent, opts = {}) {
  switch (diff.kind) {
    case 'sensitive':
      return `(sensitive value)${nullSuffix(diff.action, opts)}${forcesReplacement(diff.replace, opts)}`;
    case 'unknown':
      if (diff.action === 'create') return `(known after apply)${forcesReplacement(diff.replace, opts)}`;
      return `${renderDiff(diff.before, indent, { ...opts, overrideNullSuffix: true })} -> (known after apply)${forcesReplacement(diff.replace, opts)}`;
    case 'typeChange':
      return `${renderDiff(diff.before, indent, { ...opts, overrideNullSuffix: true })} -> ${renderDiff(diff.after, indent, opts)}${forcesReplacement(diff.replace, opts)}`;
    case 'object':
      return renderObject(diff, indent, opts);
    case 'list':
      return renderList(diff, indent, opts);
    case 'primitive':
      if (diff.type === 'string') return renderString(diff, indent, opts);
      if (diff.action === 'create')
        return `${renderPrimitiveValue(diff.after, diff.type)}${forcesReplacement(diff.replace, opts)}`;
      if (diff.action === 'delete')
        return `${renderPrimitiveValue(diff.before, diff.type)}${nullSuffix(diff.action, opts)}${forcesReplacement(diff.replace, opts)}`;
      if (diff.action === 'no-op')
        return `${renderPrimitiveValue(diff.before, diff.type)}${forcesReplacement(diff.replace, opts)}`;
      return `${renderPrimitiveValue(diff.before, diff.type)} -> ${renderPrimitiveValue(diff.after, diff.type)}${forcesReplacement(diff.replace, opts)}`;
    default:
      throw new Error(`cannot render ${diff.kind}`);
  }
}

// --- Resources and the whole plan ---------------------------------------------------------------------------

const ACTION_OF = (actions) => (actions.length === 2 ? 'replace' : actions[0]);

function resourceBlock(rc, action, product) {
  const c = rc.change;
  // OpenTofu 1.12 prints no `# forces replacement` on terraform_data's triggers_replace (product.mjs).
  const replacePaths = product.marksForcedReplacement ? (c.replace_paths ?? []).map((p) => p[0]) : [];
  const keys = new Set([
    ...Object.keys(c.before ?? {}),
    ...Object.keys(c.after ?? {}),
    ...Object.keys(c.after_unknown ?? {}),
  ]);
  const attributes = new Map();
  for (const key of [...keys].sort()) {
    const child = childChange(
      {
        before: c.before,
        after: c.after,
        unknown: c.after_unknown,
        beforeSensitive: c.before_sensitive,
        afterSensitive: c.after_sensitive,
      },
      key,
      key,
    );
    child.replace = replacePaths.includes(key);
    if (
      (child.before === null || child.before === undefined) &&
      (child.after === null || child.after === undefined) &&
      child.unknown !== true
    )
      continue;
    attributes.set(key, diffValue(child));
  }
  const width = Math.max(0, ...[...attributes.keys()].map((k) => attributeName(k).length));
  let out = '{\n';
  let hidden = 0;
  for (const [key, attr] of attributes) {
    if (important(key)) {
      out += `${indentOf(1)}${SYMBOLS[attr.action]} ${key.padEnd(width)} = ${renderDiff(attr, 1, { showUnchanged: true })}\n`;
      continue;
    }
    if (attr.action === 'no-op') {
      hidden++;
      continue;
    }
    out += `${indentOf(1)}${SYMBOLS[attr.action]} ${attributeName(key).padEnd(width)} = ${renderDiff(attr, 1, {})}\n`;
  }
  if (hidden > 0) out += `${indentOf(1)}${SYMBOLS['no-op']} ${unchanged('attribute', hidden)}\n`;
  void action;
  return out + `${SYMBOLS['no-op']} }`;
}

function resourceComment(rc, action) {
  let out = '';
  switch (action) {
    case 'create':
      out = `  # ${rc.address} will be created`;
      break;
    case 'update':
      out = `  # ${rc.address} will be updated in-place`;
      break;
    case 'replace':
      out = `  # ${rc.address} must be replaced`;
      break;
    case 'delete':
      out = `  # ${rc.address} will be destroyed`;
      if (rc.action_reason === 'delete_because_no_resource_config')
        out += `\n  # (because ${rc.type}.${rc.name} is not in configuration)`;
      break;
    default:
      out = `${rc.address} has an action the plan renderer doesn't support (this is a bug)`;
  }
  return out + '\n';
}

export function renderResourceChange(rc, product) {
  const action = ACTION_OF(rc.change.actions);
  return `${resourceComment(rc, action)}${SYMBOLS[action]} resource "${rc.type}" "${rc.name}" ${resourceBlock(rc, action, product)}`;
}

function renderOutputChanges(outputChanges) {
  const names = Object.keys(outputChanges ?? {}).sort();
  const width = Math.max(0, ...names.map((n) => attributeName(n).length));
  const lines = [];
  for (const name of names) {
    const oc = outputChanges[name];
    const diff = diffValue(
      change(oc.before, oc.after, {
        beforeExplicit: oc.before !== null && oc.before !== undefined,
        afterExplicit: 'after' in oc && oc.after !== null,
        unknown: oc.after_unknown,
        beforeSensitive: oc.before_sensitive,
        afterSensitive: oc.after_sensitive,
      }),
    );
    // As Terraform does, the symbol and whether to show the output at all come from the computed diff.
    if (diff.action === 'no-op') continue;
    lines.push(`${SYMBOLS[diff.action]} ${attributeName(name).padEnd(width)} = ${renderDiff(diff, 0, {})}`);
  }
  return lines.join('\n');
}

/**
 * The plan as `terraform plan` prints it after the refresh lines (the renderer of jsonformat/plan.go), in
 * the words of `product` (product.mjs).
 */
export function renderPlan(doc, mode, product) {
  const { texts } = product;
  const changes = (doc.resource_changes ?? []).filter((rc) => ACTION_OF(rc.change.actions) !== 'no-op');
  const counts = { create: 0, update: 0, delete: 0, replace: 0 };
  for (const rc of changes) counts[ACTION_OF(rc.change.actions)]++;
  const outputs = renderOutputChanges(doc.output_changes);
  let out = '';
  if (changes.length === 0 && outputs === '') {
    return mode === 'destroy' ? texts.noChangesDestroy : texts.noChanges;
  }
  if (changes.length > 0) {
    out += texts.planIntro;
    if (counts.create) out += '  + create\n';
    if (counts.update) out += texts.legendUpdate;
    if (counts.delete) out += '  - destroy\n';
    if (counts.replace) out += '-/+ destroy and then create replacement\n';
    out += texts.planActions;
    for (const rc of changes) out += `\n${renderResourceChange(rc, product)}\n`;
    out += `\nPlan: ${counts.create + counts.replace} to add, ${counts.update} to change, ${counts.delete + counts.replace} to destroy.\n`;
  }
  if (outputs !== '') {
    out += `\nChanges to Outputs:\n${outputs}\n`;
    if (changes.length === 0) out += texts.outputsOnly;
  }
  return out;
}

// --- Output values (repl.FormatValue) ------------------------------------------------------------------------

/** Formats a typed value as `terraform output` / `terraform console` do. */
export function formatValue(val, indent = 0) {
  if (val.unknown) return '(known after apply)';
  if (val.sensitive) return '(sensitive value)';
  const kind = Array.isArray(val.type) ? val.type[0] : val.type;
  if (val.v === null) {
    switch (kind) {
      case 'dynamic':
        return 'null';
      case 'string':
        return 'tostring(null)';
      case 'number':
        return 'tonumber(null)';
      case 'bool':
        return 'tobool(null)';
      default:
        return `null /* ${kind} */`;
    }
  }
  switch (kind) {
    case 'string': {
      const lines = val.v.split('\n');
      if (lines.length < 2) return goQuote(val.v);
      let delimiter = 'EOT';
      while (lines.some((l) => l.startsWith(delimiter))) delimiter += '_';
      return `${indent > 0 ? '<<-' : '<<'}${delimiter}${lines.map((l) => `\n${' '.repeat(indent)}${l}`).join('')}\n${' '.repeat(indent)}${delimiter}`;
    }
    case 'number':
      return numberToString(val.v);
    case 'bool':
      return val.v ? 'true' : 'false';
    case 'object':
      return formatMapping(val, indent);
    case 'tuple':
      return formatSequence(val, indent);
    case 'list':
      return `tolist(${formatSequence(val, indent)})`;
    case 'set':
      return `toset(${formatSequence(val, indent)})`;
    case 'map':
      return `tomap(${formatMapping(val, indent)})`;
    default:
      return '(unknown type)';
  }
}

function formatMapping(val, indent) {
  const keys = Object.keys(val.v).sort();
  let out = '{';
  for (const key of keys)
    out += `\n${' '.repeat(indent + 2)}${goQuote(key)} = ${formatValue(val.v[key], indent + 2)}`;
  if (keys.length) out += `\n${' '.repeat(indent)}`;
  return out + '}';
}

function formatSequence(val, indent) {
  let out = '[';
  for (const item of val.v) out += `\n${' '.repeat(indent + 2)}${formatValue(item, indent + 2)},`;
  if (val.v.length) out += `\n${' '.repeat(indent)}`;
  return out + ']';
}

/** `name = value` lines for every output, sensitive ones as <sensitive>, as apply and `terraform output` print them. */
export function formatOutputs(outputs) {
  const lines = [];
  for (const name of [...outputs.keys()].sort()) {
    const { value, sensitive } = outputs.get(name);
    lines.push(sensitive ? `${name} = <sensitive>` : `${name} = ${formatValue(value, 0)}`);
  }
  return lines.join('\n');
}
