export const id = 335;
export const ids = [335];
export const modules = {

/***/ 2480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ createLayerCodeReader),
  t: () => (/* binding */ readDeclaredAddresses)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/terraform/hcl-tokens.js

const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text.charAt(i);
        const next = text.charAt(i + 1);
        if (c === '\n') {
            tokens.push({ kind: 'newline', text: c });
            i++;
        }
        else if (c === ' ' || c === '\t' || c === '\r')
            i++;
        else if (c === '#' || (c === '/' && next === '/'))
            i = lineEnd(text, i);
        else if (c === '/' && next === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? text.length : close + 2;
        }
        else if (c === '"') {
            const string = readString(text, i);
            tokens.push({ kind: 'string', text: string.value, isTemplate: string.isTemplate });
            i = string.end;
        }
        else if (c === '<' && next === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
            tokens.push({ kind: 'string', text: '', isTemplate: true });
            i = heredocEnd(text, i);
        }
        else if ('{[('.includes(c)) {
            tokens.push({ kind: 'open', text: c });
            i++;
        }
        else if ('}])'.includes(c)) {
            tokens.push({ kind: 'close', text: c });
            i++;
        }
        else if (c === '=' && next !== '=' && next !== '>') {
            tokens.push({ kind: 'equals', text: c });
            i++;
        }
        else if (/[A-Za-z_]/.test(c)) {
            const match = /[A-Za-z_][\w-]*/y;
            match.lastIndex = i;
            // c starts an identifier, so the pattern matches at i.
            const word = (0,lookup/* definedOrThrow */.pU)(match.exec(text)?.[0], 'identifier');
            tokens.push({ kind: 'ident', text: word });
            i += word.length;
        }
        else {
            // Operators (`==`, `<=`, `=>`…) and numbers: one token, so `a == b` is never read as `a = …`.
            const operator = /[=!<>]=|=>|&&|\|\|/y;
            operator.lastIndex = i;
            const length = operator.exec(text)?.[0].length ?? 1;
            tokens.push({ kind: 'other', text: text.slice(i, i + length) });
            i += length;
        }
    }
    return tokens;
}
function lineEnd(text, from) {
    const newline = text.indexOf('\n', from);
    return newline < 0 ? text.length : newline;
}
/** A quoted string from its opening quote; a template sequence is stepped over whole, strings in it included. */
function readString(text, start) {
    let value = '';
    let isTemplate = false;
    let i = start + 1;
    while (i < text.length) {
        const c = text.charAt(i);
        if (c === '"')
            return { value, isTemplate, end: i + 1 };
        if (c === '\n')
            break; // Unterminated: HCL strings are one line. Stop here rather than eat the file.
        if (c === '\\') {
            const escaped = text.charAt(i + 1);
            value += ESCAPES[escaped] ?? escaped;
            i += 2;
        }
        else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
            value += `${c}{`; // `$${` and `%%{` are literal.
            i += 3;
        }
        else if ((c === '$' || c === '%') && text[i + 1] === '{') {
            isTemplate = true;
            i = templateEnd(text, i + 2);
        }
        else {
            value += c;
            i++;
        }
    }
    return { value, isTemplate, end: i };
}
/** The index after the `}` closing a `${` or `%{` whose body starts at `from`. */
function templateEnd(text, from) {
    let depth = 1;
    let i = from;
    while (i < text.length) {
        const c = text.charAt(i);
        if (c === '"') {
            i = readString(text, i).end;
            continue;
        }
        if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i + 1;
        i++;
    }
    return i;
}
/** The index after a heredoc's closing marker line (`<<EOT` … `EOT`, the marker may be indented). */
function heredocEnd(text, start) {
    // Called where the tokenizer saw the opener.
    const opener = (0,lookup/* definedOrThrow */.pU)(/^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(start, start + 200)), 'heredoc opener');
    const [whole, marker] = opener;
    let i = start + whole.length;
    while (i < text.length) {
        const end = lineEnd(text, i);
        if (text.slice(i, end).trim() === marker)
            return end;
        i = end + 1;
    }
    return text.length;
}

;// CONCATENATED MODULE: ./build/tsc/terraform/variables.js

/** The variables a layer declares, by name, from its `.tf` (and `.tf.json`) files. */
function declaredVariables(files) {
    const variables = new Map();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [name, ...more] = block.labels;
        if (block.type !== 'variable' || name === undefined || more.length > 0)
            continue;
        const sensitive = block.attributes.get('sensitive');
        variables.set(name, { sensitive: sensitive === true || sensitive === 'true' });
    }
    return variables;
}
/** The outputs a layer declares: when its state has none of them, it has never been applied. */
function declaredOutputs(files) {
    const outputs = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [name, ...more] = block.labels;
        if (block.type === 'output' && name !== undefined && more.length === 0)
            outputs.add(name);
    }
    return outputs;
}
/**
 * The outputs a layer marks `sensitive = true`: their values are masked, so Strata reads them after every run
 * of the layer whether or not anything downstream needs them.
 */
function sensitiveOutputs(files) {
    const outputs = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [name, ...more] = block.labels;
        const sensitive = block.attributes.get('sensitive');
        if (block.type !== 'output' || name === undefined || more.length > 0)
            continue;
        if (sensitive === true || sensitive === 'true')
            outputs.add(name);
    }
    return outputs;
}
/**
 * The local `source` paths (`./x`, `../x`) of a layer's top-level `module` blocks, each once, in file order:
 * a change under one of them changes the layer. Registry and git sources are left out.
 */
function moduleSources(files) {
    const sources = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const source = block.attributes.get('source');
        if (block.type !== 'module' || typeof source !== 'string')
            continue;
        if (source.startsWith('./') || source.startsWith('../'))
            sources.add(source);
    }
    return [...sources];
}
/**
 * The top-level addresses a layer's code declares: `type.name` for each managed `resource` block and
 * `module.name` for each `module` block. A resource in state belongs to the layer that declares its first
 * address step (`module.web.aws_x.y` to the layer with `module "web"`).
 */
function declaredAddresses(files) {
    const addresses = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [first, second, ...more] = block.labels;
        if (more.length > 0 || first === undefined)
            continue;
        if (block.type === 'resource' && second !== undefined)
            addresses.add(`${first}.${second}`);
        if (block.type === 'module' && second === undefined)
            addresses.add(`module.${first}`);
    }
    return addresses;
}
function topLevelBlocks(file) {
    return file.name.endsWith('.json') ? jsonBlocks(file.text) : hclBlocks(file.text);
}
function hclBlocks(text) {
    const blocks = [];
    let depth = 0;
    let header = [];
    let line = [];
    let current;
    const endLine = () => {
        const [name, equals, value, ...more] = line;
        if (current && name?.kind === 'ident' && equals?.kind === 'equals' && value && more.length === 0) {
            const literal = literalOf(value);
            if (literal !== undefined)
                current.attributes.set(name.text, literal);
        }
        line = [];
    };
    for (const token of tokenize(text)) {
        if (depth === 0) {
            if (token.kind === 'open' && token.text === '{') {
                const [type, ...labels] = header;
                const isBlock = type?.kind === 'ident' && labels.every((t) => t.kind === 'ident' || isPlainString(t));
                current = isBlock
                    ? { type: type.text, labels: labels.map((t) => t.text), attributes: new Map() }
                    : undefined;
                if (current)
                    blocks.push(current);
                header = [];
                line = [];
            }
            else if (token.kind === 'newline')
                header = [];
            else
                header.push(token);
        }
        else if (depth === 1) {
            if (token.kind === 'newline')
                endLine();
            else if (token.kind === 'close')
                endLine();
            else
                line.push(token);
        }
        if (token.kind === 'open')
            depth++;
        else if (token.kind === 'close')
            depth = Math.max(0, depth - 1);
    }
    return blocks;
}
function literalOf(token) {
    if (isPlainString(token))
        return token.text;
    if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false'))
        return token.text === 'true';
    return undefined;
}
function isPlainString(token) {
    return token.kind === 'string' && !token.isTemplate;
}
/** Terraform's JSON syntax: `{"variable": {"name": {...}}}`, or a list of such objects under the block type. */
function jsonBlocks(text) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        return []; // Terraform itself will report the broken file.
    }
    const blocks = [];
    if (!isRecord(document))
        return blocks;
    for (const type of ['variable', 'module', 'output']) {
        const groups = document[type];
        for (const group of Array.isArray(groups) ? groups : [groups]) {
            if (!isRecord(group))
                continue;
            for (const [label, body] of Object.entries(group)) {
                const attributes = new Map();
                for (const [key, value] of Object.entries(isRecord(body) ? body : {})) {
                    // A JSON string is a template: one with `${` is not a literal.
                    if (typeof value === 'boolean' || (typeof value === 'string' && !value.includes('${'))) {
                        attributes.set(key, value);
                    }
                }
                blocks.push({ type, labels: [label], attributes });
            }
        }
    }
    return blocks;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./build/tsc/adapters/layer-code.js




function readSources(directory) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(directory);
    }
    catch {
        return [];
    }
    return names
        .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
        .sort()
        .map((name) => ({ name, text: (0,external_node_fs_.readFileSync)(external_node_path_.join(directory, name), 'utf8') }));
}
/** Reads layer code once per directory; layers share code across all their instances. */
function createLayerCodeReader(manifestDirectory) {
    const cache = new Map();
    const relative = (absolute) => external_node_path_.relative(manifestDirectory, absolute).split(external_node_path_.sep).join('/') || '.';
    return {
        read(layerPath) {
            const cached = cache.get(layerPath);
            if (cached)
                return cached;
            const layerDirectory = external_node_path_.resolve(manifestDirectory, layerPath);
            const files = readSources(layerDirectory);
            const variables = declaredVariables(files);
            const watched = new Set([relative(layerDirectory)]);
            const digest = (0,external_node_crypto_.createHash)('sha256');
            const addToDigest = (directory, sources) => {
                for (const file of sources)
                    digest.update(JSON.stringify([directory, file.name, file.text]));
            };
            addToDigest(relative(layerDirectory), files);
            const pending = moduleSources(files).map((source) => external_node_path_.resolve(layerDirectory, source));
            for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
                const name = relative(directory);
                if (watched.has(name))
                    continue;
                watched.add(name);
                const sources = readSources(directory);
                addToDigest(name, sources);
                pending.push(...moduleSources(sources).map((source) => external_node_path_.resolve(directory, source)));
            }
            const code = {
                variables: new Set(variables.keys()),
                sensitiveVariables: new Set([...variables].filter(([, variable]) => variable.sensitive).map(([name]) => name)),
                outputs: declaredOutputs(files),
                sensitiveOutputs: sensitiveOutputs(files),
                watchedPaths: [...watched].sort(),
                sourceDigest: digest.digest('hex'),
            };
            cache.set(layerPath, code);
            return code;
        },
    };
}
/**
 * The top-level addresses (`type.name`, `module.name`) the code in a directory declares, for a migration to
 * tell which layer a resource belongs to. `.tf.json` resources are not read: map those with rules.
 */
function readDeclaredAddresses(directory) {
    return declaredAddresses(readSources(directory));
}


/***/ }),

/***/ 5388:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ loadManifest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/graph/expand-manifest.js + 8 modules
var expand_manifest = __webpack_require__(8056);
// EXTERNAL MODULE: ./build/tsc/core/manifest/schema.js
var schema = __webpack_require__(4720);
// EXTERNAL MODULE: ./build/tsc/core/manifest/primary-region.js
var primary_region = __webpack_require__(7290);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/ephemeral-environment.js




/**
 * The manifest with a per-pull-request environment (such as `pr-123`) added to every account marked
 * `ephemeral: true`, in the primary region (or the account's first region when it lacks the primary): a
 * preview environment needs no disaster-recovery copy. The name often comes from event data, so it is checked
 * by the same rule as every other name.
 */
function withEphemeralEnvironment(manifest, name) {
    if (!new RegExp(schema/* NAME_PATTERN */.Vh).test(name)) {
        throw new errors/* UsageError */.eb(`Ephemeral environment name '${name}' is not allowed: use ${schema/* NAME_RULE */.$h}`);
    }
    const hosts = manifest.accounts.filter((account) => account.ephemeral);
    if (hosts.length === 0) {
        throw new errors/* UsageError */.eb(`No account may host ephemeral environment '${name}': mark one with 'ephemeral: true' in ${manifest.file}`);
    }
    const primary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
    return {
        ...manifest,
        accounts: manifest.accounts.map((account) => {
            if (!account.ephemeral)
                return account;
            if (account.environments.some((environment) => environment.name === name)) {
                throw new errors/* UsageError */.eb(`Ephemeral environment '${name}' clashes with environment '${name}' that account '${account.name}' declares`);
            }
            // The schema gives every account at least one region.
            const region = account.regions.includes(primary) ? primary : (0,lookup/* itemAt */.R9)(account.regions, 0, 'region');
            // One region only: a preview environment has no DR target, whatever the strategy.
            return {
                ...account,
                environments: [
                    ...account.environments,
                    { name, regions: [region], strategy: 'backup_restore' },
                ],
            };
        }),
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/duration.js

/** Go's units (time.ParseDuration, which Terraform uses for `-lock-timeout`), in nanoseconds. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3, // U+00B5 micro sign
    μs: 1e3, // U+03BC Greek mu
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
// One element: a decimal number (`1`, `1.5`, `.5`, `1.`) and a unit; longer units first so `ms` is not `m`.
const ELEMENT = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|h|m|s)/y;
/**
 * Milliseconds in a Go duration: `500ms`, `30s`, `5m`, `1h30m`, `1.5h`, or a bare `0`. A leading `+` is
 * accepted as Go does; a negative duration is refused, as no timeout or interval can use one. The result
 * can have a fraction below one millisecond (`1500us` is 1.5).
 * `what` names the input in the error, e.g. `Input 'lock-timeout'`.
 */
function parseDuration(text, what = 'A duration') {
    const fail = (why) => new errors/* UsageError */.eb(`${what} must be ${why} such as '30s', '5m' or '1h30m' (units ns, us, ms, s, m, h), got '${text}'`);
    const source = text.trim();
    if (source === '0')
        return 0;
    if (source.startsWith('-'))
        throw fail('a duration of zero or more');
    const body = source.startsWith('+') ? source.slice(1) : source;
    if (body === '')
        throw fail('a duration');
    let nanoseconds = 0;
    ELEMENT.lastIndex = 0;
    while (ELEMENT.lastIndex < body.length) {
        const match = ELEMENT.exec(body);
        if (!match)
            throw fail('a duration');
        const [, amount, unit] = match;
        // The pattern matches only known units: a unit not in UNIT_NS is a bug in the two.
        const perUnit = unit === undefined ? undefined : UNIT_NS[unit];
        if (perUnit === undefined)
            throw new Error(`Internal error: duration unit '${String(unit)}' not known`);
        nanoseconds += Number(amount) * perUnit;
    }
    // Rounded to whole nanoseconds, as Go keeps them, which also drops float noise (1.1s is 1100, not 1100.0000002).
    return Math.round(nanoseconds) / 1e6;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/layer-path.js
/**
 * A layer path (or a hook's executable) must be relative and stay inside the manifest's directory: it becomes a working directory
 * for Terraform, and a manifest from a pull request must not point Strata at files elsewhere on the runner.
 */
function checkLayerPath(path, pathExists, what = 'layer code') {
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) {
        return `path '${path}' must be relative to the manifest's directory, with '/' separators`;
    }
    let depth = 0;
    for (const part of path.split('/')) {
        if (part === '..')
            depth--;
        else if (part !== '' && part !== '.')
            depth++;
        if (depth < 0) {
            return `path '${path}' leaves the manifest's directory; ${what} must live inside it`;
        }
    }
    if (depth === 0)
        return `path '${path}' is the manifest's directory itself; point it at the layer's code directory`;
    if (pathExists && !pathExists(path)) {
        return `path '${path}' does not exist (paths are relative to the manifest's directory)`;
    }
    return undefined;
}
/** A layer path as instances carry it: `.` and empty parts dropped, `..` applied, `.` for the directory itself. */
function normaliseLayerPath(path) {
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join('/') || '.';
}

// EXTERNAL MODULE: ./build/tsc/core/manifest/closest-name.js
var closest_name = __webpack_require__(5850);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/build-hooks.js



/**
 * Hooks: unique names, `layer` exactly with `after_layer` and naming a region or environment layer (the ones
 * a failover applies in the target region), the executable inside the manifest's directory.
 */
function buildHooks(raw, layers, locate, report) {
    const seen = new Set();
    const layerNames = new Set(layers.map((layer) => layer.name));
    return (raw.hooks ?? []).map((hook, index) => {
        const at = (...rest) => ['hooks', index, ...rest];
        if (seen.has(hook.name))
            report(locate(at('name')), `hook '${hook.name}' is declared twice; hook names must be unique`);
        seen.add(hook.name);
        if (hook.when === 'after_layer') {
            const layer = layers.find((candidate) => candidate.name === hook.layer);
            if (hook.layer === undefined) {
                report(locate(at('when')), `hook '${hook.name}': when: after_layer needs 'layer: <name>'`);
            }
            else if (!layer) {
                report(locate(at('layer')), `hook '${hook.name}': unknown layer '${hook.layer}'${(0,closest_name/* suggest */.Z)(hook.layer, layerNames)}`);
            }
            else if (layer.scope === 'global' || layer.scope === 'account') {
                report(locate(at('layer')), `hook '${hook.name}': layer '${layer.name}' is ${layer.scope}-scoped, and a failover runs only region and environment layers in the target region; follow one of those`);
            }
        }
        else if (hook.layer !== undefined) {
            report(locate(at('layer')), `hook '${hook.name}': 'layer' only goes with when: after_layer`);
        }
        const pathProblem = checkLayerPath(hook.run, undefined, "a hook's executable");
        if (pathProblem)
            report(locate(at('run')), `hook '${hook.name}': ${pathProblem}`);
        return {
            name: hook.name,
            when: hook.when,
            layer: hook.layer ?? null,
            run: normaliseLayerPath(hook.run),
            args: [...(hook.args ?? [])],
            timeoutMs: parseDuration(hook.timeout),
            drillSafe: hook.drill_safe ?? false,
            at: at(),
        };
    });
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/build-layers.js


/** Names every instance receives as variables; a dependency or a layer var may not take them. */
const CONTEXT_VARIABLES = [
    'account',
    'account_id',
    'region',
    'environment',
    'layer',
    'role',
    'failover',
    'failed_region',
    'recovery_point',
];
/**
 * Layers: unique names, code inside the manifest's directory, dependencies on declared layers with selectors
 * that name declared accounts, regions and environments, and variable names that do not collide.
 */
function buildLayers(raw, accounts, regionNames, locate, report, pathExists) {
    const firstIndex = new Map();
    raw.layers.forEach((layer, index) => {
        const first = firstIndex.get(layer.name);
        if (first === undefined)
            firstIndex.set(layer.name, index);
        else {
            report(locate(['layers', index, 'name']), `layer '${layer.name}' is declared twice (first at line ${locate(['layers', first, 'name']).line}); layer names must be unique`);
        }
    });
    const layerNames = new Set(firstIndex.keys());
    const accountNames = new Set(accounts.map((account) => account.name));
    const environmentNames = new Set(accounts.flatMap((account) => account.environments.map((e) => e.name)));
    return raw.layers.map((layer, index) => {
        const at = (...rest) => ['layers', index, ...rest];
        const pathProblem = checkLayerPath(layer.path, pathExists);
        if (pathProblem)
            report(locate(at('path')), `layer '${layer.name}': ${pathProblem}`);
        const dependsOn = (layer.depends_on ?? []).map((entry, position) => {
            const spec = typeof entry === 'string' ? { layer: entry } : entry;
            const path = at('depends_on', position);
            if (!layerNames.has(spec.layer)) {
                report(locate(typeof entry === 'string' ? path : [...path, 'layer']), `layer '${layer.name}' depends on unknown layer '${spec.layer}'${(0,closest_name/* suggest */.Z)(spec.layer, layerNames)}`);
            }
            else if (spec.layer === layer.name && typeof entry === 'string') {
                report(locate(path), `layer '${layer.name}' depends on itself`);
            }
            const checkSelector = (key, allowed, declared) => {
                const value = spec[key];
                if (value !== undefined && !allowed.includes(value) && !declared.has(value)) {
                    report(locate([...path, key]), `depends_on ${key} '${value}' is neither ${allowed.map((word) => `'${word}'`).join(', ')} nor a declared ${key}${(0,closest_name/* suggest */.Z)(value, declared)}`);
                }
            };
            checkSelector('account', ['same', 'all'], accountNames);
            checkSelector('region', ['same', 'all', 'primary'], regionNames);
            checkSelector('environment', ['same', 'all'], environmentNames);
            return {
                layer: spec.layer,
                account: spec.account ?? 'same',
                region: spec.region ?? 'same',
                environment: spec.environment ?? 'same',
                variable: spec.as ?? spec.layer,
                at: path,
            };
        });
        checkVariableNames(layer.name, dependsOn, layer.vars ?? {}, at, locate, report);
        return {
            name: layer.name,
            scope: layer.scope,
            path: normaliseLayerPath(layer.path),
            dependsOn,
            vars: layer.vars ?? {},
            mockOutputs: layer.mock_outputs ?? {},
            standby: layer.standby ?? layer.scope !== 'environment',
            failover: layer.failover ?? (layer.scope === 'region' || layer.scope === 'environment' ? 'apply' : 'skip'),
            ...(layer.stateful === true ? { stateful: true } : {}),
            index,
        };
    });
}
/** Each dependency arrives as one variable; it may not shadow the context, a layer var or another dependency. */
function checkVariableNames(layer, dependsOn, vars, at, locate, report) {
    const context = new Set(CONTEXT_VARIABLES);
    for (const key of Object.keys(vars)) {
        if (context.has(key)) {
            report(locate(at('vars', key)), `layer '${layer}': var '${key}' is set by Strata for every instance (${CONTEXT_VARIABLES.join(', ')}); rename it`);
        }
    }
    const taken = new Map();
    dependsOn.forEach((dependency, position) => {
        const name = dependency.variable;
        const clash = context.has(name)
            ? 'a context variable Strata sets'
            : name in vars
                ? `a var of layer '${layer}'`
                : taken.has(name)
                    ? `the variable of depends_on[${String(taken.get(name))}]`
                    : undefined;
        if (clash) {
            report(locate(dependency.at), `layer '${layer}': the outputs of '${dependency.layer}' would arrive in variable '${name}', which is already ${clash}; give this dependency another name with 'as: <variable>'`);
        }
        taken.set(name, position);
    });
}

// EXTERNAL MODULE: ./build/tsc/core/manifest/located-yaml.js
var located_yaml = __webpack_require__(7969);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(6214);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/manifest-validator.js
// Generated by scripts/build.mjs from core/manifest/schema.js.

"use strict";const validate = validate0;/* harmony default export */ const manifest_validator = ((/* unused pure expression or super */ null && (validate0)));const schema0 = {"$schema":"http://json-schema.org/draft-07/schema#","title":"Strata layers manifest","description":"Layers, their scopes and dependencies, accounts, regions, environments and the region-keyed state backend.","type":"object","additionalProperties":false,"required":["version","backend","regions","accounts","layers"],"properties":{"version":{"const":1,"description":"Manifest format version."},"terraform":{"type":"object","additionalProperties":false,"properties":{"binary":{"type":"string","minLength":1,"description":"\"terraform\" (default) or \"tofu\", or a path."},"lock_timeout":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$","description":"How long Terraform waits for a state lock. Default \"5m\"."},"parallelism":{"type":"integer","minimum":1,"maximum":256,"description":"Instances run at once. Default 4."},"command_timeout":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$","description":"Longest one Terraform command may run before it is interrupted (then killed after a grace period). Default: no limit."}}},"dr":{"type":"object","additionalProperties":false,"properties":{"strategy":{"enum":["backup_restore","pilot_light","warm_standby"],"description":"Default DR strategy of every environment. Default backup_restore."},"rpo":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$","description":"Recovery point objective: the most data (as time) a failover may lose. A drill fails when a layer's published strata_recovery_point output is older. Default: not checked."}}},"backend":{"type":"object","additionalProperties":false,"required":["type","config","global_region"],"properties":{"type":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","description":"Any Terraform backend type."},"config":{"type":"object","additionalProperties":{"type":["string","number","boolean"]},"description":"Partial backend configuration, rendered per instance. Tokens: {id} {layer} {scope} {account} {account_id} {region} {environment} {role}."},"region_config":{"type":"object","propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"additionalProperties":{"type":"object","additionalProperties":{"type":["string","number","boolean"]}},"description":"Per region, keys that replace or add to config for the state stored in that region (an endpoint, a regional KMS key). Rendered with the same tokens."},"global_region":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"Region that keeps the state of global- and account-scoped layers."},"replicas":{"type":"object","propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"additionalProperties":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"description":"State stored in the key region is replicated to the value region."}}},"regions":{"type":"object","minProperties":1,"propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","not":{"enum":["same","all","primary"]}},"additionalProperties":{"type":"object","additionalProperties":false,"required":["role"],"properties":{"role":{"enum":["primary","secondary"]},"failed":{"type":"boolean","description":"The region failed and the estate was failed over from it (strata failover --write-manifest writes this; a failback removes it): normal runs leave out its instances, and what depends on them, and say so."}}}},"accounts":{"type":"object","minProperties":1,"propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","not":{"enum":["same","all","primary"]}},"additionalProperties":{"type":"object","additionalProperties":false,"required":["id","regions","environments"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._:-]*$","description":"Cloud account id (quote it)."},"regions":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"uniqueItems":true,"minItems":1},"environments":{"type":["array","object"],"items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","not":{"enum":["same","all","primary"]}},"uniqueItems":true,"propertyNames":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","not":{"enum":["same","all","primary"]}},"additionalProperties":{"type":"object","additionalProperties":false,"properties":{"regions":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"uniqueItems":true,"minItems":1,"description":"Regions this environment may run in, its DR target included; default: all regions of its account."},"strategy":{"enum":["backup_restore","pilot_light","warm_standby"],"description":"backup_restore: secondary regions hold only the layers marked standby; pilot_light and warm_standby: environment layers also run there, with role \"standby\"."},"github_environment":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$","description":"GitHub Environment the environment's instances are applied in (its reviewers approve them); default: <account>-<environment>."},"primary_region":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"The environment's primary region, one of its regions; default: its account's primary_region, else the region with role primary. A failover or failback of this environment alone (--environment, --write-manifest) writes it."}}}},"ephemeral":{"type":"boolean","description":"This account may host per-pull-request environments (pr-123)."},"role_to_assume":{"type":"string","minLength":1,"description":"Role CI jobs assume for this account (OIDC), passed to the job matrix."},"github_environment":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$","description":"GitHub Environment the account's account and region layers are applied in; default: the account's name."},"primary_region":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"The account's primary region, one of its regions; default: the region with role primary. A failover or failback of this account alone (--account, --write-manifest) writes it."}}}},"layers":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["name","scope","path"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"scope":{"enum":["global","account","region","environment"]},"path":{"type":"string","minLength":1,"description":"Directory of the layer code, relative to the manifest."},"depends_on":{"type":"array","items":{"type":["string","object"],"pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"A layer name (its instance in the same cell), or a selector: {layer, account, region, environment, as}.","additionalProperties":false,"required":["layer"],"properties":{"layer":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"account":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"\"same\" (default), \"all\", or an account name."},"region":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"\"same\" (default), \"all\", \"primary\", or a region name."},"environment":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"\"same\" (default), \"all\", or an environment name."},"as":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_-]*$","description":"Name of the variable that receives these outputs; default: the layer name."}}}},"vars":{"type":"object","description":"Variables for every instance; string values may use tokens."},"mock_outputs":{"type":"object","description":"Outputs assumed when planning a dependent before this layer was ever applied. Never used for apply."},"standby":{"type":"boolean","description":"Whether the layer runs in secondary regions in steady state under backup_restore. Default: true for region layers, false for environment layers."},"failover":{"enum":["apply","skip"],"description":"What a failover does with the layer: apply it in the target region, or skip it (it keeps running; its outputs are still read). Default: apply for region and environment layers, skip for global and account layers."},"stateful":{"type":"boolean","description":"The layer holds data (a database, a bucket, a queue): a plan that destroys or replaces one of its resources is refused, in any run, unless the instance is named in --allow-destroy (input allow-destroy). Default false."}}}},"hooks":{"type":"array","description":"DR steps beyond Terraform (promote a replica, switch traffic, a smoke test), run by failover and failback and timed in the recovery.","items":{"type":"object","additionalProperties":false,"required":["name","when","run","timeout"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},"when":{"enum":["before_failover","after_layer","after_failover","after_failback"],"description":"before_failover: before any instance; after_layer: after each instance of `layer` in the target region, before what depends on it; after_failover, after_failback: after every instance succeeded."},"layer":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$","description":"With when: after_layer, the layer whose instances it follows."},"run":{"type":"string","minLength":1,"description":"The executable, relative to the manifest (inside the repository). Run directly, never through a shell."},"args":{"type":"array","items":{"type":"string"},"description":"Its arguments, each passed as it is. Default none."},"timeout":{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$","description":"Longest it may run before it is stopped (and fails)."},"drill_safe":{"type":"boolean","description":"Run it in a drill (failover --dry-run) too: only for steps that change nothing (a read-only check). Default false."}}}}}};const func0 = ucs2length["default"];const func2 = Object.prototype.hasOwnProperty;const pattern0 = new RegExp("^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$", "u");const pattern3 = new RegExp("^[a-z][a-z0-9_]*$", "u");const pattern4 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", "u");const pattern10 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:-]*$", "u");const pattern15 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$", "u");const pattern25 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]*$", "u");function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs0 = errors;if(data && typeof data == "object" && !Array.isArray(data)){if(data.version === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema0.required,parentSchema:schema0,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.backend === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "backend"},message:"must have required property '"+"backend"+"'",schema:schema0.required,parentSchema:schema0,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.regions === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "regions"},message:"must have required property '"+"regions"+"'",schema:schema0.required,parentSchema:schema0,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.accounts === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "accounts"},message:"must have required property '"+"accounts"+"'",schema:schema0.required,parentSchema:schema0,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.layers === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "layers"},message:"must have required property '"+"layers"+"'",schema:schema0.required,parentSchema:schema0,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}const _errs1 = errors;for(const key0 in data){if(!((((((((key0 === "version") || (key0 === "terraform")) || (key0 === "dr")) || (key0 === "backend")) || (key0 === "regions")) || (key0 === "accounts")) || (key0 === "layers")) || (key0 === "hooks"))){const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema0,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.version !== undefined){let data0 = data.version;const _errs2 = errors;if(1 !== data0){const err6 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema0.properties.version,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}var valid0 = _errs2 === errors;}if(data.terraform !== undefined){let data1 = data.terraform;const _errs3 = errors;const _errs4 = errors;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){const _errs5 = errors;for(const key1 in data1){if(!((((key1 === "binary") || (key1 === "lock_timeout")) || (key1 === "parallelism")) || (key1 === "command_timeout"))){const err7 = {instancePath:instancePath+"/terraform",schemaPath:"#/properties/terraform/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.terraform,data:data1};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data1.binary !== undefined){let data2 = data1.binary;const _errs6 = errors;const _errs7 = errors;if(typeof data2 === "string"){if(func0(data2) < 1){const err8 = {instancePath:instancePath+"/terraform/binary",schemaPath:"#/properties/terraform/properties/binary/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema0.properties.terraform.properties.binary,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/terraform/binary",schemaPath:"#/properties/terraform/properties/binary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.terraform.properties.binary.type,parentSchema:schema0.properties.terraform.properties.binary,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}var valid1 = _errs6 === errors;}if(data1.lock_timeout !== undefined){let data3 = data1.lock_timeout;const _errs8 = errors;const _errs9 = errors;if(typeof data3 === "string"){if(!pattern0.test(data3)){const err10 = {instancePath:instancePath+"/terraform/lock_timeout",schemaPath:"#/properties/terraform/properties/lock_timeout/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$",parentSchema:schema0.properties.terraform.properties.lock_timeout,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/terraform/lock_timeout",schemaPath:"#/properties/terraform/properties/lock_timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.terraform.properties.lock_timeout.type,parentSchema:schema0.properties.terraform.properties.lock_timeout,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}var valid1 = _errs8 === errors;}if(data1.parallelism !== undefined){let data4 = data1.parallelism;const _errs10 = errors;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err12 = {instancePath:instancePath+"/terraform/parallelism",schemaPath:"#/properties/terraform/properties/parallelism/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema0.properties.terraform.properties.parallelism.type,parentSchema:schema0.properties.terraform.properties.parallelism,data:data4};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}const _errs11 = errors;if((typeof data4 == "number") && (isFinite(data4))){if(data4 > 256 || isNaN(data4)){const err13 = {instancePath:instancePath+"/terraform/parallelism",schemaPath:"#/properties/terraform/properties/parallelism/maximum",keyword:"maximum",params:{comparison: "<=", limit: 256},message:"must be <= 256",schema:256,parentSchema:schema0.properties.terraform.properties.parallelism,data:data4};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(data4 < 1 || isNaN(data4)){const err14 = {instancePath:instancePath+"/terraform/parallelism",schemaPath:"#/properties/terraform/properties/parallelism/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema0.properties.terraform.properties.parallelism,data:data4};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}var valid1 = _errs10 === errors;}if(data1.command_timeout !== undefined){let data5 = data1.command_timeout;const _errs12 = errors;const _errs13 = errors;if(typeof data5 === "string"){if(!pattern0.test(data5)){const err15 = {instancePath:instancePath+"/terraform/command_timeout",schemaPath:"#/properties/terraform/properties/command_timeout/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$",parentSchema:schema0.properties.terraform.properties.command_timeout,data:data5};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}else {const err16 = {instancePath:instancePath+"/terraform/command_timeout",schemaPath:"#/properties/terraform/properties/command_timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.terraform.properties.command_timeout.type,parentSchema:schema0.properties.terraform.properties.command_timeout,data:data5};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}var valid1 = _errs12 === errors;}}else {const err17 = {instancePath:instancePath+"/terraform",schemaPath:"#/properties/terraform/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.terraform.type,parentSchema:schema0.properties.terraform,data:data1};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}var valid0 = _errs3 === errors;}if(data.dr !== undefined){let data6 = data.dr;const _errs14 = errors;const _errs15 = errors;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){const _errs16 = errors;for(const key2 in data6){if(!((key2 === "strategy") || (key2 === "rpo"))){const err18 = {instancePath:instancePath+"/dr",schemaPath:"#/properties/dr/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.dr,data:data6};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data6.strategy !== undefined){let data7 = data6.strategy;const _errs17 = errors;const vSchema0 = schema0.properties.dr.properties.strategy.enum;if(!(((data7 === "backup_restore") || (data7 === "pilot_light")) || (data7 === "warm_standby"))){const err19 = {instancePath:instancePath+"/dr/strategy",schemaPath:"#/properties/dr/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema0.properties.dr.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.dr.properties.strategy.enum,parentSchema:schema0.properties.dr.properties.strategy,data:data7};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}var valid2 = _errs17 === errors;}if(data6.rpo !== undefined){let data8 = data6.rpo;const _errs18 = errors;const _errs19 = errors;if(typeof data8 === "string"){if(!pattern0.test(data8)){const err20 = {instancePath:instancePath+"/dr/rpo",schemaPath:"#/properties/dr/properties/rpo/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$",parentSchema:schema0.properties.dr.properties.rpo,data:data8};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}else {const err21 = {instancePath:instancePath+"/dr/rpo",schemaPath:"#/properties/dr/properties/rpo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.dr.properties.rpo.type,parentSchema:schema0.properties.dr.properties.rpo,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}var valid2 = _errs18 === errors;}}else {const err22 = {instancePath:instancePath+"/dr",schemaPath:"#/properties/dr/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.dr.type,parentSchema:schema0.properties.dr,data:data6};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}var valid0 = _errs14 === errors;}if(data.backend !== undefined){let data9 = data.backend;const _errs20 = errors;const _errs21 = errors;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.type === undefined){const err23 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema0.properties.backend.required,parentSchema:schema0.properties.backend,data:data9};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(data9.config === undefined){const err24 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/required",keyword:"required",params:{missingProperty: "config"},message:"must have required property '"+"config"+"'",schema:schema0.properties.backend.required,parentSchema:schema0.properties.backend,data:data9};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if(data9.global_region === undefined){const err25 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/required",keyword:"required",params:{missingProperty: "global_region"},message:"must have required property '"+"global_region"+"'",schema:schema0.properties.backend.required,parentSchema:schema0.properties.backend,data:data9};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}const _errs22 = errors;for(const key3 in data9){if(!(((((key3 === "type") || (key3 === "config")) || (key3 === "region_config")) || (key3 === "global_region")) || (key3 === "replicas"))){const err26 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.backend,data:data9};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data9.type !== undefined){let data10 = data9.type;const _errs23 = errors;const _errs24 = errors;if(typeof data10 === "string"){if(!pattern3.test(data10)){const err27 = {instancePath:instancePath+"/backend/type",schemaPath:"#/properties/backend/properties/type/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema0.properties.backend.properties.type,data:data10};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/backend/type",schemaPath:"#/properties/backend/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.backend.properties.type.type,parentSchema:schema0.properties.backend.properties.type,data:data10};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}var valid3 = _errs23 === errors;}if(data9.config !== undefined){let data11 = data9.config;const _errs25 = errors;const _errs26 = errors;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){const _errs27 = errors;for(const key4 in data11){let data12 = data11[key4];const _errs28 = errors;if(((typeof data12 !== "string") && (!((typeof data12 == "number") && (isFinite(data12))))) && (typeof data12 !== "boolean")){const err29 = {instancePath:instancePath+"/backend/config/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/backend/properties/config/additionalProperties/type",keyword:"type",params:{type: schema0.properties.backend.properties.config.additionalProperties.type},message:"must be string,number,boolean",schema:schema0.properties.backend.properties.config.additionalProperties.type,parentSchema:schema0.properties.backend.properties.config.additionalProperties,data:data12};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}const _errs29 = errors;var valid4 = _errs28 === errors;}}else {const err30 = {instancePath:instancePath+"/backend/config",schemaPath:"#/properties/backend/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.backend.properties.config.type,parentSchema:schema0.properties.backend.properties.config,data:data11};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}var valid3 = _errs25 === errors;}if(data9.region_config !== undefined){let data13 = data9.region_config;const _errs30 = errors;const _errs31 = errors;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){for(const key5 in data13){const _errs32 = errors;const _errs33 = errors;if(typeof key5 === "string"){if(!pattern4.test(key5)){const err31 = {instancePath:instancePath+"/backend/region_config",schemaPath:"#/properties/backend/properties/region_config/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.backend.properties.region_config.propertyNames,data:key5,propertyName:key5};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}else {const err32 = {instancePath:instancePath+"/backend/region_config",schemaPath:"#/properties/backend/properties/region_config/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.backend.properties.region_config.propertyNames.type,parentSchema:schema0.properties.backend.properties.region_config.propertyNames,data:key5,propertyName:key5};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}var valid5 = _errs32 === errors;if(!valid5){const err33 = {instancePath:instancePath+"/backend/region_config",schemaPath:"#/properties/backend/properties/region_config/propertyNames",keyword:"propertyNames",params:{propertyName: key5},message:"property name must be valid",schema:schema0.properties.backend.properties.region_config.propertyNames,parentSchema:schema0.properties.backend.properties.region_config,data:data13};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}const _errs34 = errors;for(const key6 in data13){let data14 = data13[key6];const _errs35 = errors;const _errs36 = errors;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){const _errs37 = errors;for(const key7 in data14){let data15 = data14[key7];const _errs38 = errors;if(((typeof data15 !== "string") && (!((typeof data15 == "number") && (isFinite(data15))))) && (typeof data15 !== "boolean")){const err34 = {instancePath:instancePath+"/backend/region_config/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/backend/properties/region_config/additionalProperties/additionalProperties/type",keyword:"type",params:{type: schema0.properties.backend.properties.region_config.additionalProperties.additionalProperties.type},message:"must be string,number,boolean",schema:schema0.properties.backend.properties.region_config.additionalProperties.additionalProperties.type,parentSchema:schema0.properties.backend.properties.region_config.additionalProperties.additionalProperties,data:data15};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}const _errs39 = errors;var valid7 = _errs38 === errors;}}else {const err35 = {instancePath:instancePath+"/backend/region_config/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/backend/properties/region_config/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.backend.properties.region_config.additionalProperties.type,parentSchema:schema0.properties.backend.properties.region_config.additionalProperties,data:data14};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}var valid6 = _errs35 === errors;}}else {const err36 = {instancePath:instancePath+"/backend/region_config",schemaPath:"#/properties/backend/properties/region_config/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.backend.properties.region_config.type,parentSchema:schema0.properties.backend.properties.region_config,data:data13};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}var valid3 = _errs30 === errors;}if(data9.global_region !== undefined){let data16 = data9.global_region;const _errs40 = errors;const _errs41 = errors;if(typeof data16 === "string"){if(!pattern4.test(data16)){const err37 = {instancePath:instancePath+"/backend/global_region",schemaPath:"#/properties/backend/properties/global_region/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.backend.properties.global_region,data:data16};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/backend/global_region",schemaPath:"#/properties/backend/properties/global_region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.backend.properties.global_region.type,parentSchema:schema0.properties.backend.properties.global_region,data:data16};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}var valid3 = _errs40 === errors;}if(data9.replicas !== undefined){let data17 = data9.replicas;const _errs42 = errors;const _errs43 = errors;if(data17 && typeof data17 == "object" && !Array.isArray(data17)){for(const key8 in data17){const _errs44 = errors;const _errs45 = errors;if(typeof key8 === "string"){if(!pattern4.test(key8)){const err39 = {instancePath:instancePath+"/backend/replicas",schemaPath:"#/properties/backend/properties/replicas/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.backend.properties.replicas.propertyNames,data:key8,propertyName:key8};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}else {const err40 = {instancePath:instancePath+"/backend/replicas",schemaPath:"#/properties/backend/properties/replicas/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.backend.properties.replicas.propertyNames.type,parentSchema:schema0.properties.backend.properties.replicas.propertyNames,data:key8,propertyName:key8};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}var valid8 = _errs44 === errors;if(!valid8){const err41 = {instancePath:instancePath+"/backend/replicas",schemaPath:"#/properties/backend/properties/replicas/propertyNames",keyword:"propertyNames",params:{propertyName: key8},message:"property name must be valid",schema:schema0.properties.backend.properties.replicas.propertyNames,parentSchema:schema0.properties.backend.properties.replicas,data:data17};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}const _errs46 = errors;for(const key9 in data17){let data18 = data17[key9];const _errs47 = errors;const _errs48 = errors;if(typeof data18 === "string"){if(!pattern4.test(data18)){const err42 = {instancePath:instancePath+"/backend/replicas/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/backend/properties/replicas/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.backend.properties.replicas.additionalProperties,data:data18};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}else {const err43 = {instancePath:instancePath+"/backend/replicas/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/backend/properties/replicas/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.backend.properties.replicas.additionalProperties.type,parentSchema:schema0.properties.backend.properties.replicas.additionalProperties,data:data18};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}var valid9 = _errs47 === errors;}}else {const err44 = {instancePath:instancePath+"/backend/replicas",schemaPath:"#/properties/backend/properties/replicas/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.backend.properties.replicas.type,parentSchema:schema0.properties.backend.properties.replicas,data:data17};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}var valid3 = _errs42 === errors;}}else {const err45 = {instancePath:instancePath+"/backend",schemaPath:"#/properties/backend/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.backend.type,parentSchema:schema0.properties.backend,data:data9};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}var valid0 = _errs20 === errors;}if(data.regions !== undefined){let data19 = data.regions;const _errs49 = errors;const _errs50 = errors;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){if(Object.keys(data19).length < 1){const err46 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema0.properties.regions,data:data19};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}for(const key10 in data19){const _errs51 = errors;const _errs52 = errors;const _errs53 = errors;const _errs54 = errors;const vSchema1 = schema0.properties.regions.propertyNames.not.enum;if(!(((key10 === "same") || (key10 === "all")) || (key10 === "primary"))){const err47 = {};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}else {}if(errors === _errs54){}var valid11 = _errs54 === errors;if(valid11){const err48 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema0.properties.regions.propertyNames.not,parentSchema:schema0.properties.regions.propertyNames,data:key10,propertyName:key10};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}else {errors = _errs53;if(vErrors !== null){if(_errs53){vErrors.length = _errs53;}else {vErrors = null;}}}if(typeof key10 === "string"){if(!pattern4.test(key10)){const err49 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.regions.propertyNames,data:key10,propertyName:key10};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}else {const err50 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.regions.propertyNames.type,parentSchema:schema0.properties.regions.propertyNames,data:key10,propertyName:key10};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}var valid10 = _errs51 === errors;if(!valid10){const err51 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/propertyNames",keyword:"propertyNames",params:{propertyName: key10},message:"property name must be valid",schema:schema0.properties.regions.propertyNames,parentSchema:schema0.properties.regions,data:data19};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}const _errs55 = errors;for(const key11 in data19){let data20 = data19[key11];const _errs56 = errors;const _errs57 = errors;if(data20 && typeof data20 == "object" && !Array.isArray(data20)){if(data20.role === undefined){const err52 = {instancePath:instancePath+"/regions/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/regions/additionalProperties/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema0.properties.regions.additionalProperties.required,parentSchema:schema0.properties.regions.additionalProperties,data:data20};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}const _errs58 = errors;for(const key12 in data20){if(!((key12 === "role") || (key12 === "failed"))){const err53 = {instancePath:instancePath+"/regions/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/regions/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.regions.additionalProperties,data:data20};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}if(data20.role !== undefined){let data21 = data20.role;const _errs59 = errors;const vSchema2 = schema0.properties.regions.additionalProperties.properties.role.enum;if(!((data21 === "primary") || (data21 === "secondary"))){const err54 = {instancePath:instancePath+"/regions/" + key11.replace(/~/g, "~0").replace(/\//g, "~1")+"/role",schemaPath:"#/properties/regions/additionalProperties/properties/role/enum",keyword:"enum",params:{allowedValues: schema0.properties.regions.additionalProperties.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.regions.additionalProperties.properties.role.enum,parentSchema:schema0.properties.regions.additionalProperties.properties.role,data:data21};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}var valid13 = _errs59 === errors;}if(data20.failed !== undefined){let data22 = data20.failed;const _errs60 = errors;if(typeof data22 !== "boolean"){const err55 = {instancePath:instancePath+"/regions/" + key11.replace(/~/g, "~0").replace(/\//g, "~1")+"/failed",schemaPath:"#/properties/regions/additionalProperties/properties/failed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.regions.additionalProperties.properties.failed.type,parentSchema:schema0.properties.regions.additionalProperties.properties.failed,data:data22};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}const _errs61 = errors;var valid13 = _errs60 === errors;}}else {const err56 = {instancePath:instancePath+"/regions/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/regions/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.regions.additionalProperties.type,parentSchema:schema0.properties.regions.additionalProperties,data:data20};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}var valid12 = _errs56 === errors;}}else {const err57 = {instancePath:instancePath+"/regions",schemaPath:"#/properties/regions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.regions.type,parentSchema:schema0.properties.regions,data:data19};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}var valid0 = _errs49 === errors;}if(data.accounts !== undefined){let data23 = data.accounts;const _errs62 = errors;const _errs63 = errors;if(data23 && typeof data23 == "object" && !Array.isArray(data23)){if(Object.keys(data23).length < 1){const err58 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema0.properties.accounts,data:data23};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}for(const key13 in data23){const _errs64 = errors;const _errs65 = errors;const _errs66 = errors;const _errs67 = errors;const vSchema3 = schema0.properties.accounts.propertyNames.not.enum;if(!(((key13 === "same") || (key13 === "all")) || (key13 === "primary"))){const err59 = {};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}else {}if(errors === _errs67){}var valid15 = _errs67 === errors;if(valid15){const err60 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema0.properties.accounts.propertyNames.not,parentSchema:schema0.properties.accounts.propertyNames,data:key13,propertyName:key13};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}else {errors = _errs66;if(vErrors !== null){if(_errs66){vErrors.length = _errs66;}else {vErrors = null;}}}if(typeof key13 === "string"){if(!pattern4.test(key13)){const err61 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.propertyNames,data:key13,propertyName:key13};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}else {const err62 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.propertyNames.type,parentSchema:schema0.properties.accounts.propertyNames,data:key13,propertyName:key13};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}var valid14 = _errs64 === errors;if(!valid14){const err63 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/propertyNames",keyword:"propertyNames",params:{propertyName: key13},message:"property name must be valid",schema:schema0.properties.accounts.propertyNames,parentSchema:schema0.properties.accounts,data:data23};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}}const _errs68 = errors;for(const key14 in data23){let data24 = data23[key14];const _errs69 = errors;const _errs70 = errors;if(data24 && typeof data24 == "object" && !Array.isArray(data24)){if(data24.id === undefined){const err64 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema0.properties.accounts.additionalProperties.required,parentSchema:schema0.properties.accounts.additionalProperties,data:data24};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}if(data24.regions === undefined){const err65 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/required",keyword:"required",params:{missingProperty: "regions"},message:"must have required property '"+"regions"+"'",schema:schema0.properties.accounts.additionalProperties.required,parentSchema:schema0.properties.accounts.additionalProperties,data:data24};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}if(data24.environments === undefined){const err66 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/required",keyword:"required",params:{missingProperty: "environments"},message:"must have required property '"+"environments"+"'",schema:schema0.properties.accounts.additionalProperties.required,parentSchema:schema0.properties.accounts.additionalProperties,data:data24};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}const _errs71 = errors;for(const key15 in data24){if(!(((((((key15 === "id") || (key15 === "regions")) || (key15 === "environments")) || (key15 === "ephemeral")) || (key15 === "role_to_assume")) || (key15 === "github_environment")) || (key15 === "primary_region"))){const err67 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.accounts.additionalProperties,data:data24};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}if(data24.id !== undefined){let data25 = data24.id;const _errs72 = errors;const _errs73 = errors;if(typeof data25 === "string"){if(!pattern10.test(data25)){const err68 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/id",schemaPath:"#/properties/accounts/additionalProperties/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._:-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._:-]*$",parentSchema:schema0.properties.accounts.additionalProperties.properties.id,data:data25};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}else {const err69 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/id",schemaPath:"#/properties/accounts/additionalProperties/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.id.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.id,data:data25};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}var valid17 = _errs72 === errors;}if(data24.regions !== undefined){let data26 = data24.regions;const _errs74 = errors;const _errs75 = errors;if(Array.isArray(data26)){if(data26.length < 1){const err70 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/regions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema0.properties.accounts.additionalProperties.properties.regions,data:data26};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}let valid19 = true;const len0 = data26.length;for(let i0=0; i0<len0; i0++){let data27 = data26[i0];const _errs76 = errors;const _errs77 = errors;if(typeof data27 === "string"){if(!pattern4.test(data27)){const err71 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions/" + i0,schemaPath:"#/properties/accounts/additionalProperties/properties/regions/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.regions.items,data:data27};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}else {const err72 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions/" + i0,schemaPath:"#/properties/accounts/additionalProperties/properties/regions/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.regions.items.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.regions.items,data:data27};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}var valid18 = _errs76 === errors;if(!valid18){valid19 = false;}}let valid20;let i1 = data26.length;let j0;valid20 = true;if(i1 > 1){const indices0 = {};for(;i1--;){let item0 = data26[i1];if(typeof item0 !== "string"){continue;}if(typeof indices0[item0] == "number"){j0 = indices0[item0];const err73 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/regions/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema0.properties.accounts.additionalProperties.properties.regions,data:data26};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;valid20 = false;break;}indices0[item0] = i1;}}}else {const err74 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/regions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.accounts.additionalProperties.properties.regions.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.regions,data:data26};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}var valid17 = _errs74 === errors;}if(data24.environments !== undefined){let data28 = data24.environments;const _errs78 = errors;if(!data28 || typeof data28 != "object"){const err75 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/type",keyword:"type",params:{type: schema0.properties.accounts.additionalProperties.properties.environments.type},message:"must be array,object",schema:schema0.properties.accounts.additionalProperties.properties.environments.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments,data:data28};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}const _errs79 = errors;if(Array.isArray(data28)){let valid22 = true;const len1 = data28.length;for(let i2=0; i2<len1; i2++){let data29 = data28[i2];const _errs80 = errors;const _errs81 = errors;const _errs82 = errors;const _errs83 = errors;const vSchema4 = schema0.properties.accounts.additionalProperties.properties.environments.items.not.enum;if(!(((data29 === "same") || (data29 === "all")) || (data29 === "primary"))){const err76 = {};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}else {}if(errors === _errs83){}var valid23 = _errs83 === errors;if(valid23){const err77 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + i2,schemaPath:"#/properties/accounts/additionalProperties/properties/environments/items/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema0.properties.accounts.additionalProperties.properties.environments.items.not,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.items,data:data29};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}else {errors = _errs82;if(vErrors !== null){if(_errs82){vErrors.length = _errs82;}else {vErrors = null;}}}if(typeof data29 === "string"){if(!pattern4.test(data29)){const err78 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + i2,schemaPath:"#/properties/accounts/additionalProperties/properties/environments/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.items,data:data29};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}else {const err79 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + i2,schemaPath:"#/properties/accounts/additionalProperties/properties/environments/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.environments.items.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.items,data:data29};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}var valid21 = _errs80 === errors;if(!valid21){valid22 = false;}}let valid24;let i3 = data28.length;let j1;valid24 = true;if(i3 > 1){const indices1 = {};for(;i3--;){let item1 = data28[i3];if(typeof item1 !== "string"){continue;}if(typeof indices1[item1] == "number"){j1 = indices1[item1];const err80 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments,data:data28};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;valid24 = false;break;}indices1[item1] = i3;}}}if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key16 in data28){const _errs84 = errors;const _errs85 = errors;const _errs86 = errors;const _errs87 = errors;const vSchema5 = schema0.properties.accounts.additionalProperties.properties.environments.propertyNames.not.enum;if(!(((key16 === "same") || (key16 === "all")) || (key16 === "primary"))){const err81 = {};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}else {}if(errors === _errs87){}var valid26 = _errs87 === errors;if(valid26){const err82 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames.not,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames,data:key16,propertyName:key16};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}else {errors = _errs86;if(vErrors !== null){if(_errs86){vErrors.length = _errs86;}else {vErrors = null;}}}if(typeof key16 === "string"){if(!pattern4.test(key16)){const err83 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames,data:key16,propertyName:key16};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}}else {const err84 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/propertyNames/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames,data:key16,propertyName:key16};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}var valid25 = _errs84 === errors;if(!valid25){const err85 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/propertyNames",keyword:"propertyNames",params:{propertyName: key16},message:"property name must be valid",schema:schema0.properties.accounts.additionalProperties.properties.environments.propertyNames,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments,data:data28};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}const _errs88 = errors;for(const key17 in data28){let data30 = data28[key17];const _errs89 = errors;const _errs90 = errors;if(data30 && typeof data30 == "object" && !Array.isArray(data30)){const _errs91 = errors;for(const key18 in data30){if(!((((key18 === "regions") || (key18 === "strategy")) || (key18 === "github_environment")) || (key18 === "primary_region"))){const err86 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties,data:data30};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}if(data30.regions !== undefined){let data31 = data30.regions;const _errs92 = errors;const _errs93 = errors;if(Array.isArray(data31)){if(data31.length < 1){const err87 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/regions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions,data:data31};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}let valid30 = true;const len2 = data31.length;for(let i4=0; i4<len2; i4++){let data32 = data31[i4];const _errs94 = errors;const _errs95 = errors;if(typeof data32 === "string"){if(!pattern4.test(data32)){const err88 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions/" + i4,schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/regions/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions.items,data:data32};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}else {const err89 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions/" + i4,schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/regions/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions.items.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions.items,data:data32};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}var valid29 = _errs94 === errors;if(!valid29){valid30 = false;}}let valid31;let i5 = data31.length;let j2;valid31 = true;if(i5 > 1){const indices2 = {};for(;i5--;){let item2 = data31[i5];if(typeof item2 !== "string"){continue;}if(typeof indices2[item2] == "number"){j2 = indices2[item2];const err90 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/regions/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i5+" are identical)",schema:true,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions,data:data31};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;valid31 = false;break;}indices2[item2] = i5;}}}else {const err91 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/regions",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/regions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.regions,data:data31};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}var valid28 = _errs92 === errors;}if(data30.strategy !== undefined){let data33 = data30.strategy;const _errs96 = errors;const vSchema6 = schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.strategy.enum;if(!(((data33 === "backup_restore") || (data33 === "pilot_light")) || (data33 === "warm_standby"))){const err92 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/strategy",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.strategy.enum,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.strategy,data:data33};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}var valid28 = _errs96 === errors;}if(data30.github_environment !== undefined){let data34 = data30.github_environment;const _errs97 = errors;const _errs98 = errors;if(typeof data34 === "string"){if(!pattern15.test(data34)){const err93 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/github_environment",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/github_environment/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.github_environment,data:data34};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}else {const err94 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/github_environment",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/github_environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.github_environment.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.github_environment,data:data34};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}var valid28 = _errs97 === errors;}if(data30.primary_region !== undefined){let data35 = data30.primary_region;const _errs99 = errors;const _errs100 = errors;if(typeof data35 === "string"){if(!pattern4.test(data35)){const err95 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/primary_region",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/primary_region/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.primary_region,data:data35};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}else {const err96 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1")+"/primary_region",schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/properties/primary_region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.primary_region.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.properties.primary_region,data:data35};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}var valid28 = _errs99 === errors;}}else {const err97 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/environments/" + key17.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/properties/environments/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.environments.additionalProperties,data:data30};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}var valid27 = _errs89 === errors;}}var valid17 = _errs78 === errors;}if(data24.ephemeral !== undefined){let data36 = data24.ephemeral;const _errs101 = errors;if(typeof data36 !== "boolean"){const err98 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/ephemeral",schemaPath:"#/properties/accounts/additionalProperties/properties/ephemeral/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.accounts.additionalProperties.properties.ephemeral.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.ephemeral,data:data36};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}const _errs102 = errors;var valid17 = _errs101 === errors;}if(data24.role_to_assume !== undefined){let data37 = data24.role_to_assume;const _errs103 = errors;const _errs104 = errors;if(typeof data37 === "string"){if(func0(data37) < 1){const err99 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/role_to_assume",schemaPath:"#/properties/accounts/additionalProperties/properties/role_to_assume/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema0.properties.accounts.additionalProperties.properties.role_to_assume,data:data37};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}else {const err100 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/role_to_assume",schemaPath:"#/properties/accounts/additionalProperties/properties/role_to_assume/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.role_to_assume.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.role_to_assume,data:data37};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}var valid17 = _errs103 === errors;}if(data24.github_environment !== undefined){let data38 = data24.github_environment;const _errs105 = errors;const _errs106 = errors;if(typeof data38 === "string"){if(!pattern15.test(data38)){const err101 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/github_environment",schemaPath:"#/properties/accounts/additionalProperties/properties/github_environment/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.github_environment,data:data38};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}else {const err102 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/github_environment",schemaPath:"#/properties/accounts/additionalProperties/properties/github_environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.github_environment.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.github_environment,data:data38};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}var valid17 = _errs105 === errors;}if(data24.primary_region !== undefined){let data39 = data24.primary_region;const _errs107 = errors;const _errs108 = errors;if(typeof data39 === "string"){if(!pattern4.test(data39)){const err103 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/primary_region",schemaPath:"#/properties/accounts/additionalProperties/properties/primary_region/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.accounts.additionalProperties.properties.primary_region,data:data39};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}else {const err104 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1")+"/primary_region",schemaPath:"#/properties/accounts/additionalProperties/properties/primary_region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.accounts.additionalProperties.properties.primary_region.type,parentSchema:schema0.properties.accounts.additionalProperties.properties.primary_region,data:data39};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}var valid17 = _errs107 === errors;}}else {const err105 = {instancePath:instancePath+"/accounts/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/accounts/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.accounts.additionalProperties.type,parentSchema:schema0.properties.accounts.additionalProperties,data:data24};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}var valid16 = _errs69 === errors;}}else {const err106 = {instancePath:instancePath+"/accounts",schemaPath:"#/properties/accounts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.accounts.type,parentSchema:schema0.properties.accounts,data:data23};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}var valid0 = _errs62 === errors;}if(data.layers !== undefined){let data40 = data.layers;const _errs109 = errors;const _errs110 = errors;if(Array.isArray(data40)){if(data40.length < 1){const err107 = {instancePath:instancePath+"/layers",schemaPath:"#/properties/layers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema0.properties.layers,data:data40};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}let valid33 = true;const len3 = data40.length;for(let i6=0; i6<len3; i6++){let data41 = data40[i6];const _errs111 = errors;const _errs112 = errors;if(data41 && typeof data41 == "object" && !Array.isArray(data41)){if(data41.name === undefined){const err108 = {instancePath:instancePath+"/layers/" + i6,schemaPath:"#/properties/layers/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema0.properties.layers.items.required,parentSchema:schema0.properties.layers.items,data:data41};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}if(data41.scope === undefined){const err109 = {instancePath:instancePath+"/layers/" + i6,schemaPath:"#/properties/layers/items/required",keyword:"required",params:{missingProperty: "scope"},message:"must have required property '"+"scope"+"'",schema:schema0.properties.layers.items.required,parentSchema:schema0.properties.layers.items,data:data41};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}if(data41.path === undefined){const err110 = {instancePath:instancePath+"/layers/" + i6,schemaPath:"#/properties/layers/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema0.properties.layers.items.required,parentSchema:schema0.properties.layers.items,data:data41};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}const _errs113 = errors;for(const key19 in data41){if(!(func2.call(schema0.properties.layers.items.properties, key19))){const err111 = {instancePath:instancePath+"/layers/" + i6,schemaPath:"#/properties/layers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.layers.items,data:data41};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}if(data41.name !== undefined){let data42 = data41.name;const _errs114 = errors;const _errs115 = errors;if(typeof data42 === "string"){if(!pattern4.test(data42)){const err112 = {instancePath:instancePath+"/layers/" + i6+"/name",schemaPath:"#/properties/layers/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.name,data:data42};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}else {const err113 = {instancePath:instancePath+"/layers/" + i6+"/name",schemaPath:"#/properties/layers/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.name.type,parentSchema:schema0.properties.layers.items.properties.name,data:data42};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}var valid34 = _errs114 === errors;}if(data41.scope !== undefined){let data43 = data41.scope;const _errs116 = errors;const vSchema7 = schema0.properties.layers.items.properties.scope.enum;if(!((((data43 === "global") || (data43 === "account")) || (data43 === "region")) || (data43 === "environment"))){const err114 = {instancePath:instancePath+"/layers/" + i6+"/scope",schemaPath:"#/properties/layers/items/properties/scope/enum",keyword:"enum",params:{allowedValues: schema0.properties.layers.items.properties.scope.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.layers.items.properties.scope.enum,parentSchema:schema0.properties.layers.items.properties.scope,data:data43};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}var valid34 = _errs116 === errors;}if(data41.path !== undefined){let data44 = data41.path;const _errs117 = errors;const _errs118 = errors;if(typeof data44 === "string"){if(func0(data44) < 1){const err115 = {instancePath:instancePath+"/layers/" + i6+"/path",schemaPath:"#/properties/layers/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema0.properties.layers.items.properties.path,data:data44};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}else {const err116 = {instancePath:instancePath+"/layers/" + i6+"/path",schemaPath:"#/properties/layers/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.path.type,parentSchema:schema0.properties.layers.items.properties.path,data:data44};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}var valid34 = _errs117 === errors;}if(data41.depends_on !== undefined){let data45 = data41.depends_on;const _errs119 = errors;const _errs120 = errors;if(Array.isArray(data45)){let valid36 = true;const len4 = data45.length;for(let i7=0; i7<len4; i7++){let data46 = data45[i7];const _errs121 = errors;if((typeof data46 !== "string") && (!(data46 && typeof data46 == "object" && !Array.isArray(data46)))){const err117 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7,schemaPath:"#/properties/layers/items/properties/depends_on/items/type",keyword:"type",params:{type: schema0.properties.layers.items.properties.depends_on.items.type},message:"must be string,object",schema:schema0.properties.layers.items.properties.depends_on.items.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items,data:data46};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}const _errs122 = errors;if(typeof data46 === "string"){if(!pattern4.test(data46)){const err118 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7,schemaPath:"#/properties/layers/items/properties/depends_on/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.depends_on.items,data:data46};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}if(data46 && typeof data46 == "object" && !Array.isArray(data46)){if(data46.layer === undefined){const err119 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7,schemaPath:"#/properties/layers/items/properties/depends_on/items/required",keyword:"required",params:{missingProperty: "layer"},message:"must have required property '"+"layer"+"'",schema:schema0.properties.layers.items.properties.depends_on.items.required,parentSchema:schema0.properties.layers.items.properties.depends_on.items,data:data46};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}const _errs123 = errors;for(const key20 in data46){if(!(((((key20 === "layer") || (key20 === "account")) || (key20 === "region")) || (key20 === "environment")) || (key20 === "as"))){const err120 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7,schemaPath:"#/properties/layers/items/properties/depends_on/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.layers.items.properties.depends_on.items,data:data46};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}}if(data46.layer !== undefined){let data47 = data46.layer;const _errs124 = errors;const _errs125 = errors;if(typeof data47 === "string"){if(!pattern4.test(data47)){const err121 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/layer",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/layer/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.layer,data:data47};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}else {const err122 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/layer",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/layer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.depends_on.items.properties.layer.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.layer,data:data47};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}var valid37 = _errs124 === errors;}if(data46.account !== undefined){let data48 = data46.account;const _errs126 = errors;const _errs127 = errors;if(typeof data48 === "string"){if(!pattern4.test(data48)){const err123 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/account",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/account/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.account,data:data48};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}else {const err124 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/account",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/account/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.depends_on.items.properties.account.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.account,data:data48};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}var valid37 = _errs126 === errors;}if(data46.region !== undefined){let data49 = data46.region;const _errs128 = errors;const _errs129 = errors;if(typeof data49 === "string"){if(!pattern4.test(data49)){const err125 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/region",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/region/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.region,data:data49};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}else {const err126 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/region",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.depends_on.items.properties.region.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.region,data:data49};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}var valid37 = _errs128 === errors;}if(data46.environment !== undefined){let data50 = data46.environment;const _errs130 = errors;const _errs131 = errors;if(typeof data50 === "string"){if(!pattern4.test(data50)){const err127 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/environment",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/environment/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.environment,data:data50};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}else {const err128 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/environment",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.depends_on.items.properties.environment.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.environment,data:data50};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}var valid37 = _errs130 === errors;}if(data46.as !== undefined){let data51 = data46.as;const _errs132 = errors;const _errs133 = errors;if(typeof data51 === "string"){if(!pattern25.test(data51)){const err129 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/as",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/as/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.as,data:data51};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}else {const err130 = {instancePath:instancePath+"/layers/" + i6+"/depends_on/" + i7+"/as",schemaPath:"#/properties/layers/items/properties/depends_on/items/properties/as/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.layers.items.properties.depends_on.items.properties.as.type,parentSchema:schema0.properties.layers.items.properties.depends_on.items.properties.as,data:data51};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}var valid37 = _errs132 === errors;}}var valid35 = _errs121 === errors;if(!valid35){valid36 = false;}}}else {const err131 = {instancePath:instancePath+"/layers/" + i6+"/depends_on",schemaPath:"#/properties/layers/items/properties/depends_on/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.layers.items.properties.depends_on.type,parentSchema:schema0.properties.layers.items.properties.depends_on,data:data45};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}var valid34 = _errs119 === errors;}if(data41.vars !== undefined){let data52 = data41.vars;const _errs134 = errors;if(!(data52 && typeof data52 == "object" && !Array.isArray(data52))){const err132 = {instancePath:instancePath+"/layers/" + i6+"/vars",schemaPath:"#/properties/layers/items/properties/vars/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.layers.items.properties.vars.type,parentSchema:schema0.properties.layers.items.properties.vars,data:data52};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}const _errs135 = errors;var valid34 = _errs134 === errors;}if(data41.mock_outputs !== undefined){let data53 = data41.mock_outputs;const _errs136 = errors;if(!(data53 && typeof data53 == "object" && !Array.isArray(data53))){const err133 = {instancePath:instancePath+"/layers/" + i6+"/mock_outputs",schemaPath:"#/properties/layers/items/properties/mock_outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.layers.items.properties.mock_outputs.type,parentSchema:schema0.properties.layers.items.properties.mock_outputs,data:data53};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}const _errs137 = errors;var valid34 = _errs136 === errors;}if(data41.standby !== undefined){let data54 = data41.standby;const _errs138 = errors;if(typeof data54 !== "boolean"){const err134 = {instancePath:instancePath+"/layers/" + i6+"/standby",schemaPath:"#/properties/layers/items/properties/standby/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.layers.items.properties.standby.type,parentSchema:schema0.properties.layers.items.properties.standby,data:data54};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}const _errs139 = errors;var valid34 = _errs138 === errors;}if(data41.failover !== undefined){let data55 = data41.failover;const _errs140 = errors;const vSchema8 = schema0.properties.layers.items.properties.failover.enum;if(!((data55 === "apply") || (data55 === "skip"))){const err135 = {instancePath:instancePath+"/layers/" + i6+"/failover",schemaPath:"#/properties/layers/items/properties/failover/enum",keyword:"enum",params:{allowedValues: schema0.properties.layers.items.properties.failover.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.layers.items.properties.failover.enum,parentSchema:schema0.properties.layers.items.properties.failover,data:data55};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}var valid34 = _errs140 === errors;}if(data41.stateful !== undefined){let data56 = data41.stateful;const _errs141 = errors;if(typeof data56 !== "boolean"){const err136 = {instancePath:instancePath+"/layers/" + i6+"/stateful",schemaPath:"#/properties/layers/items/properties/stateful/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.layers.items.properties.stateful.type,parentSchema:schema0.properties.layers.items.properties.stateful,data:data56};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}const _errs142 = errors;var valid34 = _errs141 === errors;}}else {const err137 = {instancePath:instancePath+"/layers/" + i6,schemaPath:"#/properties/layers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.layers.items.type,parentSchema:schema0.properties.layers.items,data:data41};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}var valid32 = _errs111 === errors;if(!valid32){valid33 = false;}}}else {const err138 = {instancePath:instancePath+"/layers",schemaPath:"#/properties/layers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.layers.type,parentSchema:schema0.properties.layers,data:data40};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}var valid0 = _errs109 === errors;}if(data.hooks !== undefined){let data57 = data.hooks;const _errs143 = errors;const _errs144 = errors;if(Array.isArray(data57)){let valid39 = true;const len5 = data57.length;for(let i8=0; i8<len5; i8++){let data58 = data57[i8];const _errs145 = errors;const _errs146 = errors;if(data58 && typeof data58 == "object" && !Array.isArray(data58)){if(data58.name === undefined){const err139 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema0.properties.hooks.items.required,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}if(data58.when === undefined){const err140 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/required",keyword:"required",params:{missingProperty: "when"},message:"must have required property '"+"when"+"'",schema:schema0.properties.hooks.items.required,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}if(data58.run === undefined){const err141 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/required",keyword:"required",params:{missingProperty: "run"},message:"must have required property '"+"run"+"'",schema:schema0.properties.hooks.items.required,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}if(data58.timeout === undefined){const err142 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/required",keyword:"required",params:{missingProperty: "timeout"},message:"must have required property '"+"timeout"+"'",schema:schema0.properties.hooks.items.required,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}const _errs147 = errors;for(const key21 in data58){if(!(((((((key21 === "name") || (key21 === "when")) || (key21 === "layer")) || (key21 === "run")) || (key21 === "args")) || (key21 === "timeout")) || (key21 === "drill_safe"))){const err143 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties",schema:false,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}if(data58.name !== undefined){let data59 = data58.name;const _errs148 = errors;const _errs149 = errors;if(typeof data59 === "string"){if(!pattern4.test(data59)){const err144 = {instancePath:instancePath+"/hooks/" + i8+"/name",schemaPath:"#/properties/hooks/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.hooks.items.properties.name,data:data59};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}else {const err145 = {instancePath:instancePath+"/hooks/" + i8+"/name",schemaPath:"#/properties/hooks/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.hooks.items.properties.name.type,parentSchema:schema0.properties.hooks.items.properties.name,data:data59};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}var valid40 = _errs148 === errors;}if(data58.when !== undefined){let data60 = data58.when;const _errs150 = errors;const vSchema9 = schema0.properties.hooks.items.properties.when.enum;if(!((((data60 === "before_failover") || (data60 === "after_layer")) || (data60 === "after_failover")) || (data60 === "after_failback"))){const err146 = {instancePath:instancePath+"/hooks/" + i8+"/when",schemaPath:"#/properties/hooks/items/properties/when/enum",keyword:"enum",params:{allowedValues: schema0.properties.hooks.items.properties.when.enum},message:"must be equal to one of the allowed values",schema:schema0.properties.hooks.items.properties.when.enum,parentSchema:schema0.properties.hooks.items.properties.when,data:data60};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}var valid40 = _errs150 === errors;}if(data58.layer !== undefined){let data61 = data58.layer;const _errs151 = errors;const _errs152 = errors;if(typeof data61 === "string"){if(!pattern4.test(data61)){const err147 = {instancePath:instancePath+"/hooks/" + i8+"/layer",schemaPath:"#/properties/hooks/items/properties/layer/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",parentSchema:schema0.properties.hooks.items.properties.layer,data:data61};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}else {const err148 = {instancePath:instancePath+"/hooks/" + i8+"/layer",schemaPath:"#/properties/hooks/items/properties/layer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.hooks.items.properties.layer.type,parentSchema:schema0.properties.hooks.items.properties.layer,data:data61};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}var valid40 = _errs151 === errors;}if(data58.run !== undefined){let data62 = data58.run;const _errs153 = errors;const _errs154 = errors;if(typeof data62 === "string"){if(func0(data62) < 1){const err149 = {instancePath:instancePath+"/hooks/" + i8+"/run",schemaPath:"#/properties/hooks/items/properties/run/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema0.properties.hooks.items.properties.run,data:data62};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}else {const err150 = {instancePath:instancePath+"/hooks/" + i8+"/run",schemaPath:"#/properties/hooks/items/properties/run/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.hooks.items.properties.run.type,parentSchema:schema0.properties.hooks.items.properties.run,data:data62};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}var valid40 = _errs153 === errors;}if(data58.args !== undefined){let data63 = data58.args;const _errs155 = errors;const _errs156 = errors;if(Array.isArray(data63)){let valid42 = true;const len6 = data63.length;for(let i9=0; i9<len6; i9++){let data64 = data63[i9];const _errs157 = errors;if(typeof data64 !== "string"){const err151 = {instancePath:instancePath+"/hooks/" + i8+"/args/" + i9,schemaPath:"#/properties/hooks/items/properties/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.hooks.items.properties.args.items.type,parentSchema:schema0.properties.hooks.items.properties.args.items,data:data64};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}const _errs158 = errors;var valid41 = _errs157 === errors;if(!valid41){valid42 = false;}}}else {const err152 = {instancePath:instancePath+"/hooks/" + i8+"/args",schemaPath:"#/properties/hooks/items/properties/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.hooks.items.properties.args.type,parentSchema:schema0.properties.hooks.items.properties.args,data:data63};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}var valid40 = _errs155 === errors;}if(data58.timeout !== undefined){let data65 = data58.timeout;const _errs159 = errors;const _errs160 = errors;if(typeof data65 === "string"){if(!pattern0.test(data65)){const err153 = {instancePath:instancePath+"/hooks/" + i8+"/timeout",schemaPath:"#/properties/hooks/items/properties/timeout/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$",parentSchema:schema0.properties.hooks.items.properties.timeout,data:data65};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}}else {const err154 = {instancePath:instancePath+"/hooks/" + i8+"/timeout",schemaPath:"#/properties/hooks/items/properties/timeout/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.hooks.items.properties.timeout.type,parentSchema:schema0.properties.hooks.items.properties.timeout,data:data65};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}var valid40 = _errs159 === errors;}if(data58.drill_safe !== undefined){let data66 = data58.drill_safe;const _errs161 = errors;if(typeof data66 !== "boolean"){const err155 = {instancePath:instancePath+"/hooks/" + i8+"/drill_safe",schemaPath:"#/properties/hooks/items/properties/drill_safe/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.hooks.items.properties.drill_safe.type,parentSchema:schema0.properties.hooks.items.properties.drill_safe,data:data66};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}const _errs162 = errors;var valid40 = _errs161 === errors;}}else {const err156 = {instancePath:instancePath+"/hooks/" + i8,schemaPath:"#/properties/hooks/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.hooks.items.type,parentSchema:schema0.properties.hooks.items,data:data58};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}var valid38 = _errs145 === errors;if(!valid38){valid39 = false;}}}else {const err157 = {instancePath:instancePath+"/hooks",schemaPath:"#/properties/hooks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.hooks.type,parentSchema:schema0.properties.hooks,data:data57};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}var valid0 = _errs143 === errors;}}else {const err158 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.type,parentSchema:schema0,data};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}validate0.errors = vErrors;return errors === 0;}
function manifestValidator() {
  return validate;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/parse-manifest.js







/**
 * Parses and checks a manifest. Every problem found is reported at once, located in the file, as a
 * ManifestError; a manifest returned from here is internally consistent (names declared, one primary region,
 * dependencies resolvable by layer name). Where each value is written comes back beside it, for the checks
 * that follow (expandManifest) to locate their problems.
 */
function parseManifest(text, file, options = {}) {
    const problems = [];
    const report = (position, message) => problems.push({ file, ...position, message });
    const { data, locate } = (0,located_yaml/* readLocatedYaml */.Q)(text, file, manifestValidator, 'the manifest');
    const manifest = buildManifest(data, file, locate, report, options);
    if (problems.length > 0)
        throw new errors/* ManifestError */.Sh(problems);
    return { manifest, locations: { locate } };
}
function buildManifest(raw, file, locate, report, options) {
    const regions = Object.entries(raw.regions).map(([name, value]) => ({
        name,
        role: value.role,
        ...(value.failed === true ? { failed: true } : {}),
    }));
    for (const region of regions) {
        if (region.failed && region.role === 'primary') {
            report(locate(['regions', region.name, 'failed']), `region '${region.name}' is primary and marked failed; a failed region is a secondary until a failback makes it primary again (and removes the mark)`);
        }
    }
    const regionNames = new Set(regions.map((region) => region.name));
    const checkRegion = (region, path, what) => {
        if (!regionNames.has(region)) {
            report(locate(path), `${what} '${region}' is not declared under 'regions'${(0,closest_name/* suggest */.Z)(region, regionNames)}`);
        }
    };
    const primaries = regions.filter((region) => region.role === 'primary');
    if (primaries.length === 0) {
        report(locate(['regions']), "no region has 'role: primary'; mark exactly one region as primary");
    }
    const [primary, ...extras] = primaries;
    for (const extra of extras) {
        report(locate(['regions', extra.name, 'role']), `regions '${String(primary?.name)}' and '${extra.name}' are both primary; exactly one region may be primary`);
    }
    checkRegion(raw.backend.global_region, ['backend', 'global_region'], 'backend.global_region');
    const replicas = raw.backend.replicas ?? {};
    for (const [source, replica] of Object.entries(replicas)) {
        checkRegion(source, ['backend', 'replicas', source], 'replicated region');
        checkRegion(replica, ['backend', 'replicas', source], 'replica region');
        if (source === replica) {
            report(locate(['backend', 'replicas', source]), `region '${source}' cannot be its own replica`);
        }
    }
    const regionConfig = raw.backend.region_config ?? {};
    for (const region of Object.keys(regionConfig)) {
        checkRegion(region, ['backend', 'region_config', region], 'backend.region_config region');
    }
    const defaultStrategy = raw.dr?.strategy ?? 'backup_restore';
    const accounts = Object.entries(raw.accounts).map(([name, account]) => {
        account.regions.forEach((region, index) => {
            checkRegion(region, ['accounts', name, 'regions', index], `region of account '${name}':`);
        });
        const environments = Array.isArray(account.environments)
            ? account.environments.map((environment) => ({
                name: environment,
                regions: [...account.regions],
                strategy: defaultStrategy,
            }))
            : Object.entries(account.environments).map(([environment, settings]) => {
                const narrowed = settings?.regions;
                narrowed?.forEach((region, index) => {
                    if (!account.regions.includes(region)) {
                        report(locate(['accounts', name, 'environments', environment, 'regions', index]), `environment '${environment}' of account '${name}' lists region '${region}', which the account does not have (its regions: ${account.regions.join(', ')})`);
                    }
                });
                const regions = narrowed ? [...narrowed] : [...account.regions];
                const primary = settings?.primary_region;
                if (primary !== undefined && !regions.includes(primary)) {
                    report(locate(['accounts', name, 'environments', environment, 'primary_region']), `environment '${environment}' of account '${name}' has primary_region '${primary}', where it does not run (its regions: ${regions.join(', ')})`);
                }
                return {
                    name: environment,
                    regions,
                    strategy: settings?.strategy ?? defaultStrategy,
                    ...(settings?.github_environment === undefined
                        ? {}
                        : { githubEnvironment: settings.github_environment }),
                    ...(primary === undefined ? {} : { primaryRegion: primary }),
                };
            });
        if (account.primary_region !== undefined && !account.regions.includes(account.primary_region)) {
            report(locate(['accounts', name, 'primary_region']), `account '${name}' has primary_region '${account.primary_region}', which is not one of its regions (${account.regions.join(', ')})`);
        }
        return {
            name,
            id: account.id,
            regions: [...account.regions],
            environments,
            ephemeral: account.ephemeral ?? false,
            roleToAssume: account.role_to_assume ?? null,
            ...(account.github_environment === undefined ? {} : { githubEnvironment: account.github_environment }),
            ...(account.primary_region === undefined ? {} : { primaryRegion: account.primary_region }),
        };
    });
    const layers = buildLayers(raw, accounts, regionNames, locate, report, options.pathExists);
    const hooks = buildHooks(raw, layers, locate, report);
    return {
        file,
        version: 1,
        terraform: {
            binary: raw.terraform?.binary ?? 'terraform',
            lockTimeout: raw.terraform?.lock_timeout ?? '5m',
            parallelism: raw.terraform?.parallelism ?? 4,
            commandTimeoutMs: raw.terraform?.command_timeout === undefined ? null : parseDuration(raw.terraform.command_timeout),
        },
        backend: {
            type: raw.backend.type,
            config: { ...raw.backend.config },
            regionConfig: Object.fromEntries(Object.entries(regionConfig).map(([region, config]) => [region, { ...config }])),
            globalRegion: raw.backend.global_region,
            replicas: { ...replicas },
        },
        regions,
        accounts,
        layers,
        ...(raw.dr?.rpo === undefined
            ? {}
            : { recoveryPointObjective: { text: raw.dr.rpo, ms: parseDuration(raw.dr.rpo) } }),
        ...(hooks.length === 0 ? {} : { hooks }),
    };
}

;// CONCATENATED MODULE: ./build/tsc/adapters/load-manifest.js






/**
 * Reads, checks and expands a manifest file (`file` as the user gave it, relative to `cwd`, and so named in
 * messages). Throws ManifestError (located problems) or UsageError.
 */
function loadManifest(file, cwd, options = {}) {
    const absolute = external_node_path_.resolve(cwd, file);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* UsageError */.eb((name) => code === 'ENOENT'
            ? `Manifest '${file}' not found; give its path with ${name('manifest')} (default: layers.yml)`
            : `Cannot read manifest '${file}': ${error.message}`);
    }
    const directory = external_node_path_.dirname(absolute);
    const pathExists = (relativePath) => {
        try {
            return (0,external_node_fs_.statSync)(external_node_path_.join(directory, relativePath)).isDirectory();
        }
        catch {
            return false;
        }
    };
    const parsed = parseManifest(text, file, { pathExists });
    const { locations } = parsed;
    const manifest = options.ephemeralEnvironment
        ? withEphemeralEnvironment(parsed.manifest, options.ephemeralEnvironment)
        : parsed.manifest;
    return { manifest, locations, graph: (0,expand_manifest/* expandManifest */.k)({ manifest, locations }), directory };
}


/***/ }),

/***/ 7904:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kj: () => (/* binding */ selectFromSettings),
  $$: () => (/* binding */ selectLeavingOut),
  x6: () => (/* binding */ selectionForEnvironment)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/tsc/adapters/layer-code.js + 2 modules
var layer_code = __webpack_require__(2480);
// EXTERNAL MODULE: ./build/tsc/core/dr/steady-state.js
var steady_state = __webpack_require__(680);
// EXTERNAL MODULE: ./build/tsc/core/dr/failed-regions.js
var failed_regions = __webpack_require__(4731);
// EXTERNAL MODULE: ./build/tsc/core/selection/select-instances.js
var select_instances = __webpack_require__(2391);
;// CONCATENATED MODULE: ./build/tsc/app/changed-files.js

/**
 * Changed files (relative to `cwd`, as `git diff --name-only` or the pull request API lists them from the
 * repository root) made relative to the manifest's directory, with each layer's watched directories: its own
 * code and the local modules it uses.
 */
function changedFilesFilter(files, context) {
    const absolute = files.map((file) => external_node_path_.resolve(context.cwd, file));
    const toManifestRelative = (file) => external_node_path_.relative(context.directory, file).split(external_node_path_.sep).join('/');
    const watchedPaths = new Map();
    for (const instance of context.graph.instances) {
        if (!watchedPaths.has(instance.layer)) {
            watchedPaths.set(instance.layer, context.layerCode.read(instance.path).watchedPaths);
        }
    }
    return {
        files: absolute.map(toManifestRelative),
        watchedPaths,
        manifestChanged: absolute.includes(external_node_path_.resolve(context.cwd, context.manifestFile)),
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/select.js






/** The instances a command works on, from filters and changed files, as the CLI and the action give them. */
function selectFromSettings(loaded, settings, context) {
    return selectLeavingOut(loaded, settings, context).dag;
}
/**
 * The selection, and what it leaves out because a region is marked failed (core/dr/failed-regions.ts): the
 * instances the selection would have had there, and their dependents, for the run to name.
 */
function selectLeavingOut(loaded, settings, context) {
    // Normal runs work on what exists in steady state; the DR strategy keeps the rest out until a failover.
    const steady = (0,steady_state/* steadyStateWithin */.dr)(loaded.graph, loaded.manifest);
    const { kept, leftOut } = (0,failed_regions/* leaveOutFailedRegions */.c)(loaded.graph, loaded.manifest, steady);
    const dag = select_select(loaded, settings, context, kept);
    if (leftOut.length === 0)
        return { dag, leftOut };
    const wanted = new Set(select_select(loaded, settings, context, steady).ids);
    return { dag, leftOut: leftOut.filter((entry) => wanted.has(entry.id)) };
}
function select_select(loaded, settings, context, within) {
    const { reviewed } = settings;
    const filter = {
        ...settings.filter,
        within: reviewed !== undefined ? new Set(reviewed.filter((id) => !within || within.has(id))) : within,
    };
    if (settings.changedFiles) {
        filter.changes = changedFilesFilter(settings.changedFiles, {
            graph: loaded.graph,
            directory: loaded.directory,
            manifestFile: external_node_path_.resolve(context.cwd, context.manifestFile),
            layerCode: context.layerCode ?? (0,layer_code/* createLayerCodeReader */.e)(loaded.directory),
            cwd: context.cwd,
        });
    }
    return (0,select_instances/* selectInstances */.l)(loaded.graph, filter);
}
/** With a per-pull-request environment, a command selects only that environment (the other filters still apply). */
function selectionForEnvironment(selection, ephemeralEnvironment) {
    return ephemeralEnvironment
        ? { ...selection, filter: { ...selection.filter, environments: [ephemeralEnvironment] } }
        : selection;
}


/***/ }),

/***/ 2845:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N6: () => (/* binding */ SELECTION_HELP),
/* harmony export */   OK: () => (/* binding */ SELECTION_OPTIONS),
/* harmony export */   _G: () => (/* binding */ selectionFromFlags),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9514);


const SELECTION_OPTIONS = {
    account: { type: 'string', multiple: true },
    region: { type: 'string', multiple: true },
    environment: { type: 'string', multiple: true },
    layer: { type: 'string', multiple: true },
    instance: { type: 'string', multiple: true },
    'changed-files': { type: 'string' },
};
const SELECTION_HELP = `Selection (each may repeat or take a comma-separated list):
  --account A        only instances of these accounts
  --region R         only instances in these regions (leaves out global and account instances)
  --environment E    only instances of these environments
  --layer L          only instances of these layers
  --instance ID      exactly these instance ids (as 'strata graph' prints them)
  --changed-files F  only instances affected by the files listed in F (one path per line, relative to
                     the current directory), plus everything that depends on them`;
function splitList(values) {
    return values
        ?.flatMap((value) => value.split(/[,\n]/))
        .map((value) => value.trim())
        .filter((value) => value !== '');
}
/** Turns selection flags into settings; the changed-files list is read here. */
function selectionFromFlags(values) {
    const settings = {
        filter: {
            accounts: splitList(values.account),
            regions: splitList(values.region),
            environments: splitList(values.environment),
            layers: splitList(values.layer),
            instances: splitList(values.instance),
        },
    };
    const listFile = values['changed-files'];
    if (listFile !== undefined) {
        try {
            settings.changedFiles = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(listFile, 'utf8')
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== '');
        }
        catch (error) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`--changed-files: cannot read '${listFile}': ${error.message}`);
        }
    }
    return settings;
}


/***/ }),

/***/ 9848:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ OBJECT_KEYS),
/* harmony export */   d: () => (/* binding */ replicatedKeysOf)
/* harmony export */ });
/**
 * The config keys that name a state within its store, per backend type: what replication of one store into
 * another keeps (S3 replication copies an object to the same key in the destination bucket). A type not
 * listed is compared on its whole location. The local backend's `path` is its store and key at once: the
 * example estates keep one folder per region, standing in for one bucket per region.
 */
const OBJECT_KEYS = {
    s3: ['key'],
    gcs: ['prefix'],
    azurerm: ['key'],
    oss: ['prefix', 'key'],
    cos: ['prefix', 'key'],
    local: ['path'],
};
/**
 * The keys replication keeps when it copies a state into another region's store: the object keys of a
 * type with a store apart from its key (not `local`, whose whole path names the region's folder).
 */
function replicatedKeysOf(type) {
    return type === 'local' ? [] : (OBJECT_KEYS[type] ?? []);
}


/***/ }),

/***/ 4561:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kz: () => (/* binding */ renderInstanceBackend),
/* harmony export */   jX: () => (/* binding */ compileRegionalBackend)
/* harmony export */ });
/* unused harmony exports renderBackend, backendConfigIn, compileBackend */
/* harmony import */ var _tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3374);

function renderBackend(type, config, values) {
    const rendered = {};
    for (const [key, value] of Object.entries(config)) {
        rendered[key] = typeof value === 'string' ? (0,_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .renderString */ .G4)(value, values) : value;
    }
    return { type, config: rendered };
}
/** `backend.config` with the keys `backend.region_config` sets for state stored in `stateRegion`. */
function backendConfigIn(backend, stateRegion) {
    const overrides = backend.regionConfig[stateRegion];
    return overrides ? { ...backend.config, ...overrides } : backend.config;
}
/** An instance's backend: the manifest's configuration for its state region, rendered with its tokens. */
function renderInstanceBackend(backend, values) {
    return renderBackend(backend.type, backendConfigIn(backend, values.region), values);
}
/** `compileBackend` for every state region at once: the region's own renderer, picked by `{region}`. */
function compileRegionalBackend(backend) {
    const everywhere = compileBackend(backend.type, backend.config);
    const byRegion = new Map(Object.keys(backend.regionConfig).map((region) => [
        region,
        compileBackend(backend.type, backendConfigIn(backend, region)),
    ]));
    if (byRegion.size === 0)
        return everywhere;
    return (values) => (byRegion.get(values.region) ?? everywhere)(values);
}
/**
 * A backend renderer for one manifest, compiled once: per instance it only fills the templates, so an estate
 * of 100,000 instances does not walk the config's entries 100,000 times.
 */
function compileBackend(type, config) {
    // `__proto__` as a key behaves differently when copied than when assigned: keep such a config on the plain path.
    if (Object.hasOwn(config, '__proto__'))
        return (values) => renderBackend(type, config, values);
    // Built the way renderBackend builds it, so a copy has the same keys in the same order; per instance only
    // the templates are filled in.
    const base = {};
    // Objects, not [key, template] pairs: destructuring a pair in the per-instance loop goes through the array
    // iterator, which cost an object per entry here (about 15 MB per 100k-instance expansion on Node 24).
    const templated = [];
    for (const [key, value] of Object.entries(config)) {
        base[key] = value;
        if (typeof value === 'string')
            templated.push({ key, template: (0,_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplate */ .Gq)(value) });
    }
    return (values) => {
        const rendered = { ...base };
        for (const { key, template } of templated)
            rendered[key] = template(values);
        return { type, config: rendered };
    };
}


/***/ }),

/***/ 3374:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ renderString),
/* harmony export */   Gq: () => (/* binding */ compileTemplate),
/* harmony export */   QE: () => (/* binding */ containsTokens),
/* harmony export */   RV: () => (/* binding */ unknownTokens),
/* harmony export */   g7: () => (/* binding */ tokenValues),
/* harmony export */   hX: () => (/* binding */ compileValue),
/* harmony export */   p9: () => (/* binding */ writeTokenValues),
/* harmony export */   yT: () => (/* binding */ usedTokens)
/* harmony export */ });
/* unused harmony exports TOKENS, renderValue */
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2191);

const TOKENS = [
    'id',
    'layer',
    'scope',
    'account',
    'account_id',
    'region',
    'environment',
    'role',
];
const TOKEN_PATTERN = /\{([a-z_]+)\}/g;
/** The name inside a TOKEN_PATTERN match: its one group, which every match has. */
const tokenName = (match) => (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .itemAt */ .R9)(match, 1, 'token name');
/** Tokens a string uses that Strata does not know, so a typo such as `{acount}` is an error, not a literal. */
function unknownTokens(text) {
    return [...text.matchAll(TOKEN_PATTERN)]
        .map(tokenName)
        .filter((name) => !TOKENS.includes(name));
}
/**
 * The token values of an instance. Coordinates its scope lacks render as `global` (the estate-wide cell), and
 * instances without a region use `global_region`, where their state lives.
 */
function tokenValues(instance, stateRegion, stateRegionRole) {
    return writeTokenValues({}, instance, stateRegion, stateRegionRole);
}
/**
 * `tokenValues` written into an object of the caller's: for a loop that renders instance after instance into
 * one object, which the renderers read and never keep (they return new strings and objects).
 */
function writeTokenValues(values, instance, stateRegion, stateRegionRole) {
    values.id = instance.id;
    values.layer = instance.layer;
    values.scope = instance.scope;
    values.account = instance.account ?? 'global';
    values.account_id = instance.accountId ?? 'global';
    values.region = stateRegion;
    values.environment = instance.environment ?? 'global';
    values.role = stateRegionRole;
    return values;
}
const templates = new Map();
/** A string split once into literal text and tokens, so rendering it for 100,000 instances is a join. */
function compileTemplate(text) {
    const known = templates.get(text);
    if (known)
        return known;
    const parts = [];
    const tokens = [];
    let end = 0;
    for (const match of text.matchAll(TOKEN_PATTERN)) {
        const name = tokenName(match);
        if (!TOKENS.includes(name))
            continue;
        parts.push(text.slice(end, match.index));
        tokens.push(name);
        end = match.index + match[0].length;
    }
    parts.push(text.slice(end));
    const only = tokens.length === 1 && parts[0] === '' && parts[1] === '' ? tokens[0] : undefined;
    const template = tokens.length === 0
        ? () => text
        : only !== undefined
            ? (values) => values[only]
            : joinedTemplate(parts, tokens);
    templates.set(text, template);
    return template;
}
/**
 * A template rendered by joining its pieces. `+` would make a tree of string pieces that lives as long as the
 * result, several times the size of its text, for every instance; join makes one flat string. Instances come
 * cell by cell, so a template without {id} often renders what it just did: the same text then shares one
 * string.
 */
function joinedTemplate(parts, tokens) {
    // parts[0], then '' (a token's value) and the text after it, for each token.
    const pieces = parts.flatMap((part, index) => (index === 0 ? [part] : ['', part]));
    let last;
    return (values) => {
        let isSame = true;
        let slot = 1;
        for (const token of tokens) {
            const value = values[token];
            if (pieces[slot] !== value) {
                pieces[slot] = value;
                isSame = false;
            }
            slot += 2;
        }
        if (!isSame || last === undefined)
            last = pieces.join('');
        return last;
    };
}
function renderString(text, values) {
    return compileTemplate(text)(values);
}
/** Whether any string in a JSON-like value uses a token: values without any are shared, not copied per instance. */
function containsTokens(value) {
    if (typeof value === 'string') {
        return [...value.matchAll(TOKEN_PATTERN)].some((match) => TOKENS.includes(tokenName(match)));
    }
    if (Array.isArray(value))
        return value.some(containsTokens);
    if (value !== null && typeof value === 'object')
        return Object.values(value).some(containsTokens);
    return false;
}
/** Renders tokens in every string of a JSON-like value (layer vars), leaving other values as they are. */
function renderValue(value, values) {
    if (typeof value === 'string')
        return renderString(value, values);
    if (Array.isArray(value))
        return value.map((item) => renderValue(item, values));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, values)]));
    }
    return value;
}
/**
 * A renderer for a JSON-like value (layer vars), compiled once per layer: the same result as `renderValue`,
 * without walking the value's entries again for every instance.
 */
function compileValue(value) {
    if (typeof value === 'string')
        return compileTemplate(value);
    if (Array.isArray(value)) {
        const items = value.map(compileValue);
        return (values) => items.map((item) => item(values));
    }
    // `__proto__` as a key needs Object.fromEntries' own-property semantics: leave such values to renderValue.
    if (value !== null && typeof value === 'object' && !Object.hasOwn(value, '__proto__')) {
        // Objects, not pairs, for the per-instance loop: see compileBackend.
        const items = Object.entries(value).map(([key, item]) => ({ key, render: compileValue(item) }));
        return (values) => {
            const rendered = {};
            for (const { key, render } of items)
                rendered[key] = render(values);
            return rendered;
        };
    }
    if (value !== null && typeof value === 'object')
        return (values) => renderValue(value, values);
    return () => value;
}
/** The known tokens a string uses, in order, repeats included. */
function usedTokens(text) {
    return [...text.matchAll(TOKEN_PATTERN)]
        .map(tokenName)
        .filter((name) => TOKENS.includes(name));
}


/***/ }),

/***/ 4731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ failedRegions),
/* harmony export */   c: () => (/* binding */ leaveOutFailedRegions)
/* harmony export */ });
/** The regions the manifest marks `failed: true` (failed over from, not failed back yet). */
function failedRegions(manifest) {
    return new Set(manifest.regions.filter((region) => region.failed === true).map((region) => region.name));
}
function leaveOutFailedRegions(graph, manifest, within) {
    const failed = failedRegions(manifest);
    // Nothing failed, nothing left out: `within` itself, not a copy of 100,000 ids.
    if (failed.size === 0)
        return { kept: within, leftOut: [] };
    const reasons = new Map();
    for (const instance of graph.instances) {
        if (instance.region !== null && failed.has(instance.region)) {
            reasons.set(instance.id, `in ${instance.region}, which ${manifest.file} marks failed (regions.${instance.region}.failed)`);
        }
    }
    // Dependents of a left-out instance, to the end of the graph.
    for (let changed = reasons.size > 0; changed;) {
        changed = false;
        for (const instance of graph.instances) {
            if (reasons.has(instance.id))
                continue;
            const upstream = instance.dependsOn.find((dependency) => reasons.has(dependency));
            if (upstream === undefined)
                continue;
            reasons.set(instance.id, `depends on ${upstream}, which is left out`);
            changed = true;
        }
    }
    const kept = new Set();
    const leftOut = [];
    for (const instance of graph.instances) {
        if (within && !within.has(instance.id))
            continue;
        const reason = reasons.get(instance.id);
        if (reason === undefined)
            kept.add(instance.id);
        else
            leftOut.push({ id: instance.id, reason });
    }
    return { kept, leftOut };
}


/***/ }),

/***/ 4377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ LEGACY_RECORD),
/* harmony export */   UG: () => (/* binding */ recordInstanceOf),
/* harmony export */   WA: () => (/* binding */ recordBackend),
/* harmony export */   au: () => (/* binding */ legacyRecordIn)
/* harmony export */ });
/* harmony import */ var _backend_tokens_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3374);
/* harmony import */ var _backend_render_backend_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4561);
/* harmony import */ var _manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7290);



/**
 * Where each region keeps its failover record. A region-keyed backend gives every region a store of its own
 * and renders the same key in each for one instance, so replication of one region's store into another would
 * copy a record kept at one shared key over the other region's. Each region's record is an instance of its
 * own (its id and layer name the region) so that a replicated copy lands at another key. Pure: the names, and
 * what a record read at the key used before says.
 */
/** The record instance of `region`: `{id}` and `{layer}` both name the region, whichever a key renders. */
function recordInstanceOf(region) {
    return { id: `strata/${region}/failover-record`, layer: `strata-failover-record-${region}` };
}
/** The instance every region's record was kept as before: one key in every region's store. */
const LEGACY_RECORD = { id: 'strata/failover-record', layer: 'strata-failover-record' };
/**
 * Where `region`'s record (or `record`, the legacy one) is kept: the manifest's backend rendered for it as for
 * a global instance whose state is in `region`. The record's Terraform uses it (app/dr/failover-record.ts), and
 * expandManifest checks that it is no layer instance's location (core/graph/graph-problems.ts).
 */
function recordBackend(manifest, region, record = recordInstanceOf(region)) {
    const instance = {
        ...record,
        scope: 'global',
        account: null,
        accountId: null,
        region: null,
        environment: null,
    };
    return (0,_backend_render_backend_js__WEBPACK_IMPORTED_MODULE_1__/* .renderInstanceBackend */ .Kz)(manifest.backend, (0,_backend_tokens_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenValues */ .g7)(instance, region, (0,_manifest_primary_region_js__WEBPACK_IMPORTED_MODULE_2__/* .regionRoleOf */ .Gc)(manifest, region)));
}
/**
 * What a record found at the legacy key of `region`'s store means for `region`. Every record is written into
 * its own `to` (a hold, a failover or failback in effect, a failback done), so one whose `to` is `region` is
 * the region's own, written before records had keys of their own; any other is a copy replicated from the
 * store of its `to` and says nothing about `region`.
 */
function legacyRecordIn(record, region) {
    if (record.to === region)
        return { record };
    const status = record.status === 'pending' ? 'pending' : 'in effect';
    return {
        record: null,
        note: `The failover record at the legacy key (${LEGACY_RECORD.id}) in ${region} is a ${record.mode ?? 'failover'} from ${record.from} to ${record.to} (${status}, recorded ${record.at}): a copy replicated from ${record.to}'s store, ignored; ${region} holds no record of its own.`,
    };
}


/***/ }),

/***/ 680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ steadyStateIds),
/* harmony export */   dr: () => (/* binding */ steadyStateWithin),
/* harmony export */   xi: () => (/* binding */ steadyStateRoles)
/* harmony export */ });
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2191);

/** Each environment's strategy by account and name, looked up once rather than searched for per instance. */
function strategyLookup(manifest) {
    const strategies = new Map();
    for (const account of manifest.accounts) {
        for (const environment of account.environments) {
            strategies.set(`${account.name}/${environment.name}`, environment.strategy);
        }
    }
    return (account, environment) => (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .getOrThrow */ .Gp)(strategies, `${account}/${environment}`, 'environment');
}
/**
 * The role an instance runs with in steady state, or null when its DR strategy keeps it out of that region
 * until a failover. Secondary regions hold: region layers marked `standby` (the default for region layers);
 * under backup_restore, environment layers only when marked `standby`; under pilot_light and warm_standby,
 * every environment layer, with role `standby` so its code can scale it down. Global and account instances
 * have no region, hence no role, and always exist. The lookups are built once for the whole manifest.
 */
function steadyStateRoles(manifest) {
    const layers = new Map(manifest.layers.map((layer) => [layer.name, layer]));
    // Only backup_restore keeps an environment layer out: without it, no look-up per instance (100,000 of them).
    const hasBackupRestore = manifest.accounts.some((account) => account.environments.some((environment) => environment.strategy === 'backup_restore'));
    const strategyOf = hasBackupRestore ? strategyLookup(manifest) : undefined;
    return (instance) => {
        if (instance.region === null)
            return null;
        if (instance.role === 'primary')
            return 'primary';
        const { standby } = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .getOrThrow */ .Gp)(layers, instance.layer, 'layer');
        // A region instance (scope region) has no environment.
        if (instance.account === null || instance.environment === null)
            return standby ? 'secondary' : null;
        if (strategyOf?.(instance.account, instance.environment) === 'backup_restore')
            return standby ? 'standby' : null;
        return 'standby';
    };
}
/** Ids of the instances that exist in steady state: what normal plan and apply work on. */
function steadyStateIds(graph, manifest) {
    return idsWhere(graph, existsInSteadyState(manifest));
}
/**
 * What a normal run may select: undefined when every instance exists in steady state (warm standby and pilot
 * light keep none out), so that no set of 100,000 ids is built to be looked up; else steadyStateIds.
 */
function steadyStateWithin(graph, manifest) {
    const exists = existsInSteadyState(manifest);
    return graph.instances.every(exists) ? undefined : idsWhere(graph, exists);
}
function existsInSteadyState(manifest) {
    const roleOf = steadyStateRoles(manifest);
    return (instance) => instance.region === null || roleOf(instance) !== null;
}
function idsWhere(graph, keep) {
    const ids = new Set();
    for (const instance of graph.instances)
        if (keep(instance))
            ids.add(instance.id);
    return ids;
}


/***/ }),

/***/ 6035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J1: () => (/* binding */ intAt),
/* harmony export */   eM: () => (/* binding */ floatAt),
/* harmony export */   jj: () => (/* binding */ idAt)
/* harmony export */ });
/**
 * `array[index]` for an index the caller knows is in range, in the integer kernels of the graph: a position
 * below the length the array was made with, or an offset between two entries of a `start` array. A miss is a
 * bug in Strata, so it throws instead of carrying `undefined` on. One function per array type, so that each
 * stays monomorphic and can be inlined into the 100k-instance loops (npm run bench:graph measures them);
 * elsewhere use itemAt (lookup.ts).
 */
function intAt(array, index) {
    const value = array[index];
    if (value === undefined)
        throw outOfRange('an Int32Array', array.length, index);
    return value;
}
/** intAt for a Float64Array. */
function floatAt(array, index) {
    const value = array[index];
    if (value === undefined)
        throw outOfRange('a Float64Array', array.length, index);
    return value;
}
/**
 * `ids[position]` for a position of the same graph; see intAt. The lists of ids it is given are of several
 * kinds (holey, packed, frozen), so it is polymorphic: the per-edge loops of edges.ts read `ids` directly.
 */
function idAt(ids, position) {
    const id = ids[position];
    if (id === undefined)
        throw outOfRange('a list of ids', ids.length, position);
    return id;
}
function outOfRange(type, length, index) {
    return new RangeError(`Internal error: index ${index} outside ${type} of ${length}`);
}


/***/ }),

/***/ 8170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ compileEdges),
/* harmony export */   b: () => (/* binding */ compiledGraphOf)
/* harmony export */ });
/* harmony import */ var _edges_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8228);
/* harmony import */ var _topological_levels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4785);
/* harmony import */ var _expanded_graph_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2881);



/** Compiles edges that are already positions: the dependents and the topological pass follow from them. */
function compileEdges(ids, dependsOn) {
    const dependents = (0,_edges_js__WEBPACK_IMPORTED_MODULE_0__/* .reverseEdges */ .Xz)(ids.length, dependsOn);
    return { ids, dependsOn, dependents, topology: (0,_topological_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .topologicalLevels */ .T)((0,_edges_js__WEBPACK_IMPORTED_MODULE_0__/* .countsOf */ .mQ)(dependsOn.start), dependents) };
}
/** The compiled form of a graph: kept by one from expandManifest, compiled now for one assembled elsewhere (tests). */
function compiledGraphOf(graph) {
    return graph instanceof _expanded_graph_js__WEBPACK_IMPORTED_MODULE_2__/* .ExpandedGraph */ .C ? graph.compiled : compileInstances(graph.instances);
}
function compileInstances(instances) {
    const positions = new Map();
    const ids = instances.map((instance, position) => {
        positions.set(instance.id, position);
        return instance.id;
    });
    const { edges } = (0,_edges_js__WEBPACK_IMPORTED_MODULE_0__/* .edgesOfLists */ .Be)(instances, (instance) => instance.dependsOn, (id, from) => {
        const target = positions.get(id);
        if (target === undefined)
            throw new Error(`'${String(ids[from])}' depends on unknown '${id}'`);
        return target;
    });
    return compileEdges(ids, edges);
}


/***/ }),

/***/ 8228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ edgesOfLists),
/* harmony export */   GQ: () => (/* binding */ idListsOf),
/* harmony export */   Xz: () => (/* binding */ reverseEdges),
/* harmony export */   gK: () => (/* binding */ sortByIds),
/* harmony export */   mQ: () => (/* binding */ countsOf)
/* harmony export */ });
/* harmony import */ var _checked_reads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6035);

/**
 * Edges from lists of ids: `dependsOn(item)` names what the item at position p depends on, `positionOf`
 * numbers the ids.
 * An id that `positionOf` does not know makes no edge but still counts in `counts`, so that the position is
 * never released by a topological pass (as a plain Dag naming an unknown id has always behaved).
 */
function edgesOfLists(items, dependsOn, positionOf) {
    const start = new Int32Array(items.length + 1);
    const counts = new Int32Array(items.length);
    const targets = [];
    // Indexed, not for-of: these loops run per instance and per edge, once per graph, and an iterator costs an
    // object per step until the function is optimised.
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes below the arrays' lengths */
    for (let position = 0; position < items.length; position++) {
        const list = dependsOn(items[position]) ?? [];
        counts[position] = list.length;
        for (let at = 0; at < list.length; at++) {
            const target = positionOf(list[at], position);
            if (target !== undefined)
                targets.push(target);
        }
        start[position + 1] = targets.length;
    }
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
    return { edges: { start, targets: Int32Array.from(targets) }, counts };
}
/** The same edges turned round, each position's list in ascending order. */
function reverseEdges(count, edges) {
    // Counts at `start[target + 1]`, then summed into offsets.
    const start = new Int32Array(count + 1);
    for (let at = 0; at < edges.targets.length; at++) {
        const target = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.targets, at);
        start[target + 1] = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(start, target + 1) + 1;
    }
    let offset = 0;
    for (let position = 0; position <= count; position++) {
        offset += (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(start, position);
        start[position] = offset;
    }
    const next = start.slice(0, count);
    const targets = new Int32Array(edges.targets.length);
    for (let position = 0; position < count; position++) {
        const end = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.start, position + 1);
        for (let at = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.start, position); at < end; at++) {
            const target = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.targets, at);
            const slot = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(next, target);
            next[target] = slot + 1;
            targets[slot] = position;
        }
    }
    return { start, targets };
}
/** How many edges leave each position, from start offsets. */
function countsOf(start) {
    const counts = new Int32Array(start.length - 1);
    for (let position = 0; position < counts.length; position++)
        counts[position] = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(start, position + 1) - (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(start, position);
    return counts;
}
/** Each position's list of ids, `ids[target]` in edge order. */
function idListsOf(edges, ids, position) {
    const from = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.start, position);
    const list = new Array((0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.start, position + 1) - from);
    // A target is a position of the same graph as `ids`. Unchecked: this runs once per edge, and a checked read
    // shared with the other arrays of strings (idAt) reads about twice as slowly.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- targets index ids
    for (let at = 0; at < list.length; at++)
        list[at] = ids[(0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(edges.targets, from + at)];
    return list;
}
/**
 * Sorts `list[from..to)`, positions, by their ids (as compareIds orders them): insertion sort for the usual
 * handful, the built-in sort for a fan-in that is not in order yet. A fan-in's members come in position order,
 * which is id order when the manifest lists names in order; the built-in sort with a comparator is the
 * slowest part of the expansion on Node 20 otherwise. The positions index `ids`; reads are unchecked, as in
 * idListsOf.
 */
function sortByIds(list, from, to, ids) {
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of the graph that `ids` names */
    if (to - from > 16) {
        if (isSortedByIds(list, from, to, ids))
            return;
        list.subarray(from, to).sort((a, b) => {
            const idA = ids[a];
            const idB = ids[b];
            return idA < idB ? -1 : idA > idB ? 1 : 0;
        });
        return;
    }
    for (let index = from + 1; index < to; index++) {
        const position = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(list, index);
        const id = ids[position];
        let at = index - 1;
        for (; at >= from; at--) {
            const before = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(list, at);
            if (ids[before] <= id)
                break;
            list[at + 1] = before;
        }
        list[at + 1] = position;
    }
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
}
function isSortedByIds(list, from, to, ids) {
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of the graph that `ids` names */
    let previous = ids[(0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(list, from)];
    for (let index = from + 1; index < to; index++) {
        const id = ids[(0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(list, index)];
        if (id < previous)
            return false;
        previous = id;
    }
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
    return true;
}


/***/ }),

/***/ 8056:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ expandManifest)
});

// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
;// CONCATENATED MODULE: ./build/tsc/core/graph/cells.js
const COORDINATES = ['account', 'region', 'environment'];
const SCOPE_COORDINATES = {
    global: [],
    account: ['account'],
    region: ['account', 'region'],
    environment: ['account', 'region', 'environment'],
};
/** Numbers for the names instances are placed by: accounts in manifest order, regions and environment names as first seen. */
class Cells {
    accounts = new Map();
    regions = new Map();
    environments = new Map();
    constructor(manifest) {
        manifest.accounts.forEach((account, index) => this.accounts.set(account.name, index));
        manifest.regions.forEach((region) => this.number(this.regions, region.name));
        manifest.accounts.forEach((account) => {
            account.regions.forEach((region) => this.number(this.regions, region));
            account.environments.forEach((environment) => {
                this.number(this.environments, environment.name);
                environment.regions.forEach((region) => this.number(this.regions, region));
            });
        });
    }
    number(names, name) {
        let index = names.get(name);
        if (index === undefined) {
            index = names.size;
            names.set(name, index);
        }
        return index;
    }
    /** What each coordinate's index (+1) is multiplied by in a key. */
    factors() {
        const regionFactor = this.accounts.size + 1;
        return [1, regionFactor, regionFactor * (this.regions.size + 1)];
    }
    /** One number per combination of coordinate indexes (-1 where absent or not fixed). */
    key(account, region, environment) {
        return (account + 1 + (this.accounts.size + 1) * (region + 1 + (this.regions.size + 1) * (environment + 1)));
    }
}

// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: ./build/tsc/core/graph/checked-reads.js
var checked_reads = __webpack_require__(6035);
// EXTERNAL MODULE: ./build/tsc/core/graph/edges.js
var edges = __webpack_require__(8228);
;// CONCATENATED MODULE: ./build/tsc/core/graph/collect-dependencies.js



/**
 * Merges each instance's resolved dependencies into one list of positions without itself or repeats, sorted
 * by id: the graph's edges, in the order of each instance's `dependsOn`.
 */
function collectDependencies(placement, resolvedByLayer) {
    const { ids } = placement;
    const count = ids.length;
    const start = new Int32Array(count + 1);
    let targets = new Int32Array(Math.max(16, count * 4));
    let used = 0;
    const seenBy = new Int32Array(count).fill(-1);
    for (const [layerIndex, resolved] of resolvedByLayer.entries()) {
        const first = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex, 'layer start');
        const end = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex + 1, 'layer end');
        // Read once per layer, not once per instance.
        const dependencies = resolved.map(({ selector, groups }) => ({
            groups,
            groupStart: selector.index.groupStart,
            members: selector.index.members,
        }));
        for (let position = first; position < end; position++) {
            const from = used;
            // Indexed, not for-of: see expandManifest.
            for (let dependency = 0; dependency < dependencies.length; dependency++) {
                // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- dependency < dependencies.length
                const { groups, groupStart, members } = dependencies[dependency];
                const group = (0,checked_reads/* intAt */.J1)(groups, position - first);
                const last = (0,checked_reads/* intAt */.J1)(groupStart, group + 1);
                for (let at = (0,checked_reads/* intAt */.J1)(groupStart, group); at < last; at++) {
                    const member = (0,checked_reads/* intAt */.J1)(members, at);
                    if (member === position || seenBy[member] === position)
                        continue;
                    seenBy[member] = position;
                    if (used === targets.length) {
                        const grown = new Int32Array(targets.length * 2);
                        grown.set(targets);
                        targets = grown;
                    }
                    targets[used++] = member;
                }
            }
            (0,edges/* sortByIds */.gK)(targets, from, used, ids);
            start[position + 1] = used;
        }
    }
    return { start, targets: targets.slice(0, used) };
}

// EXTERNAL MODULE: ./build/tsc/core/graph/compiled-graph.js
var compiled_graph = __webpack_require__(8170);
// EXTERNAL MODULE: ./build/tsc/core/manifest/primary-region.js
var primary_region = __webpack_require__(7290);
;// CONCATENATED MODULE: ./build/tsc/core/graph/place-instances.js




/** The names of a position's coordinates (null where its scope has none). */
function coordinatesAt(manifest, placement, position) {
    const { account, region, environment } = placeAt(manifest.accounts, placement, position);
    return { account: account?.name ?? null, region, environment };
}
/** A position's account, and the names of its region and environment (null where its scope has none). */
function placeAt(accounts, placement, position) {
    const accountIndex = (0,checked_reads/* intAt */.J1)(placement.account, position);
    if (accountIndex < 0)
        return { account: null, region: null, environment: null };
    const account = (0,lookup/* itemAt */.R9)(accounts, accountIndex, 'account');
    const region = (0,checked_reads/* intAt */.J1)(placement.accountRegion, position);
    const environment = (0,checked_reads/* intAt */.J1)(placement.accountEnvironment, position);
    return {
        account,
        region: region < 0 ? null : (0,lookup/* itemAt */.R9)(account.regions, region, 'region'),
        environment: environment < 0 ? null : (0,lookup/* itemAt */.R9)(account.environments, environment, 'environment').name,
    };
}
/** Numbers every instance of the manifest. The arrays are sized up front and ids are joined, not concatenated. */
function placeInstances(manifest, cells) {
    const { accounts, layers } = manifest;
    // Each account with its regions and, in each region, the environments that run there: Cells indexes looked
    // up once, and no environment tested against a region per instance.
    const places = accounts.map((account, index) => {
        const environments = account.environments.map((environment, index) => ({
            name: environment.name,
            index,
            cell: (0,lookup/* getOrThrow */.Gp)(cells.environments, environment.name, 'environment'),
            regions: environment.regions,
        }));
        return {
            account,
            index,
            regions: account.regions.map((name, index) => ({
                name,
                index,
                cell: (0,lookup/* getOrThrow */.Gp)(cells.regions, name, 'region'),
                environments: environments.filter((environment) => environment.regions.includes(name)),
            })),
        };
    });
    const regionCount = places.reduce((sum, place) => sum + place.regions.length, 0);
    const environmentCount = places.reduce((sum, place) => sum + place.regions.reduce((inRegion, region) => inRegion + region.environments.length, 0), 0);
    const cellsOf = {
        global: 1,
        account: accounts.length,
        region: regionCount,
        environment: environmentCount,
    };
    const count = layers.reduce((sum, layer) => sum + cellsOf[layer.scope], 0);
    const placement = {
        ids: new Array(count),
        layerOf: new Int32Array(count),
        layerStart: [],
        account: new Int32Array(count),
        region: new Int32Array(count),
        environment: new Int32Array(count),
        accountRegion: new Int32Array(count),
        accountEnvironment: new Int32Array(count),
    };
    // Reused for every id: [account, layer], [account, region, layer], [account, region, environment, layer].
    const accountParts = ['', ''];
    const regionParts = ['', '', ''];
    const environmentParts = ['', '', '', ''];
    let position = 0;
    const add = (layerIndex, name, place, region, environment) => {
        let id = name;
        if (place) {
            // Joined, not concatenated: `+` would keep each id as a tree of pieces for as long as the instance lives.
            const parts = region === undefined ? accountParts : environment === undefined ? regionParts : environmentParts;
            parts[0] = place.account.name;
            if (region)
                parts[1] = region.name;
            if (environment)
                parts[2] = environment.name;
            parts[parts.length - 1] = name;
            id = parts.join('/');
        }
        placement.ids[position] = id;
        placement.layerOf[position] = layerIndex;
        placement.account[position] = place === undefined ? -1 : place.index;
        placement.region[position] = region === undefined ? -1 : region.cell;
        placement.environment[position] = environment === undefined ? -1 : environment.cell;
        placement.accountRegion[position] = region === undefined ? -1 : region.index;
        placement.accountEnvironment[position] = environment === undefined ? -1 : environment.index;
        position++;
    };
    for (const [layerIndex, { name, scope }] of layers.entries()) {
        placement.layerStart.push(position);
        if (scope === 'global') {
            add(layerIndex, name);
            continue;
        }
        for (const place of places) {
            if (scope === 'account') {
                add(layerIndex, name, place);
                continue;
            }
            // Indexed, not for-of, where the loops run per instance: see expandManifest.
            /* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes below the arrays' lengths */
            for (let regionIndex = 0; regionIndex < place.regions.length; regionIndex++) {
                const region = place.regions[regionIndex];
                if (scope === 'region') {
                    add(layerIndex, name, place, region);
                    continue;
                }
                const { environments } = region;
                for (let environmentIndex = 0; environmentIndex < environments.length; environmentIndex++) {
                    add(layerIndex, name, place, region, environments[environmentIndex]);
                }
            }
            /* eslint-enable @typescript-eslint/no-non-null-assertion */
        }
    }
    placement.layerStart.push(position);
    return placement;
}
/**
 * The instances, by position: coordinates, role and `dependsOn` (the ids of its edges; none when the
 * dependencies could not be resolved: such a graph is never returned). Backends and vars are rendered on
 * demand (instance-rendering.ts). This is the loop that runs once per instance.
 */
function createInstances(manifest, placement, dependsOn) {
    const { accounts, layers } = manifest;
    // Each account's primary region and each of its environments' (primary_region, else the region roles').
    const estatePrimary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
    const primaries = accounts.map((account) => {
        const ofAccount = account.primaryRegion ?? estatePrimary;
        return {
            ofAccount,
            ofEnvironment: account.environments.map((environment) => environment.primaryRegion ?? ofAccount),
        };
    });
    const { ids } = placement;
    const instances = new Array(ids.length);
    // Unchecked reads in this loop, which runs once per instance: every index comes from placeInstances, which
    // made these arrays together. itemAt, shared by every array type, is megamorphic: about 4× slower a read.
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions and indexes of one placement */
    for (let position = 0; position < ids.length; position++) {
        const layer = layers[placement.layerOf[position]];
        const accountIndex = placement.account[position];
        const regionIndex = placement.accountRegion[position];
        const environmentIndex = placement.accountEnvironment[position];
        const account = accountIndex < 0 ? null : accounts[accountIndex];
        const region = account === null || regionIndex < 0 ? null : account.regions[regionIndex];
        const environment = account === null || environmentIndex < 0 ? null : account.environments[environmentIndex].name;
        const primaryOf = accountIndex < 0 ? null : primaries[accountIndex];
        const primary = primaryOf === null
            ? null
            : environmentIndex < 0
                ? primaryOf.ofAccount
                : primaryOf.ofEnvironment[environmentIndex];
        const role = region === null ? null : region === primary ? 'primary' : 'secondary';
        instances[position] = {
            id: ids[position],
            layer: layer.name,
            scope: layer.scope,
            account: account === null ? null : account.name,
            accountId: account === null ? null : account.id,
            region,
            environment,
            role,
            path: layer.path,
            dependsOn: dependsOn ? (0,edges/* idListsOf */.GQ)(dependsOn, ids, position) : [],
        };
    }
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
    return instances;
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/dependency-resolver.js





function groupIn(table, key) {
    if (table.isDense)
        return key < table.dense.length ? (0,checked_reads/* intAt */.J1)(table.dense, key) : -1;
    return table.sparse.get(key) ?? -1;
}
const SAME = -1;
const FREE = -2;
/**
 * Resolves `depends_on` entries to instance positions. Each selector groups its target layer's instances by
 * the coordinates it fixes, once per pattern, so a large estate is not scanned per instance.
 */
class DependencyResolver {
    manifest;
    placement;
    cells;
    primary;
    indexes = new Map();
    selectors = new Map();
    layerPositions = new Map();
    constructor(manifest, placement, cells) {
        this.manifest = manifest;
        this.placement = placement;
        this.cells = cells;
        this.primary = (0,primary_region/* primaryRegionOf */.Ad)(manifest);
        manifest.layers.forEach((layer, index) => this.layerPositions.set(layer.name, index));
    }
    selector(dependency, target) {
        let selector = this.selectors.get(dependency);
        if (selector)
            return selector;
        const coordinates = SCOPE_COORDINATES[target.scope];
        let isEmpty = false;
        const source = (coordinate, names) => {
            if (!coordinates.includes(coordinate))
                return FREE;
            const value = dependency[coordinate];
            if (value === 'all')
                return FREE;
            if (value === 'same')
                return SAME;
            const index = names.get(value === 'primary' ? this.primary : value);
            if (index === undefined)
                isEmpty = true;
            return index ?? FREE;
        };
        const account = source('account', this.cells.accounts);
        const region = source('region', this.cells.regions);
        const environment = source('environment', this.cells.environments);
        const pattern = `${target.name}|${String(account !== FREE)}|${String(region !== FREE)}|${String(environment !== FREE)}`;
        let index = this.indexes.get(pattern);
        if (!index) {
            index = this.targetIndex(target, account !== FREE, region !== FREE, environment !== FREE);
            this.indexes.set(pattern, index);
        }
        selector = { account, region, environment, isEmpty, index };
        this.selectors.set(dependency, selector);
        return selector;
    }
    /**
     * The group of target instances a selector picks for each instance from position `start` to `end` (-1 for
     * none). One tight loop: this runs once per instance and dependency. Its key is Cells.key with the
     * selector's fixed coordinates folded into a constant.
     */
    groupsOf(selector, start, end) {
        const groups = new Int32Array(end - start);
        if (selector.isEmpty)
            return groups.fill(-1);
        // Each coordinate's factor in Cells.key: fixed ones add a constant, 'same' ones the dependent's own index.
        const [accountFactor, regionFactor, environmentFactor] = this.cells.factors();
        const ownFactor = (from, factor) => (from === SAME ? factor : 0);
        const fixedPart = (from, factor) => (from >= 0 ? factor * (from + 1) : 0);
        const byAccount = ownFactor(selector.account, accountFactor);
        const byRegion = ownFactor(selector.region, regionFactor);
        const byEnvironment = ownFactor(selector.environment, environmentFactor);
        const constant = fixedPart(selector.account, accountFactor) +
            fixedPart(selector.region, regionFactor) +
            fixedPart(selector.environment, environmentFactor);
        const { account, region, environment } = this.placement;
        const { isDense, dense, sparse } = selector.index.groups;
        for (let position = start; position < end; position++) {
            const key = constant +
                byAccount * ((0,checked_reads/* intAt */.J1)(account, position) + 1) +
                byRegion * ((0,checked_reads/* intAt */.J1)(region, position) + 1) +
                byEnvironment * ((0,checked_reads/* intAt */.J1)(environment, position) + 1);
            // A key past the end of the dense array, or not in the map, has no group.
            groups[position - start] = isDense
                ? key < dense.length
                    ? (0,checked_reads/* intAt */.J1)(dense, key)
                    : -1
                : (sparse.get(key) ?? -1);
        }
        return groups;
    }
    /** Why a dependency selects nothing for an instance. */
    whyUnresolved(position, dependency, target) {
        const id = (0,checked_reads/* idAt */.jj)(this.placement.ids, position);
        const own = coordinatesAt(this.manifest, this.placement, position);
        const coordinates = SCOPE_COORDINATES[target.scope];
        const fixed = {};
        let isFanIn = false;
        for (const coordinate of coordinates) {
            const value = dependency[coordinate];
            if (value === 'all')
                isFanIn = true;
            // A dependency's coordinates are among its dependent's (checkDependencyShape), so 'same' has a value.
            else if (value === 'same')
                fixed[coordinate] = (0,lookup/* definedOrThrow */.pU)(own[coordinate], `the ${coordinate} of '${id}'`);
            else if (value === 'primary')
                fixed[coordinate] = this.primary;
            else
                fixed[coordinate] = value;
        }
        if (isFanIn) {
            return `'${id}' depends on every matching instance of '${target.name}', but none exists`;
        }
        const missing = instanceId(target.name, fixed.account ?? null, fixed.region ?? null, fixed.environment ?? null);
        const selector = coordinates.map((coordinate) => `${coordinate} ${String(fixed[coordinate])}`).join(', ');
        return `'${id}' depends on '${target.name}' in ${selector}, but there is no such instance ('${missing}'): ${whyMissing(fixed, this.manifest)}`;
    }
    targetIndex(target, byAccount, byRegion, byEnvironment) {
        const { placement, cells } = this;
        const layerIndex = (0,lookup/* getOrThrow */.Gp)(this.layerPositions, target.name, 'layer');
        const first = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex, 'layer start');
        const end = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex + 1, 'layer end');
        // Keys can pass 2^31 in a large enough estate: doubles hold them exactly.
        const keys = new Float64Array(end - first);
        const groupOf = new Int32Array(end - first);
        let largest = 0;
        for (let position = first; position < end; position++) {
            const key = cells.key(byAccount ? (0,checked_reads/* intAt */.J1)(placement.account, position) : -1, byRegion ? (0,checked_reads/* intAt */.J1)(placement.region, position) : -1, byEnvironment ? (0,checked_reads/* intAt */.J1)(placement.environment, position) : -1);
            keys[position - first] = key;
            if (key > largest)
                largest = key;
        }
        const isDense = largest < 4 * (end - first) + 1024;
        const groups = {
            isDense,
            dense: new Int32Array(isDense ? largest + 1 : 0).fill(-1),
            sparse: new Map(),
        };
        // There are at most as many groups as instances.
        const sizes = new Int32Array(end - first);
        let groupCount = 0;
        for (let offset = 0; offset < keys.length; offset++) {
            const key = (0,checked_reads/* floatAt */.eM)(keys, offset);
            let group = groupIn(groups, key);
            if (group < 0) {
                group = groupCount++;
                if (isDense)
                    groups.dense[key] = group;
                else
                    groups.sparse.set(key, group);
            }
            sizes[group] = (0,checked_reads/* intAt */.J1)(sizes, group) + 1;
            groupOf[offset] = group;
        }
        const groupStart = new Int32Array(groupCount + 1);
        for (let group = 0; group < groupCount; group++)
            groupStart[group + 1] = (0,checked_reads/* intAt */.J1)(groupStart, group) + (0,checked_reads/* intAt */.J1)(sizes, group);
        const next = groupStart.slice(0, groupCount);
        const members = new Int32Array(end - first);
        for (let offset = 0; offset < groupOf.length; offset++) {
            const group = (0,checked_reads/* intAt */.J1)(groupOf, offset);
            const slot = (0,checked_reads/* intAt */.J1)(next, group);
            next[group] = slot + 1;
            members[slot] = first + offset;
        }
        return { groups, groupStart, members };
    }
}
function whyMissing(fixed, manifest) {
    const account = manifest.accounts.find((candidate) => candidate.name === fixed.account);
    if (fixed.account !== undefined && !account)
        return `there is no account '${fixed.account}'`;
    if (account && fixed.region !== undefined && !account.regions.includes(fixed.region)) {
        return `account '${account.name}' does not have region '${fixed.region}'`;
    }
    if (account && fixed.environment !== undefined) {
        const environment = account.environments.find((candidate) => candidate.name === fixed.environment);
        if (!environment)
            return `account '${account.name}' has no environment '${fixed.environment}'`;
        if (fixed.region !== undefined && !environment.regions.includes(fixed.region)) {
            return `environment '${environment.name}' does not run in region '${fixed.region}'`;
        }
    }
    return 'check the selector';
}
function instanceId(layer, account, region, environment) {
    // Joined, not concatenated: ids are kept for every instance, and `+` keeps each id as a tree of pieces.
    const parts = [];
    if (account !== null)
        parts.push(account);
    if (region !== null)
        parts.push(region);
    if (environment !== null)
        parts.push(environment);
    parts.push(layer);
    return parts.join('/');
}

// EXTERNAL MODULE: ./build/tsc/core/graph/expanded-graph.js + 1 modules
var expanded_graph = __webpack_require__(2881);
;// CONCATENATED MODULE: ./build/tsc/core/graph/find-cycle.js




/**
 * A dependency cycle as a path of ids that starts and ends at the same instance (`a -> b -> a`), or
 * undefined.
 */
function findCycle(instances, byId) {
    const positions = new Map();
    instances.forEach((instance, position) => positions.set(instance.id, position));
    const { edges, counts } = edgesOfLists(instances, (instance) => instance.dependsOn, (id) => (byId.has(id) ? positions.get(id) : undefined));
    // Kahn's algorithm is cheaper than the search, which only runs to name the cycle when there is one.
    if (topologicalLevels(counts, reverseEdges(instances.length, edges)))
        return undefined;
    return cycleAmong(edges)?.map((position) => itemAt(instances, position, 'instance').id);
}
/**
 * A cycle among positions (`[a, b, a]`), or undefined: the first one a depth-first search meets, in position
 * and edge order. Iterative, so a deep graph cannot overflow the stack.
 */
function cycleAmong(dependsOn) {
    const { start, targets } = dependsOn;
    const count = start.length - 1;
    // 0: not seen, 1: on the search path, 2: done.
    const state = new Uint8Array(count);
    // The search path: each position with the next of its edges to follow and the end of its edges.
    const path = [];
    const enter = (position) => {
        state[position] = 1;
        path.push({ position, next: (0,checked_reads/* intAt */.J1)(start, position), end: (0,checked_reads/* intAt */.J1)(start, position + 1) });
    };
    for (let root = 0; root < count; root++) {
        if (state[root] !== 0)
            continue;
        enter(root);
        for (let top = path.at(-1); top !== undefined; top = path.at(-1)) {
            if (top.next >= top.end) {
                state[top.position] = 2;
                path.pop();
                continue;
            }
            const dependency = (0,checked_reads/* intAt */.J1)(targets, top.next++);
            if (state[dependency] === 1) {
                const onPath = path.findIndex((frame) => frame.position === dependency);
                return [...path.slice(onPath).map((frame) => frame.position), dependency];
            }
            if (state[dependency] === 0)
                enter(dependency);
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./build/tsc/core/backend/object-keys.js
var object_keys = __webpack_require__(9848);
// EXTERNAL MODULE: ./build/tsc/core/backend/tokens.js
var backend_tokens = __webpack_require__(3374);
;// CONCATENATED MODULE: ./build/tsc/core/backend/state-location.js

/**
 * How to tell the state locations of backends rendered from one manifest apart. They share the type, the keys
 * and the values without tokens, so only the rendered templates can differ: `key` joins those (each but the
 * last prefixed with its length, so no two lists join alike). `isUnique` says when no key is needed at all: a
 * value whose only token is `{id}` renders differently for every instance, ids being unique.
 */
function compileStateLocation(backend) {
    const { config } = backend;
    const templated = Object.keys(config).filter((key) => typeof config[key] === 'string' && (0,backend_tokens/* usedTokens */.yT)(config[key]).length > 0);
    // A key that a region sets may be what tells two regions' stores apart (a bucket, an endpoint).
    const regional = Object.values(backend.regionConfig).flatMap((overrides) => Object.keys(overrides));
    const keys = [...new Set([...templated, ...regional])];
    const rendersIdAlone = (value) => {
        const tokens = typeof value === 'string' ? (0,backend_tokens/* usedTokens */.yT)(value) : [];
        return tokens.length === 1 && tokens[0] === 'id';
    };
    // Unique when one key renders {id} alone in every region, a region's own value of it included.
    const isUnique = templated.some((key) => rendersIdAlone(config[key]) &&
        Object.values(backend.regionConfig).every((overrides) => !(key in overrides) || rendersIdAlone(overrides[key])));
    const key = (backend) => {
        let joined = '';
        let left = keys.length;
        for (const name of keys) {
            const value = String(backend.config[name]);
            joined += --left === 0 ? value : `${value.length}:${value}`;
        }
        return joined;
    };
    return { isUnique, key };
}

// EXTERNAL MODULE: ./build/tsc/core/backend/render-backend.js
var render_backend = __webpack_require__(4561);
// EXTERNAL MODULE: ./build/tsc/core/manifest/schema-errors.js
var schema_errors = __webpack_require__(5462);
// EXTERNAL MODULE: ./build/tsc/core/dr/record-key.js
var record_key = __webpack_require__(4377);
;// CONCATENATED MODULE: ./build/tsc/core/graph/graph-problems.js









/** Rules that depend only on the two layers' scopes, checked once per dependency rather than per instance. */
function checkDependencyShape(layer, dependency, target, report) {
    const targetCoordinates = SCOPE_COORDINATES[target.scope];
    const ownCoordinates = SCOPE_COORDINATES[layer.scope];
    let ok = true;
    for (const coordinate of COORDINATES) {
        const value = dependency[coordinate];
        if (!targetCoordinates.includes(coordinate)) {
            if (value !== 'same') {
                report([...dependency.at, coordinate], `layer '${layer.name}' selects ${coordinate} '${value}' of '${target.name}', but '${target.name}' is ${target.scope}-scoped and has no ${coordinate}; remove '${coordinate}' from this dependency`);
                ok = false;
            }
        }
        else if (value === 'same' && !ownCoordinates.includes(coordinate)) {
            const choices = coordinate === 'region' ? `'primary', 'all' or a region name` : `'all' or an ${coordinate} name`;
            report(dependency.at, `layer '${layer.name}' (${layer.scope} scope) depends on '${target.name}' (${target.scope} scope), which has one instance per ${coordinate}; ${layer.scope}-scoped instances have no ${coordinate} of their own, so say which: {layer: ${target.name}, ${coordinate}: ${choices}}`);
            ok = false;
        }
    }
    return ok;
}
/** A cycle of positions, reported at the `depends_on` entry of its first edge. */
function reportCycle(cycle, manifest, placement, report) {
    const layerAt = (position) => (0,lookup/* itemAt */.R9)(manifest.layers, (0,lookup/* itemAt */.R9)(placement.layerOf, position, 'layer index'), 'layer');
    // A cycle has two instances at least (a layer depending on itself is refused when parsed).
    const layer = layerAt((0,lookup/* itemAt */.R9)(cycle, 0, 'cycle member'));
    const next = layerAt((0,lookup/* itemAt */.R9)(cycle, 1, 'cycle member'));
    const edge = layer.dependsOn.find((dependency) => dependency.layer === next.name);
    report(edge?.at ?? ['layers', layer.index, 'depends_on'], `dependency cycle: ${cycle.map((position) => (0,lookup/* itemAt */.R9)(placement.ids, position, 'id')).join(' -> ')} (layers ${cycle.map((position) => layerAt(position).name).join(' -> ')}); remove one of these dependencies`);
}
function checkTokens(manifest, report) {
    const check = (value, path) => {
        if (typeof value === 'string') {
            for (const token of (0,backend_tokens/* unknownTokens */.RV)(value)) {
                report(path, `${(0,schema_errors/* describePath */.NH)(path)}: unknown token '{${token}}'; tokens are {id} {layer} {scope} {account} {account_id} {region} {environment} {role}`);
            }
        }
        else if (Array.isArray(value))
            value.forEach((item, index) => {
                check(item, [...path, index]);
            });
        else if (value !== null && typeof value === 'object') {
            for (const [key, item] of Object.entries(value))
                check(item, [...path, key]);
        }
    };
    check(manifest.backend.config, ['backend', 'config']);
    check(manifest.backend.regionConfig, ['backend', 'region_config']);
    for (const layer of manifest.layers)
        check(layer.vars, ['layers', layer.index, 'vars']);
}
/**
 * Every instance needs a state location of its own, and so does each region's failover record: none may be a
 * layer instance's, and no two regions' records may render one key, which replication of one region's store
 * into another would copy one record over the other at.
 */
function checkStateLocations(manifest, instances, backendOf, report) {
    const location = compileStateLocation(manifest.backend);
    // The owner of each location, filled only when ids alone do not tell every location apart.
    const owners = new Map();
    if (!location.isUnique) {
        const clashes = [];
        for (const instance of instances) {
            const key = location.key(backendOf(instance));
            const owner = owners.get(key);
            if (owner === undefined)
                owners.set(key, instance.id);
            else
                clashes.push(`'${owner}' and '${instance.id}'`);
        }
        const [clash] = clashes;
        if (clash !== undefined) {
            report(['backend', 'config'], `instances ${clash} would share one state location${morePairs(clashes.length)}; every instance needs its own: put {id} (or every coordinate that tells them apart) into backend.config`);
        }
    }
    // Records are written only by a move to another region (a failover, a failback, a deploy hold).
    if (manifest.regions.length > 1)
        checkRecordLocations(manifest, instances, backendOf, location, owners, report);
    checkPromotedKeys(manifest, instances, backendOf, report);
}
/**
 * A failover of the global region promotes its replica: `global_region` becomes the replica region and global
 * and account state is read where replication copied it, at the object key it had. A key rendered from the
 * global region ({region}, {role}) would name another object once `global_region` moves, one that nothing
 * wrote: refused while the manifest can promote (the global region has a replica).
 */
function checkPromotedKeys(manifest, instances, backendOf, report) {
    const { globalRegion, replicas, type } = manifest.backend;
    const replica = replicas[globalRegion];
    const global = instances.find((instance) => instance.region === null);
    if (replica === undefined || global === undefined)
        return;
    const own = backendOf(global);
    const promoted = (0,render_backend/* renderInstanceBackend */.Kz)(manifest.backend, (0,backend_tokens/* tokenValues */.g7)(global, replica, (0,primary_region/* regionRoleOf */.Gc)(manifest, replica)));
    const moved = (0,object_keys/* replicatedKeysOf */.d)(type).filter((key) => promoted.config[key] !== own.config[key]);
    const [key] = moved;
    if (key === undefined)
        return;
    report(['backend', 'config', key], `backend.config.${key} of global and account state names their region: '${String(own.config[key])}' for '${global.id}' would become '${String(promoted.config[key])}' once a failover promotes the replica in ${replica}, but replication keeps the key it copied the state to; keep {region} and {role} out of the key, and name the region in the bucket: each region its own store`);
}
const morePairs = (clashes) => clashes > 1 ? ` (and ${clashes - 1} more pair${clashes > 2 ? 's' : ''})` : '';
function checkRecordLocations(manifest, instances, backendOf, location, owners, report) {
    const objectKeys = object_keys/* OBJECT_KEYS */.X[manifest.backend.type];
    const at = ['backend', 'config', ...(objectKeys?.slice(-1) ?? [])];
    const field = `backend.config${objectKeys ? `.${objectKeys.join('/')}` : ''}`;
    const records = manifest.regions.map(({ name }) => {
        const backend = (0,record_key/* recordBackend */.WA)(manifest, name);
        const objectKey = objectKeys
            ? objectKeys.map((key) => String(backend.config[key] ?? '')).join('\n')
            : location.key(backend);
        return { region: name, id: (0,record_key/* recordInstanceOf */.UG)(name).id, backend, objectKey };
    });
    // With ids telling every location apart, a record's location can be an instance's only when its id is: one
    // pass over the instances finds those namesakes, rather than one search of them per region.
    const namesakes = new Map();
    // An instance's id ends in its layer's name: without a layer named as a record id ends, there is none.
    const layerNames = new Set(manifest.layers.map((layer) => layer.name));
    const mayHaveNamesakes = records.some((record) => layerNames.has(record.id.slice(record.id.lastIndexOf('/') + 1)));
    if (location.isUnique && mayHaveNamesakes) {
        const recordIds = new Set(records.map((record) => record.id));
        for (const instance of instances)
            if (recordIds.has(instance.id))
                namesakes.set(instance.id, instance);
    }
    const instanceOf = (record) => {
        const key = location.key(record.backend);
        if (!location.isUnique)
            return owners.get(key);
        const namesake = namesakes.get(record.id);
        return namesake && location.key(backendOf(namesake)) === key ? namesake.id : undefined;
    };
    const onInstances = records.flatMap((record) => {
        const owner = instanceOf(record);
        return owner === undefined
            ? []
            : [`the failover record of region '${record.region}' and instance '${owner}'`];
    });
    const [onInstance] = onInstances;
    if (onInstance !== undefined) {
        report(at, `${onInstance} would share one state location${morePairs(onInstances.length)}: writing the record would overwrite that instance's state; put {layer} or {id} into ${field}`);
    }
    const byKey = new Map();
    const shared = [];
    for (const record of records) {
        const other = byKey.get(record.objectKey);
        if (other === undefined)
            byKey.set(record.objectKey, record.region);
        else
            shared.push(`the failover records of regions '${other}' and '${record.region}'`);
    }
    const [share] = shared;
    if (share !== undefined) {
        report(at, `${share} would be kept at one key${morePairs(shared.length)}: replication of one region's store into the other's would copy one record over the other; put {region}, {layer} or {id} into ${field}`);
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/instance-rendering.js




/**
 * Renders instances' backends and vars, compiled once per manifest. Each call renders afresh: a graph keeps
 * no backend or vars of its own, which on 100,000 instances were a third of its memory and most of the
 * garbage collector's work while it was made, for values a run reads a few times per instance and
 * `strata graph --format json` once.
 *
 * The tokens are the instance's: its region (or `backend.global_region`, where state without a region
 * lives) and its role there (or the global region's).
 */
function compileInstanceRendering(manifest) {
    const { globalRegion } = manifest.backend;
    const globalRole = (0,primary_region/* regionRoleOf */.Gc)(manifest, globalRegion);
    const renderBackend = (0,render_backend/* compileRegionalBackend */.jX)(manifest.backend);
    // One object for every rendering (see writeTokenValues): `strata graph --format json` renders 100,000
    // backends in a row.
    const values = {};
    const valuesOf = (instance) => (0,backend_tokens/* writeTokenValues */.p9)(values, instance, instance.region ?? globalRegion, instance.role ?? globalRole);
    const renderVars = new Map(manifest.layers.map((layer) => {
        if (!(0,backend_tokens/* containsTokens */.QE)(layer.vars))
            return [layer.name, () => layer.vars];
        const render = (0,backend_tokens/* compileValue */.hX)(layer.vars);
        return [layer.name, (instance) => render(valuesOf(instance))];
    }));
    return {
        backendOf: (instance) => renderBackend(valuesOf(instance)),
        varsOf: (instance) => (0,lookup/* getOrThrow */.Gp)(renderVars, instance.layer, 'layer')(instance),
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/expand-manifest.js












/**
 * Expands a manifest into its layer instances and the dependency edges between them (each instance's backend
 * and vars are rendered on demand), and checks the result: every dependency resolves to existing instances, the
 * graph has no cycle, and no two instances share a state location. Problems are reported together.
 *
 * Large estates (100,000 instances) shape the implementation: instances are numbered by position, their
 * coordinates by index, and dependencies are resolved, deduplicated and checked for cycles as integers
 * (the compiled graph), so the only strings made per instance are the ones it keeps.
 *
 * `locations` places the problems in the file; a manifest derived from the parsed one (an ephemeral
 * environment added, the roles swapped) keeps the parsed one's locations.
 */
function expandManifest({ manifest, locations }) {
    const problems = [];
    const report = (path, message) => problems.push({ file: manifest.file, ...locations.locate(path), message });
    checkTokens(manifest, report);
    if (problems.length > 0)
        throw new errors/* ManifestError */.Sh(problems);
    const cells = new Cells(manifest);
    const placement = placeInstances(manifest, cells);
    const layersByName = new Map(manifest.layers.map((layer) => [layer.name, layer]));
    const resolver = new DependencyResolver(manifest, placement, cells);
    // Per layer, each accepted dependency's group (see TargetIndex) for each of the layer's instances.
    const resolvedByLayer = [];
    const entries = [];
    manifest.layers.forEach((layer, layerIndex) => {
        // layerStart has one entry per layer and one past the last.
        const start = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex, 'layer start');
        const end = (0,lookup/* itemAt */.R9)(placement.layerStart, layerIndex + 1, 'layer end');
        const resolved = [];
        const inputs = [];
        for (const dependency of layer.dependsOn) {
            const target = (0,lookup/* getOrThrow */.Gp)(layersByName, dependency.layer, 'layer');
            if (!checkDependencyShape(layer, dependency, target, report))
                continue;
            const selector = resolver.selector(dependency, target);
            const groups = resolver.groupsOf(selector, start, end);
            let failures = 0;
            let firstFailure = -1;
            // groups has one entry per instance of the layer, start to end. Indexed loops in the per-instance
            // loops of the graph: an iterator costs an object per step until the function is optimised, and these
            // functions run once per expansion.
            for (let offset = 0; offset < groups.length; offset++) {
                if ((0,checked_reads/* intAt */.J1)(groups, offset) < 0 && failures++ === 0)
                    firstFailure = start + offset;
            }
            if (failures > 0) {
                const more = failures > 1 ? ` (and ${failures - 1} more instance${failures > 2 ? 's' : ''})` : '';
                report(dependency.at, `${resolver.whyUnresolved(firstFailure, dependency, target)}${more}`);
            }
            resolved.push({ selector, groups });
            inputs.push({
                variable: dependency.variable,
                fanIn: SCOPE_COORDINATES[target.scope].filter((coordinate) => dependency[coordinate] === 'all'),
                groups,
                groupStart: selector.index.groupStart,
                members: selector.index.members,
            });
        }
        resolvedByLayer.push(resolved);
        entries.push(inputs);
    });
    let compiled;
    if (problems.length === 0) {
        compiled = (0,compiled_graph/* compileEdges */.C)(placement.ids, collectDependencies(placement, resolvedByLayer));
        if (!compiled.topology) {
            const cycle = cycleAmong(compiled.dependsOn);
            if (cycle)
                reportCycle(cycle, manifest, placement, report);
        }
    }
    const instances = createInstances(manifest, placement, compiled?.dependsOn);
    const rendering = compileInstanceRendering(manifest);
    checkStateLocations(manifest, instances, rendering.backendOf, report);
    if (problems.length > 0 || !compiled?.topology)
        throw new errors/* ManifestError */.Sh(problems);
    return new expanded_graph/* ExpandedGraph */.C(instances, compiled, {
        layerOf: placement.layerOf,
        layerStart: placement.layerStart,
        entries,
    }, rendering);
}


/***/ }),

/***/ 2881:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ ExpandedGraph)
});

// EXTERNAL MODULE: ./build/tsc/core/graph/edges.js
var edges = __webpack_require__(8228);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
// EXTERNAL MODULE: ./build/tsc/core/graph/checked-reads.js
var checked_reads = __webpack_require__(6035);
;// CONCATENATED MODULE: ./build/tsc/core/graph/inputs-table.js


/** The inputs of the instance at `position`: one per entry that selects anything but the instance itself. */
function inputsAt(table, instances, position) {
    const layer = (0,checked_reads/* intAt */.J1)(table.layerOf, position);
    const offset = position - (0,lookup/* itemAt */.R9)(table.layerStart, layer, 'layer start');
    const inputs = [];
    for (const entry of (0,lookup/* itemAt */.R9)(table.entries, layer, 'layer of inputs')) {
        const group = (0,checked_reads/* intAt */.J1)(entry.groups, offset);
        const sources = [];
        if (group >= 0) {
            const end = (0,checked_reads/* intAt */.J1)(entry.groupStart, group + 1);
            for (let at = (0,checked_reads/* intAt */.J1)(entry.groupStart, group); at < end; at++) {
                const member = (0,checked_reads/* intAt */.J1)(entry.members, at);
                if (member === position)
                    continue;
                const source = (0,lookup/* itemAt */.R9)(instances, member, 'instance');
                sources.push({ id: source.id, key: entry.fanIn.map((coordinate) => source[coordinate]).join('/') });
            }
        }
        if (sources.length > 0)
            inputs.push({ variable: entry.variable, isFanIn: entry.fanIn.length > 0, sources });
    }
    return inputs;
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/expanded-graph.js



/**
 * The LayerGraph expandManifest returns: its instances and compiled form, with the string views derived from
 * the compiled form. The maps by id are made on first use: `strata graph --format json` goes by position and
 * never needs them.
 */
class ExpandedGraph {
    instances;
    compiled;
    inputs;
    rendering;
    idMap;
    positionMap;
    dependentsMap;
    constructor(instances, compiled, inputs, rendering) {
        this.instances = instances;
        this.compiled = compiled;
        this.inputs = inputs;
        this.rendering = rendering;
    }
    get byId() {
        if (!this.idMap) {
            this.idMap = new Map();
            for (const instance of this.instances)
                this.idMap.set(instance.id, instance);
        }
        return this.idMap;
    }
    /** Reverse edges as strings, sorted (ascending positions are not id order). */
    get dependents() {
        if (!this.dependentsMap) {
            const { ids, dependents } = this.compiled;
            const map = new Map();
            ids.forEach((id, position) => map.set(id, (0,edges/* idListsOf */.GQ)(dependents, ids, position).sort()));
            this.dependentsMap = map;
        }
        return this.dependentsMap;
    }
    // Arrows, not methods: callers pass `graph.inputsOf` and the others on their own.
    backendOf = (instance) => this.rendering.backendOf(instance);
    varsOf = (instance) => this.rendering.varsOf(instance);
    inputsOf = (id) => {
        this.positionMap ??= new Map(this.compiled.ids.map((each, position) => [each, position]));
        return inputsAt(this.inputs, this.instances, (0,lookup/* getOrThrow */.Gp)(this.positionMap, id, 'instance'));
    };
}


/***/ }),

/***/ 4785:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ topologicalLevels)
/* harmony export */ });
/* harmony import */ var _checked_reads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6035);

/**
 * Kahn's algorithm, the only one in Strata: `dependencyCounts[p]` is how many positions p waits for and
 * `dependents` what waits for each. Undefined when some position is never released: the edges have a cycle.
 */
function topologicalLevels(dependencyCounts, dependents) {
    const count = dependencyCounts.length;
    const waiting = dependencyCounts.slice();
    const levels = new Int32Array(count);
    const order = new Int32Array(count);
    let tail = 0;
    for (let position = 0; position < count; position++)
        if (waiting[position] === 0)
            order[tail++] = position;
    for (let head = 0; head < tail; head++) {
        const position = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(order, head);
        const level = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(levels, position) + 1;
        const end = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(dependents.start, position + 1);
        for (let at = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(dependents.start, position); at < end; at++) {
            const dependent = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(dependents.targets, at);
            if ((0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(levels, dependent) < level)
                levels[dependent] = level;
            const left = (0,_checked_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .intAt */ .J1)(waiting, dependent) - 1;
            waiting[dependent] = left;
            if (left === 0)
                order[tail++] = dependent;
        }
    }
    return tail === count ? { order, levels } : undefined;
}


/***/ }),

/***/ 2191:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ getOrThrow),
/* harmony export */   R9: () => (/* binding */ itemAt),
/* harmony export */   pU: () => (/* binding */ definedOrThrow)
/* harmony export */ });
/**
 * Look-ups the caller knows must succeed: an id taken from the same graph, an index below the length it was
 * built with. A miss is a bug in Strata, not in the user's input, so it throws an internal error that names
 * what was missing, instead of carrying `undefined` on to a wrong result.
 */
function getOrThrow(map, key, what) {
    const value = map.get(key);
    if (value === undefined)
        throw new Error(`Internal error: no ${what} '${String(key)}'`);
    return value;
}
/** `array[index]` for an index known to be in range; see getOrThrow. */
function itemAt(array, index, what) {
    const value = array[index];
    if (value === undefined)
        throw new Error(`Internal error: no ${what} at ${index} of ${array.length}`);
    return value;
}
/** A value an earlier step guarantees (an input checked when read, a setting filled in); see getOrThrow. */
function definedOrThrow(value, what) {
    if (value === undefined || value === null)
        throw new Error(`Internal error: ${what} is not set`);
    return value;
}


/***/ }),

/***/ 5850:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ closestName),
/* harmony export */   Z: () => (/* binding */ suggest)
/* harmony export */ });
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2191);

/** The candidate within a small edit distance of `value`, to suggest in "did you mean" hints. */
function closestName(value, candidates) {
    let best;
    let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
    for (const candidate of candidates) {
        if (candidate === value)
            continue;
        const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** The " (did you mean 'x'?)" a message ends with, or nothing when no candidate is close. */
function suggest(value, candidates) {
    const match = closestName(value, candidates);
    return match ? ` (did you mean '${match}'?)` : '';
}
function editDistance(a, b) {
    // Rows of b.length + 1 distances, made at that length, so every index read is in range.
    let previous = Int32Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = new Int32Array(b.length + 1);
        current[0] = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min((0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .itemAt */ .R9)(previous, j, 'distance') + 1, (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .itemAt */ .R9)(current, j - 1, 'distance') + 1, (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .itemAt */ .R9)(previous, j - 1, 'distance') + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .itemAt */ .R9)(previous, b.length, 'distance');
}


/***/ }),

/***/ 7969:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readLocatedYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9514);
/* harmony import */ var _schema_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5462);



/**
 * Reads a YAML file Strata is configured by (the manifest, the migration file) and checks it against its JSON
 * Schema: every YAML and schema problem is reported at once, located in the file, as a ManifestError. Returns
 * the plain data, shaped as the schema says, and where each value is written. `subject` names the document
 * root in messages ('the manifest').
 */
function readLocatedYaml(text, file, validator, subject, patternRules = {}) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        logLevel: 'error',
    });
    const locate = createLocator(document, lineCounter);
    const problems = [];
    const report = (position, message) => problems.push({ file, ...position, message });
    for (const error of document.errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        report({ line, column: col }, `YAML syntax: ${firstLine(error.message)}`);
    }
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(problems);
    // An alias is written with `*` and a tag with `!`: a file with neither has none, and a 100,000-instance
    // manifest need not be walked node by node to find that out.
    const mayHaveAliasesOrTags = text.includes('*') || text.includes('!');
    if (mayHaveAliasesOrTags)
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(document, {
            Alias(_, alias, path) {
                const target = alias.resolve(document);
                if (target && path.includes(target)) {
                    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
                    report({ line, column: col }, `YAML: alias *${alias.source} refers to a value that contains it (a cycle); copy the value instead`);
                }
            },
            Node(_, node) {
                if (node.tag === 'tag:yaml.org,2002:set' || node.tag === 'tag:yaml.org,2002:omap') {
                    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
                    report({ line, column: col }, `YAML: the tag ${node.tag.slice(node.tag.lastIndexOf(':') + 1)} is not supported here; use a plain list or map`);
                }
            },
        });
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(problems);
    let data;
    try {
        data = document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        report({ line: 1, column: 1 }, `YAML: ${error instanceof Error ? error.message : String(error)}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(problems);
    }
    const validateSchema = validator();
    if (!validateSchema(data)) {
        for (const error of (0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .schemaErrorsWorthReporting */ .PO)(validateSchema.errors ?? [])) {
            const { path, message } = (0,_schema_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeSchemaError */ .LA)(error, subject, patternRules);
            report(locate(path), message);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ManifestError */ .Sh(problems);
    }
    return { data, locate };
}
function firstLine(message) {
    const end = message.indexOf('\n');
    return (end < 0 ? message : message.slice(0, end)).trim();
}
/** Finds where a value (or, for a missing or unknown key, its map) sits in the YAML source. */
function createLocator(document, lineCounter) {
    const position = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    return (path) => {
        let node = document.contents;
        let found = position(document.contents?.range?.[0] ?? 0);
        for (const segment of path) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(segment));
                if (!pair)
                    break;
                const valueRange = pair.value?.range;
                const keyRange = pair.key.range;
                const range = valueRange ?? keyRange;
                if (range)
                    found = position(range[0]);
                node = pair.value;
            }
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
                const item = node.items[segment];
                if (!item?.range)
                    break;
                found = position(item.range[0]);
                node = item;
            }
            else
                break;
        }
        return found;
    };
}


/***/ }),

/***/ 7290:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ad: () => (/* binding */ primaryRegionOf),
/* harmony export */   Gc: () => (/* binding */ regionRoleOf),
/* harmony export */   k7: () => (/* binding */ primaryRegionFor)
/* harmony export */ });
/** The name of the manifest's one primary region (parseManifest checks that there is exactly one). */
function primaryRegionOf(manifest) {
    const primary = manifest.regions.find((region) => region.role === 'primary');
    if (!primary)
        throw new Error('Internal error: the manifest has no primary region');
    return primary.name;
}
/** The role of a region the manifest declares (backend replicas and failover targets are checked to be). */
function regionRoleOf(manifest, name) {
    const region = manifest.regions.find((candidate) => candidate.name === name);
    if (!region)
        throw new Error(`Internal error: no region '${name}' in the manifest`);
    return region.role;
}
/**
 * The primary region of an account, or of one of its environments: the environment's `primary_region`, else
 * its account's, else the region roles' primary. Global instances (no account) have the region roles' primary.
 * This is what a failover of one account or environment moves, leaving the rest of the estate where it is.
 */
function primaryRegionFor(manifest, account, environment) {
    const accountSpec = account === null ? undefined : manifest.accounts.find((candidate) => candidate.name === account);
    const environmentSpec = environment === null
        ? undefined
        : accountSpec?.environments.find((candidate) => candidate.name === environment);
    return environmentSpec?.primaryRegion ?? accountSpec?.primaryRegion ?? primaryRegionOf(manifest);
}


/***/ }),

/***/ 5462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LA: () => (/* binding */ describeSchemaError),
/* harmony export */   NH: () => (/* binding */ describePath),
/* harmony export */   PO: () => (/* binding */ schemaErrorsWorthReporting)
/* harmony export */ });
/* harmony import */ var _closest_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5850);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4720);


// How a JSON Schema failure of a file Strata reads is worded: where (a manifest path, located by the reader)
// and what is wrong, in the manifest's own words (a map, a list, a whole number) rather than Ajv's.
function pathOf(error) {
    if (error.instancePath === '')
        return [];
    return error.instancePath
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
function describePath(path, subject = 'the manifest') {
    let text = '';
    for (const segment of path)
        text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
    return text || subject;
}
/** Ajv reports a failed `propertyNames` twice (the inner rule and the wrapper) and `type` once per branch. */
function schemaErrorsWorthReporting(errors) {
    const seen = new Set();
    return errors.filter((error) => {
        if (error.keyword === 'propertyNames' || error.keyword === 'if')
            return false;
        const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function describeSchemaError(error, subject, patternRules) {
    const path = pathOf(error);
    const propertyName = error.propertyName;
    const where = describePath(path, subject);
    const got = (value) => value === null
        ? 'null'
        : Array.isArray(value)
            ? 'a list'
            : typeof value === 'object'
                ? 'a map'
                : JSON.stringify(value);
    const parent = error.parentSchema;
    switch (error.keyword) {
        case 'required':
            return {
                path,
                message: `${where}: missing required key '${error.params.missingProperty}'`,
            };
        case 'additionalProperties': {
            const key = error.params.additionalProperty;
            const known = Object.keys(parent?.properties ?? {});
            const hint = known.length > 0 ? `${(0,_closest_name_js__WEBPACK_IMPORTED_MODULE_1__/* .suggest */ .Z)(key, known)}; allowed keys: ${known.join(', ')}` : '';
            return { path: [...path, key], message: `${where}: unknown key '${key}'${hint}` };
        }
        case 'enum':
            return {
                path,
                message: `${where}: must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}, got ${got(error.data)}`,
            };
        case 'const':
            return {
                path,
                message: `${where}: must be ${JSON.stringify(error.params.allowedValue)}, got ${got(error.data)}`,
            };
        case 'type':
            return {
                path,
                message: `${where}: must be ${describeType(error.params.type)}, got ${got(error.data)}`,
            };
        case 'pattern': {
            if (propertyName !== undefined) {
                return {
                    path: [...path, propertyName],
                    message: `${where}: '${propertyName}' is not a valid name: use ${_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .NAME_RULE */ .$h}`,
                };
            }
            const pattern = error.params.pattern;
            const rule = patternRules[pattern] ?? PATTERN_RULES[pattern] ?? `a value matching ${pattern}`;
            return { path, message: `${where}: ${got(error.data)} is not allowed: use ${rule}` };
        }
        case 'not':
            return {
                path: propertyName !== undefined ? [...path, propertyName] : path,
                message: `${where}: '${propertyName ?? String(error.data)}' is a reserved word (${_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .RESERVED_NAMES */ .gO.join(', ')}) and cannot be a name`,
            };
        case 'uniqueItems':
            return {
                path,
                message: `${where}: lists the same value twice (items ${error.params.j} and ${error.params.i})`,
            };
        default:
            return { path, message: `${where}: ${error.message ?? 'is not valid'}` };
    }
}
const PATTERN_RULES = {
    [_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .NAME_PATTERN */ .Vh]: _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .NAME_RULE */ .$h,
    [_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_PATTERN */ .Cq]: _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .DURATION_RULE */ .Qb,
};
function describeType(type) {
    const words = {
        object: 'a map',
        array: 'a list',
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        boolean: 'true or false',
    };
    return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}


/***/ }),

/***/ 4720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ NAME_RULE),
/* harmony export */   Cq: () => (/* binding */ DURATION_PATTERN),
/* harmony export */   Qb: () => (/* binding */ DURATION_RULE),
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   gO: () => (/* binding */ RESERVED_NAMES)
/* harmony export */ });
/* unused harmony exports HOOK_POINTS, DR_STRATEGIES, manifestSchema */
/**
 * The JSON Schema of `layers.yml`, version 1. `schema/layers.schema.json` is written from this object
 * (`npm run schema`) and a test keeps the two equal, so editors and Strata check the same rules.
 */
/** Names end up in state paths, ids, CLI arguments and job names: keep them to characters safe everywhere. */
const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$';
const NAME_RULE = 'letters, digits, "-" and "_", starting with a letter or digit, at most 63 characters';
/** Words with a meaning in dependency selectors, so they cannot name a region, account or environment. */
const RESERVED_NAMES = ['same', 'all', 'primary'];
const name = { type: 'string', pattern: NAME_PATTERN };
const declaredName = { ...name, not: { enum: [...RESERVED_NAMES] } };
const nameList = { type: 'array', items: name, uniqueItems: true };
const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$';
const DURATION_RULE = 'a duration such as "30s", "5m" or "1h30m"';
const duration = { type: 'string', pattern: DURATION_PATTERN };
const scalar = { type: ['string', 'number', 'boolean'] };
/** A non-empty map from declared names (regions, accounts) to objects of `entry`'s shape, nothing else. */
const declaredMapOf = (entry) => ({
    type: 'object',
    minProperties: 1,
    propertyNames: declaredName,
    additionalProperties: { type: 'object', additionalProperties: false, ...entry },
});
const HOOK_POINTS = ['before_failover', 'after_layer', 'after_failover', 'after_failback'];
const DR_STRATEGIES = ['backup_restore', 'pilot_light', 'warm_standby'];
const strategy = {
    enum: [...DR_STRATEGIES],
    description: 'backup_restore: secondary regions hold only the layers marked standby; pilot_light and warm_standby: environment layers also run there, with role "standby".',
};
/** A GitHub Environment's name, as GitHub accepts it (at most 255 characters). */
const githubEnvironment = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$' };
const environment = {
    type: 'object',
    additionalProperties: false,
    properties: {
        regions: {
            ...nameList,
            minItems: 1,
            description: 'Regions this environment may run in, its DR target included; default: all regions of its account.',
        },
        strategy,
        github_environment: {
            ...githubEnvironment,
            description: "GitHub Environment the environment's instances are applied in (its reviewers approve them); default: <account>-<environment>.",
        },
        primary_region: {
            ...name,
            description: "The environment's primary region, one of its regions; default: its account's primary_region, else the region with role primary. A failover or failback of this environment alone (--environment, --write-manifest) writes it.",
        },
    },
};
const dependency = {
    type: ['string', 'object'],
    pattern: NAME_PATTERN,
    description: 'A layer name (its instance in the same cell), or a selector: {layer, account, region, environment, as}.',
    additionalProperties: false,
    required: ['layer'],
    properties: {
        layer: name,
        account: { ...name, description: '"same" (default), "all", or an account name.' },
        region: { ...name, description: '"same" (default), "all", "primary", or a region name.' },
        environment: { ...name, description: '"same" (default), "all", or an environment name.' },
        as: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
            description: 'Name of the variable that receives these outputs; default: the layer name.',
        },
    },
};
const manifestSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Strata layers manifest',
    description: 'Layers, their scopes and dependencies, accounts, regions, environments and the region-keyed state backend.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'backend', 'regions', 'accounts', 'layers'],
    properties: {
        version: { const: 1, description: 'Manifest format version.' },
        terraform: {
            type: 'object',
            additionalProperties: false,
            properties: {
                binary: { type: 'string', minLength: 1, description: '"terraform" (default) or "tofu", or a path.' },
                lock_timeout: {
                    ...duration,
                    description: 'How long Terraform waits for a state lock. Default "5m".',
                },
                parallelism: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 256,
                    description: 'Instances run at once. Default 4.',
                },
                command_timeout: {
                    ...duration,
                    description: 'Longest one Terraform command may run before it is interrupted (then killed after a grace period). Default: no limit.',
                },
            },
        },
        dr: {
            type: 'object',
            additionalProperties: false,
            properties: {
                strategy: {
                    ...strategy,
                    description: 'Default DR strategy of every environment. Default backup_restore.',
                },
                rpo: {
                    ...duration,
                    description: "Recovery point objective: the most data (as time) a failover may lose. A drill fails when a layer's published strata_recovery_point output is older. Default: not checked.",
                },
            },
        },
        backend: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'config', 'global_region'],
            properties: {
                type: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'Any Terraform backend type.' },
                config: {
                    type: 'object',
                    additionalProperties: scalar,
                    description: 'Partial backend configuration, rendered per instance. Tokens: {id} {layer} {scope} {account} {account_id} {region} {environment} {role}.',
                },
                region_config: {
                    type: 'object',
                    propertyNames: name,
                    additionalProperties: { type: 'object', additionalProperties: scalar },
                    description: 'Per region, keys that replace or add to config for the state stored in that region (an endpoint, a regional KMS key). Rendered with the same tokens.',
                },
                global_region: {
                    ...name,
                    description: 'Region that keeps the state of global- and account-scoped layers.',
                },
                replicas: {
                    type: 'object',
                    propertyNames: name,
                    additionalProperties: name,
                    description: 'State stored in the key region is replicated to the value region.',
                },
            },
        },
        regions: declaredMapOf({
            required: ['role'],
            properties: {
                role: { enum: ['primary', 'secondary'] },
                failed: {
                    type: 'boolean',
                    description: 'The region failed and the estate was failed over from it (strata failover --write-manifest writes this; a failback removes it): normal runs leave out its instances, and what depends on them, and say so.',
                },
            },
        }),
        accounts: declaredMapOf({
            required: ['id', 'regions', 'environments'],
            properties: {
                id: {
                    type: 'string',
                    pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                    description: 'Cloud account id (quote it).',
                },
                regions: { ...nameList, minItems: 1 },
                environments: {
                    type: ['array', 'object'],
                    items: declaredName,
                    uniqueItems: true,
                    propertyNames: declaredName,
                    additionalProperties: environment,
                },
                ephemeral: {
                    type: 'boolean',
                    description: 'This account may host per-pull-request environments (pr-123).',
                },
                role_to_assume: {
                    type: 'string',
                    minLength: 1,
                    description: 'Role CI jobs assume for this account (OIDC), passed to the job matrix.',
                },
                github_environment: {
                    ...githubEnvironment,
                    description: "GitHub Environment the account's account and region layers are applied in; default: the account's name.",
                },
                primary_region: {
                    ...name,
                    description: "The account's primary region, one of its regions; default: the region with role primary. A failover or failback of this account alone (--account, --write-manifest) writes it.",
                },
            },
        }),
        layers: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'scope', 'path'],
                properties: {
                    name,
                    scope: { enum: ['global', 'account', 'region', 'environment'] },
                    path: {
                        type: 'string',
                        minLength: 1,
                        description: 'Directory of the layer code, relative to the manifest.',
                    },
                    depends_on: { type: 'array', items: dependency },
                    vars: {
                        type: 'object',
                        description: 'Variables for every instance; string values may use tokens.',
                    },
                    mock_outputs: {
                        type: 'object',
                        description: 'Outputs assumed when planning a dependent before this layer was ever applied. Never used for apply.',
                    },
                    standby: {
                        type: 'boolean',
                        description: 'Whether the layer runs in secondary regions in steady state under backup_restore. Default: true for region layers, false for environment layers.',
                    },
                    failover: {
                        enum: ['apply', 'skip'],
                        description: 'What a failover does with the layer: apply it in the target region, or skip it (it keeps running; its outputs are still read). Default: apply for region and environment layers, skip for global and account layers.',
                    },
                    stateful: {
                        type: 'boolean',
                        description: 'The layer holds data (a database, a bucket, a queue): a plan that destroys or replaces one of its resources is refused, in any run, unless the instance is named in --allow-destroy (input allow-destroy). Default false.',
                    },
                },
            },
        },
        hooks: {
            type: 'array',
            description: 'DR steps beyond Terraform (promote a replica, switch traffic, a smoke test), run by failover and failback and timed in the recovery.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'when', 'run', 'timeout'],
                properties: {
                    name,
                    when: {
                        enum: [...HOOK_POINTS],
                        description: 'before_failover: before any instance; after_layer: after each instance of `layer` in the target region, before what depends on it; after_failover, after_failback: after every instance succeeded.',
                    },
                    layer: { ...name, description: 'With when: after_layer, the layer whose instances it follows.' },
                    run: {
                        type: 'string',
                        minLength: 1,
                        description: 'The executable, relative to the manifest (inside the repository). Run directly, never through a shell.',
                    },
                    args: {
                        type: 'array',
                        items: { type: 'string' },
                        description: 'Its arguments, each passed as it is. Default none.',
                    },
                    timeout: { ...duration, description: 'Longest it may run before it is stopped (and fails).' },
                    drill_safe: {
                        type: 'boolean',
                        description: 'Run it in a drill (failover --dry-run) too: only for steps that change nothing (a read-only check). Default false.',
                    },
                },
            },
        },
    },
};


/***/ }),

/***/ 4955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bQ: () => (/* binding */ compiledDagOf),
/* harmony export */   dA: () => (/* binding */ topologyOf),
/* harmony export */   n6: () => (/* binding */ reverseDag),
/* harmony export */   qN: () => (/* binding */ CompiledDag),
/* harmony export */   wM: () => (/* binding */ dagOfGraph),
/* harmony export */   wT: () => (/* binding */ dagIndexOf),
/* harmony export */   yk: () => (/* binding */ dependentsOf)
/* harmony export */ });
/* unused harmony export topologicalOrder */
/* harmony import */ var _graph_compiled_graph_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8170);
/* harmony import */ var _graph_edges_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8228);
/* harmony import */ var _graph_topological_levels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4785);
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2191);




/**
 * A Dag together with its compiled form. dagOfGraph, selectInstances and reverseDag return these; any other
 * Dag (plain data) is compiled when it is scheduled, so each scheduling algorithm exists once, over positions.
 */
class CompiledDag {
    ids;
    dependencyCounts;
    dependents;
    origin;
    knownTopology;
    dependsOnMap;
    constructor(ids, 
    /** Undefined for the Dag of a whole graph (origin without positions): made from its instances on first use. */
    dependsOn, dependencyCounts, dependents, origin, 
    /** The topological pass, when the graph it came from had already made it. */
    knownTopology) {
        this.ids = ids;
        this.dependencyCounts = dependencyCounts;
        this.dependents = dependents;
        this.origin = origin;
        this.knownTopology = knownTopology;
        this.dependsOnMap = dependsOn;
    }
    /** A whole graph's is made when first read: `strata graph --format json` reads the instances' own instead. */
    get dependsOn() {
        if (!this.dependsOnMap) {
            const map = new Map();
            for (const instance of (0,_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .definedOrThrow */ .pU)(this.origin, 'the graph of a Dag').graph.instances)
                map.set(instance.id, instance.dependsOn);
            this.dependsOnMap = map;
        }
        return this.dependsOnMap;
    }
}
/** The compiled form a Dag carries (from dagOfGraph, selectInstances or reverseDag); undefined for plain data. */
function dagIndexOf(dag) {
    return dag instanceof CompiledDag ? dag : undefined;
}
/** The Dag compiled: itself when it already is, otherwise its ids numbered and its edges made positions. */
function compiledDagOf(dag) {
    if (dag instanceof CompiledDag)
        return dag;
    const positions = new Map();
    dag.ids.forEach((id, position) => positions.set(id, position));
    const { edges, counts } = (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .edgesOfLists */ .Be)(dag.ids, (id) => dag.dependsOn.get(id), (id) => positions.get(id));
    return new CompiledDag(dag.ids, dag.dependsOn, counts, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .reverseEdges */ .Xz)(dag.ids.length, edges), undefined);
}
/** Kahn's order and levels of a compiled Dag, or undefined when it has a cycle. */
function topologyOf(dag) {
    return dag.knownTopology ?? (0,_graph_topological_levels_js__WEBPACK_IMPORTED_MODULE_2__/* .topologicalLevels */ .T)(dag.dependencyCounts, dag.dependents);
}
function dagOfGraph(graph) {
    const compiled = (0,_graph_compiled_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .compiledGraphOf */ .b)(graph);
    return new CompiledDag(compiled.ids, undefined, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .countsOf */ .mQ)(compiled.dependsOn.start), compiled.dependents, { graph, positions: undefined }, compiled.topology);
}
/** The same instances with every edge turned round: destroy removes dependents before what they depend on. */
function reverseDag(dag) {
    const compiled = compiledDagOf(dag);
    const { ids } = compiled;
    const reversed = new Map();
    ids.forEach((id, position) => reversed.set(id, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .idListsOf */ .GQ)(compiled.dependents, ids, position).sort()));
    return new CompiledDag(ids, reversed, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .countsOf */ .mQ)(compiled.dependents.start), (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .reverseEdges */ .Xz)(ids.length, compiled.dependents), compiled.origin);
}
/** id -> ids that wait for it, in `dag.ids` order. */
function dependentsOf(dag) {
    const { ids, dependents } = compiledDagOf(dag);
    const map = new Map();
    ids.forEach((id, position) => map.set(id, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_1__/* .idListsOf */ .GQ)(dependents, ids, position)));
    return map;
}
/** Ids in an order where each comes after everything it depends on (Kahn), ties kept in `dag.ids` order. */
function topologicalOrder(dag) {
    const compiled = compiledDagOf(dag);
    const topology = topologyOf(compiled);
    if (!topology)
        throw new Error('topologicalOrder: the graph has a cycle');
    return Array.from(topology.order, (position) => itemAt(compiled.ids, position, 'id'));
}


/***/ }),

/***/ 8589:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ computeWaves),
/* harmony export */   q: () => (/* binding */ compareIds)
/* harmony export */ });
/* harmony import */ var _dag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4955);
/* harmony import */ var _graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6035);


/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
function computeWaves(dag) {
    const compiled = (0,_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .compiledDagOf */ .bQ)(dag);
    const levels = (0,_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .topologyOf */ .dA)(compiled)?.levels;
    if (!levels)
        throw new Error('computeWaves: the graph has a cycle');
    const waves = [];
    // One level per id: levels was made at ids.length.
    compiled.ids.forEach((id, position) => {
        const level = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .intAt */ .J1)(levels, position);
        while (waves.length <= level)
            waves.push([]);
        // Once per id, and the generic itemAt is megamorphic: the loop above made waves[level].
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- level < waves.length
        waves[level].push(id);
    });
    // The default sort compares strings by UTF-16 code units, as compareIds does.
    for (const wave of waves)
        wave.sort();
    return waves;
}
function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 2391:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ selectInstances)
/* harmony export */ });
/* unused harmony export inducedDag */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9514);
/* harmony import */ var _wording_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7889);
/* harmony import */ var _manifest_closest_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5850);
/* harmony import */ var _graph_compiled_graph_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8170);
/* harmony import */ var _graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6035);
/* harmony import */ var _graph_edges_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8228);
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2191);
/* harmony import */ var _schedule_dag_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4955);








/**
 * Picks the instances a run works on, as a Dag that keeps every ordering between them, including an edge
 * that runs through an instance that was not selected (a -> x -> b with only a and b selected keeps a -> b).
 *
 * A filter on a coordinate keeps only instances that have it: `--region` leaves out global and account
 * instances, `--environment` leaves out everything coarser than an environment. Changed files select the
 * instances they affect plus everything downstream of those; upstream instances stay out and their outputs
 * are read from state.
 */
function selectInstances(graph, filter) {
    checkFilterNames(graph, filter);
    const sets = {
        account: toSet(filter.accounts),
        region: toSet(filter.regions),
        environment: toSet(filter.environments),
        layer: toSet(filter.layers),
    };
    const ids = toSet(filter.instances);
    const matchesFilters = (instance) => (!sets.account || (instance.account !== null && sets.account.has(instance.account))) &&
        (!sets.region || (instance.region !== null && sets.region.has(instance.region))) &&
        (!sets.environment || (instance.environment !== null && sets.environment.has(instance.environment))) &&
        (!sets.layer || sets.layer.has(instance.layer)) &&
        (!ids || ids.has(instance.id)) &&
        (!filter.within || filter.within.has(instance.id));
    const downstream = filter.changes ? affectedWithDependents(graph, filter.changes) : undefined;
    const selected = new Uint8Array(graph.instances.length);
    let count = 0;
    graph.instances.forEach((instance, position) => {
        if (matchesFilters(instance) && (!downstream || downstream[position] === 1)) {
            selected[position] = 1;
            count++;
        }
    });
    return dagOfSelection(graph, selected, count);
}
function toSet(values) {
    return values && values.length > 0 ? new Set(values) : undefined;
}
function checkFilterNames(graph, filter) {
    // The names the graph has, gathered only for the kinds the filter uses.
    const known = (kind) => {
        const names = new Set();
        for (const instance of graph.instances) {
            const name = instance[kind];
            if (name !== null)
                names.add(name);
        }
        return names;
    };
    const check = (kind, values) => {
        if (!values || values.length === 0)
            return;
        const names = known(kind);
        for (const value of values) {
            if (!names.has(value)) {
                const hint = (0,_manifest_closest_name_js__WEBPACK_IMPORTED_MODULE_2__/* .closestName */ .N)(value, names);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb((name) => `${name(kind)}: unknown ${kind} '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${[...names].join(', ')}`);
            }
        }
    };
    check('account', filter.accounts);
    check('region', filter.regions);
    check('environment', filter.environments);
    check('layer', filter.layers);
    for (const id of filter.instances ?? []) {
        if (!graph.byId.has(id)) {
            const hint = (0,_manifest_closest_name_js__WEBPACK_IMPORTED_MODULE_2__/* .closestName */ .N)(id, graph.byId.keys());
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb((name, command) => `${name('instance')}: unknown instance '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}; '${command((0,_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .suggest */ .Z)('graph'))}' lists the ids`);
        }
    }
}
/** Positions of the instances in affected layers and of everything downstream of them (1 = affected). */
function affectedWithDependents(graph, changes) {
    const isAffected = (layer) => changes.manifestChanged ||
        (changes.watchedPaths.get(layer) ?? []).some((dir) => changes.files.some((file) => dir === '.' || file === dir || file.startsWith(`${dir}/`)));
    const affectedLayers = new Set([...new Set(graph.instances.map((i) => i.layer))].filter(isAffected));
    const { dependents } = (0,_graph_compiled_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .compiledGraphOf */ .b)(graph);
    const result = new Uint8Array(graph.instances.length);
    const stack = [];
    graph.instances.forEach((instance, position) => {
        if (affectedLayers.has(instance.layer))
            stack.push(position);
    });
    for (let position = stack.pop(); position !== undefined; position = stack.pop()) {
        if (result[position] === 1)
            continue;
        result[position] = 1;
        const end = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(dependents.start, position + 1);
        for (let at = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(dependents.start, position); at < end; at++)
            stack.push((0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(dependents.targets, at));
    }
    return result;
}
/**
 * The selected ids with, for each, the nearest selected instances upstream: found by walking up through
 * unselected instances, memoised so that a large graph is walked once.
 */
function inducedDag(graph, selected) {
    const flags = new Uint8Array(graph.instances.length);
    let count = 0;
    graph.instances.forEach((instance, position) => {
        if (selected.has(instance.id)) {
            flags[position] = 1;
            count++;
        }
    });
    return dagOfSelection(graph, flags, count);
}
/** inducedDag over positions (`selected[p]` is 1 for a selected instance), compiled. */
function dagOfSelection(graph, selected, count) {
    const { instances } = graph;
    // Everything selected: every edge stays as it is.
    if (count === instances.length)
        return (0,_schedule_dag_js__WEBPACK_IMPORTED_MODULE_5__/* .dagOfGraph */ .wM)(graph);
    const ids = new Array(count);
    const dependsOn = new Map();
    const edges = (0,_graph_compiled_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .compiledGraphOf */ .b)(graph).dependsOn;
    // For an unselected position: the selected positions nearest upstream of it, without repeats.
    const nearest = new Array(instances.length);
    // seenBy[p] === mark: p is already in the list being built under that mark.
    const seenBy = new Int32Array(instances.length).fill(-1);
    let mark = 0;
    // The nearest selected positions upstream of `from`, whose unselected dependencies are all resolved.
    const nearestOf = (from) => {
        const list = [];
        mark++;
        const end = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, from + 1);
        for (let at = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, from); at < end; at++) {
            const dependency = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.targets, at);
            if (selected[dependency] === 1) {
                if (seenBy[dependency] !== mark) {
                    seenBy[dependency] = mark;
                    list.push(dependency);
                }
            }
            else {
                // resolve() filled in every unselected dependency before this position.
                for (const upstream of (0,_lookup_js__WEBPACK_IMPORTED_MODULE_6__/* .definedOrThrow */ .pU)(nearest[dependency], 'nearest selected upstream')) {
                    if (seenBy[upstream] !== mark) {
                        seenBy[upstream] = mark;
                        list.push(upstream);
                    }
                }
            }
        }
        return list;
    };
    const resolve = (start) => {
        // Iterative post-order over unselected ancestors, so a long chain cannot overflow the stack.
        const stack = [start];
        for (let position = stack.at(-1); position !== undefined; position = stack.at(-1)) {
            if (nearest[position] !== undefined) {
                stack.pop();
                continue;
            }
            let isPending = false;
            const end = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, position + 1);
            for (let at = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, position); at < end; at++) {
                const dependency = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.targets, at);
                if (selected[dependency] !== 1 && nearest[dependency] === undefined) {
                    stack.push(dependency);
                    isPending = true;
                }
            }
            if (isPending)
                continue;
            nearest[position] = nearestOf(position);
            stack.pop();
        }
    };
    const dagPosition = new Int32Array(instances.length).fill(-1);
    const graphPosition = new Int32Array(count);
    const start = new Int32Array(count + 1);
    const targets = [];
    let next = 0;
    instances.forEach((instance, position) => {
        if (selected[position] !== 1)
            return;
        dagPosition[position] = next;
        graphPosition[next] = position;
        ids[next] = instance.id;
        const from = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, position);
        const end = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.start, position + 1);
        let isDirect = true;
        for (let at = from; at < end; at++) {
            if (selected[(0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.targets, at)] !== 1) {
                isDirect = false;
                break;
            }
        }
        if (isDirect) {
            dependsOn.set(instance.id, instance.dependsOn);
            for (let at = from; at < end; at++)
                targets.push((0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.targets, at));
        }
        else {
            // For a selected position, resolve() walks its unselected ancestors; the memo must not treat it as one.
            for (let at = from; at < end; at++) {
                const dependency = (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(edges.targets, at);
                if (selected[dependency] !== 1)
                    resolve(dependency);
            }
            const list = nearestOf(position);
            dependsOn.set(instance.id, list.map((upstream) => (0,_lookup_js__WEBPACK_IMPORTED_MODULE_6__/* .itemAt */ .R9)(instances, upstream, 'instance').id).sort());
            for (const upstream of list)
                targets.push(upstream);
        }
        start[++next] = targets.length;
    });
    // A dependency may come after its dependent in instance order: renumber once every position is known.
    const dagTargets = Int32Array.from(targets, (position) => (0,_graph_checked_reads_js__WEBPACK_IMPORTED_MODULE_4__/* .intAt */ .J1)(dagPosition, position));
    const dagEdges = { start, targets: dagTargets };
    return new _schedule_dag_js__WEBPACK_IMPORTED_MODULE_5__/* .CompiledDag */ .qN(ids, dependsOn, (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_7__/* .countsOf */ .mQ)(start), (0,_graph_edges_js__WEBPACK_IMPORTED_MODULE_7__/* .reverseEdges */ .Xz)(count, dagEdges), {
        graph,
        positions: graphPosition,
    });
}


/***/ })

};

//# sourceMappingURL=335.cli.js.map