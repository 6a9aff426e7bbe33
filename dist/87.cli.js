export const id = 87;
export const ids = [87];
export const modules = {

/***/ 9263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ checkReplicas),
  j: () => (/* binding */ stateReadCalls)
});

// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/core/dr/drill-readiness.js
var drill_readiness = __webpack_require__(2796);
;// CONCATENATED MODULE: ./build/tsc/core/dr/replica-freshness.js
/** Compares one replicated state with the primary's, both read during a drill (the primary is up then). */
function compareReplica(id, regions, primary, replica) {
    const check = (status, detail) => ({
        id,
        primaryRegion: regions.primary,
        replicaRegion: regions.replica,
        status,
        detail,
    });
    if ('error' in primary)
        return check('unreadable', `cannot read the state in ${regions.primary}: ${primary.error}`);
    if ('error' in replica)
        return check('unreadable', `cannot read the replica in ${regions.replica}: ${replica.error}`);
    const [source, copy] = [primary.identity, replica.identity];
    if (source === null && copy === null)
        return check('fresh', 'no state on either side yet');
    if (source === null) {
        return check('diverged', `the replica in ${regions.replica} has state (serial ${copy?.serial ?? '?'}) but ${regions.primary} has none`);
    }
    if (copy === null) {
        return check('missing', `${regions.primary} has state (serial ${source.serial}) but the replica in ${regions.replica} has none: replication has not copied it`);
    }
    if (copy.lineage !== source.lineage) {
        return check('diverged', `the replica's lineage ${copy.lineage} is not the primary's ${source.lineage}: it is another state`);
    }
    if (copy.serial < source.serial) {
        return check('stale', `the replica is at serial ${copy.serial}, the primary at ${source.serial}: replication is behind or broken`);
    }
    if (copy.serial > source.serial) {
        return check('diverged', `the replica is at serial ${copy.serial}, ahead of the primary's ${source.serial}: something wrote to the replica`);
    }
    return check('fresh', `serial ${source.serial} on both sides`);
}

// EXTERNAL MODULE: ./build/tsc/engine/work-directory.js
var work_directory = __webpack_require__(6809);
// EXTERNAL MODULE: ./build/tsc/terraform/state-identity.js
var state_identity = __webpack_require__(5946);
;// CONCATENATED MODULE: ./build/tsc/app/dr/replica-states.js







/**
 * In a drill the primary is up: reads each replicated state on both sides (init and `state pull`, which take
 * no lock and change nothing) and compares their lineage and serial. One state at a time, each in a data
 * directory of its own, so no read shares the data or logs of the run's instances.
 */
async function checkReplicas(context, replicaBackends, regions) {
    const checks = [];
    // A primary that cannot be read once is not tried again: a hung region would cost a timeout per state.
    let primaryDown;
    for (const [id, replicaBackend] of replicaBackends) {
        const instance = (0,lookup/* getOrThrow */.Gp)(context.graph.byId, id, 'a replicated instance');
        const read = (side, backend) => readState(context, id, external_node_path_.resolve(context.manifestDirectory, instance.path), side, backend);
        const primary = primaryDown
            ? { error: `not tried: ${primaryDown}` }
            : await read('primary', context.graph.backendOf(instance));
        if ('error' in primary && primaryDown === undefined)
            primaryDown = `reading ${id} there failed: ${primary.error}`;
        const replica = await read('replica', replicaBackend);
        checks.push(compareReplica(id, regions, primary, replica));
    }
    return checks;
}
/**
 * The calls of a state read outside the engine: in the layer's directory `cwd`, with a data directory and logs
 * of its own under the work directory (`folders`), so no read shares the data or logs of the run's instances.
 */
async function stateReadCalls(context, id, cwd, folders) {
    const directory = external_node_path_.join(context.workDirectory, ...folders);
    await (0,promises_.mkdir)(directory, { recursive: true });
    return (command) => ({
        cwd,
        dataDirectory: external_node_path_.join(directory, 'terraform-data'),
        logFile: external_node_path_.join(directory, `${command}.log`),
        instanceId: id,
        signal: context.signal,
        timeoutMs: context.timeoutMs,
    });
}
async function readState(context, id, cwd, side, backend) {
    const call = await stateReadCalls(context, id, cwd, ['replica-checks', (0,work_directory/* instanceDirectoryName */.a)(id), side]);
    const init = await context.terraform.init(call('init'), backend);
    if (init.exitCode !== 0)
        return { error: failed('init', init.tail) };
    const pulled = await context.terraform.statePull(call('state-pull'));
    if (pulled.exitCode !== 0)
        return { error: failed('state pull', pulled.tail) };
    try {
        return { identity: (0,state_identity/* parseStateIdentity */.V)(pulled.stdout) };
    }
    catch (error) {
        return { error: error.message };
    }
}
function failed(command, tail) {
    return (0,drill_readiness/* summariseFailure */.N9)(`terraform ${command} failed\n${tail}`, 'failed');
}


/***/ }),

/***/ 7087:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  STRAY_HELP: () => (/* binding */ STRAY_HELP),
  strayCommand: () => (/* binding */ strayCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/adapters/load-manifest.js + 7 modules
var load_manifest = __webpack_require__(5388);
// EXTERNAL MODULE: ./build/tsc/core/dr/drill-readiness.js
var drill_readiness = __webpack_require__(2796);
// EXTERNAL MODULE: ./build/tsc/core/manifest/primary-region.js
var primary_region = __webpack_require__(7290);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: ./build/tsc/core/dr/steady-state.js
var steady_state = __webpack_require__(680);
// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
;// CONCATENATED MODULE: ./build/tsc/core/dr/stray-instances.js




/** Every instance in `region` that normal runs do not manage, in graph order. */
function strayCandidates(graph, manifest, region) {
    const roleOf = (0,steady_state/* steadyStateRoles */.xi)(manifest);
    const environments = new Map();
    const accounts = new Map(manifest.accounts.map((account) => [account.name, account]));
    for (const account of manifest.accounts) {
        for (const environment of account.environments) {
            environments.set(`${account.name}/${environment.name}`, environment);
        }
    }
    const environmentOf = (instance) => instance.account === null || instance.environment === null
        ? undefined
        : (0,lookup/* getOrThrow */.Gp)(environments, `${instance.account}/${instance.environment}`, 'environment');
    const kindOf = (instance, primary) => {
        const environment = environmentOf(instance);
        if (environment === undefined)
            return 'region-layer';
        return environment.regions.includes(primary) ? 'environment-copy' : 'narrowed-environment';
    };
    const selectionOf = (instance) => {
        if (instance.account === null)
            return [];
        const account = { setting: 'account', value: instance.account };
        if (environmentOf(instance)?.primaryRegion !== undefined) {
            return [account, { setting: 'environment', value: String(instance.environment) }];
        }
        return accounts.get(instance.account)?.primaryRegion === undefined ? [] : [account];
    };
    return graph.instances
        .filter((instance) => instance.region === region && roleOf(instance) === null)
        .map((instance) => {
        const primary = (0,primary_region/* primaryRegionFor */.k7)(manifest, instance.account, instance.environment);
        return { id: instance.id, kind: kindOf(instance, primary), primary, selection: selectionOf(instance) };
    });
}
/**
 * The report: each candidate with resources (or unreadable) and its commands. Retiring goes through a
 * failback to the current primary from the region (it destroys what steady state does not keep there and
 * returns the region to secondary); re-adopting through a failback to the region (it becomes primary, its
 * environments managed again). A narrowed environment has no other home: retiring it destroys it, and the
 * report says so. The commands are worded by `command`, as the entry that shows the report words them.
 */
function strayReport(manifest, region, candidates, readings, command) {
    const primary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
    const entries = [];
    const empty = [];
    for (const candidate of candidates) {
        const reading = (0,lookup/* getOrThrow */.Gp)(readings, candidate.id, 'a stray reading');
        if ('resources' in reading && reading.resources === 0) {
            empty.push(candidate.id);
            continue;
        }
        const [resources, error] = 'resources' in reading ? [reading.resources, null] : [null, reading.error];
        entries.push({
            id: candidate.id,
            kind: candidate.kind,
            resources,
            error,
            ...describe(candidate, region, command),
        });
    }
    return { region, primary, entries, empty };
}
function describe(candidate, region, command) {
    const { primary, selection } = candidate;
    const retire = command((0,wording/* suggest */.Z)('failback', { setting: 'to', value: primary }, { setting: 'from', value: region }, ...selection));
    const failback = command((0,wording/* suggest */.Z)('failback', { setting: 'to', value: region }, ...selection));
    switch (candidate.kind) {
        case 'environment-copy':
            return {
                what: `the copy left in ${region}: the environment runs in ${primary} now`,
                retire,
                readopt: failback,
            };
        case 'narrowed-environment':
            return {
                what: `an environment that runs only outside ${primary}: no normal run manages it while ${primary} is primary; retiring it destroys the environment`,
                retire,
                readopt: `${failback} (or add ${primary} to its regions, or give it pilot_light or warm_standby, so steady state manages it)`,
            };
        case 'region-layer':
            return {
                what: `a region layer not marked standby: steady state keeps it only in the primary`,
                retire,
                readopt: `${failback} (or mark its layer standby: true)`,
            };
    }
}
/** The report as text for the terminal: what is still there, and the commands. */
function renderStrayReport(report) {
    const lines = [
        `Stray in ${report.region} (not managed while ${report.primary} is primary): ${report.entries.length === 0 ? 'nothing' : String(report.entries.length)}`,
    ];
    for (const entry of report.entries) {
        const found = entry.error === null ? `${String(entry.resources)} resources` : `state not read: ${entry.error}`;
        lines.push('', `${entry.id} (${found})`, `  ${entry.what}`, `  retire:    ${entry.retire}`, `  re-adopt:  ${entry.readopt}`);
    }
    if (report.empty.length > 0)
        lines.push('', `Empty there (nothing to do): ${report.empty.join(', ')}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/tsc/core/manifest/check-region.js
var check_region = __webpack_require__(1556);
// EXTERNAL MODULE: ./build/tsc/engine/work-directory.js
var work_directory = __webpack_require__(6809);
// EXTERNAL MODULE: ./build/tsc/terraform/errors.js
var errors = __webpack_require__(9963);
;// CONCATENATED MODULE: ./build/tsc/terraform/state-resources.js

/**
 * How many managed resource instances the state `state pull` printed holds (data sources not counted); 0 for
 * no state at all (it prints nothing).
 */
function stateResourceCount(text) {
    if (text.trim() === '')
        return 0;
    let state;
    try {
        state = JSON.parse(text);
    }
    catch {
        throw new errors/* TerraformOutputError */.y('terraform state pull', 'a state in JSON', `'${text.trim().slice(0, 40)}'`);
    }
    const resources = state?.resources;
    if (!Array.isArray(resources))
        return 0;
    let count = 0;
    for (const resource of resources) {
        if (resource.mode !== 'managed')
            continue;
        count += Array.isArray(resource.instances) ? resource.instances.length : 0;
    }
    return count;
}

// EXTERNAL MODULE: ./build/tsc/app/dr/replica-states.js + 1 modules
var replica_states = __webpack_require__(9263);
// EXTERNAL MODULE: ./build/tsc/app/engine-setup.js + 8 modules
var engine_setup = __webpack_require__(5632);
;// CONCATENATED MODULE: ./build/tsc/app/dr/stray-report.js










/**
 * `strata stray --region R`: R is back after a failover. Reads, in R only and without a lock (init and
 * `state pull`), the state of every instance the manifest can place in R that steady state no longer
 * manages, and reports those that still hold resources, each with its retire and re-adopt commands
 * (core/dr/stray-instances.ts). Changes nothing.
 */
async function reportStray(settings, adapters) {
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd);
    (0,check_region/* checkRegionDeclared */.j)(loaded.manifest, settings.region, 'region');
    const { terraform, workDirectory, base } = await (0,engine_setup/* setUpEngine */._)({ ...settings, failFast: false }, loaded, adapters);
    const candidates = strayCandidates(loaded.graph, loaded.manifest, settings.region);
    const readings = new Map();
    for (const candidate of candidates) {
        const instance = (0,lookup/* getOrThrow */.Gp)(loaded.graph.byId, candidate.id, 'a stray candidate');
        const call = await (0,replica_states/* stateReadCalls */.j)({ workDirectory, signal: base.signal, timeoutMs: base.commandTimeoutMs }, instance.id, external_node_path_.resolve(loaded.directory, instance.path), ['stray', (0,work_directory/* instanceDirectoryName */.a)(instance.id)]);
        const init = await terraform.init(call('init'), loaded.graph.backendOf(instance));
        if (init.exitCode !== 0) {
            readings.set(instance.id, { error: (0,drill_readiness/* summariseFailure */.N9)(`init failed\n${init.tail}`, 'failed') });
            continue;
        }
        const pulled = await terraform.statePull(call('state-pull'));
        if (pulled.exitCode !== 0) {
            readings.set(instance.id, { error: (0,drill_readiness/* summariseFailure */.N9)(`state pull failed\n${pulled.tail}`, 'failed') });
            continue;
        }
        try {
            readings.set(instance.id, { resources: stateResourceCount(pulled.stdout) });
        }
        catch (error) {
            readings.set(instance.id, { error: error.message });
        }
    }
    return strayReport(loaded.manifest, settings.region, candidates, readings, settings.wording.command);
}

// EXTERNAL MODULE: ./build/tsc/core/errors.js
var core_errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/cli/run-options.js
var run_options = __webpack_require__(5474);
// EXTERNAL MODULE: ./build/tsc/cli/terraform-command.js + 2 modules
var terraform_command = __webpack_require__(1984);
;// CONCATENATED MODULE: ./build/tsc/cli/stray-command.js







const STRAY_HELP = `Usage: strata stray --region REGION [options]

REGION came back after a failover. Lists what Strata still finds running there that the steady state no longer
manages: environment copies left in the old primary, environments narrowed to it (no normal run manages them
while another region is primary), region layers not marked standby. Reads only REGION, without a lock (init and
state pull of each candidate), and changes nothing. Each entry comes with the command that retires it (a
failback to the current primary from REGION: destroys what steady state does not keep there) and the one
that re-adopts it (a failback to REGION).

Options:
  --region REGION          the region that came back (required)
  --manifest FILE          the manifest (default: layers.yml)
  --work-dir DIR           where Strata keeps Terraform data and logs (default: .strata)
  --json-out FILE          write the report as JSON
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 read everything (whether or not something is stray), 1 a state could not be read, 2 bad input.
`;
async function strayCommand(argv, output, process) {
    const values = (0,external_node_util_.parseArgs)({
        args: argv,
        // Only what the report uses: it reads states one at a time, plans nothing and destroys nothing, so
        // --parallelism, --plan-dir and --allow-destroy are refused, not silently ignored.
        options: {
            manifest: run_options/* RUN_OPTIONS */.p7.manifest,
            'work-dir': run_options/* RUN_OPTIONS */.p7['work-dir'],
            'json-out': run_options/* RUN_OPTIONS */.p7['json-out'],
            'terraform-binary': run_options/* RUN_OPTIONS */.p7['terraform-binary'],
            help: run_options/* RUN_OPTIONS */.p7.help,
            region: { type: 'string' },
        },
        allowPositionals: false,
        strict: true,
    }).values;
    if (values.help) {
        output.out(STRAY_HELP);
        return 0;
    }
    if (values.region === undefined)
        throw new core_errors/* UsageError */.eb('--region REGION is required: the region that came back');
    const session = (0,terraform_command.createCliSession)(output, undefined);
    const report = await reportStray({ ...(0,run_options/* runSettingsFromFlags */.uF)(values, process), region: values.region }, session.adapters(process.signal));
    const jsonOut = (0,run_options/* pathFromCwd */.U3)(process, values['json-out']);
    if (jsonOut !== undefined)
        await (0,promises_.writeFile)(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
    output.out(session.redactor.redact(renderStrayReport(report)));
    return report.entries.some((entry) => entry.error !== null) ? 1 : 0;
}


/***/ }),

/***/ 2796:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KB: () => (/* binding */ drillReadiness),
/* harmony export */   N9: () => (/* binding */ summariseFailure),
/* harmony export */   i_: () => (/* binding */ isReady)
/* harmony export */ });
/* unused harmony export summariseError */
/* harmony import */ var _run_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3436);

/**
 * The readiness of each instance a drill planned, every 'no' with its reason: the backend in the target
 * region, the replicas of failed-region state it reads (`replicated`: reachable; `replicas`: as fresh as
 * the primary, when compared), its plan.
 */
function drillReadiness(instances, graph, replicated, replicas, 
/** Instances the failover plans once the upstreams it creates (the values) are applied: unproven, not a no. */
deferred = new Map()) {
    const checks = new Map(replicas.map((check) => [check.id, check]));
    return instances.map((instance) => {
        const sources = graph.inputsOf(instance.id).flatMap((input) => input.sources.map((source) => source.id));
        const readsReplica = sources.some((id) => replicated.has(id));
        const read = sources
            .map((id) => checks.get(id))
            .filter((check) => check !== undefined);
        const failedAt = instance.status === 'failed' ? instance.step : null;
        const backendReachable = failedAt !== 'init';
        const replicaReachable = readsReplica ? failedAt !== 'read-upstream' : null;
        const notFresh = read.filter((check) => check.status !== 'fresh');
        const replicaFresh = read.length > 0 ? notFresh.length === 0 : null;
        const planSucceeded = instance.status === 'succeeded';
        let reason = null;
        if (!backendReachable)
            reason = `backend: ${summariseError(instance)}`;
        else if (replicaReachable === false)
            reason = `replica: ${summariseError(instance)}`;
        else if (notFresh.length > 0)
            reason = notFresh.map((check) => `replica of ${check.id} ${check.status}: ${check.detail}`).join('; ');
        else if (!planSucceeded && !deferred.has(instance.id))
            reason = `plan: ${summariseError(instance)}`;
        return {
            id: instance.id,
            backendReachable,
            replicaReachable,
            replicaFresh,
            planSucceeded,
            changes: (0,_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .changesOf */ .fs)(instance),
            mockedUpstreams: [...((0,_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .progressOf */ .jA)(instance)?.mockedUpstreams ?? [])],
            deferredUntil: [...(deferred.get(instance.id) ?? [])],
            reason,
        };
    });
}
function isReady(entry) {
    return entry.reason === null;
}
/**
 * One line for a table cell: the step's headline and Terraform's own `Error:` line when there is one
 * (`terraform init failed (exit code 1): Error: Failed to get existing workspaces`), or the skip reason.
 */
function summariseError(instance) {
    return summariseFailure(failureText(instance), instance.status);
}
/** `summariseError` of a failure's text; `fallback` when there is none. */
function summariseFailure(text, fallback) {
    if (text === null)
        return fallback;
    const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const headline = lines[0] ?? fallback;
    const terraformError = lines
        .slice(1)
        .find((line) => line.startsWith('Error:') || line.startsWith('│ Error:'));
    return terraformError ? `${headline}: ${terraformError.replace(/^│ /, '')}` : headline;
}
/** What an instance that did not succeed says about why: its error, or its skip or cancel reason. */
function failureText(instance) {
    switch (instance.status) {
        case 'failed':
            return instance.error;
        case 'skipped':
        case 'cancelled':
            return instance.reason;
        case 'pending':
        case 'running':
        case 'succeeded':
            return null;
    }
}


/***/ }),

/***/ 5946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ parseStateIdentity)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9963);

const SOURCE = 'terraform state pull';
/** The identity of the state `state pull` printed; null when there is no state yet (it prints nothing). */
function parseStateIdentity(text) {
    if (text.trim() === '')
        return null;
    let state;
    try {
        state = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TerraformOutputError */ .y(SOURCE, 'a state in JSON', `'${text.trim().slice(0, 40)}'`);
    }
    const { lineage, serial } = (state ?? {});
    if (typeof lineage !== 'string' || typeof serial !== 'number') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TerraformOutputError */ .y(SOURCE, 'a state with a lineage and a serial', 'neither');
    }
    return { lineage, serial };
}


/***/ })

};

//# sourceMappingURL=87.cli.js.map