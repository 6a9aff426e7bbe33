// Loads a root module: every `*.tf` file of a directory (or of a plan's configuration snapshot), checked
// against the subset of Terraform the stand-in implements. Blocks and arguments outside the subset fail
// with a diagnostic at their file and line; ordinary configuration mistakes fail with Terraform's own
// messages (duplicate declarations, unsupported arguments, missing values).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diag, DiagError, errorDiag } from './diagnostics.mjs';
import { Evaluator } from './evaluate.mjs';
import { UNSUPPORTED, parseHCL } from './hcl.mjs';
import { ANY, ConversionError, constraintString, convert, prim } from './values.mjs';

const unsupported = (what, range, context) =>
  new Diag(
    'error',
    UNSUPPORTED,
    `The stand-in does not implement ${what}. Use real Terraform for this configuration, or extend test/stand-in.`,
    { file: range.file, line: range.line, context },
  );

const unsupportedArgument = (name, range, context) =>
  errorDiag('Unsupported argument', `An argument named "${name}" is not expected here.`, {
    file: range.file,
    line: range.line,
    context,
  });

const unsupportedBlock = (type, range, context) =>
  errorDiag('Unsupported block type', `Blocks of type "${type}" are not expected here.`, {
    file: range.file,
    line: range.line,
    context,
  });

/** Reads the configuration files of `dir`: `{ "main.tf": "..." }`. */
export function readConfigFiles(dir) {
  const files = {};
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new DiagError(
      errorDiag(
        'Failed to read module directory',
        `Module directory ${dir} does not exist or cannot be read.`,
      ),
    );
  }
  for (const name of names) {
    if (name.endsWith('.tf.json')) {
      throw new DiagError(unsupported(`JSON configuration syntax ("${name}")`, { file: name, line: 1 }));
    }
    if (name.endsWith('.tf')) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** A constant evaluator for things that may not refer to anything (defaults, backend arguments). */
const constantEvaluator = new Evaluator({
  variable: (name, node) => {
    throw new DiagError(
      errorDiag('Variables not allowed', 'Variables may not be used here.', {
        file: node.range.file,
        line: node.range.line,
      }),
    );
  },
  local: (name, node) => {
    throw new DiagError(
      errorDiag('Variables not allowed', 'Variables may not be used here.', {
        file: node.range.file,
        line: node.range.line,
      }),
    );
  },
  resource: (name, node) => {
    throw new DiagError(
      errorDiag('Variables not allowed', 'Variables may not be used here.', {
        file: node.range.file,
        line: node.range.line,
      }),
    );
  },
});

export function evaluateConstant(expr, context) {
  return constantEvaluator.eval(expr, context);
}

/** Parses a `type = ...` expression into a constraint (values.mjs). */
export function parseTypeConstraint(expr, context) {
  const bad = (detail) =>
    new DiagError(
      errorDiag('Invalid type specification', detail, {
        file: expr.range.file,
        line: expr.range.line,
        context,
      }),
    );
  const keyword = (node) => (node.t === 'scope' && node.steps.length === 0 ? node.root : undefined);
  const word = keyword(expr);
  if (word) {
    if (word === 'string' || word === 'number' || word === 'bool') return prim(word);
    if (word === 'any') return ANY;
    if (['list', 'map', 'set', 'object', 'tuple'].includes(word))
      throw bad(`The ${word} type constructor requires one argument specifying the element type.`);
    throw bad(`The keyword "${word}" is not a valid type specification.`);
  }
  if (expr.t === 'tmpl' && expr.parts.length === 1 && typeof expr.parts[0] === 'string') {
    const legacy = { string: prim('string'), list: { k: 'list', elem: ANY }, map: { k: 'map', elem: ANY } }[
      expr.parts[0]
    ];
    if (legacy) return legacy;
  }
  if (expr.t !== 'call')
    throw bad(
      'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).',
    );
  const [arg] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      if (expr.args.length !== 1)
        throw bad(`The ${expr.name} type constructor requires one argument specifying the element type.`);
      return { k: expr.name, elem: parseTypeConstraint(arg, context) };
    case 'tuple':
      if (expr.args.length !== 1 || arg.t !== 'tuple')
        throw bad('The tuple type constructor requires one argument specifying the element types as a list.');
      return { k: 'tuple', elems: arg.items.map((item) => parseTypeConstraint(item, context)) };
    case 'object': {
      if (expr.args.length !== 1 || arg.t !== 'object')
        throw bad(
          'The object type constructor requires one argument specifying the attribute types as a map.',
        );
      const attrs = {};
      for (const item of arg.items) {
        if (item.key.t !== 'lit') throw bad('Object constructor map keys must be attribute names.');
        const name = item.key.value.v;
        if (item.value.t === 'call' && item.value.name === 'optional') {
          const [inner, def] = item.value.args;
          const c = parseTypeConstraint(inner, context);
          let defVal;
          if (def) {
            try {
              defVal = convert(evaluateConstant(def, context), c);
            } catch (err) {
              if (err instanceof ConversionError)
                throw bad(`Invalid default value for optional attribute: ${err.message}.`);
              throw err;
            }
          }
          attrs[name] = { c, optional: true, def: defVal };
        } else attrs[name] = { c: parseTypeConstraint(item.value, context), optional: false };
      }
      return { k: 'object', attrs };
    }
    case 'optional':
      throw bad('Keyword "optional" is valid only as a modifier for object type attributes.');
    default:
      throw bad(`Keyword "${expr.name}" is not a valid type constructor.`);
  }
}

function expectNoBlocks(body, context, diags, allowed = []) {
  for (const block of body.blocks)
    if (!allowed.includes(block.type)) diags.push(unsupportedBlock(block.type, block.range, context));
}

function checkArguments(body, context, allowed, diags, unsupportedNames = {}) {
  for (const [name, attr] of body.attributes) {
    if (unsupportedNames[name]) diags.push(unsupported(unsupportedNames[name], attr.range, context));
    else if (!allowed.includes(name)) diags.push(unsupportedArgument(name, attr.range, context));
  }
}

function constantBool(attr, context, diags) {
  if (!attr) return false;
  try {
    const v = convert(evaluateConstant(attr.expr, context), prim('bool'));
    return v.v === true;
  } catch (err) {
    if (err instanceof DiagError) diags.push(...err.diags);
    else
      diags.push(
        errorDiag('Invalid value', 'A bool value is required here.', {
          file: attr.range.file,
          line: attr.range.line,
          context,
        }),
      );
    return false;
  }
}

function constantString(attr, context, diags) {
  if (!attr) return '';
  try {
    return convert(evaluateConstant(attr.expr, context), prim('string')).v ?? '';
  } catch (err) {
    if (err instanceof DiagError) diags.push(...err.diags);
    else
      diags.push(
        errorDiag('Invalid value', 'A string value is required here.', {
          file: attr.range.file,
          line: attr.range.line,
          context,
        }),
      );
    return '';
  }
}

/** depends_on = [terraform_data.x, ...] → ['x', ...] */
function dependsOn(attr, context, diags) {
  if (!attr) return [];
  const expr = attr.expr;
  if (expr.t !== 'tuple') {
    diags.push(
      errorDiag('Invalid depends_on reference', 'The depends_on argument must be a list of references.', {
        file: attr.range.file,
        line: attr.range.line,
        context,
      }),
    );
    return [];
  }
  const names = [];
  for (const item of expr.items) {
    if (item.t === 'scope' && item.root === 'terraform_data' && item.steps.length === 1 && item.steps[0].attr)
      names.push(item.steps[0].attr);
    else
      diags.push(unsupported('depends_on entries other than terraform_data resources', item.range, context));
  }
  return names;
}

/**
 * @param {Record<string, string>} files
 * @returns the module: { files, requiredVersion, backend, variables, locals, resources, outputs }
 */
export function loadModule(files) {
  const diags = [];
  const module = {
    files,
    requiredVersions: [],
    backend: undefined,
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    outputs: new Map(),
  };
  for (const [file, text] of Object.entries(files)) {
    let body;
    try {
      body = parseHCL(file, text);
    } catch (err) {
      if (err instanceof DiagError) {
        diags.push(...err.diags);
        continue;
      }
      throw err;
    }
    for (const [name, attr] of body.attributes) {
      diags.push(
        errorDiag('Unsupported argument', `An argument named "${name}" is not expected here.`, {
          file,
          line: attr.range.line,
        }),
      );
    }
    for (const block of body.blocks) loadBlock(module, block, diags);
  }
  if (diags.length) throw new DiagError(diags);
  return module;
}

function labelsOf(block, count, diags, what) {
  if (block.labels.length !== count) {
    diags.push(
      errorDiag(
        block.labels.length < count ? `Missing name for ${what}` : `Extraneous label for ${what}`,
        block.labels.length < count
          ? `All ${what} blocks must have ${count} labels.`
          : `Only ${count} labels (${what}) are expected for ${what} blocks.`,
        { file: block.range.file, line: block.range.line },
      ),
    );
    return undefined;
  }
  return block.labels;
}

function loadBlock(module, block, diags) {
  const { type, body, range } = block;
  switch (type) {
    case 'terraform': {
      const context = 'terraform';
      checkArguments(body, context, ['required_version'], diags, { experiments: 'language experiments' });
      const rv = body.attributes.get('required_version');
      if (rv)
        module.requiredVersions.push({ constraint: constantString(rv, context, diags), range: rv.range });
      for (const inner of body.blocks) {
        if (inner.type === 'backend') {
          if (inner.labels.length !== 1) {
            diags.push(
              errorDiag(
                'Invalid backend block',
                'A backend block needs exactly one label: the backend type.',
                { file: inner.range.file, line: inner.range.line, context },
              ),
            );
            continue;
          }
          if (module.backend) {
            diags.push(
              errorDiag(
                'Duplicate backend configuration',
                `A module may have only one backend configuration. The backend was previously configured at ${module.backend.range.file}:${module.backend.range.line},3-${13 + module.backend.type.length}.`,
                { file: inner.range.file, line: inner.range.line, context },
              ),
            );
            continue;
          }
          const attrs = {};
          for (const [name, attr] of inner.body.attributes) {
            try {
              attrs[name] = evaluateConstant(attr.expr, `backend "${inner.labels[0]}"`);
            } catch (err) {
              if (err instanceof DiagError) diags.push(...err.diags);
              else throw err;
            }
          }
          expectNoBlocks(inner.body, `backend "${inner.labels[0]}"`, diags);
          module.backend = { type: inner.labels[0], attrs, range: inner.range };
        } else if (inner.type === 'required_providers') {
          if (inner.body.attributes.size > 0 || inner.body.blocks.length > 0) {
            diags.push(
              unsupported(
                'provider requirements (the stand-in has only the built-in terraform provider)',
                inner.range,
                context,
              ),
            );
          }
        } else if (inner.type === 'cloud')
          diags.push(unsupported('HCP Terraform ("cloud" blocks)', inner.range, context));
        else diags.push(unsupportedBlock(inner.type, inner.range, context));
      }
      return;
    }
    case 'variable': {
      const labels = labelsOf(block, 1, diags, 'variable');
      if (!labels) return;
      const [name] = labels;
      const context = `variable "${name}"`;
      if (module.variables.has(name)) {
        const prev = module.variables.get(name).range;
        diags.push(
          errorDiag(
            'Duplicate variable declaration',
            `A variable named "${name}" was already declared at ${prev.file}:${prev.line},1-${13 + name.length}. Variable names must be unique within a module.`,
            { file: range.file, line: range.line },
          ),
        );
        return;
      }
      checkArguments(body, context, ['type', 'default', 'description', 'sensitive', 'nullable'], diags, {
        ephemeral: 'ephemeral variables',
        const: 'const variables',
      });
      expectNoBlocks(body, context, diags, []);
      for (const inner of body.blocks)
        if (inner.type === 'validation')
          diags.push(unsupported('variable validation blocks', inner.range, context));
      let constraint = ANY;
      const typeAttr = body.attributes.get('type');
      if (typeAttr) {
        try {
          constraint = parseTypeConstraint(typeAttr.expr, context);
        } catch (err) {
          if (err instanceof DiagError) diags.push(...err.diags);
          else throw err;
        }
      }
      let def;
      const defAttr = body.attributes.get('default');
      if (defAttr) {
        try {
          def = convert(evaluateConstant(defAttr.expr, context), constraint);
        } catch (err) {
          if (err instanceof DiagError) diags.push(...err.diags);
          else if (err instanceof ConversionError) {
            diags.push(
              errorDiag(
                'Invalid default value for variable',
                `This default value is not compatible with the variable's type constraint: ${err.message}.`,
                { file: defAttr.range.file, line: defAttr.range.line, context },
              ),
            );
          } else throw err;
        }
      }
      const nullableAttr = body.attributes.get('nullable');
      module.variables.set(name, {
        name,
        constraint,
        typeText: typeAttr ? constraintString(constraint) : undefined,
        hasType: Boolean(typeAttr),
        default: def,
        hasDefault: Boolean(defAttr),
        description: constantString(body.attributes.get('description'), context, diags),
        sensitive: constantBool(body.attributes.get('sensitive'), context, diags),
        nullable: nullableAttr ? constantBool(nullableAttr, context, diags) : true,
        nullableSet: Boolean(nullableAttr),
        range,
      });
      return;
    }
    case 'locals': {
      expectNoBlocks(body, 'locals', diags);
      for (const [name, attr] of body.attributes) {
        if (module.locals.has(name)) {
          const prev = module.locals.get(name).range;
          diags.push(
            errorDiag(
              'Duplicate local value definition',
              `A local value named "${name}" was already defined at ${prev.file}:${prev.line},3-${name.length + 3 + String(attr.expr.range.line).length}. Local value names must be unique within a module.`,
              { file: attr.range.file, line: attr.range.line, context: 'locals' },
            ),
          );
          continue;
        }
        module.locals.set(name, { name, expr: attr.expr, range: attr.range });
      }
      return;
    }
    case 'resource': {
      const labels = labelsOf(block, 2, diags, 'resource');
      if (!labels) return;
      const [rtype, name] = labels;
      const context = `resource "${rtype}" "${name}"`;
      if (rtype !== 'terraform_data') {
        diags.push(unsupported(`resources of type "${rtype}" (only terraform_data is built in)`, range));
        return;
      }
      if (module.resources.has(name)) {
        const prev = module.resources.get(name).range;
        diags.push(
          errorDiag(
            'Duplicate resource "terraform_data" configuration',
            `A terraform_data resource named "${name}" was already declared at ${prev.file}:${prev.line},1-${27 + name.length}. Resource names must be unique per type in each module.`,
            { file: range.file, line: range.line },
          ),
        );
        return;
      }
      checkArguments(body, context, ['input', 'triggers_replace', 'depends_on'], diags, {
        count: 'the "count" meta-argument',
        for_each: 'the "for_each" meta-argument',
        provider: 'the "provider" meta-argument',
      });
      for (const inner of body.blocks) {
        if (inner.type === 'lifecycle') diags.push(unsupported('"lifecycle" blocks', inner.range, context));
        else if (inner.type === 'provisioner' || inner.type === 'connection')
          diags.push(unsupported(`"${inner.type}" blocks`, inner.range, context));
        else diags.push(unsupportedBlock(inner.type, inner.range, context));
      }
      module.resources.set(name, {
        name,
        address: `terraform_data.${name}`,
        input: body.attributes.get('input'),
        triggers: body.attributes.get('triggers_replace'),
        dependsOn: dependsOn(body.attributes.get('depends_on'), context, diags),
        range,
        context,
      });
      return;
    }
    case 'output': {
      const labels = labelsOf(block, 1, diags, 'output');
      if (!labels) return;
      const [name] = labels;
      const context = `output "${name}"`;
      if (module.outputs.has(name)) {
        const prev = module.outputs.get(name).range;
        diags.push(
          errorDiag(
            'Duplicate output definition',
            `An output named "${name}" was already defined at ${prev.file}:${prev.line},1-${11 + name.length}. Output names must be unique within a module.`,
            { file: range.file, line: range.line },
          ),
        );
        return;
      }
      checkArguments(body, context, ['value', 'sensitive', 'description', 'depends_on'], diags, {
        ephemeral: 'ephemeral outputs',
      });
      for (const inner of body.blocks) {
        if (inner.type === 'precondition')
          diags.push(unsupported('output preconditions', inner.range, context));
        else diags.push(unsupportedBlock(inner.type, inner.range, context));
      }
      const value = body.attributes.get('value');
      if (!value) {
        diags.push(
          errorDiag(
            'Missing required argument',
            'The argument "value" is required, but no definition was found.',
            { file: range.file, line: range.line, context },
          ),
        );
        return;
      }
      module.outputs.set(name, {
        name,
        expr: value.expr,
        sensitive: constantBool(body.attributes.get('sensitive'), context, diags),
        description: constantString(body.attributes.get('description'), context, diags),
        dependsOn: dependsOn(body.attributes.get('depends_on'), context, diags),
        range,
        context,
      });
      return;
    }
    case 'provider':
    case 'data':
    case 'module':
    case 'moved':
    case 'import':
    case 'removed':
    case 'check':
    case 'ephemeral':
    case 'action':
    case 'list':
      diags.push(unsupported(`"${type}" blocks`, range));
      return;
    default:
      diags.push(unsupportedBlock(type, range));
  }
}

// -------------------------------------------------------------------------------------------------------
// required_version

function parseVersion(text) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/.exec(text.trim());
  if (!m) return undefined;
  return {
    parts: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
    pre: m[4],
    given: [m[1], m[2], m[3]].filter((p) => p !== undefined).length,
  };
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i] - b.parts[i];
  if (a.pre && !b.pre) return -1;
  if (!a.pre && b.pre) return 1;
  return (a.pre ?? '').localeCompare(b.pre ?? '');
}

/** Whether `version` satisfies a Terraform version constraint string such as ">= 1.11, < 2.0" or "~> 1.11". */
export function satisfies(version, constraint) {
  const v = parseVersion(version);
  if (!v) return false;
  for (const clause of constraint
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const m = /^(>=|<=|!=|~>|=|>|<)?\s*(.+)$/.exec(clause);
    if (!m) return false;
    const op = m[1] ?? '=';
    const want = parseVersion(m[2]);
    if (!want) return false;
    const cmp = compareVersions(v, want);
    const ok = {
      '=': cmp === 0,
      '!=': cmp !== 0,
      '>': cmp > 0,
      '>=': cmp >= 0,
      '<': cmp < 0,
      '<=': cmp <= 0,
      '~>': (() => {
        if (cmp < 0) return false;
        const fixed = Math.max(1, want.given - 1);
        for (let i = 0; i < fixed; i++) if (v.parts[i] !== want.parts[i]) return false;
        return true;
      })(),
    }[op];
    if (!ok) return false;
  }
  return true;
}

export function checkRequiredVersion(module, version) {
  const diags = [];
  for (const { constraint, range } of module.requiredVersions) {
    if (!satisfies(version, constraint)) {
      diags.push(
        errorDiag(
          'Unsupported Terraform Core version',
          `This configuration does not support Terraform version ${version}. To proceed, either choose another supported Terraform version or update this version constraint. Version constraints are normally set for good reason, so updating the constraint may lead to other errors or unexpected behavior.`,
          { file: range.file, line: range.line, context: 'terraform' },
        ),
      );
    }
  }
  if (diags.length) throw new DiagError(diags);
}
