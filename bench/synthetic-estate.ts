// The synthetic estates of the benchmarks and the scale tests: ~1,000 to ~100,000 instances of ten layers.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Size {
  label: string;
  accounts: number;
  regions: number;
  environments: number;
}

export const SIZES: Size[] = [
  { label: '1k', accounts: 10, regions: 5, environments: 10 },
  { label: '10k', accounts: 40, regions: 10, environments: 13 },
  { label: '100k', accounts: 180, regions: 20, environments: 16 },
];

export const LAYERS = [
  { name: 'dns', scope: 'global', dependsOn: [] },
  { name: 'org-policy', scope: 'global', dependsOn: ['dns'] },
  { name: 'iam', scope: 'account', dependsOn: ['org-policy'] },
  { name: 'kms', scope: 'account', dependsOn: ['iam'] },
  {
    name: 'network',
    scope: 'region',
    dependsOn: ['iam'],
    vars: '{ cidr: "10.0.0.0/16", name: "{account}-{region}" }',
  },
  // Secondary regions peer with the primary region's network.
  {
    name: 'transit',
    scope: 'region',
    dependsOn: ['network', '{ layer: network, region: primary, as: primary_network }'],
  },
  // Fan-in: each region's backup vault knows every network of its account.
  { name: 'backup', scope: 'region', dependsOn: ['kms', '{ layer: network, region: all, as: networks }'] },
  { name: 'database', scope: 'environment', dependsOn: ['network', 'kms'] },
  {
    name: 'app',
    scope: 'environment',
    dependsOn: ['database', 'transit', 'dns', '{ layer: database, region: primary, as: primary_database }'],
    vars: '{ name: "{environment}-{region}", replicas: 2 }',
  },
  // Fan-in across two coordinates: one dashboard per account over all its apps.
  {
    name: 'monitoring',
    scope: 'account',
    dependsOn: ['{ layer: app, region: all, environment: all, as: apps }'],
  },
] as const;

/**
 * How the estate names its GitHub Environments: `per-account` (the default) gives every environment of an account
 * the account's GitHub Environment, as a large estate gates it (one set of reviewers per account): the 100k
 * estate's stages then need at most 181 jobs (180 accounts and global), within GitHub's 256 per matrix.
 * `per-environment` keeps Strata's default names (`<account>-<environment>`): 2,880 at 100k, more than one stage
 * of a matrix can run, so the matrix is refused.
 */
export const GITHUB_ENVIRONMENT_LAYOUTS = ['per-account', 'per-environment'] as const;
export type GithubEnvironmentLayout = (typeof GITHUB_ENVIRONMENT_LAYOUTS)[number];

/**
 * A manifest of `accounts` accounts, each in every one of `regions` regions (the first primary), with
 * `environments` environments of which every fourth runs only in the first two regions, and the ten layers above.
 */
export function syntheticManifest(
  size: Size,
  strategy: string,
  githubEnvironments: GithubEnvironmentLayout = 'per-account',
): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const regions = Array.from({ length: size.regions }, (_, index) => `region-${pad(index, 2)}`);
  const lines = [
    'version: 1',
    'terraform: { parallelism: 8 }',
    'backend:',
    '  type: s3',
    '  config: { bucket: "tfstate-{account_id}-{region}", key: "{id}.tfstate", region: "{region}", use_lockfile: true }',
    `  global_region: ${regions[0]}`,
    `  replicas: { ${regions[0]}: ${regions[1]} }`,
    `dr: { strategy: ${strategy} }`,
    'regions:',
    ...regions.map((region, index) => `  ${region}: { role: ${index === 0 ? 'primary' : 'secondary'} }`),
    'accounts:',
  ];
  for (let account = 0; account < size.accounts; account++) {
    lines.push(
      `  account-${pad(account, 3)}:`,
      `    id: "${pad(100000000000 + account, 12)}"`,
      `    regions: [${regions.join(', ')}]`,
    );
    lines.push('    environments:');
    for (let environment = 0; environment < size.environments; environment++) {
      const settings = [
        ...(environment % 4 === 3 ? [`regions: [${regions.slice(0, 2).join(', ')}]`] : []),
        ...(githubEnvironments === 'per-account' ? [`github_environment: account-${pad(account, 3)}`] : []),
      ];
      lines.push(`      env-${pad(environment, 2)}: { ${settings.join(', ')} }`);
    }
  }
  lines.push('layers:');
  for (const layer of LAYERS) {
    lines.push(
      `  - name: ${layer.name}`,
      `    scope: ${layer.scope}`,
      `    path: terraform/${layer.scope}/${layer.name}`,
    );
    if (layer.dependsOn.length > 0) lines.push(`    depends_on: [${layer.dependsOn.join(', ')}]`);
    if ('vars' in layer) lines.push(`    vars: ${layer.vars}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the manifest and empty layer directories (the CLI checks that they exist). */
export function writeEstate(
  directory: string,
  size: Size,
  strategy: string,
  githubEnvironments: GithubEnvironmentLayout = 'per-account',
): string {
  mkdirSync(directory, { recursive: true });
  for (const layer of LAYERS)
    mkdirSync(path.join(directory, 'terraform', layer.scope, layer.name), { recursive: true });
  const file = path.join(directory, 'layers.yml');
  writeFileSync(file, syntheticManifest(size, strategy, githubEnvironments));
  return file;
}
