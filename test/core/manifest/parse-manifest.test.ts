import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { ManifestError, type ManifestProblem } from '../../../src/core/errors.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { manifestSchema } from '../../../src/core/manifest/schema.js';
import { EXAMPLE_MANIFEST, manifestWithLayers } from '../../helpers/manifest-text.js';

function problemsOf(text: string, pathExists?: (path: string) => boolean): ManifestProblem[] {
  try {
    parseManifest(text, 'layers.yml', { pathExists });
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' not in text`);
  return index + 1;
}

describe('parseManifest: the example shape', () => {
  const { manifest, locations } = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');

  it('reads terraform settings, backend and regions', () => {
    expect(manifest.terraform).toEqual({
      binary: 'terraform',
      lockTimeout: '5m',
      parallelism: 4,
      commandTimeoutMs: null,
    });
    expect(manifest.backend.globalRegion).toBe('eu-west-2');
    expect(manifest.backend.replicas).toEqual({ 'eu-west-2': 'eu-west-1' });
    expect(manifest.backend.config.use_lockfile).toBe(true);
    expect(manifest.regions).toEqual([
      { name: 'eu-west-2', role: 'primary' },
      { name: 'eu-west-1', role: 'secondary' },
    ]);
  });

  it('reads environments as a list or a map, narrowing regions where asked', () => {
    const [dev, prod] = manifest.accounts;
    expect(dev).toMatchObject({ name: 'dev', id: '111111111111', ephemeral: true });
    expect(dev!.environments).toEqual([
      { name: 'dev', regions: ['eu-west-2', 'eu-west-1'], strategy: 'backup_restore' },
    ]);
    expect(prod!.ephemeral).toBe(false);
    expect(prod!.environments).toEqual([
      { name: 'staging', regions: ['eu-west-2', 'eu-west-1'], strategy: 'backup_restore' },
      { name: 'production', regions: ['eu-west-2', 'eu-west-1'], strategy: 'backup_restore' },
      { name: 'sandbox', regions: ['eu-west-2'], strategy: 'backup_restore' },
    ]);
  });

  it('normalises depends_on to selectors with defaults', () => {
    const network = manifest.layers.find((layer) => layer.name === 'network')!;
    expect(network.dependsOn).toEqual([
      {
        layer: 'iam',
        account: 'same',
        region: 'same',
        environment: 'same',
        variable: 'iam',
        at: ['layers', 2, 'depends_on', 0],
      },
    ]);
    expect(manifest.layers[3]!.vars).toEqual({ instance_count: 2 });
  });

  it('reads DR settings: a default strategy, per-environment strategies, standby and failover per layer', () => {
    const text = EXAMPLE_MANIFEST.replace('layers:\n', 'dr: { strategy: pilot_light }\nlayers:\n')
      .replace('staging: {}', 'staging: { strategy: warm_standby }')
      .replace('lock_timeout: 5m', 'lock_timeout: 5m\n  command_timeout: 1h30m')
      .replace(
        '    path: terraform/region/network\n',
        '    path: terraform/region/network\n    standby: false\n    failover: skip\n',
      );
    const parsed = parseManifest(text, 'layers.yml').manifest;
    expect(parsed.terraform.commandTimeoutMs).toBe(5_400_000);
    expect(parsed.accounts[1]!.environments.map((e) => [e.name, e.strategy])).toEqual([
      ['staging', 'warm_standby'],
      ['production', 'pilot_light'],
      ['sandbox', 'pilot_light'],
    ]);
    expect(parsed.layers.map((layer) => [layer.name, layer.standby, layer.failover])).toEqual([
      ['dns', true, 'skip'],
      ['iam', true, 'skip'],
      ['network', false, 'skip'],
      ['app', false, 'apply'],
    ]);
  });

  it('reads dr.rpo as a duration, and refuses one that is not, at its line', () => {
    const withRpo = (rpo: string) => EXAMPLE_MANIFEST.replace('layers:\n', `dr:\n  rpo: ${rpo}\nlayers:\n`);
    expect(parseManifest(withRpo('1h30m'), 'layers.yml').manifest.recoveryPointObjective).toEqual({
      text: '1h30m',
      ms: 5_400_000,
    });
    expect(parseManifest(EXAMPLE_MANIFEST, 'layers.yml').manifest.recoveryPointObjective).toBeUndefined();
    const [problem] = problemsOf(withRpo('soon'));
    expect(problem!.message).toContain('dr.rpo');
    expect(problem!.line).toBe(withRpo('soon').split('\n').indexOf('  rpo: soon') + 1);
  });

  it('applies defaults when terraform settings are left out', () => {
    const minimal = parseManifest(
      manifestWithLayers('  - { name: x, scope: global, path: x }\n'),
      'm.yml',
    ).manifest;
    expect(minimal.terraform).toEqual({
      binary: 'terraform',
      lockTimeout: '5m',
      parallelism: 4,
      commandTimeoutMs: null,
    });
    expect(minimal.backend.replicas).toEqual({});
  });

  it('is plain data: the locations come back beside it', () => {
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(Object.values(manifest).some((value) => typeof value === 'function')).toBe(false);
  });

  it('locates values in the file', () => {
    expect(locations.locate(['layers', 2, 'scope'])).toEqual({
      line: lineOf(EXAMPLE_MANIFEST, 'scope: region'),
      column: 12,
    });
    expect(locations.locate(['accounts', 'prod', 'environments', 'sandbox']).line).toBe(
      lineOf(EXAMPLE_MANIFEST, 'sandbox:'),
    );
  });
});

describe('parseManifest: problems, each located with a message a person can act on', () => {
  it('reports YAML syntax errors with their line', () => {
    const text = 'version: 1\nregions:\n  eu-west-2: { role: primary\n';
    const [problem] = problemsOf(text);
    expect(problem!.file).toBe('layers.yml');
    expect(problem!.message).toMatch(/^YAML syntax: /);
    expect(problem!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys (two accounts with one name) as YAML errors', () => {
    const text = EXAMPLE_MANIFEST.replace('  prod:\n', '  dev:\n');
    const problems = problemsOf(text);
    expect(problems.some((p) => /unique/i.test(p.message))).toBe(true);
    expect(problems[0]!.line).toBe(text.split('\n').lastIndexOf('  dev:') + 1);
  });

  // The walk that finds them runs only when the file has a `!` or a `*` (located-yaml.ts).
  it.each([
    ['set', '!!set { a, b }'],
    ['omap', '!!omap [{ a: 1 }]'],
  ])('refuses the YAML tag %s where it is written', (tag, value) => {
    const text = EXAMPLE_MANIFEST.replace('vars: { instance_count: 2 }', `vars: { items: ${value} }`);
    const [problem, ...others] = problemsOf(text);
    expect(others).toEqual([]);
    expect(problem!.message).toBe(`YAML: the tag ${tag} is not supported here; use a plain list or map`);
    expect(problem!.line).toBe(lineOf(text, value));
  });

  it('names an unknown key, suggests the close one, and points at it', () => {
    const text = EXAMPLE_MANIFEST.replace('    depends_on: [iam]', '    depnds_on: [iam]');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain("layers[2]: unknown key 'depnds_on' (did you mean 'depends_on'?)");
    expect(problems[0]!.line).toBe(lineOf(text, 'depnds_on'));
  });

  it('refuses a bad scope with the allowed values and what it got', () => {
    const text = EXAMPLE_MANIFEST.replace('scope: region', 'scope: regional');
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe(
      'layers[2].scope: must be one of "global", "account", "region", "environment", got "regional"',
    );
    expect(problem).toMatchObject({ line: lineOf(text, 'regional'), column: 12 });
  });

  it('asks for a quoted account id', () => {
    const text = EXAMPLE_MANIFEST.replace('id: "222222222222"', 'id: 222222222222');
    expect(problemsOf(text)[0]!.message).toBe('accounts.prod.id: must be a string, got 222222222222');
  });

  it('reports a missing required key', () => {
    const text = EXAMPLE_MANIFEST.replace('    path: terraform/global/dns\n', '');
    expect(problemsOf(text)[0]!.message).toBe("layers[0]: missing required key 'path'");
  });

  it.each([['pr-1; rm -rf /'], ['../x'], ['a b'], ['-lead']])(
    'refuses the unsafe environment name %j with the rule',
    (name) => {
      const text = EXAMPLE_MANIFEST.replace('environments: [dev]', `environments: [${JSON.stringify(name)}]`);
      const problems = problemsOf(text);
      expect(problems[0]!.message).toContain('is not allowed: use letters, digits, "-" and "_"');
      expect(problems[0]!.line).toBe(lineOf(text, 'environments: ['));
    },
  );

  it('refuses an unsafe name used as a map key (account, region, environment)', () => {
    const text = EXAMPLE_MANIFEST.replace('      production: {}', '      "../prod": {}');
    const [problem] = problemsOf(text);
    expect(problem!.message).toContain("'../prod' is not a valid name: use letters, digits");
    expect(problem!.line).toBe(lineOf(text, '"../prod"'));
  });

  it('refuses reserved words as names', () => {
    const text = EXAMPLE_MANIFEST.replace('      staging: {}', '      all: {}');
    expect(problemsOf(text)[0]!.message).toContain("'all' is a reserved word (same, all, primary)");
  });

  it('requires exactly one primary region', () => {
    const none = EXAMPLE_MANIFEST.replace('{ role: primary }', '{ role: secondary }');
    expect(problemsOf(none)[0]!.message).toContain("no region has 'role: primary'");
    const two = EXAMPLE_MANIFEST.replace('eu-west-1: { role: secondary }', 'eu-west-1: { role: primary }');
    const [problem] = problemsOf(two);
    expect(problem!.message).toContain("regions 'eu-west-2' and 'eu-west-1' are both primary");
    expect(problem!.line).toBe(lineOf(two, 'eu-west-1: { role: primary }'));
  });

  it('refuses regions that are not declared, with a suggestion', () => {
    const text = EXAMPLE_MANIFEST.replace(
      '    regions: [eu-west-2, eu-west-1]\n    environments: [dev]',
      '    regions: [eu-west-2, eu-west-3]\n    environments: [dev]',
    );
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe(
      "region of account 'dev': 'eu-west-3' is not declared under 'regions' (did you mean 'eu-west-2'?)",
    );
    expect(problem).toMatchObject({ line: lineOf(text, 'eu-west-3'), column: 26 });
  });

  it('refuses an environment narrowed to a region its account does not have', () => {
    const text = EXAMPLE_MANIFEST.replace(
      '    regions: [eu-west-2, eu-west-1]\n    environments:\n',
      '    regions: [eu-west-1]\n    environments:\n',
    );
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe(
      "environment 'sandbox' of account 'prod' lists region 'eu-west-2', which the account does not have (its regions: eu-west-1)",
    );
  });

  it('refuses a primary_region where the account or environment does not run, at its line', () => {
    const text = EXAMPLE_MANIFEST.replace(
      '    ephemeral: true\n',
      '    ephemeral: true\n    primary_region: us-east-1\n',
    ).replace(
      'sandbox: { regions: [eu-west-2] }',
      'sandbox: { regions: [eu-west-2], primary_region: eu-west-1 }',
    );
    expect(problemsOf(text).map((problem) => problem.message)).toEqual([
      "account 'dev' has primary_region 'us-east-1', which is not one of its regions (eu-west-2, eu-west-1)",
      "environment 'sandbox' of account 'prod' has primary_region 'eu-west-1', where it does not run (its regions: eu-west-2)",
    ]);
    expect(problemsOf(text)[0]).toMatchObject({ line: lineOf(text, 'primary_region: us-east-1') });
  });

  it('refuses a global_region or replica that is not declared', () => {
    const text = EXAMPLE_MANIFEST.replace('global_region: eu-west-2', 'global_region: us-east-1').replace(
      'eu-west-2: eu-west-1',
      'eu-west-2: eu-west-2',
    );
    const messages = problemsOf(text).map((p) => p.message);
    expect(messages).toContain("backend.global_region 'us-east-1' is not declared under 'regions'");
    expect(messages).toContain("region 'eu-west-2' cannot be its own replica");
  });

  it('reads backend.region_config, and refuses a region there that is not declared', () => {
    const text = EXAMPLE_MANIFEST.replace(
      '  global_region: eu-west-2\n',
      '  global_region: eu-west-2\n  region_config:\n    eu-west-1: { endpoints: \'{s3="http://127.0.0.1:9001"}\' }\n',
    );
    expect(parseManifest(text, 'layers.yml').manifest.backend.regionConfig).toEqual({
      'eu-west-1': { endpoints: '{s3="http://127.0.0.1:9001"}' },
    });
    const [problem] = problemsOf(text.replace('    eu-west-1: { endpoints', '    eu-west-9: { endpoints'));
    expect(problem).toMatchObject({
      message:
        "backend.region_config region 'eu-west-9' is not declared under 'regions' (did you mean 'eu-west-2'?)",
      line: lineOf(text, '    eu-west-1: { endpoints'),
    });
  });

  it('refuses duplicate layer names, naming the first', () => {
    const text = manifestWithLayers(
      '  - { name: x, scope: global, path: a }\n  - { name: x, scope: account, path: b }\n',
    );
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe(
      `layer 'x' is declared twice (first at line ${lineOf(text, 'path: a')}); layer names must be unique`,
    );
    expect(problem!.line).toBe(lineOf(text, 'path: b'));
  });

  it('refuses an unknown dependency, naming both ends', () => {
    const text = manifestWithLayers(
      '  - { name: network, scope: region, path: n }\n  - { name: app, scope: environment, path: a, depends_on: [netwrk] }\n',
    );
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe("layer 'app' depends on unknown layer 'netwrk' (did you mean 'network'?)");
    expect(problem!.line).toBe(lineOf(text, 'netwrk'));
  });

  it('refuses a layer that depends on itself', () => {
    const text = manifestWithLayers('  - { name: x, scope: global, path: a, depends_on: [x] }\n');
    expect(problemsOf(text)[0]!.message).toBe("layer 'x' depends on itself");
  });

  it('refuses selector values that are not declared', () => {
    const text = manifestWithLayers(
      '  - { name: n, scope: region, path: n }\n  - name: app\n    scope: environment\n    path: a\n    depends_on:\n      - { layer: n, region: r9 }\n',
    );
    const [problem] = problemsOf(text);
    expect(problem!.message).toBe(
      "depends_on region 'r9' is neither 'same', 'all', 'primary' nor a declared region (did you mean 'r1'?)",
    );
  });

  it.each([
    ['/etc', "must be relative to the manifest's directory"],
    ['../other-repo/x', "leaves the manifest's directory"],
    ['a/../../x', "leaves the manifest's directory"],
    ['.', "is the manifest's directory itself"],
  ])('refuses the layer path %j', (path, message) => {
    const text = manifestWithLayers(`  - { name: x, scope: global, path: ${JSON.stringify(path)} }\n`);
    const [problem] = problemsOf(text);
    expect(problem!.message).toContain(message);
    expect(problem!.line).toBe(lineOf(text, 'name: x'));
  });

  it('refuses a layer path that does not exist when asked to check', () => {
    const text = manifestWithLayers(
      '  - { name: x, scope: global, path: there }\n  - { name: y, scope: global, path: missing }\n',
    );
    const problems = problemsOf(text, (path) => path === 'there');
    expect(problems.map((p) => p.message)).toEqual([
      "layer 'y': path 'missing' does not exist (paths are relative to the manifest's directory)",
    ]);
  });

  it('refuses a dependency variable that shadows the context or a var', () => {
    const text = manifestWithLayers(
      '  - { name: region, scope: global, path: r }\n  - { name: n, scope: global, path: n }\n  - name: app\n    scope: global\n    path: a\n    vars: { n: 1, account: x }\n    depends_on: [region, n]\n',
    );
    const messages = problemsOf(text).map((p) => p.message);
    expect(messages).toEqual([
      "layer 'app': var 'account' is set by Strata for every instance (account, account_id, region, environment, layer, role, failover, failed_region, recovery_point); rename it",
      "layer 'app': the outputs of 'region' would arrive in variable 'region', which is already a context variable Strata sets; give this dependency another name with 'as: <variable>'",
      "layer 'app': the outputs of 'n' would arrive in variable 'n', which is already a var of layer 'app'; give this dependency another name with 'as: <variable>'",
    ]);
  });

  it('reports every problem at once', () => {
    const text = EXAMPLE_MANIFEST.replace('scope: region', 'scope: regional').replace(
      'lock_timeout: 5m',
      'lock_timeout: soon',
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.message)).toEqual([
      'terraform.lock_timeout: "soon" is not allowed: use a duration such as "30s", "5m" or "1h30m"',
      'layers[2].scope: must be one of "global", "account", "region", "environment", got "regional"',
    ]);
  });

  it('refuses an unknown version', () => {
    expect(problemsOf(EXAMPLE_MANIFEST.replace('version: 1', 'version: 2'))[0]!.message).toBe(
      'version: must be 1, got 2',
    );
  });

  it('refuses a document that is not a map', () => {
    expect(problemsOf('- just\n- a list\n')[0]!.message).toBe('the manifest: must be a map, got a list');
    expect(problemsOf('')[0]!.message).toBe('the manifest: must be a map, got null');
  });
});

describe('the manifest schema', () => {
  // parseManifest compiles it without Ajv's meta-schema check (a fixed cost of every run): check it here.
  it('is a valid JSON Schema, by the meta-schema and in strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(ajv.validateSchema(manifestSchema)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
    expect(() => ajv.compile(manifestSchema)).not.toThrow();
  });
});

describe('parseManifest: stateful layers and DR hooks', () => {
  const layers = `  - { name: net, scope: region, path: net }
  - { name: db, scope: region, path: db, depends_on: [net], stateful: true }
  - { name: dns, scope: global, path: dns }
`;
  const withHooks = (hooks: string) => `${manifestWithLayers(layers)}hooks:\n${hooks}`;

  it('reads stateful (absent unless true) and each hook with its defaults', () => {
    const { manifest } = parseManifest(
      withHooks(`  - { name: promote, when: after_layer, layer: db, run: ./hooks/promote.sh, args: [--to, '{region}'], timeout: 2m }
  - { name: smoke, when: after_failover, run: hooks/smoke.sh, timeout: 30s, drill_safe: true }
`),
      'layers.yml',
    );
    expect(manifest.layers.map((layer) => [layer.name, layer.stateful])).toEqual([
      ['net', undefined],
      ['db', true],
      ['dns', undefined],
    ]);
    expect(manifest.hooks).toEqual([
      {
        name: 'promote',
        when: 'after_layer',
        layer: 'db',
        run: 'hooks/promote.sh',
        args: ['--to', '{region}'],
        timeoutMs: 120_000,
        drillSafe: false,
        at: ['hooks', 0],
      },
      {
        name: 'smoke',
        when: 'after_failover',
        layer: null,
        run: 'hooks/smoke.sh',
        args: [],
        timeoutMs: 30_000,
        drillSafe: true,
        at: ['hooks', 1],
      },
    ]);
    expect(parseManifest(manifestWithLayers(layers), 'layers.yml').manifest.hooks).toBeUndefined();
  });

  it('refuses hooks it could not run as written, each at its line', () => {
    const text = withHooks(`  - { name: a, when: after_layer, run: x.sh, timeout: 1s }
  - { name: b, when: after_layer, layer: dbb, run: x.sh, timeout: 1s }
  - { name: c, when: after_layer, layer: dns, run: x.sh, timeout: 1s }
  - { name: d, when: after_failover, layer: db, run: x.sh, timeout: 1s }
  - { name: e, when: after_failover, run: ../outside.sh, timeout: 1s }
  - { name: e, when: after_failback, run: x.sh, timeout: soon }
  - { name: f, when: after_failback, run: x.sh, timeout: 1s, args: 'rm -rf /' }
`);
    const messages = problemsOf(text).map((problem) => `${problem.line}: ${problem.message}`);
    const line = (name: string) => lineOf(text, `name: ${name},`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('hooks[5].timeout'),
        expect.stringContaining('hooks[6].args'),
      ]),
    );
    // The schema's problems come first and alone; without them, the manifest's own checks.
    const valid = text.replace('timeout: soon', 'timeout: 1s').replace(", args: 'rm -rf /'", '');
    expect(problemsOf(valid).map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      `${line('a')}: hook 'a': when: after_layer needs 'layer: <name>'`,
      `${line('b')}: hook 'b': unknown layer 'dbb' (did you mean 'db'?)`,
      `${line('c')}: hook 'c': layer 'dns' is global-scoped, and a failover runs only region and environment layers in the target region; follow one of those`,
      `${line('d')}: hook 'd': 'layer' only goes with when: after_layer`,
      `${line('e')}: hook 'e': path '../outside.sh' leaves the manifest's directory; a hook's executable must live inside it`,
      `${lineOf(valid, 'when: after_failback, run: x.sh, timeout: 1s }')}: hook 'e' is declared twice; hook names must be unique`,
    ]);
  });
});
