/**
 * The estate the engine and result-file benchmarks run: 8 layers over the four scopes, every environment layer
 * in every region (warm standby), each layer one `terraform_data` with an `id` output. Written as files, so
 * the CLI and in-process runs read it as a user's estate.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Layers with their scope, dependencies and the stand-in plan delay (ms) of the engine benchmark: uneven on purpose. */
export const BENCHMARK_LAYERS = [
  { name: 'dns', scope: 'global', dependsOn: [], delay: 1500 },
  { name: 'iam', scope: 'account', dependsOn: [], delay: 1200 },
  { name: 'network', scope: 'region', dependsOn: ['iam'], delay: 900 },
  { name: 'cache', scope: 'region', dependsOn: ['network'], delay: 400 },
  { name: 'database', scope: 'environment', dependsOn: ['network'], delay: 700 },
  { name: 'app', scope: 'environment', dependsOn: ['database', 'cache', 'dns'], delay: 300 },
  { name: 'worker', scope: 'environment', dependsOn: ['app'], delay: 150 },
  { name: 'edge', scope: 'environment', dependsOn: ['app'], delay: 500 },
] as const;

export interface EstateShape {
  accounts: number;
  regions: number;
  environments: number;
}

/** Writes layers.yml and each layer's code into `directory`; `terraform` is the manifest's `terraform:` value. */
export function writeLayeredEstate(directory: string, shape: EstateShape, terraform: string): void {
  const names = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const regions = names('r', shape.regions);
  const manifest = [
    'version: 1',
    `terraform: ${terraform}`,
    'backend:',
    '  type: local',
    '  config: { path: "../../state/{region}/{id}.tfstate" }',
    '  global_region: r1',
    `regions: { ${regions.map((region, i) => `${region}: { role: ${i === 0 ? 'primary' : 'secondary'} }`).join(', ')} }`,
    // Every environment layer runs in every region (warm standby), so every instance is planned.
    'dr: { strategy: warm_standby }',
    'accounts:',
    ...names('a', shape.accounts).flatMap((account, index) => [
      `  ${account}:`,
      `    id: "${String(index + 1).padStart(12, '0')}"`,
      `    regions: [${regions.join(', ')}]`,
      `    environments: [${names('e', shape.environments).join(', ')}]`,
    ]),
    'layers:',
    ...BENCHMARK_LAYERS.flatMap((layer) => [
      `  - name: ${layer.name}`,
      `    scope: ${layer.scope}`,
      `    path: layers/${layer.name}`,
      `    depends_on: [${layer.dependsOn.join(', ')}]`,
      `    mock_outputs: { id: mock-${layer.name} }`,
    ]),
  ];
  writeFileSync(path.join(directory, 'layers.yml'), `${manifest.join('\n')}\n`);
  for (const layer of BENCHMARK_LAYERS) {
    const code = path.join(directory, 'layers', layer.name);
    mkdirSync(code, { recursive: true });
    writeFileSync(
      path.join(code, 'main.tf'),
      [
        'terraform {',
        '  backend "local" {}',
        '}',
        'variable "region" {',
        '  type = string',
        '}',
        'resource "terraform_data" "this" {',
        `  input = "${layer.name}-\${var.region}"`,
        '}',
        'output "id" {',
        '  value = terraform_data.this.input',
        '}',
        '',
      ].join('\n'),
    );
  }
}
