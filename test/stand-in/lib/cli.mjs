// The stand-in's command line: `version`, `init`, `plan`, `apply`, `output`, `show` (and `force-unlock`),
// with Terraform's flags, output texts, exit codes, state locking and interrupt handling.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { StateStore, checkBackendKeys, checkRequiredBackendSettings, goUUID, locate } from './backend.mjs';
import { checkRequiredVersion, evaluateConstant, loadModule, readConfigFiles } from './config.mjs';
import { Diag, DiagError, errorDiag, printDiags } from './diagnostics.mjs';
import { apply as applyChanges, buildState, plan as computePlan, readState } from './engine.mjs';
import { parseDuration, parseFlags } from './flags.mjs';
import { goMap, marshal, marshalIndent, sortedKeys } from './go-json.mjs';
import { applyDelay, checkDown, checkFail, logCall, shouldHang } from './faults.mjs';
import { readInjection } from './inject.mjs';
import { buildPlanJSON, planHasChanges } from './plan-json.mjs';
import { productFromEnv } from './product.mjs';
import { Interrupted, hangForever, installSignals, printInterruptMessage } from './signals.mjs';
import { formatOutputs, formatValue, renderPlan } from './render.mjs';
import { Val, fromJSONTyped, sensitiveAsBool, toJSON, unmarkDeep } from './values.mjs';
import { contextRegionFromFiles, loadVariables } from './variables.mjs';
import { readZipEntry, writeZip } from './zip.mjs';
import { initializedBackend, readBackendRecord, writeBackendRecord } from './working-dir.mjs';

const PLAN_FORMAT = 'terraform-stand-in-plan/1';

// -------------------------------------------------------------------------------------------------------
// Context: streams, environment, signals

function platform() {
  const os =
    { linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd' }[process.platform] ??
    process.platform;
  const arch = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' }[process.arch] ?? process.arch;
  return `${os}_${arch}`;
}

function makeContext(env, product) {
  const out = (text) => process.stdout.write(text);
  const err = (text) => process.stderr.write(text);
  const ctx = {
    env,
    cwd: process.cwd(),
    // Strata's engine sets STRATA_INSTANCE_ID on every process; STANDIN_INSTANCE_ID is accepted too.
    instance: env.STRATA_INSTANCE_ID || env.STANDIN_INSTANCE_ID || null,
    /** Terraform or OpenTofu (product.mjs): names, texts and JSON shapes that differ between them. */
    product,
    version: env.STANDIN_VERSION || product.defaultVersion,
    inAutomation: Boolean(env.TF_IN_AUTOMATION),
    injection: undefined,
    out,
    err,
    noColor: false,
    /** The running command prints its diagnostics through the older UI (see printOpts). */
    uiDiagnostics: false,
    sources: {},
    // signals
    interrupts: 0,
    onInterrupt: undefined,
    /** State stores whose lock this process holds. */
    lockedStores: new Set(),
    abort: new globalThis.AbortController(),
  };
  return ctx;
}

// -------------------------------------------------------------------------------------------------------
// Commands

const COMMON_BOOLS = ['no-color', 'input'];

function flagsOrFail(ctx, args, spec, command) {
  const parsed = parseFlags(args, spec);
  if (parsed.error) {
    ctx.noColor = args.includes('-no-color');
    printDiags([parsed.error], ctx.printOpts());
    ctx.err(`\nFor more help on using this command, run:\n  ${ctx.product.command} ${command} -help\n`);
    return undefined;
  }
  ctx.noColor = Boolean(parsed.flags['no-color']);
  for (const [flag, what] of Object.entries(spec.unsupported ?? {})) {
    if (parsed.flags[flag] !== undefined && parsed.flags[flag] !== false) {
      throw new DiagError(
        new Diag(
          'error',
          'Unsupported by the Terraform stand-in',
          `The stand-in does not implement ${what} (-${flag}).`,
        ),
      );
    }
  }
  return parsed;
}

async function cmdVersion(ctx, args, argv) {
  const parsed = flagsOrFail(ctx, args, { bools: ['json'] }, 'version');
  if (!parsed) return 1;
  logCall(ctx, argv, null, null);
  if (parsed.flags.json) {
    const doc = { terraform_version: ctx.version, platform: platform(), provider_selections: {} };
    if (ctx.product.reportsOutdated) doc.terraform_outdated = false;
    ctx.out(marshalIndent(doc) + '\n');
  } else {
    ctx.out(`${ctx.product.name} v${ctx.version}\non ${platform()}\n`);
  }
  return 0;
}

/** -backend-config values: S3's boolean and number settings typed as Terraform would type them. */
function typedBackendValue(type, key, raw) {
  const bools = [
    'use_lockfile',
    'encrypt',
    'insecure',
    'use_path_style',
    'force_path_style',
    'skip_credentials_validation',
    'skip_metadata_api_check',
    'skip_region_validation',
    'skip_requesting_account_id',
    'skip_s3_checksum',
    'use_dualstack_endpoint',
    'use_fips_endpoint',
  ];
  if (type === 's3' && bools.includes(key) && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (type === 's3' && key === 'max_retries' && /^\d+$/.test(raw)) return Number(raw);
  return raw;
}

async function cmdInit(ctx, args, argv) {
  const parsed = flagsOrFail(
    ctx,
    args,
    {
      bools: [
        ...COMMON_BOOLS,
        'reconfigure',
        'migrate-state',
        'force-copy',
        'upgrade',
        'backend',
        'get',
        'lock',
        'json',
      ],
      strings: ['lock-timeout', 'lockfile', 'from-module', 'test-directory'],
      multi: ['backend-config', 'plugin-dir'],
      unsupported: {
        json: 'machine-readable UI output',
        'from-module': 'copying a module with -from-module',
      },
    },
    'init',
  );
  if (!parsed) return 1;
  const { flags } = parsed;
  ctx.uiDiagnostics = true;
  const files = readConfigFiles(ctx.cwd);
  ctx.sources = files;
  const module = loadModule(files);
  checkRequiredVersion(module, ctx.version);
  const useBackend = flags.backend !== false;
  let backend = { type: 'local', config: {} };
  const diags = [];
  if (module.backend) {
    backend = { type: module.backend.type, config: {} };
    for (const [key, value] of Object.entries(module.backend.attrs))
      backend.config[key] = toJSON(unmarkDeep(value));
  }
  for (const item of flags['backend-config'] ?? []) {
    const eq = item.indexOf('=');
    if (eq === -1) {
      // a file of settings
      const path = resolve(ctx.cwd, item);
      if (!existsSync(path)) {
        diags.push(errorDiag('Failed to read file', `The file "${item}" could not be read.`));
        continue;
      }
      const { parseHCL } = await import('./hcl.mjs');
      const body = parseHCL(item, readFileSync(path, 'utf8'));
      diags.push(...checkBackendKeys(backend.type, [...body.attributes.keys()]));
      for (const [key, attr] of body.attributes)
        backend.config[key] = toJSON(unmarkDeep(evaluateConstant(attr.expr)));
      continue;
    }
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    const keyDiags = checkBackendKeys(backend.type, [key]);
    diags.push(...keyDiags);
    if (!keyDiags.length) backend.config[key] = typedBackendValue(backend.type, key, value);
  }
  if (!module.backend && (flags['backend-config'] ?? []).length) {
    diags.push(
      errorDiag(
        'Invalid command-line option',
        'The -backend-config option is used only when the configuration has a backend block (or when the working directory was previously initialized with one).',
      ),
    );
  }
  // Both binaries print the heading before they read -backend-config, so its errors come after it.
  const heading = '\nInitializing the backend...\n';
  if (diags.length) {
    ctx.out(heading);
    throw new DiagError(diags);
  }
  if (useBackend) {
    const missing = checkRequiredBackendSettings(backend);
    if (missing.length) {
      ctx.out(heading);
      throw new DiagError(missing);
    }
  }

  logCall(ctx, argv, useBackend ? backend : null, null);
  await applyDelay(ctx, 'init');
  ctx.out(heading);
  if (useBackend) checkDown(ctx, 'init', backend, null);
  checkFail(ctx, 'init', backend);
  if (shouldHang(ctx, 'init')) await hangForever(ctx.abort.signal);

  let changed = false;
  if (useBackend) {
    locate(backend, ctx.cwd, ctx.env); // fails clearly without STANDIN_STATE_DIR
    const record = readBackendRecord(ctx);
    const same =
      record &&
      record.type === backend.type &&
      marshal(sortedKeys(record.config)) === marshal(sortedKeys(backend.config));
    if (record && !same && !flags.reconfigure && !flags['migrate-state']) {
      throw new DiagError(
        errorDiag(
          'Backend configuration changed',
          `A change in the backend configuration has been detected, which may require migrating existing state.\n\nIf you wish to attempt automatic migration of the state, use "${ctx.product.command} init -migrate-state".\nIf you wish to store the current configuration with no changes to the state, use "${ctx.product.command} init -reconfigure".`,
        ),
      );
    }
    changed = !same || flags.reconfigure;
    if (module.backend || record) writeBackendRecord(ctx, backend);
  }
  const { texts } = ctx.product;
  if (changed && module.backend) ctx.out(texts.backendConfigured(backend.type));
  ctx.out('\nInitializing provider plugins...\n');
  if (module.resources.size) ctx.out(`- terraform.io/builtin/terraform is built in to ${ctx.product.name}\n`);
  ctx.out(texts.initialized);
  if (!ctx.inAutomation) ctx.out(texts.initNextSteps);
  return 0;
}

const PLAN_SPEC = {
  bools: [
    ...COMMON_BOOLS,
    'detailed-exitcode',
    'destroy',
    'refresh-only',
    'refresh',
    'lock',
    'compact-warnings',
    'json',
    'auto-approve',
  ],
  strings: ['out', 'lock-timeout', 'parallelism', 'state', 'state-out', 'backup', 'generate-config-out'],
  multi: ['var-file', 'var', 'target', 'replace', 'exclude'],
  unsupported: {
    json: 'machine-readable UI output',
    'refresh-only': 'refresh-only plans',
    target: 'resource targeting',
    replace: 'forced replacement',
    exclude: 'resource exclusion',
    state: 'the legacy -state option',
    'generate-config-out': 'config generation',
  },
};

function lockTimeout(flags) {
  if (flags['lock-timeout'] === undefined) return 0;
  const ms = parseDuration(flags['lock-timeout']);
  if (ms === undefined) {
    throw new DiagError(
      errorDiag(
        'Failed to parse command-line flags',
        `invalid value "${flags['lock-timeout']}" for flag -lock-timeout: parse error`,
      ),
    );
  }
  return ms;
}

/** Takes the state lock, printing "Acquiring state lock..." when it is slow, as Terraform does. */
async function takeLock(ctx, store, operation, flags) {
  if (flags.lock === false) return;
  await store.lock(operation, lockTimeout(flags), {
    onSlow: () => ctx.out('Acquiring state lock. This may take a few moments...\n'),
    signal: ctx.abort.signal,
  });
  ctx.lockedStores.add(store);
}

function refreshLines(ctx, prior) {
  for (const name of [...prior.resources.keys()].sort()) {
    const id = prior.resources.get(name).value.v.id.v;
    ctx.out(`terraform_data.${name}: Refreshing state... [id=${id}]\n`);
  }
}

/** Runs a plan under an already-held lock. */
function makePlan(ctx, { module, files, backend, order, store, mode }) {
  const { values, given, warnings, sources } = loadVariables(module, { cwd: ctx.cwd, env: ctx.env, order });
  Object.assign(ctx.sources, sources);
  const read = store.read();
  const prior = readState(read.state);
  refreshLines(ctx, prior);
  const result = computePlan(module, values, prior, mode, ctx.cwd, ctx.product);
  const timestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const doc = buildPlanJSON({
    product: ctx.product,
    version: ctx.version,
    module,
    variables: given,
    prior,
    result,
    mode,
    timestamp,
  });
  const planFile = {
    format: PLAN_FORMAT,
    terraform_version: ctx.version,
    mode,
    backend,
    config_files: files,
    variables: Object.fromEntries(
      [...values].map(([name, value]) => [
        name,
        {
          value: toJSON(unmarkDeep(value)),
          type: value.type,
          sensitive: module.variables.get(name)?.sensitive ?? false,
        },
      ]),
    ),
    prior_state: { lineage: read.lineage, serial: read.serial, state: read.state },
    actions: Object.fromEntries(result.resources.map((c) => [c.address, c.action])),
    plan_json: doc,
  };
  return { doc, planFile, warnings, result, prior, values, read, hasChanges: planHasChanges(result) };
}

async function cmdPlan(ctx, args, argv) {
  const parsed = flagsOrFail(ctx, args, PLAN_SPEC, 'plan');
  if (!parsed) return 1;
  const { flags, order } = parsed;
  const files = readConfigFiles(ctx.cwd);
  ctx.sources = { ...files };
  const module = loadModule(files);
  checkRequiredVersion(module, ctx.version);
  const backend = initializedBackend(ctx, module);
  const contextRegion = contextRegionFromFiles(ctx.cwd, order);
  logCall(ctx, argv, backend, contextRegion);
  await applyDelay(ctx, 'plan');
  checkDown(ctx, 'plan', backend, contextRegion);
  checkFail(ctx, 'plan', backend);
  const mode = flags.destroy ? 'destroy' : 'normal';
  const store = new StateStore(backend, ctx);
  lockTimeout(flags);
  await takeLock(ctx, store, 'OperationTypePlan', flags);
  try {
    store.touch();
    if (shouldHang(ctx, 'plan')) {
      ctx.onInterrupt = () => printInterruptMessage(ctx);
      await hangForever(ctx.abort.signal);
    }
    const { doc, planFile, warnings, hasChanges, read } = makePlan(ctx, {
      module,
      files,
      backend,
      order,
      store,
      mode,
    });
    ctx.out(renderPlan(doc, mode, ctx.product));
    if (flags.out) {
      const path = resolve(ctx.cwd, flags.out);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, planArchive(ctx, planFile, read));
    }
    printDiags(warnings, ctx.printOpts());
    if (!ctx.inAutomation && hasChanges) {
      ctx.out(flags.out ? ctx.product.texts.savedPlan(flags.out) : ctx.product.texts.noOut);
    }
    return flags['detailed-exitcode'] && hasChanges ? 2 : 0;
  } finally {
    store.unlock();
  }
}

/**
 * A saved plan is a zip archive, as Terraform's is: the stand-in's own plan document as `tfplan`, and as
 * `tfstate-prev` the state as stored when the plan began (an empty state when there was none), which is what
 * Terraform keeps there and what `output -json` reads.
 */
function planArchive(ctx, planFile, read) {
  const stored = read.state ?? {
    version: 4,
    terraform_version: ctx.version,
    serial: 0,
    lineage: '',
    outputs: {},
    resources: [],
    check_results: null,
  };
  return writeZip({
    tfplan: marshal(planFile) + '\n',
    'tfstate-prev': marshalIndent(stored) + '\n',
  });
}

function readPlanFile(ctx, name) {
  const path = resolve(ctx.cwd, name);
  let planFile;
  try {
    planFile = JSON.parse(readZipEntry(readFileSync(path), 'tfplan'));
  } catch (err) {
    const reason =
      err.code === 'ENOENT' ? `stat ${name}: no such file or directory` : 'zip: not a valid zip file';
    throw new DiagError(errorDiag(`Failed to load "${name}" as a plan file`, `Error: ${reason}`));
  }
  if (planFile?.format !== PLAN_FORMAT) {
    throw new DiagError(
      errorDiag(`Failed to load "${name}" as a plan file`, 'Error: zip: not a valid zip file'),
    );
  }
  return planFile;
}

function variablesFromPlan(planFile) {
  const values = new Map();
  for (const [name, { value, type, sensitive }] of Object.entries(planFile.variables)) {
    let val = fromJSONTyped(value, type);
    if (sensitive) val = new Val(val.type, val.v, false, true);
    values.set(name, val);
  }
  return values;
}

const ACTION_TEXT = {
  create: ['Creating...', 'Creation complete'],
  update: ['Modifying...', 'Modifications complete'],
  destroy: ['Destroying...', 'Destruction complete'],
};

function elapsed(ms) {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${s % 60}s`;
}

/** Applies a plan (file contents) under an already-held lock; returns the exit code. */
async function runApply(ctx, planFile, store, { hang }) {
  const module = loadModule(planFile.config_files);
  ctx.sources = { ...planFile.config_files };
  const variables = variablesFromPlan(planFile);
  const read = store.read();
  const planned = planFile.prior_state;
  const firstPlan = planned.lineage === '' && planned.serial === 0;
  if (!firstPlan && planned.lineage !== read.lineage) {
    throw new DiagError(
      errorDiag(
        'Saved plan does not match the given state',
        'The given plan file can not be applied because it was created from a different state lineage.',
      ),
    );
  }
  if (planned.serial !== read.serial) {
    throw new DiagError(
      errorDiag(
        'Saved plan is stale',
        'The given plan file can no longer be applied because the state was changed by another operation after the plan was created.',
      ),
    );
  }
  const prior = readState(planned.state);
  const actions = new Map(Object.entries(planFile.actions));
  let stop = false;
  let hangPending = hang;
  ctx.onInterrupt = () => {
    printInterruptMessage(ctx);
    stop = true;
  };
  const hooks = {
    shouldStop: () => stop,
    step: async ({ address, kind, id, previousId }) => {
      const [start, done] = ACTION_TEXT[kind];
      const began = Date.now();
      ctx.out(
        `${address}: ${start}${kind === 'create' ? '' : ` [id=${kind === 'update' ? (previousId ?? id) : id}]`}\n`,
      );
      if (hangPending) {
        hangPending = false;
        const still = setInterval(() => {
          const verb = { create: 'creating', update: 'modifying', destroy: 'destroying' }[kind];
          ctx.out(
            `${address}: Still ${verb}... [${kind === 'create' ? '' : `id=${id}, `}${elapsed(Date.now() - began)} elapsed]\n`,
          );
        }, 10000);
        try {
          await hangForever(ctx.abort.signal);
        } catch (err) {
          if (!(err instanceof Interrupted)) throw err;
        } finally {
          clearInterval(still);
        }
      }
      ctx.out(
        `${address}: ${done} after ${elapsed(Date.now() - began)}${kind === 'destroy' ? '' : ` [id=${id}]`}\n`,
      );
    },
  };
  if (hangPending && ![...actions.values()].some((action) => action !== 'no-op')) {
    // nothing to apply: hang holding the lock, then stop before writing anything
    try {
      await hangForever(ctx.abort.signal);
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
    }
    throw new DiagError(errorDiag('execution halted', ''));
  }
  const result = await applyChanges(
    module,
    variables,
    prior,
    actions,
    planFile.mode,
    ctx.cwd,
    hooks,
    ctx.product,
  );
  const newState = buildState({
    product: ctx.product,
    version: ctx.version,
    serial: read.serial,
    lineage: read.lineage || goUUID(),
    resources: result.resources,
    outputs: result.outputs,
  });
  const body = (s) => marshal({ outputs: s?.outputs ?? {}, resources: s?.resources ?? [] });
  if (!read.state || body(read.state) !== body(newState)) {
    newState.serial = read.serial + 1;
    store.write(newState);
  }
  if (result.halted) {
    throw new DiagError(errorDiag('execution halted', ''));
  }
  const { added, changed, destroyed } = result.counts;
  ctx.out(`\nApply complete! Resources: ${added} added, ${changed} changed, ${destroyed} destroyed.\n`);
  if (result.outputs.size) ctx.out(`\nOutputs:\n\n${formatOutputs(result.outputs)}\n`);
  return 0;
}

async function cmdApply(ctx, args, argv, { destroy = false } = {}) {
  const parsed = flagsOrFail(ctx, args, PLAN_SPEC, destroy ? 'destroy' : 'apply');
  if (!parsed) return 1;
  const { flags, order, positional } = parsed;
  if (destroy) flags.destroy = true;
  lockTimeout(flags);
  if (positional.length > 1) {
    throw new DiagError(
      errorDiag('Too many command line arguments', 'Expected at most one positional argument.'),
    );
  }
  if (positional.length === 1) {
    if (order.some(([flag]) => flag === 'var' || flag === 'var-file')) {
      throw new DiagError(
        errorDiag(
          "Can't set variables when applying a saved plan",
          'The -var and -var-file options cannot be used when applying a saved plan file, because a saved plan includes the variable values that were set when it was created.',
        ),
      );
    }
    const planFile = readPlanFile(ctx, positional[0]);
    const backend = planFile.backend;
    const region = planFile.variables.region?.type === 'string' ? planFile.variables.region.value : null;
    logCall(ctx, argv, backend, region);
    await applyDelay(ctx, 'apply');
    checkDown(ctx, 'apply', backend, region);
    checkFail(ctx, 'apply', backend);
    const store = new StateStore(backend, ctx);
    await takeLock(ctx, store, 'OperationTypeApply', flags);
    try {
      return await runApply(ctx, planFile, store, { hang: shouldHang(ctx, 'apply') });
    } finally {
      store.unlock();
    }
  }
  // plan and apply in one run
  if (!flags['auto-approve']) {
    throw new DiagError(
      errorDiag(
        'Unsupported by the Terraform stand-in',
        'The stand-in cannot ask for confirmation. Apply a saved plan file, or pass -auto-approve.',
      ),
    );
  }
  const files = readConfigFiles(ctx.cwd);
  ctx.sources = { ...files };
  const module = loadModule(files);
  checkRequiredVersion(module, ctx.version);
  const backend = initializedBackend(ctx, module);
  const contextRegion = contextRegionFromFiles(ctx.cwd, order);
  logCall(ctx, argv, backend, contextRegion);
  await applyDelay(ctx, 'apply');
  checkDown(ctx, 'apply', backend, contextRegion);
  checkFail(ctx, 'apply', backend);
  const mode = flags.destroy ? 'destroy' : 'normal';
  const store = new StateStore(backend, ctx);
  await takeLock(ctx, store, 'OperationTypeApply', flags);
  try {
    store.touch();
    const { doc, planFile, warnings, hasChanges } = makePlan(ctx, {
      module,
      files,
      backend,
      order,
      store,
      mode,
    });
    ctx.out(renderPlan(doc, mode, ctx.product));
    printDiags(warnings, ctx.printOpts());
    if (!hasChanges) {
      ctx.out(
        `\n${mode === 'destroy' ? 'Destroy' : 'Apply'} complete! Resources: 0 ${mode === 'destroy' ? 'destroyed' : 'added, 0 changed, 0 destroyed'}.\n`,
      );
      return 0;
    }
    ctx.out('\n');
    return await runApply(ctx, planFile, store, { hang: shouldHang(ctx, 'apply') });
  } finally {
    store.unlock();
  }
}

function printNoOutputs(ctx) {
  const command = ctx.product.command;
  printDiags(
    [
      new Diag(
        'warning',
        'No outputs found',
        `The state file either has no outputs defined, or all the defined outputs are empty. Please define an output in your configuration with the \`output\` keyword and run \`${command} refresh\` for it to become available. If you are using interpolation, please verify the interpolated value is not empty. You can use the \`${command} console\` command to assist.`,
      ),
    ],
    ctx.printOpts(),
  );
}

function stateOutputs(read) {
  return readState(read.state).outputs;
}

/** The backend `init` recorded, for a command that only reads state (the configuration may not even parse). */
function readingBackend(ctx, argv) {
  let module;
  try {
    module = loadModule(readConfigFiles(ctx.cwd));
  } catch {
    module = undefined;
  }
  const backend = initializedBackend(ctx, module);
  logCall(ctx, argv, backend, null);
  return backend;
}

/**
 * `state pull`: the state as stored (nothing when there is none), read without a lock. `state rm -dry-run`
 * (of addresses the state does not hold, which is all Strata asks): takes the lock and releases it, failing
 * with the holder when the lock is held, and removes nothing.
 */
async function cmdState(ctx, args, argv) {
  const [subcommand, ...rest] = args;
  if (subcommand === 'rm' && rest.includes('-dry-run')) return stateRmDryRun(ctx, rest, argv);
  if (subcommand !== 'pull' || rest.some((arg) => arg !== '-no-color')) {
    throw new DiagError(
      errorDiag(
        'Unsupported by the Terraform stand-in',
        `state ${args.join(' ')}: only 'state pull' is implemented`,
      ),
    );
  }
  const backend = readingBackend(ctx, argv);
  checkDown(ctx, 'output', backend, null);
  const store = new StateStore(backend, ctx);
  store.read();
  if (store.originalText.trim() !== '')
    ctx.out(store.originalText.endsWith('\n') ? store.originalText : `${store.originalText}\n`);
  return 0;
}

async function stateRmDryRun(ctx, args, argv) {
  const parsed = flagsOrFail(
    ctx,
    args,
    { bools: ['dry-run', 'no-color'], strings: ['lock-timeout'] },
    'state rm',
  );
  if (!parsed) return 1;
  const backend = readingBackend(ctx, argv);
  checkDown(ctx, 'output', backend, null);
  const store = new StateStore(backend, ctx);
  try {
    await takeLock(ctx, store, 'OperationTypeInvalid', parsed.flags);
    ctx.out('Would have removed nothing.\n');
    return 0;
  } finally {
    store.unlock();
  }
}

async function cmdOutput(ctx, args, argv) {
  const parsed = flagsOrFail(
    ctx,
    args,
    {
      bools: ['no-color', 'json', 'raw'],
      strings: ['state'],
      unsupported: { state: 'the legacy -state option' },
    },
    'output',
  );
  if (!parsed) return 1;
  const { flags, positional } = parsed;
  if (positional.length > 1) {
    throw new DiagError(
      errorDiag(
        'Unexpected argument',
        'The output command expects exactly one argument with the name of an output variable or no arguments to show all outputs.',
      ),
    );
  }
  if (flags.json && flags.raw) {
    throw new DiagError(
      errorDiag('Invalid output format', 'The -raw and -json options are mutually-exclusive.'),
    );
  }
  const backend = readingBackend(ctx, argv);
  await applyDelay(ctx, 'output');
  checkDown(ctx, 'output', backend, null);
  checkFail(ctx, 'output', backend);
  if (shouldHang(ctx, 'output')) await hangForever(ctx.abort.signal);
  const store = new StateStore(backend, ctx);
  const outputs = stateOutputs(store.read());
  const name = positional[0];
  if (name !== undefined) {
    // The human and -raw views warn about an empty state before they look the name up; -json does not.
    if (!flags.json && !outputs.size) {
      printNoOutputs(ctx);
      return 0;
    }
    const output = outputs.get(name);
    if (!output) {
      throw new DiagError(
        errorDiag(
          `Output ${JSON.stringify(name)} not found`,
          `The output variable requested could not be found in the state file. If you recently added this to your configuration, be sure to run \`${ctx.product.command} apply\`, since the state won't be updated with new output variables until that command is run.`,
        ),
      );
    }
    if (flags.json) ctx.out(marshal(sortedKeys(toJSON(output.value))) + '\n');
    else if (flags.raw) {
      const { value } = output;
      if (value.type !== 'string' && value.type !== 'number' && value.type !== 'bool') {
        throw new DiagError(
          errorDiag(
            'Unsupported value for raw output',
            `The -raw option only supports strings, numbers, and boolean values, but output value "${name}" is ${Array.isArray(value.type) ? value.type[0] : value.type}.\n\nUse the -json option for machine-readable representations of output values that have complex types.`,
          ),
        );
      }
      ctx.out(String(value.v));
    } else {
      ctx.out(`${output.sensitive ? '<sensitive>' : formatValue(output.value, 0)}\n`);
    }
    return 0;
  }
  if (flags.json) {
    const doc = goMap({});
    for (const [key, { value, sensitive }] of outputs) {
      doc[key] = { sensitive, type: sortedKeys(value.type), value: sortedKeys(toJSON(unmarkDeep(value))) };
    }
    ctx.out((outputs.size ? marshalIndent(doc) : '{}') + '\n');
    return 0;
  }
  if (!outputs.size) {
    printNoOutputs(ctx);
    return 0;
  }
  ctx.out(formatOutputs(outputs) + '\n');
  return 0;
}

function stateJSON(ctx, state) {
  if (!state) return { format_version: '1.0' };
  const { resources, outputs } = readState(state);
  const values = {};
  if (outputs.size) {
    values.outputs = goMap({});
    for (const [name, { value, sensitive }] of outputs)
      values.outputs[name] = {
        sensitive,
        value: sortedKeys(toJSON(unmarkDeep(value))),
        type: sortedKeys(value.type),
      };
  }
  values.root_module = {};
  if (resources.size) {
    values.root_module.resources = [...resources.keys()].sort().map((name) => ({
      address: `terraform_data.${name}`,
      mode: 'managed',
      type: 'terraform_data',
      name,
      provider_name: 'terraform.io/builtin/terraform',
      schema_version: 0,
      values: sortedKeys(toJSON(unmarkDeep(resources.get(name).value))),
      sensitive_values: sortedKeys(sensitiveAsBool(resources.get(name).value)),
      ...(resources.get(name).dependencies.length ? { depends_on: resources.get(name).dependencies } : {}),
    }));
  }
  return { format_version: '1.0', terraform_version: state.terraform_version, values };
}

async function cmdShow(ctx, args, argv) {
  const parsed = flagsOrFail(ctx, args, { bools: ['no-color', 'json'] }, 'show');
  if (!parsed) return 1;
  const { flags, positional } = parsed;
  if (positional.length > 1)
    throw new DiagError(
      errorDiag('Too many command line arguments', 'Expected at most one positional argument.'),
    );
  if (positional.length === 1) {
    logCall(ctx, argv, null, null);
    await applyDelay(ctx, 'show');
    checkFail(ctx, 'show', null);
    if (shouldHang(ctx, 'show')) await hangForever(ctx.abort.signal);
    const name = positional[0];
    let planFile;
    try {
      planFile = readPlanFile(ctx, name);
    } catch {
      // Since 1.6 a plan may also be a saved cloud plan; the error names both attempts (planfile/wrapped.go).
      const missing = `open ${name}: no such file or directory`;
      const exists = existsSync(resolve(ctx.cwd, name));
      throw new DiagError(
        errorDiag(
          'Failed to read the given file as a state or plan file',
          exists
            ? 'State read error: Error loading statefile: unsupported state file format\n\nPlan read error: zip: not a valid zip file'
            : `State read error: Error loading statefile: ${missing}\n\nPlan read error: couldn't load the provided path as either a local plan file (${missing}) or a saved cloud plan (${missing})`,
        ),
      );
    }
    if (flags.json) ctx.out(marshal(planFile.plan_json) + '\n');
    else ctx.out(renderPlan(planFile.plan_json, planFile.mode, ctx.product));
    return 0;
  }
  const backend = readingBackend(ctx, argv);
  await applyDelay(ctx, 'show');
  checkDown(ctx, 'show', backend, null);
  checkFail(ctx, 'show', backend);
  if (shouldHang(ctx, 'show')) await hangForever(ctx.abort.signal);
  const read = new StateStore(backend, ctx).read();
  if (flags.json) ctx.out(marshal(stateJSON(ctx, read.state)) + '\n');
  else if (!read.state) ctx.out('No state.\n');
  else {
    const { outputs } = readState(read.state);
    ctx.out(
      `${[...readState(read.state).resources.keys()]
        .sort()
        .map((n) => `# terraform_data.${n}:`)
        .join('\n')}\n${outputs.size ? `\n\nOutputs:\n\n${formatOutputs(outputs)}\n` : ''}`,
    );
  }
  return 0;
}

async function cmdForceUnlock(ctx, args, argv) {
  const parsed = flagsOrFail(ctx, args, { bools: ['force', 'no-color'] }, 'force-unlock');
  if (!parsed) return 1;
  const { positional } = parsed;
  if (positional.length !== 1)
    throw new DiagError(errorDiag('Missing lock ID', 'Expected a single argument: LOCK_ID'));
  const module = loadModule(readConfigFiles(ctx.cwd));
  const backend = initializedBackend(ctx, module);
  logCall(ctx, argv, backend, null);
  const store = new StateStore(backend, ctx);
  const result = store.forceUnlock(positional[0]);
  if (!result.ok) {
    throw new DiagError(errorDiag('Failed to unlock state', `Failed to unlock state: ${result.reason}`));
  }
  ctx.out(
    'Terraform state has been successfully unlocked!\n\nThe state has been unlocked, and Terraform commands should now be able to\nobtain a new lock on the remote state.\n',
  );
  return 0;
}

// -------------------------------------------------------------------------------------------------------

const noSuchCommand = (product, command) =>
  `${product.name} has no command named "${command}".\n\nTo see all of ${product.name}'s top-level commands, run:\n  ${product.command} -help\n\n`;

export async function main(argv, env = process.env) {
  let product;
  try {
    product = productFromEnv(env);
  } catch (err) {
    process.stderr.write(`terraform stand-in: ${err.message}\n`);
    return 1;
  }
  const ctx = makeContext(env, product);
  ctx.printOpts = () => ({
    noColor: ctx.noColor,
    sources: ctx.sources,
    stdout: ctx.out,
    stderr: ctx.err,
    // OpenTofu's init prints its diagnostics through the older UI (product.mjs).
    blankLineAfter: ctx.uiDiagnostics && ctx.product.blankLineAfterUiDiagnostics,
  });
  installSignals(ctx);
  let args = [...argv];
  try {
    ctx.injection = readInjection(env);
  } catch (err) {
    ctx.err(`terraform stand-in: ${err.message}\n`);
    return 1;
  }
  while (args[0]?.startsWith('-')) {
    const flag = args[0];
    if (flag.startsWith('-chdir=')) {
      ctx.cwd = resolve(ctx.cwd, flag.slice('-chdir='.length));
      args = args.slice(1);
    } else if (flag === '-version' || flag === '--version' || flag === '-v') {
      args = ['version', ...args.slice(1)];
      break;
    } else {
      ctx.err(noSuchCommand(ctx.product, flag));
      return 1;
    }
  }
  const [command, ...rest] = args;
  const commands = {
    version: cmdVersion,
    init: cmdInit,
    plan: cmdPlan,
    apply: cmdApply,
    destroy: (c, a, v) => cmdApply(c, a, v, { destroy: true }),
    output: cmdOutput,
    state: cmdState,
    show: cmdShow,
    'force-unlock': cmdForceUnlock,
  };
  if (!command) {
    ctx.err(
      'Usage: terraform [global options] <subcommand> [args]\n\nThe stand-in implements: version, init, plan, apply, destroy, output, state pull, show, force-unlock.\n',
    );
    return 127;
  }
  const run = commands[command];
  if (!run) {
    ctx.err(noSuchCommand(ctx.product, command));
    return 1;
  }
  ctx.noColor = rest.includes('-no-color');
  try {
    return await run(ctx, rest, argv);
  } catch (err) {
    if (err instanceof DiagError) {
      printDiags(err.diags, { ...ctx.printOpts(), sources: { ...ctx.sources, ...(err.sources ?? {}) } });
      return 1;
    }
    if (err instanceof Interrupted) {
      if (command === 'plan' || command === 'apply' || command === 'destroy') {
        printDiags([errorDiag('execution halted', '')], ctx.printOpts());
      }
      return 1;
    }
    ctx.err(
      `\nThe Terraform stand-in crashed! This is a bug in test/stand-in, not in the configuration.\n\n${err.stack ?? err}\n`,
    );
    return 11;
  }
}
