#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7299:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_output_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1799);
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1646);


const output = (0,_cli_output_js__WEBPACK_IMPORTED_MODULE_0__/* .processOutput */ .X)(process.stdout, process.stderr);
// A cancelled GitHub job sends SIGINT, then SIGTERM: both stop new work and are forwarded to running Terraform
// processes once, so they can release their state locks before Strata exits.
const controller = new AbortController();
let interruptedBy;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        interruptedBy ??= signal;
        output.err(`strata: ${signal} received; waiting for running Terraform commands to stop\n`);
        controller.abort();
    });
}
process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), output, {
    cwd: process.cwd(),
    env: process.env,
    signal: controller.signal,
    interruptedBy: () => interruptedBy,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ processOutput)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);

/**
 * The process's stdout and stderr. A stream whose reader went away (`strata graph | head -1`) takes no more
 * writes instead of crashing the CLI with a stack trace; the command goes on to its end (a run never abandons
 * Terraform in the middle of an apply) and exits with its own code.
 *
 * Into a file (or /dev/null) the text goes straight to the descriptor, as the stream would write it anyway
 * (Node.js writes files synchronously): the stream first copies every string into a Buffer, which on
 * Node.js 20 cost `strata graph --format json` on 100,000 instances (57 MB) about 70 ms and the garbage.
 * Pipes and terminals keep the stream, which waits for a full pipe instead of failing with EAGAIN.
 */
function processOutput(stdout, stderr) {
    const writer = (stream) => {
        const fd = fileDescriptorOf(stream);
        if (fd !== undefined)
            return (text) => void (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, text);
        let isClosed = false;
        stream.on('error', (error) => {
            // EPIPE: the reader went away (each write already under way reports it once).
            if (error.code !== 'EPIPE')
                throw error;
            isClosed = true;
        });
        return (text) => {
            if (!isClosed)
                stream.write(text);
        };
    };
    return { out: writer(stdout), err: writer(stderr) };
}
/** The descriptor of a stream that writes to a file or a character device other than a terminal. */
function fileDescriptorOf(stream) {
    // Node.js streams for stdout and stderr have `fd`; its types leave it out.
    const { fd } = stream;
    if (stream.isTTY || typeof fd !== 'number')
        return undefined;
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        return stats.isFile() || stats.isCharacterDevice() ? fd : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var _core_render_plural_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9102);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9514);
/* harmony import */ var _terminal_wording_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(367);



const USAGE = `Usage: strata <command> [options]

Commands:
  graph      show the layer instances of a manifest in dependency order
  plan       plan every selected instance, in dependency order
  apply      plan and apply every selected instance, in dependency order
  destroy    destroy every selected instance, dependents first
  failover   bring the service up in another region while the primary is down (--dry-run: the drill)
  failback   make the recovered region primary again
  migrate    move existing Terraform roots' resources into the manifest's instances (plan, apply)
  stray      after a failover, list what still runs in a region that came back, with the commands

Run 'strata <command> --help' for the options of a command.
`;
// Each command's module is loaded when it runs: `--help` loads none, `graph` no Terraform engine, and no
// command compiles another's code at start-up (dist/cli.js bundles each in a chunk of its own).
const COMMANDS = {
    graph: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(335), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2605))).graphCommand(argv, output, process.cwd),
    plan: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1984))).terraformCommand('plan', argv, output, process),
    apply: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1984))).terraformCommand('apply', argv, output, process),
    destroy: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1984))).terraformCommand('destroy', argv, output, process),
    failover: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984), __nccwpck_require__.e(624)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9624))).failoverCommand('failover', argv, output, process),
    failback: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984), __nccwpck_require__.e(624)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9624))).failoverCommand('failback', argv, output, process),
    migrate: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984), __nccwpck_require__.e(697)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6697))).migrateCommand(argv, output, process),
    stray: async (argv, output, process) => (await Promise.all(/* import() */[__nccwpck_require__.e(96), __nccwpck_require__.e(272), __nccwpck_require__.e(335), __nccwpck_require__.e(984), __nccwpck_require__.e(87)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7087))).strayCommand(argv, output, process),
};
/** Runs one CLI invocation and returns its exit code: 0 ok, 1 a failed run, 2 bad input. */
async function runCli(argv, output, process) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        output.out(USAGE);
        return name === undefined ? _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_BAD_INPUT */ .yt : _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_OK */ .Ij;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
        output.err(`strata: unknown command '${name}'\n\n${USAGE}`);
        return _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_BAD_INPUT */ .yt;
    }
    try {
        return await command(rest, output, process);
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh) {
            output.err(`${error.message}\n${(0,_core_render_plural_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(error.problems.length, 'problem')} in the manifest.\n`);
            return _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_BAD_INPUT */ .yt;
        }
        if (isArgumentError(error)) {
            output.err(`strata ${name}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}\nRun 'strata ${name} --help' for usage.\n`);
            return _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_BAD_INPUT */ .yt;
        }
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb) {
            output.err(`strata ${name}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error, _terminal_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .terminalWording */ .f)}\n`);
            return _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_BAD_INPUT */ .yt;
        }
        // Refused, not wrong: the run could not establish that it is safe, as a failed instance would.
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RefusalError */ .XQ) {
            output.err(`strata ${name}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error, _terminal_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .terminalWording */ .f)}\n`);
            return _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_FAILED */ .hj;
        }
        throw error;
    }
}
/** node:util parseArgs rejects unknown or malformed flags with these codes. */
function isArgumentError(error) {
    const code = error?.code;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}


/***/ }),

/***/ 367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ terminalWording)
/* harmony export */ });
/** Settings as the terminal names them: flags. */
const flagName = (setting) => `--${setting}`;
/** The terminal's words: flags, and command lines to type (`strata failback --to eu-west-1 --account dev`). */
const terminalWording = {
    setting: flagName,
    command: ({ command, settings }) => [
        'strata',
        command,
        ...settings.map(({ setting, value }) => value === undefined ? flagName(setting) : `${flagName(setting)} ${value}`),
    ].join(' '),
};


/***/ }),

/***/ 9514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ EXIT_OK),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   XQ: () => (/* binding */ RefusalError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   hj: () => (/* binding */ EXIT_FAILED),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   yt: () => (/* binding */ EXIT_BAD_INPUT)
/* harmony export */ });
/* unused harmony export formatProblem */
/* harmony import */ var _wording_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7889);

/** How a run of either entry ends: the CLI's exit code, and the action's (a failed step either way). */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
/** Bad input (a manifest problem, a wrong flag or input): fixed by the user, not by running again. */
const EXIT_BAD_INPUT = 2;
/** Every problem found in a manifest, reported together so the user fixes them in one pass. */
class ManifestError extends Error {
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.name = 'ManifestError';
        this.problems = problems;
    }
}
function formatProblem(problem) {
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
/** An error whose message may name settings or suggest commands, worded by each entry for its own users. */
class WordedError extends Error {
    render;
    constructor(message) {
        const render = typeof message === 'string' ? () => message : message;
        super(render(_wording_js__WEBPACK_IMPORTED_MODULE_0__/* .NEUTRAL_WORDING */ .d.setting, _wording_js__WEBPACK_IMPORTED_MODULE_0__/* .NEUTRAL_WORDING */ .d.command));
        this.render = render;
    }
    /** The message in the words of one surface. */
    wordedFor(wording) {
        return this.render(wording.setting, wording.command);
    }
}
/**
 * Bad input that is not in a manifest: a flag, an action input, a result file. Exit code 2. A message about a
 * setting is given as a function of the setting's name, so that each entry words it for its own users.
 */
class UsageError extends WordedError {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/**
 * A run Strata refused to start because it cannot tell that the run is safe (a failover record it cannot
 * read). Not bad input: the world is not as it needs to be, as with a failed instance. Exit code 1.
 */
class RefusalError extends WordedError {
    constructor(message) {
        super(message);
        this.name = 'RefusalError';
    }
}
/** An error's message; a usage error's or a refusal's in the words of one surface, when given. */
function getErrorMessage(error, wording) {
    if (error instanceof WordedError && wording)
        return error.wordedFor(wording);
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 9102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
/** `1 line`, `3 lines`. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 7889:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ suggest),
/* harmony export */   d: () => (/* binding */ NEUTRAL_WORDING)
/* harmony export */ });
/** `command` with `settings`, the given ones in order. */
function suggest(command, ...settings) {
    return { command, settings };
}
/** Wording for no surface in particular: an error's `message`, for whoever reads it outside an entry. */
const NEUTRAL_WORDING = {
    setting: (setting) => `the '${setting}' setting`,
    command: ({ command, settings }) => [`command: ${command}`, ...settings.map(({ setting, value }) => `${setting}: ${value ?? 'true'}`)].join(', '),
};


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".cli.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7299);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 


//# sourceMappingURL=cli.js.map
