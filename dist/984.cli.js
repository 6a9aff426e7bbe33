export const id = 984;
export const ids = [984];
export const modules = {

/***/ 4590:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _S: () => (/* binding */ ProcessStartError),
  ue: () => (/* binding */ createChildProcessRunner)
});

// UNUSED EXPORTS: DEFAULT_GRACE_MS

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/adapters/output-collector.js
/** How much of the end of the combined output `tail` keeps. */
const TAIL_BYTES = 64 * 1024;
/** Writes output to the log in arrival order, pausing the pipes while the log catches up; keeps the tail. */
class OutputCollector {
    log;
    sources;
    isCapturingStdout;
    logError;
    tailChunks = [];
    tailSize = 0;
    hasDroppedTail = false;
    stdoutChunks = [];
    isPaused = false;
    constructor(log, sources, isCapturingStdout) {
        this.log = log;
        this.sources = sources;
        this.isCapturingStdout = isCapturingStdout;
        log.on('error', (error) => {
            // Keep reading (and dropping) the output so the child is never blocked on a full pipe.
            this.logError ??= error;
            this.resume();
        });
    }
    add(chunk, isStdout) {
        if (isStdout && this.isCapturingStdout) {
            // Machine-readable output (show -json, output -json) carries sensitive values in clear text: it is
            // returned to the caller, never written to the log or kept in the tail that error messages quote.
            this.stdoutChunks.push(chunk);
            return;
        }
        this.tailChunks.push(chunk);
        this.tailSize += chunk.length;
        for (let oldest = this.tailChunks[0]; oldest !== undefined && this.tailChunks.length > 1 && this.tailSize - oldest.length >= TAIL_BYTES; oldest = this.tailChunks[0]) {
            this.tailChunks.shift();
            this.tailSize -= oldest.length;
            this.hasDroppedTail = true;
        }
        if (this.logError !== undefined || this.log.destroyed)
            return;
        if (!this.log.write(chunk) && !this.isPaused) {
            this.isPaused = true;
            for (const source of this.sources)
                source.pause();
            this.log.once('drain', () => {
                this.resume();
            });
        }
    }
    stdout() {
        return this.isCapturingStdout ? Buffer.concat(this.stdoutChunks).toString('utf8') : '';
    }
    tail() {
        const all = Buffer.concat(this.tailChunks);
        let start = Math.max(0, all.length - TAIL_BYTES);
        if (start > 0 || this.hasDroppedTail) {
            // Do not begin in the middle of a UTF-8 character.
            while (start < all.length && (all.readUInt8(start) & 0xc0) === 0x80)
                start += 1;
        }
        return all.subarray(start).toString('utf8');
    }
    resume() {
        if (!this.isPaused)
            return;
        this.isPaused = false;
        for (const source of this.sources)
            source.resume();
    }
}

;// CONCATENATED MODULE: ./build/tsc/adapters/process-group.js

/**
 * Whether any process of the group `pgid` is still running. `kill(-pgid, 0)` also counts zombies, which are
 * harmless and linger where PID 1 does not reap orphans (containers without an init), so on Linux the members are
 * looked up in /proc and zombies are left out.
 */
async function hasLiveMembers(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch (error) {
        return error.code === 'EPERM';
    }
    if (process.platform !== 'linux')
        return true;
    let entries;
    try {
        entries = await (0,promises_.readdir)('/proc');
    }
    catch {
        return true;
    }
    const states = await Promise.all(entries
        .filter((entry) => /^\d+$/.test(entry))
        .map((entry) => (0,promises_.readFile)(`/proc/${entry}/stat`, 'utf8').then((text) => parseStat(text), () => undefined)));
    return states.some((state) => state !== undefined && state.pgrp === pgid && state.state !== 'Z' && state.state !== 'X');
}
/** `/proc/<pid>/stat`: "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses. */
function parseStat(text) {
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const pgrp = Number(fields[2]);
    if (state === undefined || !Number.isInteger(pgrp))
        return undefined;
    return { state, pgrp };
}

;// CONCATENATED MODULE: ./build/tsc/adapters/child-process-runner.js








/** The default time between SIGINT and SIGKILL. */
const DEFAULT_GRACE_MS = 20_000;
/** How often to look for live members of the process group while it winds down. */
const GROUP_POLL_MS = 25;
/** How long to wait for the group to vanish after SIGKILL before giving up (a process stuck in the kernel). */
const AFTER_KILL_MS = 2_000;
/** The process could not be started: the executable, the working directory or the log file is the problem. */
class ProcessStartError extends Error {
    executable;
    /** The system error code (`ENOENT`, `EACCES`, …) when there is one. */
    code;
    constructor(executable, reason, code) {
        super(`Cannot run '${executable}': ${reason}`);
        this.name = 'ProcessStartError';
        this.executable = executable;
        this.code = code;
    }
}
/**
 * Runs processes with node:child_process, argument arrays only (never a shell).
 *
 * - The child gets its own session and process group (`detached`), so a Ctrl-C in the terminal reaches only
 *   Strata, which forwards exactly one SIGINT (Terraform takes a second one as "exit now" and may leave its state
 *   lock). Signals go to the whole group, so the children of wrapper scripts get them too. The entry must therefore
 *   turn its own SIGINT/SIGTERM into an abort of `signal`, or the children outlive it.
 * - stdin is at its end at once (commands must not prompt: pass `-input=false`), unless `request.stdin` gives
 *   what to write and when to end it.
 * - The executable is looked up on the PATH of `request.env`, not Strata's own.
 * - Output goes to `logFile` (appended, parent folders created) in the order it arrives, through one stream with
 *   back-pressure: when the disk is slower than the child, the child waits, and memory stays bounded.
 * - A `signal` that is already aborted at call time means the process is not started and the log not touched:
 *   the result has `cancelled: true`, `exitCode: null`, `durationMs: 0`.
 * - Cancellation and `timeoutMs`: one SIGINT to the group, then SIGKILL to the group if any member is still alive
 *   after `graceMs`. Members of the group still alive when the child exits (orphans: a background job of a
 *   wrapper, a provider left behind by a crash) get the same sequence, so nothing outlives the run.
 * - Resolves only after the child has closed, the group is gone and the log is flushed. Rejects with
 *   ProcessStartError when the process cannot start; never for an exit code, a signal or a timeout.
 */
function createChildProcessRunner() {
    return { run: runProcess };
}
async function runProcess(request) {
    if (request.signal?.aborted)
        return notStarted();
    const log = await openLog(request);
    if (request.signal?.aborted) {
        await closeStream(log);
        return notStarted();
    }
    const startedAt = performance.now();
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(request.executable, [...request.args], {
            cwd: request.cwd,
            env: { ...request.env },
            detached: true,
            stdio: ['pipe', 'pipe', 'pipe'],
        });
    }
    catch (error) {
        await closeStream(log);
        throw await startError(request, error);
    }
    // Registered before anything can fail, so an 'error' never goes unhandled and no event is missed.
    const started = new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
    });
    const exited = new Promise((resolve) => {
        child.once('exit', () => {
            resolve();
        });
    });
    const closed = new Promise((resolve) => {
        child.once('close', (code, endSignal) => {
            resolve([code, endSignal]);
        });
    });
    try {
        await started;
    }
    catch (error) {
        child.stdin.destroy();
        child.stdout.destroy();
        child.stderr.destroy();
        await closeStream(log);
        throw await startError(request, error);
    }
    // After a successful start, 'error' only reports a failed kill(); the group signalling below has its fallbacks.
    child.on('error', () => undefined);
    // Defined once the process has spawned, which the 'spawn' wait above ensures.
    const pid = (0,lookup/* definedOrThrow */.pU)(child.pid, 'the process id');
    const { stdin } = child;
    // A child that exits before reading it all makes the pipe fail: its exit is the result that counts.
    stdin.on('error', () => undefined);
    if (request.stdin) {
        stdin.write(request.stdin.text);
        void request.stdin.endWhen.finally(() => stdin.end());
    }
    else
        stdin.end();
    const output = new OutputCollector(log, [child.stdout, child.stderr], request.captureStdout === true);
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    child.stdout.on('data', (chunk) => {
        if (request.onStdout)
            request.onStdout(decoder.write(chunk));
        else
            output.add(chunk, true);
    });
    child.stderr.on('data', (chunk) => {
        output.add(chunk, false);
    });
    const graceMs = request.graceMs ?? DEFAULT_GRACE_MS;
    let cancelled = false;
    let timedOut = false;
    let killed = false;
    let interrupted = false;
    let killedAt;
    let graceTimer;
    const sendToGroup = (signal) => {
        try {
            process.kill(-pid, signal);
        }
        catch {
            // The group is gone or cannot be signalled (or the platform has no groups): the child alone, if still there.
            child.kill(signal);
        }
    };
    /** SIGINT once, whatever asks for it and however often; SIGKILL after the grace period if anyone is left. */
    const interrupt = () => {
        if (interrupted)
            return;
        interrupted = true;
        sendToGroup('SIGINT');
        graceTimer = setTimeout(() => {
            void (async () => {
                const isChildRunning = child.exitCode === null && child.signalCode === null;
                if (!isChildRunning && !(await hasLiveMembers(pid)))
                    return;
                killed = true;
                killedAt = performance.now();
                sendToGroup('SIGKILL');
            })();
        }, graceMs);
    };
    const onAbort = () => {
        cancelled = true;
        interrupt();
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutTimer = request.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            interrupt();
        }, request.timeoutMs);
    // Once the child itself has exited, cancellation and timeout no longer apply to it; whatever is left of its
    // group (holding the pipes open or not) is ended with the same sequence.
    const orphansHandled = exited.then(async () => {
        clearTimeout(timeoutTimer);
        request.signal?.removeEventListener('abort', onAbort);
        if (!interrupted && (await hasLiveMembers(pid)))
            interrupt();
    });
    const [exitCode, endSignal] = await closed;
    const durationMs = performance.now() - startedAt;
    await orphansHandled;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the abort and timeout callbacks, which TypeScript does not follow
    if (interrupted) {
        while (await hasLiveMembers(pid)) {
            if (killedAt !== undefined && performance.now() - killedAt > AFTER_KILL_MS)
                break;
            await (0,external_node_timers_promises_.setTimeout)(GROUP_POLL_MS);
        }
    }
    clearTimeout(graceTimer);
    await closeStream(log);
    if (output.logError !== undefined) {
        throw new Error(`Cannot write the log '${request.logFile}' of '${request.executable}': ${output.logError.message}`);
    }
    return {
        exitCode,
        stdout: output.stdout(),
        tail: output.tail(),
        endSignal,
        cancelled,
        timedOut,
        killed,
        durationMs,
    };
}
function notStarted() {
    return {
        exitCode: null,
        stdout: '',
        tail: '',
        endSignal: null,
        cancelled: true,
        timedOut: false,
        killed: false,
        durationMs: 0,
    };
}
async function openLog(request) {
    try {
        await (0,promises_.mkdir)(external_node_path_.dirname(request.logFile), { recursive: true });
        const handle = await (0,promises_.open)(request.logFile, 'a');
        return handle.createWriteStream();
    }
    catch (error) {
        const { code, message } = error;
        throw new ProcessStartError(request.executable, `cannot open its log '${request.logFile}': ${message}`, code);
    }
}
/** Ends the stream and waits until everything is on disk and the file is closed. Never rejects. */
function closeStream(stream) {
    return new Promise((resolve) => {
        if (stream.closed) {
            resolve();
            return;
        }
        stream.once('close', () => {
            resolve();
        });
        if (stream.destroyed)
            return;
        stream.end();
    });
}
async function startError(request, error) {
    const { code, message } = error;
    const isPath = request.executable.includes('/') || request.executable.includes(external_node_path_.sep);
    switch (code) {
        case 'ENOENT':
            if (!(await isDirectory(request.cwd))) {
                return new ProcessStartError(request.executable, `its working directory '${request.cwd}' does not exist (ENOENT)`, code);
            }
            return new ProcessStartError(request.executable, isPath
                ? 'no such file (ENOENT); check the path'
                : 'not found on PATH (ENOENT); install it or give its full path', code);
        case 'EACCES':
            return new ProcessStartError(request.executable, 'permission denied (EACCES); the file must be executable and its folders searchable', code);
        default:
            return new ProcessStartError(request.executable, code === undefined ? message : `${message} (${code})`, code);
    }
}
async function isDirectory(directory) {
    try {
        return (await (0,promises_.stat)(directory)).isDirectory();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 2876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lo: () => (/* binding */ createResultFileWriter),
  kk: () => (/* binding */ readResultFile)
});

// UNUSED EXPORTS: journalOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
;// CONCATENATED MODULE: ./build/tsc/core/result-file-fields.js

const STEPS = ['init', 'read-upstream', 'plan', 'show', 'apply', 'output'];
/** Reads one field of a parsed result file or journal line, or says which field of which file is wrong. */
class FieldReader {
    fields;
    where;
    constructor(fields, where) {
        this.fields = fields;
        this.where = where;
    }
    fail(name, expected) {
        throw new errors/* UsageError */.eb(`${this.where}: '${name}' must be ${expected}, got ${name in this.fields ? JSON.stringify(this.fields[name]) : 'nothing'}; it is not a result file this Strata can read`);
    }
    /** The field when `isType` accepts it; else the failure, saying it must be `expected`. */
    typed(name, isType, expected) {
        const value = this.fields[name];
        return isType(value) ? value : this.fail(name, expected);
    }
    /** As `typed`, with a missing field or null read as null. */
    typedOrNull(name, isType, expected) {
        const value = this.fields[name] ?? null;
        return value === null || isType(value) ? value : this.fail(name, `${expected} or null`);
    }
    string(name) {
        return this.typed(name, isString, 'a string');
    }
    stringOrNull(name) {
        return this.typedOrNull(name, isString, 'a string');
    }
    number(name) {
        return this.typed(name, isNumber, 'a number');
    }
    numberOrNull(name) {
        return this.typedOrNull(name, isNumber, 'a number');
    }
    boolean(name) {
        const value = this.fields[name] ?? false;
        return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
    }
    oneOf(name, values) {
        const value = this.fields[name];
        return values.includes(value) ? value : this.fail(name, `one of ${values.join(', ')}`);
    }
    stepOrNull(name) {
        return this.fields[name] == null ? null : this.oneOf(name, STEPS);
    }
    object(name) {
        const value = this.fields[name];
        return isObject(value) ? new FieldReader(value, `${this.where}, ${name}`) : this.fail(name, 'an object');
    }
    changes(name) {
        if (this.fields[name] == null)
            return null;
        const counts = this.object(name);
        return {
            add: counts.number('add'),
            change: counts.number('change'),
            destroy: counts.number('destroy'),
            replace: counts.number('replace'),
        };
    }
    list(name, item) {
        const value = this.fields[name] ?? [];
        if (!Array.isArray(value))
            return this.fail(name, 'a list');
        return value.map((entry) => item(entry) ?? this.fail(name, 'a list of the right entries'));
    }
}
const isString = (value) => typeof value === 'string';
const isNumber = (value) => typeof value === 'number';
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
;// CONCATENATED MODULE: ./build/tsc/core/result-file.js



/** The fields of InstanceResultFile beyond the identity and status, as they read where they do not apply. */
const notApplicable = () => ({
    step: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    changes: null,
    resourceChanges: [],
    error: null,
    reason: null,
    timedOut: false,
    mockedUpstreams: [],
    planFile: null,
});
/** A run as its result file holds it (see InstanceResultFile for why every field is written). */
function toResultFile(run) {
    return { ...run, instances: run.instances.map(instanceToFile) };
}
/** A result file's text: the whole result, pretty-printed. */
function resultFileText(run) {
    return `${JSON.stringify(toResultFile(run), null, 2)}\n`;
}
function instanceToFile(instance) {
    switch (instance.status) {
        case 'pending':
        case 'running':
        case 'succeeded':
        case 'failed':
            return { ...notApplicable(), ...instance };
        case 'skipped':
        case 'cancelled': {
            const { attempt, ...rest } = instance;
            return { ...notApplicable(), ...attempt, ...rest };
        }
    }
}
const INSTANCE_STATUSES = [
    'pending',
    'running',
    'succeeded',
    'failed',
    'skipped',
    'cancelled',
];
const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'];
const COMMANDS = ['plan', 'apply', 'destroy'];
/** A result file's text read into the model; `source` names the file in what a bad one is told. */
function parseResultText(text, source) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${source} is not valid JSON: ${error.message}`);
    }
    return parseResultFile(parsed, source);
}
/**
 * Checks that a parsed file is a Strata result (as `--json-out` and the action write them, now or in any
 * earlier version 1) and reads it into the model: each instance narrowed to its status, with the fields that
 * status always has checked to be there. The one place a result is read from a file.
 */
function parseResultFile(value, source) {
    if (!isObject(value) || value.version !== 1 || !Array.isArray(value.instances)) {
        throw new errors/* UsageError */.eb(`${source} is not a Strata result file (expected {"version": 1, "command", "instances": [...]})`);
    }
    const run = new FieldReader(value, source);
    const terraform = run.object('terraform');
    const result = {
        version: 1,
        command: run.oneOf('command', COMMANDS),
        status: run.oneOf('status', RUN_STATUSES),
        manifest: run.string('manifest'),
        startedAt: run.string('startedAt'),
        finishedAt: run.stringOrNull('finishedAt'),
        durationMs: run.numberOrNull('durationMs'),
        terraform: { binary: terraform.string('binary'), version: terraform.stringOrNull('version') },
        parallelism: run.number('parallelism'),
        hasChanges: run.boolean('hasChanges'),
        instances: value.instances.map((instance, index) => instanceFromFile(instance, `${source}, instances[${index}]`)),
    };
    // Written by this module's counterpart and only shown, never decided on: taken as it is.
    if (isObject(value.failover))
        result.failover = value.failover;
    if (isObject(value.reviewedPlan) && Array.isArray(value.reviewedPlan.replanned))
        result.reviewedPlan = value.reviewedPlan;
    if (Array.isArray(value.allowedDestroys))
        result.allowedDestroys = value.allowedDestroys.filter(isAllowedDestroy);
    if (Array.isArray(value.hooks))
        result.hooks = value.hooks.filter(isHookResult);
    const failoverGuard = failoverGuardFrom(value.failoverGuard);
    if (failoverGuard)
        result.failoverGuard = failoverGuard;
    return result;
}
/** The failover guard's report, as this module's counterpart wrote it: shown (the summary's note), never decided on. */
function failoverGuardFrom(value) {
    if (!isObject(value) || !Array.isArray(value.ignoredRecords))
        return undefined;
    const entries = (list, keys) => list.flatMap((entry) => isObject(entry) && keys.every((key) => typeof entry[key] === 'string')
        ? [Object.fromEntries(keys.map((key) => [key, entry[key]]))]
        : []);
    const ignoredRecords = entries(value.ignoredRecords, ['region', 'reason']);
    if (!Array.isArray(value.provenEmpty))
        return { ignoredRecords };
    return {
        ignoredRecords,
        provenEmpty: entries(value.provenEmpty, ['region', 'reason', 'proof']),
    };
}
function isAllowedDestroy(entry) {
    return isObject(entry) && typeof entry.id === 'string' && Array.isArray(entry.resources);
}
/** A hook's result, as this module's counterpart wrote it: shown (the timeline), never decided on. */
function isHookResult(entry) {
    return (isObject(entry) &&
        typeof entry.id === 'string' &&
        typeof entry.name === 'string' &&
        INSTANCE_STATUSES.includes(entry.status));
}
/** One instance of a result file, narrowed to its status (see parseResultFile). */
function instanceFromFile(value, where) {
    if (!isObject(value))
        throw new errors/* UsageError */.eb(`${where}: an instance must be an object`);
    const fields = new FieldReader(value, typeof value.id === 'string' ? `${where} (${value.id})` : where);
    const identity = {
        id: fields.string('id'),
        layer: fields.string('layer'),
        scope: fields.oneOf('scope', ['global', 'account', 'region', 'environment']),
        account: fields.stringOrNull('account'),
        region: fields.stringOrNull('region'),
        environment: fields.stringOrNull('environment'),
    };
    const progress = () => ({
        changes: fields.changes('changes'),
        resourceChanges: fields.list('resourceChanges', (entry) => isObject(entry) && typeof entry.address === 'string' && typeof entry.action === 'string'
            ? { address: entry.address, action: entry.action }
            : undefined),
        mockedUpstreams: fields.list('mockedUpstreams', (entry) => typeof entry === 'string' ? entry : undefined),
        planFile: fields.stringOrNull('planFile'),
    });
    const timing = () => ({
        startedAt: fields.string('startedAt'),
        finishedAt: fields.string('finishedAt'),
        durationMs: fields.number('durationMs'),
    });
    const attempt = () => ({ ...progress(), ...timing(), step: fields.stepOrNull('step') });
    const started = value.startedAt != null;
    const status = fields.oneOf('status', INSTANCE_STATUSES);
    switch (status) {
        case 'pending':
            return { ...identity, status };
        case 'running':
            return {
                ...identity,
                status,
                startedAt: fields.string('startedAt'),
                step: fields.stepOrNull('step'),
                ...progress(),
            };
        case 'succeeded':
            return { ...identity, status, ...progress(), ...timing() };
        case 'failed':
            return {
                ...identity,
                status,
                ...attempt(),
                error: fields.string('error'),
                timedOut: fields.boolean('timedOut'),
            };
        case 'skipped':
            return {
                ...identity,
                status,
                reason: fields.string('reason'),
                ...(started ? { attempt: attempt() } : {}),
            };
        case 'cancelled':
            return {
                ...identity,
                status,
                reason: fields.string('reason'),
                ...(started
                    ? {
                        attempt: {
                            ...attempt(),
                            error: fields.stringOrNull('error') ?? '',
                            timedOut: fields.boolean('timedOut'),
                        },
                    }
                    : {}),
            };
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/result-journal.js




/** The journal's first line, naming the run (its command, manifest and start) it belongs to. */
function journalHeaderLine(run) {
    const header = {
        journal: 1,
        run: { command: run.command, manifest: run.manifest, startedAt: run.startedAt },
    };
    return `${JSON.stringify(header)}\n`;
}
/** The journal line of one state change: the instance's whole new state. */
function journalLine(instance) {
    return `${JSON.stringify(instanceToFile(instance))}\n`;
}
/** The journal line of a hook's state change: `{"hook": ...}`, its whole new state (as the file's `hooks` hold it). */
function journalHookLine(hook) {
    return `${JSON.stringify({ hook })}\n`;
}
/**
 * A result file with its journal folded in: each instance and each DR hook as the last journal line about it
 * says, the run's `hasChanges` recomputed. `source` names the journal in what a bad one is told.
 *
 * - A hook the file does not list yet is added after those it does: a failback's later phases schedule their
 *   hooks when they start, after the file was last written whole.
 *
 * - A last line without its newline was torn by a kill in the middle of its write: it was never complete, so
 *   nothing was shown for it either, and it is ignored.
 * - A file that is no longer `running` was written whole at the run's end, after every line of its journal
 *   (a kill came between that write and the journal's removal): it is taken as it is.
 * - A journal of another run (a file written by a later run while an older journal was left beside it) is
 *   refused, never mixed in.
 *
 * Lines are whole states, not differences, so folding a line twice changes nothing: a file rewritten whole
 * (compacted) while the run goes, beside a journal whose lines it already holds, folds to itself.
 */
function foldJournal(run, journal, source) {
    if (run.status !== 'running')
        return run;
    const lines = journal.split('\n');
    // The piece after the last newline: empty after a whole last line, a torn line otherwise.
    lines.pop();
    const [first, ...entries] = lines;
    if (first === undefined)
        return run;
    const header = parseJournalLine(first, `${source}:1`);
    if (header.journal !== 1 || !isObject(header.run)) {
        throw new errors/* UsageError */.eb(`${source}:1 is not a Strata result journal (expected {"journal": 1, "run": {...}}); delete it to read the result file without it`);
    }
    const owner = new FieldReader(header.run, `${source}:1, run`);
    const started = owner.string('startedAt');
    if (started !== run.startedAt ||
        owner.string('command') !== run.command ||
        owner.string('manifest') !== run.manifest) {
        throw new errors/* UsageError */.eb(`${source} belongs to another run (${owner.string('command')} of ${owner.string('manifest')} started ${started}) than its result file (${run.command} of ${run.manifest} started ${run.startedAt}); it was left by an earlier run: delete it to read the result file without it`);
    }
    const latest = new Map();
    const hooks = new Map((run.hooks ?? []).map((hook) => [hook.id, hook]));
    entries.forEach((line, index) => {
        const where = `${source}:${index + 2}`;
        const entry = parseJournalLine(line, where);
        if ('hook' in entry) {
            if (!isHookResult(entry.hook))
                throw new errors/* UsageError */.eb(`${where}: 'hook' must be a hook's state (id, name, status)`);
            hooks.set(entry.hook.id, entry.hook);
            return;
        }
        const instance = instanceFromFile(entry, where);
        latest.set(instance.id, instance);
    });
    const known = new Set(run.instances.map((instance) => instance.id));
    for (const id of latest.keys()) {
        if (!known.has(id))
            throw new errors/* UsageError */.eb(`${source}: instance ${id} is not in its result file`);
    }
    const instances = run.instances.map((instance) => latest.get(instance.id) ?? instance);
    return {
        ...run,
        hasChanges: instances.some((instance) => (0,run_result/* hasChanges */.ik)((0,run_result/* changesOf */.fs)(instance))),
        instances,
        ...(hooks.size > 0 ? { hooks: [...hooks.values()] } : {}),
    };
}
function parseJournalLine(line, where) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${where} is not valid JSON: ${error.message}`);
    }
    if (!isObject(value))
        throw new errors/* UsageError */.eb(`${where}: a journal line must be an object`);
    return value;
}

;// CONCATENATED MODULE: ./build/tsc/adapters/result-file-store.js





/** Where the journal of a result file is kept while its run goes: beside it. */
const journalOf = (file) => `${file}.journal`;
/**
 * A result file as a run in progress writes it (`--json-out`), with what it promises: never behind what the
 * terminal has shown (every change is recorded before it is shown); whole, valid JSON whenever the run is
 * killed, even with SIGKILL; and a cost per state change that does not grow with the estate.
 *
 * How: the file is written whole (to a temporary file, renamed over it) at the first change and at the end;
 * in between, each change appends one line (the instance's new state) to the journal beside it, which every
 * reader folds in (readResultFile). Rewriting the whole file on every change, as Strata did before, costs
 * time in proportion to the estate on each of its ~6 changes per instance: quadratic in the estate (78 s of a
 * 2,000-instance run). The file is also rewritten whole (compacted) once the journal holds as many lines as
 * the run has instances, so the JSON alone is never more than that behind for a tool that reads it without
 * the journal, the journal stays as small as the file, and the cost per change stays constant (one
 * rewrite per instance count of appends).
 *
 * Each line goes to the journal with one write(2) on a descriptor kept open, without fsync: the data is in the
 * kernel when the call returns, which is what a killed process needs (it survives SIGKILL; it would not survive
 * a power loss, as the renamed whole file never did either). fsync per line costs a disk flush per state
 * change (measured in bench/result-file.ts); appendFileSync an open and a close.
 */
function createResultFileWriter(file) {
    const journal = journalOf(file);
    let descriptor;
    let lines = 0;
    const writeWhole = (run) => {
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, resultFileText(run));
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
    };
    const closeJournal = () => {
        if (descriptor !== undefined)
            (0,external_node_fs_.closeSync)(descriptor);
        descriptor = undefined;
    };
    /** Records a state change (`line`, its journal line); `run` is the whole result with it. */
    const record = (line, run) => {
        if (descriptor !== undefined) {
            // Journalled even when a compaction follows, so that the journal left beside the compacted file
            // until it is replaced holds every change the file does (folding it in then changes nothing).
            (0,external_node_fs_.writeSync)(descriptor, line);
            lines += 1;
            if (lines < run.instances.length + (run.hooks?.length ?? 0))
                return;
        }
        closeJournal();
        writeWhole(run);
        // A fresh journal, replacing any earlier one (this run's, now in the file, or one an earlier run left).
        (0,external_node_fs_.writeFileSync)(`${journal}.tmp`, journalHeaderLine(run));
        (0,external_node_fs_.renameSync)(`${journal}.tmp`, journal);
        descriptor = (0,external_node_fs_.openSync)(journal, 'a');
        lines = 0;
    };
    return {
        /** Records an instance's state change; `run` is the whole result with it. */
        changed(instance, run) {
            record(journalLine(instance), run);
        },
        /** Records a DR hook's state change, as an instance's: a killed failover's file still shows its hooks. */
        hookChanged(hook, run) {
            record(journalHookLine(hook), run);
        },
        /** The run has ended: the file written whole, the journal removed. */
        finish(run) {
            closeJournal();
            writeWhole(run);
            (0,external_node_fs_.rmSync)(journal, { force: true });
        },
    };
}
/**
 * A result file read back (`--resume`, `report`, a drill's history) with its journal folded in when there is
 * one (the run that wrote it was killed), so that a killed run reads as it stood. The one way a result file
 * is read from disk. `source` names it in what a bad one is told (the journal is named by its path); `cannotRead` words a file that cannot be
 * read at all.
 */
async function readResultFile(file, source, cannotRead = (message) => new errors/* UsageError */.eb(`cannot read '${file}': ${message}`)) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw cannotRead(error.message);
    }
    const run = parseResultText(text, source);
    let journal;
    try {
        journal = await (0,promises_.readFile)(journalOf(file), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return run;
        throw cannotRead(error.message);
    }
    return foldJournal(run, journal, journalOf(file));
}


/***/ }),

/***/ 4885:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ readFailoverRecord),
  t: () => (/* binding */ writeFailoverRecord)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/terraform/outputs.js
var outputs = __webpack_require__(2872);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
;// CONCATENATED MODULE: ./build/tsc/core/dr/record-lock.js
/**
 * Locks met on a failover record. Each region keeps its record at the same key of its own store, so S3
 * replication of one region's store into another copies the record's lock objects onto the other region's
 * record, and never the deletes that released them: a lock whose Path names another region's record is such
 * a copy, held by no one. Pure: which lock is which, and the audit of one cleared.
 */
/**
 * The Path a lock on the state at `backend` carries, as Terraform and OpenTofu print it: `bucket/key` for S3,
 * the configured file for `local`; undefined for a backend whose lock path Strata does not know.
 */
function lockPathOf(backend) {
    const { bucket, key, path } = backend.config;
    if (backend.type === 's3' && bucket !== undefined && key !== undefined) {
        return `${String(bucket)}/${String(key)}`;
    }
    if (backend.type === 'local')
        return String(path ?? 'terraform.tfstate');
    return undefined;
}
/**
 * The region whose record `lock` (found on `region`'s record) names: a replicated copy when it is another
 * region; null when it names `region`'s own record or no record Strata knows (then someone may hold it).
 */
function replicatedFrom(lock, region, recordLockPaths) {
    if (lock.path === '' || lock.path === recordLockPaths.get(region))
        return null;
    for (const [other, path] of recordLockPaths) {
        if (other !== region && path === lock.path)
            return other;
    }
    return null;
}
/**
 * Why a failover record cannot be written while `lock` is on it (its own lock, or one Strata cannot place):
 * who holds it and how to go on.
 */
function heldRecordLockMessage(lock, region, binary) {
    const holder = `lock ${lock.id || '(no id)'} on ${lock.path || 'an unknown path'}, held by ${lock.who || 'an unknown holder'} (${lock.operation || 'unknown operation'}) since ${lock.createdText || 'an unknown time'}`;
    return `the failover record in ${region} is locked: ${holder}. Another Strata run (a failover, a failback, a deploy hold or its release) may be writing it: wait for that run to end, then run this command again. If no run holds it (its run was killed), release it with '${binary} force-unlock ${lock.id || '<ID>'}' in a directory configured with the record's backend, then run this command again.`;
}

// EXTERNAL MODULE: ./build/tsc/terraform/lock-info.js
var lock_info = __webpack_require__(1896);
// EXTERNAL MODULE: ./build/tsc/engine/init-record.js
var init_record = __webpack_require__(3100);
// EXTERNAL MODULE: ./build/tsc/core/dr/record-key.js
var record_key = __webpack_require__(4377);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/app/dr/failover-record-context.js



/**
 * Where the record's Terraform runs: inside the manifest's directory, as many levels down as the first layer,
 * so that a relative `local` backend path resolves to the same folder it does for the layers.
 */
function recordDirectory(manifestDirectory, manifest, region) {
    // The schema requires one layer at least.
    const depth = (0,lookup/* itemAt */.R9)(manifest.layers, 0, 'layer').path.split('/').length;
    const levels = ['.strata-failover', region, ...Array(Math.max(0, depth - 2)).fill('record')];
    return external_node_path_.join(manifestDirectory, ...levels.slice(0, depth));
}
/** Where the record's `command` runs in `region`, and the log it writes. */
function recordCall(context, region, command, record = (0,record_key/* recordInstanceOf */.UG)(region)) {
    const suffix = record.id === record_key/* LEGACY_RECORD */.Eu.id ? '-legacy' : '';
    return {
        cwd: recordDirectory(context.manifestDirectory, context.manifest, region),
        // One per key: each stays initialised for its own backend, so a read of both needs no init at all.
        dataDirectory: external_node_path_.join(context.logDirectory, 'failover-record', region, `terraform-data${suffix}`),
        logFile: external_node_path_.join(context.logDirectory, 'failover-record', region, `${command}${suffix}.log`),
        instanceId: record.id,
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/replicated-record-lock.js





/** The lock Path of every region's record: a lock on one region's record naming another's was replicated. */
function recordLockPaths(manifest) {
    return new Map(manifest.regions.map((region) => [region.name, lockPathOf((0,record_key/* recordBackend */.WA)(manifest, region.name))]));
}
async function clearReplicatedLock(context, region, lock, source) {
    const unlocked = await context.terraform.forceUnlock(recordCall(context, region, 'force-unlock'), lock.id);
    if (unlocked.exitCode !== 0) {
        throw new errors/* RefusalError */.XQ(`the failover record in ${region} carries lock ${lock.id}, replicated from ${source}'s record (${lock.path}), and force-unlock failed:\n${unlocked.tail.trim()}\nRelease it with '${external_node_path_.basename(context.terraform.executable)} force-unlock ${lock.id}' in a directory configured with the record's backend, then run this command again.`);
    }
    return {
        region,
        replicatedFrom: source,
        lockId: lock.id,
        path: lock.path,
        heldBy: lock.who,
        operation: lock.operation,
        created: lock.createdText,
        clearedBy: context.actor,
        clearedAt: context.now().toISOString(),
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/failover-record-format.js

/**
 * An output every record Strata writes at a region's own key carries, cleared or not: with it, no record there
 * means none; without it the key was never written, and the legacy key may still hold the region's record.
 */
const OWN_KEY_OUTPUT = 'record_key';
/** The record's configuration at the region's own key; with null, a record cleared (its marker output only). */
function recordConfiguration(record) {
    const marker = `output "${OWN_KEY_OUTPUT}" {\n  value = "per-region"\n}\n`;
    if (record === null)
        return marker;
    const fields = {
        from: record.from,
        to: record.to,
        at: record.at,
        status: record.status ?? 'in-effect',
        mode: record.mode ?? 'failover',
        // As JSON text: one string however many instances, read back as it was written.
        ...(record.restored ? { restored: JSON.stringify(record.restored) } : {}),
        // Only a move of some accounts or environments has one: the estate's record stays as it always was.
        ...(record.scope?.length ? { scope: record.scope } : {}),
    };
    const input = Object.entries(fields)
        .map(([name, value]) => `    ${name.padEnd(8)} = ${hclString(value)}`)
        .join('\n');
    return `resource "terraform_data" "failover" {\n  input = {\n${input}\n  }\n}\n\noutput "failover" {\n  value = terraform_data.failover.output\n}\n\n${marker}`;
}
/** A string (or list of them) as an HCL literal: JSON's escapes, and no `${` or `%{` template (a recovery point is free text). */
function hclString(value) {
    return JSON.stringify(value).replace(/([$%])\{/g, '$1$1{');
}
function asRecord(value, region) {
    const record = value;
    const isText = (field) => typeof field === 'string' && field !== '';
    const isScope = (field) => field === undefined || field === null || (Array.isArray(field) && field.every(isText));
    const notOurs = () => new errors/* RefusalError */.XQ(`the failover record in ${region} is not one Strata wrote: ${JSON.stringify(value)}`);
    if (!record || !isText(record.from) || !isText(record.to) || !isText(record.at) || !isScope(record.scope)) {
        throw notOurs();
    }
    if (record.restored === undefined)
        return record;
    if (typeof record.restored !== 'string')
        throw notOurs();
    let restored;
    try {
        restored = JSON.parse(record.restored);
    }
    catch {
        throw notOurs();
    }
    const isRestoredMap = typeof restored === 'object' &&
        restored !== null &&
        Object.values(restored).every((point) => point === null || typeof point === 'string');
    if (!isRestoredMap)
        throw notOurs();
    return { ...record, restored };
}

;// CONCATENATED MODULE: ./build/tsc/app/dr/failover-record.js











const REACHABLE_HINT = (region) => `Check that the state store of ${region} is reachable with the credentials this run has, then run this command again.`;
/** Writes the record's configuration in `region`'s record directory: `record`'s, or (null) a cleared one's. */
async function writeConfiguration(context, region, record) {
    const directory = recordDirectory(context.manifestDirectory, context.manifest, region);
    await (0,promises_.mkdir)(directory, { recursive: true });
    const text = `# Written by Strata: the failover record (see the DR runbook). Do not edit.\nterraform {\n  backend "${context.manifest.backend.type}" {}\n}\n\n${recordConfiguration(record)}`;
    await (0,promises_.writeFile)(external_node_path_.join(directory, 'main.tf'), text);
}
/**
 * Initialises the data directory of `instance`'s key in `region`, unless its last init succeeded for the same
 * backend, directory and binary (as an instance's, engine/init-record.ts): `-reconfigure` every time cost each
 * run's record reads a process per key before the first instance could start. The configuration is left out:
 * it needs no provider but the built-in one, so what it says does not change what `init` sets up.
 */
async function initialise(context, region, instance = (0,record_key/* recordInstanceOf */.UG)(region)) {
    const call = recordCall(context, region, 'init', instance);
    const backend = (0,record_key/* recordBackend */.WA)(context.manifest, region, instance);
    const { executable, version } = context.terraform;
    const init = await (0,init_record/* initUnlessInitialised */.K)(call.dataDirectory, () => Promise.resolve((0,init_record/* jsonDigest */.j)({ backend, terraform: { executable, version }, cwd: call.cwd })), () => context.terraform.init(call, backend));
    if (init && init.exitCode !== 0) {
        throw new errors/* RefusalError */.XQ(`cannot reach the failover record in ${region}:\n${init.tail.trim()}\n${REACHABLE_HINT(region)}`);
    }
}
/**
 * Reads the record kept in `region`; null when there is none. Throws when the region cannot be reached. A
 * region whose own key was never written may still keep its record at the legacy key: that is read then (one
 * read more, only until a move writes the region's own key), and honoured only when it is the region's own; a
 * copy replicated from another region is ignored, with a note in `context.notes`.
 */
async function readFailoverRecord(context, region) {
    try {
        await writeConfiguration(context, region, null);
        const own = await readOutputs(context, region, (0,record_key/* recordInstanceOf */.UG)(region));
        if (own.failover !== undefined)
            return asRecord(own.failover, region);
        if (own[OWN_KEY_OUTPUT] !== undefined)
            return null;
        const legacy = (await readOutputs(context, region, record_key/* LEGACY_RECORD */.Eu)).failover;
        if (legacy === undefined)
            return null;
        const read = (0,record_key/* legacyRecordIn */.au)(asRecord(legacy, region), region);
        if (read.record === null)
            context.notes?.push(read.note);
        return read.record;
    }
    finally {
        await removeConfiguration(context, region);
    }
}
/** The outputs of the record instance `record` in `region`'s store, its configuration written. */
async function readOutputs(context, region, record) {
    await initialise(context, region, record);
    const output = await context.terraform.output(recordCall(context, region, 'output', record));
    if (output.exitCode !== 0) {
        // An initialised data directory skips the init that would have failed first on a store out of reach.
        throw new errors/* RefusalError */.XQ(`cannot read the failover record in ${region}:\n${output.tail.trim()}\n${REACHABLE_HINT(region)}`);
    }
    return (0,outputs/* outputValues */.uN)((0,outputs/* parseOutputsJson */.GW)(output.stdout));
}
/**
 * Writes (or, with null, clears) the record at `region`'s own key through the backend: plan, then apply that
 * plan. A record cleared keeps the key's marker output, so that the legacy key is never read there again (it
 * is left as it is: writing it would replicate over the legacy key of the region its store replicates into).
 * A lock replicated onto this region's record from another region's (core/dr/record-lock.ts) is cleared with
 * `force-unlock`, as the promotion of a replica clears stale locks, and returned for the report's audit. Any
 * other lock, or any failure, is a RefusalError that says what, where and how to go on.
 */
async function writeFailoverRecord(context, region, record) {
    try {
        await writeConfiguration(context, region, record);
        await initialise(context, region);
        const logs = external_node_path_.join(context.logDirectory, 'failover-record', region);
        const planFile = external_node_path_.join(logs, 'record.tfplan');
        const varFile = external_node_path_.join(logs, 'empty.tfvars.json');
        await (0,promises_.mkdir)(logs, { recursive: true });
        await (0,promises_.writeFile)(varFile, '{}\n');
        const lockTimeout = context.manifest.terraform.lockTimeout;
        const plan = (timeout) => context.terraform.plan(recordCall(context, region, 'plan'), {
            planFile,
            varFile,
            lockTimeout: timeout,
            destroy: false,
        });
        // First without waiting: a replicated lock is held by no one, and waiting for it would only delay.
        let planned = await plan('0s');
        const cleared = [];
        const lock = planned.meaning === 'error' ? (0,lock_info/* parseLockError */.j0)(planned.tail) : undefined;
        if (lock) {
            const source = replicatedFrom(lock, region, recordLockPaths(context.manifest));
            if (source !== null)
                cleared.push(await clearReplicatedLock(context, region, lock, source));
            // Then as any write of state: waiting up to the manifest's lock_timeout for a holder to finish.
            planned = await plan(lockTimeout);
        }
        if (planned.meaning === 'error') {
            const held = (0,lock_info/* parseLockError */.j0)(planned.tail);
            throw new errors/* RefusalError */.XQ(held
                ? heldRecordLockMessage(held, region, external_node_path_.basename(context.terraform.executable))
                : `cannot plan the failover record in ${region}:\n${planned.tail.trim()}\nFix what Terraform reports above, then run this command again.`);
        }
        if (planned.meaning === 'changes') {
            const apply = await context.terraform.apply(recordCall(context, region, 'apply'), {
                planFile,
                lockTimeout,
            });
            if (apply.exitCode !== 0) {
                throw new errors/* RefusalError */.XQ(`cannot write the failover record in ${region}:\n${apply.tail.trim()}\nFix what Terraform reports above, then run this command again.`);
            }
        }
        return cleared;
    }
    finally {
        await removeConfiguration(context, region);
    }
}
/** The record's configuration is generated for every use; none of it stays beside the layers' code. */
async function removeConfiguration(context, region) {
    await (0,promises_.rm)(recordDirectory(context.manifestDirectory, context.manifest, region), {
        recursive: true,
        force: true,
    });
    const top = external_node_path_.join(context.manifestDirectory, '.strata-failover');
    for (const directory of [external_node_path_.join(top, region), top]) {
        await (0,promises_.rmdir)(directory).catch(() => undefined); // Only when empty: another region's record may be in use.
    }
}


/***/ }),

/***/ 5632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ setUpEngine),
  l: () => (/* binding */ setUpTerraformFor)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/adapters/layer-code.js + 2 modules
var layer_code = __webpack_require__(2480);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
;// CONCATENATED MODULE: ./build/tsc/core/stateful-guard.js

/** Plan actions that lose what a resource holds: the old object is deleted (a replacement deletes it too). */
const DESTRUCTIVE = new Set(['delete', 'replace']);
/**
 * The guard of stateful layers: a plan that deletes or replaces a resource of a layer marked `stateful` is
 * refused unless the instance is in `allowDestroy`, the operator's explicit list for this run (the refusal names
 * that setting as `name` words it). Every run's
 * engine has it (app/engine-setup.ts), a failback's retire stage included; a check that the returning region's
 * recovery point is recent enough belongs before that stage, in the failback itself, and is not made here.
 */
function statefulGuard(manifest, allowDestroy, name) {
    const stateful = new Set(manifest.layers.filter((layer) => layer.stateful).map((layer) => layer.name));
    const allowed = new Set(allowDestroy);
    return (instance, changes) => {
        if (!stateful.has(instance.layer))
            return { accepted: true, allowed: [] };
        const destructive = changes.filter((change) => DESTRUCTIVE.has(change.action));
        if (destructive.length === 0)
            return { accepted: true, allowed: [] };
        if (allowed.has(instance.id))
            return { accepted: true, allowed: destructive };
        const listed = destructive.map((change) => `${change.address} (${change.action})`).join(', ');
        return {
            accepted: false,
            reason: `refusing to apply: layer '${instance.layer}' is stateful and this plan would destroy what it holds: ${listed}. If that is intended, run again naming the instance: ${name('allow-destroy')} ${instance.id}`,
        };
    };
}
/**
 * The allow-destroy setting checked against the manifest: each entry an instance id (`prod/eu-west-1/production/data`)
 * whose layer, its last part, is stateful. A typo must not pass unnoticed, and nothing else needs the flag.
 */
function checkAllowDestroy(manifest, allowDestroy) {
    for (const id of allowDestroy) {
        const layerName = id.slice(id.lastIndexOf('/') + 1);
        const layer = manifest.layers.find((candidate) => candidate.name === layerName);
        if (!layer) {
            throw new errors/* UsageError */.eb((name) => `${name('allow-destroy')}: '${id}' is not an instance id (its last part, '${layerName}', is no layer of ${manifest.file})`);
        }
        if (!layer.stateful) {
            throw new errors/* UsageError */.eb((name) => `${name('allow-destroy')}: '${id}' is an instance of layer '${layerName}', which is not stateful; only instances of stateful layers need it`);
        }
    }
}

// EXTERNAL MODULE: ./build/tsc/terraform/redact.js
var redact = __webpack_require__(1277);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/tsc/terraform/failure-kind.js
var failure_kind = __webpack_require__(1447);
;// CONCATENATED MODULE: ./build/tsc/engine/retry-transient.js
/** Three attempts, 2 s and then 4 s apart: enough for a registry or proxy blip, short next to a plan. */
const TRANSIENT_RETRY = { attempts: 3, firstDelayMs: 2000 };
/**
 * Runs a command again while its result is a failure known to be transient (`isTransient`), up to
 * the policy's attempts. Never retries a command that was cancelled or timed out, nor once `signal` is aborted:
 * a stop asked for is not a failure to recover from. Returns the last result, which the caller judges.
 */
async function retryTransient(attempt, isTransient, options) {
    const policy = options.policy ?? TRANSIENT_RETRY;
    const sleep = options.sleep ?? abortableSleep;
    let result = await attempt();
    for (let done = 1; done < policy.attempts; done++) {
        if (result.cancelled || result.timedOut || options.signal?.aborted || !isTransient(result))
            break;
        await sleep(policy.firstDelayMs * 2 ** (done - 1), options.signal);
        if (options.signal?.aborted)
            break;
        result = await attempt();
    }
    return result;
}
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    });
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-commands.js
/**
 * The argument arrays Strata passes to Terraform, in one place. Every command is non-interactive
 * (`-input=false`) and colourless where its output is read or shown in reports.
 */
const terraformArgs = {
    version: () => ['version', '-json'],
    /** `-reconfigure`: every run renders the backend afresh and must not migrate state between backends. */
    init: (backend) => [
        'init',
        '-input=false',
        '-no-color',
        '-reconfigure',
        ...Object.entries(backend.config).map(([key, value]) => `-backend-config=${key}=${String(value)}`),
    ],
    plan: (options) => [
        'plan',
        '-input=false',
        '-no-color',
        `-out=${options.planFile}`,
        '-detailed-exitcode',
        ...lockFlags(options),
        `-var-file=${options.varFile}`,
        ...(options.destroy ? ['-destroy'] : []),
    ],
    show: (planFile) => ['show', '-json', '-no-color', planFile],
    /** Applies exactly the saved plan; Terraform refuses it when the state moved on since. */
    apply: (options) => [
        'apply',
        '-input=false',
        '-no-color',
        ...lockFlags(options),
        options.planFile,
    ],
    output: () => ['output', '-json', '-no-color'],
    /** The current state as JSON, read without a lock. */
    statePull: () => ['state', 'pull'],
    /**
     * Writes a state document as the instance's state, under the state lock. Terraform refuses a document of
     * another lineage or an older serial (no -force: a migration never overrides that check).
     */
    statePush: (options) => ['state', 'push', ...lockFlags(options), options.stateFile],
    /**
     * Holds the state lock for as long as stdin stays open: `console` takes the lock when it loads the state and
     * releases it when it exits, changing nothing. `-state` points it at a local backend's file, which `console`
     * would otherwise take from its own `-state` default (terraform.tfstate) rather than the backend's `path`.
     */
    holdLock: (options) => [
        'console',
        `-lock-timeout=${options.lockTimeout}`,
        ...(options.localStateFile === null ? [] : [`-state=${options.localStateFile}`]),
    ],
    /**
     * Takes the state lock and releases it, changing nothing (a dry-run removal of an address no state holds):
     * when another holds the lock it fails at once with the holder's Lock Info.
     */
    lockProbe: () => ['state', 'rm', '-dry-run', '-lock-timeout=0s', 'strata_lock_probe.none'],
    /** Releases the lock `lockId` that another process took (a stale lock); the state is not changed. */
    forceUnlock: (lockId) => ['force-unlock', '-force', lockId],
};
/**
 * `-lock-timeout`, or `-lock=false` when the caller already holds the state's lock (a migration holds every
 * lock it touches, through `holdLock`, and its own commands must not wait on it).
 */
function lockFlags(options) {
    return options.lockHeld === true ? ['-lock=false'] : [`-lock-timeout=${options.lockTimeout}`];
}
/** `plan -detailed-exitcode`: 0 no changes, 2 changes, anything else an error. */
function planExitMeaning(exitCode) {
    if (exitCode === 0)
        return 'no-changes';
    if (exitCode === 2)
        return 'changes';
    return 'error';
}

// EXTERNAL MODULE: ./build/tsc/adapters/child-process-runner.js + 2 modules
var child_process_runner = __webpack_require__(4590);
// EXTERNAL MODULE: ./build/tsc/terraform/errors.js
var terraform_errors = __webpack_require__(9963);
// EXTERNAL MODULE: ./build/tsc/terraform/json-objects.js
var json_objects = __webpack_require__(8371);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/terraform/version.js



/**
 * The first releases with S3-native state locking (`use_lockfile = true` in the s3 backend) generally
 * available: Strata's backends lock with it, with no DynamoDB table.
 */
const MINIMUM_VERSIONS = { terraform: '1.11.0', tofu: '1.10.0' };
const DISPLAY_NAMES = { terraform: 'Terraform', tofu: 'OpenTofu' };
function parseVersionJson(text) {
    const [document] = (0,json_objects/* parseJsonObjects */.CJ)(text);
    if (typeof document?.terraform_version !== 'string') {
        const received = document
            ? 'an object without terraform_version'
            : JSON.stringify(text.trim().slice(0, 80));
        throw new terraform_errors/* TerraformOutputError */.y('terraform version -json', 'an object with terraform_version', received);
    }
    const result = { terraformVersion: document.terraform_version, providerSelections: {} };
    if (typeof document.platform === 'string')
        result.platform = document.platform;
    const selections = document.provider_selections;
    if (typeof selections === 'object' && selections !== null) {
        for (const [source, selected] of Object.entries(selections)) {
            if (typeof selected === 'string')
                result.providerSelections[source] = selected;
        }
    }
    if (typeof document.terraform_outdated === 'boolean')
        result.isOutdated = document.terraform_outdated;
    return result;
}
/** Whether `version` (as printed by `version -json`, e.g. `1.11.2` or `1.12.0-rc1`) is new enough. */
function checkMinimumVersion(binaryKind, version) {
    const name = DISPLAY_NAMES[binaryKind];
    const minimum = MINIMUM_VERSIONS[binaryKind];
    const why = `${name} ${minimum} is the first release where S3-native state locking (\`use_lockfile\`) is generally ` +
        'available, and Strata locks state with it';
    const found = parseSemver(version);
    if (!found) {
        return {
            ok: false,
            message: `Cannot read the ${name} version '${version}'; Strata requires ${name} ≥ ${minimum}.`,
        };
    }
    if (compareSemver(found, (0,lookup/* definedOrThrow */.pU)(parseSemver(minimum), `minimum version '${minimum}'`)) < 0) {
        return {
            ok: false,
            message: `Found ${name} ${version}, but Strata requires ${name} ≥ ${minimum}: ${why}.`,
        };
    }
    return { ok: true };
}
function parseSemver(version) {
    const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
    if (!match)
        return undefined;
    return { core: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4] ?? '' };
}
/** Semver order, except that two pre-releases of one version compare equal: enough against a release minimum. */
function compareSemver(a, b) {
    const difference = a.core[0] - b.core[0] || a.core[1] - b.core[1] || a.core[2] - b.core[2];
    if (difference !== 0)
        return difference;
    // A pre-release comes before its release: 1.11.0-rc1 < 1.11.0.
    return (a.prerelease === '' ? 1 : 0) - (b.prerelease === '' ? 1 : 0);
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-version-check.js





/**
 * The binary's version from `version -json`, refusing a binary that is missing, fails, or is older than the
 * documented minimum with a `UsageError` (a setup problem the user fixes, not a failed run).
 */
async function readCheckedVersion(runner, options) {
    const { executable } = options;
    let result;
    try {
        result = await runner.run({
            executable,
            args: terraformArgs.version(),
            cwd: options.cwd,
            env: options.env,
            logFile: options.logFile,
            captureStdout: true,
        });
    }
    catch (error) {
        // The binary is missing or not executable.
        if (error instanceof child_process_runner/* ProcessStartError */._S)
            throw new errors/* UsageError */.eb(error.message);
        throw error;
    }
    if (result.exitCode !== 0) {
        throw new errors/* UsageError */.eb(`'${executable} version -json' failed (exit code ${String(result.exitCode)}): ${result.tail.trim()}`);
    }
    const version = parseVersionJson(result.stdout).terraformVersion;
    const check = checkMinimumVersion(binaryKind(executable), version);
    if (!check.ok)
        throw new errors/* UsageError */.eb(check.message);
    return version;
}
/** OpenTofu prints Terraform's version JSON shape; the binary's name tells them apart. */
function binaryKind(binary) {
    return external_node_path_.basename(binary).startsWith('tofu') ? 'tofu' : 'terraform';
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-client.js




/**
 * Builds the client for a binary: runs `version -json` once and refuses a binary that is missing, fails, or is
 * older than the documented minimum (a `UsageError`: a setup problem the user fixes, not a failed run).
 * `env` is the whole environment Terraform gets, already stripped of the runner's own variables.
 */
async function createTerraformClient(options) {
    const version = await readCheckedVersion(options.runner, options);
    return buildTerraformClient({ ...options, version });
}
/** The client over a runner, for a binary whose version is already known (`createTerraformClient` checks it). */
function buildTerraformClient(options) {
    const { runner, executable } = options;
    const run = (call, args, io = {}) => runner.run({
        executable,
        args,
        cwd: call.cwd,
        env: {
            ...options.env,
            TF_IN_AUTOMATION: '1',
            TF_INPUT: '0',
            TF_DATA_DIR: call.dataDirectory,
            STRATA_INSTANCE_ID: call.instanceId,
        },
        logFile: call.logFile,
        captureStdout: io.captureStdout,
        onStdout: io.onStdout,
        stdin: io.stdin,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
        graceMs: call.graceMs,
    });
    // Only commands that change nothing: a retried apply could apply part of a plan twice.
    const retrying = (call, attempt, isError) => retryTransient(attempt, (result) => isError(result) && (0,failure_kind/* isTransientFailure */.R)(result.tail), {
        policy: options.retry,
        signal: call.signal,
    });
    const failed = (result) => result.exitCode !== 0;
    return {
        executable,
        version: options.version,
        init: (call, backend) => retrying(call, () => run(call, terraformArgs.init(backend)), failed),
        plan: async (call, plan) => {
            const result = await retrying(call, () => run(call, terraformArgs.plan(plan)), (attempt) => planExitMeaning(attempt.exitCode) === 'error');
            return { ...result, meaning: planExitMeaning(result.exitCode) };
        },
        show: (call, planFile, onJson) => run(call, terraformArgs.show(planFile), { onStdout: onJson }),
        apply: (call, apply) => run(call, terraformArgs.apply(apply)),
        output: (call) => retrying(call, () => run(call, terraformArgs.output(), { captureStdout: true }), failed),
        statePull: (call) => retrying(call, () => run(call, terraformArgs.statePull(), { captureStdout: true }), failed),
        statePush: (call, push) => run(call, terraformArgs.statePush(push)),
        probeLock: (call) => retrying(call, () => run(call, terraformArgs.lockProbe()), failed),
        forceUnlock: (call, lockId) => run(call, terraformArgs.forceUnlock(lockId)),
        holdLock: (call, hold) => {
            // The console answers this expression only once it has loaded the state, under the lock.
            const marker = 'strata-lock-held';
            let seen = '';
            return run(call, terraformArgs.holdLock(hold), {
                stdin: { text: `"${marker}"\n`, endWhen: hold.release },
                onStdout: (text) => {
                    if (seen.includes(marker))
                        return;
                    seen += text;
                    if (seen.includes(marker))
                        hold.onHeld();
                },
            });
        },
    };
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-environment.js
/**
 * Variables the runner sets for the action itself and never for Terraform: the action's inputs (`INPUT_*`,
 * `github-token` among them) and the runtime's own tokens and endpoints (`ACTIONS_*`: the cache and
 * artifact token, the OIDC token request URL and bearer token). Pull-request code runs inside Terraform
 * (an `external` data source, a provisioner), so none of them may reach it. A provider that needs the OIDC
 * request token takes it under its own name (for example `ARM_OIDC_REQUEST_TOKEN`), set on the step.
 */
const RUNNER_ONLY = /^(INPUT_|ACTIONS_)/i;
/** The environment every Terraform process runs with: the caller's, less what is the runner's alone. */
function terraformEnvironment(env) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !RUNNER_ONLY.test(name))
            kept[name] = value;
    }
    return kept;
}

;// CONCATENATED MODULE: ./build/tsc/app/terraform-binary.js




/**
 * Which binary to run: `--terraform-binary` (or the action input), else STRATA_TERRAFORM, else the manifest's
 * `terraform.binary`. A bare name (`tofu`) is looked up in PATH; a relative path is a file from where it was
 * given (the flag and the variable from `cwd`, the manifest's from its folder), made absolute because every
 * Terraform process starts in a layer's folder.
 */
function chooseBinary(flag, env, manifestBinary, from) {
    const given = flag || env.STRATA_TERRAFORM;
    return given ? asExecutable(given, from.cwd) : asExecutable(manifestBinary, from.manifestDirectory);
}
function asExecutable(binary, base) {
    return binary.includes('/') || binary.includes(external_node_path_.sep) ? external_node_path_.resolve(base, binary) : binary;
}
/**
 * What every run does before its first Terraform command: create the work directory and the shared provider
 * cache (`TF_PLUGIN_CACHE_DIR`, unless set), choose the binary and build its client (which checks the version).
 */
async function setUpTerraform(options) {
    const workDirectory = external_node_path_.resolve(options.cwd, options.workDirectory);
    await (0,promises_.mkdir)(workDirectory, { recursive: true });
    const env = terraformEnvironment(options.env);
    env.TF_PLUGIN_CACHE_DIR ||= external_node_path_.join(workDirectory, 'plugin-cache');
    await (0,promises_.mkdir)(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
    const terraform = await createTerraformClient({
        runner: options.runner,
        executable: chooseBinary(options.flag, options.env, options.manifestBinary, options),
        env,
        cwd: options.manifestDirectory,
        logFile: external_node_path_.join(workDirectory, 'terraform-version.log'),
    });
    return { terraform, env, workDirectory };
}

;// CONCATENATED MODULE: ./build/tsc/app/engine-setup.js





/** Terraform for a command that works on one manifest: `setUpTerraform` with the settings' binary and folders. */
function setUpTerraformFor(settings, loaded, adapters) {
    return setUpTerraform({
        cwd: settings.cwd,
        workDirectory: settings.workDirectory,
        env: settings.env,
        flag: settings.terraformBinary,
        manifestBinary: loaded.manifest.terraform.binary,
        manifestDirectory: loaded.directory,
        runner: adapters.runner,
    });
}
/**
 * The one place that turns settings into engine options: set up Terraform (work directory, plugin cache,
 * binary, version check), then take parallelism and timeouts from the settings or the manifest.
 */
async function setUpEngine(settings, loaded, adapters, layerCode = (0,layer_code/* createLayerCodeReader */.e)(loaded.directory)) {
    const allowDestroy = settings.allowDestroy ?? [];
    checkAllowDestroy(loaded.manifest, allowDestroy);
    const setup = await setUpTerraformFor(settings, loaded, adapters);
    return {
        ...setup,
        base: {
            manifestDirectory: loaded.directory,
            workDirectory: setup.workDirectory,
            terraform: setup.terraform,
            layerCode,
            redactor: adapters.redactor ?? (0,redact/* createRedactor */.lY)(),
            reporter: adapters.reporter,
            parallelism: settings.parallelism ?? loaded.manifest.terraform.parallelism,
            failFast: settings.failFast,
            signal: adapters.signal,
            now: adapters.now,
            graceMs: settings.graceMs,
            commandTimeoutMs: loaded.manifest.terraform.commandTimeoutMs ?? undefined,
            planGuard: statefulGuard(loaded.manifest, allowDestroy, settings.wording.setting),
            wording: settings.wording,
            planDirectory: settings.planDirectory === undefined ? undefined : external_node_path_.resolve(settings.cwd, settings.planDirectory),
        },
    };
}


/***/ }),

/***/ 3282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ executeRun)
});

// EXTERNAL MODULE: ./build/tsc/adapters/layer-code.js + 2 modules
var layer_code = __webpack_require__(2480);
// EXTERNAL MODULE: ./build/tsc/adapters/load-manifest.js + 7 modules
var load_manifest = __webpack_require__(5388);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/render/plural.js
var plural = __webpack_require__(9102);
// EXTERNAL MODULE: ./build/tsc/core/schedule/dag.js
var schedule_dag = __webpack_require__(4955);
;// CONCATENATED MODULE: ./build/tsc/core/resume.js



const SHOWN = 5;
/**
 * Resumes a run from its result: runs again only the instances that did not succeed (failed, skipped,
 * cancelled, pending, or `running`, which a killed run leaves behind) and, transitively, every instance of
 * `current` that depends on one of them, since their inputs may change; keeps the other successes.
 *
 * An instance of `current` that the previous result does not name never succeeded there, so it runs too.
 * Refused with a UsageError: a previous result of another command, or one naming instances that are not in
 * `current` (the manifest or the selection changed since, and its results no longer describe this run).
 */
function planResume(previous, current, command) {
    if (previous.command !== command) {
        throw new errors/* UsageError */.eb(`Cannot resume a '${previous.command}' run with '${command}': resume it with '${previous.command}', or start a new '${command}' run without resuming`);
    }
    const selected = new Set(current.ids);
    const unknown = [...new Set(previous.instances.map((instance) => instance.id))].filter((id) => !selected.has(id));
    if (unknown.length > 0) {
        const more = unknown.length > SHOWN ? ` and ${unknown.length - SHOWN} more` : '';
        throw new errors/* UsageError */.eb(`Cannot resume: the previous run has ${(0,plural/* plural */.L)(unknown.length, 'instance')} that ${unknown.length === 1 ? 'is' : 'are'} not in this run's selection (${unknown.slice(0, SHOWN).join(', ')}${more}); the manifest or the selection changed since. Select the same instances as that run, or start a new run without resuming`);
    }
    // A result that names an instance twice (merged matrix results) counts its last report, as merging does.
    const previousById = new Map(previous.instances.map((instance) => [instance.id, instance]));
    const rerun = new Set(current.ids.filter((id) => previousById.get(id)?.status !== 'succeeded'));
    const dependents = (0,schedule_dag/* dependentsOf */.yk)(current);
    const queue = [...rerun];
    // The queue grows while it is walked: for...of visits what is pushed on the way.
    for (const id of queue) {
        for (const dependent of dependents.get(id) ?? []) {
            if (rerun.has(dependent))
                continue;
            rerun.add(dependent);
            queue.push(dependent);
        }
    }
    const kept = [...previousById.values()].filter((instance) => !rerun.has(instance.id));
    return { rerun, kept };
}

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
// EXTERNAL MODULE: ./build/tsc/core/selection/select-instances.js
var select_instances = __webpack_require__(2391);
// EXTERNAL MODULE: ./build/tsc/engine/run-engine.js + 12 modules
var run_engine = __webpack_require__(698);
// EXTERNAL MODULE: ./build/tsc/app/steady-state-context.js
var steady_state_context = __webpack_require__(8005);
// EXTERNAL MODULE: ./build/tsc/core/graph/expand-manifest.js + 8 modules
var expand_manifest = __webpack_require__(8056);
// EXTERNAL MODULE: ./build/tsc/core/manifest/check-region.js
var check_region = __webpack_require__(1556);
// EXTERNAL MODULE: ./build/tsc/core/manifest/primary-region.js
var primary_region = __webpack_require__(7290);
// EXTERNAL MODULE: ./build/tsc/core/dr/failover-scope.js
var failover_scope = __webpack_require__(5833);
// EXTERNAL MODULE: ./build/tsc/core/dr/steady-state.js
var steady_state = __webpack_require__(680);
// EXTERNAL MODULE: ./build/tsc/core/dr/record-scope.js
var record_scope = __webpack_require__(2174);
// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
;// CONCATENATED MODULE: ./build/tsc/core/dr/failover-guard.js








/**
 * The regions whose record could govern a run of `selected`, in manifest order: the primary, always (a hold
 * in it still counts when it can be read), then every other region a move to which changes a selected instance.
 */
function regionsToRead({ manifest, locations }, graph, selected) {
    const primary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
    const roleNow = (0,steady_state/* steadyStateRoles */.xi)(manifest);
    const regions = [primary];
    for (const region of manifest.regions) {
        if (region.name === primary)
            continue;
        const moved = (0,failover_scope/* withPrimary */.$B)(manifest, region.name);
        const after = (0,expand_manifest/* expandManifest */.k)({ manifest: moved, locations });
        const roleAfter = (0,steady_state/* steadyStateRoles */.xi)(moved);
        const changes = selected.some((id) => {
            const before = graph.byId.get(id);
            const instance = after.byId.get(id);
            if (!before || !instance)
                return true;
            if (roleNow(before) !== roleAfter(instance))
                return true;
            const upstreams = new Set(before.dependsOn);
            return (upstreams.size !== instance.dependsOn.length ||
                instance.dependsOn.some((dependency) => !upstreams.has(dependency)));
        });
        if (changes || movesScopeOf(manifest, graph, selected, region.name))
            regions.push(region.name);
    }
    return regions;
}
/**
 * Whether a move of one account or environment to `region` (its `primary_region` changed, the region roles
 * not) would change a selected instance: one in `region`, or in its own primary now, whose primary is not
 * `region` yet.
 */
function movesScopeOf(manifest, graph, selected, region) {
    return selected.some((id) => {
        const instance = graph.byId.get(id);
        if (!instance || instance.region === null)
            return false;
        const primary = (0,primary_region/* primaryRegionFor */.k7)(manifest, instance.account, instance.environment);
        return primary !== region && (instance.region === region || instance.region === primary);
    });
}
/** The regions named by the override, checked against the manifest. */
function checkIgnoredRegions(manifest, ignored) {
    for (const region of ignored)
        (0,check_region/* checkRegionDeclared */.j)(manifest, region, 'ignore-failover-record');
}
const moveOf = (record) => record.mode ?? 'failover';
/** The failover that writes the new roles into the manifest, which its pull request proposes. */
const WRITE_MANIFEST = (0,wording/* suggest */.Z)('failover', { setting: 'write-manifest' });
/**
 * The region whose record the primary's own record proves empty, if any. After a failover from F to the
 * primary P with the roles swapped, P's readable record in effect says F failed; F is a secondary now, and
 * while it stays down its record cannot be read. A record in F could only be one a move to F wrote: a
 * failover to F would have needed P down (P is up, and its record would not be in effect), and a failback to
 * F first applies in F, which cannot run while F is down. So F holds nothing that governs this run.
 */
function provenEmpty(readings, primary) {
    const reading = readings.get(primary);
    if (reading?.kind !== 'record')
        return undefined;
    const { record } = reading;
    if (record.status === 'pending' || moveOf(record) !== 'failover' || record.to !== primary)
        return undefined;
    return {
        region: record.from,
        proof: `the record in effect in ${primary} says ${record.from} failed over to ${primary} (recorded ${record.at}); while it is in effect ${record.from} can hold no record that governs this run`,
    };
}
/**
 * Judges the readings: throws when a move is pending or in effect, or when a record that could govern the run
 * cannot be read and the override does not name its region. Returns what the report records: the records the
 * override passed over, and the one the primary's record proved empty. A record found is never overridden:
 * the override is for "cannot tell" only.
 */
function judgeFailoverGuard(manifest, readings, ignored, selected) {
    const primary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
    const proven = provenEmpty(readings, primary);
    const unreadable = [];
    const passedOver = [];
    for (const [region, reading] of readings) {
        if (reading.kind === 'none')
            continue;
        if (reading.kind === 'unreadable') {
            if (region === primary)
                continue;
            if (region === proven?.region)
                passedOver.push({ region, reason: reading.reason, proof: proven.proof });
            else
                unreadable.push({ region, reason: reading.reason });
            continue;
        }
        const { record } = reading;
        // A failback done keeps its record only for the context of what it restored; it holds nothing back.
        if ((0,record_scope/* isCompletedMove */.VL)(record))
            continue;
        const scope = record.scope ?? [];
        // A move of some accounts or environments holds back only runs that change something of theirs.
        const governed = selected.filter((instance) => (0,failover_scope/* isInScope */.yX)(scope, instance));
        if (governed.length === 0)
            continue;
        if (record.status === 'pending') {
            throw new errors/* UsageError */.eb((_name, command) => `A ${moveOf(record)} from ${record.from} to ${record.to} is pending (held since ${record.at}): deploys wait until it is applied or released. If it was abandoned, release the hold with '${command((0,wording/* suggest */.Z)(moveOf(record), { setting: 'to', value: record.to }, { setting: 'release-deploys' }))}'.`);
        }
        if (scope.length > 0) {
            judgeScopedRecord(manifest, record, scope, governed);
            continue;
        }
        if (record.to !== primary) {
            throw new errors/* UsageError */.eb((_name, command) => `A failover from ${record.from} to ${record.to} is in effect (recorded ${record.at}), but ${manifest.file} still names ${primary} as primary. Merge the pull request that makes ${record.to} primary (${command(WRITE_MANIFEST)}), or fail back with '${command((0,wording/* suggest */.Z)('failback', { setting: 'to', value: record.from }))}' once ${record.from} is healthy; until then this apply would undo the failover.`);
        }
    }
    const refused = unreadable.filter(({ region }) => !ignored.includes(region));
    if (refused.length > 0) {
        const regions = refused.map(({ region }) => region);
        throw new errors/* RefusalError */.XQ((name) => `Cannot tell whether a failover is in effect: the failover record in ${regions.join(' and ')} cannot be read, and a failover to ${regions.length === 1 ? 'that region' : 'those regions'} would change what this run changes. ` +
            `Check first that ${regions.join(' and ')} holds no failover (the failover workflow's runs, the operators on call), and that this run can reach its state store and read its failover record there (strata/<region>/failover-record). ` +
            `If you know it holds none, run again with ${name('ignore-failover-record')} ${regions.join(',')}; the report records it.\n` +
            refused.map(({ region, reason }) => `  ${region}: ${reason}`).join('\n'));
    }
    if (unreadable.length === 0 && passedOver.length === 0)
        return undefined;
    return { ignoredRecords: unreadable, ...(passedOver.length > 0 ? { provenEmpty: passedOver } : {}) };
}
/** A failover of some accounts or environments in effect: the manifest must name `to` as their primary. */
function judgeScopedRecord(manifest, record, scope, governed) {
    const behind = governed.find((instance) => (0,primary_region/* primaryRegionFor */.k7)(manifest, instance.account, instance.environment) !== record.to);
    if (behind === undefined)
        return;
    const named = (0,primary_region/* primaryRegionFor */.k7)(manifest, behind.account, behind.environment);
    throw new errors/* UsageError */.eb((_name, command) => `A failover of ${(0,failover_scope/* describeScope */.OI)(scope)} from ${record.from} to ${record.to} is in effect (recorded ${record.at}), but ${manifest.file} still names ${named} as the primary of ${behind.id}. Merge the pull request that sets their primary_region to ${record.to} (${command(WRITE_MANIFEST)}), or fail back with '${command((0,wording/* suggest */.Z)('failback', { setting: 'to', value: record.from }))}' and the same selection once ${record.from} is healthy; until then this apply would undo the failover.`);
}

// EXTERNAL MODULE: ./build/tsc/core/dr/failed-regions.js
var failed_regions = __webpack_require__(4731);
// EXTERNAL MODULE: ./build/tsc/app/dr/failover-record.js + 4 modules
var failover_record = __webpack_require__(4885);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/app/dr/failover-guard.js




/**
 * Why a read failed, short: from Terraform's first `Error:` line on, its start and its end kept when long (the
 * cause, such as "connection refused", is at the end of the S3 client's line).
 */
function reasonOf(error) {
    const text = error instanceof Error ? error.message : String(error);
    const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const first = lines.findIndex((line) => line.startsWith('Error:'));
    const reason = (first < 0 ? lines : lines.slice(first)).join(' ');
    return reason.length <= 400 ? reason : `${reason.slice(0, 150)} … ${reason.slice(-240)}`;
}
/**
 * Reads the failover records that could govern a run of `dag` (core/dr/failover-guard.ts says which) and
 * refuses the run when a failover is pending or in effect, or when one of them cannot be read and `ignored`
 * does not name its region.
 */
async function guardAgainstFailover(loaded, dag, terraform, workDirectory, ignored) {
    checkIgnoredRegions(loaded.manifest, ignored);
    const notes = [];
    const context = {
        terraform,
        manifest: loaded.manifest,
        manifestDirectory: loaded.directory,
        logDirectory: workDirectory,
        notes,
    };
    const regions = regionsToRead(loaded, loaded.graph, dag.ids);
    const failed = (0,failed_regions/* failedRegions */.T)(loaded.manifest);
    const readings = new Map(await Promise.all(regions.map(async (region) => {
        // Not even tried: the manifest says the region failed. Fine only when the primary's record proves it
        // holds none, or with the override, as for any record that cannot be read.
        if (failed.has(region)) {
            const reason = `not read: ${loaded.manifest.file} marks ${region} failed`;
            return [region, { kind: 'unreadable', reason }];
        }
        try {
            const record = await (0,failover_record/* readFailoverRecord */.M)(context, region);
            return [region, record ? { kind: 'record', record } : { kind: 'none' }];
        }
        catch (error) {
            return [region, { kind: 'unreadable', reason: reasonOf(error) }];
        }
    })));
    const selected = dag.ids.map((id) => (0,lookup/* getOrThrow */.Gp)(loaded.graph.byId, id, 'instance'));
    const judged = judgeFailoverGuard(loaded.manifest, readings, ignored, selected);
    const report = notes.length > 0 ? { ignoredRecords: [], ...judged, notes } : judged;
    const records = new Map([...readings].map(([region, reading]) => [region, reading.kind === 'record' ? reading.record : null]));
    return { report, records };
}

;// CONCATENATED MODULE: ./build/tsc/core/migrate/half-migrated.js

/**
 * The instances, of those given, whose state holds (at its new address) a resource that the mapping still
 * has to move out of an old root. A move that has not started is not half done: the instance holds none.
 */
function halfMigratedInstances(receiving, held) {
    const found = [];
    for (const [id, addresses] of held) {
        const moves = (receiving.get(id) ?? []).filter((move) => addresses.has(move.to));
        if (moves.length > 0)
            found.push({ id, moves });
    }
    return found;
}
/** Why a run refuses half-migrated instances, and the command that finishes each, as each entry words it. */
function halfMigratedMessage(migrationFile, instances) {
    return (_name, command) => {
        const lines = instances.map(({ id, moves }) => {
            const roots = [...new Set(moves.map((move) => move.root))].join(', ');
            const [first] = moves;
            const shown = first
                ? `${first.to}${moves.length > 1 ? ` and ${String(moves.length - 1)} more` : ''}`
                : '';
            return `  ${id}: its state holds ${shown}, which root ${roots} of ${migrationFile} still holds too (a migrate apply stopped before removing them from the old state); finish it with: ${command((0,wording/* suggest */.Z)('migrate apply', { setting: 'instance', value: id }))}`;
        });
        return `refusing to run: ${String(instances.length)} instance${instances.length === 1 ? ' is' : 's are'} half migrated, and a run now would manage the same resources from two states:\n${lines.join('\n')}`;
    };
}

// EXTERNAL MODULE: ./build/tsc/core/migrate/state-document.js
var state_document = __webpack_require__(2834);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-file.js
var migration_file = __webpack_require__(9930);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-context.js
var migration_context = __webpack_require__(7705);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-estate-reading.js + 1 modules
var migration_estate_reading = __webpack_require__(519);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-handles.js
var migration_state_handles = __webpack_require__(8457);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-transfer.js
var migration_state_transfer = __webpack_require__(9547);
;// CONCATENATED MODULE: ./build/tsc/app/migrate/half-migration.js









/**
 * Refuses a run of any of `ids` that a migration left half done (see `halfMigratedInstances`). Only when a
 * migration file sits beside the manifest (`migrate.yml`): then it reads the old roots' states and the states
 * of the selected instances that still have resources to receive (init and `state pull`: no lock, no write).
 */
async function refuseHalfMigrated(settings, adapters, prepared, ids) {
    const migrationSettings = { ...settings, migrationFile: undefined };
    const file = await (0,migration_file/* readMigrationFile */.r)(migrationSettings, true);
    if (!file)
        return;
    const context = await (0,migration_context/* openMigration */.F)(migrationSettings, adapters, file, prepared);
    let receiving;
    try {
        // A mapping with problems still says where the resources it can place go; the rest is migrate plan's job.
        receiving = (await (0,migration_estate_reading/* readEstate */.L3)(context)).plan.mapping.receiving;
    }
    catch (error) {
        throw new errors/* RefusalError */.XQ(`cannot tell whether a migration of ${file.migrationFile} is half done: ${error.message}\nOnce every instance is migrated, remove the migration file.`);
    }
    const held = new Map();
    for (const id of ids) {
        if (!receiving.has(id))
            continue;
        const instance = (0,lookup/* getOrThrow */.Gp)(prepared.loaded.graph.byId, id, 'a selected instance');
        // An instance state that cannot be read fails that instance's own run, with Terraform's reason.
        const state = await (0,migration_state_transfer/* pullState */.p)(context, (0,migration_state_handles/* instanceHandle */.G)(context, instance)).catch(() => null);
        held.set(id, new Set((0,state_document/* managedResources */.h1)(state).keys()));
    }
    const half = halfMigratedInstances(receiving, held);
    if (half.length > 0)
        throw new errors/* RefusalError */.XQ(halfMigratedMessage(file.migrationFile, half));
}

// EXTERNAL MODULE: ./build/tsc/core/dr/restored-context.js
var restored_context = __webpack_require__(9046);
;// CONCATENATED MODULE: ./build/tsc/app/dr/restored-context.js



/**
 * The context a failover (or a failback) gave the instances it restored, from the primary's failover record,
 * for a normal run to give them again: without it the first apply after a failover would turn `failover`
 * back to false and change, or replace, what was restored from a snapshot. Read only when the run selects an
 * instance of the primary region (only those can be restored there), and only when `known` (the records the
 * failover guard read) does not have it already. When the record cannot be read, they run with their
 * steady-state context: their own state is kept in the same store, and fails them the same way.
 */
async function readRestoredContext(loaded, dag, terraform, workDirectory, known = new Map()) {
    const primary = (0,primary_region/* primaryRegionOf */.Ad)(loaded.manifest);
    const inPrimary = dag.ids.some((id) => loaded.graph.byId.get(id)?.region === primary);
    if (!inPrimary)
        return () => undefined;
    const context = {
        terraform,
        manifest: loaded.manifest,
        manifestDirectory: loaded.directory,
        logDirectory: workDirectory,
    };
    const record = known.has(primary)
        ? (known.get(primary) ?? null)
        : await (0,failover_record/* readFailoverRecord */.M)(context, primary).catch(() => null);
    return (0,restored_context/* restoredContextOf */.rM)(record, primary);
}

// EXTERNAL MODULE: ./build/tsc/app/select.js + 1 modules
var app_select = __webpack_require__(7904);
// EXTERNAL MODULE: ./build/tsc/app/engine-setup.js + 8 modules
var engine_setup = __webpack_require__(5632);
// EXTERNAL MODULE: ./build/tsc/core/reviewed-plan.js
var reviewed_plan = __webpack_require__(390);
// EXTERNAL MODULE: ./build/tsc/app/reviewed-plan.js
var app_reviewed_plan = __webpack_require__(3954);
;// CONCATENATED MODULE: ./build/tsc/app/execute-run.js

















/**
 * The one path from settings to a finished run, shared by the CLI and the action: load and check the
 * manifest, select instances, check the Terraform binary, run the engine.
 */
async function executeRun(settings, adapters) {
    if (settings.planDirectory !== undefined && settings.command !== 'apply') {
        throw new errors/* UsageError */.eb((name) => `${name('plan-dir')} only goes with apply: it applies the plans an earlier plan run saved`);
    }
    if (settings.stalePlans === 'replan' && settings.planDirectory === undefined) {
        throw new errors/* UsageError */.eb((name) => `${name('stale-plans')} replan goes with ${name('plan-dir')}: it plans afresh the saved plans that cannot be applied as saved`);
    }
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd, {
        ephemeralEnvironment: settings.ephemeralEnvironment,
    });
    const layerCode = (0,layer_code/* createLayerCodeReader */.e)(loaded.directory);
    const selection = (0,app_select/* selectionForEnvironment */.x6)(settings.selection, settings.ephemeralEnvironment);
    const { dag: selected, leftOut } = (0,app_select/* selectLeavingOut */.$$)(loaded, selection, {
        manifestFile: settings.manifestFile,
        cwd: settings.cwd,
        layerCode,
    });
    let kept = [];
    let toRun = selected;
    if (settings.resume) {
        // Destroy runs the reverse order: what a failed destroy holds back is what it depends on.
        const order = settings.command === 'destroy' ? (0,schedule_dag/* reverseDag */.n6)(selected) : selected;
        const resume = planResume(settings.resume, order, settings.command);
        kept = resume.kept;
        toRun = (0,select_instances/* selectInstances */.l)(loaded.graph, { instances: [...resume.rerun], within: new Set(resume.rerun) });
        if (resume.rerun.size === 0)
            toRun = { ids: [], dependsOn: new Map() };
    }
    const dag = settings.command === 'destroy' ? (0,schedule_dag/* reverseDag */.n6)(toRun) : toRun;
    const { terraform, env, workDirectory, base } = await (0,engine_setup/* setUpEngine */._)(settings, loaded, adapters, layerCode);
    if (!settings.isMigrationStep) {
        await refuseHalfMigrated(settings, adapters, { loaded, terraform, workDirectory }, toRun.ids);
    }
    // A failover pending or in effect holds every apply and destroy; see core/dr/failover-guard.ts.
    const guard = settings.command === 'plan'
        ? undefined
        : await guardAgainstFailover(loaded, toRun, terraform, workDirectory, settings.ignoreFailoverRecord ?? []);
    const restored = await readRestoredContext(loaded, toRun, terraform, workDirectory, guard?.records);
    await adapters.hooks?.beforeEngine?.({
        terraformVersion: terraform.version,
        pluginCacheDirectory: (0,lookup/* definedOrThrow */.pU)(env.TF_PLUGIN_CACHE_DIR, 'TF_PLUGIN_CACHE_DIR'),
        loaded,
    });
    const replanned = [];
    let freshPlanCheck;
    if (base.planDirectory !== undefined && settings.stalePlans === 'replan') {
        const reviewed = await (0,app_reviewed_plan/* readReviewedPlan */.P0)(base.planDirectory);
        freshPlanCheck = (0,app_reviewed_plan/* checkAgainstReviewedPlan */.Cy)(reviewed, (entry) => replanned.push(entry));
    }
    const run = await (0,run_engine/* runEngine */.c)({
        ...base,
        command: settings.command,
        manifest: loaded.manifest,
        graph: loaded.graph,
        dag,
        contextOf: withRestored((0,steady_state_context/* steadyStateContext */.x)(loaded.manifest), restored),
        stateLocksHeld: settings.isMigrationStep,
        freshPlanCheck,
    });
    await adapters.hooks?.afterEngine?.();
    if (guard?.report)
        run.failoverGuard = guard.report;
    if (base.planDirectory !== undefined)
        run.reviewedPlan = { stalePlans: settings.stalePlans ?? 'refuse', replanned };
    // Beside the saved plans: what this plan showed, for an apply of them to compare fresh plans with.
    if (settings.command === 'plan')
        await (0,app_reviewed_plan/* writeReviewedPlan */.GN)((0,reviewed_plan/* buildReviewedPlan */.Tr)(run), workDirectory);
    if (kept.length > 0) {
        run.instances = [...kept, ...run.instances];
        run.hasChanges ||= kept.some((instance) => (0,run_result/* hasChanges */.ik)((0,run_result/* changesOf */.fs)(instance)));
    }
    return { run, loaded, dag, redactor: base.redactor, workDirectory, leftOut };
}
/** The steady-state context, with what a failover or failback restored kept on the instances it restored. */
function withRestored(steady, restored) {
    return (instance) => ({ ...steady(instance), ...restored(instance.id) });
}


/***/ }),

/***/ 7705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ openMigration)
/* harmony export */ });
/* harmony import */ var _adapters_load_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5388);
/* harmony import */ var _engine_setup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5632);


/**
 * The context of a migration: the file read, and Terraform set up for the manifest, unless a run that has
 * set it up already gives its own (`prepared`).
 */
async function openMigration(settings, adapters, file, prepared) {
    const loaded = prepared?.loaded ?? (0,_adapters_load_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .loadManifest */ .e)(settings.manifestFile, settings.cwd);
    const { terraform, workDirectory } = prepared ?? (await (0,_engine_setup_js__WEBPACK_IMPORTED_MODULE_1__/* .setUpTerraformFor */ .l)(settings, loaded, adapters));
    return { settings, loaded, ...file, terraform, workDirectory, signal: adapters.signal, adapters };
}


/***/ }),

/***/ 519:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IG: () => (/* binding */ asUsageError),
  BK: () => (/* binding */ mappedOrThrow),
  L3: () => (/* binding */ readEstate),
  zv: () => (/* binding */ recordOf)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/adapters/layer-code.js + 2 modules
var layer_code = __webpack_require__(2480);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/migrate/resource-address.js
var resource_address = __webpack_require__(9346);
;// CONCATENATED MODULE: ./build/tsc/core/migrate/map-resources.js

/**
 * Maps every managed resource of the old roots onto exactly one new instance, or keeps it where it is. A rule
 * that covers it decides (two rules covering one resource is an error); else the layer whose code declares its
 * first address step (`module.web` or `type.name`) receives it, at the same address, in that layer's instance
 * for the root's account, region and environment (as far as the layer's scope goes). A resource no rule and no
 * layer claims, or that two layers claim, is an error; so are two resources landing on one address.
 */
function mapResources(input) {
    const { migration, layers, instances } = input;
    const problems = [];
    const layerByName = new Map(layers.map((layer) => [layer.name, layer]));
    const used = new Set();
    const moves = new Map();
    const staying = [];
    const landed = new Map();
    for (const rule of migration.rules) {
        if (rule.target !== 'stay' && !layerByName.has(rule.target.layer)) {
            problems.push({
                at: ['rules', rule.index, 'layer'],
                message: `rules[${rule.index}]: layer '${rule.target.layer}' is not in the manifest (layers: ${layers.map((layer) => layer.name).join(', ')})`,
            });
        }
    }
    for (const root of migration.roots) {
        const rootAt = ['roots', root.name];
        for (const address of input.resources.get(root.name) ?? []) {
            const covering = migration.rules.filter((rule) => (rule.root === null || rule.root === root.name) && (0,resource_address/* isCoveredBy */.ID)(address, rule.from));
            const [rule, second] = covering;
            if (second !== undefined) {
                problems.push({
                    at: ['rules', second.index],
                    message: `${root.name}'s ${address} is claimed by rules[${rule?.index ?? 0}] and rules[${second.index}]; narrow one of them ('root', or a longer 'from')`,
                });
                continue;
            }
            if (rule)
                used.add(rule.index);
            if (rule?.target === 'stay') {
                staying.push({ root: root.name, address, rule: rule.index });
                continue;
            }
            const target = rule ? ruleTarget(rule, address, layerByName) : defaultTarget(address, layers);
            if ('problem' in target) {
                problems.push({
                    at: rule ? ['rules', rule.index] : rootAt,
                    message: `${root.name}'s ${address}: ${target.problem}`,
                });
                continue;
            }
            const instance = instanceFor(target.layer, root, instances);
            if ('problem' in instance) {
                problems.push({
                    at: rule ? ['rules', rule.index] : rootAt,
                    message: `${root.name}'s ${address}: ${instance.problem}`,
                });
                continue;
            }
            const key = `${instance.id}\u0000${target.address}`;
            const first = landed.get(key);
            if (first !== undefined) {
                problems.push({
                    at: rule ? ['rules', rule.index] : rootAt,
                    message: `${root.name}'s ${address} and ${first} would both become ${target.address} in ${instance.id}; rename one with a rule ('from', 'to')`,
                });
                continue;
            }
            landed.set(key, `${root.name}'s ${address}`);
            const list = moves.get(instance.id) ?? [];
            list.push({ root: root.name, from: address, to: target.address });
            moves.set(instance.id, list);
        }
    }
    const receiving = new Map();
    for (const instance of instances) {
        const list = moves.get(instance.id);
        if (list)
            receiving.set(instance.id, list);
    }
    const unusedRules = migration.rules.map((rule) => rule.index).filter((index) => !used.has(index));
    return { mapping: { receiving, staying, unusedRules }, problems };
}
function ruleTarget(rule, address, layerByName) {
    const layer = rule.target === 'stay' ? undefined : layerByName.get(rule.target.layer);
    // An unknown layer is reported once, at the rule.
    if (!layer)
        return { problem: `rules[${rule.index}] names no layer of the manifest` };
    return { layer, address: (0,resource_address/* rewriteAddress */.Dx)(address, rule.from, rule.to) };
}
function defaultTarget(address, layers) {
    const step = (0,resource_address/* topLevelStep */.ec)(address);
    const declaring = layers.filter((layer) => layer.declares.has(step));
    const [layer, second] = declaring;
    if (!layer) {
        return {
            problem: `no layer's code declares ${step} and no rule covers it; add a rule with 'layer' (and 'to' if it is renamed) or 'stay: true'`,
        };
    }
    if (second !== undefined) {
        return {
            problem: `layers ${declaring.map((each) => `'${each.name}'`).join(' and ')} all declare ${step}; add a rule that names the layer`,
        };
    }
    return { layer, address };
}
const COORDINATES = {
    global: [],
    account: ['account'],
    region: ['account', 'region'],
    environment: ['account', 'region', 'environment'],
};
function instanceFor(layer, root, instances) {
    const coordinates = COORDINATES[layer.scope];
    const missing = coordinates.find((coordinate) => root[coordinate] === null);
    if (missing !== undefined) {
        return {
            problem: `layer '${layer.name}' is ${layer.scope}-scoped, but root '${root.name}' names no ${missing}; set roots.${root.name}.${missing}`,
        };
    }
    const instance = instances.find((each) => each.layer === layer.name && coordinates.every((coordinate) => each[coordinate] === root[coordinate]));
    if (!instance) {
        const cell = coordinates.map((coordinate) => root[coordinate]).join('/');
        return {
            problem: `the manifest has no instance of layer '${layer.name}' for ${cell || 'the estate'}; check the root's account, region and environment`,
        };
    }
    return instance;
}

// EXTERNAL MODULE: ./build/tsc/core/migrate/parse-migration.js + 2 modules
var parse_migration = __webpack_require__(1066);
// EXTERNAL MODULE: ./build/tsc/core/migrate/state-document.js
var state_document = __webpack_require__(2834);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-handles.js
var migration_state_handles = __webpack_require__(8457);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-state-transfer.js
var migration_state_transfer = __webpack_require__(9547);
// EXTERNAL MODULE: ./build/tsc/app/migrate/migration-terraform-steps.js
var migration_terraform_steps = __webpack_require__(9412);
;// CONCATENATED MODULE: ./build/tsc/app/migrate/migration-estate-reading.js









/** Reads every old root's state (init and `state pull`: no lock, no write) and maps their resources. */
async function readEstate(context) {
    const states = new Map();
    const roots = [];
    let dataSources = 0;
    for (const root of context.migration.roots) {
        const handle = (0,migration_state_handles/* rootHandle */.X)(context, root.name);
        const state = await (0,migration_state_transfer/* pullState */.p)(context, handle).catch(asUsageError);
        roots.push(recordOf(handle, state));
        if (state)
            states.set(root.name, state);
        dataSources += state?.resources.filter((resource) => resource.mode === 'data').length ?? 0;
    }
    const { loaded } = context;
    const { mapping, problems } = mapResources({
        migration: context.migration,
        resources: new Map([...states].map(([name, state]) => [name, [...(0,state_document/* managedResources */.h1)(state).keys()]])),
        layers: loaded.manifest.layers.map((layer) => ({
            name: layer.name,
            scope: layer.scope,
            declares: (0,layer_code/* readDeclaredAddresses */.t)(external_node_path_.resolve(loaded.directory, layer.path)),
        })),
        instances: loaded.graph.instances,
    });
    return { plan: { migrationFile: context.migrationFile, mapping, roots, dataSources }, states, problems };
}
/** The reading, when its mapping has no problem; else every problem, located in the migration file. */
function mappedOrThrow(context, reading) {
    if (reading.problems.length === 0)
        return reading;
    throw new parse_migration/* MigrationFileError */.l(reading.problems.map((problem) => ({
        file: context.migrationFile,
        ...context.locations.locate(problem.at),
        message: problem.message,
    })));
}
/** An old root that cannot be read is a setup problem (its path, its backend), found before anything is written. */
function asUsageError(error) {
    if (error instanceof migration_terraform_steps/* MigrationStepError */.XH)
        throw new errors/* UsageError */.eb(error.message);
    throw error;
}
function recordOf(handle, state) {
    return { state: handle.label, lineage: state?.lineage ?? null, serial: state?.serial ?? null };
}


/***/ }),

/***/ 9930:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ readMigrationFile)
/* harmony export */ });
/* unused harmony export migrationFileOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9514);
/* harmony import */ var _core_migrate_parse_migration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1066);




/** The migration file's path as the user names it: the setting, else `migrate.yml` beside the manifest. */
function migrationFileOf(settings) {
    return settings.migrationFile ?? node_path__WEBPACK_IMPORTED_MODULE_1__.join(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(settings.manifestFile), 'migrate.yml');
}
async function readMigrationFile(settings, optional = false) {
    const migrationFile = migrationFileOf(settings);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(settings.cwd, migrationFile), 'utf8');
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        if (missing && optional)
            return undefined;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb((name) => missing
            ? `migration file '${migrationFile}' not found; write one beside the manifest or give its path with ${name('migration')}`
            : `cannot read migration file '${migrationFile}': ${error.message}`);
    }
    return { ...(0,_core_migrate_parse_migration_js__WEBPACK_IMPORTED_MODULE_3__/* .parseMigration */ .m)(text, migrationFile), migrationFile };
}


/***/ }),

/***/ 8457:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ instanceHandle),
/* harmony export */   X: () => (/* binding */ rootHandle)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _core_lookup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2191);
/* harmony import */ var _engine_work_directory_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6809);



function rootHandle(context, name) {
    const root = (0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_2__/* .getOrThrow */ .Gp)(new Map(context.migration.roots.map((each) => [each.name, each])), name, 'a root of the migration file');
    return {
        label: `root ${name}`,
        cwd: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context.settings.cwd, node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(context.migrationFile), root.path),
        backend: { type: '', config: { ...root.backend } },
        directory: node_path__WEBPACK_IMPORTED_MODULE_0__.join(context.workDirectory, 'migrate', 'roots', name),
    };
}
function instanceHandle(context, instance) {
    return {
        label: `instance ${instance.id}`,
        cwd: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(context.loaded.directory, instance.path),
        backend: context.loaded.graph.backendOf(instance),
        directory: node_path__WEBPACK_IMPORTED_MODULE_0__.join(context.workDirectory, 'migrate', 'instances', (0,_engine_work_directory_js__WEBPACK_IMPORTED_MODULE_1__/* .instanceDirectoryName */ .a)(instance.id)),
    };
}


/***/ }),

/***/ 9547:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ pushState),
/* harmony export */   p: () => (/* binding */ pullState)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_migrate_state_document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2834);
/* harmony import */ var _migration_terraform_steps_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9412);




/** `state pull` (after one init per handle): takes no lock and writes nothing. */
async function pullState(context, handle) {
    await (0,_migration_terraform_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureInitialised */ .CK)(context, handle);
    const pulled = await (0,_migration_terraform_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .terraformStep */ .Pz)(context, handle, 'state-pull', (call) => context.terraform.statePull(call));
    return (0,_core_migrate_state_document_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStateDocument */ .eM)(pulled.stdout, handle.label);
}
/** `state push` (never `-force`), under the lock the migration holds (`holdLocks`). */
async function pushState(context, handle, state) {
    const stateFile = node_path__WEBPACK_IMPORTED_MODULE_1__.join(handle.directory, `push-${String(state.serial)}.tfstate`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await (0,_migration_terraform_steps_js__WEBPACK_IMPORTED_MODULE_3__/* .terraformStep */ .Pz)(context, handle, 'state-push', (call) => context.terraform.statePush(call, {
        stateFile,
        lockTimeout: context.loaded.manifest.terraform.lockTimeout,
        lockHeld: true,
    }));
}


/***/ }),

/***/ 9412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ ensureInitialised),
/* harmony export */   Pz: () => (/* binding */ terraformStep),
/* harmony export */   XH: () => (/* binding */ MigrationStepError),
/* harmony export */   g5: () => (/* binding */ failureOf),
/* harmony export */   gL: () => (/* binding */ callFor)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);


const initialised = new WeakMap();
function callFor(context, handle, command) {
    return {
        cwd: handle.cwd,
        dataDirectory: node_path__WEBPACK_IMPORTED_MODULE_1__.join(handle.directory, 'terraform-data'),
        logFile: node_path__WEBPACK_IMPORTED_MODULE_1__.join(handle.directory, `${command}.log`),
        instanceId: handle.label,
        signal: context.signal,
        timeoutMs: context.loaded.manifest.terraform.commandTimeoutMs ?? undefined,
    };
}
function failureOf(handle, command, result) {
    return new MigrationStepError(`${command} of ${handle.label} failed (exit code ${String(result.exitCode)}): ${result.tail.trim().split('\n').slice(-8).join('\n')}`);
}
async function terraformStep(context, handle, command, run) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(handle.directory, { recursive: true });
    const result = await run(callFor(context, handle, command));
    if (result.exitCode !== 0)
        throw failureOf(handle, command, result);
    return result;
}
/** A Terraform command of a migration failed: the migration stops (and restores what it wrote). */
class MigrationStepError extends Error {
}
async function ensureInitialised(context, handle) {
    const done = initialised.get(context) ?? new Set();
    initialised.set(context, done);
    if (done.has(handle.directory))
        return;
    await terraformStep(context, handle, 'init', (call) => context.terraform.init(call, handle.backend));
    done.add(handle.directory);
}


/***/ }),

/***/ 3954:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ checkAgainstReviewedPlan),
/* harmony export */   GN: () => (/* binding */ writeReviewedPlan),
/* harmony export */   LG: () => (/* binding */ readPlanDirectoryFile),
/* harmony export */   P0: () => (/* binding */ readReviewedPlan)
/* harmony export */ });
/* unused harmony export reviewedInstances */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9514);
/* harmony import */ var _core_wording_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7889);
/* harmony import */ var _core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(390);





/** Writes what a plan run showed beside its saved plans, for an apply of them to compare fresh plans with. */
async function writeReviewedPlan(plan, workDirectory) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(workDirectory, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(workDirectory, _core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .REVIEWED_PLAN_FILE */ .du), `${JSON.stringify(plan, null, 2)}\n`);
}
/**
 * The text of a file that a plan run (or a failover dry run) wrote into its work directory, read back from the
 * plan directory; refused, as `missing` words it, when there is none.
 */
async function readPlanDirectoryFile(planDirectory, fileName, missing) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(planDirectory, fileName);
    try {
        return { file, text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8') };
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(missing);
    }
}
/** Reads the reviewed plan of a plan directory; refuses one that is missing or not a reviewed plan. */
async function readReviewedPlan(planDirectory) {
    const { file, text } = await readPlanDirectoryFile(planDirectory, _core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .REVIEWED_PLAN_FILE */ .du, (name, command) => `${name('plan-dir')}: no ${_core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .REVIEWED_PLAN_FILE */ .du} in ${planDirectory}, so fresh plans cannot be compared with the reviewed one; give the work directory of a plan run (${command((0,_core_wording_js__WEBPACK_IMPORTED_MODULE_3__/* .suggest */ .Z)('plan'))} writes it there)`);
    const plan = (0,_core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReviewedPlan */ .id)(text);
    if (typeof plan === 'string')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb((name) => `${name('plan-dir')}: ${file} is ${plan}`);
    return plan;
}
/**
 * The check of a fresh plan against the reviewed plan, for an apply that plans stale saved plans afresh
 * (`stale-plans: replan`): each comparison is handed to `record`, for the run's report.
 */
function checkAgainstReviewedPlan(plan, record) {
    return (instance, fresh, why) => {
        const replanned = (0,_core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .compareToReviewedPlan */ .DA)(plan, instance.id, fresh, why);
        record(replanned);
        const text = (0,_core_reviewed_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .describeReplanned */ .H7)(replanned);
        return replanned.accepted ? { accepted: true, note: text } : { accepted: false, reason: text };
    };
}
/** The ids of the reviewed plan in a plan directory: what an apply of it (graph and report jobs) covers. */
async function reviewedInstances(planDirectory) {
    return (await readReviewedPlan(planDirectory)).instances.map((entry) => entry.id);
}


/***/ }),

/***/ 8005:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ steadyStateContext)
/* harmony export */ });
/* harmony import */ var _core_dr_steady_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(680);

/** In steady state an instance's role comes from its region, and a pilot-light or warm-standby copy is `standby`. */
function steadyStateContext(manifest) {
    const roleOf = (0,_core_dr_steady_state_js__WEBPACK_IMPORTED_MODULE_0__/* .steadyStateRoles */ .xi)(manifest);
    return (instance) => {
        const role = roleOf(instance);
        return role === null ? {} : { role };
    };
}


/***/ }),

/***/ 5474:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U3: () => (/* binding */ pathFromCwd),
/* harmony export */   p7: () => (/* binding */ RUN_OPTIONS),
/* harmony export */   uF: () => (/* binding */ runSettingsFromFlags),
/* harmony export */   y0: () => (/* binding */ parseRunFlags)
/* harmony export */ });
/* unused harmony export parseParallelism */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9514);
/* harmony import */ var _selection_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2845);
/* harmony import */ var _terminal_wording_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(367);





/**
 * The flags of every command that runs Terraform over the estate (`strata plan|apply|destroy` and
 * `strata failover|failback`), in node:util parseArgs form: one definition, so the commands cannot drift
 * apart in a name or a default. Each command adds its own flags beside these.
 */
const RUN_OPTIONS = {
    manifest: { type: 'string', default: 'layers.yml' },
    parallelism: { type: 'string' },
    'work-dir': { type: 'string', default: '.strata' },
    'json-out': { type: 'string' },
    'terraform-binary': { type: 'string' },
    'plan-dir': { type: 'string' },
    'allow-destroy': { type: 'string', multiple: true },
    help: { type: 'boolean' },
};
/** Parses a run command's argv: RUN_OPTIONS and the command's own `options`; no positionals, no unknown flags. */
function parseRunFlags(argv, options) {
    return (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args: argv,
        options: { ...RUN_OPTIONS, ...options },
        allowPositionals: false,
        strict: true,
    }).values;
}
/** The settings every run use case shares, from RUN_OPTIONS' values and the process the CLI runs in. */
function runSettingsFromFlags(values, process) {
    return {
        manifestFile: values.manifest,
        parallelism: parseParallelism(values.parallelism),
        workDirectory: values['work-dir'],
        terraformBinary: values['terraform-binary'],
        planDirectory: values['plan-dir'],
        allowDestroy: (0,_selection_options_js__WEBPACK_IMPORTED_MODULE_3__/* .splitList */ .ry)(values['allow-destroy']),
        cwd: process.cwd,
        env: process.env,
        wording: _terminal_wording_js__WEBPACK_IMPORTED_MODULE_4__/* .terminalWording */ .f,
    };
}
function pathFromCwd(process, file) {
    return file === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(process.cwd, file);
}
function parseParallelism(value) {
    if (value === undefined)
        return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--parallelism must be a whole number ≥ 1, got '${value}'`);
    }
    return parsed;
}


/***/ }),

/***/ 1984:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCliSession: () => (/* binding */ createCliSession),
  exitCode: () => (/* binding */ exitCode),
  terraformCommand: () => (/* binding */ terraformCommand),
  terraformCommandHelp: () => (/* binding */ terraformCommandHelp)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./build/tsc/adapters/log-lines.js



/** The lines of a log file, streamed (a plan log can be tens of megabytes); none when it was never written. */
async function* logLines(file) {
    try {
        await (0,promises_.access)(file);
    }
    catch {
        return;
    }
    yield* (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(file), crlfDelay: Infinity });
}

// EXTERNAL MODULE: ./build/tsc/app/execute-run.js + 6 modules
var execute_run = __webpack_require__(3282);
// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
;// CONCATENATED MODULE: ./build/tsc/core/render/left-out-note.js

/**
 * What a run left out because a region is marked failed, one line each, so that no instance drops out of
 * management unnoticed; empty when nothing was left out. The commands it names are worded by `command`.
 */
function renderLeftOut(leftOut, command) {
    if (leftOut.length === 0)
        return '';
    const lines = leftOut.map(({ id, reason }) => `  ${id}: ${reason}`);
    return `Left out of this run (${leftOut.length}), until a failback brings their region back (${command((0,wording/* suggest */.Z)('failback'))}; '${command((0,wording/* suggest */.Z)('stray', { setting: 'region', value: 'REGION' }))}' lists what is still there once it is up):\n${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/tsc/adapters/child-process-runner.js + 2 modules
var child_process_runner = __webpack_require__(4590);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/render/run-text.js + 1 modules
var run_text = __webpack_require__(5434);
// EXTERNAL MODULE: ./build/tsc/adapters/result-file-store.js + 3 modules
var result_file_store = __webpack_require__(2876);
// EXTERNAL MODULE: ./build/tsc/terraform/redact.js
var redact = __webpack_require__(1277);
// EXTERNAL MODULE: ./build/tsc/cli/run-options.js
var run_options = __webpack_require__(5474);
// EXTERNAL MODULE: ./build/tsc/cli/selection-options.js
var selection_options = __webpack_require__(2845);
// EXTERNAL MODULE: ./build/tsc/core/reviewed-plan.js
var reviewed_plan = __webpack_require__(390);
// EXTERNAL MODULE: ./build/tsc/cli/terminal-wording.js
var terminal_wording = __webpack_require__(367);
;// CONCATENATED MODULE: ./build/tsc/cli/terraform-command.js












const DESCRIPTIONS = {
    plan: 'Plans every selected instance in dependency order and reports what would change. Changes nothing.',
    apply: "Plans and applies every selected instance in dependency order, each applying exactly its own saved plan. With --plan-dir, applies the plans an earlier 'strata plan' saved instead: those whose inputs (upstream outputs, variables, layer code) are unchanged as saved; the others are refused, or with --stale-plans replan planned afresh and compared with the reviewed plan.",
    destroy: 'Destroys every selected instance, dependents first (reverse dependency order).',
};
function terraformCommandHelp(command) {
    return `Usage: strata ${command} [options]

${DESCRIPTIONS[command]}

Options:
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --fail-fast              start nothing new after the first failure
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model as JSON, kept up to date with every state change
                           (with FILE.journal beside it until the run ends)
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the
                           manifest's terraform.binary)
  --resume FILE            run again only what did not succeed in the run that wrote FILE (its --json-out),
                           plus everything that depends on it; keep its successes
  --allow-destroy INSTANCE  let the plan of INSTANCE, of a layer marked 'stateful: true', destroy or replace
                           its resources (refused otherwise); repeat for several; the result records it
  --ephemeral-environment NAME
                           add a per-pull-request environment (e.g. pr-123) to the accounts marked
                           'ephemeral: true', in their primary region, and select only it
${command === 'plan' ? '' : '  --ignore-failover-record REGION[,REGION]\n                           go ahead although the failover record of REGION cannot be read (its region\n                           down, or access denied): only when you know no failover to REGION is pending or\n                           in effect; the result records it\n'}${command === 'apply' ? '  --plan-dir DIR           apply the plans saved in DIR (the --work-dir of an earlier plan run)\n  --stale-plans MODE       with --plan-dir, what to do with a saved plan whose inputs changed: refuse\n                           (default) fails it; replan plans it afresh and applies the fresh plan unless\n                           it destroys, replaces or forgets what the reviewed plan did not show, and\n                           reports every difference\n' : ''}  --help                   show this help

${selection_options/* SELECTION_HELP */.N6}

Exit codes: 0 success, 1 an instance failed or was skipped${command === 'plan' ? '' : ', or the run was refused because a\nfailover record could not be read'}, 2 bad input (or a failover pending or in effect), 130 interrupted (SIGINT).
`;
}
async function terraformCommand(command, argv, output, process) {
    const values = (0,run_options/* parseRunFlags */.y0)(argv, {
        'fail-fast': { type: 'boolean', default: false },
        'ephemeral-environment': { type: 'string' },
        resume: { type: 'string' },
        'ignore-failover-record': { type: 'string', multiple: true },
        'stale-plans': { type: 'string' },
        ...selection_options/* SELECTION_OPTIONS */.OK,
    });
    if (values.help) {
        output.out(terraformCommandHelp(command));
        return 0;
    }
    const session = createCliSession(output, (0,run_options/* pathFromCwd */.U3)(process, values['json-out']));
    const { run, leftOut } = await (0,execute_run/* executeRun */.l)({
        ...(0,run_options/* runSettingsFromFlags */.uF)(values, process),
        command,
        selection: (0,selection_options/* selectionFromFlags */._G)(values),
        failFast: values['fail-fast'],
        ephemeralEnvironment: values['ephemeral-environment'],
        resume: values.resume === undefined ? undefined : await readResult(values.resume, process),
        stalePlans: parseStalePlans(values['stale-plans']),
        ignoreFailoverRecord: (values['ignore-failover-record'] ?? []).flatMap((value) => value
            .split(',')
            .map((region) => region.trim())
            .filter((region) => region !== '')),
    }, session.adapters(process.signal));
    session.finish(run);
    output.out(`\n${session.redactor.redact((0,run_text/* runTable */.cS)(run))}`);
    const note = renderLeftOut(leftOut, terminal_wording/* terminalWording */.f.command);
    if (note !== '')
        output.out(`\n${note}`);
    return exitCode(run, process);
}
/** 0 when everything succeeded, 1 when not, 130 or 143 when interrupted by SIGINT or SIGTERM. */
function exitCode(run, process) {
    const interrupted = process.interruptedBy();
    if (interrupted === 'SIGINT')
        return 130;
    if (interrupted === 'SIGTERM')
        return 143;
    return run.status === 'succeeded' ? 0 : 1;
}
/**
 * What a CLI run shows while it goes: a progress line per state change (stderr), each finished instance's
 * Terraform output as one block (stdout), secrets masked; and the result file, kept up to date so that a
 * killed run leaves whole JSON behind (see createResultFileWriter).
 */
function createCliSession(output, jsonOut) {
    const redactor = (0,redact/* createRedactor */.lY)();
    const resultFile = jsonOut === undefined ? undefined : (0,result_file_store/* createResultFileWriter */.lo)(jsonOut);
    const reporter = {
        instanceChanged(instance, run) {
            // Recorded before it is shown, so the file is never behind what the terminal says.
            resultFile?.changed(instance, run);
            output.err(`${redactor.redact((0,run_text/* progressLine */.oz)(instance, run))}\n`);
        },
        async instanceOutput(instance, sections) {
            output.out(`\n::: ${instance.id} (${instance.status}) :::\n`);
            for (const section of sections) {
                output.out(`--- ${section.title}\n`);
                for await (const line of logLines(section.logFile))
                    output.out(`${redactor.redact(line)}\n`);
            }
        },
        secrets(values) {
            redactor.add(values);
        },
        hookChanged(hook, run) {
            resultFile?.hookChanged(hook, run);
            output.err(`${redactor.redact((0,run_text/* hookLine */.YX)(hook))}\n`);
        },
    };
    return {
        redactor,
        reporter,
        /** What the engine needs from the CLI: the process runner, this session's masking and reporting. */
        adapters: (signal) => ({ runner: (0,child_process_runner/* createChildProcessRunner */.ue)(), redactor, reporter, signal }),
        finish(run) {
            resultFile?.finish(run);
        },
    };
}
function parseStalePlans(value) {
    if (value === undefined)
        return undefined;
    if (!reviewed_plan/* STALE_PLANS */.rX.includes(value)) {
        throw new errors/* UsageError */.eb(`--stale-plans must be one of ${reviewed_plan/* STALE_PLANS */.rX.join(', ')}, got '${value}'`);
    }
    return value;
}
/** The result of an earlier run, as it stood when it ended or was killed. */
function readResult(file, process) {
    return (0,result_file_store/* readResultFile */.kk)((0,run_options/* pathFromCwd */.U3)(process, file), `--resume: '${file}'`, (message) => new errors/* UsageError */.eb(`--resume: cannot read '${file}': ${message}`));
}


/***/ }),

/***/ 8060:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ describeDifferences),
/* harmony export */   l: () => (/* binding */ compareToPreview)
/* harmony export */ });
/**
 * Actions that lose something: a destroy, a replacement (destroy and create, either order), an object
 * dropped from state (`forget`), or an action this code does not know. Each must have been in the preview.
 */
const LOSES_SOMETHING = new Set(['delete', 'replace', 'forget', 'other']);
/**
 * Checks a fresh plan against what the preview showed for the instance. The plan passes unless it destroys,
 * replaces or forgets something the preview did not show with that very action: values may differ (they were
 * mocked, unknown, or taken from an upstream the failover changed), a create may appear that the preview did
 * not have (a count or for_each over a value that was mocked), an in-place change may appear, since none of
 * these loses anything. Everything that passes but differs is returned, for the report.
 */
function compareToPreview(entry, fresh) {
    const previewed = new Map(entry.changes.map((change) => [change.address, change.action]));
    const unexpected = [];
    const differences = [];
    for (const change of fresh) {
        const shown = previewed.get(change.address) ?? null;
        if (shown === change.action)
            continue;
        const difference = { address: change.address, previewed: shown, planned: change.action };
        (LOSES_SOMETHING.has(change.action) ? unexpected : differences).push(difference);
    }
    return unexpected.length > 0 ? { ok: false, unexpected } : { ok: true, differences };
}
/**
 * One line per change: `aws_db.main: replace (the preview showed update)`. `unshown` is what to say of an
 * address the preview did not have: `the preview showed no change`, or for an instance the preview could not
 * plan yet, `not previewed`. `reviewed` names what was reviewed: `the preview`, `the reviewed plan`.
 */
function describeDifferences(changes, unshown = 'the preview showed no change', reviewed = 'the preview') {
    return changes
        .map((change) => `  ${change.address}: ${change.planned} (${change.previewed === null ? unshown : `${reviewed} showed ${change.previewed}`})`)
        .join('\n');
}


/***/ }),

/***/ 5833:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ withPrimary),
/* harmony export */   Hj: () => (/* binding */ currentPrimaryOf),
/* harmony export */   OI: () => (/* binding */ describeScope),
/* harmony export */   Od: () => (/* binding */ scopeOf),
/* harmony export */   kA: () => (/* binding */ movePrimary),
/* harmony export */   t4: () => (/* binding */ isSameScope),
/* harmony export */   yX: () => (/* binding */ isInScope)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9514);
/* harmony import */ var _manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7290);


/** The scope a failover's selection (`--account`, `--environment`) moves, checked against the manifest. */
function scopeOf(manifest, filter) {
    const accounts = filter.accounts?.length
        ? manifest.accounts.filter((account) => filter.accounts?.includes(account.name))
        : manifest.accounts;
    if (!filter.environments?.length) {
        return filter.accounts?.length ? accounts.map((account) => account.name) : [];
    }
    const members = accounts.flatMap((account) => account.environments
        .filter((environment) => filter.environments?.includes(environment.name))
        .map((environment) => `${account.name}/${environment.name}`));
    if (members.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb((name) => `${name('environment')} ${filter.environments?.join(',') ?? ''}: no selected account has such an environment`);
    }
    return members;
}
/** Whether an instance belongs to the scope: every instance for the estate, else its account or environment. */
function isInScope(scope, instance) {
    if (scope.length === 0)
        return true;
    if (instance.account === null)
        return false;
    return (scope.includes(instance.account) ||
        (instance.environment !== null && scope.includes(`${instance.account}/${instance.environment}`)));
}
/** The scope in words, for messages and reports. */
function describeScope(scope) {
    return scope.length === 0 ? 'the estate' : scope.join(', ');
}
function splitMember(member) {
    const [account = member, environment] = member.split('/');
    return { account, environment: environment ?? null };
}
/**
 * The region a move of the scope leaves: `from` when given, else the primary its members have now, which must
 * be one (members failed over apart need `from`).
 */
function currentPrimaryOf(manifest, scope, from) {
    const primaries = new Set(scope.length === 0
        ? [(0,_manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_1__/* .primaryRegionFor */ .k7)(manifest, null, null)]
        : scope.map((member) => {
            const { account, environment } = splitMember(member);
            return (0,_manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_1__/* .primaryRegionFor */ .k7)(manifest, account, environment);
        }));
    if (from !== undefined)
        return from;
    const [primary, ...others] = primaries;
    if (primary === undefined || others.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb((name) => `${describeScope(scope)} have different primary regions (${[...primaries].join(', ')}): give ${name('from')} the region to move from, or move them one at a time`);
    }
    return primary;
}
/** The manifest with `primary` as the estate's one primary region and every other region secondary. */
function withPrimary(manifest, primary) {
    return {
        ...manifest,
        regions: manifest.regions.map((region) => ({
            name: region.name,
            role: region.name === primary ? 'primary' : 'secondary',
        })),
    };
}
/**
 * The manifest once the scope's primary is `to`: for the estate, the region roles swapped (withPrimary); for
 * an account, its `primary_region` (its environments that followed it follow it still); for an environment,
 * its own `primary_region`. Everything outside the scope keeps its primary.
 */
function movePrimary(manifest, to, scope) {
    if (scope.length === 0)
        return withPrimary(manifest, to);
    const members = scope.map(splitMember);
    return {
        ...manifest,
        accounts: manifest.accounts.map((account) => {
            const movesWhole = members.some((member) => member.account === account.name && !member.environment);
            const before = (0,_manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_1__/* .primaryRegionFor */ .k7)(manifest, account.name, null);
            return {
                ...account,
                ...(movesWhole ? { primaryRegion: to } : {}),
                environments: account.environments.map((environment) => {
                    const moves = members.some((member) => member.account === account.name && member.environment === environment.name);
                    if (moves)
                        return { ...environment, primaryRegion: to };
                    // An environment that named its account's primary follows the account when it moves.
                    if (movesWhole && environment.primaryRegion === before) {
                        return { ...environment, primaryRegion: undefined };
                    }
                    return environment;
                }),
            };
        }),
    };
}
/** Whether two scopes move the same accounts and environments. */
function isSameScope(a, b) {
    return a.length === b.length && a.every((member) => b.includes(member));
}


/***/ }),

/***/ 1532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ scheduleHooks),
/* harmony export */   j: () => (/* binding */ dagWithHooks)
/* harmony export */ });
/* harmony import */ var _schedule_dag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4955);
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2191);


/**
 * The hooks at `points` for one engine run over `dag`: a `before_failover` hook before every instance; an
 * `after_layer` hook once after each instance of its layer in `move.to`, before that instance's dependents;
 * an `after_failover` or `after_failback` hook after every instance and every other hook. In a drill only the
 * hooks marked `drill_safe` run; the others are named in the notes.
 */
function scheduleHooks(manifest, graph, dag, move, points) {
    const notes = [];
    const hooks = (manifest.hooks ?? []).filter((hook) => points.includes(hook.when));
    const runnable = hooks.filter((hook) => !move.dryRun || hook.drillSafe);
    for (const hook of hooks) {
        if (!runnable.includes(hook))
            notes.push(`hook '${hook.name}' (${hook.when}) not run in a drill: it is not marked drill_safe`);
    }
    const base = {
        STRATA_MODE: move.mode,
        STRATA_DRILL: String(move.dryRun),
        STRATA_REGION: move.to,
        STRATA_FAILED_REGION: move.from,
    };
    const withHook = (hook) => ({ ...base, STRATA_HOOK: hook.name, STRATA_HOOK_POINT: hook.when });
    const dependents = (0,_schedule_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .dependentsOf */ .yk)(dag);
    const roots = dag.ids.filter((id) => (dag.dependsOn.get(id) ?? []).length === 0);
    const tasks = [];
    for (const hook of runnable.filter((candidate) => candidate.when === 'before_failover')) {
        tasks.push({
            id: `hook:${hook.name}`,
            hook,
            instance: null,
            after: [],
            before: roots,
            env: withHook(hook),
            outputsOf: [],
        });
    }
    for (const hook of runnable.filter((candidate) => candidate.when === 'after_layer')) {
        for (const id of dag.ids) {
            const instance = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .getOrThrow */ .Gp)(graph.byId, id, 'instance');
            if (instance.layer !== hook.layer || instance.region !== move.to)
                continue;
            tasks.push({
                id: `hook:${hook.name}:${id}`,
                hook,
                instance: id,
                after: [id],
                before: dependents.get(id) ?? [],
                env: {
                    ...withHook(hook),
                    STRATA_INSTANCE: id,
                    STRATA_LAYER: instance.layer,
                    STRATA_ACCOUNT: instance.account ?? '',
                    STRATA_ACCOUNT_ID: instance.accountId ?? '',
                    STRATA_ENVIRONMENT: instance.environment ?? '',
                },
                outputsOf: [id],
            });
        }
    }
    const inner = tasks.map((task) => task.id);
    for (const hook of runnable.filter((c) => c.when === 'after_failover' || c.when === 'after_failback')) {
        tasks.push({
            id: `hook:${hook.name}`,
            hook,
            instance: null,
            after: [...dag.ids, ...inner],
            before: [],
            env: withHook(hook),
            outputsOf: dag.ids,
        });
    }
    return { tasks, notes };
}
/** The run's Dag with the hooks in it: each waits for its `after` ids, and its `before` ids wait for it. */
function dagWithHooks(dag, tasks) {
    if (tasks.length === 0)
        return dag;
    const dependsOn = new Map();
    for (const id of dag.ids)
        dependsOn.set(id, [...(dag.dependsOn.get(id) ?? [])]);
    for (const task of tasks) {
        dependsOn.set(task.id, [...task.after]);
        for (const id of task.before)
            dependsOn.get(id)?.push(task.id);
    }
    return { ids: [...dag.ids, ...tasks.map((task) => task.id)], dependsOn };
}


/***/ }),

/***/ 2174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ recordToReplace),
/* harmony export */   R8: () => (/* binding */ recordLeftBehind),
/* harmony export */   VL: () => (/* binding */ isCompletedMove)
/* harmony export */ });
/* harmony import */ var _failover_scope_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5833);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9514);


/** A failback done: its record stays only for the context of what it restored, and holds nothing back. */
function isCompletedMove(record) {
    return record.status !== 'pending' && (record.mode ?? 'failover') === 'failback';
}
/**
 * A region keeps one failover record, at a key of its own (core/dr/record-key.ts: a copy replicated from
 * another region's store lands elsewhere, and one at the legacy key is dropped when read). Before a move of
 * `move.scope` from `move.from` writes its record into `region` (recordLeftBehind is the failback's check of the
 * record in the region it leaves), this checks the record there (`record`, as read at the start of the move) and returns
 * the restored instances of other moves the record it writes must keep, so that no move's context is lost:
 * - none: nothing to keep;
 * - the move's own scope: replaced, keeping what it kept of other moves (the restored instances outside the
 *   scope, by `instanceOf`; one it cannot place is kept too), so that a second move of one scope does not drop
 *   the context of another's;
 * - a failback of another scope done: replaced, keeping what it restored (when it left the same region, so
 *   the context it gave, `failed_region` included, stays the same);
 * - anything else of another scope (a hold pending, a failover in effect): refused, since replacing it would
 *   drop that move's guard.
 */
function recordToReplace(record, region, move, instanceOf) {
    if (record === null)
        return {};
    const sameScope = (0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .isSameScope */ .t4)(record.scope ?? [], move.scope);
    const restored = sameScope
        ? Object.fromEntries(restoredOutside(record, move.scope, instanceOf))
        : (record.restored ?? {});
    if (sameScope || isCompletedMove(record)) {
        if (record.from === move.from || Object.keys(restored).length === 0)
            return restored;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb((name) => `${region} holds the record of a ${moveOf(record)} (${isCompletedMove(record) ? 'done' : record.status === 'pending' ? 'pending' : 'in effect'}, recorded ${record.at}) that keeps the context of what ${sameScope ? 'moves of other scopes' : 'it'} restored, which came from ${record.from}; this move of ${(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScope */ .OI)(move.scope)} comes from ${move.from}, and its record would give that context another failed region. Move ${(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScope */ .OI)(move.scope)} from ${record.from}, or move both together with the same ${name('account')} and ${name('environment')} selection.`);
    }
    throw moveInProgress(record, region, move.scope);
}
/** The record's restored instances outside `scope`, by `instanceOf`; one it cannot place is kept too. */
function restoredOutside(record, scope, instanceOf) {
    return Object.entries(record.restored ?? {}).filter(([id]) => {
        const instance = instanceOf(id);
        return instance === undefined || !(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .isInScope */ .yX)(scope, instance);
    });
}
function moveOf(record) {
    return `${record.mode ?? 'failover'} of ${(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScope */ .OI)(record.scope ?? [])} from ${record.from} to ${record.to}`;
}
/** The refusal to replace or clear the record of a move of another scope in progress (a hold, a failover in effect). */
function moveInProgress(record, region, scope) {
    const status = record.status === 'pending' ? 'pending' : 'in effect';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb((name) => `${region} holds the record of a ${moveOf(record)} (${status}, recorded ${record.at}), and this move is of ${(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScope */ .OI)(scope)}: one region keeps one move in progress at a time. Finish that move (or fail it back) first, or move both together with the same ${name('account')} and ${name('environment')} selection.`);
}
/**
 * Before a failback of `scope` leaves `region`, this checks the record there (`record`, as read at the start
 * of the move) and returns what the failback leaves of it once it succeeds, so that no other move's context is
 * lost:
 * - none: cleared (the key's marker written, as a failback always did);
 * - a failback of another scope done: unchanged, for the context it gives;
 * - the failback's own scope's record: cleared, unless it kept the restored instances of other scopes'
 *   failbacks (recordToReplace). Then it becomes a failback done that keeps only those: from the record's
 *   `from` (the failed region their context names; every restored instance a record keeps shares it), to
 *   `region`, at the record's time, its scope the accounts and environments they belong to (by `instanceOf`,
 *   as isInScope places them). One that cannot be placed is kept beside them; alone it is not: no instance of
 *   the manifest could be given its context, and there is no scope to record it under;
 * - anything else of another scope (a hold pending, a failover in effect): refused, since clearing it would
 *   drop that move's guard.
 */
function recordLeftBehind(record, region, scope, instanceOf) {
    if (record === null)
        return { kind: 'write', record: null };
    if (!(0,_failover_scope_js__WEBPACK_IMPORTED_MODULE_0__/* .isSameScope */ .t4)(record.scope ?? [], scope)) {
        if (isCompletedMove(record))
            return { kind: 'unchanged' };
        throw moveInProgress(record, region, scope);
    }
    const kept = restoredOutside(record, scope, instanceOf);
    const placed = kept.flatMap(([id]) => instanceOf(id) ?? []);
    if (placed.length === 0)
        return { kind: 'write', record: null };
    return {
        kind: 'write',
        record: {
            mode: 'failback',
            from: record.from,
            to: record.to,
            at: record.at,
            restored: Object.fromEntries(kept),
            scope: scopeOfInstances(placed),
        },
    };
}
/**
 * The narrowest scope that holds every one of `instances`: an account where one belongs to the account
 * itself (its region and account layers move only with the whole account), else its environments; the estate
 * when one belongs to no account (only a move of the estate restores a global instance).
 */
function scopeOfInstances(instances) {
    const members = new Set();
    const wholeAccounts = new Set(instances.filter((i) => i.environment === null).map((i) => i.account));
    for (const { account, environment } of instances) {
        if (account === null)
            return [];
        members.add(environment === null || wholeAccounts.has(account) ? account : `${account}/${environment}`);
    }
    return [...members].sort();
}


/***/ }),

/***/ 7690:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n6: () => (/* binding */ checkRecoveryPoints),
/* harmony export */   nV: () => (/* binding */ formatAge),
/* harmony export */   zl: () => (/* binding */ RECOVERY_POINT_OUTPUT)
/* harmony export */ });
/**
 * The output a layer publishes for the drill: the time of its latest restorable snapshot (RFC 3339, e.g.
 * `2026-05-04T03:00:00Z`), as the replicated backup store in the DR region reports it.
 */
const RECOVERY_POINT_OUTPUT = 'strata_recovery_point';
/**
 * Checks every published recovery point against the objective: each must be a time no older than `rpo`
 * at `now`. With an objective and nothing published, the drill cannot show the objective is met, and fails.
 */
function checkRecoveryPoints(published, rpo, now) {
    const checks = [...published.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, value]) => {
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        const at = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
        if (Number.isNaN(at)) {
            return {
                id,
                value: shown,
                ageSeconds: null,
                withinRpo: rpo ? false : null,
                problem: `output ${RECOVERY_POINT_OUTPUT} of ${id} is ${JSON.stringify(value)}, not an RFC 3339 time such as '2026-05-04T03:00:00Z'`,
            };
        }
        const ageMs = Math.max(0, now.getTime() - at);
        const withinRpo = rpo ? ageMs <= rpo.ms : null;
        return {
            id,
            value: shown,
            ageSeconds: Math.round(ageMs / 1000),
            withinRpo,
            problem: rpo && withinRpo === false
                ? `the latest recovery point of ${id} is ${formatAge(ageMs)} old, older than dr.rpo ${rpo.text}: a failover now would lose more data than the objective allows`
                : null,
        };
    });
    const problem = rpo && checks.length === 0
        ? `dr.rpo is ${rpo.text} but no instance the drill read publishes the output ${RECOVERY_POINT_OUTPUT}: the drill cannot show the objective is met (publish it from the layer that holds the replicated backups in the DR region)`
        : null;
    return { rpo: rpo?.text ?? null, checks, problem };
}
/** `3h 12m`, `45m`, `20s`: an age as an operator reads it. */
function formatAge(ms) {
    const seconds = Math.round(ms / 1000);
    const days = Math.floor(seconds / 86_400);
    const hours = Math.floor((seconds % 86_400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const parts = [
        days > 0 ? `${days}d` : '',
        hours > 0 ? `${hours}h` : '',
        minutes > 0 ? `${minutes}m` : '',
        seconds < 60 ? `${seconds}s` : '',
    ].filter((part) => part !== '');
    return parts.slice(0, 2).join(' ');
}


/***/ }),

/***/ 9046:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ recoveryPointTime),
/* harmony export */   OH: () => (/* binding */ restoringContexts),
/* harmony export */   e0: () => (/* binding */ collectRecoveryPoint),
/* harmony export */   oW: () => (/* binding */ restoredBy),
/* harmony export */   rM: () => (/* binding */ restoredContextOf)
/* harmony export */ });
/* unused harmony export recoveryPointFor */
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2191);
/* harmony import */ var _recovery_point_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7690);


/** Whether a published value is a time (RFC 3339), as `strata_recovery_point` must be. */
function recoveryPointTime(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value))
        return null;
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : at;
}
/**
 * The recovery point an instance restores from: the oldest `strata_recovery_point` published in this run by
 * the instance's upstreams, transitively, in its own region or in none (the layer holding the replicated
 * backups is upstream of what restores from them; another region's backups are not restored from). Oldest,
 * because a restore is only as recent as its oldest source. Null when none published a time.
 */
function recoveryPointFor(graph, id, published) {
    let oldest = null;
    const seen = new Set();
    const instance = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .getOrThrow */ .Gp)(graph.byId, id, 'instance');
    const stack = [...instance.dependsOn];
    for (let upstream = stack.pop(); upstream !== undefined; upstream = stack.pop()) {
        if (seen.has(upstream))
            continue;
        seen.add(upstream);
        const { dependsOn, region } = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .getOrThrow */ .Gp)(graph.byId, upstream, 'instance');
        stack.push(...dependsOn);
        if (region !== null && region !== instance.region)
            continue;
        const value = published.get(upstream);
        const at = recoveryPointTime(value);
        if (at !== null && (oldest === null || at < oldest.at))
            oldest = { value: value, at };
    }
    return oldest?.value ?? null;
}
/** The recovery points a run published, from the outputs it read: id → `strata_recovery_point`. */
function collectRecoveryPoint(published) {
    return (id, values) => {
        if (_recovery_point_js__WEBPACK_IMPORTED_MODULE_1__/* .RECOVERY_POINT_OUTPUT */ .zl in values)
            published.set(id, values[_recovery_point_js__WEBPACK_IMPORTED_MODULE_1__/* .RECOVERY_POINT_OUTPUT */ .zl]);
    };
}
/**
 * The restored context the primary's record gives its instances: the record must be a move in effect to the
 * primary (a failover to it, or a failback to it) that lists the instance. Anything else (a pending hold, a
 * record about another region) gives none, and the instance runs with its steady-state context.
 */
function restoredContextOf(record, primary) {
    if (record === null || record.status === 'pending' || record.to !== primary || !record.restored) {
        return () => undefined;
    }
    const restored = new Map(Object.entries(record.restored));
    return (id) => {
        if (!restored.has(id))
            return undefined;
        const recoveryPoint = restored.get(id) ?? null;
        return {
            failover: true,
            failedRegion: record.from,
            ...(recoveryPoint === null ? {} : { recoveryPoint }),
        };
    };
}
/**
 * The context of a move's instances as it restores them (a failover, a failback's promote phase): `failover`,
 * the region being left, and the recovery point its upstreams published so far. Each instance's is worked
 * out once, when it is first asked for (its upstreams are done by then), so the record keeps exactly what the
 * instance was given.
 */
function restoringContexts(graph, failedRegion, published) {
    const given = new Map();
    return {
        contextOf(id) {
            if (!given.has(id))
                given.set(id, recoveryPointFor(graph, id, published));
            const recoveryPoint = given.get(id) ?? null;
            return { failover: true, failedRegion, ...(recoveryPoint === null ? {} : { recoveryPoint }) };
        },
        given,
    };
}
/** The record's list of what a move restored: the instances given a context that succeeded. */
function restoredBy(given, succeeded) {
    const restored = {};
    for (const id of [...succeeded].sort()) {
        if (given.has(id))
            restored[id] = given.get(id) ?? null;
    }
    return restored;
}


/***/ }),

/***/ 6367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parsedJsonOrReason)
/* harmony export */ });
/** `text` parsed as JSON, or why it is not JSON, for the readers of Strata's own files to word their refusals. */
function parsedJsonOrReason(text) {
    try {
        return { value: JSON.parse(text) };
    }
    catch (error) {
        return { reason: `not JSON: ${error.message}` };
    }
}


/***/ }),

/***/ 1556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ checkRegionDeclared)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9514);
/* harmony import */ var _closest_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5850);


/** Refuses a region the manifest does not declare, naming the setting it came from and the closest name. */
function checkRegionDeclared(manifest, region, setting) {
    const names = manifest.regions.map((candidate) => candidate.name);
    if (names.includes(region))
        return;
    const hint = (0,_closest_name_js__WEBPACK_IMPORTED_MODULE_1__/* .closestName */ .N)(region, names);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb((name) => `${name(setting)}: unknown region '${region}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${names.join(', ')}`);
}


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ MigrationFileError),
  m: () => (/* binding */ parseMigration)
});

// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/compile-schema.js

/**
 * How Strata's schemas are compiled, at run time (compileSchema) and ahead of time by the build (the
 * manifest's, see manifest-validator.ts). The schemas are constants that the tests compile and check against
 * the meta-schema, so this skips that check, and the optimisation pass, which only tidies the generated code.
 */
const SCHEMA_OPTIONS = {
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    validateSchema: false,
    code: { optimize: false },
};
function compileSchema(schema) {
    return new ajv.Ajv(SCHEMA_OPTIONS).compile(schema);
}

// EXTERNAL MODULE: ./build/tsc/core/manifest/located-yaml.js
var located_yaml = __webpack_require__(7969);
// EXTERNAL MODULE: ./build/tsc/core/migrate/resource-address.js
var resource_address = __webpack_require__(9346);
// EXTERNAL MODULE: ./build/tsc/core/manifest/schema.js
var schema = __webpack_require__(4720);
;// CONCATENATED MODULE: ./build/tsc/core/migrate/schema.js
/**
 * The JSON Schema of the migration file (`migrate.yml`, beside the manifest), version 1. Paths in it are
 * relative to its own directory.
 * `schema/migrate.schema.json` is written from this object (`npm run schema`) and a test keeps the two equal.
 */

const schema_name = { type: 'string', pattern: schema/* NAME_PATTERN */.Vh };
const step = '(module\\.[A-Za-z_][A-Za-z0-9_-]*(\\[[^\\]]+\\])?\\.)*';
/** A resource address (`module.a.aws_x.y`, no instance key) or a module call (`module.a`). */
const ADDRESS_PATTERN = `^${step}(([A-Za-z_][A-Za-z0-9_-]*\\.[A-Za-z_][A-Za-z0-9_-]*)|(module\\.[A-Za-z_][A-Za-z0-9_-]*))$`;
const ADDRESS_RULE = 'a resource address such as "aws_iam_role.ci" or "module.web.aws_s3_bucket.logs", or a module such as "module.web"';
const address = { type: 'string', pattern: ADDRESS_PATTERN };
const migrationSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Strata migration file',
    description: 'The existing Terraform roots of an estate and how their resources map onto the instances of the manifest.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'roots'],
    properties: {
        version: { const: 1, description: 'Migration file format version.' },
        roots: {
            type: 'object',
            minProperties: 1,
            propertyNames: schema_name,
            description: 'The existing roots, by a name of your choosing.',
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                required: ['path', 'account'],
                properties: {
                    path: {
                        type: 'string',
                        minLength: 1,
                        description: "Directory of the root's code (with its backend block), relative to this file.",
                    },
                    backend: {
                        type: 'object',
                        additionalProperties: { type: ['string', 'number', 'boolean'] },
                        description: "Backend configuration for the root's init (-backend-config key=value).",
                    },
                    account: { ...schema_name, description: 'The account (as named in the manifest) the root stands for.' },
                    region: { ...schema_name, description: 'The region it stands for; required when it feeds region layers.' },
                    environment: {
                        ...schema_name,
                        description: 'The environment it stands for; required when it feeds environment layers.',
                    },
                },
            },
        },
        rules: {
            type: 'array',
            description: 'Explicit mappings, before the default (a resource goes to the layer whose code declares its address). A resource may match one rule at most.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['from'],
                properties: {
                    root: { ...schema_name, description: 'Only resources of this root. Default: every root.' },
                    from: { ...address, description: 'A resource address, or a module: everything in it.' },
                    to: {
                        ...address,
                        description: 'Its address in the new layer (a module for a module). Default: the same as from.',
                    },
                    layer: { ...schema_name, description: 'The layer whose instance receives it.' },
                    stay: { const: true, description: 'The resource stays in its root.' },
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./build/tsc/core/migrate/parse-migration.js





/** Problems in the migration file (its YAML, its schema, its rules against the manifest and the old states). */
class MigrationFileError extends errors/* ManifestError */.Sh {
    constructor(problems) {
        super(problems);
        this.name = 'MigrationFileError';
    }
}
let validateSchema;
const compiledSchema = () => (validateSchema ??= compileSchema(migrationSchema));
/**
 * Parses and checks a migration file. Every problem is reported at once, located in the file, as a
 * ManifestError. What needs the manifest or the old states (layer names, resources) is checked later, by
 * `mapResources`.
 */
function parseMigration(text, file) {
    let read;
    try {
        read = (0,located_yaml/* readLocatedYaml */.Q)(text, file, compiledSchema, 'the migration file', {
            [ADDRESS_PATTERN]: ADDRESS_RULE,
        });
    }
    catch (error) {
        if (error instanceof errors/* ManifestError */.Sh)
            throw new MigrationFileError(error.problems);
        throw error;
    }
    const { data, locate } = read;
    const raw = data;
    const problems = [];
    const report = (at, message) => problems.push({ file, ...locate(at), message });
    const roots = Object.entries(raw.roots).map(([name, root]) => ({
        name,
        path: root.path,
        backend: root.backend ?? {},
        account: root.account,
        region: root.region ?? null,
        environment: root.environment ?? null,
    }));
    const rules = (raw.rules ?? []).map((rule, index) => {
        const at = (key) => (key === undefined ? ['rules', index] : ['rules', index, key]);
        if (rule.root !== undefined && !Object.hasOwn(raw.roots, rule.root)) {
            report(at('root'), `rules[${index}]: root '${rule.root}' is not declared under 'roots' (declared: ${Object.keys(raw.roots).join(', ')})`);
        }
        if ((rule.layer === undefined) === (rule.stay === undefined)) {
            report(at(), `rules[${index}]: give either 'layer' (where the resources go) or 'stay: true', not both or neither`);
        }
        if (rule.stay !== undefined && rule.to !== undefined) {
            report(at('to'), `rules[${index}]: a resource that stays keeps its address; remove 'to'`);
        }
        if (rule.to !== undefined && (0,resource_address/* isModuleAddress */.t1)(rule.to) !== (0,resource_address/* isModuleAddress */.t1)(rule.from)) {
            report(at('to'), `rules[${index}]: 'from' and 'to' must both be modules or both be resources, got '${rule.from}' and '${rule.to}'`);
        }
        return {
            index,
            root: rule.root ?? null,
            from: rule.from,
            to: rule.to ?? rule.from,
            target: rule.layer === undefined ? 'stay' : { layer: rule.layer },
        };
    });
    if (problems.length > 0)
        throw new MigrationFileError(problems);
    const migration = { roots, rules };
    return { migration, locations: { locate } };
}


/***/ }),

/***/ 9346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ rewriteAddress),
/* harmony export */   ID: () => (/* binding */ isCoveredBy),
/* harmony export */   ec: () => (/* binding */ topLevelStep),
/* harmony export */   lS: () => (/* binding */ splitAddress),
/* harmony export */   t1: () => (/* binding */ isModuleAddress)
/* harmony export */ });
/**
 * Resource addresses as the migration file writes them and state records them: `module.a["k"].module.b`
 * steps, then `type.name` (a managed resource, all of its instances). Types and names hold no dots or
 * brackets, so the last two steps are found from the end even when an instance key holds a dot.
 */
/** Whether an address names a module call (`module.web`, `module.a.module.b`) rather than a resource. */
function isModuleAddress(address) {
    return /(^|\.)module\.[A-Za-z_][A-Za-z0-9_-]*$/.test(address);
}
/** Whether `from` (a resource, or a module: everything in it, whatever its instance keys) covers `address`. */
function isCoveredBy(address, from) {
    if (address === from)
        return true;
    return isModuleAddress(from) && (address.startsWith(`${from}.`) || address.startsWith(`${from}[`));
}
/** The address a rule gives a resource it covers: `from`'s part replaced by `to`. */
function rewriteAddress(address, from, to) {
    return `${to}${address.slice(from.length)}`;
}
/** The step a layer's code declares for the address: `module.web` for what lives in it, else `type.name`. */
function topLevelStep(address) {
    const module = /^module\.([A-Za-z_][A-Za-z0-9_-]*)/.exec(address);
    return module ? `module.${module[1] ?? ''}` : address;
}
function splitAddress(address) {
    const nameDot = address.lastIndexOf('.');
    const typeDot = address.lastIndexOf('.', nameDot - 1);
    return {
        module: typeDot < 0 ? '' : address.slice(0, typeDot),
        type: address.slice(typeDot + 1, nameDot),
        name: address.slice(nameDot + 1),
    };
}


/***/ }),

/***/ 2834:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ trimmedState),
/* harmony export */   D0: () => (/* binding */ restoringState),
/* harmony export */   I4: () => (/* binding */ receivingState),
/* harmony export */   eM: () => (/* binding */ parseStateDocument),
/* harmony export */   h1: () => (/* binding */ managedResources)
/* harmony export */ });
/* unused harmony export resourceAddress */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9514);
/* harmony import */ var _resource_address_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9346);


/** The state `state pull` printed; null when there is none yet (it prints nothing). */
function parseStateDocument(text, source) {
    if (text.trim() === '')
        return null;
    let state;
    try {
        state = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the state of ${source} is not JSON: '${text.trim().slice(0, 40)}'`);
    }
    const document = state;
    if (document?.version !== 4 ||
        typeof document.lineage !== 'string' ||
        typeof document.serial !== 'number' ||
        !Array.isArray(document.resources)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the state of ${source} is not a state of format version 4 with a lineage, a serial and resources`);
    }
    return { outputs: {}, ...document };
}
function resourceAddress(resource) {
    const module = resource.module ?? '';
    const type = resource.mode === 'data' ? `data.${resource.type}` : resource.type;
    return `${module === '' ? '' : `${module}.`}${type}.${resource.name}`;
}
/** The managed resources of a state, by address; data sources are read afresh by each root and never move. */
function managedResources(state) {
    const resources = new Map();
    for (const resource of state?.resources ?? []) {
        if (resource.mode === 'managed')
            resources.set(resourceAddress(resource), resource);
    }
    return resources;
}
/**
 * The new instance's state with the moved resources in it, at their new addresses (and their recorded
 * dependencies renamed alike). An existing state keeps its lineage and goes one serial up, as `state push`
 * requires; a new one takes `lineage`. A resource already there is left alone when it is what the move would
 * write (an interrupted move being finished) and refused when it is anything else.
 */
function receivingState(options) {
    const { current, moves } = options;
    const renamed = new Map(moves.map((move) => [move.from, move.to]));
    const existing = managedResources(current);
    const added = [];
    const alreadyThere = [];
    for (const move of moves) {
        const source = managedResources(options.sources.get(move.root) ?? null).get(move.from);
        if (!source)
            throw new Error(`internal: ${move.root} has no ${move.from}`);
        const moved = moveResource(source, move.to, renamed);
        const there = existing.get(move.to);
        if (there === undefined)
            added.push(moved);
        else if (canonical(there) === canonical(moved))
            alreadyThere.push(move.to);
        else {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${options.instanceId} already holds ${move.to}, and not as ${move.root}'s ${move.from}: move it away or remove the rule that sends ${move.from} there`);
        }
    }
    if (added.length === 0)
        return { state: null, added: [], alreadyThere };
    const first = options.sources.get(moves[0]?.root ?? '');
    const base = current ?? {
        version: 4,
        terraform_version: first?.terraform_version ?? '',
        serial: 0,
        lineage: options.lineage,
        outputs: {},
        resources: [],
        check_results: null,
    };
    return {
        state: { ...base, serial: base.serial + 1, resources: [...base.resources, ...added] },
        added: added.map(resourceAddress),
        alreadyThere,
    };
}
/** A root's state less the moved resources, one serial up. */
function trimmedState(state, removed) {
    return {
        ...state,
        serial: state.serial + 1,
        resources: state.resources.filter((resource) => resource.mode !== 'managed' || !removed.has(resourceAddress(resource))),
    };
}
/**
 * What puts a state back as its backup had it, to push over `current` (what is there now): the backup's
 * content one serial above the current one, so `state push` takes it without -force. A state that was new is
 * emptied. Null when nothing was written there.
 */
function restoringState(backup, current) {
    if (current === null)
        return null;
    if (backup === null)
        return { ...current, serial: current.serial + 1, outputs: {}, resources: [] };
    if (backup.lineage === current.lineage && backup.serial === current.serial)
        return null;
    return { ...backup, lineage: current.lineage, serial: current.serial + 1 };
}
function moveResource(resource, to, renamed) {
    const { module, type, name } = (0,_resource_address_js__WEBPACK_IMPORTED_MODULE_1__/* .splitAddress */ .lS)(to);
    const rest = { ...resource };
    delete rest.module;
    return {
        ...(module === '' ? {} : { module }),
        ...rest,
        mode: resource.mode,
        type,
        name,
        instances: resource.instances.map((instance) => instance.dependencies
            ? {
                ...instance,
                dependencies: instance.dependencies.map((address) => renamed.get(address) ?? address),
            }
            : instance),
    };
}
/** JSON with keys sorted: the same resource read back from a backend may list its fields in another order. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}


/***/ }),

/***/ 5434:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rQ: () => (/* binding */ formatChanges),
  a3: () => (/* binding */ formatDuration),
  UR: () => (/* binding */ hookLabel),
  YX: () => (/* binding */ hookLine),
  oz: () => (/* binding */ progressLine),
  cS: () => (/* binding */ runTable)
});

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/core/render/allowed-destroys.js
/**
 * What the run's allow-destroy setting let stateful layers destroy or replace, one line per instance; empty
 * when it allowed nothing. Plain text, readable in the terminal and as Markdown.
 */
function allowedDestroyLines(run) {
    const allowed = run.allowedDestroys ?? [];
    if (allowed.length === 0)
        return [];
    return [
        'Stateful resources destroyed or replaced as allowed by allow-destroy:',
        ...allowed.map(({ id, resources }) => `- ${id}: ${resources.map((change) => `${change.address} (${change.action})`).join(', ')}`),
    ];
}

;// CONCATENATED MODULE: ./build/tsc/core/render/run-text.js



function formatChanges(changes) {
    return changes === null ? '' : `+${changes.add} ~${changes.change} -${changes.destroy}`;
}
function formatDuration(ms) {
    if (ms === null)
        return '';
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const seconds = Math.round(ms / 1000);
    const twoDigits = (n) => n.toString().padStart(2, '0');
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)}m${twoDigits(seconds % 60)}s`;
    return `${Math.floor(seconds / 3600)}h${twoDigits(Math.floor((seconds % 3600) / 60))}m${twoDigits(seconds % 60)}s`;
}
/**
 * One line per state change, readable while many instances run at once:
 * `[3/12] prod/eu-west-2/network  plan` while running, `[4/12] prod/eu-west-2/network  succeeded  +2 ~1 -0  14.2s`;
 * in a failback, the phase first: `[promote 3/12] …`.
 */
function progressLine(instance, run) {
    const done = run.instances.filter((candidate) => run_result/* FINISHED */.BL.has(candidate.status)).length;
    const state = instance.status === 'running' ? (instance.step ?? 'running') : instance.status;
    const parts = [instance.id, state];
    if (run_result/* FINISHED */.BL.has(instance.status)) {
        parts.push(formatChanges((0,run_result/* changesOf */.fs)(instance)), formatDuration((0,run_result/* durationOf */.cf)(instance)));
        if ((instance.status === 'skipped' || instance.status === 'cancelled') && instance.reason)
            parts.push(`(${instance.reason})`);
    }
    const phase = run.phase === undefined ? '' : `${run.phase} `;
    return `[${phase}${done}/${run.instances.length}] ${parts.filter((part) => part !== '').join('  ')}`;
}
/** A DR hook's name in lists: `hook smoke-test`, `hook promote-db after prod/eu-west-1/production/data`. */
function hookLabel(hook) {
    return `hook ${hook.name}${hook.instance === null ? '' : ` after ${hook.instance}`}`;
}
/** One line per state change of a DR hook: `hook smoke-test  running`, `hook smoke-test  succeeded  1.2s`. */
function hookLine(hook) {
    const parts = [hookLabel(hook), hook.status, formatDuration(hook.durationMs)];
    if (hook.reason !== null)
        parts.push(`(${hook.reason})`);
    return parts.filter((part) => part !== '').join('  ');
}
/** The final table: every instance with its status, changes and duration, then the totals. */
function runTable(run) {
    const header = ['INSTANCE', 'STATUS', 'CHANGES', 'DURATION'];
    const rows = [header];
    for (const instance of run.instances) {
        rows.push([
            instance.id,
            instance.status + ((0,run_result/* hasTimedOut */.Wp)(instance) ? ' (timed out)' : ''),
            formatChanges((0,run_result/* changesOf */.fs)(instance)),
            formatDuration((0,run_result/* durationOf */.cf)(instance)),
        ]);
    }
    for (const hook of run.hooks ?? [])
        rows.push([hookLabel(hook), hook.status, '', formatDuration(hook.durationMs)]);
    // Every row has the header's four cells.
    const widths = header.map((_, column) => Math.max(...rows.map((row) => (0,lookup/* itemAt */.R9)(row, column, 'cell').length)));
    const lines = rows.map((row) => row
        .map((cell, column) => cell.padEnd((0,lookup/* itemAt */.R9)(widths, column, 'width')))
        .join('  ')
        .trimEnd());
    const counts = new Map();
    for (const instance of run.instances)
        counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
    const totals = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
    lines.push('', `${run.command} ${run.status}: ${totals} in ${formatDuration(run.durationMs)}`);
    const allowed = allowedDestroyLines(run);
    if (allowed.length > 0)
        lines.push('', ...allowed);
    for (const instance of run.instances) {
        if (instance.status === 'failed' && instance.error) {
            lines.push('', `${instance.id} failed:`, ...instance.error.split('\n').map((line) => `  ${line}`));
        }
    }
    for (const hook of run.hooks ?? []) {
        if (hook.status === 'failed' && hook.error !== null)
            lines.push('', `${hookLabel(hook)} failed:`, ...hook.error.split('\n').map((line) => `  ${line}`));
    }
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 390:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DA: () => (/* binding */ compareToReviewedPlan),
/* harmony export */   H7: () => (/* binding */ describeReplanned),
/* harmony export */   Tr: () => (/* binding */ buildReviewedPlan),
/* harmony export */   du: () => (/* binding */ REVIEWED_PLAN_FILE),
/* harmony export */   id: () => (/* binding */ parseReviewedPlan),
/* harmony export */   rX: () => (/* binding */ STALE_PLANS)
/* harmony export */ });
/* unused harmony export unshownChange */
/* harmony import */ var _json_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6367);
/* harmony import */ var _dr_compare_to_preview_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8060);


/** The file a plan run writes beside its saved plans: what a reviewer of that plan saw. */
const REVIEWED_PLAN_FILE = 'reviewed-plan.json';
const STALE_PLANS = ['refuse', 'replan'];
/** The reviewed plan of a plan run: each instance whose plan succeeded, with its resource changes. */
function buildReviewedPlan(run) {
    return {
        version: 1,
        instances: run.instances.flatMap((instance) => instance.status === 'succeeded' && instance.changes !== null
            ? [
                {
                    id: instance.id,
                    changes: instance.resourceChanges.map(({ address, action }) => ({ address, action })),
                },
            ]
            : []),
    };
}
/** Reads a reviewed plan file's JSON; a message when it is not one. */
function parseReviewedPlan(text) {
    const parsed = (0,_json_text_js__WEBPACK_IMPORTED_MODULE_1__/* .parsedJsonOrReason */ .Z)(text);
    if ('reason' in parsed)
        return parsed.reason;
    const plan = parsed.value;
    const isEntry = (entry) => typeof entry === 'object' &&
        entry !== null &&
        typeof entry.id === 'string' &&
        Array.isArray(entry.changes);
    if (plan === null ||
        typeof plan !== 'object' ||
        plan.version !== 1 ||
        !Array.isArray(plan.instances) ||
        !plan.instances.every(isEntry)) {
        return 'not a Strata reviewed plan (version 1)';
    }
    return plan;
}
/**
 * Compares the fresh plan of an instance whose saved plan could not be applied with what the reviewed plan
 * showed for it (nothing, when the reviewed plan did not have it): the same guarantee as a reviewed failover,
 * nothing is destroyed, replaced or forgotten that a reviewer did not see; other differences are reported.
 */
function compareToReviewedPlan(plan, id, fresh, why) {
    const entry = plan.instances.find((candidate) => candidate.id === id);
    const comparison = (0,_dr_compare_to_preview_js__WEBPACK_IMPORTED_MODULE_0__/* .compareToPreview */ .l)(entry ?? { changes: [] }, fresh);
    return {
        id,
        why,
        wasReviewed: entry !== undefined,
        differences: comparison.ok ? comparison.differences : comparison.unexpected,
        accepted: comparison.ok,
    };
}
/** What to say of a fresh change at an address the reviewed plan did not have. */
function unshownChange(replanned) {
    return replanned.wasReviewed ? 'the reviewed plan showed no change' : 'not in the reviewed plan';
}
/** What an instance's log and error say of its comparison with the reviewed plan. */
function describeReplanned(replanned) {
    const listed = (0,_dr_compare_to_preview_js__WEBPACK_IMPORTED_MODULE_0__/* .describeDifferences */ .g)(replanned.differences, unshownChange(replanned), 'the reviewed plan');
    if (!replanned.accepted) {
        return `${replanned.why}, and its fresh plan does what the reviewed plan did not show:\n${listed}\nNothing of ${replanned.id} was applied, nor of what depends on it; plan the change again, review that plan, and apply it`;
    }
    return replanned.differences.length === 0
        ? `${replanned.why}: planned afresh, its plan makes the same changes as the reviewed plan`
        : `${replanned.why}: planned afresh, its plan makes what the reviewed plan showed but for changes that destroy nothing:\n${listed}`;
}


/***/ }),

/***/ 3436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ FINISHED),
/* harmony export */   Wp: () => (/* binding */ hasTimedOut),
/* harmony export */   cf: () => (/* binding */ durationOf),
/* harmony export */   cu: () => (/* binding */ identityOf),
/* harmony export */   fs: () => (/* binding */ changesOf),
/* harmony export */   ik: () => (/* binding */ hasChanges),
/* harmony export */   jA: () => (/* binding */ progressOf)
/* harmony export */ });
/** Just the identity of an instance or of a result, without anything else it carries. */
function identityOf(instance) {
    const { id, layer, scope, account, region, environment } = instance;
    return { id, layer, scope, account, region, environment };
}
/** What a started instance has learnt and when it ran, whatever became of it; undefined when it never started. */
function progressOf(instance) {
    switch (instance.status) {
        case 'pending':
            return undefined;
        case 'running':
        case 'succeeded':
        case 'failed':
            return instance;
        case 'skipped':
        case 'cancelled':
            return instance.attempt;
    }
}
/** What the instance's plan found; null when it was never planned. */
function changesOf(instance) {
    return progressOf(instance)?.changes ?? null;
}
/** How long it ran; null while it runs or when it never started. */
function durationOf(instance) {
    return progressOf(instance)?.durationMs ?? null;
}
/** Whether its Terraform command ran out of time (a failure, or a cancellation while it ran). */
function hasTimedOut(instance) {
    if (instance.status === 'failed')
        return instance.timedOut;
    return instance.status === 'cancelled' && instance.attempt?.timedOut === true;
}
/** Whether a plan would change anything (replacements are counted in add and destroy too). */
function hasChanges(changes) {
    return changes !== null && changes.add + changes.change + changes.destroy + changes.replace > 0;
}
const FINISHED = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);


/***/ }),

/***/ 9588:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ remainingPathLengths)
/* harmony export */ });
/* unused harmony export criticalPathLength */
/* harmony import */ var _graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6035);
/* harmony import */ var _dag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4955);


/**
 * For each id, the length of the longest chain from its start to the end of the run through what waits for
 * it, counting its own cost (default 1 per instance; recorded durations make it a time). Starting the
 * longest remaining chain first keeps the critical path busy. Visited in reverse topological order, which is
 * the order `cost` is called in and the map's order.
 */
function remainingPathLengths(dag, cost = () => 1) {
    const compiled = (0,_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .compiledDagOf */ .bQ)(dag);
    const order = (0,_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .topologyOf */ .dA)(compiled)?.order;
    if (!order)
        throw new Error('topologicalOrder: the graph has a cycle');
    const { start, targets } = compiled.dependents;
    const lengths = new Float64Array(order.length);
    const result = new Map();
    for (let at = order.length - 1; at >= 0; at--) {
        const position = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .intAt */ .J1)(order, at);
        let longest = 0;
        const end = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .intAt */ .J1)(start, position + 1);
        for (let next = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .intAt */ .J1)(start, position); next < end; next++)
            longest = Math.max(longest, (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .floatAt */ .eM)(lengths, (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .intAt */ .J1)(targets, next)));
        const id = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .idAt */ .jj)(compiled.ids, position);
        const length = cost(id) + longest;
        lengths[position] = length;
        result.set(id, length);
    }
    return result;
}
/** The length of the longest chain in the whole graph. */
function criticalPathLength(dag, cost = () => 1) {
    let longest = 0;
    for (const length of remainingPathLengths(dag, cost).values())
        longest = Math.max(longest, length);
    return longest;
}


/***/ }),

/***/ 9828:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ upstreamWaitReason),
/* harmony export */   R: () => (/* binding */ waitedOnUpstream)
/* harmony export */ });
/**
 * The reason of an instance skipped because an upstream has no state yet (and no mock outputs stand in):
 * written by the engine, read back by the failover's preview, which defers such an instance when the failover
 * itself creates that upstream.
 */
function upstreamWaitReason(upstream, advice) {
    return `waits on upstream ${upstream}, which has not been applied yet (its state has no outputs): ${advice}`;
}
/**
 * The upstream an instance waits on: when `reason` is an `upstreamWaitReason`, or the engine's reason for an
 * instance it never started below one that was skipped (`upstream <id> skipped`), which waits in turn.
 */
function waitedOnUpstream(reason) {
    const text = reason ?? '';
    return (/^waits on upstream (\S+), which has not been applied yet/.exec(text)?.[1] ??
        /^upstream (\S+) skipped$/.exec(text)?.[1]);
}


/***/ }),

/***/ 3100:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ initUnlessInitialised),
/* harmony export */   j: () => (/* binding */ jsonDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);



/**
 * In a data directory (`TF_DATA_DIR`): the fingerprint of what its last successful `init` was for. Written
 * after an init succeeds and removed before one starts, so it never vouches for a half-done init.
 */
const INIT_RECORD = 'strata-init.sha256';
/** The sha256 of a value's JSON: a fingerprint of what an initialised data directory depends on, and others. */
function jsonDigest(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(value)).digest('hex');
}
/**
 * Runs `init` unless `dataDirectory` was initialised, by an init that succeeded, for the same fingerprint:
 * null when it was, else the init's result. `fingerprint` is taken again after a successful init, which may
 * have written what it covers (a layer's dependency lock file).
 */
async function initUnlessInitialised(dataDirectory, fingerprint, init) {
    const record = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dataDirectory, INIT_RECORD);
    const recorded = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(record, 'utf8').catch(() => undefined);
    if (recorded === (await fingerprint()))
        return null;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(record, { force: true });
    const result = await init();
    if (result.exitCode !== 0)
        return result;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dataDirectory, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(record, await fingerprint());
    return result;
}


/***/ }),

/***/ 6390:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ reduceInstanceResult),
/* harmony export */   n: () => (/* binding */ pendingResult)
/* harmony export */ });
/* harmony import */ var _core_run_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3436);

function pendingResult(instance) {
    return { ...(0,_core_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(instance), status: 'pending' };
}
/**
 * The next result of an instance after an event; never changes the one given, which reporters may hold.
 * What the pipeline learns (steps, mocks, the plan) is kept only while the instance runs, the one status
 * that has those fields; the engine sends them at no other time.
 */
function reduceInstanceResult(result, event) {
    switch (event.type) {
        case 'started':
            return {
                ...(0,_core_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(result),
                status: 'running',
                startedAt: event.at,
                step: null,
                changes: null,
                resourceChanges: [],
                mockedUpstreams: [],
                planFile: null,
            };
        case 'not-run':
            return { ...(0,_core_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(result), status: event.status, reason: event.reason };
        case 'step-began':
        case 'upstream-mocked':
        case 'plan-saved':
        case 'planned':
            return result.status === 'running' ? reduceProgress(result, event) : result;
        case 'finished':
            return result.status === 'running' ? finish(result, event) : result;
    }
}
function reduceProgress(result, event) {
    switch (event.type) {
        case 'step-began':
            return { ...result, step: event.step };
        case 'upstream-mocked':
            return result.mockedUpstreams.includes(event.id)
                ? result
                : { ...result, mockedUpstreams: [...result.mockedUpstreams, event.id] };
        case 'plan-saved':
            return { ...result, planFile: event.planFile };
        case 'planned':
            return { ...result, changes: event.changes, resourceChanges: event.resourceChanges };
    }
}
function finish(result, event) {
    const identity = (0,_core_run_result_js__WEBPACK_IMPORTED_MODULE_0__/* .identityOf */ .cu)(result);
    const { startedAt, step, changes, resourceChanges, mockedUpstreams, planFile } = result;
    const ran = { changes, resourceChanges, mockedUpstreams, planFile, startedAt };
    const timing = { finishedAt: event.at, durationMs: event.durationMs };
    const attempt = { ...ran, ...timing, step };
    const { outcome } = event;
    switch (outcome.status) {
        case 'succeeded':
            return { ...identity, ...ran, ...timing, status: 'succeeded' };
        case 'failed':
            return { ...identity, ...attempt, status: 'failed', error: outcome.error, timedOut: outcome.timedOut };
        case 'skipped':
            return { ...identity, status: 'skipped', reason: outcome.reason, attempt };
        case 'cancelled':
            return {
                ...identity,
                status: 'cancelled',
                reason: outcome.reason,
                attempt: { ...attempt, error: outcome.error, timedOut: outcome.timedOut },
            };
    }
}


/***/ }),

/***/ 8860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ lastLines)
/* harmony export */ });
/** The end of a process's output, where its error is. */
function lastLines(tail, count = 30) {
    return tail.trimEnd().split('\n').slice(-count).join('\n');
}


/***/ }),

/***/ 698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ runEngine)
});

// EXTERNAL MODULE: ./build/tsc/core/run-result.js
var run_result = __webpack_require__(3436);
// EXTERNAL MODULE: ./build/tsc/core/schedule/critical-path.js
var critical_path = __webpack_require__(9588);
// EXTERNAL MODULE: ./build/tsc/core/schedule/dag.js
var schedule_dag = __webpack_require__(4955);
// EXTERNAL MODULE: ./build/tsc/core/schedule/waves.js
var waves = __webpack_require__(8589);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/core/schedule/ready-queue.js



/**
 * The live scheduling policy, free of I/O: an instance becomes ready the moment everything it depends on
 * has succeeded; among ready instances the one with the longest remaining path goes first, then by id, so
 * runs are deterministic. A failure makes every transitive dependent unreachable at once.
 */
class ReadyQueue {
    priority;
    dependents;
    unfinished = new Map();
    heap = [];
    dropped = new Set();
    started = new Set();
    running = 0;
    left;
    constructor(dag, priority = new Map()) {
        this.priority = priority;
        this.dependents = (0,schedule_dag/* dependentsOf */.yk)(dag);
        this.left = dag.ids.length;
        for (const id of dag.ids) {
            const count = (dag.dependsOn.get(id) ?? []).length;
            this.unfinished.set(id, count);
            if (count === 0)
                this.push(id);
        }
    }
    /** Whether nothing is ready, running or waiting any more. */
    get isDone() {
        return this.left === 0;
    }
    get runningCount() {
        return this.running;
    }
    /** Takes up to `limit` ready ids, best first, and counts them as running. */
    take(limit) {
        const taken = [];
        while (taken.length < limit && this.heap.length > 0)
            taken.push(this.pop());
        this.running += taken.length;
        return taken;
    }
    /**
     * Records the end of a running id. On success, returns nothing and readies what waited only for it; on
     * failure, returns every transitive dependent, none of which will run.
     */
    finish(id, succeeded) {
        this.running--;
        this.left--;
        if (succeeded) {
            for (const dependent of this.dependents.get(id) ?? []) {
                const count = (0,lookup/* getOrThrow */.Gp)(this.unfinished, dependent, 'instance') - 1;
                this.unfinished.set(dependent, count);
                if (count === 0 && !this.dropped.has(dependent))
                    this.push(dependent);
            }
            return [];
        }
        const unreachable = [];
        const stack = [...(this.dependents.get(id) ?? [])];
        for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
            if (this.dropped.has(next))
                continue;
            this.dropped.add(next);
            unreachable.push(next);
            this.left--;
            stack.push(...(this.dependents.get(next) ?? []));
        }
        return unreachable.sort(waves/* compareIds */.q);
    }
    /** Drops everything not yet started (fail-fast, cancellation) and returns those ids. */
    drain() {
        const rest = [...this.unfinished.keys()].filter((id) => this.isWaitingOrReady(id));
        for (const id of rest)
            this.dropped.add(id);
        this.heap.length = 0;
        this.left -= rest.length;
        return rest.sort(waves/* compareIds */.q);
    }
    isWaitingOrReady(id) {
        return !this.started.has(id) && !this.dropped.has(id);
    }
    before(a, b) {
        const pa = this.priority.get(a) ?? 0;
        const pb = this.priority.get(b) ?? 0;
        return pa !== pb ? pa > pb : a < b;
    }
    /** Sifts `id` up from a new last slot, moving worse parents down into the hole. */
    push(id) {
        const heap = this.heap;
        let index = heap.length;
        heap.push(id);
        while (index > 0) {
            const parent = (index - 1) >> 1;
            const above = (0,lookup/* itemAt */.R9)(heap, parent, 'heap entry');
            if (!this.before(id, above))
                break;
            heap[index] = above;
            index = parent;
        }
        heap[index] = id;
    }
    /** Takes the best id; the last one is sifted down from the root, better children moving up into the hole. */
    pop() {
        const heap = this.heap;
        const last = heap.pop();
        if (last === undefined)
            throw new Error('Internal error: pop from an empty ready queue');
        const top = heap[0];
        if (top === undefined) {
            this.started.add(last);
            return last;
        }
        let index = 0;
        for (;;) {
            const left = index * 2 + 1;
            // A slot at or past the length reads undefined: no such child.
            const leftId = heap[left];
            if (leftId === undefined)
                break;
            const rightId = heap[left + 1];
            const isRight = rightId !== undefined && this.before(rightId, leftId);
            const child = isRight ? rightId : leftId;
            if (!this.before(child, last))
                break;
            heap[index] = child;
            index = isRight ? left + 1 : left;
        }
        heap[index] = last;
        this.started.add(top);
        return top;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/tsc/terraform/plan-skeleton.js

/** Which values are kept, by their path in the document. */
function isWanted(path) {
    const [top, , field, inner] = path;
    if (path.length === 1) {
        return ['format_version', 'terraform_version', 'errored', 'applyable', 'complete'].includes(top);
    }
    if (top === 'resource_changes' || top === 'resource_drift') {
        if (path.length === 3)
            return ['address', 'mode', 'action_reason', 'deposed'].includes(field);
        if (path.length === 4 && field === 'change')
            return inner === 'actions' || inner === 'importing';
        return false;
    }
    if (top === 'output_changes' && path.length === 3) {
        return ['actions', 'before_sensitive', 'after_sensitive'].includes(field);
    }
    return false;
}
class PlanSkeletonReader {
    skeleton = {};
    stack = [];
    state = 'value';
    escaping = false;
    token = '';
    /** Raw JSON of the wanted value being captured, and the stack depth it started at. */
    capture = null;
    captureDepth = -1;
    sawPlannedValues = false;
    done = false;
    /** What came before the document: Terraform may print a warning first (a missing CLI config file). */
    preamble = '';
    write(chunk) {
        // UTF-16 code units, not code points: the JSON syntax this reads is ASCII, and the text is only copied.
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- index < chunk.length
        for (let index = 0; index < chunk.length; index++)
            this.step(chunk[index]);
    }
    /** The skeleton as a plan document for `parsePlanJson` (which recognises a plan by its planned_values). */
    end() {
        if (this.stack.length > 0)
            throw new Error('the plan JSON ended early');
        if (!this.done) {
            const before = this.preamble.trim().slice(0, 300);
            throw new Error(`the output held no plan JSON${before ? `, only: ${before}` : ''}`);
        }
        if (this.sawPlannedValues)
            this.skeleton.planned_values = {};
        return JSON.stringify(this.skeleton);
    }
    /** The innermost open object or array; the states that ask for it occur only inside one. */
    top() {
        return (0,lookup/* definedOrThrow */.pU)(this.stack.at(-1), 'open plan JSON value');
    }
    path() {
        return this.stack.map((frame) => (0,lookup/* definedOrThrow */.pU)(frame.key, 'plan JSON key'));
    }
    step(char) {
        if (this.done)
            return;
        if (this.stack.length === 0 && this.state === 'value' && char !== '{') {
            if (this.preamble.length < 4096)
                this.preamble += char;
            return;
        }
        if (this.capture !== null)
            this.capture += char;
        switch (this.state) {
            case 'string':
            case 'key-string':
                if (this.escaping)
                    this.escaping = false;
                else if (char === '\\')
                    this.escaping = true;
                else if (char === '"') {
                    if (this.state === 'key-string') {
                        this.top().key = JSON.parse(`${this.token}"`);
                        this.state = 'after-key';
                        return;
                    }
                    this.endValue();
                    return;
                }
                if (this.state === 'key-string')
                    this.token += char;
                return;
            case 'literal':
                if (/[\s,\]}]/.test(char)) {
                    if (this.capture !== null)
                        this.capture = this.capture.slice(0, -1);
                    this.endValue();
                    this.step(char);
                }
                return;
            case 'after-key':
                if (char === ':')
                    this.startMember();
                return;
            case 'after-value':
                if (/\s/.test(char))
                    return;
                if (char === ',') {
                    const frame = this.top();
                    if (frame.kind === 'array') {
                        frame.key = frame.key + 1;
                        this.startMember();
                    }
                    else
                        frame.expectingKey = true;
                    this.state = 'value';
                    return;
                }
                if (char === '}' || char === ']')
                    this.close();
                return;
            case 'value': {
                if (/\s/.test(char))
                    return;
                const frame = this.stack[this.stack.length - 1];
                if (frame?.expectingKey) {
                    if (char === '"') {
                        frame.expectingKey = false;
                        this.token = '"';
                        this.state = 'key-string';
                    }
                    else if (char === '}')
                        this.close();
                    return;
                }
                if (char === ']' && frame?.kind === 'array') {
                    this.close();
                    return;
                }
                if (char === '{' || char === '[') {
                    this.stack.push({
                        kind: char === '{' ? 'object' : 'array',
                        key: char === '[' ? 0 : null,
                        expectingKey: char === '{',
                    });
                    if (char === '[')
                        this.startMember();
                    this.state = 'value';
                    return;
                }
                this.state = char === '"' ? 'string' : 'literal';
                return;
            }
        }
    }
    /** A member's value is about to start: begin capturing when its path is wanted. */
    startMember() {
        this.state = 'value';
        if (this.capture !== null)
            return;
        const path = this.path();
        if (path.length === 1 && path[0] === 'planned_values')
            this.sawPlannedValues = true;
        if (isWanted(path)) {
            this.capture = '';
            this.captureDepth = this.stack.length;
        }
    }
    endValue() {
        this.state = 'after-value';
        this.finishCapture();
        if (this.stack.length === 0)
            this.done = true;
    }
    close() {
        this.stack.pop();
        this.endValue();
    }
    finishCapture() {
        if (this.capture === null || this.stack.length !== this.captureDepth)
            return;
        const value = JSON.parse(this.capture.trim());
        const path = this.path();
        this.capture = null;
        const last = (0,lookup/* definedOrThrow */.pU)(path.at(-1), 'captured value key');
        let node = this.skeleton;
        path.slice(0, -1).forEach((segment, index) => {
            node[segment] ??= typeof path[index + 1] === 'number' ? [] : {};
            node = node[segment];
        });
        node[last] = value;
    }
}

// EXTERNAL MODULE: ./build/tsc/terraform/errors.js
var errors = __webpack_require__(9963);
// EXTERNAL MODULE: ./build/tsc/terraform/json-objects.js
var json_objects = __webpack_require__(8371);
;// CONCATENATED MODULE: ./build/tsc/terraform/plan-summary.js


const SOURCE = 'terraform show -json';
/** Reads the output of `terraform show -json PLANFILE` (Terraform or OpenTofu, plan format 1.x). */
function parsePlanJson(text) {
    const { plan, formatVersion } = readPlanDocument(text);
    const counts = {
        add: 0,
        change: 0,
        destroy: 0,
        replace: 0,
        forget: 0,
        import: 0,
        read: 0,
        noop: 0,
        other: 0,
    };
    const resourceChanges = [];
    for (const entry of (0,json_objects/* arrayAt */.RD)(plan, 'resource_changes')) {
        const change = toResourceChange(entry);
        // Terraform leaves data sources out of its counts; we show their reads and skip the rest.
        if (entry.mode === 'data' && change.actions !== 'read')
            continue;
        count(counts, change);
        if (change.actions !== 'no-op' || change.isImporting)
            resourceChanges.push(change);
    }
    const outputChanges = [];
    for (const [name, entry] of Object.entries((0,json_objects/* recordAt */.zR)(plan, 'output_changes'))) {
        if (!(0,json_objects/* isRecord */.u4)(entry))
            continue;
        const rawActions = actionsOf(entry);
        const actions = classify(rawActions);
        if (actions === 'no-op')
            continue;
        const isSensitive = containsTrue(entry.before_sensitive) || containsTrue(entry.after_sensitive);
        outputChanges.push({ name, actions, rawActions, isSensitive });
    }
    const drift = (0,json_objects/* arrayAt */.RD)(plan, 'resource_drift').map(toResourceChange);
    const summary = {
        formatVersion,
        counts,
        resourceChanges,
        outputChanges,
        drift,
        hasDrift: drift.length > 0,
        hasChanges: resourceChanges.some((c) => c.actions !== 'read') || outputChanges.length > 0,
    };
    if (typeof plan.terraform_version === 'string')
        summary.terraformVersion = plan.terraform_version;
    for (const flag of ['errored', 'applyable', 'complete']) {
        if (typeof plan[flag] === 'boolean')
            summary[flag] = plan[flag];
    }
    return summary;
}
/** Terraform's own summary line, e.g. `Plan: 1 to import, 2 to add, 0 to change, 2 to destroy.` */
function planLine(counts) {
    // Terraform 1.13 prints no forget count (see the forget fixture), so neither do we.
    const imports = counts.import > 0 ? `${counts.import} to import, ` : '';
    return `Plan: ${imports}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.`;
}
function readPlanDocument(text) {
    const documents = (0,json_objects/* parseJsonObjects */.CJ)(text);
    const [plan] = documents;
    if (plan === undefined) {
        throw new errors/* TerraformOutputError */.y(SOURCE, 'one JSON plan document', `text that is not a JSON object: ${preview(text)}`);
    }
    if (documents.length > 1) {
        throw new errors/* TerraformOutputError */.y(SOURCE, 'one plan', `${documents.length} JSON documents one after another (as \`terragrunt show --all -json\` writes, one per unit); ` +
            'run `show -json` in each unit and read each plan on its own');
    }
    const version = plan.format_version;
    if (typeof version !== 'string') {
        throw new errors/* TerraformOutputError */.y(SOURCE, 'a plan with a format_version', keyList(plan));
    }
    if (!/^1\.\d+$/.test(version)) {
        throw new errors/* TerraformOutputError */.y(SOURCE, 'plan format_version 1.x', `format_version '${version}'`);
    }
    if (!('planned_values' in plan)) {
        const what = 'values' in plan ? 'a state (values, no planned_values): pass the plan file to show' : keyList(plan);
        throw new errors/* TerraformOutputError */.y(SOURCE, 'a plan with planned_values', what);
    }
    return { plan, formatVersion: version };
}
function toResourceChange(entry) {
    const change = (0,json_objects/* isRecord */.u4)(entry.change) ? entry.change : {};
    const rawActions = actionsOf(change);
    const result = {
        address: typeof entry.address === 'string' ? entry.address : '(unknown address)',
        actions: classify(rawActions),
        rawActions,
        isImporting: (0,json_objects/* isRecord */.u4)(change.importing),
    };
    if (typeof entry.action_reason === 'string')
        result.actionReason = entry.action_reason;
    if (typeof entry.deposed === 'string')
        result.deposed = entry.deposed;
    return result;
}
function classify(actions) {
    switch (actions.join(',')) {
        case 'create':
        case 'update':
        case 'delete':
        case 'forget':
        case 'read':
        case 'no-op':
            return actions[0];
        case 'delete,create':
        case 'create,delete':
            return 'replace';
        case 'create,forget':
            return 'create-then-forget';
        default:
            return 'other';
    }
}
/** Terraform's arithmetic for its `Plan:` line (views/plan in Terraform), plus our finer counts. */
function count(counts, change) {
    if (change.isImporting)
        counts.import++;
    switch (change.actions) {
        case 'create':
            counts.add++;
            break;
        case 'update':
            counts.change++;
            break;
        case 'delete':
            counts.destroy++;
            break;
        case 'replace':
            counts.add++;
            counts.destroy++;
            counts.replace++;
            break;
        case 'create-then-forget':
            counts.add++;
            counts.forget++;
            break;
        case 'forget':
            counts.forget++;
            break;
        case 'read':
            counts.read++;
            break;
        case 'no-op':
            counts.noop++;
            break;
        case 'other':
            counts.other++;
            break;
    }
}
function actionsOf(change) {
    return Array.isArray(change.actions) ? change.actions.map(String) : [];
}
/** A sensitivity mark is `true`, or an object/array mirroring the value with `true` at sensitive leaves. */
function containsTrue(mark) {
    if (mark === true)
        return true;
    if (Array.isArray(mark))
        return mark.some(containsTrue);
    return (0,json_objects/* isRecord */.u4)(mark) && Object.values(mark).some(containsTrue);
}
function keyList(record) {
    const keys = Object.keys(record);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 8).join(', ')}`;
}
function preview(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return 'empty output';
    return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed);
}

// EXTERNAL MODULE: ./build/tsc/engine/work-directory.js
var work_directory = __webpack_require__(6809);
;// CONCATENATED MODULE: ./build/tsc/engine/instance-directories.js



/** Terraform's data directory (`TF_DATA_DIR`) in an instance's directory: kept from run to run. */
const DATA_DIRECTORY = 'terraform-data';
/**
 * Where an instance's Terraform commands run and log in a run's work directory, and the sections of its
 * output: one per Terraform step it ran and per note kept.
 */
class InstanceDirectories {
    options;
    sections = new Map();
    constructor(options) {
        this.options = options;
    }
    sectionsOf(id) {
        return this.sections.get(id) ?? [];
    }
    directoryOf(id) {
        return (0,work_directory/* instanceDirectory */.F)(this.options.workDirectory, id);
    }
    dataDirectoryOf(id, reading) {
        return external_node_path_.join(reading ? this.readDirectoryOf(id) : this.directoryOf(id), DATA_DIRECTORY);
    }
    /** Where the outputs of an upstream are read, apart from that instance's own data and logs. */
    readDirectoryOf(id) {
        return external_node_path_.join(this.options.workDirectory, 'upstream-reads', (0,work_directory/* instanceDirectoryName */.a)(id));
    }
    /** Removes everything in an instance's directory but Terraform's data directory, which `init` vouches for. */
    async clearAllButData(id) {
        const directory = this.directoryOf(id);
        const entries = await (0,promises_.readdir)(directory).catch(() => []);
        await Promise.all(entries
            .filter((name) => name !== DATA_DIRECTORY)
            .map((name) => (0,promises_.rm)(external_node_path_.join(directory, name), { recursive: true, force: true })));
    }
    /**
     * Where one Terraform command for an instance runs, its output appended to that instance's log for the step.
     * Reading an upstream's outputs (`reading`) uses a directory of its own, so it never touches the data or
     * logs of that instance, which may run later in the same run.
     */
    call(instance, step, reading = false) {
        const directory = reading ? this.readDirectoryOf(instance.id) : this.directoryOf(instance.id);
        const logFile = external_node_path_.join(directory, `${step}.log`);
        if (!reading)
            this.addSection(instance.id, { title: `terraform ${step}`, logFile });
        return {
            cwd: external_node_path_.resolve(this.options.manifestDirectory, instance.path),
            dataDirectory: this.dataDirectoryOf(instance.id, reading),
            logFile,
            instanceId: instance.id,
            signal: this.options.signal,
            timeoutMs: this.options.commandTimeoutMs,
            graceMs: this.options.graceMs,
        };
    }
    /** A note in the instance's output, as a section of its own. */
    async keepNote(instance, note, fileName = 'preview-check.log', title = 'check against what was reviewed') {
        const logFile = external_node_path_.join(this.directoryOf(instance.id), fileName);
        await (0,promises_.writeFile)(logFile, `${note}\n`);
        this.addSection(instance.id, { title, logFile });
    }
    addSection(id, section) {
        const list = this.sections.get(id) ?? [];
        if (!list.some((known) => known.logFile === section.logFile))
            list.push(section);
        this.sections.set(id, list);
    }
}

// EXTERNAL MODULE: ./build/tsc/engine/init-record.js
var init_record = __webpack_require__(3100);
;// CONCATENATED MODULE: ./build/tsc/engine/instance-init.js



/**
 * The `init` of instances' data directories for one run. Instances of one layer share its directory, and a
 * first `init` may write the dependency lock file there and fill the shared plugin cache, neither of which is
 * safe to do concurrently: so the first init of each layer directory runs alone, and later inits of that
 * directory (which only read them) run in parallel.
 */
class InstanceInit {
    options;
    firstInit = new Map();
    exclusive = Promise.resolve();
    constructor(options) {
        this.options = options;
    }
    /** Initialises an instance's data directory, or (`reading`) the one its outputs are read from. */
    async init(instance, reading = false) {
        const first = this.firstInit.get(instance.path);
        if (first) {
            await first;
            return this.runInit(instance, reading);
        }
        const run = this.exclusive.then(() => this.runInit(instance, reading));
        const settled = run.then(() => undefined, () => undefined);
        this.exclusive = settled;
        this.firstInit.set(instance.path, settled);
        return run;
    }
    /**
     * Runs `init` unless the data directory was initialised, by an init that succeeded, for the same
     * fingerprint; `init` always passes `-reconfigure`, so a directory initialised for another backend is
     * switched to this one and never migrates state.
     */
    async runInit(instance, reading) {
        const { directories, terraform } = this.options;
        const backend = (reading && this.options.readBackendOf?.(instance.id)) || this.options.backendOf(instance);
        const dataDirectory = directories.dataDirectoryOf(instance.id, reading);
        const result = await (0,init_record/* initUnlessInitialised */.K)(dataDirectory, () => this.initFingerprint(instance, backend, dataDirectory), () => terraform.init(directories.call(instance, 'init', reading), backend));
        if (result && result.exitCode !== 0)
            throw this.options.failure('init', result, instance);
    }
    /**
     * What an initialised data directory depends on: the backend and its settings, the layer's dependency lock
     * file, its code and that of its local modules (module blocks, required providers, the backend block), the
     * binary and its version, and where the directory and the layer are (init records absolute paths).
     */
    async initFingerprint(instance, backend, dataDirectory) {
        const cwd = external_node_path_.resolve(this.options.manifestDirectory, instance.path);
        const lockFile = await (0,promises_.readFile)(external_node_path_.join(cwd, '.terraform.lock.hcl'), 'utf8').catch(() => null);
        const { executable, version } = this.options.terraform;
        return (0,init_record/* jsonDigest */.j)({
            backend: { type: backend.type, config: backend.config },
            lockFile,
            code: this.options.layerCode.read(instance.path).sourceDigest,
            terraform: { executable, version },
            cwd,
            dataDirectory,
        });
    }
}

// EXTERNAL MODULE: ./build/tsc/core/wording.js
var wording = __webpack_require__(7889);
;// CONCATENATED MODULE: ./build/tsc/engine/saved-plan-check.js




/** Beside a saved plan: the digest of the variables it was planned with. */
const INPUTS_DIGEST_FILE = 'inputs.sha256';
/** Beside a saved plan: the upstreams whose mock outputs it was made with, when there were any. */
const MOCKED_UPSTREAMS_FILE = 'mocked-upstreams.json';
/** Beside a saved plan: the digest of its layer's code (and local modules') when it was planned. */
const CODE_DIGEST_FILE = 'code.sha256';
/**
 * Keeps beside a plan what `apply --plan-dir` checks it by: the digest of its variables and of its layer's
 * code, and the upstreams it was planned with mock outputs of (so that such a plan's refusal can say so).
 */
async function recordPlanInputs(directory, planned) {
    await (0,promises_.writeFile)(external_node_path_.join(directory, INPUTS_DIGEST_FILE), (0,init_record/* jsonDigest */.j)(planned.variables));
    await (0,promises_.writeFile)(external_node_path_.join(directory, CODE_DIGEST_FILE), planned.codeDigest);
    const mockedFile = external_node_path_.join(directory, MOCKED_UPSTREAMS_FILE);
    if (planned.mocked.length > 0) {
        await (0,promises_.writeFile)(mockedFile, `${JSON.stringify(planned.mocked)}\n`);
    }
    else
        await (0,promises_.rm)(mockedFile, { force: true });
}
/**
 * Why the plan saved in `saved` for an instance cannot be applied as it is; undefined when it can. There is
 * none, it was made with mock outputs, its layer's code changed, or the variables it would be planned with
 * today (`currentVariables`, read last: it reads the upstreams' outputs) differ from those it was planned with.
 */
async function whyNotAsSaved(check) {
    const { planDirectory, saved, instance } = check;
    const replan = check.wording.command((0,wording/* suggest */.Z)('plan'));
    let plannedInputs;
    try {
        plannedInputs = await (0,promises_.readFile)(external_node_path_.join(saved, INPUTS_DIGEST_FILE), 'utf8');
    }
    catch {
        const reason = `no saved plan for ${instance.id} in ${planDirectory}`;
        return { reason, refusal: `${reason}; run '${replan}' first` };
    }
    const mocked = await (0,promises_.readFile)(external_node_path_.join(saved, MOCKED_UPSTREAMS_FILE), 'utf8').then((text) => JSON.parse(text), () => []);
    if (mocked.length > 0) {
        const reason = `the saved plan for ${instance.id} was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet`;
        return {
            reason,
            refusal: `refusing to apply the saved plan for ${instance.id}: it was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet; plan it again now that they are, review that plan, and apply it`,
        };
    }
    // A saved plan holds the code it was made from, and applying it would apply that code, not today's.
    const plannedCode = await (0,promises_.readFile)(external_node_path_.join(saved, CODE_DIGEST_FILE), 'utf8').catch(() => null);
    if (plannedCode !== check.codeDigest()) {
        const reason = `the saved plan for ${instance.id} is stale: the code of its layer ${instance.layer} (or of a local module it uses) changed since it was planned`;
        return { reason, refusal: `${reason}; run '${replan}' again and review it` };
    }
    const variables = await check.currentVariables();
    if ((0,init_record/* jsonDigest */.j)(variables) !== plannedInputs) {
        const reason = `the saved plan for ${instance.id} is stale: the outputs of its upstream instances changed since it was planned`;
        return { reason, refusal: `${reason}; run '${replan}' again and review it` };
    }
    return undefined;
}

// EXTERNAL MODULE: ./build/tsc/terraform/failure-kind.js
var failure_kind = __webpack_require__(1447);
// EXTERNAL MODULE: ./build/tsc/terraform/lock-info.js
var lock_info = __webpack_require__(1896);
// EXTERNAL MODULE: ./build/tsc/engine/last-lines.js
var last_lines = __webpack_require__(8860);
;// CONCATENATED MODULE: ./build/tsc/engine/step-failure.js



/** A step failed: the instance stops there and the result says why. */
class StepFailure extends Error {
    timedOut;
    constructor(message, timedOut = false) {
        super(message);
        this.timedOut = timedOut;
    }
}
/** Why a Terraform command failed: timed out, cancelled, or its exit and the tail of its output, diagnosed. */
function stepFailure(step, result, instance, context) {
    if (result.timedOut) {
        return new StepFailure(`terraform ${step} timed out after ${Math.round((context.commandTimeoutMs ?? 0) / 1000)}s and was stopped${result.killed ? ' (killed after the grace period)' : ''}\n${(0,last_lines/* lastLines */.w)(result.tail)}`, true);
    }
    if (result.cancelled && result.durationMs === 0) {
        return new StepFailure(`terraform ${step} was not started: the run was cancelled`);
    }
    if (result.cancelled) {
        return new StepFailure(`terraform ${step} was interrupted\n${(0,last_lines/* lastLines */.w)(result.tail)}`);
    }
    const how = result.exitCode === null ? `ended by ${result.endSignal ?? 'a signal'}` : `exit code ${result.exitCode}`;
    return new StepFailure(`terraform ${step} failed (${how})\n${(0,last_lines/* lastLines */.w)(result.tail)}${diagnose(instance, result.tail, context)}`);
}
/** What Strata can tell about a known kind of failure: who holds a lock, a region that looks down. */
function diagnose(instance, tail, context) {
    const lock = (0,lock_info/* parseLockError */.j0)(tail);
    if (lock) {
        const now = context.now();
        return `\n\n${(0,lock_info/* describeLock */.FD)(lock, now, { instanceId: instance.id, layerPath: instance.path, command: context.wording.command })}`;
    }
    const failure = (0,failure_kind/* classifyFailure */.X)(tail, context.wording.command);
    return failure.kind === 'other' ? '' : `\n\n${failure.hint}`;
}

// EXTERNAL MODULE: ./build/tsc/core/upstream-wait.js
var upstream_wait = __webpack_require__(9828);
// EXTERNAL MODULE: ./build/tsc/terraform/outputs.js
var terraform_outputs = __webpack_require__(2872);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(1306);
;// CONCATENATED MODULE: ./build/tsc/terraform/plan-file-outputs.js

/** The entry of a saved plan that holds the state as it was read before the plan refreshed it. */
const STORED_STATE_ENTRY = 'tfstate-prev';
/**
 * The root outputs of the state a saved plan was made from, as `terraform output -json` would have printed
 * them before the plan, or `undefined` when the file cannot be read that way.
 *
 * A saved plan is a zip archive; its `tfstate-prev` entry is the state as stored in the backend when the plan
 * began (format version 4, as `output -json` reads it), where `tfstate` is the state after refresh, whose
 * outputs are already re-evaluated against the new code. The archive's layout is not a documented interface,
 * so anything unexpected — not a zip (an encrypted plan), no such entry, another state version, an output
 * without a value — gives `undefined`, and the caller asks Terraform with `output -json` instead.
 */
function storedOutputsOfPlanFile(planFile) {
    let entry;
    try {
        entry = (0,esm/* unzipSync */.AO)(planFile, { filter: (file) => file.name === STORED_STATE_ENTRY })[STORED_STATE_ENTRY];
    }
    catch {
        return undefined;
    }
    if (entry === undefined)
        return undefined;
    let state;
    try {
        state = JSON.parse(new TextDecoder().decode(entry));
    }
    catch {
        return undefined;
    }
    if (!isObject(state) || state.version !== 4)
        return undefined;
    if (state.outputs === undefined)
        return {};
    if (!isObject(state.outputs))
        return undefined;
    const outputs = {};
    for (const [name, output] of Object.entries(state.outputs)) {
        if (!isObject(output) || !('value' in output))
            return undefined;
        outputs[name] = { sensitive: output.sensitive === true, type: output.type, value: output.value };
    }
    return outputs;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./build/tsc/engine/var-file.js

/**
 * The variables one instance receives: its context, the layer's `vars`, then one variable per dependency with
 * the upstream outputs. Only variables the layer's code declares are passed, so Terraform never warns about
 * undeclared ones. Coordinates an instance does not have (an account instance's environment) are left out,
 * so the variable's default applies.
 */
function buildVariables(options) {
    const { instance, declared } = options;
    const region = instance.region ?? options.globalRegion;
    const all = {
        account: instance.account ?? undefined,
        account_id: instance.accountId ?? undefined,
        region,
        environment: instance.environment ?? undefined,
        layer: instance.layer,
        role: options.context?.role ?? options.roleOf(region),
        failover: options.context?.failover,
        failed_region: options.context?.failedRegion,
        recovery_point: options.context?.recoveryPoint,
        ...options.vars,
    };
    for (const [variable, value] of options.upstream)
        all[variable] = value;
    const variables = {};
    for (const name of Object.keys(all).sort()) {
        if (declared.has(name) && all[name] !== undefined)
            variables[name] = all[name];
    }
    return variables;
}
/**
 * The value of each dependency variable: one upstream's outputs, or for a fan-in a map of them keyed by the
 * selected coordinates.
 */
function upstreamVariables(inputs, outputsOf) {
    const values = new Map();
    for (const input of inputs) {
        if (input.isFanIn) {
            values.set(input.variable, Object.fromEntries(input.sources.map((source) => [source.key, outputsOf(source.id)])));
        }
        else {
            // An input that is not a fan-in has its one source.
            values.set(input.variable, outputsOf((0,lookup/* itemAt */.R9)(input.sources, 0, 'input source').id));
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./build/tsc/engine/upstream-outputs.js






/** An upstream has no state yet and has no mock outputs: the instance waits for it to be applied. */
class WaitingOnUpstream extends Error {
}
/**
 * The outputs of instances as their dependents read them, each read once per run (after its plan or apply in
 * this run, from the saved plan when the run left the state as it was; else from its state), and the variables
 * of an instance built from its upstreams' outputs. Every sensitive value read is masked from then on.
 */
class UpstreamOutputs {
    options;
    outputs = new Map();
    roles;
    constructor(options) {
        this.options = options;
        this.roles = new Map(options.manifest.regions.map((region) => [region.name, region.role]));
    }
    /** Outputs produced in this run, or else read from the instance's state (init + output, no lock). */
    of(instance) {
        const known = this.outputs.get(instance.id);
        if (known)
            return known;
        const read = (async () => {
            await (0,promises_.mkdir)(this.options.directories.readDirectoryOf(instance.id), { recursive: true });
            await this.options.init.init(instance, true);
            return this.read(instance, true);
        })();
        this.outputs.set(instance.id, read);
        return read;
    }
    /**
     * Takes an instance's outputs from the plan it saved in this run, when the run left its state as it was (a
     * plan, or nothing to apply): the plan file holds the stored state it was made from, whose outputs are what
     * `output -json` would print, so no Terraform process is needed. False when the file does not hold them in
     * a form Strata reads (`plan-file-outputs.ts`): the caller reads them with `output` then.
     */
    async takeFromPlanFile(instance, planFile) {
        const bytes = await (0,promises_.readFile)(planFile).catch(() => undefined);
        const stored = bytes && storedOutputsOfPlanFile(bytes);
        if (stored === undefined)
            return false;
        this.outputs.set(instance.id, Promise.resolve(this.accept(instance, stored)));
        return true;
    }
    /** Reads an instance's outputs after its plan or apply: what its dependents see from then on. */
    async readAfterRun(instance) {
        const outputs = this.read(instance);
        this.outputs.set(instance.id, outputs);
        await outputs;
    }
    /**
     * Context, layer vars and upstream outputs, filtered to what the layer's code declares. An upstream whose
     * state has no outputs yet lends its layer's mock outputs to a plan (`mock` is told which), is left out
     * of a destroy, and otherwise makes the instance wait for it (`WaitingOnUpstream`).
     */
    async variablesFor(instance, mock) {
        const { command, graph, manifest } = this.options;
        const code = this.options.layerCode.read(instance.path);
        const upstream = new Map();
        const inputs = graph.inputsOf(instance.id);
        for (const input of inputs) {
            for (const source of input.sources) {
                const upstreamInstance = (0,lookup/* getOrThrow */.Gp)(graph.byId, source.id, 'instance');
                const outputs = await this.of(upstreamInstance);
                if (!outputs.isEmpty) {
                    upstream.set(source.id, outputs.values);
                    continue;
                }
                const layer = manifest.layers.find((candidate) => candidate.name === upstreamInstance.layer);
                if (!layer)
                    throw new Error(`Internal error: no layer '${upstreamInstance.layer}'`);
                const mocks = layer.mockOutputs;
                if (command === 'plan' && Object.keys(mocks).length > 0) {
                    upstream.set(source.id, mocks);
                    mock(source.id);
                }
                else if (command !== 'destroy') {
                    throw new WaitingOnUpstream((0,upstream_wait/* upstreamWaitReason */.F)(source.id, 'apply it first' +
                        (command === 'plan'
                            ? `, or declare mock_outputs on layer '${layer.name}' to plan before then`
                            : '')));
                }
            }
        }
        const variables = buildVariables({
            instance,
            vars: graph.varsOf(instance),
            globalRegion: manifest.backend.globalRegion,
            roleOf: (region) => this.roles.get(region),
            upstream: upstreamVariables(inputs, (id) => upstream.get(id) ?? {}),
            declared: code.variables,
            context: this.options.contextOf?.(instance),
        });
        const secrets = [...code.sensitiveVariables].flatMap((name) => leafStrings(variables[name]));
        if (secrets.length > 0)
            this.addSecrets(secrets);
        return variables;
    }
    async read(instance, reading = false) {
        const result = await this.options.terraform.output(this.options.directories.call(instance, 'output', reading));
        if (result.exitCode !== 0)
            throw this.options.failure('output', result, instance);
        return this.accept(instance, (0,terraform_outputs/* parseOutputsJson */.GW)(result.stdout));
    }
    /** Masks the sensitive values of outputs just read and tells the hook. */
    accept(instance, outputs) {
        const secrets = (0,terraform_outputs/* sensitiveValues */.DJ)(outputs);
        if (secrets.length > 0)
            this.addSecrets(secrets);
        const values = (0,terraform_outputs/* outputValues */.uN)(outputs);
        this.options.onOutputs?.(instance.id, values);
        const declared = this.options.layerCode.read(instance.path).outputs;
        return { values, isEmpty: Object.keys(values).length === 0 && declared.size > 0 };
    }
    addSecrets(values) {
        this.options.redactor.add(values);
        this.options.secrets(values);
    }
}
function leafStrings(value) {
    if (typeof value === 'string')
        return [value];
    if (typeof value === 'number' || typeof value === 'boolean')
        return [String(value)];
    if (value !== null && typeof value === 'object')
        return Object.values(value).flatMap(leafStrings);
    return [];
}

;// CONCATENATED MODULE: ./build/tsc/engine/instance-pipeline.js










/**
 * What one instance does: init, then read its upstreams' outputs, plan, show, apply and output (or apply a
 * saved plan). Each Terraform process costs the binary's and the providers' start-up, so none runs that is
 * not needed: `init` only when the data directory was not initialised for the same backend, lock file, code
 * and binary (`instance-init.ts`); `show` and `apply` only for a plan with changes; `output` only for an
 * instance whose outputs something reads (a dependent in the run, the masking of sensitive outputs, the
 * `onOutputs` hook), and only when they cannot be taken from the plan it saved (nothing applied since).
 *
 * One pipeline serves a whole run, and keeps what instances share: outputs read so far (once per instance
 * per run, `upstream-outputs.ts`), the init gate, the work directory layout (`instance-directories.ts`). It
 * reports progress as events and returns the outcome; it never throws because Terraform failed.
 */
class InstancePipeline {
    options;
    directories;
    initGate;
    outputs;
    failure;
    constructor(options) {
        this.options = options;
        const { manifestDirectory, terraform, layerCode } = options;
        this.directories = new InstanceDirectories({
            manifestDirectory,
            workDirectory: options.workDirectory,
            signal: options.signal,
            commandTimeoutMs: options.commandTimeoutMs,
            graceMs: options.graceMs,
        });
        this.failure = (step, result, instance) => stepFailure(step, result, instance, options);
        this.initGate = new InstanceInit({
            manifestDirectory,
            terraform,
            layerCode,
            directories: this.directories,
            failure: this.failure,
            backendOf: options.graph.backendOf,
            readBackendOf: options.readBackendOf,
        });
        this.outputs = new UpstreamOutputs({
            command: options.command,
            manifest: options.manifest,
            graph: options.graph,
            terraform,
            layerCode,
            directories: this.directories,
            init: this.initGate,
            failure: this.failure,
            redactor: options.redactor,
            secrets: options.secrets,
            onOutputs: options.onOutputs,
            contextOf: options.contextOf,
        });
    }
    /** An instance's outputs: read after its plan or apply in this run, else from its state. */
    async outputValuesOf(instance) {
        return (await this.outputs.of(instance)).values;
    }
    sectionsOf(id) {
        return this.directories.sectionsOf(id);
    }
    async run(instance, emit) {
        const { command } = this.options;
        const mocked = [];
        const mock = (id) => {
            if (mocked.includes(id))
                return;
            mocked.push(id);
            emit({ type: 'upstream-mocked', id });
        };
        const step = (name) => {
            emit({ type: 'step-began', step: name });
        };
        try {
            const directory = this.directories.directoryOf(instance.id);
            // A fresh start for everything but Terraform's data directory, which `init` vouches for.
            if (this.options.planDirectory === undefined)
                await this.directories.clearAllButData(instance.id);
            await (0,promises_.mkdir)(directory, { recursive: true });
            step('init');
            await this.initGate.init(instance);
            const { planDirectory } = this.options;
            if (planDirectory !== undefined) {
                await this.applySavedPlan(planDirectory, instance, emit, step, mock, mocked);
                return { status: 'succeeded' };
            }
            const plan = await this.plan(instance, emit, step, mock, mocked);
            const applies = command !== 'plan' && !this.options.planOnly && plan.meaning === 'changes';
            if (applies) {
                if (mocked.length > 0) {
                    throw new StepFailure(`refusing to apply a plan made with mock outputs of ${mocked.join(', ')}`);
                }
                step('apply');
                await this.apply(instance, plan.planFile);
            }
            await this.recordOutputs(instance, step, applies ? undefined : plan.planFile);
            return { status: 'succeeded' };
        }
        catch (error) {
            return this.outcomeOf(error);
        }
    }
    /** Reads the upstreams, writes the var file and what a saved plan is checked by, plans, and summarises the plan. */
    async plan(instance, emit, step, mock, mocked) {
        const directory = this.directories.directoryOf(instance.id);
        step('read-upstream');
        const variables = await this.outputs.variablesFor(instance, mock);
        const varFile = external_node_path_.join(directory, 'variables.tfvars.json');
        await (0,promises_.writeFile)(varFile, `${JSON.stringify(variables, null, 2)}\n`, { mode: 0o600 });
        await recordPlanInputs(directory, { variables, codeDigest: this.codeDigestOf(instance), mocked });
        const planFile = external_node_path_.join(directory, 'plan.tfplan');
        step('plan');
        const plan = await this.options.terraform.plan(this.directories.call(instance, 'plan'), {
            planFile,
            varFile,
            lockTimeout: this.options.manifest.terraform.lockTimeout,
            destroy: this.options.command === 'destroy',
            lockHeld: this.options.stateLocksHeld,
        });
        if (plan.meaning === 'error')
            throw this.failure('plan', plan, instance);
        emit({ type: 'plan-saved', planFile: external_node_path_.relative(this.options.workDirectory, planFile) });
        if (plan.meaning === 'no-changes') {
            // `-detailed-exitcode` 0: nothing to apply, so there is nothing `show -json` could add.
            emit({ type: 'planned', changes: { add: 0, change: 0, destroy: 0, replace: 0 }, resourceChanges: [] });
            return { planFile, meaning: plan.meaning, changes: [] };
        }
        step('show');
        const changes = await this.summarisePlan(instance, planFile, emit);
        await this.guardPlan(instance, changes);
        return { planFile, meaning: plan.meaning, changes };
    }
    outcomeOf(error) {
        const { redactor } = this.options;
        if (error instanceof WaitingOnUpstream)
            return { status: 'skipped', reason: error.message };
        if (!(error instanceof StepFailure)) {
            return { status: 'failed', error: redactor.redact(describeUnexpected(error)), timedOut: false };
        }
        const failure = { error: redactor.redact(error.message), timedOut: error.timedOut };
        return this.options.signal.aborted && !error.timedOut
            ? { status: 'cancelled', reason: 'the run was cancelled while it ran', ...failure }
            : { status: 'failed', ...failure };
    }
    async summarisePlan(instance, planFile, emit) {
        // Streamed: a large plan's JSON runs to tens of megabytes, of which the summary needs the changes only.
        const skeleton = new PlanSkeletonReader();
        const shown = await this.options.terraform.show(this.directories.call(instance, 'show'), planFile, (text) => {
            skeleton.write(text);
        });
        if (shown.exitCode !== 0)
            throw this.failure('show', shown, instance);
        const summary = parsePlanJson(skeleton.end());
        const { add, change, destroy, replace } = summary.counts;
        const resourceChanges = summary.resourceChanges.map((rc) => ({
            address: rc.address,
            action: rc.actions,
        }));
        emit({ type: 'planned', changes: { add, change, destroy, replace }, resourceChanges });
        return resourceChanges;
    }
    async apply(instance, planFile) {
        const applied = await this.options.terraform.apply(this.directories.call(instance, 'apply'), {
            planFile,
            lockTimeout: this.options.manifest.terraform.lockTimeout,
            lockHeld: this.options.stateLocksHeld,
        });
        if (applied.exitCode !== 0)
            throw this.failure('apply', applied, instance);
    }
    /**
     * Applies a plan saved by an earlier `plan` run. When it cannot be applied as saved (`saved-plan-check.ts`:
     * there is none, it was made with mock outputs, or the upstream outputs it was planned with have changed
     * since, so its inputs would no longer match), it is refused, so that an unreviewed plan never replaces it;
     * or, given a `freshPlanCheck`, planned afresh and applied when the check accepts the fresh plan.
     */
    async applySavedPlan(planDirectory, instance, emit, step, mock, mocked) {
        const saved = (0,work_directory/* instanceDirectory */.F)(planDirectory, instance.id);
        const planFile = external_node_path_.join(saved, 'plan.tfplan');
        const why = await whyNotAsSaved({
            planDirectory,
            saved,
            instance,
            codeDigest: () => this.codeDigestOf(instance),
            currentVariables: () => {
                step('read-upstream');
                return this.outputs.variablesFor(instance, mock);
            },
            wording: this.options.wording,
        });
        // A fresh plan without changes leaves the state as it was: the outputs can come from it.
        let planOfUnchangedState;
        if (why === undefined) {
            emit({ type: 'plan-saved', planFile });
            step('show');
            await this.guardPlan(instance, await this.summarisePlan(instance, planFile, emit));
            step('apply');
            await this.apply(instance, planFile);
        }
        else {
            const check = this.options.freshPlanCheck;
            if (check === undefined)
                throw new StepFailure(why.refusal);
            const plan = await this.plan(instance, emit, step, mock, mocked);
            const verdict = check(instance, plan.changes, why.reason);
            await this.directories.keepNote(instance, verdict.accepted ? verdict.note : verdict.reason);
            if (!verdict.accepted)
                throw new StepFailure(verdict.reason);
            if (plan.meaning === 'changes') {
                step('apply');
                await this.apply(instance, plan.planFile);
            }
            else
                planOfUnchangedState = plan.planFile;
        }
        await this.recordOutputs(instance, step, planOfUnchangedState);
    }
    codeDigestOf(instance) {
        return this.options.layerCode.read(instance.path).sourceDigest;
    }
    /** The plan guard's verdict on a plan with changes: a refusal fails the step, an allowed destroy is noted. */
    async guardPlan(instance, changes) {
        const verdict = this.options.planGuard?.(instance, changes);
        if (verdict === undefined)
            return;
        if (!verdict.accepted)
            throw new StepFailure(verdict.reason);
        if (verdict.allowed.length > 0) {
            const listed = verdict.allowed.map((change) => `${change.address} (${change.action})`).join(', ');
            await this.directories.keepNote(instance, `allowed by the allow-destroy setting: ${listed}`, 'stateful-guard.log', 'stateful layer');
        }
    }
    /**
     * Reads an instance's outputs after its plan or apply, when something reads them: an instance of the run
     * that depends on it, the masking of its sensitive outputs, or the `onOutputs` hook. After a plan the state
     * is unchanged: the outputs read then are what dependents see until the next apply, and the saved plan
     * (`planOfUnchangedState`) holds them, so they are taken from it when it can be read. A destroy reads none.
     */
    async recordOutputs(instance, step, planOfUnchangedState) {
        if (this.options.command === 'destroy')
            return;
        const isWanted = this.options.hasDependentsInRun(instance.id) ||
            this.options.onOutputs !== undefined ||
            this.options.layerCode.read(instance.path).sensitiveOutputs.size > 0;
        if (!isWanted)
            return;
        if (planOfUnchangedState && (await this.outputs.takeFromPlanFile(instance, planOfUnchangedState)))
            return;
        step('output');
        await this.outputs.readAfterRun(instance);
    }
}
function describeUnexpected(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./build/tsc/engine/instance-result-reducer.js
var instance_result_reducer = __webpack_require__(6390);
// EXTERNAL MODULE: ./build/tsc/core/dr/hooks.js
var hooks = __webpack_require__(1532);
;// CONCATENATED MODULE: ./build/tsc/engine/engine-hooks.js
function pendingHook(task, account) {
    return {
        id: task.id,
        name: task.hook.name,
        when: task.hook.when,
        instance: task.instance,
        account,
        status: 'pending',
        startedAt: null,
        finishedAt: null,
        durationMs: null,
        error: null,
        reason: null,
        logFile: null,
    };
}

;// CONCATENATED MODULE: ./build/tsc/engine/run-engine.js








/**
 * Reporters show progress: a step beginning and an outcome. What the pipeline learns along the way (mocked
 * upstreams, the plan file, the changes) reaches them with the next of those.
 */
const REPORTED = new Set(['step-began', 'finished', 'not-run']);
/**
 * Runs Terraform over the selected instances in dependency order, at most `parallelism` at once, passing each
 * instance the outputs of what it depends on. Never throws because an instance failed: the outcome of each is
 * in the returned result, and the caller decides the exit code.
 *
 * This is the scheduler: it drives the ready queue and records what happens as events, each folded into a
 * new result; what an instance does is the pipeline's.
 */
async function runEngine(options) {
    const now = options.now ?? (() => new Date());
    const startedAt = now();
    const results = new Map(options.dag.ids.map((id) => [id, (0,instance_result_reducer/* pendingResult */.n)((0,lookup/* getOrThrow */.Gp)(options.graph.byId, id, 'instance'))]));
    const header = {
        version: 1,
        command: options.command,
        manifest: options.manifest.file,
        startedAt: startedAt.toISOString(),
        terraform: { binary: options.terraform.executable, version: options.terraform.version },
        parallelism: options.parallelism,
    };
    const hookTasks = new Map((options.hooks?.tasks ?? []).map((task) => [task.id, task]));
    const hookResults = new Map([...hookTasks.values()].map((task) => [
        task.id,
        pendingHook(task, task.instance === null ? null : (options.graph.byId.get(task.instance)?.account ?? null)),
    ]));
    const snapshot = () => {
        const instances = [...results.values()];
        return {
            ...header,
            // Until the end: every result file written meanwhile (and left by a killed run) says it has not finished.
            status: 'running',
            finishedAt: null,
            durationMs: null,
            hasChanges: instances.some((instance) => (0,run_result/* hasChanges */.ik)((0,run_result/* changesOf */.fs)(instance))),
            instances,
            ...(hookResults.size > 0 ? { hooks: [...hookResults.values()] } : {}),
        };
    };
    const recordHook = (id, change) => {
        const hook = { ...(0,lookup/* getOrThrow */.Gp)(hookResults, id, 'hook'), ...change };
        hookResults.set(id, hook);
        options.reporter.hookChanged?.(hook, snapshot());
        return hook;
    };
    /** An instance or a hook that will not run: skipped below a failure, cancelled when the run stopped. */
    const notRun = (id, status, reason) => {
        if (hookResults.has(id))
            recordHook(id, { status, reason });
        else
            record(id, { type: 'not-run', status, reason });
    };
    const record = (id, event) => {
        const result = (0,instance_result_reducer/* reduceInstanceResult */.J)((0,lookup/* getOrThrow */.Gp)(results, id, 'result'), event);
        results.set(id, result);
        if (REPORTED.has(event.type))
            options.reporter.instanceChanged(result, snapshot());
        return result;
    };
    // The instances whose outputs another instance of this run reads: only theirs are read for dependents.
    const readByRun = new Set([
        ...options.dag.ids.flatMap((id) => options.graph.inputsOf(id).flatMap((input) => input.sources.map((source) => source.id))),
        ...[...hookTasks.values()].flatMap((task) => task.outputsOf),
    ]);
    const allowedDestroys = [];
    const { planGuard } = options;
    const pipeline = new InstancePipeline({
        ...options,
        planGuard: planGuard &&
            ((instance, changes) => {
                const verdict = planGuard(instance, changes);
                if (verdict.accepted && verdict.allowed.length > 0)
                    allowedDestroys.push({ id: instance.id, resources: verdict.allowed });
                return verdict;
            }),
        hasDependentsInRun: (id) => readByRun.has(id),
        now,
        secrets: (values) => {
            options.reporter.secrets(values);
        },
    });
    const cost = (id) => options.durationHints?.get(id) ?? 1;
    const dag = (0,hooks/* dagWithHooks */.j)(options.dag, [...hookTasks.values()]);
    const queue = new ReadyQueue(dag, (0,critical_path/* remainingPathLengths */.p)(dag, cost));
    const running = new Map();
    let stopReason;
    let outputs = Promise.resolve();
    const runInstance = async (id) => {
        const begin = performance.now();
        record(id, { type: 'started', at: now().toISOString() });
        const outcome = await pipeline.run((0,lookup/* getOrThrow */.Gp)(options.graph.byId, id, 'instance'), (event) => record(id, event));
        return record(id, {
            type: 'finished',
            outcome,
            at: now().toISOString(),
            durationMs: Math.round(performance.now() - begin),
        });
    };
    const runHook = async (id) => {
        const task = (0,lookup/* getOrThrow */.Gp)(hookTasks, id, 'hook');
        const begin = performance.now();
        recordHook(id, { status: 'running', startedAt: now().toISOString() });
        const outcome = await readOutputsFor(task.outputsOf).then((values) => (0,lookup/* definedOrThrow */.pU)(options.hooks, 'the hooks').run(task, values), (error) => ({
            status: 'failed',
            error: `reading the outputs it is given: ${error instanceof Error ? error.message : String(error)}`,
            logFile: null,
        }));
        return recordHook(id, {
            status: outcome.status,
            finishedAt: now().toISOString(),
            durationMs: Math.round(performance.now() - begin),
            logFile: outcome.logFile,
            ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
            ...(outcome.status === 'cancelled' ? { reason: outcome.reason } : {}),
        });
    };
    const readOutputsFor = async (ids) => {
        const values = {};
        for (const id of ids) {
            const instance = (0,lookup/* getOrThrow */.Gp)(options.graph.byId, id, 'instance');
            values[id] = await pipeline.outputValuesOf(instance);
        }
        return values;
    };
    /** After an instance or a hook ended: what waited for it runs, or is skipped, or the run stops (fail-fast). */
    const finished = (id, status, what) => {
        running.delete(id);
        for (const dropped of queue.finish(id, status === 'succeeded')) {
            // Below a cancelled instance the run was cancelled too; below a failure or a wait, work was skipped.
            if (status === 'cancelled')
                notRun(dropped, 'cancelled', 'the run was cancelled');
            else
                notRun(dropped, 'skipped', `upstream ${what} ${status}`);
        }
        if (status === 'failed' && options.failFast)
            stopReason ??= `stopped by ${options.wording.setting('fail-fast')} after ${what} failed`;
    };
    const start = (id) => {
        const work = hookTasks.has(id)
            ? runHook(id).then((hook) => {
                finished(id, hook.status, `hook ${hook.name}`);
            })
            : runInstance(id).then((result) => {
                finished(id, result.status, id);
                // One instance's output at a time, so blocks (and GitHub's log groups) never interleave; printed in
                // the background, so the instances that were waiting for this one start without waiting for it.
                outputs = outputs.then(() => options.reporter.instanceOutput(result, pipeline.sectionsOf(id)));
            });
        running.set(id, work);
    };
    const onAbort = () => (stopReason ??= 'the run was cancelled');
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted)
        onAbort();
    try {
        while (!queue.isDone) {
            if (stopReason === undefined) {
                for (const id of queue.take(options.parallelism - queue.runningCount))
                    start(id);
            }
            if (running.size === 0)
                break;
            await Promise.race(running.values());
        }
        await Promise.all(running.values());
        await outputs;
    }
    finally {
        options.signal.removeEventListener('abort', onAbort);
    }
    for (const id of queue.drain())
        notRun(id, 'cancelled', stopReason ?? 'not started');
    const finishedAt = now();
    const run = snapshot();
    return {
        ...run,
        status: runStatus([...run.instances, ...(run.hooks ?? [])].map((entry) => entry.status)),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        ...(allowedDestroys.length > 0 ? { allowedDestroys } : {}),
    };
}
/** A run failed when any instance failed or was skipped, else was cancelled when any was. */
function runStatus(statuses) {
    if (statuses.some((status) => status === 'failed' || status === 'skipped'))
        return 'failed';
    if (statuses.includes('cancelled'))
        return 'cancelled';
    return 'succeeded';
}


/***/ }),

/***/ 6809:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ instanceDirectory),
/* harmony export */   a: () => (/* binding */ instanceDirectoryName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);

/** The file-system name of an instance: `/` cannot appear in a directory name and `.` cannot appear in names. */
function instanceDirectoryName(id) {
    return id.replaceAll('/', '.');
}
/** Where an instance keeps its Terraform data, var file, plan and logs in a run's work directory. */
function instanceDirectory(workDirectory, id) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.join(workDirectory, 'instances', instanceDirectoryName(id));
}


/***/ }),

/***/ 9963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ TerraformOutputError)
/* harmony export */ });
/**
 * Terraform or OpenTofu printed something Strata cannot read: not JSON, several documents where one was
 * expected, or a format version from another major. The message says what was expected and what came.
 */
class TerraformOutputError extends Error {
    source;
    expected;
    received;
    constructor(
    /** The command whose output this is, e.g. `terraform show -json`. */
    source, expected, received) {
        super(`${source}: expected ${expected}, got ${received}`);
        this.source = source;
        this.expected = expected;
        this.received = received;
        this.name = 'TerraformOutputError';
    }
}


/***/ }),

/***/ 1447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ isTransientFailure),
/* harmony export */   X: () => (/* binding */ classifyFailure)
/* harmony export */ });
/* harmony import */ var _lock_info_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1896);
/* harmony import */ var _core_lookup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2191);
/* harmony import */ var _core_wording_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7889);



// AWS SDK (Go v1 and v2) words for a request that never got an answer, the most telling first.
const NETWORK_FAILURES = [
    /no such host/i,
    /i\/o timeout/i,
    /connection timed out/i,
    /network is unreachable/i,
    /connection refused/i,
    /connection reset by peer/i,
    /TLS handshake timeout/i,
    /Client\.Timeout exceeded/i,
    /context deadline exceeded/i,
    /RequestTimeout/,
    /ServiceUnavailable|StatusCode: 503/,
    /request send failed|send request failed/i,
];
// The endpoint the failing request went to: `lookup <host>`, `dial tcp <host>:443`, `Get "https://<host>/…"`.
const FAILED_HOST = /(?:lookup|dial tcp) ([A-Za-z0-9.-]+?)(?::\d+)?(?::|\s|$)|"https?:\/\/([A-Za-z0-9.-]+)/g;
const AWS_HOST = /\.amazonaws\.com(?:\.cn)?$/i;
const AWS_OPERATION = /operation error (?:S3|STS|DynamoDB|EC2|IAM|Route ?53|KMS|SSO|SSOOIDC)\b|RequestError: send request failed/;
const REGION = /\b((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\b/;
// The region of an endpoint is the label before amazonaws.com (`s3.eu-west-2.`, legacy `s3-eu-west-2.`), not a
// region that happens to be in a bucket's name.
const ENDPOINT_REGION = /[.-]((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\.amazonaws\.com/i;
// Credentials that are missing, expired, malformed or refused. Checked before the network patterns: when the
// SDK cannot find credentials it reports the instance-metadata timeout that ended its search.
const CREDENTIALS_STRONG = [
    /No valid credential sources/i,
    /NoCredentialProviders/,
    /Error finding AWS credentials/,
    /failed to refresh cached credentials/,
    /InvalidClientTokenId|UnrecognizedClientException|InvalidAccessKeyId|SignatureDoesNotMatch/,
    /ExpiredToken|security token included in the request is (?:expired|invalid)/,
    /InvalidIdentityToken|AssumeRoleWithWebIdentity/,
    /is not authorized to perform/,
    /AccessDenied|Access Denied|AllAccessDisabled/,
    /authorization header is malformed|AuthorizationHeaderMalformed/,
    /StatusCode: 403\b/,
];
const CREDENTIALS_WEAK = /validating provider credentials|Error: Invalid AWS credentials|retrieving caller identity/i;
const STALE_PLAN = /Saved plan is stale|Saved plan does not match the given state/;
const LOCK_SUMMARY = /Error acquiring the state lock/;
// S3 answers 301 when the backend's `region` is not the bucket's: the request reached AWS, the setting is wrong.
const WRONG_BUCKET_REGION = /StatusCode: 301\b/;
const BUCKET_REGIONS = /requested bucket from "([^"]+)", actual location "([^"]+)"/;
/**
 * Names the cause of a Terraform failure from its error output (plain or coloured) and says what to do.
 * The order matters: a held lock and a stale plan are certain from their summaries; a network failure
 * towards AWS wins over the credential check that reported it (the provider validates credentials by
 * calling STS, so a down region reads "validating provider credentials: … no such host"); a credential
 * error wins over the metadata-service timeout that ends the SDK's search for credentials.
 */
function classifyFailure(text, command) {
    const plain = (0,_lock_info_js__WEBPACK_IMPORTED_MODULE_0__/* .plainDiagnosticText */ .H)(text);
    // Terraform wraps diagnostic details at the terminal width; patterns read one flowing line.
    const flat = plain.replace(/\s+/g, ' ');
    const lock = (0,_lock_info_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockError */ .j0)(plain);
    if (lock) {
        const holder = lock.who === '' ? 'another run' : lock.who;
        const since = lock.createdText === '' ? '' : ` since ${lock.createdText}`;
        const id = lock.id === '' ? '<LOCK_ID>' : lock.id;
        return {
            kind: 'state-lock',
            hint: `The state is locked by ${holder} (${lock.operation || 'unknown operation'}${since}). Wait for that run to finish and try again. If no run is still going and the lock is stale, release it by hand with 'terraform force-unlock ${id}' in the layer's directory with its backend initialised; Strata never force-unlocks by itself.`,
        };
    }
    if (STALE_PLAN.test(flat)) {
        return {
            kind: 'stale-plan',
            hint: 'The state changed after this plan was made (another run wrote it), so Terraform refused to apply the saved plan. Plan again and review the new plan before applying it.',
        };
    }
    const credentials = firstMatch(CREDENTIALS_STRONG, flat);
    if (credentials)
        return credentialsFailure(credentials[0]);
    const network = firstMatch(NETWORK_FAILURES, flat);
    if (network) {
        const hosts = failedHosts(flat);
        const awsHost = hosts.find((host) => AWS_HOST.test(host));
        if (awsHost !== undefined || (hosts.length === 0 && AWS_OPERATION.test(flat))) {
            const region = (awsHost === undefined ? REGION.exec(flat) : ENDPOINT_REGION.exec(awsHost))?.[1];
            const where = region === undefined ? 'an AWS region' : `AWS in ${region}`;
            const endpoint = awsHost === undefined ? '' : ` (${awsHost}: ${network[0]})`;
            return {
                kind: 'region-unreachable',
                hint: `Terraform could not reach ${where}${endpoint}: the region looks unavailable. Check the AWS Health Dashboard and retry later; if the region is down, fail over with the failover workflow or '${command((0,_core_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .suggest */ .Z)('failover', { setting: 'to', value: '<region>' }))}'. If the region name itself looks wrong, fix it in the manifest.`,
            };
        }
        const [host] = hosts;
        if (host !== undefined) {
            return {
                kind: 'other',
                hint: `Terraform could not reach ${host} (${network[0]}): a network problem on the runner or that service, not an AWS region. Retry, and check the runner's network and proxy settings.`,
            };
        }
    }
    const weak = CREDENTIALS_WEAK.exec(flat);
    if (weak)
        return credentialsFailure(weak[0]);
    if (LOCK_SUMMARY.test(flat)) {
        return {
            kind: 'state-lock',
            hint: "Terraform could not take the state lock, and its output names no holder. Read the 'Error message' above: the lock table or bucket may be missing or unreadable.",
        };
    }
    if (WRONG_BUCKET_REGION.test(flat)) {
        const regions = BUCKET_REGIONS.exec(flat);
        const where = regions
            ? ` (the bucket is in ${(0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_2__/* .itemAt */ .R9)(regions, 2, 'bucket region')}; the backend asked ${(0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_2__/* .itemAt */ .R9)(regions, 1, 'backend region')})`
            : '';
        return {
            kind: 'other',
            hint: `S3 answered 301: the state bucket is in another region than the backend's region setting${where}. Set backend.config.region in the manifest to the bucket's region.`,
        };
    }
    const summary = /(?:^|\n)Error: ([^\n]+)/.exec(plain)?.[1]?.trim();
    return {
        kind: 'other',
        hint: summary === undefined
            ? "Strata does not recognise this failure; read Terraform's output above."
            : `Strata does not recognise this failure ('${summary}'); read Terraform's output above.`,
    };
}
/**
 * Whether a failure is worth one more try: a network failure towards a host that is not AWS (a provider
 * registry, a proxy, a provider's API), which the classifier reports as `other` with a host named. An AWS
 * region that does not answer is not retried: a region that is down stays down, and the hint says to fail
 * over. Locks, stale plans and credentials never heal by themselves in seconds.
 */
function isTransientFailure(text) {
    // Only the kind is read here: the hint's wording does not matter.
    if (classifyFailure(text, _core_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .NEUTRAL_WORDING */ .d.command).kind !== 'other')
        return false;
    const flat = (0,_lock_info_js__WEBPACK_IMPORTED_MODULE_0__/* .plainDiagnosticText */ .H)(text).replace(/\s+/g, ' ');
    return firstMatch(NETWORK_FAILURES, flat) !== null && failedHosts(flat).length > 0;
}
function credentialsFailure(evidence) {
    return {
        kind: 'credentials',
        hint: `AWS refused or found no credentials ('${evidence}'). Check the credentials the job runs with: the role it assumes (the account's role_to_assume in the manifest, and 'id-token: write' for OIDC), that they have not expired, and that the role may read the state bucket and lock.`,
    };
}
function firstMatch(patterns, text) {
    for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match)
            return match;
    }
    return null;
}
function failedHosts(flat) {
    const hosts = [];
    for (const match of flat.matchAll(FAILED_HOST)) {
        const host = (match[1] ?? match[2])?.replace(/\.$/, '');
        if (host !== undefined && /[A-Za-z]/.test(host) && !hosts.includes(host))
            hosts.push(host);
    }
    return hosts;
}


/***/ }),

/***/ 8371:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ parseJsonObjects),
/* harmony export */   RD: () => (/* binding */ arrayAt),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   zR: () => (/* binding */ recordAt)
/* harmony export */ });
/** Reading JSON documents out of command output that may carry other lines around them. */
/**
 * Every JSON object in `text` that starts a line, in order. The fast path is one clean document; otherwise
 * lines that are not JSON (a wrapper's log line, a warning) are skipped, and concatenated documents are all
 * returned, so that the caller can refuse them by name.
 */
function parseJsonObjects(text) {
    try {
        const whole = JSON.parse(text);
        return isRecord(whole) ? [whole] : [];
    }
    catch {
        // Not one clean document: scan for objects below.
    }
    const found = [];
    let i = 0;
    while (i < text.length) {
        const start = nextObjectStart(text, i);
        if (start < 0)
            break;
        const end = objectEnd(text, start);
        if (end < 0)
            break;
        try {
            const value = JSON.parse(text.slice(start, end));
            if (isRecord(value))
                found.push(value);
        }
        catch {
            // Balanced but broken: skip it whole, lest the objects inside it be taken for documents.
        }
        i = end;
    }
    return found;
}
/** The next `{` that has only blanks before it on its line. */
function nextObjectStart(text, from) {
    for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
        const lineStart = text.lastIndexOf('\n', i - 1) + 1;
        if (text.slice(lineStart, i).trim() === '')
            return i;
    }
    return -1;
}
/** The index after the bracket that closes the one at `start`, or -1; strings are skipped whole. */
function objectEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return -1;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The objects in `record[key]` when it is a list, else none. */
function arrayAt(record, key) {
    const value = record[key];
    return Array.isArray(value) ? value.filter(isRecord) : [];
}
/** `record[key]` when it is an object, else an empty one. */
function recordAt(record, key) {
    const value = record[key];
    return isRecord(value) ? value : {};
}


/***/ }),

/***/ 1896:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   H: () => (/* binding */ plainDiagnosticText),
/* harmony export */   j0: () => (/* binding */ parseLockError)
/* harmony export */ });
/* unused harmony exports parseGoTime, formatAge */
/* harmony import */ var _core_lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2191);
/* harmony import */ var _core_wording_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7889);


const LOCK_SUMMARY = 'Error acquiring the state lock';
const FIELD_LINE = /^\s*(ID|Path|Operation|Who|Version|Created|Info):[ \t]?(.*)$/;
// Everything ANSI colour and the box Terraform draws round a diagnostic when colour is on.
// eslint-disable-next-line no-control-regex -- ESC is exactly what is being removed
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^[│╷╵](?: |$)/;
/**
 * Terraform's text without colour codes and without the `│` frame of coloured diagnostics, lines kept, so
 * the same patterns read `-no-color` output and a terminal's. Carriage returns are dropped.
 */
function plainDiagnosticText(text) {
    return text
        .replace(ANSI, '')
        .split(/\r?\n/)
        .map((line) => line.replace(FRAME, ''))
        .join('\n');
}
/**
 * Reads the lock holder out of Terraform's "Error acquiring the state lock" output (plain or coloured, alone
 * or inside a longer log). Undefined when the text is not that error, or when the error carries no
 * `Lock Info:` block (the lock could not even be tried, e.g. the backend was unreachable).
 */
function parseLockError(text) {
    const plain = plainDiagnosticText(text);
    const start = plain.indexOf(LOCK_SUMMARY);
    if (start === -1)
        return undefined;
    const lines = plain.slice(start).split('\n');
    const header = lines.findIndex((line) => line.trim() === 'Lock Info:');
    if (header === -1)
        return undefined;
    const values = new Map();
    for (const line of lines.slice(header + 1)) {
        const match = FIELD_LINE.exec(line);
        if (!match)
            break;
        const field = match[1];
        if (values.has(field))
            break;
        values.set(field, (0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .itemAt */ .R9)(match, 2, 'lock field value').trim());
    }
    if (!values.has('ID'))
        return undefined;
    const createdText = values.get('Created') ?? '';
    return {
        id: values.get('ID') ?? '',
        path: values.get('Path') ?? '',
        operation: values.get('Operation') ?? '',
        who: values.get('Who') ?? '',
        version: values.get('Version') ?? '',
        createdText,
        createdAt: parseGoTime(createdText),
        info: values.get('Info') ?? '',
        message: errorMessageBefore(lines.slice(0, header)),
    };
}
/** The `Error message: …` paragraph above the block, joined back into one line where Terraform wrapped it. */
function errorMessageBefore(lines) {
    const first = lines.findIndex((line) => line.trimStart().startsWith('Error message:'));
    if (first === -1)
        return '';
    return lines
        .slice(first)
        .join(' ')
        .replace(/^\s*Error message:/, '')
        .replace(/\s+/g, ' ')
        .trim();
}
// Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`, maybe with a monotonic `m=+0.01` tail.
const GO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? ([+-])(\d{2})(\d{2})(?: [^\s]+)?(?: m=[+-][\d.]+)?$/;
// RFC 3339, as the lock's JSON record holds it.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The lock's creation time, from Go's `time.Time` text or RFC 3339; null for anything else. */
function parseGoTime(text) {
    const go = GO_TIME.exec(text.trim());
    const rfc = go ? null : RFC3339.exec(text.trim());
    let iso;
    if (go) {
        // Every group but the fraction takes part in a match.
        const group = (index) => (0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .itemAt */ .R9)(go, index, 'time field');
        iso = `${group(1)}T${group(2)}${millis(go[3] ?? '')}${group(4)}${group(5)}:${group(6)}`;
    }
    else if (rfc) {
        const group = (index) => (0,_core_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .itemAt */ .R9)(rfc, index, 'time field');
        iso = `${group(1)}T${group(2)}${millis(rfc[3] ?? '')}${group(4)}`;
    }
    else
        return null;
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
}
/** Go prints up to nine fraction digits; a JavaScript Date keeps three. */
function millis(fraction) {
    return fraction === '' ? '' : `.${fraction.slice(1, 4).padEnd(3, '0')}`;
}
const OPERATIONS = {
    OperationTypePlan: 'a plan',
    OperationTypeApply: 'an apply (or destroy)',
    OperationTypeRefresh: 'a refresh',
    OperationTypeInvalid: 'an unknown operation',
};
/**
 * A message for people about a lock held on one instance's state: who holds it, for what, since when and for
 * how long, and how to release it by hand if it is stale. Strata never releases a lock itself, so the message
 * says what to check first.
 */
function describeLock(info, now, context) {
    const holder = info.who === '' ? 'an unknown holder' : info.who;
    const operation = info.operation === '' ? 'an unnamed operation' : (OPERATIONS[info.operation] ?? `'${info.operation}'`);
    // The holder may be Terraform or OpenTofu: the lock says only its version.
    const version = info.version === '' ? '' : ` (version ${info.version})`;
    const lines = [
        `The state of ${context.instanceId} is locked by ${holder} for ${operation}${version}${since(info, now)}.`,
    ];
    if (info.path !== '')
        lines.push(`  State:   ${info.path}`);
    if (info.id !== '')
        lines.push(`  Lock ID: ${info.id}`);
    if (info.info !== '')
        lines.push(`  Note:    ${info.info}`);
    lines.push('If that run is still going, let it finish and run again; a longer terraform.lock_timeout in the manifest makes Strata wait for it.');
    const unlock = info.id === '' ? 'terraform force-unlock <LOCK_ID>' : `terraform force-unlock ${info.id}`;
    lines.push(`If the lock is stale (its run was killed or its runner lost), first make sure no run is still going: no workflow run or terminal working on ${context.instanceId}. Then release it by hand: in ${context.layerPath}, with ${context.instanceId}'s backend initialised (terraform init -reconfigure with its backend settings; '${context.command((0,_core_wording_js__WEBPACK_IMPORTED_MODULE_0__/* .suggest */ .Z)('graph', { setting: 'format', value: 'json' }))}' lists them), run:`, `  ${unlock}`);
    if (info.id === '')
        lines.push('  (the lock record could not be read, so its ID is unknown; the backend holds it)');
    lines.push('Strata never force-unlocks by itself: removing a lock that a live run holds lets two runs write the same state.');
    return lines.join('\n');
}
/** ` since 2024-05-02 09:14 UTC, for 2h 14m`, or the text as printed when it is not a time. */
function since(info, now) {
    if (info.createdAt === null)
        return info.createdText === '' ? '' : ` since ${info.createdText}`;
    const when = `${info.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const age = now.getTime() - info.createdAt.getTime();
    // A minute of clock skew between the holder and this machine is normal; more is worth saying.
    if (age < -60_000)
        return ` since ${when} (later than this machine's clock, so its age is unknown)`;
    return ` since ${when}, for ${formatAge(Math.max(0, age))}`;
}
/** `42s`, `14m`, `2h 14m`, `3d 4h`: the two largest units, rounded down, as people say how old something is. */
function formatAge(ms) {
    const seconds = Math.floor(ms / 1000);
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (days > 0)
        return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
    if (hours > 0)
        return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
    if (minutes > 0)
        return `${minutes}m`;
    return `${seconds}s`;
}


/***/ }),

/***/ 2872:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ sensitiveValues),
/* harmony export */   GW: () => (/* binding */ parseOutputsJson),
/* harmony export */   uN: () => (/* binding */ outputValues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9963);
/* harmony import */ var _json_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8371);


const SOURCE = 'terraform output -json';
/**
 * Reads `terraform output -json`. Wrappers can print lines around the JSON (an AWS client-side-monitoring
 * line, a warning), so the first JSON object shaped like outputs is taken and other lines are ignored.
 */
function parseOutputsJson(text) {
    const candidates = (0,_json_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObjects */ .CJ)(text);
    const outputs = candidates.find(isOutputs);
    if (outputs)
        return outputs;
    const [first] = candidates;
    const received = first === undefined
        ? `no JSON object in ${JSON.stringify(text.trim().slice(0, 80))}`
        : `${candidates.length} JSON object(s), none an output map (first problem: ${firstProblem(first) ?? 'none found'})`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TerraformOutputError */ .y(SOURCE, 'an object of {"<name>": {"sensitive": bool, "type": …, "value": …}}', received);
}
/** The values alone, as a module's caller would see them: `{name: value}`. */
function outputValues(outputs) {
    return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
}
/** Every string and number inside sensitive outputs, as strings, for the redactor to mask. */
function sensitiveValues(outputs) {
    const found = [];
    for (const output of Object.values(outputs)) {
        if (output.sensitive)
            collectLeaves(output.value, found);
    }
    return found;
}
function collectLeaves(value, into) {
    if (typeof value === 'string')
        into.push(value);
    else if (typeof value === 'number')
        into.push(String(value));
    else if (Array.isArray(value))
        for (const item of value)
            collectLeaves(item, into);
    else if (typeof value === 'object' && value !== null)
        for (const item of Object.values(value))
            collectLeaves(item, into);
}
function isOutputs(candidate) {
    return firstProblem(candidate) === undefined;
}
function firstProblem(candidate) {
    for (const [name, entry] of Object.entries(candidate)) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
            return `'${name}' is not an object`;
        if (typeof entry.sensitive !== 'boolean')
            return `'${name}' has no boolean sensitive`;
        if (!('value' in entry))
            return `'${name}' has no value`;
    }
    return undefined;
}


/***/ }),

/***/ 1277:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lY: () => (/* binding */ createRedactor)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, MASK */
/** Keeping secrets out of logs, summaries and PR comments: a text redactor for anything Strata prints. */
/**
 * Secrets shorter than this are not masked in text: masking `42` or `on` everywhere would wreck the log and
 * hide nothing worth hiding.
 */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
function createRedactor(secrets = []) {
    const known = new Set();
    let pattern; // Rebuilt lazily after `add`, so adding many values costs one build.
    const add = (values) => {
        for (const value of values) {
            for (const form of formsOf(value)) {
                if (form.length >= MIN_SECRET_LENGTH && !known.has(form)) {
                    known.add(form);
                    pattern = undefined;
                }
            }
        }
    };
    add(secrets);
    return {
        add,
        redact(text) {
            if (known.size === 0)
                return text;
            // One regular expression, longest secret first, so the text is scanned once whatever the number of secrets.
            pattern ??= new RegExp([...known]
                .sort((a, b) => b.length - a.length)
                .map(escapeRegExp)
                .join('|'), 'g');
            return text.replace(pattern, MASK);
        },
    };
}
/**
 * A secret as it can reach a log: whole, each of its lines (a multi-line key printed line by line, or with
 * other line endings), and escaped inside a JSON string.
 */
function formsOf(value) {
    return [value, ...value.split(/\r?\n/), JSON.stringify(value).slice(1, -1)];
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ })

};

//# sourceMappingURL=984.cli.js.map