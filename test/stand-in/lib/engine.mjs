// Planning and applying terraform_data resources and root outputs, following Terraform's core and the
// built-in provider (internal/builtin/providers/terraform/resource_data.go): on create `id` and `output`
// are unknown until apply; a change of `triggers_replace` replaces the instance; a change of `input` only
// updates it, with `output` unknown until apply; apply sets `output` to `input` and a new `id` on create.

import { DiagError, errorDiag } from './diagnostics.mjs';
import { Evaluator, references } from './evaluate.mjs';
import { goUUID } from './backend.mjs';
import { goMap, sortedKeys } from './go-json.mjs';
import {
  DYNAMIC,
  Val,
  fromJSONTyped,
  hasSensitive,
  isWhollyKnown,
  markPaths,
  nullOf,
  obj,
  rawEquals,
  sensitivePaths,
  str,
  toJSON,
  unknownOf,
  unmarkDeep,
  valuesEqual,
} from './values.mjs';

export const PROVIDER = 'provider["terraform.io/builtin/terraform"]';
export const PROVIDER_NAME = 'terraform.io/builtin/terraform';

// -------------------------------------------------------------------------------------------------------
// State documents

/** The cty type JSON of a value, for state and outputs. */
export function typeJSON(val) {
  return val.type;
}

/** A dynamic attribute as go-cty's JSON writes it: the type is kept, for a typed null too (only a null of
 * unknown type is plain `null`), so the next plan compares like with like. */
function encodeDynamic(val) {
  if (val.isNull && val.type === DYNAMIC) return null;
  return { value: sortedKeys(toJSON(val)), type: sortedKeys(typeJSON(val)) };
}

function decodeDynamic(json) {
  if (json === null || json === undefined) return nullOf(DYNAMIC);
  if (typeof json === 'object' && !Array.isArray(json) && 'type' in json && 'value' in json)
    return fromJSONTyped(json.value, json.type);
  throw new Error('dynamic attribute without type');
}

/** cty paths as Terraform writes them in `sensitive_attributes`. */
function encodePath(path) {
  return path.map((step) =>
    typeof step === 'number'
      ? { type: 'index', value: { value: step, type: 'number' } }
      : { type: 'get_attr', value: step },
  );
}

function decodePath(path) {
  // Inside dynamic attributes object keys are written as get_attr steps and map keys as string indexes.
  return path.map((step) => (step.type === 'get_attr' ? step.value : (step.value?.value ?? step.value)));
}

/** A terraform_data instance's object value from its state attributes. */
export function instanceFromState(instance) {
  const attrs = instance.attributes ?? {};
  const value = obj({
    id: attrs.id === null || attrs.id === undefined ? nullOf('string') : str(attrs.id),
    input: decodeDynamic(attrs.input),
    output: decodeDynamic(attrs.output),
    triggers_replace: decodeDynamic(attrs.triggers_replace),
  });
  return markPaths(value, (instance.sensitive_attributes ?? []).map(decodePath));
}

/** Reads the terraform_data resources and outputs of a state document. */
export function readState(state) {
  const resources = new Map();
  const outputs = new Map();
  if (!state) return { resources, outputs };
  for (const resource of state.resources ?? []) {
    if (resource.mode !== 'managed' || resource.type !== 'terraform_data' || resource.module) {
      throw new DiagError(
        errorDiag(
          'Unsupported by the Terraform stand-in',
          `The state holds ${resource.module ? `${resource.module}.` : ''}${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}, but the stand-in manages only root-module terraform_data resources.`,
        ),
      );
    }
    const instances = resource.instances ?? [];
    if (instances.length !== 1 || instances[0].index_key !== undefined || instances[0].deposed) {
      throw new DiagError(
        errorDiag(
          'Unsupported by the Terraform stand-in',
          `The state holds several or indexed instances of terraform_data.${resource.name}; the stand-in supports one instance per resource.`,
        ),
      );
    }
    resources.set(resource.name, {
      value: instanceFromState(instances[0]),
      dependencies: instances[0].dependencies ?? [],
    });
  }
  for (const [name, output] of Object.entries(state.outputs ?? {})) {
    let value = fromJSONTyped(output.value, output.type);
    if (output.sensitive) value = new Val(value.type, value.v, false, true);
    outputs.set(name, { value, sensitive: Boolean(output.sensitive) });
  }
  return { resources, outputs };
}

/** `identitySchema`: write `identity_schema_version` (Terraform 1.12 and later; OpenTofu does not). */
export function instanceToState(value, dependencies, identitySchema = true) {
  const v = value.v;
  const unmarked = unmarkDeep(value);
  const instance = {
    schema_version: 0,
    attributes: {
      id: v.id.isNull ? null : v.id.v,
      input: encodeDynamic(unmarked.v.input),
      output: encodeDynamic(unmarked.v.output),
      triggers_replace: encodeDynamic(unmarked.v.triggers_replace),
    },
    sensitive_attributes: sensitivePaths(value).map(encodePath),
  };
  if (identitySchema) instance.identity_schema_version = 0;
  if (dependencies.length) instance.dependencies = dependencies;
  return instance;
}

// -------------------------------------------------------------------------------------------------------
// Dependencies between resources

/** Names of terraform_data resources an expression refers to, directly or through locals. */
export function resourceDependencies(module, exprs) {
  const found = new Set();
  const seenLocals = new Set();
  const walk = (expr) => {
    for (const ref of references(expr)) {
      const m = /^terraform_data\.([^.[]+)$/.exec(ref);
      if (m) found.add(m[1]);
      const l = /^local\.([^.[]+)/.exec(ref);
      if (l && !seenLocals.has(l[1]) && module.locals.has(l[1])) {
        seenLocals.add(l[1]);
        walk(module.locals.get(l[1]).expr);
      }
    }
  };
  for (const expr of exprs) if (expr) walk(expr);
  return found;
}

export function resourceDeps(module, resource) {
  const deps = resourceDependencies(module, [resource.input?.expr, resource.triggers?.expr]);
  for (const name of resource.dependsOn) deps.add(name);
  return [...deps].filter((name) => module.resources.has(name)).sort();
}

/** Resource names in dependency order (dependencies first), ties by name. */
export function topoOrder(module) {
  const order = [];
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name].map((n) => `terraform_data.${n}`);
      throw new DiagError(errorDiag(`Cycle: ${cycle.slice(0, -1).join(', ')}`, ''));
    }
    state.set(name, 'visiting');
    for (const dep of resourceDeps(module, module.resources.get(name))) visit(dep, [...path, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of [...module.resources.keys()].sort()) visit(name, []);
  return order;
}

// -------------------------------------------------------------------------------------------------------
// Scope

/**
 * An evaluation scope over a module: variables, lazily evaluated locals, and resources through `resource`.
 */
export function makeScope(module, variables, resource, cwd, product) {
  const localValues = new Map();
  const visiting = new Set();
  const undeclared = (summary, detail, node, context) => {
    throw new DiagError(
      errorDiag(summary, detail, { file: node.range.file, line: node.range.line, context }),
    );
  };
  const scope = {
    cwd,
    product,
    variable(name, node, context) {
      if (!variables.has(name)) {
        const suggestion = nameSuggestion(name, [...module.variables.keys()]);
        undeclared(
          'Reference to undeclared input variable',
          `An input variable with the name "${name}" has not been declared.${suggestion ? ` Did you mean "${suggestion}"?` : ` This variable can be declared with a variable "${name}" {} block.`}`,
          node,
          context,
        );
      }
      return variables.get(name);
    },
    local(name, node, context) {
      if (localValues.has(name)) return localValues.get(name);
      const local = module.locals.get(name);
      if (!local) {
        const suggestion = nameSuggestion(name, [...module.locals.keys()]);
        undeclared(
          'Reference to undeclared local value',
          `A local value with the name "${name}" has not been declared.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          node,
          context,
        );
      }
      if (visiting.has(name)) {
        throw new DiagError(
          errorDiag(`Cycle: ${[...visiting, name].map((n) => `local.${n}`).join(', ')}`, ''),
        );
      }
      visiting.add(name);
      try {
        const value = evaluator.eval(local.expr, 'locals');
        localValues.set(name, value);
        return value;
      } finally {
        visiting.delete(name);
      }
    },
    resource(name, node, context) {
      if (!module.resources.has(name)) {
        undeclared(
          'Reference to undeclared resource',
          product.texts.undeclaredResource('managed', 'terraform_data', name),
          node,
          context,
        );
      }
      return resource(name);
    },
  };
  const evaluator = new Evaluator(scope);
  return evaluator;
}

function configValue(evaluator, resource) {
  const input = resource.input ? evaluator.eval(resource.input.expr, resource.context) : nullOf(DYNAMIC);
  const triggers = resource.triggers
    ? evaluator.eval(resource.triggers.expr, resource.context)
    : nullOf(DYNAMIC);
  return { input, triggers };
}

// -------------------------------------------------------------------------------------------------------
// Planning

/**
 * @returns {{
 *   resources: Array<{name, address, action, before: Val|null, after: Val|null, replacePaths: string[][], reason?: string}>,
 *   outputs: Array<{name, action, before: Val|null, after: Val|null, sensitive: boolean}>,
 *   plannedOutputs: Map<string, {value: Val, sensitive: boolean}>,
 *   relevant: Array<{resource: string, attribute: unknown[]}>,
 * }}
 */
export function plan(module, variables, prior, mode, cwd, product) {
  const planned = new Map();
  const visiting = [];
  const changes = new Map();

  const planResource = (name) => {
    if (planned.has(name)) return planned.get(name);
    if (visiting.includes(name)) {
      throw new DiagError(
        errorDiag(
          `Cycle: ${[...visiting.slice(visiting.indexOf(name)), name].map((n) => `terraform_data.${n}`).join(', ')}`,
          '',
        ),
      );
    }
    visiting.push(name);
    try {
      const resource = module.resources.get(name);
      const before = prior.resources.get(name)?.value ?? null;
      const { input, triggers } = configValue(evaluator, resource);
      const configPaths = [
        ...sensitivePaths(input).map((p) => ['input', ...p]),
        ...sensitivePaths(triggers).map((p) => ['triggers_replace', ...p]),
      ];
      const uInput = unmarkDeep(input);
      const uTriggers = unmarkDeep(triggers);
      let after;
      let action;
      const replacePaths = [];
      const outputFor = (i) => (i.isNull ? i : unknownOf(i.type));
      if (!before) {
        action = 'create';
        after = obj({
          id: unknownOf('string'),
          input: uInput,
          output: outputFor(uInput),
          triggers_replace: uTriggers,
        });
      } else {
        const b = unmarkDeep(before).v;
        if (!rawEquals(b.triggers_replace, uTriggers)) {
          action = 'replace';
          replacePaths.push(['triggers_replace']);
          after = obj({
            id: unknownOf('string'),
            input: uInput,
            output: outputFor(uInput),
            triggers_replace: uTriggers,
          });
        } else if (!rawEquals(b.input, uInput)) {
          action = 'update';
          after = obj({
            id: b.id,
            input: uInput,
            output: unknownOf(uInput.type),
            triggers_replace: uTriggers,
          });
        } else {
          after = obj({ id: b.id, input: uInput, output: b.output, triggers_replace: uTriggers });
          action = samePaths(sensitivePaths(before), configPaths) ? 'no-op' : 'update';
        }
      }
      after = markPaths(after, configPaths);
      const change = { name, address: `terraform_data.${name}`, action, before, after, replacePaths };
      if (action === 'replace') change.reason = 'replace_because_cannot_update';
      changes.set(name, change);
      planned.set(name, after);
      return after;
    } finally {
      visiting.pop();
    }
  };

  const evaluator = makeScope(module, variables, planResource, cwd, product);

  if (mode === 'destroy') {
    for (const [name, { value }] of prior.resources) {
      changes.set(name, {
        name,
        address: `terraform_data.${name}`,
        action: 'delete',
        before: value,
        after: null,
        replacePaths: [],
      });
    }
  } else {
    for (const name of [...module.resources.keys()].sort()) planResource(name);
    for (const [name, { value }] of prior.resources) {
      if (!module.resources.has(name)) {
        changes.set(name, {
          name,
          address: `terraform_data.${name}`,
          action: 'delete',
          before: value,
          after: null,
          replacePaths: [],
          reason: 'delete_because_no_resource_config',
        });
      }
    }
  }

  // Outputs
  const outputs = [];
  const plannedOutputs = new Map();
  if (mode === 'destroy') {
    for (const [name, { value, sensitive }] of prior.outputs) {
      outputs.push({ name, action: 'delete', before: value, after: null, sensitive });
    }
  } else {
    const diags = [];
    for (const output of [...module.outputs.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      let value;
      try {
        value = evaluator.eval(output.expr, output.context);
      } catch (err) {
        if (err instanceof DiagError) {
          diags.push(...err.diags);
          continue;
        }
        throw err;
      }
      if (!output.sensitive && hasSensitive(value)) {
        diags.push(
          errorDiag(
            'Output refers to sensitive values',
            `To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, ${product.name} requires that any root module output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n    sensitive = true`,
            { file: output.range.file, line: output.range.line },
          ),
        );
        continue;
      }
      const sensitive = output.sensitive || hasSensitive(value);
      const prev = prior.outputs.get(output.name);
      const before = prev?.value ?? null;
      const after = unmarkDeep(value);
      let action;
      if (!before) action = after.isNull ? 'no-op' : 'create';
      else if (after.isNull) action = 'delete';
      else if (!isWhollyKnown(after)) action = 'update';
      else
        action =
          valuesEqual(unmarkDeep(before), after) === true && prev.sensitive === sensitive
            ? 'no-op'
            : 'update';
      outputs.push({
        name: output.name,
        action,
        before,
        after,
        sensitive: sensitive || Boolean(prev?.sensitive && action === 'delete'),
      });
      if (!after.isNull) plannedOutputs.set(output.name, { value: after, sensitive });
    }
    if (diags.length) throw new DiagError(diags);
    for (const [name, { value, sensitive }] of prior.outputs) {
      if (!module.outputs.has(name))
        outputs.push({ name, action: 'delete', before: value, after: null, sensitive });
    }
    outputs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  const resources = [...changes.values()].sort((a, b) =>
    a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
  );
  return { resources, outputs, plannedOutputs, relevant: relevantAttributes(module, resources, outputs) };
}

function samePaths(a, b) {
  const key = (paths) =>
    paths
      .map((p) => JSON.stringify(p))
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** Resource attributes that changed resources and outputs refer to (Terraform's relevant_attributes). */
function relevantAttributes(module, resources, outputs) {
  const exprs = [];
  for (const change of resources) {
    if (change.action === 'no-op') continue;
    const resource = module.resources.get(change.name);
    if (resource) exprs.push(resource.input?.expr, resource.triggers?.expr);
  }
  for (const change of outputs) {
    if (change.action === 'no-op') continue;
    const output = module.outputs.get(change.name);
    if (output) exprs.push(output.expr);
  }
  const found = new Map();
  const seenLocals = new Set();
  const walk = (expr) => {
    for (const ref of references(expr)) {
      const m = /^terraform_data\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*)$/.exec(ref);
      if (m) {
        const attribute = [...m[2].matchAll(/\.([A-Za-z_][\w-]*)|\[([^\]]*)\]/g)].map((s) =>
          s[1] !== undefined ? s[1] : JSON.parse(s[2]),
        );
        const entry = { resource: `terraform_data.${m[1]}`, attribute };
        if (attribute.length > 0 || ![...found.values()].some((e) => e.resource === entry.resource))
          found.set(JSON.stringify(entry), entry);
      }
      const l = /^local\.([^.[]+)/.exec(ref);
      if (l && !seenLocals.has(l[1]) && module.locals.has(l[1])) {
        seenLocals.add(l[1]);
        walk(module.locals.get(l[1]).expr);
      }
    }
  };
  for (const expr of exprs) if (expr) walk(expr);
  // drop bare-resource entries when attribute entries exist for the same resource
  const entries = [...found.values()].filter(
    (e) =>
      e.attribute.length > 0 ||
      ![...found.values()].some((o) => o.resource === e.resource && o.attribute.length > 0),
  );
  return entries.sort((a, b) =>
    a.resource === b.resource
      ? JSON.stringify(a.attribute).localeCompare(JSON.stringify(b.attribute))
      : a.resource < b.resource
        ? -1
        : 1,
  );
}

// -------------------------------------------------------------------------------------------------------
// Applying

/**
 * The declared name `given` was probably meant to be, as didyoumean.NameSuggestion picks it: the first
 * candidate less than three edits away (Levenshtein), or undefined.
 */
function nameSuggestion(given, candidates) {
  return candidates.find((candidate) => editDistance(given, candidate) < 3);
}

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * Applies planned actions in dependency order. `hooks` report progress and may stop the run between
 * resources (`hooks.shouldStop()`); the result always holds the state reached so far.
 */
export async function apply(module, variables, prior, actions, mode, cwd, hooks, product) {
  const applied = new Map();
  const current = new Map(
    [...prior.resources].map(([name, r]) => [name, { value: r.value, dependencies: r.dependencies }]),
  );
  const evaluator = makeScope(
    module,
    variables,
    (name) => applied.get(name) ?? current.get(name)?.value ?? unknownOf(DYNAMIC),
    cwd,
    product,
  );
  const counts = { added: 0, changed: 0, destroyed: 0 };
  let halted = false;

  const destroy = async (name) => {
    const before = current.get(name).value;
    await hooks.step({ address: `terraform_data.${name}`, kind: 'destroy', id: before.v.id.v });
    current.delete(name);
    counts.destroyed++;
  };

  // Deletions of resources that are gone from the configuration (or everything, in destroy mode): dependents first.
  const deletions = [...current.keys()].filter((name) => actions.get(`terraform_data.${name}`) === 'delete');
  const deleteOrder = orderDeletions(deletions, current);
  for (const name of deleteOrder) {
    if (hooks.shouldStop()) {
      halted = true;
      break;
    }
    await destroy(name);
  }

  if (!halted && mode !== 'destroy') {
    for (const name of topoOrder(module)) {
      const address = `terraform_data.${name}`;
      const action = actions.get(address) ?? 'no-op';
      if (action === 'no-op') {
        if (current.has(name)) applied.set(name, current.get(name).value);
        continue;
      }
      if (hooks.shouldStop()) {
        halted = true;
        break;
      }
      const resource = module.resources.get(name);
      const { input, triggers } = configValue(evaluator, resource);
      const paths = [
        ...sensitivePaths(input).map((p) => ['input', ...p]),
        ...sensitivePaths(triggers).map((p) => ['triggers_replace', ...p]),
      ];
      const uInput = unmarkDeep(input);
      const dependencies = resourceDeps(module, resource).map((n) => `terraform_data.${n}`);
      if (action === 'replace' && current.has(name)) {
        await destroy(name);
        counts.destroyed--; // counted once as a replacement below
      }
      const previous = current.get(name)?.value;
      const id = action === 'update' && previous ? previous.v.id : str(goUUID());
      const value = markPaths(
        obj({ id, input: uInput, output: uInput, triggers_replace: unmarkDeep(triggers) }),
        paths,
      );
      await hooks.step({
        address,
        kind: action === 'update' ? 'update' : 'create',
        id: id.v,
        previousId: previous?.v.id.v,
      });
      current.set(name, { value, dependencies });
      applied.set(name, value);
      if (action === 'update') counts.changed++;
      else {
        counts.added++;
        if (action === 'replace') counts.destroyed++;
      }
    }
  }

  // Outputs, evaluated against what exists now.
  const outputs = new Map();
  if (mode !== 'destroy' && !halted) {
    for (const output of module.outputs.values()) {
      const value = evaluator.eval(output.expr, output.context);
      if (value.isNull) continue;
      outputs.set(output.name, {
        value: unmarkDeep(value),
        sensitive: output.sensitive || hasSensitive(value),
      });
    }
  } else if (halted) {
    for (const [name, out] of prior.outputs) outputs.set(name, out);
  }
  return { resources: current, outputs, counts, halted };
}

function orderDeletions(names, current) {
  // a resource that others depend on is destroyed after them
  const order = [];
  const done = new Set();
  const dependents = (name) =>
    names.filter((other) => (current.get(other)?.dependencies ?? []).includes(`terraform_data.${name}`));
  const visit = (name, stack = []) => {
    if (done.has(name) || stack.includes(name)) return;
    for (const dep of dependents(name).sort()) visit(dep, [...stack, name]);
    done.add(name);
    order.push(name);
  };
  for (const name of [...names].sort()) visit(name);
  return order;
}

/** A version 4 state document. */
export function buildState({ product, version, serial, lineage, resources, outputs }) {
  const outs = goMap({});
  for (const name of [...outputs.keys()].sort()) {
    const { value, sensitive } = outputs.get(name);
    const entry = { value: sortedKeys(toJSON(value)), type: sortedKeys(typeJSON(value)) };
    if (sensitive) entry.sensitive = true;
    outs[name] = entry;
  }
  const res = [...resources.keys()].sort().map((name) => ({
    mode: 'managed',
    type: 'terraform_data',
    name,
    provider: PROVIDER,
    instances: [
      instanceToState(
        resources.get(name).value,
        resources.get(name).dependencies,
        product.stateHasIdentitySchema,
      ),
    ],
  }));
  return {
    version: 4,
    terraform_version: version,
    serial,
    lineage,
    outputs: outs,
    resources: res,
    check_results: null,
  };
}
