// `terraform show -json <plan>`: the plan representation of Terraform 1.13 (format_version 1.2), with the
// same keys, key order and value encodings as the real fixtures in test/fixtures/terraform, or OpenTofu
// 1.12's (product.mjs: no `applyable`/`complete`, variable types in `configuration`).

import { constantValue, references } from './evaluate.mjs';
import { PROVIDER_NAME, typeJSON } from './engine.mjs';
import { goMap, sortedKeys } from './go-json.mjs';
import {
  isWhollyKnown,
  sensitiveAsBool,
  toJSON,
  toJSONOmitUnknowns,
  unknownAsBool,
  unmarkDeep,
} from './values.mjs';
import { Evaluator } from './evaluate.mjs';

const ACTIONS = {
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  replace: ['delete', 'create'],
  'no-op': ['no-op'],
};

const plainEvaluator = new Evaluator({
  variable: () => {
    throw new Error('not constant');
  },
  local: () => {
    throw new Error('not constant');
  },
  resource: () => {
    throw new Error('not constant');
  },
});

function expressionJSON(expr) {
  const refs = references(expr);
  if (refs.length > 0) return { references: refs };
  const value = constantValue(expr, plainEvaluator);
  if (value !== undefined && isWhollyKnown(value))
    return { constant_value: sortedKeys(toJSON(unmarkDeep(value))) };
  return {};
}

function resourceHeader(address, name) {
  return { address, mode: 'managed', type: 'terraform_data', name, provider_name: PROVIDER_NAME };
}

function resourceValues(address, name, value) {
  const entry = { ...resourceHeader(address, name), schema_version: 0 };
  const values = sortedKeys(toJSONOmitUnknowns(unmarkDeep(value)));
  if (values && Object.keys(values).length > 0) entry.values = values;
  entry.sensitive_values = sortedKeys(sensitiveAsBool(value));
  return entry;
}

/** A type constraint as go-cty's JSON type, optional attributes listed after an object's attribute types. */
function constraintTypeJSON(c) {
  switch (c.k) {
    case 'any':
      return 'dynamic';
    case 'prim':
      return c.t;
    case 'list':
    case 'set':
    case 'map':
      return [c.k, constraintTypeJSON(c.elem)];
    case 'tuple':
      return ['tuple', c.elems.map(constraintTypeJSON)];
    case 'object': {
      const attrs = goMap({});
      for (const [name, attr] of Object.entries(c.attrs)) attrs[name] = constraintTypeJSON(attr.c);
      const optional = Object.keys(c.attrs)
        .filter((name) => c.attrs[name].optional)
        .sort();
      return optional.length ? ['object', attrs, optional] : ['object', attrs];
    }
    default:
      throw new Error(`bad constraint ${c.k}`);
  }
}

function configurationJSON(module, product) {
  const root = {};
  if (module.outputs.size) {
    root.outputs = goMap({});
    for (const output of module.outputs.values()) {
      const entry = {};
      if (output.sensitive) entry.sensitive = true;
      entry.expression = expressionJSON(output.expr);
      if (output.dependsOn.length) entry.depends_on = output.dependsOn.map((n) => `terraform_data.${n}`);
      if (output.description) entry.description = output.description;
      root.outputs[output.name] = entry;
    }
  }
  if (module.resources.size) {
    root.resources = [...module.resources.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((resource) => {
        const entry = {
          address: resource.address,
          mode: 'managed',
          type: 'terraform_data',
          name: resource.name,
          provider_config_key: 'terraform',
        };
        const expressions = goMap({});
        if (resource.input) expressions.input = expressionJSON(resource.input.expr);
        if (resource.triggers) expressions.triggers_replace = expressionJSON(resource.triggers.expr);
        if (Object.keys(expressions).length) entry.expressions = expressions;
        entry.schema_version = 0;
        if (resource.dependsOn.length)
          entry.depends_on = resource.dependsOn.map((n) => `terraform_data.${n}`);
        return entry;
      });
  }
  if (module.variables.size) {
    root.variables = goMap({});
    for (const variable of module.variables.values()) {
      const entry = {};
      // OpenTofu gives the declared type, except `any` (which it leaves out like an undeclared one).
      if (
        product.configHasVariableTypes &&
        variable.typeText !== undefined &&
        variable.constraint.k !== 'any'
      )
        entry.type = constraintTypeJSON(variable.constraint);
      if (variable.hasDefault && variable.default !== undefined)
        entry.default = sortedKeys(toJSON(variable.default));
      if (variable.description) entry.description = variable.description;
      if (variable.sensitive) entry.sensitive = true;
      root.variables[variable.name] = entry;
    }
  }
  const config = {};
  if (module.resources.size)
    config.provider_config = { terraform: { name: 'terraform', full_name: PROVIDER_NAME } };
  config.root_module = root;
  return config;
}

function priorStateJSON(version, prior, plannedOutputs, module, mode) {
  const outputs = goMap({});
  if (mode === 'destroy') {
    for (const [name, { value, sensitive }] of prior.outputs)
      outputs[name] = {
        sensitive,
        value: sortedKeys(toJSON(unmarkDeep(value))),
        type: sortedKeys(typeJSON(value)),
      };
  } else {
    // The refreshed state: the prior outputs, with each known planned value written over its output. An
    // output removed from the configuration is still there; only applying the plan removes it.
    const names = new Set([...prior.outputs.keys(), ...module.outputs.keys()]);
    for (const name of names) {
      const planned = module.outputs.has(name) ? plannedOutputs.get(name) : undefined;
      const old = prior.outputs.get(name);
      const chosen = planned && isWhollyKnown(planned.value) ? planned : old;
      if (!chosen) continue;
      outputs[name] = {
        sensitive: chosen.sensitive,
        value: sortedKeys(toJSON(unmarkDeep(chosen.value))),
        type: sortedKeys(typeJSON(chosen.value)),
      };
    }
  }
  const rootModule = {};
  if (prior.resources.size) {
    rootModule.resources = [...prior.resources.keys()].sort().map((name) => {
      const { value, dependencies } = prior.resources.get(name);
      const entry = {
        ...resourceHeader(`terraform_data.${name}`, name),
        schema_version: 0,
        values: sortedKeys(toJSON(unmarkDeep(value))),
        sensitive_values: sortedKeys(sensitiveAsBool(value)),
      };
      if (dependencies.length) entry.depends_on = dependencies;
      return entry;
    });
  }
  if (Object.keys(outputs).length === 0 && !rootModule.resources) return undefined;
  const values = {};
  if (Object.keys(outputs).length) values.outputs = outputs;
  values.root_module = rootModule;
  return { format_version: '1.0', terraform_version: version, values };
}

/**
 * @param {{version: string, module: object, variables: Map<string, import('./values.mjs').Val>, prior: object,
 *   result: object, mode: string, timestamp: string}} input
 */
/** Whether a plan has anything to apply: Terraform's `applyable`, and `plan -detailed-exitcode`'s 2. */
export function planHasChanges(result) {
  return (
    result.resources.some((c) => c.action !== 'no-op') || result.outputs.some((c) => c.action !== 'no-op')
  );
}

export function buildPlanJSON({ product, version, module, variables, prior, result, mode, timestamp }) {
  const doc = { format_version: '1.2', terraform_version: version };
  if (variables.size) {
    doc.variables = goMap({});
    for (const [name, value] of variables)
      doc.variables[name] = { value: sortedKeys(toJSON(unmarkDeep(value))) };
  }

  const plannedOutputs = goMap({});
  for (const change of result.outputs) {
    // Every output but a deleted one, a null value too (as `"type": "dynamic", "value": null` when untyped).
    if (change.action === 'delete' || change.after === null) continue;
    const entry = { sensitive: change.sensitive };
    if (isWhollyKnown(change.after)) {
      entry.type = sortedKeys(typeJSON(change.after));
      entry.value = sortedKeys(toJSON(change.after));
    }
    plannedOutputs[change.name] = entry;
  }
  const plannedRoot = {};
  const plannedResources = result.resources
    .filter((c) => c.action !== 'delete')
    .map((c) => resourceValues(c.address, c.name, c.after));
  if (plannedResources.length) plannedRoot.resources = plannedResources;
  doc.planned_values = {};
  if (Object.keys(plannedOutputs).length) doc.planned_values.outputs = plannedOutputs;
  doc.planned_values.root_module = plannedRoot;

  if (result.resources.length) {
    doc.resource_changes = result.resources.map((c) => {
      const change = {
        actions: ACTIONS[c.action],
        before: c.before ? sortedKeys(toJSON(unmarkDeep(c.before))) : null,
        after: c.after ? sortedKeys(toJSONOmitUnknowns(unmarkDeep(c.after))) : null,
        // A wholly known value has no unknown parts to list, however deeply it nests (jsonplan).
        after_unknown: c.after && !isWhollyKnown(c.after) ? sortedKeys(unknownAsBool(c.after)) : {},
        before_sensitive: c.before ? sortedKeys(sensitiveAsBool(c.before)) : false,
        after_sensitive: c.after ? sortedKeys(sensitiveAsBool(c.after)) : false,
      };
      if (c.replacePaths.length) change.replace_paths = c.replacePaths;
      const entry = { ...resourceHeader(c.address, c.name), change };
      if (c.reason) entry.action_reason = c.reason;
      return entry;
    });
  }

  if (result.outputs.length) {
    doc.output_changes = goMap({});
    for (const c of result.outputs) {
      const known = c.after === null || isWhollyKnown(c.after);
      const entry = {
        actions: ACTIONS[c.action],
        before: c.before ? sortedKeys(toJSON(unmarkDeep(c.before))) : null,
      };
      if (c.after === null) entry.after = null;
      else if (!c.after.unknown) entry.after = sortedKeys(toJSONOmitUnknowns(c.after));
      entry.after_unknown = known ? false : sortedKeys(unknownAsBool(c.after));
      entry.before_sensitive = c.sensitive;
      entry.after_sensitive = c.sensitive;
      doc.output_changes[c.name] = entry;
    }
  }

  const priorState = priorStateJSON(version, prior, result.plannedOutputs, module, mode);
  if (priorState) doc.prior_state = priorState;
  doc.configuration = configurationJSON(module, product);
  if (result.relevant.length) doc.relevant_attributes = result.relevant;
  doc.timestamp = timestamp;
  if (product.planHasApplyable) {
    doc.applyable = planHasChanges(result);
    doc.complete = true;
  }
  doc.errored = false;
  return doc;
}
