// Root module input variables from every source Terraform reads, in its order of precedence (later wins):
// TF_VAR_* environment variables, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json), then
// -var and -var-file in command-line order. Values are converted to the declared type constraints.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagError, errorDiag, warningDiag } from './diagnostics.mjs';
import { evaluateConstant } from './config.mjs';
import { parseExpressionText, parseHCL } from './hcl.mjs';
import { ConversionError, convert, fromJSONImplied, str, withSensitive } from './values.mjs';

function lineOfKey(text, key) {
  const lines = text.split('\n');
  const needle = JSON.stringify(key);
  const index = lines.findIndex((line) => line.includes(`${needle}:`) || line.includes(`${needle} :`));
  return index === -1 ? 1 : index + 1;
}

/** Reads one variables file: [{name, value (Val) | raw (string), subject}] */
function readVarsFile(path, displayName, sources) {
  if (!existsSync(path)) {
    throw new DiagError(
      errorDiag('Failed to read variables file', `Given variables file ${displayName} does not exist.`),
    );
  }
  const text = readFileSync(path, 'utf8');
  sources[displayName] = text;
  const out = [];
  if (displayName.endsWith('.json')) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new DiagError(
        errorDiag('Invalid JSON', `Failed to parse ${displayName}: ${err.message}.`, {
          file: displayName,
          line: 1,
        }),
      );
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw new DiagError(
        errorDiag(
          'Root value must be object',
          'The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.',
          { file: displayName, line: 1 },
        ),
      );
    }
    for (const [name, json] of Object.entries(doc)) {
      out.push({
        name,
        value: fromJSONImplied(json),
        subject: { file: displayName, line: lineOfKey(text, name) },
        fromFile: true,
      });
    }
    return out;
  }
  const body = parseHCL(displayName, text);
  if (body.blocks.length) {
    const block = body.blocks[0];
    throw new DiagError(
      errorDiag('Unexpected block', 'Blocks are not allowed here.', {
        file: displayName,
        line: block.range.line,
      }),
    );
  }
  for (const [name, attr] of body.attributes) {
    out.push({
      name,
      value: evaluateConstant(attr.expr),
      subject: { file: displayName, line: attr.range.line },
      fromFile: true,
    });
  }
  return out;
}

/**
 * @param {object} module
 * @param {{cwd: string, env: Record<string,string>, order: Array<[string, string]>}} input
 *   `order`: the -var / -var-file flags in command-line order
 * @returns {{ values: Map<string, import('./values.mjs').Val>, given: Map<string, import('./values.mjs').Val>,
 *   warnings: object[], sources: Record<string,string>, contextRegion: string|null }}
 */
export function loadVariables(module, { cwd, env, order }) {
  const sources = {};
  const given = [];
  // environment
  for (const [key, raw] of Object.entries(env)) {
    if (!key.startsWith('TF_VAR_')) continue;
    const name = key.slice('TF_VAR_'.length);
    if (module.variables.has(name)) given.push({ name, raw, fromEnv: true });
  }
  // automatic files
  const autoFiles = [];
  if (existsSync(resolve(cwd, 'terraform.tfvars'))) autoFiles.push('terraform.tfvars');
  if (existsSync(resolve(cwd, 'terraform.tfvars.json'))) autoFiles.push('terraform.tfvars.json');
  let names = [];
  try {
    names = readdirSync(cwd).sort();
  } catch {
    /* no directory */
  }
  autoFiles.push(...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')));
  for (const file of autoFiles) given.push(...readVarsFile(resolve(cwd, file), file, sources));
  // command line
  for (const [flag, value] of order) {
    if (flag === 'var-file') given.push(...readVarsFile(resolve(cwd, value), value, sources));
    if (flag === 'var') {
      const eq = value.indexOf('=');
      if (eq <= 0) {
        throw new DiagError(
          errorDiag(
            'Invalid -var option',
            `The given -var option ${JSON.stringify(value)} is not correctly specified. It must be a variable name and value separated an equals sign, like -var="key=value".`,
          ),
        );
      }
      given.push({ name: value.slice(0, eq).trim(), raw: value.slice(eq + 1), fromCli: true });
    }
  }

  const diags = [];
  const warnings = [];
  let undeclaredInFiles = 0;
  const chosen = new Map();
  let contextRegion = null;
  for (const item of given) {
    if (item.name === 'region' && item.fromFile && item.value?.type === 'string' && !item.value.unknown)
      contextRegion = item.value.v;
    if (!module.variables.has(item.name)) {
      if (item.fromFile) {
        if (undeclaredInFiles < 2) {
          warnings.push(
            warningDiag(
              'Value for undeclared variable',
              `The root module does not declare a variable named "${item.name}" but a value was found in file "${item.subject.file}". If you meant to use this value, add a "variable" block to the configuration.\n\nTo silence these warnings, use TF_VAR_... environment variables to provide certain "global" settings to all configurations in your organization. To reduce the verbosity of these warnings, use the -compact-warnings option.`,
              item.subject,
            ),
          );
        }
        undeclaredInFiles++;
      } else if (item.fromCli) {
        diags.push(
          errorDiag(
            'Value for undeclared variable',
            `A variable named "${item.name}" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a "variable" block to the configuration.`,
          ),
        );
      }
      continue;
    }
    chosen.set(item.name, item);
  }
  if (undeclaredInFiles > 2) {
    warnings.push(
      warningDiag(
        'Values for undeclared variables',
        `In addition to the other similar warnings shown, ${undeclaredInFiles - 2} other variable(s) defined without being declared.`,
      ),
    );
  }

  const values = new Map();
  // Plans keep the values as given (converted only when evaluated); defaults come converted from the config.
  const asGiven = new Map();
  for (const variable of module.variables.values()) {
    const item = chosen.get(variable.name);
    const where = `${variable.range.file}:${variable.range.line},1-${13 + variable.name.length}`;
    let value;
    if (item) {
      try {
        if (item.raw !== undefined) {
          const c = variable.constraint;
          if (c.k === 'prim' || c.k === 'any') value = str(item.raw);
          else
            value = evaluateConstant(
              parseExpressionText(
                item.fromEnv ? `<value for var.${variable.name}>` : `<value for var.${variable.name}>`,
                item.raw,
              ),
            );
        } else value = item.value;
        value = convert(value, variable.constraint);
      } catch (err) {
        if (err instanceof ConversionError) {
          diags.push(
            errorDiag(
              'Invalid value for input variable',
              `The given value is not suitable for var.${variable.name} declared at ${where}: ${err.message}.`,
              item.subject,
            ),
          );
          continue;
        }
        if (err instanceof DiagError) {
          diags.push(...err.diags);
          continue;
        }
        throw err;
      }
      if (value.isNull && !variable.nullable) {
        if (variable.hasDefault && variable.default && !variable.default.isNull) value = variable.default;
        else {
          diags.push(
            errorDiag(
              'Required variable not set',
              `Unsuitable value for var.${variable.name} set from outside of the configuration: required variable may not be set to null.`,
              item.subject,
            ),
          );
          continue;
        }
      }
    } else if (variable.hasDefault) {
      value = variable.default;
    } else {
      diags.push(
        errorDiag(
          'No value for required variable',
          `The root module input variable "${variable.name}" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.`,
          { file: variable.range.file, line: variable.range.line },
        ),
      );
      continue;
    }
    values.set(variable.name, withSensitive(value, variable.sensitive));
    asGiven.set(variable.name, item ? (item.raw !== undefined ? str(item.raw) : item.value) : value);
  }
  if (diags.length) {
    const err = new DiagError(diags);
    err.sources = sources;
    throw err;
  }
  return { values, given: asGiven, warnings, sources, contextRegion };
}

/** The `region` value of the -var-files (the last one wins), without loading the configuration. */
export function contextRegionFromFiles(cwd, order) {
  let region = null;
  for (const [flag, value] of order) {
    if (flag !== 'var-file' || !value.endsWith('.json')) continue;
    try {
      const doc = JSON.parse(readFileSync(resolve(cwd, value), 'utf8'));
      if (doc && typeof doc.region === 'string') region = doc.region;
    } catch {
      /* reported when variables load */
    }
  }
  return region;
}
