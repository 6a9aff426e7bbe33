import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from './scratch.js';
import { mustRunBinary, terraformEnv, type TerraformUnderTest } from './terraform-binary.js';

/**
 * The small legacy estate the migrate suites move onto Strata, with local state: an account root with a
 * module and a resource to rename, a single-region environment root with a resource that stays, and a
 * manifest of three layers (iam, network, app) to move them into.
 */
const BACKEND = 'terraform {\n  backend "local" {}\n}\n';
const data = (name: string, input: string) =>
  `resource "terraform_data" "${name}" {\n  input = "${input}"\n}\n`;

/** The legacy estate's files (its two roots) and the manifest and migration file that move it into layers. */
export const LEGACY_FILES: Record<string, string> = {
  'legacy/account/main.tf': `${BACKEND}${data('role', 'ci-role')}${data('old_name', 'audit')}module "policy" {\n  source = "./policy"\n}\n`,
  'legacy/account/policy/main.tf': data('document', 'policy-v1'),
  'legacy/staging/main.tf': `${BACKEND}${data('vpc', '10.0.0.0/16')}${data('web', 'web-2')}${data('legacy_logs', 'logs')}`,
  'layers/iam/main.tf': `${BACKEND}${data('role', 'ci-role')}${data('renamed', 'audit')}module "policy" {\n  source = "../../modules/policy"\n}\n`,
  'modules/policy/main.tf': data('document', 'policy-v1'),
  'layers/network/main.tf': `${BACKEND}${data('vpc', '10.0.0.0/16')}output "vpc_id" {\n  value = terraform_data.vpc.id\n}\n`,
  'layers/app/main.tf': `${BACKEND}variable "network" {\n  type = any\n}\n${data('web', 'web-2')}output "vpc" {\n  value = var.network.vpc_id\n}\n`,
  'layers.yml': `version: 1
terraform: { binary: tofu, lock_timeout: 5s }
backend:
  type: local
  config: { path: '../../state/{id}.tfstate' }
  global_region: eu-west-2
regions: { eu-west-2: { role: primary } }
accounts:
  prod: { id: '222222222222', regions: [eu-west-2], environments: [staging] }
layers:
  - { name: iam, scope: account, path: layers/iam }
  - { name: network, scope: region, path: layers/network }
  - { name: app, scope: environment, path: layers/app, depends_on: [network] }
`,
  'migrate.yml': `version: 1
roots:
  account:
    path: legacy/account
    backend: { path: ../../legacy-state/account.tfstate }
    account: prod
  staging:
    path: legacy/staging
    backend: { path: ../../legacy-state/staging.tfstate }
    account: prod
    region: eu-west-2
    environment: staging
rules:
  - { root: account, from: terraform_data.old_name, to: terraform_data.renamed, layer: iam }
  - { from: terraform_data.legacy_logs, stay: true }
`,
};

/** What the tests read of a state file (local, or an object of the S3 stores). */
export interface StateFile {
  serial: number;
  lineage: string;
  outputs: Record<string, { value: unknown }>;
  resources: {
    module?: string;
    mode: string;
    type: string;
    name: string;
    instances: { attributes: { id: string } }[];
  }[];
}

/**
 * The legacy estate in a new scratch folder, live: each root initialised and applied with `terraform`, its
 * state in legacy-state/ROOT.tfstate.
 */
export async function liveLegacyEstate(terraform: TerraformUnderTest): Promise<string> {
  const estate = scratchDir('strata-migrate-');
  for (const [file, text] of Object.entries(LEGACY_FILES)) {
    mkdirSync(path.dirname(path.join(estate, file)), { recursive: true });
    writeFileSync(path.join(estate, file), text);
  }
  for (const root of ['account', 'staging']) {
    const options = {
      cwd: path.join(estate, 'legacy', root),
      env: { ...process.env, ...terraformEnv(terraform) },
    };
    await mustRunBinary(
      terraform.path,
      ['init', '-input=false', `-backend-config=path=../../legacy-state/${root}.tfstate`],
      options,
    );
    await mustRunBinary(terraform.path, ['apply', '-input=false', '-auto-approve'], options);
  }
  return estate;
}

/** A local state file of `estate`, `file` relative to it. */
export function readState(estate: string, file: string): StateFile {
  return JSON.parse(readFileSync(path.join(estate, file), 'utf8')) as StateFile;
}

/** The addresses of the managed resources a local state holds, sorted. */
export function addressesIn(estate: string, file: string): string[] {
  return readState(estate, file)
    .resources.filter((resource) => resource.mode === 'managed')
    .map((resource) => `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`)
    .sort();
}

/** Each resource's id in a local state, by its module and name (`module.policydocument`, `role`). */
export function idsIn(estate: string, file: string): Record<string, string | undefined> {
  return Object.fromEntries(
    readState(estate, file).resources.map((resource) => [
      `${resource.module ?? ''}${resource.name}`,
      resource.instances[0]?.attributes.id,
    ]),
  );
}
