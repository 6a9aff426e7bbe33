import { TerraformOutputError } from './errors.js';
import { parseJsonObjects } from './json-objects.js';
import { definedOrThrow } from '../core/lookup.js';

export type BinaryKind = 'terraform' | 'tofu';

/** `terraform version -json`. OpenTofu prints the same shape, with its own version in `terraform_version`. */
export interface TerraformVersion {
  terraformVersion: string;
  /** `linux_amd64`, `darwin_arm64`… */
  platform?: string;
  /** Provider source address → selected version, when run in an initialised directory. */
  providerSelections: Record<string, string>;
  /** Terraform's own "a newer version exists" flag; OpenTofu leaves it out. */
  isOutdated?: boolean;
}

/**
 * The first releases with S3-native state locking (`use_lockfile = true` in the s3 backend) generally
 * available: Strata's backends lock with it, with no DynamoDB table.
 */
export const MINIMUM_VERSIONS: Readonly<Record<BinaryKind, string>> = { terraform: '1.11.0', tofu: '1.10.0' };

const DISPLAY_NAMES: Readonly<Record<BinaryKind, string>> = { terraform: 'Terraform', tofu: 'OpenTofu' };

export type VersionCheck = { ok: true } | { ok: false; message: string };

export function parseVersionJson(text: string): TerraformVersion {
  const [document] = parseJsonObjects(text);
  if (typeof document?.terraform_version !== 'string') {
    const received = document
      ? 'an object without terraform_version'
      : JSON.stringify(text.trim().slice(0, 80));
    throw new TerraformOutputError('terraform version -json', 'an object with terraform_version', received);
  }
  const result: TerraformVersion = { terraformVersion: document.terraform_version, providerSelections: {} };
  if (typeof document.platform === 'string') result.platform = document.platform;
  const selections = document.provider_selections;
  if (typeof selections === 'object' && selections !== null) {
    for (const [source, selected] of Object.entries(selections)) {
      if (typeof selected === 'string') result.providerSelections[source] = selected;
    }
  }
  if (typeof document.terraform_outdated === 'boolean') result.isOutdated = document.terraform_outdated;
  return result;
}

/** Whether `version` (as printed by `version -json`, e.g. `1.11.2` or `1.12.0-rc1`) is new enough. */
export function checkMinimumVersion(binaryKind: BinaryKind, version: string): VersionCheck {
  const name = DISPLAY_NAMES[binaryKind];
  const minimum = MINIMUM_VERSIONS[binaryKind];
  const why =
    `${name} ${minimum} is the first release where S3-native state locking (\`use_lockfile\`) is generally ` +
    'available, and Strata locks state with it';
  const found = parseSemver(version);
  if (!found) {
    return {
      ok: false,
      message: `Cannot read the ${name} version '${version}'; Strata requires ${name} ≥ ${minimum}.`,
    };
  }
  if (compareSemver(found, definedOrThrow(parseSemver(minimum), `minimum version '${minimum}'`)) < 0) {
    return {
      ok: false,
      message: `Found ${name} ${version}, but Strata requires ${name} ≥ ${minimum}: ${why}.`,
    };
  }
  return { ok: true };
}

interface Semver {
  core: [number, number, number];
  prerelease: string;
}

function parseSemver(version: string): Semver | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  if (!match) return undefined;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4] ?? '' };
}

/** Semver order, except that two pre-releases of one version compare equal: enough against a release minimum. */
function compareSemver(a: Semver, b: Semver): number {
  const difference = a.core[0] - b.core[0] || a.core[1] - b.core[1] || a.core[2] - b.core[2];
  if (difference !== 0) return difference;
  // A pre-release comes before its release: 1.11.0-rc1 < 1.11.0.
  return (a.prerelease === '' ? 1 : 0) - (b.prerelease === '' ? 1 : 0);
}
