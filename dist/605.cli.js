export const id = 605;
export const ids = [605];
export const modules = {

/***/ 2605:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GRAPH_HELP: () => (/* binding */ GRAPH_HELP),
  graphCommand: () => (/* binding */ graphCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/tsc/adapters/load-manifest.js + 7 modules
var load_manifest = __webpack_require__(5388);
// EXTERNAL MODULE: ./build/tsc/core/errors.js
var errors = __webpack_require__(9514);
// EXTERNAL MODULE: ./build/tsc/core/schedule/waves.js
var schedule_waves = __webpack_require__(8589);
// EXTERNAL MODULE: ./build/tsc/core/lookup.js
var lookup = __webpack_require__(2191);
;// CONCATENATED MODULE: ./build/tsc/core/matrix/compute-matrix.js



/** GitHub runs at most 256 jobs from one matrix. */
const MAX_JOBS_PER_MATRIX = 256;
/**
 * Groups the selected instances into ordered stages for GitHub jobs, so that every dependency points to an
 * earlier stage or stays inside one job. Each wave is a stage; past `maxStages`, the remaining waves share the
 * last stage, where instances joined by a dependency go into one job (the engine orders them there). A job
 * holds the instances of one GitHub Environment and one account only, so that environment's reviewers approve
 * everything it applies and it assumes one account's role (two accounts may share an environment's name). A
 * stage with more than 256 jobs packs jobs of one environment and account together to stay within GitHub's
 * limit; when even that cannot fit (more environment-account pairs in a stage than jobs, or a dependency joining
 * two of them in the shared last stage), it throws a UsageError rather than mix them.
 */
function computeMatrix(graph, dag, options) {
    const waves = (0,schedule_waves/* computeWaves */.S)(dag);
    const stages = waves.length <= options.maxStages
        ? waves
        : [...waves.slice(0, options.maxStages - 1), waves.slice(options.maxStages - 1).flat()];
    const limit = options.maxJobsPerStage ?? MAX_JOBS_PER_MATRIX;
    const environmentOf = (id) => options.githubEnvironment((0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance'));
    const gateOf = (id) => ({
        environment: environmentOf(id),
        account: (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance').account,
    });
    return {
        stage_count: stages.length,
        stages: stages.map((stage, index) => {
            const where = { stage: index + 1, waves: waves.length, maxStages: options.maxStages };
            const groups = byGate(connectedUnits(stage, dag), gateOf, where);
            return {
                include: pack(groups, limit, where).map((ids, leg) => jobOf(ids, `${index + 1}-${leg + 1}`, graph, options.roleToAssume, environmentOf)),
            };
        }),
    };
}
const describeGate = (gate) => `GitHub Environment '${gate.environment}', ${gate.account === null ? 'no account' : `account '${gate.account}'`}`;
/** A stage's units by gate (sorted by environment, then account; units by first id); throws when a unit spans two. */
function byGate(units, gateOf, where) {
    const keyOf = (gate) => `${gate.environment}\n${gate.account ?? ''}`;
    const groups = new Map();
    for (const unit of units) {
        const first = (0,lookup/* itemAt */.R9)(unit, 0, 'unit member');
        const gate = gateOf(first);
        const key = keyOf(gate);
        const other = unit.find((id) => keyOf(gateOf(id)) !== key);
        if (other !== undefined) {
            throw new errors/* UsageError */.eb((name) => `Stage ${where.stage} would apply '${first}' (${describeGate(gate)}) and '${other}' (${describeGate(gateOf(other))}) in one job: past ${name('max-stages')} (${where.maxStages}) the remaining waves share the last stage, where instances joined by a dependency run in one job, and a job runs in one GitHub Environment with one account's role. Give ${name('max-stages')} at least ${where.waves} (the selection's waves; apply.yml has a stage job per stage), or select fewer instances.`);
        }
        const group = groups.get(key);
        if (group)
            group.units.push(unit);
        else
            groups.set(key, { gate, units: [unit] });
    }
    return [...groups.values()]
        .sort((a, b) => a.gate.environment.localeCompare(b.gate.environment) ||
        (a.gate.account ?? '').localeCompare(b.gate.account ?? ''))
        .map(({ gate, units: group }) => ({
        gate,
        units: group.sort((a, b) => (0,lookup/* itemAt */.R9)(a, 0, 'unit member').localeCompare((0,lookup/* itemAt */.R9)(b, 0, 'unit member'))),
    }));
}
/** Instances of a stage joined by dependencies inside it must run in one job: union-find over those edges. */
function connectedUnits(stage, dag) {
    const parent = new Map(stage.map((id) => [id, id]));
    const find = (id) => {
        let root = id;
        for (let up = (0,lookup/* getOrThrow */.Gp)(parent, root, 'instance'); up !== root; up = (0,lookup/* getOrThrow */.Gp)(parent, root, 'instance'))
            root = up;
        parent.set(id, root);
        return root;
    };
    for (const id of stage) {
        for (const dependency of dag.dependsOn.get(id) ?? []) {
            if (parent.has(dependency))
                parent.set(find(id), find(dependency));
        }
    }
    const units = new Map();
    for (const id of stage) {
        const root = find(id);
        const unit = units.get(root);
        if (unit)
            unit.push(id);
        else
            units.set(root, [id]);
    }
    return [...units.values()];
}
/**
 * At most `limit` jobs, each of one gate's units: every gate gets a job, and the rest go one by one to the gate
 * whose jobs are fullest. Throws when the stage has more gates than `limit`.
 */
function pack(gateGroups, limit, where) {
    const groups = gateGroups.map((group) => group.units);
    const total = groups.reduce((sum, group) => sum + group.length, 0);
    if (total <= limit)
        return groups.flat();
    if (groups.length > limit)
        throw tooManyGates(gateGroups, limit, where);
    const quotas = groups.map(() => 1);
    for (let spare = limit - groups.length; spare > 0; spare -= 1) {
        let fullest = -1;
        groups.forEach((group, index) => {
            const quota = (0,lookup/* itemAt */.R9)(quotas, index, 'quota');
            if (quota >= group.length)
                return;
            if (fullest < 0 ||
                group.length / quota > (0,lookup/* itemAt */.R9)(groups, fullest, 'group').length / (0,lookup/* itemAt */.R9)(quotas, fullest, 'quota'))
                fullest = index;
        });
        if (fullest < 0)
            break;
        quotas[fullest] = (0,lookup/* itemAt */.R9)(quotas, fullest, 'quota') + 1;
    }
    return groups.flatMap((group, index) => {
        const size = Math.ceil(group.length / (0,lookup/* itemAt */.R9)(quotas, index, 'quota'));
        const jobs = [];
        for (let start = 0; start < group.length; start += size)
            jobs.push(group.slice(start, start + size).flat());
        return jobs;
    });
}
/** The refusal of a stage that needs more jobs than GitHub's limit: which limit, how many jobs, what to change. */
function tooManyGates(groups, limit, where) {
    const perAccount = new Set(groups.map(({ gate }) => gate.account));
    const accounts = [...perAccount].filter((account) => account !== null).length;
    const environments = new Set(groups.map(({ gate }) => gate.environment)).size;
    const isSharedLastStage = where.stage === where.maxStages && where.waves > where.maxStages;
    return new errors/* UsageError */.eb((name) => {
        const fixes = [
            ...(perAccount.size <= limit
                ? [
                    `name fewer GitHub Environments per account in the manifest (github_environment on an account's environments; one name for all of an account's environments makes as few as ${perAccount.size} jobs)`,
                ]
                : []),
            `select fewer instances per run (${name('account')}, ${name('environment')})`,
            ...(isSharedLastStage
                ? [
                    `raise ${name('max-stages')} towards ${where.waves} (the selection's waves), so fewer waves share this stage`,
                ]
                : []),
        ];
        return `Stage ${where.stage} needs ${groups.length} jobs, one for each GitHub Environment and account of its instances (${environments} GitHub Environments of ${accounts} accounts${perAccount.has(null) ? ' and global' : ''}; a job runs in one environment with one account's role), but GitHub runs at most ${limit} jobs from one matrix. To fit, ${fixes.join('; or ')}.`;
    });
}
function jobOf(ids, leg, graph, roleToAssume, environmentOf) {
    const instances = ids.map((id) => (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance'));
    const shared = (pick) => {
        const values = new Set(instances.map((instance) => pick(instance) ?? ''));
        const [only] = values;
        return values.size === 1 && only !== undefined ? only : '';
    };
    const first = (0,lookup/* itemAt */.R9)(ids, 0, 'job member');
    const account = shared((instance) => instance.account);
    return {
        job: ids.length === 1 ? first : `${first} +${ids.length - 1}`,
        leg,
        instances: ids.join(','),
        account,
        account_id: shared((instance) => instance.accountId),
        region: shared((instance) => instance.region),
        environment: shared((instance) => instance.environment),
        layer: shared((instance) => instance.layer),
        role_to_assume: account === '' ? '' : (roleToAssume(account) ?? ''),
        github_environment: environmentOf(first),
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/matrix/github-environment.js
/** The GitHub Environment of global instances: one for the estate. */
const GLOBAL_GITHUB_ENVIRONMENT = 'global';
/**
 * The GitHub Environment an instance is applied in, the gate its reviewers guard: `global` for global layers,
 * `<account>` for account and region layers, `<account>-<environment>` for environment layers, so that a team
 * can require reviewers for `prod-production` alone. The manifest overrides the name with `github_environment`
 * on an account (its account and region layers) or on one of its environments.
 */
function githubEnvironmentNamer(manifest) {
    const accounts = new Map(manifest.accounts.map((account) => [account.name, account]));
    return (instance) => {
        if (instance.account === null)
            return GLOBAL_GITHUB_ENVIRONMENT;
        const account = accounts.get(instance.account);
        if (instance.environment === null)
            return account?.githubEnvironment ?? instance.account;
        const environment = account?.environments.find((candidate) => candidate.name === instance.environment);
        return environment?.githubEnvironment ?? `${instance.account}-${instance.environment}`;
    };
}

// EXTERNAL MODULE: ./build/tsc/app/select.js + 1 modules
var app_select = __webpack_require__(7904);
;// CONCATENATED MODULE: ./build/tsc/app/show-graph.js





function showGraph(settings) {
    const loaded = (0,load_manifest/* loadManifest */.e)(settings.manifestFile, settings.cwd, {
        ephemeralEnvironment: settings.ephemeralEnvironment,
    });
    const dag = (0,app_select/* selectFromSettings */.kj)(loaded, (0,app_select/* selectionForEnvironment */.x6)(settings.selection, settings.ephemeralEnvironment), { manifestFile: settings.manifestFile, cwd: settings.cwd });
    const waves = (0,schedule_waves/* computeWaves */.S)(dag);
    if (settings.maxStages === undefined)
        return { loaded, dag, waves };
    const roles = new Map(loaded.manifest.accounts.map((account) => [account.name, account.roleToAssume]));
    const matrix = computeMatrix(loaded.graph, dag, {
        maxStages: settings.maxStages,
        roleToAssume: (account) => roles.get(account) ?? null,
        githubEnvironment: githubEnvironmentNamer(loaded.manifest),
    });
    return { loaded, dag, waves, matrix };
}

// EXTERNAL MODULE: ./build/tsc/core/schedule/dag.js
var schedule_dag = __webpack_require__(4955);
// EXTERNAL MODULE: ./build/tsc/core/graph/checked-reads.js
var checked_reads = __webpack_require__(6035);
;// CONCATENATED MODULE: ./build/tsc/core/render/graph-json.js



/** The machine-readable graph: the selected instances, the edges between them, and the waves. */
function graphToJson(graph, dag, waves) {
    return { nodes: dag.ids.map((id) => nodeJson(graph, dag, id)), waves };
}
function nodeJson(graph, dag, id) {
    const instance = getOrThrow(graph.byId, id, 'instance');
    return nodeOf(instance, [...(dag.dependsOn.get(id) ?? [])], graph.backendOf(instance));
}
function nodeOf(instance, dependsOn, backend) {
    return {
        id: instance.id,
        layer: instance.layer,
        scope: instance.scope,
        account: instance.account,
        accountId: instance.accountId,
        region: instance.region,
        environment: instance.environment,
        role: instance.role,
        path: instance.path,
        dependsOn: dependsOn,
        backend,
    };
}
/**
 * The same JSON as `JSON.stringify(graphToJson(...))`, written in chunks of about `chunkSize` characters: a
 * large estate's graph is tens of megabytes, and building it as one string doubles the peak memory of the
 * CLI (64 KB chunks gave the lowest peak on 100,000 instances). Nodes are stringified a batch at a time, one
 * JSON.stringify call per chunk rather than per node, each batch sized from the length of the ones before.
 */
function writeGraphJson(graph, dag, waves, write, chunkSize = 1 << 16) {
    write('{"nodes":[');
    const { ids } = dag;
    // A Dag selected from this graph knows where its instances sit: no lookup by id.
    const origin = (0,schedule_dag/* dagIndexOf */.wT)(dag)?.origin;
    const positions = origin?.graph === graph ? origin.positions : undefined;
    const { instances } = graph;
    // Once per instance: the positions are the graph's own (dagIndexOf), and the generic checked look-up
    // (itemAt) is megamorphic, so these read the arrays directly.
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- positions of `graph`, indexes below ids.length */
    const instanceAt = origin?.graph !== graph
        ? (index) => (0,lookup/* getOrThrow */.Gp)(graph.byId, ids[index], 'instance')
        : positions
            ? (index) => instances[(0,checked_reads/* intAt */.J1)(positions, index)]
            : (index) => instances[index];
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
    // A Dag of the whole graph (no positions of its own) has the instances' own edges: no look-up by id.
    const isWholeGraph = origin?.graph === graph && !positions;
    let batchSize = 1;
    let written = 0;
    for (let first = 0, end = 0; first < ids.length; first = end) {
        end = Math.min(ids.length, first + batchSize);
        const batch = new Array(end - first);
        for (let index = first; index < end; index++) {
            const instance = instanceAt(index);
            batch[index - first] = nodeOf(instance, isWholeGraph ? instance.dependsOn : (dag.dependsOn.get(instance.id) ?? []), graph.backendOf(instance));
        }
        const text = JSON.stringify(batch);
        if (first > 0)
            write(',');
        write(text.slice(1, -1));
        written += text.length;
        batchSize = Math.max(1, Math.floor((chunkSize * end) / written));
    }
    write('],"waves":[');
    for (let index = 0; index < waves.length; index++) {
        if (index > 0)
            write(',');
        write(JSON.stringify(waves[index]));
    }
    write(']}\n');
}

;// CONCATENATED MODULE: ./build/tsc/core/render/graph-mermaid.js


/** Mermaid's label text may not contain quotes or markup; ids are safe names joined by '/'. */
function label(text) {
    return text.replace(/["<>]/g, '');
}
/**
 * A Mermaid flowchart that GitHub renders: instances grouped by account, arrows in the order things run
 * (from a dependency to what depends on it). `classOf` lets reports colour nodes by status.
 */
function renderGraphMermaid(graph, dag, classOf) {
    const names = new Map(dag.ids.map((id, index) => [id, `n${index}`]));
    const nodeName = (id) => (0,lookup/* getOrThrow */.Gp)(names, id, 'node');
    const lines = ['flowchart LR'];
    const byAccount = new Map();
    for (const id of dag.ids) {
        const account = (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance').account ?? '(global)';
        const list = byAccount.get(account);
        if (list)
            list.push(id);
        else
            byAccount.set(account, [id]);
    }
    byAccount.forEach((ids, account) => {
        lines.push(`  subgraph ${account === '(global)' ? 'global' : `account_${account.replace(/[^A-Za-z0-9_]/g, '_')}`}["${label(account)}"]`);
        for (const id of ids) {
            const instance = (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance');
            const place = [instance.region, instance.environment].filter((part) => part !== null).join(' / ');
            lines.push(`    ${nodeName(id)}["${label(instance.layer)}${place ? `<br/>${label(place)}` : ''}"]`);
        }
        lines.push('  end');
    });
    for (const id of dag.ids) {
        for (const dependency of dag.dependsOn.get(id) ?? [])
            lines.push(`  ${nodeName(dependency)} --> ${nodeName(id)}`);
    }
    if (classOf) {
        for (const id of dag.ids) {
            const name = classOf(id);
            if (name)
                lines.push(`  class ${nodeName(id)} ${name}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
/**
 * What GitHub's Mermaid renders: past 50,000 characters of diagram text it shows "Maximum text size in diagram
 * exceeded", past 500 edges "Edge limit exceeded" (Mermaid's maxTextSize and maxEdges, which GitHub keeps).
 */
const MERMAID_MAX_TEXT = 50_000;
const MERMAID_MAX_EDGES = 500;
/** Whether GitHub would render this diagram text rather than an error. */
function fitsGitHubMermaid(source) {
    const edges = source.match(/-->/g)?.length ?? 0;
    return source.length <= MERMAID_MAX_TEXT && edges <= MERMAID_MAX_EDGES;
}
/**
 * The graph by layer, for estates too large to draw instance by instance: one node per layer with its instance
 * count (and, with `classOf`, how many are in each class, the node taking the first class of `classOrder` any of
 * them has), one arrow per layer dependency labelled with the number of instance dependencies behind it.
 */
function renderLayerMermaid(graph, dag, classOf, classOrder = []) {
    const layerOf = (id) => getOrThrow(graph.byId, id, 'instance').layer;
    const layers = new Map();
    for (const id of dag.ids) {
        const layer = layers.get(layerOf(id)) ?? { count: 0, classes: new Map() };
        layer.count++;
        const name = classOf?.(id);
        if (name)
            layer.classes.set(name, (layer.classes.get(name) ?? 0) + 1);
        layers.set(layerOf(id), layer);
    }
    const names = new Map([...layers.keys()].map((layer, index) => [layer, `l${index}`]));
    const nodeName = (layer) => getOrThrow(names, layer, 'layer');
    const lines = ['flowchart LR'];
    for (const [layer, { count, classes }] of layers) {
        const counts = classOrder.flatMap(({ name, word }) => {
            const inClass = classes.get(name) ?? 0;
            return inClass > 0 ? [`${inClass} ${word}`] : [];
        });
        const detail = counts.length > 0 ? `<br/>${counts.join(' · ')}` : '';
        lines.push(`  ${nodeName(layer)}["${label(layer)}<br/>${plural(count, 'instance')}${detail}"]`);
    }
    // Layer pairs, as their arrow `from -->|N| to` less N, with the number of instance dependencies between them
    // (none inside a layer).
    const edges = new Map();
    for (const id of dag.ids) {
        for (const dependency of dag.dependsOn.get(id) ?? []) {
            if (layerOf(dependency) === layerOf(id))
                continue;
            const from = nodeName(layerOf(dependency));
            const to = nodeName(layerOf(id));
            const edge = edges.get(`${from} ${to}`) ?? { from, to, count: 0 };
            edge.count++;
            edges.set(`${from} ${to}`, edge);
        }
    }
    for (const { from, to, count } of edges.values())
        lines.push(`  ${from} -->|${count}| ${to}`);
    for (const [layer, { classes }] of layers) {
        const first = classOrder.find(({ name }) => (classes.get(name) ?? 0) > 0);
        if (first)
            lines.push(`  class ${nodeName(layer)} ${first.name}`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/tsc/core/render/plural.js
var render_plural = __webpack_require__(9102);
;// CONCATENATED MODULE: ./build/tsc/core/render/graph-text.js


/** The graph for people: one block per wave, each instance with its scope, code path and what it waits for. */
function renderGraphText(graph, dag, waves, manifestFile) {
    const width = Math.min(60, Math.max(0, ...dag.ids.map((id) => id.length)));
    const lines = [
        `${manifestFile}: ${(0,render_plural/* plural */.L)(dag.ids.length, 'instance')} in ${(0,render_plural/* plural */.L)(waves.length, 'wave')}` +
            (dag.ids.length < graph.instances.length
                ? `; ${graph.instances.length - dag.ids.length} more left out by the selection or, until a failover, by the DR strategy`
                : ''),
    ];
    waves.forEach((wave, index) => {
        lines.push('', `wave ${index + 1}`);
        for (const id of wave) {
            const instance = (0,lookup/* getOrThrow */.Gp)(graph.byId, id, 'instance');
            const dependencies = dag.dependsOn.get(id) ?? [];
            const after = dependencies.length > 0 ? `  after ${dependencies.join(', ')}` : '';
            lines.push(`  ${id.padEnd(width)}  ${instance.scope.padEnd(11)}  ${instance.path}${after}`);
        }
    });
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./build/tsc/cli/selection-options.js
var selection_options = __webpack_require__(2845);
;// CONCATENATED MODULE: ./build/tsc/cli/graph-command.js







const GRAPH_HELP = `Usage: strata graph [options]

Reads the manifest, expands it into layer instances and prints them in dependency order. Runs no Terraform.

Options:
  --manifest FILE    the manifest (default: layers.yml)
  --format F         text (default, for people), json (nodes, edges and waves) or mermaid (a flowchart)
  --help             show this help

${selection_options/* SELECTION_HELP */.N6}
`;
const FORMATS = ['text', 'json', 'mermaid'];
function graphCommand(argv, output, cwd) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        options: {
            manifest: { type: 'string', default: 'layers.yml' },
            format: { type: 'string', default: 'text' },
            help: { type: 'boolean' },
            ...selection_options/* SELECTION_OPTIONS */.OK,
        },
        allowPositionals: false,
        strict: true,
    });
    if (values.help) {
        output.out(GRAPH_HELP);
        return 0;
    }
    const format = values.format;
    if (!FORMATS.includes(format)) {
        throw new errors/* UsageError */.eb(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
    }
    const { loaded, dag, waves } = showGraph({
        manifestFile: values.manifest,
        cwd,
        selection: (0,selection_options/* selectionFromFlags */._G)(values),
    });
    if (format === 'json') {
        writeGraphJson(loaded.graph, dag, waves, (chunk) => {
            output.out(chunk);
        });
    }
    else if (format === 'mermaid')
        output.out(renderGraphMermaid(loaded.graph, dag));
    else
        output.out(renderGraphText(loaded.graph, dag, waves, values.manifest));
    return 0;
}


/***/ })

};

//# sourceMappingURL=605.cli.js.map