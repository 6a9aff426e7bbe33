export const id = 624;
export const ids = [624];
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

/***/ 9624:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  failoverCommand: () => (/* binding */ failoverCommand),
  failoverHelp: () => (/* binding */ failoverHelp)
});

// EXTERNAL MODULE: ./build/tsc/core/manifest/check-region.js
var check_region = __webpack_require__(1556);
// EXTERNAL MODULE: ./build/tsc/adapters/load-manifest.js + 7 modules
var load_manifest = __webpack_require__(5388);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
// EXTERNAL MODULE: ./build/tsc/core/backend/object-keys.js
var object_keys = __webpack_require__(9848);
// EXTERNAL MODULE: ./build/tsc/core/backend/tokens.js
var tokens = __webpack_require__(3374);
// EXTERNAL MODULE: ./build/tsc/core/backend/render-backend.js
var render_backend = __webpack_require__(4561);
// EXTERNAL MODULE: ./build/tsc/core/manifest/primary-region.js
var primary_region = __webpack_require__(7290);
;// CONCATENATED MODULE: ./build/tsc/core/dr/replica-backend.js




function stateRegionOf(instance, manifest) {
    return instance.region ?? manifest.backend.globalRegion;
}
/**
 * Where replication copies the instance's state: its backend rendered for the replica region (the replica's
 * bucket, endpoint, credentials), at the object key the state has in its own region, which replication keeps.
 */
function replicaBackend(manifest, graph, instance, replicaRegion) {
    const rendered = (0,render_backend/* renderInstanceBackend */.Kz)(manifest.backend, (0,tokens/* tokenValues */.g7)(instance, replicaRegion, (0,primary_region/* regionRoleOf */.Gc)(manifest, replicaRegion)));
    const config = { ...rendered.config };
    const own = graph.backendOf(instance).config;
    for (const key of (0,object_keys/* replicatedKeysOf */.d)(manifest.backend.type)) {
        const value = own[key];
        if (value !== undefined)
            config[key] = value;
    }
    return { ...rendered, config };
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/promote-replica.js

/**
 * Whether a failover from `failed` moves global and account state: only when `failed` is the global region,
 * and only for a failover of the whole estate (the global region is one setting for every account). `none`
 * when the global region is not the failed one; `stays` (with the reason, for the report) when it cannot move.
 */
function promotionTarget(manifest, failed, narrowed) {
    const { globalRegion, replicas } = manifest.backend;
    if (globalRegion !== failed)
        return { kind: 'none' };
    const replica = replicas[failed];
    if (replica === undefined) {
        return {
            kind: 'stays',
            reason: `global and account state stays in ${failed}, the failed region: backend.replicas names no replica of it, so plan and apply of global and account layers fail until ${failed} is back`,
        };
    }
    if (narrowed) {
        return {
            kind: 'stays',
            reason: `global and account state stays in ${failed}: this failover was narrowed to some accounts, environments or layers, and backend.global_region moves only with a failover of the whole estate`,
        };
    }
    return { kind: 'promote', from: failed, to: replica };
}
/** Every global and account instance, with its backend in the promoted region: the states that move. */
function promotedStates(manifest, graph, to) {
    return graph.instances
        .filter((instance) => instance.region === null)
        .map((instance) => ({
        id: instance.id,
        path: instance.path,
        backend: replicaBackend(manifest, graph, instance, to),
    }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** Whether a promotion can be relied on: every state read and no lock left in place. */
function isPromoted(promotion) {
    return (promotion.states.every((state) => state.problem === null) &&
        promotion.locks.every((lock) => lock.clearedBy !== null));
}
/**
 * Whether a lock found on a promoted state is stale: taken before the failover started. Before the
 * promotion nothing takes a lock on the replica in its own region, so such a lock was replicated from the
 * failed region (S3 does not replicate the delete that released it, or its holder died with the region). A
 * lock taken since, or one whose time cannot be read, may belong to a run going on now: it is left alone.
 */
function isStaleLock(created, failoverStartedAt) {
    return created !== null && created.getTime() < failoverStartedAt.getTime();
}
/** Who the audit line names: the GitHub actor in a workflow, else the local user. */
function actorOf(env) {
    const actor = env.GITHUB_ACTOR ?? env.USER ?? env.USERNAME;
    return actor === undefined || actor === '' ? 'unknown' : actor;
}

// EXTERNAL MODULE: ./build/tsc/core/dr/record-scope.js
var record_scope = __webpack_require__(2174);
// EXTERNAL MODULE: ./build/tsc/app/engine-setup.js + 8 modules
var engine_setup = __webpack_require__(5632);
// EXTERNAL MODULE: ./build/tsc/app/dr/failover-record.js + 4 modules
var failover_record = __webpack_require__(4885);
;// CONCATENATED MODULE: ./build/tsc/app/dr/deploy-hold.js








/**
 * The deploy hold: a failover (or failback) waiting for approval writes its record as `pending` into the
 * target region's store before it plans, so that every normal apply and destroy refuses (the failover guard,
 * core/dr/failover-guard.ts) until the move is applied, which turns the record into one in effect (or, for a
 * failback, clears it), or is released. Only the target region is written: nothing waits on the failed one.
 * The hold keeps what the record it replaces kept of other scopes' moves, and a release leaves it there.
 */
function holdDeploys(context, move, kept) {
    return (0,failover_record/* writeFailoverRecord */.t)(context, move.to, {
        ...move,
        at: context.now().toISOString(),
        status: 'pending',
        // What the record it replaces kept of other moves (recordToReplace): the move applied, or the hold
        // released, reads it back from here.
        ...(Object.keys(kept).length > 0 ? { restored: kept } : {}),
    });
}
/**
 * Releases an abandoned move's hold in `to` (its approval rejected, its run cancelled): clears a pending
 * record there and nothing else. Returns the hold released, or null when `to` held none. Refuses a record in
 * effect: that is a failover done, which only a failback undoes. With the replicated locks it cleared on the way.
 */
async function releaseDeploys(settings, adapters) {
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd);
    (0,check_region/* checkRegionDeclared */.j)(loaded.manifest, settings.to, 'to');
    const { terraform, workDirectory } = await (0,engine_setup/* setUpEngine */._)({ ...settings, failFast: false }, loaded, adapters);
    const context = {
        terraform,
        manifest: loaded.manifest,
        manifestDirectory: loaded.directory,
        logDirectory: workDirectory,
        actor: actorOf(settings.env),
        now: () => new Date(),
    };
    const record = await (0,failover_record/* readFailoverRecord */.M)(context, settings.to);
    if (record === null)
        return { released: null, clearedLocks: [] };
    if (record.status !== 'pending') {
        throw new errors/* UsageError */.eb((name, command) => `${settings.to} holds a failover from ${record.from} in effect (recorded ${record.at}), not a pending hold: ${name('release-deploys')} does not undo a failover; fail back with '${command((0,wording/* suggest */.Z)('failback', { setting: 'to', value: record.from }))}' once ${record.from} is healthy`);
    }
    // What the hold kept of other scopes' moves stays, as a failback leaving the region would leave it.
    const left = (0,record_scope/* recordLeftBehind */.R8)(record, settings.to, record.scope ?? [], (id) => loaded.graph.byId.get(id));
    const clearedLocks = left.kind === 'write' ? await (0,failover_record/* writeFailoverRecord */.t)(context, settings.to, left.record) : [];
    return { released: record, clearedLocks };
}

// EXTERNAL MODULE: ./build/tsc/core/dr/drill-readiness.js
var drill_readiness = __webpack_require__(2796);
// EXTERNAL MODULE: ./build/tsc/core/graph/expand-manifest.js + 8 modules
var expand_manifest = __webpack_require__(8056);
// EXTERNAL MODULE: ./build/tsc/core/selection/select-instances.js
var select_instances = __webpack_require__(2391);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: ./build/tsc/core/dr/failover-scope.js
var failover_scope = __webpack_require__(5833);
;// CONCATENATED MODULE: ./build/tsc/core/dr/plan-failover.js







/**
 * What a failover from `from` (default: the primary) to `to` does, worked out before anything runs, so every
 * refusal comes first: unknown regions, `to` equal to `from`, a target already primary (unless forced), a
 * selection with nothing that can move to the target.
 */
function planFailover({ manifest, locations }, request) {
    const scope = (0,failover_scope/* scopeOf */.Od)(manifest, request);
    (0,check_region/* checkRegionDeclared */.j)(manifest, request.to, 'to');
    const primary = (0,failover_scope/* currentPrimaryOf */.Hj)(manifest, scope, undefined);
    const from = request.from ?? primary;
    (0,check_region/* checkRegionDeclared */.j)(manifest, from, 'from');
    const to = request.to;
    if (to === from) {
        throw new errors/* UsageError */.eb((name) => `${name('to')} ${to} is the region being failed over from; choose a region that is up`);
    }
    if (to === primary && !request.force) {
        throw new errors/* UsageError */.eb((name) => `The manifest already names ${to} as the primary region${scope.length === 0 ? '' : ` of ${(0,failover_scope/* describeScope */.OI)(scope)}`}: a failover to it has nothing to take over. If the roles in ${manifest.file} were swapped before the failover ran, use ${name('force')}.`);
    }
    if ([manifest.backend.config, ...Object.values(manifest.backend.regionConfig)].some((config) => Object.values(config).some((value) => typeof value === 'string' && value.includes('{role}')))) {
        throw new errors/* UsageError */.eb(`backend.config uses {role}: a failover changes the roles, so every state location would move with it. Key the state by {region} (and {account}, {id}) instead, then fail over.`);
    }
    for (const account of request.accounts ?? []) {
        const spec = manifest.accounts.find((candidate) => candidate.name === account);
        if (spec && !spec.regions.includes(to)) {
            throw new errors/* UsageError */.eb(`Account '${account}' has no region ${to}; it cannot fail over there`);
        }
    }
    const after = (0,failover_scope/* movePrimary */.kA)(manifest, to, scope);
    const graph = (0,expand_manifest/* expandManifest */.k)({ manifest: after, locations });
    const layers = new Map(after.layers.map((layer) => [layer.name, layer]));
    const notes = [];
    for (const account of manifest.accounts) {
        if (request.accounts?.length && !request.accounts.includes(account.name))
            continue;
        for (const environment of account.environments) {
            if (request.environments?.length && !request.environments.includes(environment.name))
                continue;
            if (environment.regions.includes(from) && !environment.regions.includes(to)) {
                notes.push(`${account.name}/${environment.name} runs only in ${environment.regions.join(', ')}: it has no DR target in ${to} and is not failed over`);
            }
        }
    }
    const target = new Set(graph.instances
        .filter((instance) => instance.region === to && (0,lookup/* getOrThrow */.Gp)(layers, instance.layer, 'layer').failover === 'apply')
        .map((instance) => instance.id));
    const dag = (0,select_instances/* selectInstances */.l)(graph, {
        accounts: request.accounts,
        environments: request.environments,
        layers: request.layers,
        within: target,
    });
    if (dag.ids.length === 0) {
        throw new errors/* UsageError */.eb(`Nothing to fail over to ${to} with this selection: no region or environment layer with 'failover: apply' runs there${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
    }
    return {
        from,
        to,
        scope,
        manifest: after,
        graph,
        dag,
        context: { role: 'primary', failover: true, failedRegion: from },
        replicaBackends: replicaBackendsFor(manifest, graph, dag, from),
        notes,
    };
}
/** Upstreams outside the failover set whose state sits in the failed region, with their replica's backend. */
function replicaBackendsFor(manifest, graph, dag, from) {
    const selected = new Set(dag.ids);
    const upstream = new Set();
    const stack = [...dag.ids];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        for (const dependency of (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance').dependsOn) {
            if (selected.has(dependency) || upstream.has(dependency))
                continue;
            upstream.add(dependency);
            stack.push(dependency);
        }
    }
    const replicas = new Map();
    for (const id of [...upstream].sort()) {
        const instance = (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance');
        if (stateRegionOf(instance, manifest) !== from)
            continue;
        const replica = manifest.backend.replicas[from];
        if (replica === undefined) {
            throw new errors/* UsageError */.eb(`The outputs of ${id} are needed, but its state is in the failed region ${from} and backend.replicas names no replica of ${from}; replicate the state bucket and add 'replicas: { ${from}: <region> }' to the backend`);
        }
        replicas.set(id, replicaBackend(manifest, graph, instance, replica));
    }
    return replicas;
}

// EXTERNAL MODULE: ./build/tsc/core/dr/restored-context.js
var restored_context = __webpack_require__(9046);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/app/dr/replica-states.js + 1 modules
var replica_states = __webpack_require__(9263);
// EXTERNAL MODULE: ./build/tsc/engine/work-directory.js
var work_directory = __webpack_require__(6809);
// EXTERNAL MODULE: ./build/tsc/terraform/lock-info.js
var lock_info = __webpack_require__(1896);
// EXTERNAL MODULE: ./build/tsc/terraform/state-identity.js
var state_identity = __webpack_require__(5946);
;// CONCATENATED MODULE: ./build/tsc/app/dr/promote-replica.js







/**
 * Promotes the replica region `to` to hold global and account state: reads every such state there (init and
 * `state pull`, no lock) to make sure the replica exists, then takes and releases its lock once (a dry-run
 * `state rm`), which fails with the Lock Info when a lock replicated from the failed region is still there;
 * a lock taken before the failover started is released with `force-unlock`, the way an operator would, and
 * recorded (who, when, which lock). Nothing touches the failed region. One state at a time, each in a data
 * directory of its own.
 */
async function promoteReplica(context, regions) {
    const states = [];
    const locks = [];
    for (const state of promotedStates(context.manifest, context.graph, regions.to)) {
        const call = await (0,replica_states/* stateReadCalls */.j)(context, state.id, external_node_path_.resolve(context.manifestDirectory, state.path), ['promotion', (0,work_directory/* instanceDirectoryName */.a)(state.id)]);
        const read = await readReplica(context, call, state.backend);
        if ('problem' in read) {
            states.push({ id: state.id, lineage: null, serial: null, problem: read.problem });
            continue;
        }
        const probe = await context.terraform.probeLock(call('lock-probe'));
        let problem = null;
        if (probe.exitCode !== 0) {
            const lock = (0,lock_info/* parseLockError */.j0)(probe.tail);
            if (lock === undefined) {
                problem = (0,drill_readiness/* summariseFailure */.N9)(`the lock check failed\n${probe.tail}`, 'failed');
            }
            else {
                const released = await releaseIfStale(context, call, state.id, lock, regions.to);
                locks.push(released.lock);
                problem = released.problem;
            }
        }
        states.push({ id: state.id, ...read, problem });
    }
    return { from: regions.from, to: regions.to, manifestWritten: false, states, locks };
}
async function readReplica(context, call, backend) {
    const init = await context.terraform.init(call('init'), backend);
    if (init.exitCode !== 0)
        return { problem: (0,drill_readiness/* summariseFailure */.N9)(`init failed\n${init.tail}`, 'failed') };
    const pulled = await context.terraform.statePull(call('state-pull'));
    if (pulled.exitCode !== 0)
        return { problem: (0,drill_readiness/* summariseFailure */.N9)(`state pull failed\n${pulled.tail}`, 'failed') };
    try {
        const identity = (0,state_identity/* parseStateIdentity */.V)(pulled.stdout);
        return identity ?? { problem: 'no state here: replication has not copied it' };
    }
    catch (error) {
        return { problem: error.message };
    }
}
/** The lock found, released when it is stale; with the reason when it is left in place. */
async function releaseIfStale(context, call, instance, lock, region) {
    const found = {
        instance,
        lockId: lock.id,
        path: lock.path,
        heldBy: lock.who,
        operation: lock.operation,
        created: lock.createdText,
        clearedBy: null,
        clearedAt: null,
    };
    const holder = `lock ${lock.id || '(no id)'} held by ${lock.who || 'an unknown holder'} since ${lock.createdText || 'an unknown time'}`;
    if (lock.id === '' || lock.createdAt === null) {
        return {
            lock: found,
            problem: `${holder}: Strata cannot tell whether it is stale, so it is left in place; release it with 'tofu force-unlock <ID>' once no run holds it`,
        };
    }
    if (!isStaleLock(lock.createdAt, context.failoverStartedAt)) {
        return {
            lock: found,
            problem: `${holder}: taken after the failover started, so a run in ${region} may hold it; left in place (wait for that run, or release it with 'tofu force-unlock ${lock.id}' once none holds it)`,
        };
    }
    const unlocked = await context.terraform.forceUnlock(call('force-unlock'), lock.id);
    if (unlocked.exitCode !== 0) {
        return {
            lock: found,
            problem: (0,drill_readiness/* summariseFailure */.N9)(`${holder}: force-unlock failed\n${unlocked.tail}`, 'failed'),
        };
    }
    return {
        lock: { ...found, clearedBy: context.actor, clearedAt: context.now().toISOString() },
        problem: null,
    };
}

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
// EXTERNAL MODULE: ./build/tsc/core/render/run-text.js + 1 modules
var run_text = __webpack_require__(5434);
;// CONCATENATED MODULE: ./build/tsc/core/render/timeline.js


/**
 * Each instance and each DR hook that ran, as offsets from the run's first command (`origin`, ms since the
 * epoch), in start order: the recovery covers the hooks (a database promotion, a traffic switch, a smoke test),
 * not Terraform alone.
 */
function timelineWithOrigin(run) {
    /** What ran, as one entry (none when it has not finished). */
    const ranEntry = (entry, startedAt, finishedAt) => startedAt == null || finishedAt == null
        ? []
        : [{ ...entry, startedAt: Date.parse(startedAt), finishedAt: Date.parse(finishedAt) }];
    const instances = run.instances.flatMap((instance) => {
        const progress = (0,run_result/* progressOf */.jA)(instance);
        const { id, account, status } = instance;
        return ranEntry({ id, account, isHook: false, status }, progress?.startedAt, progress?.finishedAt);
    });
    const hooks = (run.hooks ?? []).flatMap((hook) => ranEntry({ id: (0,run_text/* hookLabel */.UR)(hook), account: hook.account, isHook: true, status: hook.status }, hook.startedAt, hook.finishedAt));
    const ran = [...instances, ...hooks];
    if (ran.length === 0)
        return { origin: 0, entries: [] };
    const origin = Math.min(...ran.map(({ startedAt }) => startedAt));
    const entries = ran
        .map(({ startedAt, finishedAt, ...entry }) => ({
        ...entry,
        start: startedAt - origin,
        end: finishedAt - origin,
    }))
        .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
    return { origin, entries };
}
/** Each instance and DR hook that ran, as offsets from the run's first command, in start order. */
function timelineOf(run) {
    return timelineWithOrigin(run).entries;
}
/** Recovery time: from the first command to the last success, when everything succeeded; else null. */
function recoverySeconds(run) {
    if (run.status !== 'succeeded')
        return null;
    const entries = timelineOf(run);
    if (entries.length === 0)
        return 0;
    return Math.round(Math.max(...entries.map((entry) => entry.end)) / 100) / 10;
}
/** The timeline as a Markdown table: instance, status, start and end offsets, duration. */
function renderTimelineTable(run) {
    const rows = timelineOf(run).map((entry) => `| ${entry.id} | ${entry.status} | +${(0,run_text/* formatDuration */.a3)(entry.start)} | +${(0,run_text/* formatDuration */.a3)(entry.end)} | ${(0,run_text/* formatDuration */.a3)(entry.end - entry.start)} |`);
    return (['| instance | status | start | end | duration |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
}
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Tick spacings a Gantt axis may take, in Mermaid's `tickInterval` words (`5second`, `1hour`), shortest first. */
const TICKS = [
    ...ticksOf(SECOND, 'second', [1, 2, 5, 10, 15, 30]),
    ...ticksOf(MINUTE, 'minute', [1, 2, 5, 10, 15, 30]),
    ...ticksOf(HOUR, 'hour', [1, 2, 3, 6, 12]),
    [24 * HOUR, '1day'],
];
function ticksOf(unitMs, unit, counts) {
    return counts.map((count) => [count * unitMs, `${String(count)}${unit}`]);
}
/** At most this many ticks on the axis: more and their labels run into one another. */
const MAX_TICKS = 10;
/**
 * The axis for a run of `spanMs`: a tick spacing giving at most MAX_TICKS ticks, and labels precise enough to tell
 * them apart (seconds under 10 minutes, then hours and minutes, then the day too). The chart shows clock times,
 * which Mermaid prints in the reader's own time zone: offsets from zero would read as a clock time of 1 January
 * 1970 there, an hour or half an hour off in most zones.
 */
function ganttAxis(spanMs) {
    const [, tickInterval] = TICKS.find(([ms]) => spanMs / ms <= MAX_TICKS) ?? [24 * HOUR, '1day'];
    const axisFormat = spanMs < 10 * MINUTE ? '%H:%M:%S' : spanMs < 24 * HOUR ? '%H:%M' : '%b %d %H:%M';
    return { axisFormat, tickInterval };
}
/** The timeline as a Mermaid Gantt chart, one section per account, bars coloured by outcome, in clock time. */
function renderGantt(run, title) {
    const { origin, entries } = timelineWithOrigin(run);
    const span = Math.max(0, ...entries.map((entry) => entry.end));
    const { axisFormat, tickInterval } = ganttAxis(span);
    const lines = [
        'gantt',
        `  title ${title.replace(/[:#;\n]/g, ' ')} (your local time)`,
        '  dateFormat x',
        `  axisFormat ${axisFormat}`,
        `  tickInterval ${tickInterval}`,
    ];
    const sections = new Map();
    for (const entry of entries) {
        // Hooks of the whole move (before or after it) have a section of their own.
        const name = entry.account ?? (entry.isHook ? 'hooks' : 'global');
        sections.set(name, [...(sections.get(name) ?? []), entry]);
    }
    for (const [name, list] of sections) {
        lines.push(`  section ${name}`);
        for (const entry of list) {
            const tag = entry.status === 'succeeded' ? 'done' : entry.status === 'failed' ? 'crit' : 'active';
            // At least 1 ms wide, or Mermaid drops the bar.
            lines.push(`  ${entry.id.replace(/[:#;]/g, ' ')} :${tag}, ${origin + entry.start}, ${origin + Math.max(entry.end, entry.start + 1)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/tsc/engine/run-engine.js + 12 modules
var run_engine = __webpack_require__(698);
// EXTERNAL MODULE: ./build/tsc/core/schedule/critical-path.js
var critical_path = __webpack_require__(9588);
// EXTERNAL MODULE: ./build/tsc/core/dr/hooks.js
var dr_hooks = __webpack_require__(1532);
;// CONCATENATED MODULE: ./build/tsc/core/dr/recovery-estimate.js



/** What neither a drill nor a recorded failover measures. */
const ESTIMATE_LEAVES_OUT = [
    'noticing the outage and deciding to fail over',
    'the wait for approval between the reviewed plan and the apply',
    "DNS TTL: clients keep the failed region's records until their cache expires",
    'restoring data beyond what the layers apply (a restore the code waits for is counted)',
];
/**
 * The recovery time a drill expects: the critical path of the failover set, each instance costing its
 * duration in the recorded failover (`recorded`, the last failover's result) when it has one, else its plan
 * time in this drill, which leaves out every apply. The failover's DR hooks (`hooks`: every one a real failover
 * runs, where it runs) are on the path too, each costing its duration in this drill when it ran and succeeded
 * here (drill_safe), else its duration in the recorded failover, else its timeout, an upper bound.
 */
function estimateRecovery(dag, drill, recorded, hooks = []) {
    const durations = new Map(drill.instances.map((instance) => [instance.id, (0,run_result/* durationOf */.cf)(instance) ?? 0]));
    let fromHistory = 0;
    for (const instance of recorded?.instances ?? []) {
        const duration = (0,run_result/* durationOf */.cf)(instance);
        if (durations.has(instance.id) && duration !== null) {
            durations.set(instance.id, duration);
            fromHistory++;
        }
    }
    const hookEstimates = hooks.map((task) => estimateHook(task, drill, recorded));
    for (const [index, task] of hooks.entries())
        durations.set(task.id, (hookEstimates[index]?.seconds ?? 0) * 1000);
    const lengths = (0,critical_path/* remainingPathLengths */.p)((0,dr_hooks/* dagWithHooks */.j)(dag, hooks), (id) => durations.get(id) ?? 0);
    const seconds = Math.round(Math.max(0, ...lengths.values()) / 100) / 10;
    const total = dag.ids.length;
    let basis;
    if (recorded === undefined) {
        basis = `this dry run's plan times only, without any apply: give it the last failover's result (history) for real durations`;
    }
    else if (fromHistory === total) {
        basis = `the durations of the failover recorded at ${recorded.startedAt}`;
    }
    else {
        basis = `the durations of the failover recorded at ${recorded.startedAt} for ${fromHistory} of ${total} instances; the other ${total - fromHistory} count their plan time in this dry run, without their apply`;
    }
    return {
        seconds,
        basis,
        leavesOut: [...ESTIMATE_LEAVES_OUT],
        ...(hooks.length > 0 ? { hooks: hookEstimates } : {}),
    };
}
/** A hook's measured duration in a run, when it ran there and succeeded. */
function measured(run, id) {
    const hook = run?.hooks?.find((candidate) => candidate.id === id);
    return hook?.status === 'succeeded' && hook.durationMs !== null ? hook.durationMs : null;
}
function estimateHook(task, drill, recorded) {
    const { id, hook, instance } = task;
    const counted = { id, name: hook.name, instance };
    const inDrill = measured(drill, id);
    if (inDrill !== null)
        return { ...counted, seconds: inDrill / 1000, source: 'drill', basis: 'measured in this drill' };
    const inHistory = recorded === undefined ? null : measured(recorded, id);
    if (recorded !== undefined && inHistory !== null) {
        return {
            ...counted,
            seconds: inHistory / 1000,
            source: 'history',
            basis: `measured in the failover recorded at ${recorded.startedAt}`,
        };
    }
    const why = hook.drillSafe ? 'it did not succeed in this drill' : 'not drill_safe, so not run in a drill';
    return {
        ...counted,
        seconds: hook.timeoutMs / 1000,
        source: 'timeout',
        basis: `its timeout, an upper bound: ${why}`,
    };
}

// EXTERNAL MODULE: ./build/tsc/core/dr/recovery-point.js
var recovery_point = __webpack_require__(7690);
// EXTERNAL MODULE: ./build/tsc/adapters/result-file-store.js + 3 modules
var result_file_store = __webpack_require__(2876);
;// CONCATENATED MODULE: ./build/tsc/app/dr/drill-history.js


/** The last failover's result file (`history`), whose durations estimate a drill's recovery time. */
function readHistory(file) {
    return (0,result_file_store/* readResultFile */.kk)(file, file, (message) => new errors/* UsageError */.eb((name) => `${name('history')}: cannot read '${file}': ${message}`));
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/failover-hooks.js

/** The hook points of a failover (a failback has its own: after_layer and after_failback). */
const FAILOVER_HOOK_POINTS = [
    'before_failover',
    'after_layer',
    'after_failover',
];
/** Every hook the real failover the drill rehearses would run, where it would run (drill_safe or not). */
function failoverHooks(manifest, plan) {
    const move = { mode: 'failover', from: plan.from, to: plan.to, dryRun: false };
    return (0,dr_hooks/* scheduleHooks */.W)(manifest, plan.graph, plan.dag, move, FAILOVER_HOOK_POINTS).tasks;
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/failover-state-read-context.js
/** What reading states outside the engine needs (replica checks, the promotion), over the failover's graph. */
function stateReadContext(prepared, plan) {
    return {
        graph: plan.graph,
        manifestDirectory: prepared.loaded.directory,
        terraform: prepared.terraform,
        workDirectory: prepared.workDirectory,
        signal: prepared.base.signal,
        timeoutMs: prepared.base.commandTimeoutMs,
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/drill-findings.js








/**
 * What a drill finds besides its plans: every replicated state compared with the primary's (the primary is up
 * in a drill), the published recovery points against `dr.rpo`, the recovery time from the last failover.
 */
async function drillFindings(settings, prepared, plan, run, recoveryPoints, deferred) {
    const { manifest } = prepared.loaded;
    // Empty without backend.replicas: planFailover refuses a failover that would need one.
    const replicaRegion = manifest.backend.replicas[plan.from] ?? plan.to;
    const checked = settings.checkReplicas !== false;
    const replicas = !checked
        ? []
        : await (0,replica_states/* checkReplicas */.E)(stateReadContext(prepared, plan), plan.replicaBackends, {
            primary: plan.from,
            replica: replicaRegion,
        });
    const readiness = (0,drill_readiness/* drillReadiness */.KB)(run.instances, plan.graph, new Set(plan.replicaBackends.keys()), replicas, deferred);
    const now = prepared.base.now ?? (() => new Date());
    const recoveryPoint = (0,recovery_point/* checkRecoveryPoints */.n6)(recoveryPoints, manifest.recoveryPointObjective, now());
    const history = settings.history
        ? await readHistory(external_node_path_.resolve(settings.cwd, settings.history))
        : undefined;
    const ready = readiness.every(drill_readiness/* isReady */.i_) &&
        replicas.every((check) => check.status === 'fresh') &&
        recoveryPoint.problem === null &&
        recoveryPoint.checks.every((check) => check.problem === null);
    return {
        readiness,
        findings: {
            ready,
            replicasChecked: checked,
            replicas,
            recoveryPoint,
            estimate: estimateRecovery(plan.dag, run, history, failoverHooks(manifest, plan)),
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/tsc/engine/last-lines.js
var last_lines = __webpack_require__(8860);
// EXTERNAL MODULE: ./build/tsc/adapters/child-process-runner.js + 2 modules
var child_process_runner = __webpack_require__(4590);
;// CONCATENATED MODULE: ./build/tsc/adapters/hook-runner.js





/**
 * Runs hooks with the process runner: the executable with its argument list, never a shell, in the manifest's
 * directory. The context arrives in STRATA_* variables; the outputs of the instances it follows only in the
 * file STRATA_UPSTREAM_OUTPUTS names (mode 0600), never in the environment, so sensitive ones stay out of
 * process listings and logs. A non-zero exit, a timeout or an executable that cannot start is a failure.
 */
function createHookRunner(options) {
    return async (task, outputs) => {
        const directory = external_node_path_.join(options.workDirectory, 'hooks', hookDirectoryName(task));
        await (0,promises_.rm)(directory, { recursive: true, force: true });
        await (0,promises_.mkdir)(directory, { recursive: true, mode: 0o700 });
        const outputsFile = external_node_path_.join(directory, 'upstream-outputs.json');
        await (0,promises_.writeFile)(outputsFile, `${JSON.stringify(outputs, null, 2)}\n`, { mode: 0o600 });
        // The mode of writeFile is masked by the umask; the file must be the owner's alone whatever it is.
        await (0,promises_.chmod)(outputsFile, 0o600);
        const logFile = external_node_path_.join(directory, 'hook.log');
        const relativeLog = external_node_path_.relative(options.workDirectory, logFile);
        const { hook } = task;
        try {
            const result = await options.runner.run({
                executable: external_node_path_.resolve(options.manifestDirectory, hook.run),
                args: hook.args,
                cwd: options.manifestDirectory,
                env: { ...options.env, ...task.env, STRATA_UPSTREAM_OUTPUTS: outputsFile },
                logFile,
                signal: options.signal,
                timeoutMs: hook.timeoutMs,
                graceMs: options.graceMs,
            });
            const tail = options.redactor.redact((0,last_lines/* lastLines */.w)(result.tail));
            if (result.exitCode === 0)
                return { status: 'succeeded', logFile: relativeLog };
            if (result.timedOut) {
                return failed(`hook '${hook.name}' timed out after ${hook.timeoutMs / 1000}s and was stopped\n${tail}`, relativeLog);
            }
            if (result.cancelled)
                return { status: 'cancelled', reason: 'the run was cancelled while it ran', logFile: relativeLog };
            const how = result.exitCode === null
                ? `ended by ${result.endSignal ?? 'a signal'}`
                : `exit code ${result.exitCode}`;
            return failed(`hook '${hook.name}' failed (${how})\n${tail}`, relativeLog);
        }
        catch (error) {
            if (!(error instanceof child_process_runner/* ProcessStartError */._S))
                throw error;
            return failed(`hook '${hook.name}': ${error.message}; 'run' is relative to the manifest's directory and must be an executable file (chmod +x, with a #! line for a script)`, null);
        }
    };
}
function failed(error, logFile) {
    return { status: 'failed', error, logFile };
}
/** `traffic-switch`, or `promote-db@prod.eu-west-1.production.data` for a hook that follows an instance. */
function hookDirectoryName(task) {
    return task.instance === null
        ? task.hook.name
        : `${task.hook.name}@${(0,work_directory/* instanceDirectoryName */.a)(task.instance)}`;
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/run-hooks.js


/**
 * The hooks of one engine run of a failover or failback at `points`, ready for the engine (undefined when
 * none runs), and the notes on those a drill leaves out.
 */
function hooksOfRun(setup, runner, run, move, points) {
    const { tasks, notes } = (0,dr_hooks/* scheduleHooks */.W)(run.manifest, run.graph, run.dag, move, points);
    if (tasks.length === 0)
        return { hooks: undefined, notes };
    const { base } = setup;
    const runHook = createHookRunner({
        runner,
        manifestDirectory: base.manifestDirectory,
        workDirectory: base.workDirectory,
        env: setup.env,
        redactor: base.redactor,
        signal: base.signal,
        graceMs: base.graceMs,
    });
    return { hooks: { tasks, run: runHook }, notes };
}

// EXTERNAL MODULE: ./build/tsc/core/dr/compare-to-preview.js
var compare_to_preview = __webpack_require__(8060);
// EXTERNAL MODULE: ./build/tsc/core/json-text.js
var json_text = __webpack_require__(6367);
// EXTERNAL MODULE: ./build/tsc/core/upstream-wait.js
var upstream_wait = __webpack_require__(9828);
;// CONCATENATED MODULE: ./build/tsc/core/dr/failover-preview.js




/** The file a failover (or failback) dry run writes beside its saved plans, and its apply reads back. */
const FAILOVER_PREVIEW_FILE = 'failover-preview.json';
/**
 * The preview of a dry run: every instance of the failover, planned or deferred; `complete` says whether it can
 * be applied, i.e. every instance either planned or waits only on upstreams of the failover that planned.
 * `problems` lists the instances that stop it (a failed plan, an unreachable backend).
 */
function buildFailoverPreview(run, move) {
    const inRun = new Set(run.instances.map((instance) => instance.id));
    const byId = new Map(run.instances.map((instance) => [instance.id, instance]));
    const problems = [];
    const instances = run.instances.map((instance) => {
        const base = { id: instance.id, mockedUpstreams: [...((0,run_result/* progressOf */.jA)(instance)?.mockedUpstreams ?? [])] };
        if (instance.status === 'succeeded') {
            return {
                ...base,
                state: 'planned',
                changes: instance.resourceChanges.map(({ address, action }) => ({ address, action })),
                waitsOn: [],
            };
        }
        return { ...base, state: 'deferred', changes: [], waitsOn: waitsOnOf(instance.id) };
    });
    // A deferred instance is fine when what it waits on is in the failover and planned (or deferred in turn).
    function waitsOnOf(id) {
        const instance = (0,lookup/* getOrThrow */.Gp)(byId, id, 'an instance of the run');
        const waited = instance.status === 'skipped' ? (0,upstream_wait/* waitedOnUpstream */.R)(instance.reason) : undefined;
        if (waited === undefined || !inRun.has(waited))
            return [];
        return [waited];
    }
    const deferredOk = (entry, seen = new Set()) => {
        if (entry.state === 'planned')
            return true;
        if (entry.waitsOn.length === 0 || seen.has(entry.id))
            return false;
        seen.add(entry.id);
        return entry.waitsOn.every((id) => {
            const upstream = instances.find((candidate) => candidate.id === id);
            return upstream !== undefined && deferredOk(upstream, seen);
        });
    };
    for (const entry of instances) {
        if (deferredOk(entry))
            continue;
        const instance = (0,lookup/* getOrThrow */.Gp)(byId, entry.id, 'an instance of the run');
        // Skipped below a failure: the failure is the problem to report, not this.
        if (instance.status === 'skipped' && (0,upstream_wait/* waitedOnUpstream */.R)(instance.reason) === undefined)
            continue;
        const why = instance.status === 'skipped' || instance.status === 'cancelled' ? instance.reason : '';
        problems.push(`${entry.id}: ${instance.status}${why ? ` (${why})` : ''}`);
    }
    const complete = instances.every((entry) => deferredOk(entry));
    return {
        preview: { version: 1, mode: move.mode, from: move.from, to: move.to, instances },
        complete,
        problems,
    };
}
/** Reads a preview file's JSON; a message when it is not one. */
function parseFailoverPreview(text) {
    const parsed = (0,json_text/* parsedJsonOrReason */.Z)(text);
    if ('reason' in parsed)
        return parsed.reason;
    const preview = parsed.value;
    if (preview === null ||
        typeof preview !== 'object' ||
        preview.version !== 1 ||
        !Array.isArray(preview.instances) ||
        typeof preview.from !== 'string' ||
        typeof preview.to !== 'string') {
        return 'not a Strata failover preview (version 1)';
    }
    return preview;
}

// EXTERNAL MODULE: ./build/tsc/app/reviewed-plan.js
var reviewed_plan = __webpack_require__(3954);
;// CONCATENATED MODULE: ./build/tsc/app/dr/reviewed-failover.js







/** The dry run that previews this move again (`strata failover --to R --from F --dry-run` in the terminal). */
function previewOf(move) {
    return (0,wording/* suggest */.Z)(move.mode, { setting: 'to', value: move.to }, { setting: 'from', value: move.from }, { setting: 'dry-run' });
}
/**
 * After a dry run: writes what it previewed (every instance, its resource changes, its mocked upstreams) to the
 * work directory, beside the saved plans, and returns the run as the preview sees it. An instance that could
 * not be planned only because an upstream the move itself creates has no state yet is deferred, not failed:
 * the move plans it once that upstream is applied. So a dry run whose only gaps are such deferrals succeeds,
 * each deferral said in the notes and the instance's reason.
 */
async function recordPreview(run, move, workDirectory) {
    const { preview, complete } = buildFailoverPreview(run, move);
    await (0,promises_.mkdir)(workDirectory, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_.join(workDirectory, FAILOVER_PREVIEW_FILE), `${JSON.stringify(preview, null, 2)}\n`);
    const deferred = new Map(preview.instances.filter((entry) => entry.state === 'deferred').map((entry) => [entry.id, entry]));
    if (!complete || deferred.size === 0)
        return { run, notes: [], deferred: new Map() };
    const reason = (waitsOn) => `planned during the ${move.mode}, once ${waitsOn.join(', ')} (which it creates) is applied; with no mock_outputs it cannot be previewed before, and the ${move.mode} applies its plan only if it destroys and replaces nothing`;
    return {
        run: {
            ...run,
            status: 'succeeded',
            instances: run.instances.map((instance) => {
                const entry = deferred.get(instance.id);
                return entry ? { ...instance, reason: reason(entry.waitsOn) } : instance;
            }),
        },
        notes: [...deferred.values()].map((entry) => `${entry.id}: ${reason(entry.waitsOn)}`),
        deferred: new Map([...deferred.values()].map((entry) => [entry.id, entry.waitsOn])),
    };
}
/** Reads the preview of a dry run from its plan directory; refuses one that is missing or of another move. */
async function readPreview(planDirectory, move) {
    const { file, text } = await (0,reviewed_plan/* readPlanDirectoryFile */.LG)(planDirectory, FAILOVER_PREVIEW_FILE, (name, command) => `${name('plan-dir')}: no ${FAILOVER_PREVIEW_FILE} in ${planDirectory}: the ${move.mode} applies what a dry run previewed; run '${command(previewOf(move))}' with that folder as its work directory, review it, then apply`);
    const preview = parseFailoverPreview(text);
    if (typeof preview === 'string') {
        throw new errors/* UsageError */.eb((name) => `${name('plan-dir')}: ${file} is ${preview}`);
    }
    if (preview.mode !== move.mode || preview.from !== move.from || preview.to !== move.to) {
        throw new errors/* UsageError */.eb((name, command) => `${name('plan-dir')}: the preview in ${planDirectory} is of the ${preview.mode} ${preview.from} → ${preview.to}, not of this ${move.mode} ${move.from} → ${move.to}; preview this one with '${command(previewOf(move))}'`);
    }
    return preview;
}
/**
 * The check of a fresh plan against the preview, for instances whose saved plan cannot be applied as saved:
 * a plan that destroys, replaces or forgets something the preview did not show stops that instance (and so
 * its dependents), with what the preview showed, what the plan does and the command that previews again, as
 * `command` words it.
 */
function checkAgainstPreview(preview, move, command) {
    const entries = new Map(preview.instances.map((entry) => [entry.id, entry]));
    const again = `preview the ${move.mode} again with '${command(previewOf(move))}', review it, and apply that`;
    return (instance, fresh, why) => {
        const entry = entries.get(instance.id);
        if (entry === undefined) {
            return {
                accepted: false,
                reason: `${instance.id} is not in the approved preview of this ${move.mode}: nothing of it was reviewed; ${again}`,
            };
        }
        const comparison = (0,compare_to_preview/* compareToPreview */.l)(entry, fresh);
        // An instance the preview deferred shows no change there: its plan was not made yet.
        const deferred = entry.state === 'deferred';
        const unshown = deferred ? 'not previewed' : undefined;
        const previewed = deferred
            ? `; the preview deferred it until ${entry.waitsOn.join(', ')} was applied`
            : '';
        if (!comparison.ok) {
            return {
                accepted: false,
                reason: `${why}${previewed}, and its fresh plan does what the approved preview did not show:\n${(0,compare_to_preview/* describeDifferences */.g)(comparison.unexpected, unshown)}\nNothing of ${instance.id} was applied, nor of what depends on it; ${again}`,
            };
        }
        const differences = comparison.differences.length === 0
            ? 'the same changes as the preview'
            : `${deferred ? 'only changes' : 'what the preview showed, but for changes'} that destroy nothing:\n${(0,compare_to_preview/* describeDifferences */.g)(comparison.differences, unshown)}`;
        return { accepted: true, note: `${why}${previewed}: planned afresh, its plan does ${differences}` };
    };
}

// EXTERNAL MODULE: ./build/tsc/core/dr/steady-state.js
var steady_state = __webpack_require__(680);
;// CONCATENATED MODULE: ./build/tsc/core/dr/failback.js



/**
 * A failback, the mirror of a failover, in the order it runs: promote (the returning region's instances
 * applied with the failover context pointing back, restoring from the snapshots replicated back), verify
 * (the returning region's recovery point is newer than the moment traffic left it), retire (destroy the
 * copies the steady state does not keep in the region being left), demote (re-apply the rest there as
 * secondary), reapply (every instance whose inputs the demotion changed, such as a fan-in over the regions).
 */
const FAILBACK_PHASES = (/* unused pure expression or super */ null && (['promote', 'verify', 'retire', 'demote', 'reapply']));
/** Whether the verify phase found nothing missing (or had nothing to check), without any override. */
function hasPassed(verification) {
    const passed = verification.problem === null && verification.checks.every((check) => check.problem === null);
    return !verification.required || passed;
}
/** Whether the verify phase lets the failback retire anything. */
function isVerified(verification) {
    return hasPassed(verification) || verification.overridden;
}
/**
 * The plan guard of the retire phase: the stateful guard, and besides, a stateful destroy that allow-destroy
 * names is refused while the recovery point check has not passed (it went on by the override only): the copy
 * being destroyed may then be the only one holding the writes made since the failover.
 */
function retireGuard(guard, verification) {
    if (hasPassed(verification))
        return guard;
    return (instance, changes) => {
        const verdict = guard(instance, changes);
        if (!verdict.accepted || verdict.allowed.length === 0)
            return verdict;
        const listed = verdict.allowed.map((change) => `${change.address} (${change.action})`).join(', ');
        return {
            accepted: false,
            reason: `refusing to retire ${instance.id}: layer '${instance.layer}' is stateful, and destroying what it holds (${listed}) needs the recovery point check to pass, which it did not (the failback went on by the override ignore-recovery-point): this copy may hold the only writes made since the failover. Replicate them to the returning region, publish a newer strata_recovery_point there, and fail back again without the override`,
        };
    };
}
/**
 * Checks the recovery points the promote phase read in `to` against `movedAt`, the failover to `from`: each
 * must be a time after it, or the snapshots replicated back miss the writes made in `from` since.
 */
function verifyRecoveryPoint(published, moved, overridden) {
    const { from, to, at } = moved;
    const movedAt = at === null ? null : (0,restored_context/* recoveryPointTime */.Jy)(at);
    const checks = [...published.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, value]) => {
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        const point = (0,restored_context/* recoveryPointTime */.Jy)(value);
        let problem = null;
        if (point === null) {
            problem = `output ${recovery_point/* RECOVERY_POINT_OUTPUT */.zl} of ${id} is ${JSON.stringify(value)}, not an RFC 3339 time such as '2026-05-04T03:00:00Z'`;
        }
        else if (movedAt !== null && point <= movedAt) {
            problem = `the latest recovery point of ${id} (${shown}) is not newer than the failover to ${from} (${at ?? ''}): the snapshots in ${to} miss every write made in ${from} since; replicate ${from}'s backups to ${to} and take a new snapshot there`;
        }
        return { id, value: shown, problem };
    });
    let problem = null;
    if (movedAt === null) {
        problem = `no failover record in ${from} says when traffic moved there, so nothing shows that ${to}'s snapshots are newer: the record is written by a failover to ${from}`;
    }
    else if (checks.length === 0) {
        problem = `no instance of ${to} published ${recovery_point/* RECOVERY_POINT_OUTPUT */.zl} in the promote phase: nothing shows that the snapshots replicated back to ${to} hold the writes made in ${from} since ${at ?? ''}; publish it from the layer that holds ${to}'s replicated backups`;
    }
    return { required: true, movedAt: at, checks, problem, overridden };
}
/** What the verify phase says when the returning region held the service all along. */
const NOT_REQUIRED = {
    required: false,
    movedAt: null,
    checks: [],
    problem: null,
    overridden: false,
};
/**
 * The instances to re-apply once `demoted` (what the retire and demote phases ran) has its steady-state
 * role: every instance of the steady state (`steady`) that depends on one of them, transitively, the
 * promote phase's own included (a fan-in over the regions read the demoted region as primary then).
 */
function dependentsToReapply(graph, demoted, steady) {
    const found = new Set();
    const stack = [...demoted];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        for (const dependent of (0,lookup/* getOrThrow */.Gp)(graph.dependents, id, 'instance')) {
            if (demoted.has(dependent) || found.has(dependent) || !steady.has(dependent))
                continue;
            found.add(dependent);
            stack.push(dependent);
        }
    }
    return found;
}

// EXTERNAL MODULE: ./build/tsc/core/dr/failed-regions.js
var failed_regions = __webpack_require__(4731);
;// CONCATENATED MODULE: ./build/tsc/core/merge-results.js


const STATUS_ORDER = ['succeeded', 'running', 'cancelled', 'failed'];
/**
 * One result from the results of several matrix jobs: their instances together (an instance reported twice
 * keeps its last report), the earliest start, the latest end, the worst status (a job that has not finished,
 * `running`, is worse than a success).
 */
function mergeResults(results) {
    const [first] = results;
    if (first === undefined)
        throw new errors/* UsageError */.eb('No result files to merge');
    const instances = new Map(results.flatMap((result) => result.instances.map((instance) => [instance.id, instance])));
    const allowedDestroys = results.flatMap((result) => result.allowedDestroys ?? []);
    const hooks = results.flatMap((result) => result.hooks ?? []);
    const failoverGuard = mergeFailoverGuards(results);
    const started = results.map((result) => result.startedAt).reduce((a, b) => (b < a ? b : a));
    const finished = results
        .map((result) => result.finishedAt)
        .filter((value) => value !== null);
    const finishedAt = finished.length === results.length ? finished.reduce((a, b) => (b > a ? b : a)) : null;
    const reviewed = results.flatMap((result) => (result.reviewedPlan ? [result.reviewedPlan] : []));
    return {
        ...first,
        ...(reviewed[0] && {
            reviewedPlan: {
                stalePlans: reviewed[0].stalePlans,
                replanned: [
                    ...new Map(reviewed.flatMap((report) => report.replanned).map((entry) => [entry.id, entry])).values(),
                ],
            },
        }),
        status: results
            .map((result) => result.status)
            .reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a)),
        startedAt: started,
        finishedAt,
        durationMs: finishedAt === null ? null : Date.parse(finishedAt) - Date.parse(started),
        hasChanges: results.some((result) => result.hasChanges),
        instances: [...instances.values()],
        ...(allowedDestroys.length > 0 ? { allowedDestroys } : {}),
        ...(hooks.length > 0 ? { hooks } : {}),
        ...(failoverGuard ? { failoverGuard } : {}),
    };
}
/** The failover guard's reports of the legs that used the override, each region once (legs read the same records). */
function mergeFailoverGuards(results) {
    const reports = results.flatMap((result) => (result.failoverGuard ? [result.failoverGuard] : []));
    if (reports.length === 0)
        return undefined;
    const byRegion = (entries) => [
        ...new Map(entries.map((entry) => [entry.region, entry])).values(),
    ];
    const provenEmpty = reports.flatMap((report) => report.provenEmpty ?? []);
    return {
        ignoredRecords: byRegion(reports.flatMap((report) => report.ignoredRecords)),
        ...(reports.some((report) => report.provenEmpty) ? { provenEmpty: byRegion(provenEmpty) } : {}),
    };
}
/** The reason a report gives an instance that no job reported. */
const NOT_REPORTED = 'not run: no result file reports it (its stage did not run, or its job uploaded no result)';
/**
 * The report of a matrix run: the jobs' results merged over every instance the run was meant to cover, so
 * that what no job reported (a stage that never ran, a job that uploaded nothing) is listed as not run
 * (skipped, with the reason) instead of vanishing. The report is final: it succeeds only when every instance
 * succeeded, so a job that never finished (killed, its file still `running`, its instances pending or
 * running) makes it fail.
 */
function mergeReport(results, expected) {
    const merged = mergeResults(results);
    const reported = new Set(merged.instances.map((instance) => instance.id));
    const notRun = expected
        .filter((instance) => !reported.has(instance.id))
        .map((instance) => ({
        ...identityOf(instance),
        status: 'skipped',
        reason: NOT_REPORTED,
    }));
    const instances = [...merged.instances, ...notRun];
    const unfinished = merged.status === 'running' || instances.some((instance) => !FINISHED.has(instance.status));
    const failed = instances.some((instance) => instance.status === 'failed' || instance.status === 'skipped');
    return { ...merged, status: unfinished || failed ? 'failed' : merged.status, instances };
}

// EXTERNAL MODULE: ./build/tsc/core/schedule/dag.js
var dag = __webpack_require__(4955);
// EXTERNAL MODULE: ./build/tsc/app/steady-state-context.js
var steady_state_context = __webpack_require__(8005);
// EXTERNAL MODULE: ./build/tsc/engine/instance-result-reducer.js
var instance_result_reducer = __webpack_require__(6390);
;// CONCATENATED MODULE: ./build/tsc/app/dr/phase-progress.js


/**
 * Progress over a move run as several engine runs, one per phase: each phase's reporter shows the whole move
 * (the earlier phases' results, this one's, the later ones still pending) under the phase's name, so the
 * counters go on across phases (`[promote 3/12]`, then `[retire 6/12]`) instead of starting again at 1. Hooks
 * are passed on with the hooks of the phases before (the result file a killed failback leaves lists them all).
 */
function phaseProgress(reporter, phases, graph) {
    const done = [];
    const doneHooks = [];
    let startedAt;
    return {
        reporterFor(name) {
            const index = phases.findIndex((phase) => phase.name === name);
            const later = phases
                .slice(index + 1)
                .flatMap((phase) => phase.ids.map((id) => (0,instance_result_reducer/* pendingResult */.n)((0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance'))));
            const wholeMove = (run) => {
                startedAt ??= run.startedAt;
                const hooks = [...doneHooks, ...(run.hooks ?? [])];
                return {
                    ...run,
                    startedAt,
                    phase: name,
                    instances: [...done, ...run.instances, ...later],
                    ...(hooks.length > 0 ? { hooks } : {}),
                };
            };
            return {
                instanceChanged(instance, run) {
                    reporter.instanceChanged(instance, wholeMove(run));
                },
                hookChanged(hook, run) {
                    reporter.hookChanged?.(hook, wholeMove(run));
                },
                instanceOutput: (instance, sections) => reporter.instanceOutput(instance, sections),
                secrets: (values) => {
                    reporter.secrets(values);
                },
            };
        },
        /** A phase's run ended: its results count as done in the phases after it. */
        finished(run) {
            done.push(...run.instances);
            doneHooks.push(...(run.hooks ?? []));
        },
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/edit-map-entry.js


/**
 * In-place edits of one entry of a YAML map, on the manifest's text: only that entry changes, so comments and
 * layout stay byte for byte and the change reads as a line of a pull request. `map` comes from the same text,
 * parsed with `keepSourceTokens`. `what` names the map in errors ("region 'eu-west-1'").
 */
function setMapEntry(text, map, key, value, what) {
    const existing = map.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key);
    if (existing) {
        const current = existing.value;
        if (!(0,dist/* isScalar */.jn)(current) || !current.range)
            throw new errors/* UsageError */.eb(`The '${key}' of ${what} cannot be updated`);
        const [start, end] = current.range;
        const quote = /^["']/.exec(text.slice(start, end))?.[0] ?? '';
        return `${text.slice(0, start)}${quote}${value}${quote}${text.slice(end)}`;
    }
    const last = map.items.at(-1);
    if (!last && map.flow && map.range) {
        // An empty flow map, `{}`: its braces hold the entry.
        const [start, end] = map.range;
        const close = text.lastIndexOf('}', end);
        if (text[start] === '{' && close > start) {
            return `${text.slice(0, start)}{ ${key}: ${value} }${text.slice(close + 1)}`;
        }
    }
    const lastValue = last?.value;
    if (!last || !(0,dist/* isScalar */.jn)(last.key) || !last.key.range || !(0,dist/* isNode */.Ll)(lastValue) || !lastValue.range) {
        throw new errors/* UsageError */.eb(`The settings of ${what} cannot be updated in place: add '${key}: ${value}' to them`);
    }
    if (map.flow) {
        const end = lastValue.range[1];
        return `${text.slice(0, end)}, ${key}: ${value}${text.slice(end)}`;
    }
    if (!(0,dist/* isScalar */.jn)(lastValue)) {
        // A block map ending in a collection: the entry goes on a line of its own above its first key.
        const first = map.items[0]?.key;
        if (!(0,dist/* isScalar */.jn)(first) || !first.range)
            throw new errors/* UsageError */.eb(`The settings of ${what} cannot be updated in place`);
        const lineStart = text.lastIndexOf('\n', first.range[0]) + 1;
        const indent = text.slice(lineStart, first.range[0]);
        return `${text.slice(0, lineStart)}${indent}${key}: ${value}\n${text.slice(lineStart)}`;
    }
    const end = lastValue.range[1];
    const lineStart = text.lastIndexOf('\n', last.key.range[0]) + 1;
    const indent = text.slice(lineStart, last.key.range[0]);
    const lineEnd = text.indexOf('\n', end);
    const at = lineEnd === -1 ? text.length : lineEnd;
    return `${text.slice(0, at)}\n${indent}${key}: ${value}${text.slice(at)}`;
}
/** The text without the map's `key` entry (unchanged when it has none). */
function removeMapEntry(text, map, key, what) {
    const pair = map.items.find((candidate) => (0,dist/* isScalar */.jn)(candidate.key) && candidate.key.value === key);
    if (!pair)
        return text;
    const pairKey = pair.key;
    const value = pair.value;
    if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pairKey) || !pairKey.range || !(0,dist/* isScalar */.jn)(value) || !value.range) {
        throw new errors/* UsageError */.eb(`The '${key}' of ${what} cannot be removed in place`);
    }
    if (map.flow && map.items.length === 1 && map.range && text[map.range[0]] === '{') {
        // The only entry: the map becomes `{}` again, as it was before setMapEntry filled it.
        const close = text.lastIndexOf('}', map.range[1]);
        if (close > map.range[0])
            return `${text.slice(0, map.range[0])}{}${text.slice(close + 1)}`;
    }
    if (map.flow) {
        // From the comma before it (or, as the first entry, to the comma after it).
        const before = text.lastIndexOf(',', pairKey.range[0]);
        const open = text.lastIndexOf('{', pairKey.range[0]);
        if (before > open)
            return `${text.slice(0, before)}${text.slice(value.range[1])}`;
        const after = /^\s*,\s*/.exec(text.slice(value.range[1]))?.[0].length ?? 0;
        return `${text.slice(0, pairKey.range[0])}${text.slice(value.range[1] + after)}`;
    }
    const lineStart = text.lastIndexOf('\n', pairKey.range[0]) + 1;
    const lineEnd = text.indexOf('\n', value.range[1]);
    return `${text.slice(0, lineStart)}${lineEnd === -1 ? '' : text.slice(lineEnd + 1)}`;
}
/** The map at `path` in the document, or a UsageError with `missing` when there is none. */
function mapAt(node, path, missing) {
    let current = node;
    for (const key of path) {
        if (!(0,dist/* isMap */.jh)(current))
            break;
        current = current.get(key, true);
    }
    if (!(0,dist/* isMap */.jh)(current))
        throw new errors/* UsageError */.eb(missing);
    return current;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/set-scope-primary.js


/**
 * The manifest text with the `primary_region` of each account (`dev`) or environment (`prod/staging`) of the
 * scope set to `region`, or removed with null (back to the region roles' primary), in place: comments and
 * layout stay, so the change reads as one line per member in the pull request.
 */
function setScopePrimary(text, scope, region) {
    let result = text;
    for (const member of scope) {
        // Parsed again for each member: every edit moves the ranges of what follows it.
        const document = (0,dist/* parseDocument */.Tp)(result, { keepSourceTokens: true });
        const [account = member, environment] = member.split('/');
        const path = environment === undefined ? ['accounts', account] : ['accounts', account, 'environments', environment];
        const what = environment === undefined
            ? `account '${account}'`
            : `environment '${environment}' of account '${account}'`;
        const map = mapAt(document.contents, path, `The settings of ${what} are not a map in the manifest, so its primary_region cannot be written in place: write ${environment === undefined ? 'the account' : `the account's environments as a map (${environment}: {})`} and run again, or set primary_region by hand`);
        result =
            region === null
                ? removeMapEntry(result, map, 'primary_region', what)
                : setMapEntry(result, map, 'primary_region', region, what);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/swap-roles.js


/**
 * The manifest text with `primary` as the primary region and every other region secondary. Only the `role`
 * values change, in place: comments, formatting and everything else stay byte for byte, so the change reads
 * as a small pull request.
 */
function setPrimaryRegion(text, primary) {
    const document = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: true });
    const regions = document.get('regions', true);
    if (!(0,dist/* isMap */.jh)(regions))
        throw new errors/* UsageError */.eb("The manifest has no 'regions' map to update");
    const edits = [];
    let found = false;
    for (const pair of regions.items) {
        if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        const region = String(pair.key.value);
        found ||= region === primary;
        const role = pair.value.get('role', true);
        if (!(0,dist/* isScalar */.jn)(role) || !role.range)
            continue;
        const wanted = region === primary ? 'primary' : 'secondary';
        if (role.value === wanted)
            continue;
        const quote = /^["']/.exec(text.slice(role.range[0], role.range[1]))?.[0] ?? '';
        edits.push({ start: role.range[0], end: role.range[1], value: `${quote}${wanted}${quote}` });
    }
    if (!found)
        throw new errors/* UsageError */.eb(`Region '${primary}' is not declared in the manifest`);
    let result = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result = result.slice(0, edit.start) + edit.value + result.slice(edit.end);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/set-global-region.js


/**
 * The manifest text with `backend.global_region` set to `region`: only that value changes, in place (quotes
 * kept), so comments and layout stay byte for byte and the change reads as one line of the roles pull request.
 */
function setGlobalRegion(text, region) {
    const document = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: true });
    const backend = document.get('backend', true);
    const current = (0,dist/* isMap */.jh)(backend) ? backend.get('global_region', true) : undefined;
    if (!(0,dist/* isScalar */.jn)(current) || !current.range) {
        throw new errors/* UsageError */.eb("The manifest has no 'backend.global_region' value to update");
    }
    if (current.value === region)
        return text;
    const [start, end] = current.range;
    const quote = /^["']/.exec(text.slice(start, end))?.[0] ?? '';
    return `${text.slice(0, start)}${quote}${region}${quote}${text.slice(end)}`;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/mark-failed-region.js


/**
 * The manifest text with `regions.<region>.failed: true` added (or, with `failed` false, removed), in place:
 * comments and layout stay byte for byte. A flow map (`{ role: secondary }`) gets `, failed: true` after
 * its last value; a block map a line of its own under `role`.
 */
function markRegionFailed(text, region, failed) {
    const document = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: true });
    mapAt(document.contents, ['regions'], "The manifest has no 'regions' map to update");
    const spec = mapAt(document.contents, ['regions', region], `Region '${region}' is not declared in the manifest`);
    const what = `region '${region}'`;
    return failed
        ? setMapEntry(text, spec, 'failed', 'true', what)
        : removeMapEntry(text, spec, 'failed', what);
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/region-move.js
/**
 * What a failover (app/dr/failover.ts) and a failback (app/dr/failback.ts) share: their settings, their set-up, the
 * records they read and write, and the manifest write that ends them.
 */














async function prepare(settings, adapters) {
    if (settings.planDirectory !== undefined && settings.dryRun) {
        throw new errors/* UsageError */.eb((name) => `${name('plan-dir')} applies saved plans: it cannot go with ${name('dry-run')}`);
    }
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd);
    // A failover goes on past a failed instance: every region it can bring up counts.
    return { loaded, ...(await (0,engine_setup/* setUpEngine */._)({ ...settings, failFast: false }, loaded, adapters)) };
}
/** The ids of a run's instances that succeeded. */
function succeededIds(run) {
    return run.instances.filter((instance) => instance.status === 'succeeded').map((instance) => instance.id);
}
/**
 * Applying saved plans (`planDirectory`) of a move: each saved plan whose inputs are unchanged is applied as
 * saved; any other is planned afresh and applied when it destroys and replaces nothing the approved preview
 * did not show. Messages name the move's own dry run, never `strata plan`.
 */
async function reviewedApply(prepared, move) {
    const planDirectory = prepared.base.planDirectory;
    if (planDirectory === undefined)
        return {};
    const preview = await readPreview(planDirectory, move);
    return { freshPlanCheck: checkAgainstPreview(preview, move, prepared.base.wording.command) };
}
function recordContext(prepared, settings) {
    return {
        manifest: prepared.loaded.manifest,
        manifestDirectory: prepared.loaded.directory,
        terraform: prepared.terraform,
        logDirectory: prepared.workDirectory,
        actor: actorOf(settings.env),
        now: prepared.base.now ?? (() => new Date()),
        // What reading the records ignored (a legacy copy replicated from another region), for the report.
        notes: [],
    };
}
/** The records of `regions`, each read once (together: each in a directory of its own). */
async function readRecords(context, regions) {
    const read = new Map(await Promise.all([...new Set(regions)].map(async (region) => [region, await (0,failover_record/* readFailoverRecord */.M)(context, region)])));
    return (region) => (0,lookup/* getOrThrow */.Gp)(read, region, 'failover record read');
}
/**
 * Writes a move's records, in order, once its run succeeded. A failure to write one fails the run with a note
 * that says what, where and how to go on (what the run applied stays applied); the replicated locks cleared on
 * the way join the report's audit. Whether every record was written.
 */
async function writeRecords(run, writes) {
    const failover = (0,lookup/* definedOrThrow */.pU)(run.failover, 'the failover summary');
    const audit = (cleared) => {
        if (cleared.length > 0)
            failover.recordLocks = [...(failover.recordLocks ?? []), ...cleared];
    };
    try {
        for (const write of writes)
            audit(await write());
        return true;
    }
    catch (error) {
        run.status = 'failed';
        failover.notes.push(`The ${failover.mode} applied, but its failover record could not be written, and the manifest was not changed: ${(0,errors/* getErrorMessage */.u1)(error)}`);
        return false;
    }
}
/**
 * Writes the new roles into the manifest file, editing only those values (comments and layout stay): after a
 * failover the failed region marked `failed` and, when the replica was promoted, `backend.global_region`;
 * after a failback the marks of both its regions removed (both run in steady state again).
 */
async function writePrimary(settings, manifest, primary, scope, changes) {
    const file = external_node_path_.resolve(settings.cwd, settings.manifestFile);
    const before = await (0,promises_.readFile)(file, 'utf8');
    // An account or environment back in the region roles' primary follows the roles again.
    const scopePrimary = primary === (0,primary_region/* primaryRegionOf */.Ad)(manifest) ? null : primary;
    let text = scope.length === 0 ? setPrimaryRegion(before, primary) : setScopePrimary(before, scope, scopePrimary);
    for (const region of changes.recovered ?? [])
        text = markRegionFailed(text, region, false);
    if (changes.failed !== undefined)
        text = markRegionFailed(text, changes.failed, true);
    if (changes.globalRegion !== undefined)
        text = setGlobalRegion(text, changes.globalRegion);
    await (0,promises_.writeFile)(file, text);
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/failback.js
/** `strata failback`: the region a failover left is back, and the service returns to it, in phases. */






















/**
 * `strata failback --to REGION`: REGION is back; the mirror of a failover, in phases (core/dr/failback.ts).
 * Promote: REGION's layers applied as primary with the failover context pointing back (`failover`, the region
 * being left as `failed_region`), so their code restores from the snapshots replicated back. Verify: before
 * anything is retired, REGION's recovery point must be newer than the moment traffic moved away from it (the
 * failover record's time), or the failback stops and says what is missing. Retire and demote: the region being
 * left returns to its steady state (the copies backup_restore does not keep destroyed, the rest re-applied as
 * secondary). Reapply: whatever the demotion changed the inputs of. The service stays up throughout. The
 * record in REGION then keeps what the promote phase restored, for the context of later runs; the other is
 * cleared, or keeps only what other scopes' failbacks restored there (recordLeftBehind).
 */
async function executeFailback(settings, adapters) {
    const prepared = await prepare(settings, adapters);
    const { manifest } = prepared.loaded;
    const scope = (0,failover_scope/* scopeOf */.Od)(manifest, settings);
    const current = (0,failover_scope/* currentPrimaryOf */.Hj)(manifest, scope, undefined);
    (0,check_region/* checkRegionDeclared */.j)(manifest, settings.to, 'to');
    const demoted = settings.from ?? current;
    if (settings.to === demoted && !settings.force) {
        throw new errors/* UsageError */.eb((name) => `The manifest already names ${settings.to} as primary: give ${name('from')} the region that took over during the failover, or use ${name('force')}`);
    }
    const records = recordContext(prepared, settings);
    // Each record read once, before the hold below replaces the one in `to`; `to`'s only for the scope check.
    const checksScope = !settings.dryRun || settings.holdDeploys === true;
    const recordOf = await readRecords(records, checksScope ? [demoted, settings.to] : [demoted]);
    const moved = dataMovesBack(manifest, recordOf(demoted), demoted, settings.to);
    // What the record in `to` keeps of other moves when this one replaces it (or why it may not).
    const after = (0,failover_scope/* movePrimary */.kA)(manifest, settings.to, scope);
    const graph = (0,expand_manifest/* expandManifest */.k)({ manifest: after, locations: prepared.loaded.locations });
    const instanceOf = (id) => graph.byId.get(id);
    const kept = checksScope
        ? (0,record_scope/* recordToReplace */.$E)(recordOf(settings.to), settings.to, { scope, from: demoted }, instanceOf)
        : {};
    // What the failback leaves of the record in the region being left (the context of other scopes' failbacks).
    const left = checksScope ? (0,record_scope/* recordLeftBehind */.R8)(recordOf(demoted), demoted, scope, instanceOf) : undefined;
    const recordLocks = settings.holdDeploys
        ? await holdDeploys(records, { mode: 'failback', from: demoted, to: settings.to, scope }, kept)
        : [];
    const filter = {
        accounts: settings.accounts,
        environments: settings.environments,
        layers: settings.layers,
    };
    // Global and account instances are outside any region; `inRegion` only ever asks about the others.
    const roleAfter = (0,steady_state/* steadyStateRoles */.xi)(after);
    const isKept = (instance) => roleAfter(instance) !== null;
    const inRegion = (region, keep) => new Set(graph.instances.filter((instance) => instance.region === region && keep(instance)).map((i) => i.id));
    const select = (within) => (0,select_instances/* selectInstances */.l)(graph, { ...filter, within });
    const promote = select(inRegion(settings.to, isKept));
    const retire = select(inRegion(demoted, (i) => !isKept(i)));
    const keep = select(inRegion(demoted, isKept));
    const changedByDemotion = dependentsToReapply(graph, new Set([...retire.ids, ...keep.ids]), (0,steady_state/* steadyStateIds */.CD)(graph, after));
    // A dry run cannot plan the promote phase's instances a second time before the demotion has happened: the
    // failback plans them afresh then (and the preview check holds them to what the dry run showed).
    const promoted = new Set(promote.ids);
    const reapply = select(settings.dryRun ? new Set([...changedByDemotion].filter((id) => !promoted.has(id))) : changedByDemotion);
    const recoveryPoints = new Map();
    const restoring = (0,restored_context/* restoringContexts */.OH)(graph, demoted, recoveryPoints);
    const steadyContext = (0,steady_state_context/* steadyStateContext */.x)(after);
    const contextOf = (instance) => promoted.has(instance.id)
        ? { ...steadyContext(instance), ...restoring.contextOf(instance.id) }
        : steadyContext(instance);
    const move = { mode: 'failback', from: demoted, to: settings.to };
    const reviewed = await reviewedApply(prepared, move);
    const command = (engineCommand) => settings.dryRun ? 'plan' : engineCommand;
    // A dry run plans each stage as it would run (the retired copies with destroy plans), so that applying its
    // saved plans later does exactly what was reviewed.
    const stages = [
        { name: 'promote', command: 'apply', dag: promote },
        { name: 'retire', command: 'destroy', dag: (0,dag/* reverseDag */.n6)(retire) },
        { name: 'demote', command: 'apply', dag: keep },
        { name: 'reapply', command: 'apply', dag: reapply },
    ];
    const progress = phaseProgress(prepared.base.reporter, stages.map((stage) => ({ name: stage.name, ids: stage.dag.ids })), graph);
    const runs = [];
    const phases = [];
    let verification = NOT_REQUIRED;
    let stopped = false;
    const hookNotes = [];
    const lastStage = stages.findLastIndex((stage) => stage.dag.ids.length > 0);
    for (const [index, stage] of stages.entries()) {
        if (stage.name === 'retire') {
            // Only the returning region's own recovery points: the promote phase also reads the other's outputs.
            const returning = new Map([...recoveryPoints].filter(([id]) => promoted.has(id)));
            verification = moved.required
                ? verifyRecoveryPoint(returning, { from: demoted, to: settings.to, at: moved.at }, settings.ignoreRecoveryPoint === true)
                : NOT_REQUIRED;
            const verified = isVerified(verification);
            phases.push({
                name: 'verify',
                command: 'check',
                instances: [...returning.keys()].sort(),
                status: stopped ? 'not-run' : verified ? 'succeeded' : 'failed',
                ...(settings.dryRun && moved.required ? { advisory: true } : {}),
            });
            // A dry run goes on: its promote phase read the recovery points its state held before this failback's
            // apply, so the failback itself checks again.
            if (!verified && !settings.dryRun)
                stopped = true;
        }
        if (stage.dag.ids.length === 0)
            continue;
        if (stopped) {
            phases.push({
                name: stage.name,
                command: command(stage.command),
                instances: [...stage.dag.ids],
                status: 'not-run',
            });
            continue;
        }
        // after_layer hooks follow the returning region's instances (the promote phase); after_failback, the last.
        const points = [
            ...(stage.name === 'promote' ? ['after_layer'] : []),
            ...(index === lastStage ? ['after_failback'] : []),
        ];
        const hooks = hooksOfRun(prepared, adapters.runner, { manifest: after, graph, dag: stage.dag }, { ...move, dryRun: settings.dryRun }, points);
        hookNotes.push(...hooks.notes);
        const run = await (0,run_engine/* runEngine */.c)({
            ...prepared.base,
            reporter: progress.reporterFor(stage.name),
            command: stage.command,
            planOnly: settings.dryRun,
            manifest: after,
            graph,
            dag: stage.dag,
            contextOf,
            ...(stage.name === 'promote' ? { onOutputs: (0,restored_context/* collectRecoveryPoint */.e0)(recoveryPoints) } : {}),
            // A dry run's verify is advisory (the real failback checks again), so only the real retire is held to it.
            ...(stage.name === 'retire' && !settings.dryRun && prepared.base.planGuard
                ? { planGuard: retireGuard(prepared.base.planGuard, verification) }
                : {}),
            ...reviewed,
            hooks: hooks.hooks,
        });
        progress.finished(run);
        runs.push(run);
        const status = run.status === 'running' ? 'failed' : run.status;
        phases.push({ name: stage.name, command: command(stage.command), instances: [...stage.dag.ids], status });
        // A real failback stops at a failed phase; a dry run plans them all, so the preview shows every one.
        if (status !== 'succeeded' && !settings.dryRun)
            stopped = true;
    }
    if (runs.length === 0)
        throw new errors/* UsageError */.eb(`Nothing to fail back to ${settings.to} with this selection`);
    const merged = mergeResults(runs);
    const { run, notes } = settings.dryRun
        ? await recordPreview(merged, move, prepared.workDirectory)
        : { run: merged, notes: [] };
    // A dry run planned every stage, its destroys too: its result says so, whatever the stages' commands.
    if (settings.dryRun)
        run.command = 'plan';
    const verified = isVerified(verification);
    if (!verified && !settings.dryRun)
        run.status = 'failed';
    const replanned = [...changedByDemotion].filter((id) => promoted.has(id));
    run.failover = {
        mode: 'failback',
        from: demoted,
        to: settings.to,
        dryRun: settings.dryRun,
        recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
        estimatedRecoverySeconds: null,
        readiness: [],
        notes: [
            ...(records.notes ?? []),
            ...notes,
            ...hookNotes,
            ...(settings.dryRun && replanned.length > 0
                ? [
                    `After the demotion the failback plans and applies again what it changes the inputs of, planned here in the promote phase: ${replanned.sort().join(', ')}`,
                ]
                : []),
        ],
        failback: { phases, verification },
        ...(recordLocks.length > 0 ? { recordLocks } : {}),
    };
    const recorded = !settings.dryRun &&
        run.status === 'succeeded' &&
        (await writeRecords(run, [
            ...(left?.kind === 'write' ? [() => (0,failover_record/* writeFailoverRecord */.t)(records, demoted, left.record)] : []),
            // The failback's own record (replacing its hold, when it wrote one): what its promote phase restored.
            ...(settings.to === demoted
                ? []
                : [
                    () => (0,failover_record/* writeFailoverRecord */.t)(records, settings.to, {
                        mode: 'failback',
                        from: demoted,
                        to: settings.to,
                        at: run.finishedAt ?? new Date().toISOString(),
                        restored: { ...kept, ...(0,restored_context/* restoredBy */.oW)(restoring.given, succeededIds(run)) },
                        scope,
                    }),
                ]),
        ]));
    if (recorded) {
        if (settings.writeManifest) {
            await writePrimary(settings, manifest, settings.to, scope, {
                recovered: scope.length === 0 ? [settings.to, demoted] : [],
            });
        }
    }
    return run;
}
/**
 * Whether the failback moves the data back: when the region being left holds a failover to it in effect,
 * traffic moved there at the record's time, and the returning region's recovery point must be newer. When
 * the manifest already has the returning region as primary, or marks the region being left failed, the
 * returning region held the service (a failback that stays there): nothing to check. Otherwise nothing says
 * when traffic moved, and the check cannot pass without the override.
 */
function dataMovesBack(manifest, record, demoted, to) {
    if (record &&
        record.status !== 'pending' &&
        (record.mode ?? 'failover') === 'failover' &&
        record.to === demoted)
        return { required: true, at: record.at };
    const heldByReturning = (0,primary_region/* primaryRegionOf */.Ad)(manifest) === to || (0,failed_regions/* failedRegions */.T)(manifest).has(demoted);
    return { required: !heldByReturning, at: null };
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/failover.js


















/**
 * `strata failover`: brings the service up in the target region while the failed region, its state and its
 * lock store are unreachable. Every Terraform command runs against the target region or, for state kept in
 * the failed region, against its replica, read-only. With `dryRun` (the drill) nothing is applied.
 */
async function executeFailover(settings, adapters) {
    if (settings.mode === 'failback')
        return executeFailback(settings, adapters);
    const prepared = await prepare(settings, adapters);
    const { manifest } = prepared.loaded;
    const plan = planFailover(prepared.loaded, {
        to: settings.to,
        from: settings.from,
        force: settings.force,
        accounts: settings.accounts,
        environments: settings.environments,
        layers: settings.layers,
    });
    const records = recordContext(prepared, settings);
    // What the record in `to` keeps of other moves when this one replaces it (or why it may not).
    const kept = !settings.dryRun || settings.holdDeploys
        ? (0,record_scope/* recordToReplace */.$E)(await (0,failover_record/* readFailoverRecord */.M)(records, plan.to), plan.to, plan, (id) => plan.graph.byId.get(id))
        : {};
    const recordLocks = settings.holdDeploys
        ? await holdDeploys(records, { mode: 'failover', from: plan.from, to: plan.to, scope: plan.scope }, kept)
        : [];
    const recoveryPoints = new Map();
    const restoring = (0,restored_context/* restoringContexts */.OH)(plan.graph, plan.from, recoveryPoints);
    const move = { mode: 'failover', from: plan.from, to: plan.to };
    const hooks = hooksOfRun(prepared, adapters.runner, { ...plan, manifest }, { ...move, dryRun: settings.dryRun }, FAILOVER_HOOK_POINTS);
    const engineRun = await (0,run_engine/* runEngine */.c)({
        ...prepared.base,
        command: settings.dryRun ? 'plan' : 'apply',
        manifest: plan.manifest,
        graph: plan.graph,
        dag: plan.dag,
        contextOf: (instance) => ({ ...plan.context, ...restoring.contextOf(instance.id) }),
        readBackendOf: (id) => plan.replicaBackends.get(id),
        onOutputs: (0,restored_context/* collectRecoveryPoint */.e0)(recoveryPoints),
        ...(await reviewedApply(prepared, move)),
        hooks: hooks.hooks,
    });
    const { run, notes, deferred } = settings.dryRun
        ? await recordPreview(engineRun, move, prepared.workDirectory)
        : { run: engineRun, notes: [], deferred: new Map() };
    const replicated = new Set(plan.replicaBackends.keys());
    const drill = settings.dryRun
        ? await drillFindings(settings, prepared, plan, run, recoveryPoints, deferred)
        : undefined;
    run.failover = {
        mode: 'failover',
        from: plan.from,
        to: plan.to,
        dryRun: settings.dryRun,
        recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
        estimatedRecoverySeconds: drill?.findings.estimate.seconds ?? null,
        readiness: drill?.readiness ?? (0,drill_readiness/* drillReadiness */.KB)(run.instances, plan.graph, replicated, []),
        notes: [...plan.notes, ...(records.notes ?? []), ...notes, ...hooks.notes],
        ...(drill ? { drill: drill.findings } : {}),
        ...(recordLocks.length > 0 ? { recordLocks } : {}),
    };
    // A drill that is not ready fails, though every plan may have succeeded (a stale replica, an old backup).
    if (drill && !drill.findings.ready)
        run.status = 'failed';
    const recorded = !settings.dryRun &&
        run.status === 'succeeded' &&
        (await writeRecords(run, [
            () => (0,failover_record/* writeFailoverRecord */.t)(records, plan.to, {
                from: plan.from,
                to: plan.to,
                at: run.finishedAt ?? new Date().toISOString(),
                restored: { ...kept, ...(0,restored_context/* restoredBy */.oW)(restoring.given, succeededIds(run)) },
                scope: plan.scope,
            }),
        ]));
    if (recorded) {
        const promotion = await promote(settings, prepared, plan, run);
        // A promotion that could not be completed leaves the manifest as it is: global and account state would
        // be looked for where it cannot be relied on. The failover, run again, promotes again.
        if (settings.writeManifest && (promotion === undefined || isPromoted(promotion))) {
            await writePrimary(settings, manifest, plan.to, plan.scope, {
                globalRegion: promotion?.to,
                // A failover of some accounts or environments leaves the region in use by the rest of the estate.
                failed: plan.scope.length === 0 ? plan.from : undefined,
            });
            if (promotion)
                promotion.manifestWritten = true;
        }
    }
    return run;
}
/**
 * After a failover of the global region: its replica becomes the home of global and account state
 * (core/dr/promote-replica.ts). Recorded in the failover's summary; a promotion with problems fails the run.
 */
async function promote(settings, prepared, plan, run) {
    const failover = (0,lookup/* definedOrThrow */.pU)(run.failover, 'the failover summary');
    const narrowed = [settings.accounts, settings.environments, settings.layers].some((filter) => filter !== undefined && filter.length > 0);
    const target = promotionTarget(prepared.loaded.manifest, plan.from, narrowed);
    if (target.kind === 'stays')
        failover.notes.push(target.reason);
    if (target.kind !== 'promote')
        return undefined;
    const promotion = await promoteReplica({
        ...stateReadContext(prepared, plan),
        manifest: prepared.loaded.manifest,
        failoverStartedAt: new Date(run.startedAt),
        actor: actorOf(settings.env),
        now: prepared.base.now ?? (() => new Date()),
    }, target);
    failover.promotion = promotion;
    if (!isPromoted(promotion))
        run.status = 'failed';
    return promotion;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/record-locks.js
/** The audit line of a replicated lock cleared from a failover record: which lock, whose copy, who cleared it, when. */
function clearedRecordLockLine(lock) {
    return `Cleared lock ${lock.lockId} from the failover record in ${lock.region}: a copy replicated from the record in ${lock.replicatedFrom} (${lock.path}; taken by ${lock.heldBy || 'an unknown holder'}, ${lock.operation || 'unknown operation'}, ${lock.created || 'at an unknown time'}), cleared by ${lock.clearedBy} at ${lock.clearedAt} (force-unlock).`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/deploy-hold-text.js

/** What releasing a deploy hold did, in one line for the terminal and the job summary. */
function describeRelease(region, released, clearedLocks = []) {
    const audit = clearedLocks.map((lock) => `\n${clearedRecordLockLine(lock)}`).join('');
    if (released === null)
        return `${region} held no pending failover: nothing to release.${audit}`;
    return `Released the hold of the ${released.mode ?? 'failover'} from ${released.from} to ${released.to} (held since ${released.at}): normal applies run again.${audit}`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/promotion-report.js
const cell = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
/**
 * The failover report's section on the promoted replica: where global and account state lives from now on,
 * each state read there, and the audit of every replicated lock found (who cleared it, when, which lock).
 * The setting that writes the manifest is named as `name` words it.
 */
function renderPromotion(promotion, name) {
    if (!promotion)
        return [];
    const { from, to } = promotion;
    const failed = promotion.states.filter((state) => state.problem !== null);
    const lines = [
        '### Global and account state promoted',
        '',
        failed.length === 0
            ? `Global and account state lives in ${to} from now on (backend.global_region: ${from} → ${to}${promotion.manifestWritten ? ', written into the manifest' : `; ${name('write-manifest')} writes it`}). Replication from ${from} is one-way: set up ${to} → ${from} before relying on ${from} again.`
            : `Not promoted: ${failed.length} of ${promotion.states.length} states in ${to} cannot be relied on; the manifest was left as it is. Fix what is listed, then run the failover again (it promotes again).`,
        '',
        '| state | lineage | serial | problem |',
        '| --- | --- | --- | --- |',
        ...promotion.states.map((state) => `| ${state.id} | ${state.lineage ?? '—'} | ${state.serial ?? '—'} | ${cell(state.problem ?? '')} |`),
        '',
    ];
    if (promotion.locks.length > 0) {
        lines.push('Replicated locks found:', '', '| state | lock | held by | since | cleared |', '| --- | --- | --- | --- | --- |', ...promotion.locks.map((lock) => `| ${lock.instance} | ${cell(lock.lockId)} (${cell(lock.path)}) | ${cell(lock.heldBy)}, ${cell(lock.operation)} | ${cell(lock.created)} | ${lock.clearedBy === null ? 'NO: left in place' : `by ${cell(lock.clearedBy)} at ${lock.clearedAt ?? ''} (force-unlock)`} |`), '');
    }
    return lines;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/failback-report.js
/** A value as one Markdown table cell: no line breaks, pipes escaped. */
const failback_report_cell = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const PHASE_DOES = {
    promote: 'the returning region as primary, restoring from the snapshots replicated back',
    verify: "the returning region's recovery point is newer than the failover",
    retire: 'the copies the steady state does not keep in the region being left, destroyed',
    demote: 'the rest of the region being left, as secondary',
    reapply: 'what the demotion changed the inputs of',
};
/** What a dry run's verify row says: it read the recovery points before promote applied anything. */
const ADVISORY = 'advisory: read before the promote phase applied; checked again by the real failback after its promote phase';
/** A failback's phases, in order, and its recovery-point check with the override when it was used. */
function renderFailback(findings, dryRun) {
    if (!findings)
        return [];
    const lines = [
        '### Failback phases',
        '',
        '| phase | what | command | instances | status |',
        '|---|---|---|---|---|',
    ];
    for (const phase of findings.phases) {
        const status = phase.advisory ? `${phase.status} (${ADVISORY})` : phase.status;
        lines.push(`| ${phase.name} | ${PHASE_DOES[phase.name]} | ${phase.command} | ${phase.instances.length} | ${status} |`);
    }
    lines.push('');
    const { verification } = findings;
    if (!verification.required) {
        lines.push('Recovery point: not checked, the region made primary held the service during the outage (its data is the latest).', '');
        return lines;
    }
    const problems = [
        ...(verification.problem ? [verification.problem] : []),
        ...verification.checks.flatMap((check) => (check.problem ? [check.problem] : [])),
    ];
    const movedAt = verification.movedAt ?? 'unknown';
    if (problems.length === 0) {
        const passed = `Recovery point: newer than the failover (traffic moved at ${movedAt})`;
        lines.push(dryRun
            ? `${passed}, as far as this dry run can tell (advisory): the failback reads the recovery points again after its promote phase has applied, and stops before retiring anything if they are not.`
            : `${passed}.`, '');
    }
    else if (verification.overridden) {
        lines.push(`**Recovery point not shown to be newer than the failover; retired anyway, by the override ignore-recovery-point**: ${problems.join('; ')}.`, '');
    }
    else {
        const outcome = dryRun
            ? 'the failback checks again after its promote phase has applied, and stops before retiring anything if it still fails'
            : 'nothing was retired';
        lines.push(`**Recovery point not shown to be newer than the failover** (${outcome}): ${problems.join('; ')}.`, '');
    }
    if (verification.checks.length > 0) {
        lines.push('| published by | recovery point | newer than the failover |', '|---|---|---|');
        for (const check of verification.checks) {
            lines.push(`| ${check.id} | ${failback_report_cell(check.value)} | ${check.problem ? `NO: ${failback_report_cell(check.problem)}` : 'yes'} |`);
        }
        lines.push('');
    }
    return lines;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/markdown-text.js
/** `&`, `<` and `>` as entities, for text inside HTML such as a `<summary>`. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * Text that reads literally inside a Markdown paragraph or table cell: HTML neutralised, the punctuation that
 * would start emphasis, code, links or strike-through backslash-escaped, `|` escaped so it cannot split a
 * cell, and line breaks folded into spaces.
 */
function markdown_text_escapeMarkdown(text) {
    return escapeHtml(text)
        .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
        .replace(/\s*[\r\n]+\s*/g, ' ');
}
/** A code fence longer than any run of backticks in `text`, so no line of it can close the fence early. */
function markdown_text_fenceFor(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return '`'.repeat(Math.max(3, longest + 1));
}
/** A Markdown link whose target cannot end early or break the line: spaces, brackets and parentheses percent-encoded. */
function markdown_text_markdownLink(text, url) {
    const target = url.replace(/[\s()<>[\]]/g, (character) => character === '(' ? '%28' : character === ')' ? '%29' : encodeURIComponent(character));
    return `[${markdown_text_escapeMarkdown(text)}](${target})`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/plan-blocks.js



/**
 * Below this share of the budget a cut plan shows too little to be worth its block: the report drops
 * something else (the diagram, then the plans) instead of printing a row of empty fences.
 */
const MIN_PLAN_SHARE = 1024;
function plan_blocks_prepare(source, measure) {
    const trimmed = source.text.replace(/\r\n/g, '\n').replace(/^\n+/, '').trimEnd();
    const lines = trimmed === '' ? [] : trimmed.split('\n');
    const lineSizes = lines.map((line) => measure(`${line}\n`));
    return {
        source,
        lines,
        lineSizes,
        size: lineSizes.reduce((sum, size) => sum + size, 0),
        fence: markdown_text_fenceFor(trimmed),
    };
}
function blockHead(plan, isCut) {
    const { id, changes, isFailed, language } = plan.source;
    const replaces = changes !== null && changes.replace > 0 ? `⚠️ ${changes.replace} to replace` : '';
    const label = [escapeHtml(id), isFailed ? '❌ failed' : '', (0,run_text/* formatChanges */.rQ)(changes), replaces]
        .filter((part) => part !== '')
        .join(' — ');
    return `<details><summary>${label}${isCut ? ' (cut)' : ''}</summary>\n\n${plan.fence}${language ?? 'text'}\n`;
}
function blockTail(plan, note) {
    return `${plan.fence}\n${note === null ? '' : `\n${note}\n`}\n</details>\n`;
}
function renderBlock(plan, keptLines, style) {
    const isCut = keptLines < plan.lines.length;
    const body = plan.lines
        .slice(0, keptLines)
        .map((line) => `${line}\n`)
        .join('');
    return (blockHead(plan, isCut) +
        body +
        blockTail(plan, isCut ? style.cutNote(plan.lines.length - keptLines) : null));
}
/**
 * Water-filling: every plan gets up to the same level of the budget; plans smaller than the level keep their
 * whole size and leave the rest to the others. Returns each plan's allowance, in input order, and the level.
 */
function fairShares(sizes, budget) {
    const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
    const shares = sizes.map(() => 0);
    let remaining = Math.max(0, budget);
    let level = Infinity;
    for (const [position, { size, index }] of order.entries()) {
        const share = Math.floor(remaining / (order.length - position));
        if (size <= share) {
            shares[index] = size;
            remaining -= size;
        }
        else {
            level = share;
            for (const rest of order.slice(position))
                shares[rest.index] = share;
            break;
        }
    }
    return { shares, level };
}
/** How many whole lines fit in `allowance`. */
function linesWithin(plan, allowance) {
    let used = 0;
    let kept = 0;
    for (const size of plan.lineSizes) {
        if (used + size > allowance)
            break;
        used += size;
        kept++;
    }
    return kept;
}
/**
 * The plans as collapsible blocks, in the order given, in at most `budget` (in `style.measure` units). Whole when
 * they fit; otherwise each is cut at a line boundary to a fair share (small plans stay whole) with a note, and a
 * line under the heading says how many were cut. Undefined when even the cut blocks would not fit, or would
 * leave each cut plan less than MIN_PLAN_SHARE: the caller then drops something else.
 */
function plan_blocks_renderPlanSection(sources, style, budget) {
    const { measure } = style;
    const plans = sources.map((source) => plan_blocks_prepare(source, measure));
    const whole = style.heading + plans.map((plan) => renderBlock(plan, plan.lines.length, style)).join('\n');
    if (measure(whole) <= budget)
        return { text: whole, cut: 0 };
    // Reserve the worst case of everything but the plan text: every block cut, with its longest note.
    const count = plans.length;
    const summaryRoom = Math.max(measure(style.cutSummary(1, count)), measure(style.cutSummary(count, count))) + 2;
    const blockRoom = plans.reduce((sum, plan) => sum + measure(blockHead(plan, true)) + measure(blockTail(plan, style.cutNote(plan.lines.length))), 0);
    const separators = Math.max(0, count - 1) * measure('\n');
    const textBudget = budget - measure(style.heading) - summaryRoom - blockRoom - separators;
    if (textBudget < 0)
        return undefined;
    const { shares, level } = fairShares(plans.map((plan) => plan.size), textBudget);
    if (level < MIN_PLAN_SHARE)
        return undefined;
    // fairShares gives one share per size, so one per plan.
    const kept = plans.map((plan, index) => ({
        plan,
        lines: linesWithin(plan, (0,lookup/* itemAt */.R9)(shares, index, 'share')),
    }));
    const cut = kept.filter(({ plan, lines }) => lines < plan.lines.length).length;
    const blocks = kept.map(({ plan, lines }) => renderBlock(plan, lines, style));
    const text = `${style.heading}${style.cutSummary(cut, count)}\n\n${blocks.join('\n')}`;
    return measure(text) <= budget ? { text, cut } : undefined;
}

// EXTERNAL MODULE: ./build/tsc/core/render/plural.js
var render_plural = __webpack_require__(9102);
;// CONCATENATED MODULE: ./build/tsc/core/render/text-size.js
/** The size of a string once encoded as UTF-8, without encoding it (a lone surrogate becomes U+FFFD: 3 bytes). */
function text_size_utf8Length(text) {
    let bytes = 0;
    for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        if (unit < 0x80)
            bytes += 1;
        else if (unit < 0x800)
            bytes += 2;
        else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
            bytes += 4;
            index++;
        }
        else
            bytes += 3;
    }
    return bytes;
}
function isLowSurrogate(unit) {
    return unit >= 0xdc00 && unit <= 0xdfff;
}
/** The string length GitHub counts against a comment's limit, erring high: UTF-16 units, never fewer than code points. */
function charLength(text) {
    return text.length;
}
/** The longest prefix of `text`, cut between code points, whose size is at most `max`. The last resort of a report. */
function text_size_clampText(text, max, measure) {
    if (measure(text) <= max)
        return text;
    let size = 0;
    let end = 0;
    for (const point of text) {
        const next = size + measure(point);
        if (next > max)
            break;
        size = next;
        end += point.length;
    }
    return text.slice(0, end);
}

// EXTERNAL MODULE: ./build/tsc/core/schedule/waves.js
var waves = __webpack_require__(8589);
;// CONCATENATED MODULE: ./build/tsc/core/render/instance-table.js






/** A word with every symbol, so that status never rests on colour alone. */
const STATUS_LABEL = {
    pending: '⏳ pending',
    running: '🔄 running',
    succeeded: '✅ succeeded',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
    cancelled: '🚫 cancelled',
};
/** A table cell's detail is one line; a longer one is shortened to this many characters. */
const DETAIL_MAX = 200;
/** Reports list instances by account, then region, then id; the estate-wide (null) ones first. */
function sortForReport(instances) {
    return [...instances].sort((a, b) => (0,waves/* compareIds */.q)(a.account ?? '', b.account ?? '') ||
        (0,waves/* compareIds */.q)(a.region ?? '', b.region ?? '') ||
        (0,waves/* compareIds */.q)(a.id, b.id));
}
/** Why an instance did not succeed, in one line: the first line of its error with words, else its reason. Nothing else is shown. */
function detailOf(instance) {
    let text;
    switch (instance.status) {
        case 'failed':
            text = instance.error;
            break;
        case 'skipped':
        case 'cancelled':
            text = instance.reason;
            break;
        default:
            return '';
    }
    // Terraform boxes its diagnostics (`╷`, `│ Error: …`, `╵`): the first line with words in it, box edge dropped.
    const line = text
        .split(/\r?\n/)
        .map((candidate) => candidate.replace(/^[\s╷│╵]+/, '').trim())
        .find((candidate) => candidate !== '');
    if (line === undefined)
        return '';
    return line.length > DETAIL_MAX ? `${line.slice(0, DETAIL_MAX - 1)}…` : line;
}
/** A row with changes stands out (🟡 and bold), and says how many resources it replaces. */
function changesCell(changes) {
    if (changes === null || !hasChanges(changes))
        return formatChanges(changes);
    return `🟡 **${formatChanges(changes)}**${instance_table_replacesNote(changes)}`;
}
/** ` (2 to replace)`, or '' when nothing is replaced. */
function instance_table_replacesNote(changes) {
    return changes.replace > 0 ? ` (${changes.replace} to replace)` : '';
}
function tableRows(instances) {
    return sortForReport(instances).map((instance) => [
        escapeMarkdown(instance.account ?? '(global)'),
        escapeMarkdown(instance.region ?? '—'),
        escapeMarkdown(instance.id),
        STATUS_LABEL[instance.status] + (hasTimedOut(instance) ? ' (timed out)' : ''),
        changesCell(changesOf(instance)),
        formatDuration(durationOf(instance)),
        escapeMarkdown(detailOf(instance)),
    ]);
}
const TABLE_HEADER = (/* unused pure expression or super */ null && (['Account', 'Region', 'Instance', 'Status', 'Changes', 'Duration', 'Detail']));
/**
 * Every instance, one row each, sorted by account, region and id, with its status in words, its `+a ~c -d`
 * counts (empty when it was never planned), its duration and, when it did not succeed, why. Only those fields
 * of an InstanceResult are printed, so nothing sensitive in the others can leak into a report.
 */
function instance_table_renderInstanceTable(instances) {
    return `${markdownTable([TABLE_HEADER, ...tableRows(instances)], { alignDelimiters: false })}\n`;
}
/**
 * The table cut at a row boundary to fit `budget`, with a line saying how many rows are missing: only when a
 * report could not otherwise stay under its limit.
 */
function instance_table_renderCutInstanceTable(instances, budget, measure) {
    const lines = instance_table_renderInstanceTable(instances).trimEnd().split('\n');
    const head = `${lines.slice(0, 2).join('\n')}\n`;
    const rows = lines.slice(2);
    let room = budget - measure(head) - measure(cutRowsNote(rows.length));
    let kept = 0;
    for (const row of rows) {
        const size = measure(`${row}\n`);
        if (size > room)
            break;
        room -= size;
        kept++;
    }
    return `${head}${rows
        .slice(0, kept)
        .map((row) => `${row}\n`)
        .join('')}${cutRowsNote(rows.length - kept)}`;
}
function cutRowsNote(rowsCut) {
    return `\n… ${plural(rowsCut, 'more row')} cut (the full table is in the job log)\n`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/plan-text.js
/**
 * A plan's text as a report shows it. Terraform's own output, with what a reviewer skims past taken out and what
 * they look for made visible: `Refreshing state…` and data-source `Reading…` lines dropped; a plan with changes
 * in a `diff` fence with its `+`, `-`, `~` and `-/+` markers moved to the start of the line, where GitHub's diff
 * colouring looks for them (`~` as `!`, which it colours as changed); a failed plan's long lines wrapped, since
 * GitHub scrolls a code block sideways instead and the end of an error line is usually the part that matters.
 */
/** A failed plan's lines longer than this are wrapped. */
const WRAP_AT = 120;
/** Progress lines: `aws_vpc.main: Refreshing state... [id=vpc-1]`, `data.x.y: Reading...`, `Read complete after 1s`. */
const PROGRESS_LINE = /^\S.*: (Refreshing state\.\.\.|Reading\.\.\.|Read complete after \S+)( \[.*\])?$/;
/** A change marker after its indentation: `  + resource`, `  -/+ resource`, `      ~ tags = {`. */
const MARKER = /^(\s+)(-\/\+|\+\/-|[-+~])(?=\s)/;
function planForReport(text, shape) {
    const lines = text
        .replace(/\r\n/g, '\n')
        .split('\n')
        .filter((line) => !PROGRESS_LINE.test(line));
    if (shape.isFailed)
        return { language: 'text', text: lines.flatMap(wrapLine).join('\n') };
    if (!shape.hasChanges)
        return { language: 'text', text: lines.join('\n') };
    return { language: 'diff', text: markersFirst(lines).join('\n') };
}
/** `content = <<-EOT`, maybe `# forces replacement` after it: the start of a heredoc ending at `EOT`. */
const HEREDOC_START = /<<-?([A-Za-z_]\w*)(\s+#.*)?$/;
/**
 * Each change marker moved to the start of its line. Inside a heredoc, lines are the string's own text, where a
 * leading `- ` is content, not a removal: only an updated (`~`) heredoc marks its lines, so only there are they moved.
 */
function markersFirst(lines) {
    let heredoc = null;
    return lines.map((line) => {
        if (heredoc !== null) {
            if (line.trim() === heredoc.tag)
                heredoc = null;
            else if (!heredoc.isMarked)
                return line;
        }
        const marker = MARKER.exec(line)?.[2];
        const opens = HEREDOC_START.exec(line);
        if (opens?.[1] !== undefined)
            heredoc = { tag: opens[1], isMarked: marker === '~' };
        return line.replace(MARKER, (_, indent, found) => `${found === '~' ? '!' : found}${indent}`);
    });
}
/**
 * A line cut into pieces of at most WRAP_AT characters, at a space where there is one; each continuation starts
 * with the line's own prefix (indentation and Terraform's `│` box edge) so it still reads as part of the box.
 */
function wrapLine(line) {
    if (line.length <= WRAP_AT)
        return [line];
    const prefix = /^[\s│]*/.exec(line)?.[0] ?? '';
    const room = Math.max(20, WRAP_AT - prefix.length - 2);
    const pieces = [];
    let rest = line.slice(prefix.length);
    let lead = prefix;
    while (rest.length > room) {
        const space = rest.lastIndexOf(' ', room);
        const end = space > room / 2 ? space : room;
        pieces.push(`${lead}${rest.slice(0, end).trimEnd()}`);
        rest = rest.slice(end).trimStart();
        lead = `${prefix}  `;
    }
    pieces.push(`${lead}${rest}`);
    return pieces;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/report-plans.js




/** Where a plan goes in a report: failed ones first, then those that replace, then other changes. */
function planRank(instance) {
    const changes = (0,run_result/* changesOf */.fs)(instance);
    if (instance.status === 'failed')
        return 0;
    if (changes !== null && changes.replace > 0)
        return 1;
    return (0,run_result/* hasChanges */.ik)(changes) ? 2 : 3;
}
/**
 * The plans a report shows, failed first, then those that replace something, then the other changed ones (table
 * order within each), shaped for reading (planForReport); plans without changes get no block of their own, only
 * their count. Instances without a plan text have no block.
 */
function report_plans_planSources(run, plans) {
    const ranked = sortForReport(run.instances)
        .flatMap((instance) => {
        const text = plans.get(instance.id);
        return text === undefined ? [] : [{ instance, text, rank: planRank(instance) }];
    })
        .sort((a, b) => a.rank - b.rank);
    const shown = ranked
        .filter(({ rank }) => rank < 3)
        .map(({ instance, text, rank }) => {
        const changes = (0,run_result/* changesOf */.fs)(instance);
        const isFailed = rank === 0;
        return {
            id: instance.id,
            changes,
            isFailed,
            ...planForReport(text, { isFailed, hasChanges: (0,run_result/* hasChanges */.ik)(changes) }),
        };
    });
    return { shown, unchanged: ranked.length - shown.length };
}
/** `7 instances: no changes`: the plans that changed nothing, in one line instead of a block each. */
function report_plans_unchangedLine(count) {
    return count === 0 ? '' : `**${(0,render_plural/* plural */.L)(count, 'instance')}: no changes**\n`;
}

// EXTERNAL MODULE: ./build/tsc/core/reviewed-plan.js
var core_reviewed_plan = __webpack_require__(390);
;// CONCATENATED MODULE: ./build/tsc/core/render/reviewed-plan-note.js



/** The most instances planned afresh that the note lists one by one. */
const LISTED_MAX = 50;
/**
 * The summary's (and the comment's) account of an apply of saved plans: how many were applied as reviewed, and
 * each instance planned afresh with how its fresh plan differs from the reviewed one. Empty for other runs.
 */
function reviewed_plan_note_renderReviewedPlanNote(run) {
    const report = run.reviewedPlan;
    if (report === undefined)
        return '';
    const replanned = new Map(report.replanned.map((entry) => [entry.id, entry]));
    const asSaved = run.instances.filter((instance) => instance.status === 'succeeded' && !replanned.has(instance.id)).length;
    const head = `**Reviewed plan** (stale-plans: ${report.stalePlans}): ${plural(asSaved, 'saved plan')} applied as reviewed.`;
    if (report.replanned.length === 0) {
        const refused = report.stalePlans === 'refuse' && run.instances.some((instance) => instance.status === 'failed')
            ? ' A saved plan that no longer matched its inputs was refused: see the failed instances below.'
            : '';
        return `> [!NOTE]\n> ${head}${refused}\n\n`;
    }
    // Listed up to a bound: the note sits in the summary's head, which is never cut.
    const lines = report.replanned.slice(0, LISTED_MAX).map((entry) => `> - ${describeEntry(entry)}`);
    if (report.replanned.length > LISTED_MAX)
        lines.push(`> - … and ${report.replanned.length - LISTED_MAX} more (each instance's log has its comparison)`);
    return `> [!WARNING]\n> ${head} ${plural(report.replanned.length, 'instance')} planned afresh and compared with the reviewed plan:\n${lines.join('\n')}\n\n`;
}
function describeEntry(entry) {
    const verdict = entry.accepted
        ? entry.differences.length === 0
            ? 'applied: the same changes as the reviewed plan'
            : 'applied, with changes the reviewed plan did not show (none destroys anything)'
        : '**not applied**: its fresh plan destroys or replaces what the reviewed plan did not show';
    const differences = entry.differences.map((change) => `${escapeMarkdown(change.address)}: ${escapeMarkdown(change.planned)} (${change.previewed === null ? unshownChange(entry) : `reviewed: ${escapeMarkdown(change.previewed)}`})`);
    return `**${escapeMarkdown(entry.id)}**: ${escapeMarkdown(entry.why)}; ${verdict}${differences.length > 0 ? `: ${differences.join('; ')}` : ''}`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/status-diagram.js




const CLASS_DEFS = (/* unused pure expression or super */ null && ([
    '  classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
    '  classDef changes fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
    '  classDef failed fill:#ffebe9,stroke:#cf222e,color:#82071e',
    '  classDef skipped fill:#eaeef2,stroke:#6e7781,color:#424a53',
]));
/** The Mermaid class for an instance: a plan with changes is amber, an applied one green like any success. */
function statusClass(instance, command) {
    switch (instance?.status) {
        case 'succeeded':
            return command === 'plan' && hasChanges(changesOf(instance)) ? 'changes' : 'succeeded';
        case 'failed':
            return 'failed';
        case 'skipped':
        case 'cancelled':
            return 'skipped';
        default:
            return undefined;
    }
}
/** The layer graph's node takes the first of these its instances have; the counts use the words. */
const LAYER_CLASSES = [
    { name: 'failed', word: 'failed' },
    { name: 'skipped', word: 'skipped' },
    { name: 'changes', word: 'with changes' },
    { name: 'succeeded', word: 'succeeded' },
];
/** The class definitions right after the diagram's first line. */
function withClassDefs(mermaid) {
    const firstLineEnd = mermaid.indexOf('\n') + 1;
    return `${mermaid.slice(0, firstLineEnd)}${CLASS_DEFS.join('\n')}\n${mermaid.slice(firstLineEnd)}`;
}
/**
 * The graph as a Mermaid flowchart coloured by status, with a legend in words: instance by instance when GitHub
 * can render that, else layer by layer (with counts), else undefined.
 */
function status_diagram_renderStatusDiagram(run, graph, dag) {
    const byId = new Map(run.instances.map((instance) => [instance.id, instance]));
    const classOf = (id) => statusClass(byId.get(id), run.command);
    const full = withClassDefs(renderGraphMermaid(graph, dag, classOf));
    const isFull = fitsGitHubMermaid(full);
    const source = isFull ? full : withClassDefs(renderLayerMermaid(graph, dag, classOf, LAYER_CLASSES));
    if (!fitsGitHubMermaid(source))
        return undefined;
    const fence = fenceFor(source);
    return [
        ...(isFull
            ? []
            : [
                `By layer: ${plural(dag.ids.length, 'instance')} are more than GitHub draws in one diagram (${MERMAID_MAX_TEXT.toLocaleString('en-US')} characters, ${MERMAID_MAX_EDGES} arrows). Each box counts a layer's instances; each arrow, the dependencies between two layers.`,
                '',
            ]),
        `${fence}mermaid`,
        source.trimEnd(),
        fence,
        '',
        isFull
            ? 'Green: succeeded · amber: changes pending · red: failed · grey: skipped or cancelled · plain: not finished or not in this run.'
            : 'A layer is red when any of its instances failed, else grey when any was skipped or cancelled, else amber when any has changes pending, else green when any succeeded.',
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/tsc/core/render/summary.js












/** GitHub silently drops a step summary over 1 MiB; stay a little under it. */
const SUMMARY_MAX_BYTES = 1_000_000;
const RUN_SYMBOL = {
    running: '🔄',
    succeeded: '✅',
    failed: '❌',
    cancelled: '🚫',
};
/** The order statuses are counted in, wherever a report totals them. */
const summary_STATUS_ORDER = (/* unused pure expression or super */ null && ([
    'succeeded',
    'failed',
    'skipped',
    'cancelled',
    'running',
    'pending',
]));
/** `18 succeeded, 1 failed, 1 skipped`. */
function statusTotals(instances) {
    return summary_STATUS_ORDER.map((status) => [status, instances.filter((instance) => instance.status === status).length])
        .filter(([, count]) => count > 0)
        .map(([status, count]) => `${count} ${status}`)
        .join(', ');
}
function changeTotals(instances) {
    const changed = instances.filter((instance) => hasChanges(changesOf(instance)));
    if (changed.length === 0) {
        return instances.some((instance) => changesOf(instance) !== null) ? '**No changes**' : '';
    }
    const sum = (key) => changed.reduce((total, instance) => total + (changesOf(instance)?.[key] ?? 0), 0);
    const totals = { add: sum('add'), change: sum('change'), destroy: sum('destroy'), replace: sum('replace') };
    return `**${changed.length} with changes:** ${formatChanges(totals)}${replacesNote(totals)}`;
}
function renderHead(run, runUrl) {
    const facts = [
        `**${plural(run.instances.length, 'instance')}:** ${statusTotals(run.instances) || 'none'}`,
        changeTotals(run.instances),
        run.durationMs === null ? '' : `**Duration:** ${formatDuration(run.durationMs)}`,
    ];
    const where = [
        `**Manifest:** ${escapeMarkdown(run.manifest)}`,
        runUrl ? markdownLink('Workflow run', runUrl) : '',
    ];
    return [
        `## ${RUN_SYMBOL[run.status]} Strata ${run.command} ${run.status}`,
        '',
        facts.filter((fact) => fact !== '').join(' · '),
        '',
        where.filter((fact) => fact !== '').join(' · '),
        '',
    ].join('\n');
}
function bytes(limit) {
    return `${limit.toLocaleString('en-US')} bytes`;
}
/**
 * The job summary of one run, in Markdown: a heading with the command, status and totals; the instance table;
 * the dependency graph coloured by status; each plan in a collapsible block. Never more than `maxBytes` UTF-8
 * bytes: plans are cut first (a fair share each, at line boundaries, with a note), then the diagram is left out,
 * then the plans; the table is cut only when it alone is over the limit.
 */
function renderSummary(input) {
    const { run, graph, dag, plans, runUrl } = input;
    const max = input.maxBytes ?? SUMMARY_MAX_BYTES;
    const allowed = allowedDestroyLines(run).map(escapeMarkdown);
    const head = `${renderHead(run, runUrl)}${renderFailoverGuardNote(run)}${renderReviewedPlanNote(run)}${allowed.length > 0 ? `> [!WARNING]\n> ${allowed.join('\n> ')}\n\n` : ''}`;
    const table = `### Instances\n\n${renderInstanceTable(run.instances)}`;
    const drawn = dag.ids.length === 0 ? undefined : renderStatusDiagram(run, graph, dag);
    const diagram = drawn === undefined ? undefined : `### Dependency graph\n\n${drawn}\n`;
    const diagramLeftOut = `### Dependency graph\n\n_The dependency graph was left out to keep this summary within ${bytes(max)}._\n`;
    const { shown: sources, unchanged } = planSources(run, plans);
    const unchangedText = unchangedLine(unchanged);
    const onlyUnchanged = unchangedText === '' ? [] : [`### Plans\n\n${unchangedText}`];
    const style = {
        measure: utf8Length,
        heading: `### Plans\n\n${unchangedText && `${unchangedText}\n`}`,
        cutNote: (lines) => `… ${plural(lines, 'more line')} cut (full plan in the job log)`,
        cutSummary: (cut, total) => `**${cut} of ${plural(total, 'plan')} cut** to keep this summary within ${bytes(max)} (GitHub drops a job summary over 1 MiB); the full plans are in the job log.`,
    };
    const withPlans = (sections) => {
        if (sources.length === 0) {
            const base = [...sections, ...onlyUnchanged].join('\n');
            return utf8Length(base) <= max ? base : undefined;
        }
        const base = sections.join('\n');
        const section = renderPlanSection(sources, style, max - utf8Length(base) - 1);
        return section && `${base}\n${section.text}`;
    };
    const plansLeftOut = sources.length === 0
        ? onlyUnchanged
        : [
            `${style.heading}_The ${plural(sources.length, 'plan')} with changes or errors ${sources.length === 1 ? 'was' : 'were'} left out to keep this summary within ${bytes(max)}; they are in the job log._\n`,
        ];
    const tableOnly = [head, table, ...(diagram ? [diagramLeftOut] : []), ...plansLeftOut].join('\n');
    const fitted = withPlans(diagram ? [head, table, diagram] : [head, table]) ??
        (diagram ? withPlans([head, table, diagramLeftOut]) : undefined) ??
        (utf8Length(tableOnly) <= max ? tableOnly : undefined);
    if (fitted !== undefined)
        return fitted;
    const rest = [...(diagram ? [diagramLeftOut] : []), ...plansLeftOut].join('\n');
    const cutTableBudget = max - utf8Length(head) - utf8Length('### Instances\n\n') - utf8Length(rest) - 2;
    const cutTable = `### Instances\n\n${renderCutInstanceTable(run.instances, cutTableBudget, utf8Length)}`;
    return clampText([head, cutTable, rest].filter((part) => part !== '').join('\n'), max, utf8Length);
}
/**
 * The summary of a report that found no result file at all: no matrix job uploaded one (every stage failed
 * to start, or the artifacts were not downloaded), so nothing is known to have run.
 */
function renderNoResults(input) {
    return [
        '## ❌ Strata report: no results',
        '',
        `No result files in ${escapeMarkdown(input.directory)}: no job of the matrix uploaded a result, so none of the ${plural(input.instances, 'instance')} of ${escapeMarkdown(input.manifest)} is known to have run. Check that the stage jobs ran and that their results were downloaded to this folder.`,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/tsc/core/render/failover-report.js












const yesNo = (value) => (value === null ? '—' : value ? 'yes' : 'NO');
/** A value as one Markdown table cell: no line breaks, pipes escaped. */
const failover_report_cell = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
/**
 * The failover section of a report, in Markdown (readable as plain text too): outcome and recovery time, the
 * readiness of each instance for a drill with the reason for every 'no', what plans on mocks leave unproven,
 * the replicas and the recovery point, notes, the timeline as a table and as a Mermaid Gantt chart, and, when
 * given, the plans (failed and changed ones, cut to fit), so that an approver sees what the move will change.
 * Settings it names are worded by `name`.
 */
/** `**23m00s** (1380 s)`: readable at a glance, and the exact figure the result file holds. */
const inWords = (seconds) => seconds < 60 ? `**${seconds} s**` : `**${(0,run_text/* formatDuration */.a3)(seconds * 1000)}** (${seconds} s)`;
function renderFailoverReport(run, name, options = {}) {
    const failover = run.failover;
    if (!failover)
        return '';
    const kind = !failover.dryRun
        ? failover.mode
        : options.awaitingApproval
            ? `${failover.mode} plan (awaiting approval)`
            : `${failover.mode} drill`;
    const lines = [
        `## ${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${failover.from} → ${failover.to}: ${run.status}`,
        '',
    ];
    if (failover.recoverySeconds !== null)
        lines.push(`Recovery time (first command to last success): ${inWords(failover.recoverySeconds)}`, '');
    if (failover.estimatedRecoverySeconds !== null) {
        lines.push(`Estimated recovery time (critical path): ${inWords(failover.estimatedRecoverySeconds)}`, '');
        if (failover.drill) {
            const { estimate } = failover.drill;
            lines.push(`Based on ${estimate.basis}. Not counted: ${estimate.leavesOut.join('; ')}.`, '');
            const hooks = estimate.hooks ?? [];
            if (hooks.length > 0) {
                const counted = hooks.map((hook) => `${hook.name}${hook.instance === null ? '' : ` after ${hook.instance}`} ${hook.seconds} s (${hook.basis})`);
                lines.push(`Hooks counted, each where it runs: ${counted.join('; ')}.`, '');
            }
        }
    }
    if (failover.dryRun && failover.readiness.length > 0)
        lines.push(...readinessSection(failover));
    if (failover.drill)
        lines.push(...replicaSection(failover.drill), ...recoveryPointSection(failover.drill));
    lines.push(...renderPromotion(failover.promotion, name));
    lines.push(...renderFailback(failover.failback, failover.dryRun));
    const audit = (failover.recordLocks ?? []).map(clearedRecordLockLine);
    for (const note of [...failover.notes, ...audit])
        lines.push(`- ${note}`);
    if (failover.notes.length + audit.length > 0)
        lines.push('');
    lines.push('### Timeline', '', renderTimelineTable(run), '```mermaid', renderGantt(run, `${kind} ${failover.from} to ${failover.to}`).trimEnd(), '```', '');
    const report = lines.join('\n');
    return options.plans === undefined
        ? report
        : `${report}${plansSection(run, options.plans, options.maxBytes, report)}`;
}
/** The plans under the report, in what is left of the limit; a line saying they were left out when none fits. */
function plansSection(run, plans, maxBytes, report) {
    const max = maxBytes ?? SUMMARY_MAX_BYTES;
    const { shown, unchanged } = report_plans_planSources(run, plans);
    const unchangedText = report_plans_unchangedLine(unchanged);
    if (shown.length === 0)
        return unchangedText === '' ? '' : `\n### Plans\n\n${unchangedText}`;
    const style = {
        measure: text_size_utf8Length,
        heading: `\n### Plans\n\n${unchangedText && `${unchangedText}\n`}`,
        cutNote: (lines) => `… ${(0,render_plural/* plural */.L)(lines, 'more line')} cut (full plan in the job log)`,
        cutSummary: (cut, total) => `**${cut} of ${(0,render_plural/* plural */.L)(total, 'plan')} cut** to keep this summary within GitHub's limit; the full plans are in the job log.`,
    };
    const section = plan_blocks_renderPlanSection(shown, style, max - text_size_utf8Length(report));
    return (section?.text ??
        `${style.heading}_The ${(0,render_plural/* plural */.L)(shown.length, 'plan')} with changes or errors ${shown.length === 1 ? 'was' : 'were'} left out to keep this summary within GitHub's limit; they are in the job log._\n`);
}
function readinessSection(failover) {
    const entries = failover.readiness;
    const ready = failover.drill?.ready ?? entries.every(drill_readiness/* isReady */.i_);
    const mocked = entries.filter((entry) => entry.mockedUpstreams.length > 0);
    const deferred = entries.filter((entry) => entry.deferredUntil.length > 0);
    const lines = [];
    if (!ready) {
        const notReady = entries.filter((entry) => !(0,drill_readiness/* isReady */.i_)(entry)).length;
        const problems = failover.drill ? drillProblems(failover.drill) : [];
        const instances = notReady > 0
            ? `${notReady} of ${entries.length} instances are not (the reason is beside each NO)`
            : 'every instance planned';
        lines.push(`**Not ready**: ${instances}${problems.length > 0 ? `${notReady > 0 ? ';' : ', but'} ${problems.join('; ')}` : ''}.`, '');
    }
    else if (mocked.length === 0 && deferred.length === 0) {
        lines.push('Ready: every instance planned against live state.', '');
    }
    if (ready && mocked.length > 0) {
        lines.push(`Ready as far as plans on mocks show: ${mocked.length} of ${entries.length} instances were planned on the mock outputs of upstreams not applied in ${failover.to} yet: ${mocked.map((entry) => `${entry.id} (mocks of ${entry.mockedUpstreams.join(', ')})`).join(', ')}.`, '', `Unproven for those: that the upstreams' real outputs, once the failover applies them, are accepted by their code, and what they will change with them. The failover plans them again against the real outputs.`, '');
    }
    if (ready && deferred.length > 0) {
        lines.push(`Ready as far as the failover can preview: ${deferred.length} of ${entries.length} instances cannot be planned before the failover applies the upstreams it creates (no mock_outputs): ${deferred.map((entry) => `${entry.id} (after ${entry.deferredUntil.join(', ')})`).join(', ')}.`, '', `Unproven for those: everything their plan would show. The failover plans each once its upstreams are applied and applies it only if it destroys and replaces nothing; mock_outputs on those dependencies would let the drill plan them now.`, '');
    }
    lines.push('| instance | backend reachable | replica reachable | replica fresh | plan succeeded | would change | why not ready |', '|---|---|---|---|---|---|---|');
    for (const entry of entries)
        lines.push(readinessRow(entry));
    lines.push('');
    return lines;
}
/** What fails a drill beyond the rows of its table. */
function drillProblems(drill) {
    const problems = [];
    if (drill.recoveryPoint.problem)
        problems.push(drill.recoveryPoint.problem);
    const old = drill.recoveryPoint.checks.filter((check) => check.problem !== null).length;
    if (old > 0)
        problems.push(`${old} recovery point${old > 1 ? 's do' : ' does'} not meet dr.rpo (see Recovery point)`);
    const replicas = drill.replicas.filter((check) => check.status !== 'fresh').length;
    if (replicas > 0)
        problems.push(`${replicas} replica${replicas > 1 ? 's are' : ' is'} not fresh (see Replicas)`);
    return problems;
}
function readinessRow(entry) {
    const mocks = entry.mockedUpstreams.length > 0 ? ` (on mocks of ${entry.mockedUpstreams.join(', ')})` : '';
    const planned = entry.deferredUntil.length > 0
        ? `deferred until ${entry.deferredUntil.join(', ')} is applied`
        : `${yesNo(entry.planSucceeded)}${mocks}`;
    return `| ${entry.id} | ${yesNo(entry.backendReachable)} | ${yesNo(entry.replicaReachable)} | ${yesNo(entry.replicaFresh)} | ${planned} | ${(0,run_text/* formatChanges */.rQ)(entry.changes)} | ${failover_report_cell(entry.reason ?? '')} |`;
}
function replicaSection(drill) {
    if (!drill.replicasChecked) {
        return [
            'Replica freshness was not checked (the check was turned off): the replicas were read, not compared with the primary.',
            '',
        ];
    }
    if (drill.replicas.length === 0)
        return [];
    const lines = [
        '### Replicas of failed-region state',
        '',
        '| state | replica | fresh | found |',
        '|---|---|---|---|',
    ];
    for (const check of drill.replicas) {
        lines.push(`| ${check.id} | ${check.primaryRegion} → ${check.replicaRegion} | ${check.status === 'fresh' ? 'yes' : `NO (${check.status})`} | ${failover_report_cell(check.detail)} |`);
    }
    lines.push('');
    return lines;
}
function recoveryPointSection(drill) {
    const report = drill.recoveryPoint;
    if (report.rpo === null && report.checks.length === 0)
        return [];
    const lines = [
        '### Recovery point',
        '',
        report.rpo === null
            ? 'No recovery point objective (dr.rpo) is set: the recovery points are shown, not checked.'
            : `Objective (dr.rpo): data no older than **${report.rpo}** at the time of a failover.`,
        '',
    ];
    if (report.problem)
        lines.push(`**Not met**: ${report.problem}.`, '');
    if (report.checks.length > 0) {
        lines.push('| published by | latest recovery point | age | within dr.rpo |', '|---|---|---|---|');
        for (const check of report.checks) {
            const age = check.ageSeconds === null ? '—' : (0,recovery_point/* formatAge */.nV)(check.ageSeconds * 1000);
            const within = check.problem ? `NO: ${failover_report_cell(check.problem)}` : yesNo(check.withinRpo);
            lines.push(`| ${check.id} | ${failover_report_cell(check.value)} | ${age} | ${within} |`);
        }
        lines.push('');
    }
    return lines;
}

// EXTERNAL MODULE: ./build/tsc/cli/run-options.js
var run_options = __webpack_require__(5474);
// EXTERNAL MODULE: ./build/tsc/cli/selection-options.js
var selection_options = __webpack_require__(2845);
// EXTERNAL MODULE: ./build/tsc/cli/terraform-command.js + 2 modules
var terraform_command = __webpack_require__(1984);
// EXTERNAL MODULE: ./build/tsc/cli/terminal-wording.js
var terminal_wording = __webpack_require__(367);
;// CONCATENATED MODULE: ./build/tsc/cli/failover-command.js










function failoverHelp(mode) {
    const what = mode === 'failover'
        ? `Brings the service up in REGION while the failed region (default: the current primary) is down: plans and
applies every region and environment layer marked 'failover: apply' in REGION, in dependency order, with
role=primary, failover=true and failed_region in their context. No command touches the failed region: state
kept there is read from its replica (backend.replicas), read-only. With --dry-run this is the failover drill.`
        : `REGION is back: the mirror of a failover, in phases. promote: REGION's layers applied as primary with
failover=true and failed_region=the region being left, so their code restores from the snapshots replicated
back. verify: REGION's strata_recovery_point must be newer than the failover (the failover record's time), or
nothing is retired. retire, demote: the region being left returns to its steady state (the environment copies
backup_restore does not keep destroyed, the rest re-applied as secondary). reapply: what the demotion changed
the inputs of. The failover record in REGION then keeps what was restored, for the context of later runs.`;
    return `Usage: strata ${mode} --to REGION [options]

${what}

Options:
  --to REGION              the region to ${mode === 'failover' ? 'fail over to' : 'make primary again'} (required)
  --from REGION            ${mode === 'failover' ? 'the failed region (default: the primary in the manifest)' : 'the region to demote (default: the primary in the manifest)'}
  --dry-run                plan only, apply nothing${mode === 'failover' ? ': report readiness and the estimated recovery time' : ''}
  --plan-dir DIR           apply what a --dry-run previewed in DIR (its --work-dir): saved plans whose inputs
                           did not change as saved, the others planned afresh and stopped if they destroy or
                           replace what the preview did not show
  --allow-destroy INSTANCE  let the plan of INSTANCE, of a layer marked 'stateful: true', destroy or replace
                           its resources (refused otherwise); repeat for several; the result records it
  --force                  go ahead although the manifest already names --to as primary
  --write-manifest         after success, write the new roles into the manifest (only the role values change;
                           with --account or --environment, only their primary_region)
  --hold-deploys           first write a pending record into --to's state store: every normal apply and
                           destroy refuses until this ${mode} is applied
${mode === 'failover' ? '  --history FILE           a previous failover result: its durations estimate the recovery time of a drill\n  --skip-replica-check     a drill compares each replica with the primary it reads; skip that when the\n                           primary is really down (the reviewed plan of a failover)\n' : '  --ignore-recovery-point  retire although the recovery point of --to is not shown to be newer than the\n                           failover: the writes made since may be lost (the report records it)\n'}  --account A, --environment E, --layer L
                           ${mode} only these (lists: repeat or separate with commas). With --account or
                           --environment only they move: their primary is --to, the rest of the estate keeps
                           its own, and the failover record and the guard cover only them
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model, with its failover section, as JSON
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 success (a drill: ready), 1 failed (a drill: not ready), 2 bad input, 130 interrupted.
`;
}
async function failoverCommand(mode, argv, output, process) {
    const values = (0,run_options/* parseRunFlags */.y0)(argv, {
        to: { type: 'string' },
        from: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'write-manifest': { type: 'boolean', default: false },
        history: { type: 'string' },
        'hold-deploys': { type: 'boolean', default: false },
        'release-deploys': { type: 'boolean', default: false },
        'skip-replica-check': { type: 'boolean', default: false },
        'ignore-recovery-point': { type: 'boolean', default: false },
        account: { type: 'string', multiple: true },
        environment: { type: 'string', multiple: true },
        layer: { type: 'string', multiple: true },
    });
    if (values.help) {
        output.out(failoverHelp(mode));
        return 0;
    }
    if (values.to === undefined)
        throw new errors/* UsageError */.eb(`--to REGION is required: the region to ${mode === 'failover' ? 'fail over' : 'fail back'} to`);
    if (values.history !== undefined && mode === 'failback')
        throw new errors/* UsageError */.eb('--history only goes with failover');
    if (values['skip-replica-check'] && (mode === 'failback' || !values['dry-run']))
        throw new errors/* UsageError */.eb('--skip-replica-check only goes with failover --dry-run');
    if (values['ignore-recovery-point'] && mode === 'failover')
        throw new errors/* UsageError */.eb('--ignore-recovery-point only goes with failback');
    if (values['release-deploys']) {
        const released = await releaseDeploys({
            mode,
            to: values.to,
            manifestFile: values.manifest,
            workDirectory: values['work-dir'],
            terraformBinary: values['terraform-binary'],
            cwd: process.cwd,
            env: process.env,
            wording: terminal_wording/* terminalWording */.f,
        }, (0,terraform_command.createCliSession)(output, undefined).adapters(process.signal));
        output.out(`${describeRelease(values.to, released.released, released.clearedLocks)}\n`);
        return 0;
    }
    const session = (0,terraform_command.createCliSession)(output, (0,run_options/* pathFromCwd */.U3)(process, values['json-out']));
    const run = await executeFailover({
        ...(0,run_options/* runSettingsFromFlags */.uF)(values, process),
        mode,
        to: values.to,
        from: values.from,
        dryRun: values['dry-run'],
        force: values.force,
        writeManifest: values['write-manifest'],
        history: values.history,
        holdDeploys: values['hold-deploys'],
        checkReplicas: !values['skip-replica-check'],
        ignoreRecoveryPoint: values['ignore-recovery-point'],
        accounts: (0,selection_options/* splitList */.ry)(values.account),
        environments: (0,selection_options/* splitList */.ry)(values.environment),
        layers: (0,selection_options/* splitList */.ry)(values.layer),
    }, session.adapters(process.signal));
    session.finish(run);
    output.out(`\n${session.redactor.redact((0,run_text/* runTable */.cS)(run))}\n${session.redactor.redact(renderFailoverReport(run, terminal_wording/* terminalWording */.f.setting))}`);
    return (0,terraform_command.exitCode)(run, process);
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

//# sourceMappingURL=624.cli.js.map