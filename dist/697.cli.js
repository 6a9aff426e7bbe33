export const id = 697;
export const ids = [697];
export const modules = {

/***/ 6697:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MIGRATE_HELP: () => (/* binding */ MIGRATE_HELP),
  migrateCommand: () => (/* binding */ migrateCommand)
});

// EXTERNAL MODULE: ./build/tsc/core/render/plural.js
var plural = __webpack_require__(9102);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/adapters/load-manifest.js + 7 modules
var load_manifest = __webpack_require__(5388);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: ./build/tsc/core/migrate/state-document.js
var state_document = __webpack_require__(2834);
// EXTERNAL MODULE: ./build/tsc/engine/work-directory.js
var work_directory = __webpack_require__(6809);
// EXTERNAL MODULE: ./build/tsc/app/engine-setup.js + 8 modules
var engine_setup = __webpack_require__(5632);
// EXTERNAL MODULE: ./build/tsc/app/execute-run.js + 6 modules
var execute_run = __webpack_require__(3282);
;// CONCATENATED MODULE: ./build/tsc/adapters/code-mirror.js


/**
 * A stand-in for `root` in which the layer at `layerPath` can be given extra files without touching the real
 * one: everything is a symbolic link to the original except the directories down to the layer, and the
 * layer's own files, which are copies (so `init` writing its lock file writes the copy). Relative module
 * sources inside `root` resolve as they do in the original. Returns the layer's directory in the mirror, or
 * null when the layer lies outside `root`.
 */
async function mirrorLayerCode(options) {
    const steps = external_node_path_.posix
        .normalize(options.layerPath)
        .split('/')
        .filter((step) => step !== '' && step !== '.');
    if (steps.includes('..'))
        return null;
    await (0,promises_.rm)(options.into, { recursive: true, force: true });
    let source = external_node_path_.resolve(options.root);
    let target = options.into;
    const into = external_node_path_.resolve(options.into);
    await (0,promises_.mkdir)(target, { recursive: true });
    for (const step of steps) {
        for (const entry of await (0,promises_.readdir)(source)) {
            const original = external_node_path_.join(source, entry);
            // Never a link to the folder the mirror is in (the work directory, under the manifest's directory).
            if (entry === step || into === original || into.startsWith(`${original}${external_node_path_.sep}`))
                continue;
            await (0,promises_.symlink)(original, external_node_path_.join(target, entry));
        }
        source = external_node_path_.join(source, step);
        target = external_node_path_.join(target, step);
        await (0,promises_.mkdir)(target);
    }
    for (const entry of await (0,promises_.readdir)(source, { withFileTypes: true })) {
        const original = external_node_path_.join(source, entry.name);
        if (entry.name === '.terraform' || into === original || into.startsWith(`${original}${external_node_path_.sep}`)) {
            continue;
        }
        if (entry.isFile())
            await (0,promises_.copyFile)(original, external_node_path_.join(target, entry.name));
        else
            await (0,promises_.symlink)(original, external_node_path_.join(target, entry.name));
    }
    for (const [name, text] of Object.entries(options.files))
        await (0,promises_.writeFile)(external_node_path_.join(target, name), text);
    return target;
}

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
// EXTERNAL MODULE: ./build/tsc/engine/run-engine.js + 12 modules
var run_engine = __webpack_require__(698);
;// CONCATENATED MODULE: ./build/tsc/app/plan-texts.js



/** How much of one instance's plan text reports read: summaries and comments are cut far below this anyway. */
const PLAN_TEXT_LIMIT = 512 * 1024;
/** Each instance's plan text as Terraform printed it (the plan step's log), masked and cut at a sane size. */
async function readPlanTexts(executed) {
    const texts = new Map();
    for (const instance of executed.run.instances) {
        const logFile = external_node_path_.join(executed.workDirectory, 'instances', (0,work_directory/* instanceDirectoryName */.a)(instance.id), 'plan.log');
        let handle;
        try {
            handle = await (0,promises_.open)(logFile);
        }
        catch {
            continue;
        }
        try {
            const buffer = Buffer.alloc(PLAN_TEXT_LIMIT);
            const { bytesRead } = await handle.read(buffer, 0, PLAN_TEXT_LIMIT, 0);
            const { size } = await handle.stat();
            let text = buffer.subarray(0, bytesRead).toString('utf8');
            if (size > bytesRead)
                text = `${text.slice(0, text.lastIndexOf('\n') + 1)}… (${size - bytesRead} more bytes in the log)\n`;
            texts.set(instance.id, executed.redactor.redact(text));
        }
        finally {
            await handle.close();
        }
    }
    return texts;
}

// EXTERNAL MODULE: ./build/tsc/app/steady-state-context.js
var steady_state_context = __webpack_require__(8005);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-estate-reading.js + 1 modules
var migration_estate_reading = __webpack_require__(519);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/tsc/app/migrate/migration-receiving-state.js


/**
 * What `instance`'s state becomes once `moves` are written into it from the old roots' `rootStates`: the same
 * for the migration's preview and its apply; a new state takes a fresh lineage.
 */
function receivingStateOf(instance, current, rootStates, moves) {
    return (0,state_document/* receivingState */.I4)({
        current,
        sources: rootStates,
        moves,
        lineage: (0,external_node_crypto_.randomUUID)(),
        instanceId: instance.id,
    });
}

// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-handles.js
var migration_state_handles = __webpack_require__(8457);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-transfer.js
var migration_state_transfer = __webpack_require__(9547);
;// CONCATENATED MODULE: ./build/tsc/app/migrate/migration-preview.js













/** Beside the layer's code in the mirror: the backend the preview plans against instead of the real one. */
const OVERRIDE_FILE = 'strata_migrate_preview_override.tf';
const LOCAL_BACKEND = 'terraform {\n  backend "local" {}\n}\n';
/**
 * What the instance's new code would plan once `moves` are in its state, without writing any state: the
 * would-be state (what `migrate apply` would push) goes into a local file in the work directory, and the
 * instance is planned through the normal engine (its variables, its upstreams' outputs read from their own
 * states) against that file, from a mirror of the code whose override file swaps the backend for `local`.
 */
async function previewInstance(context, engine, instance, moves, rootStates) {
    const current = await (0,migration_state_transfer/* pullState */.p)(context, (0,migration_state_handles/* instanceHandle */.G)(context, instance)).catch(migration_estate_reading/* asUsageError */.IG);
    let wouldBe;
    let alreadyThere = 0;
    try {
        const receiving = receivingStateOf(instance, current, rootStates, moves);
        wouldBe = receiving.state ?? current;
        alreadyThere = receiving.alreadyThere.length;
    }
    catch (error) {
        if (!(error instanceof errors/* UsageError */.eb))
            throw error;
        return { id: instance.id, alreadyThere, status: 'not-planned', reason: error.message };
    }
    const directory = external_node_path_.join(context.workDirectory, 'migrate', 'preview', (0,work_directory/* instanceDirectoryName */.a)(instance.id));
    await (0,promises_.mkdir)(directory, { recursive: true });
    const stateFile = external_node_path_.join(directory, 'would-be.tfstate');
    await (0,promises_.writeFile)(stateFile, `${JSON.stringify(wouldBe, null, 2)}\n`, { mode: 0o600 });
    const layerDirectory = await mirrorLayerCode({
        root: context.loaded.directory,
        layerPath: instance.path,
        into: external_node_path_.join(directory, 'code'),
        files: { [OVERRIDE_FILE]: LOCAL_BACKEND },
    });
    if (layerDirectory === null) {
        const reason = `its layer's code (${instance.path}) is outside the manifest's directory, which the preview mirrors`;
        return { id: instance.id, alreadyThere, status: 'not-planned', reason };
    }
    const previewed = {
        ...instance,
        path: external_node_path_.relative(context.loaded.directory, layerDirectory).split(external_node_path_.sep).join('/'),
    };
    const workDirectory = external_node_path_.join(directory, 'run');
    const { reporter } = engine.base;
    const run = await (0,run_engine/* runEngine */.c)({
        ...engine.base,
        // Progress as usual; the plan text is shown in the preview itself, not as the engine's log group.
        reporter: {
            instanceChanged: (each, sofar) => {
                reporter.instanceChanged(each, sofar);
            },
            secrets: (values) => {
                reporter.secrets(values);
            },
            instanceOutput: () => Promise.resolve(),
        },
        workDirectory,
        command: 'plan',
        manifest: context.loaded.manifest,
        graph: withInstance(context.loaded.graph, previewed, { type: 'local', config: { path: stateFile } }),
        dag: { ids: [instance.id], dependsOn: new Map() },
        contextOf: (0,steady_state_context/* steadyStateContext */.x)(context.loaded.manifest),
    });
    const result = run.instances.find((each) => each.id === instance.id);
    if (result?.status !== 'succeeded') {
        return { id: instance.id, alreadyThere, status: 'not-planned', reason: whyNotPlanned(result) };
    }
    if (!(0,run_result/* hasChanges */.ik)(result.changes) || result.changes === null) {
        return { id: instance.id, alreadyThere, status: 'no-changes', mockedUpstreams: result.mockedUpstreams };
    }
    const texts = await readPlanTexts({ run, workDirectory, redactor: engine.base.redactor });
    return {
        id: instance.id,
        alreadyThere,
        status: 'changes',
        changes: result.changes,
        resourceChanges: result.resourceChanges,
        planText: reviewText(texts.get(instance.id) ?? ''),
    };
}
/** Why an instance's plan did not succeed: its error, or why it was skipped or not run. */
function whyNotPlanned(result) {
    if (result === undefined)
        return 'it was not planned';
    if ('error' in result)
        return result.error;
    return 'reason' in result ? result.reason : result.status;
}
/** The graph with one instance replaced, its state in `backend` (the engine reads instances and inputs by id only). */
function withInstance(graph, replacement, backend) {
    const instances = graph.instances.map((each) => (each.id === replacement.id ? replacement : each));
    return {
        instances,
        byId: new Map(instances.map((each) => [each.id, each])),
        dependents: graph.dependents,
        inputsOf: (id) => graph.inputsOf(id),
        backendOf: (each) => (each.id === replacement.id ? backend : graph.backendOf(each)),
        varsOf: (each) => graph.varsOf(each),
    };
}
/** The plan as a review reads it: without the refresh lines, from the first line that says something. */
function reviewText(log) {
    return log
        .split('\n')
        .filter((line) => !/: Refreshing state\.\.\./.test(line))
        .join('\n')
        .trim();
}

// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-file.js
var migration_file = __webpack_require__(9930);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-context.js
var migration_context = __webpack_require__(7705);
// EXTERNAL MODULE: ./build/tsc/terraform/lock-info.js
var lock_info = __webpack_require__(1896);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-terraform-steps.js
var migration_terraform_steps = __webpack_require__(9412);
;// CONCATENATED MODULE: ./build/tsc/app/migrate/migration-state-locks.js




/**
 * Takes the state lock of every handle (in the order of their labels, so two migrations never wait on each
 * other in a circle) and holds them, each through one `console` process of the binary, until `release`:
 * any other Terraform or Strata run that writes one of these states waits for its lock timeout and fails.
 * Meanwhile the migration's own writes run with `-lock=false`. Throws, holding nothing, when a lock is held
 * elsewhere past the manifest's `lock_timeout`.
 */
async function holdLocks(context, handles) {
    const holders = [];
    const releaseAll = async () => {
        for (const holder of holders)
            holder.release();
        await Promise.all(holders.map((holder) => holder.exited));
    };
    const ordered = [...handles].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    try {
        for (const handle of ordered) {
            await (0,migration_terraform_steps/* ensureInitialised */.CK)(context, handle);
            const released = settled();
            const held = settled();
            const call = { ...(0,migration_terraform_steps/* callFor */.gL)(context, handle, 'hold-lock'), timeoutMs: undefined };
            const exited = context.terraform.holdLock(call, {
                lockTimeout: context.loaded.manifest.terraform.lockTimeout,
                localStateFile: await localStateFile(handle, call.dataDirectory),
                release: released.promise,
                onHeld: held.settle,
            });
            holders.push({ release: released.settle, exited });
            const first = await Promise.race([held.promise.then(() => 'held'), exited]);
            if (first !== 'held') {
                const lock = (0,lock_info/* parseLockError */.j0)(first.tail);
                if (!lock)
                    throw (0,migration_terraform_steps/* failureOf */.g5)(handle, 'taking the state lock', first);
                const now = context.adapters.now?.() ?? new Date();
                throw new migration_terraform_steps/* MigrationStepError */.XH(`another run holds a state this move touches, so nothing was written. ${(0,lock_info/* describeLock */.FD)(lock, now, { instanceId: handle.label, layerPath: external_node_path_.relative(context.settings.cwd, handle.cwd) || '.', command: context.settings.wording.command })}`);
            }
        }
    }
    catch (error) {
        await releaseAll();
        throw error;
    }
    return { release: releaseAll };
}
/** A promise and the function that settles it. */
function settled() {
    const settlers = [];
    const promise = new Promise((resolve) => settlers.push(resolve));
    return {
        promise,
        settle: () => {
            for (const settle of settlers)
                settle();
        },
    };
}
/**
 * The state file of a local backend, as init recorded it in the data directory (its `path`, or the default),
 * for `holdLock`; null for any other backend.
 */
async function localStateFile(handle, dataDirectory) {
    const text = await (0,promises_.readFile)(external_node_path_.join(dataDirectory, 'terraform.tfstate'), 'utf8').catch(() => '');
    const recorded = (text === '' ? {} : JSON.parse(text));
    if (recorded.backend?.type !== 'local')
        return null;
    return external_node_path_.resolve(handle.cwd, recorded.backend.config?.path ?? 'terraform.tfstate');
}

;// CONCATENATED MODULE: ./build/tsc/app/migrate/migrate.js



















/**
 * Reads the old states and the receiving instances' states (init and `state pull`: no lock, no write), maps
 * the resources, and plans each receiving instance against its would-be state (see `previewInstance`).
 */
async function planMigration(settings, adapters) {
    const file = await (0,migration_file/* readMigrationFile */.r)(settings);
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd);
    const engine = await (0,engine_setup/* setUpEngine */._)({ ...settings, failFast: true }, loaded, adapters);
    const context = await (0,migration_context/* openMigration */.F)(settings, adapters, file, { ...engine, loaded });
    const { plan, states } = (0,migration_estate_reading/* mappedOrThrow */.BK)(context, await (0,migration_estate_reading/* readEstate */.L3)(context));
    const previews = [];
    for (const [id, moves] of plan.mapping.receiving) {
        const instance = (0,lookup/* getOrThrow */.Gp)(loaded.graph.byId, id, 'a receiving instance');
        previews.push(await previewInstance(context, engine, instance, moves, states));
    }
    return { ...plan, previews };
}
/**
 * Moves the resources of one layer's instances (or of one instance) out of the old roots, one instance at a
 * time: back up every state it touches, push the instance's state with the resources added, plan it and
 * require no change at all (apply that plan, which only records the instance's outputs), then push each old
 * root's state without them. Any failure puts every touched state back as its backup had it. Stops at the
 * first instance that fails.
 */
async function applyMigration(settings, adapters) {
    const context = await openContext(settings, adapters);
    const targets = targetInstances(context.loaded, settings);
    const read = async () => (0,migration_estate_reading/* mappedOrThrow */.BK)(context, await (0,migration_estate_reading/* readEstate */.L3)(context));
    let { plan, states } = await read();
    const instances = [];
    for (const instance of targets) {
        const result = await migrateInstance(context, instance, plan.mapping.receiving.get(instance.id) ?? [], states);
        instances.push(result);
        if (result.status === 'failed')
            break;
        // The next instance reads the roots as this one left them.
        if (result.status === 'moved')
            ({ plan, states } = await read());
    }
    return { plan, instances };
}
async function openContext(settings, adapters) {
    return (0,migration_context/* openMigration */.F)(settings, adapters, await (0,migration_file/* readMigrationFile */.r)(settings));
}
function targetInstances(loaded, selection) {
    if ((selection.layer === undefined) === (selection.instance === undefined)) {
        throw new errors/* UsageError */.eb((name) => `give one of ${name('layer')} or ${name('instance')}: migrate apply moves one layer or one instance at a time`);
    }
    const chosen = loaded.graph.instances.filter((instance) => selection.instance === undefined
        ? instance.layer === selection.layer
        : instance.id === selection.instance);
    if (chosen.length === 0) {
        throw new errors/* UsageError */.eb((name, command) => selection.instance === undefined
            ? `${name('layer')} '${selection.layer ?? ''}' is not a layer of the manifest (layers: ${loaded.manifest.layers.map((layer) => layer.name).join(', ')})`
            : `${name('instance')} '${selection.instance}' is not an instance of the manifest; '${command((0,wording/* suggest */.Z)('graph'))}' lists them`);
    }
    return chosen;
}
async function migrateInstance(context, instance, moves, rootStates) {
    const base = {
        id: instance.id,
        moves,
        alreadyThere: [],
        backups: [],
    };
    if (moves.length === 0)
        return { ...base, status: 'nothing-to-move' };
    const target = (0,migration_state_handles/* instanceHandle */.G)(context, instance);
    const touched = [...new Set(moves.map((move) => move.root))].map((name) => ({
        name,
        handle: (0,migration_state_handles/* rootHandle */.X)(context, name),
    }));
    let locks;
    try {
        locks = await holdLocks(context, [target, ...touched.map(({ handle }) => handle)]);
    }
    catch (error) {
        if (!(error instanceof migration_terraform_steps/* MigrationStepError */.XH))
            throw error;
        return { ...base, status: 'failed', error: error.message, restored: [], notRestored: [] };
    }
    try {
        return await moveUnderLocks(context, { instance, moves, rootStates, target, touched, base });
    }
    finally {
        await locks.release();
    }
}
/** The move itself, while the migration holds the lock of every state it touches. */
async function moveUnderLocks(context, move) {
    const { instance, moves, rootStates, target, touched, base } = move;
    const current = await (0,migration_state_transfer/* pullState */.p)(context, target).catch(migration_estate_reading/* asUsageError */.IG);
    const backupDirectory = external_node_path_.join(context.workDirectory, 'migrate', 'backups', `${new Date().toISOString().replaceAll(':', '-')}-${(0,work_directory/* instanceDirectoryName */.a)(instance.id)}`);
    await (0,promises_.mkdir)(backupDirectory, { recursive: true });
    const backups = new Map([[target, current]]);
    for (const { name, handle } of touched)
        backups.set(handle, rootStates.get(name) ?? null);
    for (const [handle, state] of backups) {
        const file = external_node_path_.join(backupDirectory, `${handle.label.replace(/[^A-Za-z0-9_.-]+/g, '_')}.tfstate`);
        await (0,promises_.writeFile)(file, state ? `${JSON.stringify(state, null, 2)}\n` : '', { mode: 0o600 });
        base.backups.push({ ...(0,migration_estate_reading/* recordOf */.zv)(handle, state), file });
    }
    try {
        // Read before the locks were taken: nothing may have written them since.
        for (const { name, handle } of touched) {
            await checkUnchanged(context, handle, (0,lookup/* getOrThrow */.Gp)(rootStates, name, 'a touched root'));
        }
        const receiving = receivingStateOf(instance, current, rootStates, moves);
        base.alreadyThere = receiving.alreadyThere;
        if (receiving.state)
            await (0,migration_state_transfer/* pushState */.c)(context, target, receiving.state);
        await proveNoChanges(context, instance);
        for (const { name, handle } of touched) {
            const before = (0,lookup/* getOrThrow */.Gp)(rootStates, name, 'a touched root');
            // Under the lock nothing else writes it; a backend without locking is caught here.
            await checkUnchanged(context, handle, before);
            await (0,migration_state_transfer/* pushState */.c)(context, handle, (0,state_document/* trimmedState */.A4)(before, new Set(moves.filter((move) => move.root === name).map((move) => move.from))));
        }
        return { ...base, status: 'moved' };
    }
    catch (error) {
        // Whatever went wrong (a bug too), the states go back first.
        const restored = [];
        const notRestored = [];
        for (const [handle, backup] of backups) {
            try {
                const restoring = (0,state_document/* restoringState */.D0)(backup, await (0,migration_state_transfer/* pullState */.p)(context, handle));
                if (restoring) {
                    await (0,migration_state_transfer/* pushState */.c)(context, handle, restoring);
                    restored.push(handle.label);
                }
            }
            catch (restoreError) {
                notRestored.push(`${handle.label}: ${restoreError.message}`);
            }
        }
        if (!(error instanceof migration_terraform_steps/* MigrationStepError */.XH || error instanceof errors/* UsageError */.eb))
            throw error;
        return { ...base, status: 'failed', error: error.message, restored, notRestored };
    }
}
async function checkUnchanged(context, handle, before) {
    const now = await (0,migration_state_transfer/* pullState */.p)(context, handle);
    if (now?.lineage !== before.lineage || now.serial !== before.serial) {
        throw new migration_terraform_steps/* MigrationStepError */.XH(`${handle.label} changed while it was being migrated (serial ${String(before.serial)} → ${String(now?.serial ?? 'none')}): run migrate apply again once nothing else writes it`);
    }
}
/**
 * Plans the instance with its new state through the normal engine (its variables, its upstream outputs) and
 * requires no change at all; then applies exactly that plan, which changes no resource and records the
 * instance's outputs for its dependents.
 */
async function proveNoChanges(context, instance) {
    const verifyDirectory = external_node_path_.join(context.workDirectory, 'migrate', 'verify', (0,work_directory/* instanceDirectoryName */.a)(instance.id));
    const run = (command, workDirectory, planDirectory) => (0,execute_run/* executeRun */.l)({
        ...context.settings,
        command,
        workDirectory,
        planDirectory,
        selection: { filter: { instances: [instance.id] } },
        failFast: true,
        isMigrationStep: true,
    }, context.adapters);
    const planned = await run('plan', verifyDirectory);
    const result = planned.run.instances.find((each) => each.id === instance.id);
    if (result?.status !== 'succeeded') {
        throw new migration_terraform_steps/* MigrationStepError */.XH(`the plan of ${instance.id} after the move did not succeed: ${whyNotPlanned(result)}`);
    }
    const changes = result.changes;
    if (changes && changes.add + changes.change + changes.destroy + changes.replace > 0) {
        const listed = result.resourceChanges.map((change) => `  ${change.action} ${change.address}`).join('\n');
        throw new migration_terraform_steps/* MigrationStepError */.XH(`after the move, ${instance.id} plans changes (${String(changes.add)} to add, ${String(changes.change)} to change, ${String(changes.replace)} to replace, ${String(changes.destroy)} to destroy); a move must plan none:\n${listed}\nFix the rules (a missed rename shows as a destroy and an add) or the new code, then run migrate apply again`);
    }
    // Applying saved plans leaves the work directory as it finds it (it may be the plans' own), so the folder of a
    // run killed after this step is cleared here: a re-run's logs are its own, not appended to the killed run's.
    const applyDirectory = `${verifyDirectory}-apply`;
    await (0,promises_.rm)(applyDirectory, { recursive: true, force: true });
    const applied = await run('apply', applyDirectory, verifyDirectory);
    const appliedResult = applied.run.instances.find((each) => each.id === instance.id);
    if (appliedResult?.status !== 'succeeded') {
        throw new migration_terraform_steps/* MigrationStepError */.XH(`recording the outputs of ${instance.id} (its apply of the no-change plan) did not succeed`);
    }
}

// EXTERNAL MODULE: ./build/tsc/core/migrate/parse-migration.js + 2 modules
var parse_migration = __webpack_require__(1066);
;// CONCATENATED MODULE: ./build/tsc/core/render/migration-text.js



const identity = (record) => record.lineage === null ? 'no state' : `lineage ${record.lineage}, serial ${String(record.serial)}`;
/**
 * `strata migrate plan`: per new instance what it receives and from where, and what its new code would plan
 * after the move; what stays; the states read. The commands that move them are worded by `command`.
 */
function renderMigrationPlan(plan, command) {
    const previews = new Map(plan.previews.map((preview) => [preview.id, preview]));
    const lines = [`Migration plan (${plan.migrationFile})`, '', 'Old states read (read-only):'];
    for (const root of plan.roots)
        lines.push(`  ${root.state}: ${identity(root)}`);
    const { receiving, staying, unusedRules } = plan.mapping;
    lines.push('');
    if (receiving.size === 0)
        lines.push('Nothing left to move: every resource has moved or stays.');
    for (const [id, moves] of receiving) {
        lines.push(`${id} receives ${(0,plural/* plural */.L)(moves.length, 'resource')}:`);
        for (const move of moves) {
            lines.push(move.from === move.to ? `  ${move.to}  ← ${move.root}` : `  ${move.to}  ← ${move.root} ${move.from}`);
        }
        const preview = previews.get(id);
        if (preview)
            lines.push(...previewLines(preview, command));
    }
    if (staying.length > 0) {
        lines.push('', 'Staying in their roots:');
        for (const stay of staying)
            lines.push(`  ${stay.root} ${stay.address}  (rules[${String(stay.rule)}])`);
    }
    if (plan.dataSources > 0) {
        lines.push('', `${String(plan.dataSources)} data source(s) not moved: each root reads its own.`);
    }
    if (unusedRules.length > 0) {
        lines.push('', `Rules that matched no resource (moved already, or a typo): ${unusedRules.map((index) => `rules[${String(index)}]`).join(', ')}`);
    }
    const moved = [...receiving.values()].reduce((sum, moves) => sum + moves.length, 0);
    if (plan.previews.length > 0) {
        const clean = plan.previews.filter((preview) => preview.status === 'no-changes').length;
        lines.push('', `After the move ${String(clean)} of ${String(plan.previews.length)} instance(s) plan no changes (the goal; migrate apply refuses any change).`);
    }
    lines.push('', `${String(moved)} to move into ${String(receiving.size)} instance(s), ${String(staying.length)} staying. Move one layer at a time: ${command((0,wording/* suggest */.Z)('migrate apply', { setting: 'layer', value: 'LAYER' }))}`);
    return `${lines.join('\n')}\n`;
}
/** What the instance's new code plans after the move, as a plan review shows it. */
function previewLines(preview, command) {
    const lines = [];
    if (preview.alreadyThere > 0) {
        lines.push(`  HALF MIGRATED: ${String(preview.alreadyThere)} of these are in its state already and still in the old; finish with: ${command((0,wording/* suggest */.Z)('migrate apply', { setting: 'instance', value: preview.id }))}`);
    }
    if (preview.status === 'no-changes') {
        const mocked = preview.mockedUpstreams.length > 0
            ? ` (with the mock outputs of ${preview.mockedUpstreams.join(', ')}, not migrated yet)`
            : '';
        lines.push(`  after the move it plans: no changes${mocked}`);
    }
    else if (preview.status === 'not-planned') {
        lines.push(`  after the move it plans: not planned: ${indented(preview.reason, '    ').trimStart()}`);
    }
    else {
        const { add, change, replace, destroy } = preview.changes;
        lines.push(`  after the move it plans: ${String(add)} to add, ${String(change)} to change, ${String(replace)} to replace, ${String(destroy)} to destroy; migrate apply refuses this until it plans no changes:`, ...preview.resourceChanges.map((resource) => `    ${resource.action} ${resource.address}`), indented(preview.planText, '    | '));
    }
    return lines;
}
function indented(text, prefix) {
    return text
        .split('\n')
        .map((line) => `${prefix}${line}`.trimEnd())
        .join('\n');
}
/** `strata migrate apply`: per instance what moved, the backups (with lineage and serial), and any failure. */
function renderMigrationApply(instances) {
    const lines = [];
    for (const instance of instances) {
        if (instance.status === 'nothing-to-move') {
            lines.push(`${instance.id}: nothing to move`);
            continue;
        }
        lines.push(instance.status === 'moved'
            ? `${instance.id}: moved ${String(instance.moves.length)} resource(s); its plan shows no changes`
            : `${instance.id}: FAILED, nothing moved: ${instance.error}`);
        for (const move of instance.moves) {
            const finished = instance.alreadyThere.includes(move.to)
                ? ' (already there: finishing an earlier move)'
                : '';
            lines.push(`${moveLine(move)}${finished}`);
        }
        lines.push('  backups:');
        for (const backup of instance.backups)
            lines.push(`    ${backup.state} (${identity(backup)}): ${backup.file}`);
        if (instance.status === 'failed') {
            if (instance.restored.length > 0)
                lines.push(`  restored from the backups: ${instance.restored.join(', ')}`);
            for (const problem of instance.notRestored) {
                lines.push(`  NOT RESTORED, push its backup with 'state push' yourself: ${problem}`);
            }
        }
    }
    return `${lines.join('\n')}\n`;
}
/** `  to  ← root` for a resource that keeps its address, `  to  ← root from` for a renamed one. */
function moveLine(move) {
    return `  ${move.to}  ← ${move.root}${move.from === move.to ? '' : ` ${move.from}`}`;
}
/** The job summary of the action's `command: migrate`: the text the CLI prints, fenced, under a title. */
function renderMigrationSummary(title, text) {
    const fence = fenceFor(text);
    return `### ${title}\n\n${fence}text\n${text.trimEnd()}\n${fence}\n`;
}

// EXTERNAL MODULE: ./build/tsc/cli/run-options.js
var run_options = __webpack_require__(5474);
// EXTERNAL MODULE: ./build/tsc/cli/terraform-command.js + 2 modules
var terraform_command = __webpack_require__(1984);
// EXTERNAL MODULE: ./build/tsc/cli/terminal-wording.js
var terminal_wording = __webpack_require__(367);
;// CONCATENATED MODULE: ./build/tsc/cli/migrate-command.js









const MIGRATE_HELP = `Usage: strata migrate plan [options]
       strata migrate apply (--layer L | --instance ID) [options]

Moves the resources of existing Terraform roots (named in the migration file, migrate.yml beside the
manifest) into the states of the manifest's instances, without destroying or re-creating anything.

  plan    reads the old states (read-only) and prints, per new instance, the resources it receives and from
          where, and what stays. Refuses a resource that no layer and no rule claims, or that two claim.
  apply   for each instance of the layer (or the one instance): backs up every state it touches, writes the
          resources into the instance's state, plans the instance and requires no change at all (then applies
          that empty plan, which records its outputs), and only then removes them from the old states. Any
          failure puts every touched state back from its backup. Safe to run again.

Options:
  --migration FILE         the migration file (default: migrate.yml beside the manifest)
  --layer L                apply: move into every instance of layer L
  --instance ID            apply: move into this instance only
  --manifest FILE          the manifest (default: layers.yml)
  --work-dir DIR           where Strata keeps Terraform data, logs and the state backups (default: .strata)
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 success, 1 a move failed (and was undone), 2 bad input (the migration file, a rule, a root
that cannot be read).
`;
async function migrateCommand(argv, output, process) {
    try {
        return await runMigrate(argv, output, process);
    }
    catch (error) {
        // runCli reports the manifest's problems; the migration file's are named for what they are.
        if (!(error instanceof parse_migration/* MigrationFileError */.l))
            throw error;
        const count = error.problems.length;
        output.err(`${error.message}\n${(0,plural/* plural */.L)(count, 'problem')} in the migration file.\n`);
        return errors/* EXIT_BAD_INPUT */.yt;
    }
}
async function runMigrate(argv, output, process) {
    const [action, ...rest] = argv;
    const values = (0,external_node_util_.parseArgs)({
        args: rest,
        // Only what a move uses: it plans and applies each instance alone, with no change allowed and no result
        // file, so --parallelism, --plan-dir, --allow-destroy and --json-out are refused, not silently ignored.
        options: {
            manifest: run_options/* RUN_OPTIONS */.p7.manifest,
            'work-dir': run_options/* RUN_OPTIONS */.p7['work-dir'],
            'terraform-binary': run_options/* RUN_OPTIONS */.p7['terraform-binary'],
            help: run_options/* RUN_OPTIONS */.p7.help,
            migration: { type: 'string' },
            layer: { type: 'string' },
            instance: { type: 'string' },
        },
        allowPositionals: false,
        strict: true,
    }).values;
    if (values.help || action === '--help' || action === '-h') {
        output.out(MIGRATE_HELP);
        return 0;
    }
    if (action !== 'plan' && action !== 'apply') {
        throw new errors/* UsageError */.eb(`say what to do: 'strata migrate plan' or 'strata migrate apply', got '${action ?? ''}'`);
    }
    const settings = { ...(0,run_options/* runSettingsFromFlags */.uF)(values, process), migrationFile: values.migration };
    const session = (0,terraform_command.createCliSession)(output, undefined);
    const adapters = session.adapters(process.signal);
    if (action === 'plan') {
        if (values.layer !== undefined || values.instance !== undefined) {
            throw new errors/* UsageError */.eb('--layer and --instance go with migrate apply; migrate plan shows every instance');
        }
        output.out(session.redactor.redact(renderMigrationPlan(await planMigration(settings, adapters), terminal_wording/* terminalWording */.f.command)));
        return 0;
    }
    const { instances } = await applyMigration({ ...settings, layer: values.layer, instance: values.instance }, adapters);
    output.out(`\n${session.redactor.redact(renderMigrationApply(instances))}`);
    return instances.some((instance) => instance.status === 'failed') ? 1 : 0;
}


/***/ })

};

//# sourceMappingURL=697.cli.js.map