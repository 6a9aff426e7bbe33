// The same-output floor of the graph benchmark: a straight-line program that prints what
// `strata graph --format json --manifest FILE` prints for a manifest written by synthetic-estate.ts, and nothing
// else. It reads the file and parses it with the same YAML library, then makes the nodes, their sorted
// `dependsOn`, their backends and the waves by loops that know the estate's ten layers (their edges and waves
// are written out below): no validation, no selection, no generality. bench/graph.ts times it as a whole
// process, as it times the CLI, and fails unless its output is the CLI's byte for byte; CLI / this is how far
// Strata is from a straight-line implementation of the same output (issue 15's 1.2× target).
//
// Plain JavaScript, so that both Node.js versions run it without a build or a loader, as they run dist/cli.js.
// Usage: node bench/graph-output-floor.mjs FILE > graph.json
import { readFileSync, writeSync } from 'node:fs';
import { parse } from 'yaml';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/graph-output-floor.mjs MANIFEST\n');
  process.exit(2);
}
const raw = parse(readFileSync(file, 'utf8'));
// Under backup_restore the CLI prints only what exists in steady state; this program knows no selection.
if (raw.dr?.strategy !== 'warm_standby' && raw.dr?.strategy !== 'pilot_light') {
  process.stderr.write(`the floor prints every instance: it needs dr.strategy warm_standby or pilot_light\n`);
  process.exit(2);
}
const globalRegion = raw.backend.global_region;
const primaryRegion = Object.keys(raw.regions).find((name) => raw.regions[name].role === 'primary');
const pathOf = Object.fromEntries(raw.layers.map((layer) => [layer.name, layer.path]));
const accounts = Object.entries(raw.accounts).map(([name, account]) => ({
  name,
  id: account.id,
  regions: account.regions,
  environments: Object.entries(account.environments).map(([environment, settings]) => ({
    name: environment,
    regions: settings?.regions ?? account.regions,
  })),
}));

// Each layer's wave: one more than the highest of what it depends on (synthetic-estate.ts's LAYERS).
const WAVE = {
  dns: 0,
  'org-policy': 1,
  iam: 2,
  kms: 3,
  network: 3,
  transit: 4,
  backup: 4,
  database: 4,
  app: 5,
  monitoring: 6,
};
const waves = Array.from({ length: 7 }, () => []);

// Stringified a thousand nodes at a time and written as they are made: only the ids are kept, for the waves.
const write = (text) => {
  writeSync(1, text);
};
let batch = [];
let isFirst = true;
const flush = () => {
  const text = JSON.stringify(batch);
  write(isFirst ? text.slice(1, -1) : `,${text.slice(1, -1)}`);
  isFirst = false;
  batch = [];
};
const node = (id, layer, scope, account, region, environment, dependsOn) => {
  const stateRegion = region ?? globalRegion;
  batch.push({
    id,
    layer,
    scope,
    account: account?.name ?? null,
    accountId: account?.id ?? null,
    region,
    environment,
    role: region === null ? null : region === primaryRegion ? 'primary' : 'secondary',
    path: pathOf[layer],
    dependsOn: dependsOn.sort(),
    backend: {
      type: 's3',
      config: {
        bucket: `tfstate-${account?.id ?? 'global'}-${stateRegion}`,
        key: `${id}.tfstate`,
        region: stateRegion,
        use_lockfile: true,
      },
    },
  });
  waves[WAVE[layer]].push(id);
  if (batch.length === 1000) flush();
};

/** The nodes in Strata's order: layer by layer, then account, region and environment. */
function writeNodes() {
  node('dns', 'dns', 'global', null, null, null, []);
  node('org-policy', 'org-policy', 'global', null, null, null, ['dns']);
  for (const account of accounts)
    node(`${account.name}/iam`, 'iam', 'account', account, null, null, ['org-policy']);
  for (const account of accounts)
    node(`${account.name}/kms`, 'kms', 'account', account, null, null, [`${account.name}/iam`]);
  for (const account of accounts)
    for (const region of account.regions)
      node(`${account.name}/${region}/network`, 'network', 'region', account, region, null, [
        `${account.name}/iam`,
      ]);
  for (const account of accounts)
    for (const region of account.regions) {
      const dependsOn = [`${account.name}/${region}/network`];
      if (region !== primaryRegion) dependsOn.push(`${account.name}/${primaryRegion}/network`);
      node(`${account.name}/${region}/transit`, 'transit', 'region', account, region, null, dependsOn);
    }
  for (const account of accounts)
    for (const region of account.regions) {
      const dependsOn = [
        `${account.name}/kms`,
        ...account.regions.map((each) => `${account.name}/${each}/network`),
      ];
      node(`${account.name}/${region}/backup`, 'backup', 'region', account, region, null, dependsOn);
    }
  for (const layer of ['database', 'app'])
    for (const account of accounts)
      for (const region of account.regions)
        for (const environment of account.environments) {
          if (!environment.regions.includes(region)) continue;
          const cell = `${account.name}/${region}/${environment.name}`;
          const dependsOn =
            layer === 'database'
              ? [`${account.name}/${region}/network`, `${account.name}/kms`]
              : [`${cell}/database`, `${account.name}/${region}/transit`, 'dns'];
          if (layer === 'app' && region !== primaryRegion)
            dependsOn.push(`${account.name}/${primaryRegion}/${environment.name}/database`);
          node(`${cell}/${layer}`, layer, 'environment', account, region, environment.name, dependsOn);
        }
  for (const account of accounts) {
    const apps = [];
    for (const region of account.regions)
      for (const environment of account.environments)
        if (environment.regions.includes(region))
          apps.push(`${account.name}/${region}/${environment.name}/app`);
    node(`${account.name}/monitoring`, 'monitoring', 'account', account, null, null, apps);
  }
  if (batch.length > 0) flush();
}

write('{"nodes":[');
writeNodes();
for (const wave of waves) wave.sort();
write(`],"waves":${JSON.stringify(waves)}}\n`);
