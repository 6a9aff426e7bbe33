import type { Instance } from '../graph/types.js';
import type { Manifest } from '../manifest/types.js';

/** The GitHub Environment of global instances: one for the estate. */
export const GLOBAL_GITHUB_ENVIRONMENT = 'global';

/**
 * The GitHub Environment an instance is applied in, the gate its reviewers guard: `global` for global layers,
 * `<account>` for account and region layers, `<account>-<environment>` for environment layers, so that a team
 * can require reviewers for `prod-production` alone. The manifest overrides the name with `github_environment`
 * on an account (its account and region layers) or on one of its environments.
 */
export function githubEnvironmentNamer(manifest: Manifest): (instance: Instance) => string {
  const accounts = new Map(manifest.accounts.map((account) => [account.name, account]));
  return (instance) => {
    if (instance.account === null) return GLOBAL_GITHUB_ENVIRONMENT;
    const account = accounts.get(instance.account);
    if (instance.environment === null) return account?.githubEnvironment ?? instance.account;
    const environment = account?.environments.find((candidate) => candidate.name === instance.environment);
    return environment?.githubEnvironment ?? `${instance.account}-${instance.environment}`;
  };
}
