import { UsageError } from '../errors.js';
import { NAME_PATTERN, NAME_RULE } from './schema.js';
import type { Manifest } from './types.js';
import { primaryRegionOf } from './primary-region.js';
import { itemAt } from '../lookup.js';

/**
 * The manifest with a per-pull-request environment (such as `pr-123`) added to every account marked
 * `ephemeral: true`, in the primary region (or the account's first region when it lacks the primary): a
 * preview environment needs no disaster-recovery copy. The name often comes from event data, so it is checked
 * by the same rule as every other name.
 */
export function withEphemeralEnvironment(manifest: Manifest, name: string): Manifest {
  if (!new RegExp(NAME_PATTERN).test(name)) {
    throw new UsageError(`Ephemeral environment name '${name}' is not allowed: use ${NAME_RULE}`);
  }
  const hosts = manifest.accounts.filter((account) => account.ephemeral);
  if (hosts.length === 0) {
    throw new UsageError(
      `No account may host ephemeral environment '${name}': mark one with 'ephemeral: true' in ${manifest.file}`,
    );
  }
  const primary = primaryRegionOf(manifest);
  return {
    ...manifest,
    accounts: manifest.accounts.map((account) => {
      if (!account.ephemeral) return account;
      if (account.environments.some((environment) => environment.name === name)) {
        throw new UsageError(
          `Ephemeral environment '${name}' clashes with environment '${name}' that account '${account.name}' declares`,
        );
      }
      // The schema gives every account at least one region.
      const region = account.regions.includes(primary) ? primary : itemAt(account.regions, 0, 'region');
      // One region only: a preview environment has no DR target, whatever the strategy.
      return {
        ...account,
        environments: [
          ...account.environments,
          { name, regions: [region], strategy: 'backup_restore' as const },
        ],
      };
    }),
  };
}
