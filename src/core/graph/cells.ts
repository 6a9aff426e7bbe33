import type { Manifest } from '../manifest/types.js';
import type { Scope } from './types.js';

export type Coordinate = 'account' | 'region' | 'environment';
export const COORDINATES: readonly Coordinate[] = ['account', 'region', 'environment'];
export const SCOPE_COORDINATES: Record<Scope, readonly Coordinate[]> = {
  global: [],
  account: ['account'],
  region: ['account', 'region'],
  environment: ['account', 'region', 'environment'],
};

/** Numbers for the names instances are placed by: accounts in manifest order, regions and environment names as first seen. */
export class Cells {
  readonly accounts = new Map<string, number>();
  readonly regions = new Map<string, number>();
  readonly environments = new Map<string, number>();

  constructor(manifest: Manifest) {
    manifest.accounts.forEach((account, index) => this.accounts.set(account.name, index));
    manifest.regions.forEach((region) => this.number(this.regions, region.name));
    manifest.accounts.forEach((account) => {
      account.regions.forEach((region) => this.number(this.regions, region));
      account.environments.forEach((environment) => {
        this.number(this.environments, environment.name);
        environment.regions.forEach((region) => this.number(this.regions, region));
      });
    });
  }

  number(names: Map<string, number>, name: string): number {
    let index = names.get(name);
    if (index === undefined) {
      index = names.size;
      names.set(name, index);
    }
    return index;
  }

  /** What each coordinate's index (+1) is multiplied by in a key. */
  factors(): [number, number, number] {
    const regionFactor = this.accounts.size + 1;
    return [1, regionFactor, regionFactor * (this.regions.size + 1)];
  }

  /** One number per combination of coordinate indexes (-1 where absent or not fixed). */
  key(account: number, region: number, environment: number): number {
    return (
      account + 1 + (this.accounts.size + 1) * (region + 1 + (this.regions.size + 1) * (environment + 1))
    );
  }
}
