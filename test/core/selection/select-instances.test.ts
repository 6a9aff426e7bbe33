import { describe, expect, it } from '@jest/globals';
import { getErrorMessage, UsageError } from '../../../src/core/errors.js';
import { terminalWording } from '../../../src/cli/terminal-wording.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import type { LayerGraph } from '../../../src/core/graph/types.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { computeWaves } from '../../../src/core/schedule/waves.js';
import {
  inducedDag,
  selectInstances,
  type ChangedFiles,
  type SelectionFilter,
} from '../../../src/core/selection/select-instances.js';
import { edgesOf, graphOf } from '../../helpers/graphs.js';

const MANIFEST = `version: 1
backend:
  type: s3
  config: { bucket: "state-{account}-{region}", key: "{id}.tfstate" }
  global_region: eu-west-2
regions:
  eu-west-2: { role: primary }
  eu-west-1: { role: secondary }
accounts:
  dev:
    id: "111111111111"
    regions: [eu-west-2, eu-west-1]
    environments: [dev]
  prod:
    id: "222222222222"
    regions: [eu-west-2, eu-west-1]
    environments:
      staging: {}
      production: {}
      sandbox: { regions: [eu-west-2] }
layers:
  - name: dns
    scope: global
    path: terraform/global/dns
  - name: iam
    scope: account
    path: terraform/account/iam
  - name: network
    scope: region
    path: terraform/region/network
    depends_on: [iam]
  - name: app
    scope: environment
    path: terraform/environment/app
    depends_on: [network, dns]
`;

function estate(text = MANIFEST): LayerGraph {
  return expandManifest(parseManifest(text, 'layers.yml'));
}

const graph = estate();

const ALL = [
  'dns',
  'dev/iam',
  'prod/iam',
  'dev/eu-west-2/network',
  'dev/eu-west-1/network',
  'prod/eu-west-2/network',
  'prod/eu-west-1/network',
  'dev/eu-west-2/dev/app',
  'dev/eu-west-1/dev/app',
  'prod/eu-west-2/staging/app',
  'prod/eu-west-2/production/app',
  'prod/eu-west-2/sandbox/app',
  'prod/eu-west-1/staging/app',
  'prod/eu-west-1/production/app',
];
const NETWORKS = ALL.filter((id) => id.endsWith('/network'));
const APPS = ALL.filter((id) => id.endsWith('/app'));

/** The CLI's view of changes: each layer watches its own directory. */
function changes(
  files: string[],
  options: { manifestChanged?: boolean; extra?: Record<string, string[]> } = {},
): ChangedFiles {
  const watchedPaths = new Map<string, string[]>();
  for (const instance of graph.instances) watchedPaths.set(instance.layer, [instance.path]);
  for (const [layer, paths] of Object.entries(options.extra ?? {})) watchedPaths.get(layer)!.push(...paths);
  return { files, watchedPaths, manifestChanged: options.manifestChanged ?? false };
}

describe('the estate the selection tests use', () => {
  it('expands to the instances listed in ALL, in manifest order', () => {
    expect(graph.instances.map((instance) => instance.id)).toEqual(ALL);
  });
});

describe('selectInstances filters', () => {
  const cases: { name: string; filter: SelectionFilter; ids: string[] }[] = [
    { name: 'no filter keeps everything', filter: {}, ids: ALL },
    {
      name: 'empty lists are no filter',
      filter: { accounts: [], regions: [], layers: [], instances: [] },
      ids: ALL,
    },
    {
      name: 'an account keeps its own instances and leaves out the global one',
      filter: { accounts: ['dev'] },
      ids: [
        'dev/iam',
        'dev/eu-west-2/network',
        'dev/eu-west-1/network',
        'dev/eu-west-2/dev/app',
        'dev/eu-west-1/dev/app',
      ],
    },
    {
      name: 'a region leaves out global and account instances',
      filter: { regions: ['eu-west-1'] },
      ids: [
        'dev/eu-west-1/network',
        'prod/eu-west-1/network',
        'dev/eu-west-1/dev/app',
        'prod/eu-west-1/staging/app',
        'prod/eu-west-1/production/app',
      ],
    },
    {
      name: 'two regions are everything with a region',
      filter: { regions: ['eu-west-1', 'eu-west-2'] },
      ids: [...NETWORKS, ...APPS],
    },
    {
      name: 'an environment leaves out everything coarser than an environment',
      filter: { environments: ['staging'] },
      ids: ['prod/eu-west-2/staging/app', 'prod/eu-west-1/staging/app'],
    },
    {
      name: 'an environment in one region only',
      filter: { environments: ['sandbox'] },
      ids: ['prod/eu-west-2/sandbox/app'],
    },
    { name: 'a layer keeps all its instances', filter: { layers: ['network'] }, ids: NETWORKS },
    { name: 'a global layer', filter: { layers: ['dns'] }, ids: ['dns'] },
    {
      name: 'instance ids are taken exactly, listed in graph order',
      filter: { instances: ['prod/eu-west-1/network', 'dns'] },
      ids: ['dns', 'prod/eu-west-1/network'],
    },
    {
      name: 'filters combine: all must match',
      filter: { accounts: ['prod'], regions: ['eu-west-2'], layers: ['app'] },
      ids: ['prod/eu-west-2/staging/app', 'prod/eu-west-2/production/app', 'prod/eu-west-2/sandbox/app'],
    },
    {
      name: 'a layer with a coordinate filter it cannot match selects nothing',
      filter: { layers: ['iam'], regions: ['eu-west-2'] },
      ids: [],
    },
    {
      name: 'instance ids narrowed by a filter',
      filter: { instances: ['dev/iam', 'dev/eu-west-2/network'], regions: ['eu-west-2'] },
      ids: ['dev/eu-west-2/network'],
    },
  ];
  it.each(cases)('$name', ({ filter, ids }) => {
    expect(selectInstances(graph, filter).ids).toEqual(ids);
  });

  it('keeps the full edges when nothing is filtered out', () => {
    const dag = selectInstances(graph, {});
    for (const instance of graph.instances)
      expect(dag.dependsOn.get(instance.id)).toEqual(instance.dependsOn);
  });

  it('keeps only edges between selected instances when the dependencies are selected too', () => {
    const dag = selectInstances(graph, { accounts: ['dev'], regions: ['eu-west-1'] });
    expect(edgesOf(dag)).toEqual({
      'dev/eu-west-1/network': [],
      'dev/eu-west-1/dev/app': ['dev/eu-west-1/network'],
    });
  });
});

describe('selectInstances keeps orderings through unselected instances', () => {
  it('a -> x -> b with a and b selected gives b dependsOn a', () => {
    const dag = selectInstances(graphOf({ a: [], x: ['a'], b: ['x'] }), { instances: ['a', 'b'] });
    expect(edgesOf(dag)).toEqual({ a: [], b: ['a'] });
    expect(computeWaves(dag)).toEqual([['a'], ['b']]);
  });

  it('collapses a diamond of unselected instances into one edge', () => {
    const dag = selectInstances(graphOf({ a: [], x: ['a'], y: ['a'], b: ['x', 'y'] }), {
      instances: ['a', 'b'],
    });
    expect(edgesOf(dag)).toEqual({ a: [], b: ['a'] });
  });

  it('stops at the nearest selected instance on each path', () => {
    // b -> x -> m -> y -> a: with a, m and b selected, b waits for m and m for a, not b for a directly.
    const dag = selectInstances(graphOf({ a: [], y: ['a'], m: ['y'], x: ['m'], b: ['x', 'a'] }), {
      instances: ['a', 'm', 'b'],
    });
    expect(edgesOf(dag)).toEqual({ a: [], m: ['a'], b: ['a', 'm'] });
  });

  it('mixes direct and indirect dependencies, sorted and without duplicates', () => {
    const dag = selectInstances(graphOf({ c: [], a: [], x: ['a', 'c'], b: ['c', 'x'] }), {
      instances: ['a', 'b', 'c'],
    });
    expect(edgesOf(dag)).toEqual({ c: [], a: [], b: ['a', 'c'] });
  });

  it('keeps no edge where the only path is through nothing selected', () => {
    const dag = selectInstances(graphOf({ u: [], a: ['u'], b: ['u'] }), { instances: ['a', 'b'] });
    expect(edgesOf(dag)).toEqual({ a: [], b: [] });
  });

  it('walks a 50,000-long unselected chain without overflowing the stack', () => {
    const size = 50_000;
    const chain: [string, string[]][] = Array.from({ length: size }, (_, index) => [
      `n${index}`,
      index > 0 ? [`n${index - 1}`] : [],
    ]);
    const dag = inducedDag(graphOf(chain), new Set(['n0', `n${size - 1}`]));
    expect(edgesOf(dag)).toEqual({ n0: [], [`n${size - 1}`]: ['n0'] });
  });

  it('keeps app -> iam in the real estate when the networks between them are left out', () => {
    const dag = selectInstances(graph, { layers: ['iam', 'app'], accounts: ['prod'] });
    expect(dag.ids).toEqual(['prod/iam', ...APPS.filter((id) => id.startsWith('prod/'))]);
    for (const id of dag.ids.slice(1)) expect(dag.dependsOn.get(id)).toEqual(['prod/iam']);
    expect(computeWaves(dag)).toEqual([['prod/iam'], APPS.filter((id) => id.startsWith('prod/')).sort()]);
  });
});

describe('selectInstances rejects unknown names', () => {
  const cases: { name: string; filter: SelectionFilter; message: string }[] = [
    {
      name: 'an account, with a suggestion',
      filter: { accounts: ['prd'] },
      message: "--account: unknown account 'prd' (did you mean 'prod'?); the manifest has dev, prod",
    },
    {
      name: 'a region',
      filter: { regions: ['eu-west-3'] },
      message:
        "--region: unknown region 'eu-west-3' (did you mean 'eu-west-2'?); the manifest has eu-west-2, eu-west-1",
    },
    {
      name: 'an environment',
      filter: { environments: ['prodution'] },
      message:
        "--environment: unknown environment 'prodution' (did you mean 'production'?); the manifest has dev, staging, production, sandbox",
    },
    {
      name: 'a layer, letters swapped',
      filter: { layers: ['netwrok'] },
      message:
        "--layer: unknown layer 'netwrok' (did you mean 'network'?); the manifest has dns, iam, network, app",
    },
    {
      name: 'a name too far from any to suggest',
      filter: { accounts: ['shared-services'] },
      message: "--account: unknown account 'shared-services'; the manifest has dev, prod",
    },
    {
      name: 'the second of two values, after a known one',
      filter: { layers: ['app', 'Dns'] },
      message: "--layer: unknown layer 'Dns' (did you mean 'dns'?); the manifest has dns, iam, network, app",
    },
    {
      name: 'an instance id',
      filter: { instances: ['prod/eu-west-2/netwrk'] },
      message:
        "--instance: unknown instance 'prod/eu-west-2/netwrk' (did you mean 'prod/eu-west-2/network'?); 'strata graph' lists the ids",
    },
    {
      name: 'an instance id given as a layer name',
      filter: { instances: ['network'] },
      message: "--instance: unknown instance 'network'; 'strata graph' lists the ids",
    },
  ];
  it.each(cases)('$name', ({ filter, message }) => {
    expect(() => selectInstances(graph, filter)).toThrow(UsageError);
    const worded = () => {
      try {
        selectInstances(graph, filter);
      } catch (error) {
        return getErrorMessage(error, terminalWording);
      }
      return 'no error';
    };
    expect(worded()).toContain(message);
  });

  it('checks names before changed files are looked at', () => {
    expect(() =>
      selectInstances(graph, { accounts: ['nope'], changes: changes([], { manifestChanged: true }) }),
    ).toThrow(UsageError);
  });
});

describe('selectInstances with changed files', () => {
  const cases: { name: string; changes: ChangedFiles; filter?: SelectionFilter; ids: string[] }[] = [
    {
      name: 'a change to a layer selects its instances and what depends on them, not what they depend on',
      changes: changes(['terraform/region/network/main.tf']),
      ids: [...NETWORKS, ...APPS],
    },
    {
      name: 'a change to the last layer selects only it',
      changes: changes(['terraform/environment/app/variables.tf']),
      ids: APPS,
    },
    {
      name: 'a global layer reaches every dependent',
      changes: changes(['terraform/global/dns/zone.tf']),
      ids: ['dns', ...APPS],
    },
    {
      name: 'a file deep inside the layer directory',
      changes: changes(['terraform/account/iam/policies/ci.json']),
      ids: ['dev/iam', 'prod/iam', ...NETWORKS, ...APPS],
    },
    {
      name: 'a file outside every layer selects nothing',
      changes: changes(['README.md', 'docs/dr.md']),
      ids: [],
    },
    { name: 'no changed files select nothing', changes: changes([]), ids: [] },
    {
      name: 'a sibling directory that shares a prefix is not inside the layer',
      changes: changes(['terraform/region/network-old/main.tf', 'terraform/region/networkx']),
      ids: [],
    },
    {
      name: 'a local module a layer uses counts as the layer',
      changes: changes(['modules/vpc/main.tf'], { extra: { network: ['modules/vpc'] } }),
      ids: [...NETWORKS, ...APPS],
    },
    {
      name: 'a watched path may be a single file',
      changes: changes(['shared/tags.tf'], { extra: { dns: ['shared/tags.tf'] } }),
      ids: ['dns', ...APPS],
    },
    {
      name: 'a watched path of "." is affected by any change',
      changes: changes(['anything.txt'], { extra: { iam: ['.'] } }),
      ids: ['dev/iam', 'prod/iam', ...NETWORKS, ...APPS],
    },
    {
      name: 'a changed manifest selects everything',
      changes: changes([], { manifestChanged: true }),
      ids: ALL,
    },
    {
      name: 'changes and filters combine',
      changes: changes(['terraform/region/network/main.tf']),
      filter: { accounts: ['dev'] },
      ids: [
        'dev/eu-west-2/network',
        'dev/eu-west-1/network',
        'dev/eu-west-2/dev/app',
        'dev/eu-west-1/dev/app',
      ],
    },
  ];
  it.each(cases)('$name', ({ changes: changed, filter, ids }) => {
    expect(selectInstances(graph, { ...filter, changes: changed }).ids).toEqual(ids);
  });

  it('drops edges to upstream instances that were not selected (their outputs come from state)', () => {
    const dag = selectInstances(graph, { changes: changes(['terraform/region/network/main.tf']) });
    expect(dag.dependsOn.get('prod/eu-west-1/network')).toEqual([]);
    expect(dag.dependsOn.get('prod/eu-west-1/staging/app')).toEqual(['prod/eu-west-1/network']);
    expect(computeWaves(dag)).toEqual([[...NETWORKS].sort(), [...APPS].sort()]);
  });

  it('follows dependents through layers the change does not touch', () => {
    const chain = graphOf({ a: [], b: ['a'], c: ['b'], d: [] });
    const watchedPaths = new Map(chain.instances.map((instance) => [instance.layer, [instance.path]]));
    const dag = selectInstances(chain, {
      changes: { files: ['layers/a/main.tf'], watchedPaths, manifestChanged: false },
    });
    expect(edgesOf(dag)).toEqual({ a: [], b: ['a'], c: ['b'] });
  });
});
