import { UsageError } from '../errors.js';
import { primaryRegionFor } from '../manifest/primary-region.js';
import type { Manifest } from '../manifest/types.js';

/**
 * What one failover or failback moves: the estate (no members: the region roles change), or some accounts
 * (`dev`) or environments of an account (`prod/staging`), whose `primary_region` changes while the rest of the
 * estate keeps its primary. Kept in the failover record, so the guard holds back only runs of that scope.
 */
export type MoveScope = readonly string[];

/** The scope a failover's selection (`--account`, `--environment`) moves, checked against the manifest. */
export function scopeOf(
  manifest: Pick<Manifest, 'accounts'>,
  filter: { accounts?: readonly string[] | undefined; environments?: readonly string[] | undefined },
): MoveScope {
  const accounts = filter.accounts?.length
    ? manifest.accounts.filter((account) => filter.accounts?.includes(account.name))
    : manifest.accounts;
  if (!filter.environments?.length) {
    return filter.accounts?.length ? accounts.map((account) => account.name) : [];
  }
  const members = accounts.flatMap((account) =>
    account.environments
      .filter((environment) => filter.environments?.includes(environment.name))
      .map((environment) => `${account.name}/${environment.name}`),
  );
  if (members.length === 0) {
    throw new UsageError(
      (name) =>
        `${name('environment')} ${filter.environments?.join(',') ?? ''}: no selected account has such an environment`,
    );
  }
  return members;
}

/** Whether an instance belongs to the scope: every instance for the estate, else its account or environment. */
export function isInScope(
  scope: MoveScope,
  instance: { account: string | null; environment: string | null },
): boolean {
  if (scope.length === 0) return true;
  if (instance.account === null) return false;
  return (
    scope.includes(instance.account) ||
    (instance.environment !== null && scope.includes(`${instance.account}/${instance.environment}`))
  );
}

/** The scope in words, for messages and reports. */
export function describeScope(scope: MoveScope): string {
  return scope.length === 0 ? 'the estate' : scope.join(', ');
}

function splitMember(member: string): { account: string; environment: string | null } {
  const [account = member, environment] = member.split('/');
  return { account, environment: environment ?? null };
}

/**
 * The region a move of the scope leaves: `from` when given, else the primary its members have now, which must
 * be one (members failed over apart need `from`).
 */
export function currentPrimaryOf(
  manifest: Pick<Manifest, 'regions' | 'accounts'>,
  scope: MoveScope,
  from: string | undefined,
): string {
  const primaries = new Set(
    scope.length === 0
      ? [primaryRegionFor(manifest, null, null)]
      : scope.map((member) => {
          const { account, environment } = splitMember(member);
          return primaryRegionFor(manifest, account, environment);
        }),
  );
  if (from !== undefined) return from;
  const [primary, ...others] = primaries;
  if (primary === undefined || others.length > 0) {
    throw new UsageError(
      (name) =>
        `${describeScope(scope)} have different primary regions (${[...primaries].join(', ')}): give ${name('from')} the region to move from, or move them one at a time`,
    );
  }
  return primary;
}

/** The manifest with `primary` as the estate's one primary region and every other region secondary. */
export function withPrimary(manifest: Manifest, primary: string): Manifest {
  return {
    ...manifest,
    regions: manifest.regions.map((region) => ({
      name: region.name,
      role: region.name === primary ? 'primary' : 'secondary',
    })),
  };
}

/**
 * The manifest once the scope's primary is `to`: for the estate, the region roles swapped (withPrimary); for
 * an account, its `primary_region` (its environments that followed it follow it still); for an environment,
 * its own `primary_region`. Everything outside the scope keeps its primary.
 */
export function movePrimary(manifest: Manifest, to: string, scope: MoveScope): Manifest {
  if (scope.length === 0) return withPrimary(manifest, to);
  const members = scope.map(splitMember);
  return {
    ...manifest,
    accounts: manifest.accounts.map((account) => {
      const movesWhole = members.some((member) => member.account === account.name && !member.environment);
      const before = primaryRegionFor(manifest, account.name, null);
      return {
        ...account,
        ...(movesWhole ? { primaryRegion: to } : {}),
        environments: account.environments.map((environment) => {
          const moves = members.some(
            (member) => member.account === account.name && member.environment === environment.name,
          );
          if (moves) return { ...environment, primaryRegion: to };
          // An environment that named its account's primary follows the account when it moves.
          if (movesWhole && environment.primaryRegion === before) {
            return { ...environment, primaryRegion: undefined };
          }
          return environment;
        }),
      };
    }),
  };
}

/** Whether two scopes move the same accounts and environments. */
export function isSameScope(a: MoveScope, b: MoveScope): boolean {
  return a.length === b.length && a.every((member) => b.includes(member));
}
