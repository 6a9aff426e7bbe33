import * as cache from '@actions/cache';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getErrorMessage } from '../core/errors.js';

/** Reports cache problems; a cache failure warns and never fails the run. */
export interface CacheLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * The provider plugin cache, kept between workflow runs with the Actions cache. The key names the runner OS,
 * the Terraform version and a hash of every `.terraform.lock.hcl`, so a provider upgrade starts a new entry;
 * an older entry of the same OS and version is restored as a starting point.
 */
export class PluginCache {
  private exactHit = false;

  constructor(
    private readonly directory: string,
    private readonly key: string,
    private readonly restorePrefix: string,
    private readonly log: CacheLog,
  ) {}

  static forRun(options: {
    directory: string;
    runnerOs: string;
    terraformVersion: string;
    /** The manifest's directory and its layer paths, relative to it (so the key does not depend on the checkout path). */
    manifestDirectory: string;
    layerPaths: readonly string[];
    log: CacheLog;
  }): PluginCache {
    const prefix = `strata-providers-${options.runnerOs}-${options.terraformVersion}-`;
    const hash = hashLockFiles(options.manifestDirectory, options.layerPaths);
    return new PluginCache(options.directory, prefix + hash, prefix, options.log);
  }

  async restore(): Promise<void> {
    if (!cache.isFeatureAvailable()) {
      this.log.info('Provider cache: the Actions cache service is not available here; continuing without it');
      return;
    }
    try {
      const hit = await cache.restoreCache([this.directory], this.key, [this.restorePrefix]);
      this.exactHit = hit === this.key;
      this.log.info(hit ? `Provider cache: restored ${hit}` : `Provider cache: no entry for ${this.key}`);
    } catch (error) {
      this.log.warning(`Provider cache: restore failed, continuing without it: ${getErrorMessage(error)}`);
    }
  }

  /** Saves only when the restored entry was not this exact key (the providers changed) and there is something to keep. */
  async save(): Promise<void> {
    if (this.exactHit || !cache.isFeatureAvailable() || isEmpty(this.directory)) return;
    try {
      await cache.saveCache([this.directory], this.key);
      this.log.info(`Provider cache: saved ${this.key}`);
    } catch (error) {
      this.log.warning(`Provider cache: save failed (the run is not affected): ${getErrorMessage(error)}`);
    }
  }
}

function isEmpty(directory: string): boolean {
  try {
    return readdirSync(directory).length === 0;
  } catch {
    return true;
  }
}

export function hashLockFiles(manifestDirectory: string, layerPaths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const layerPath of [...new Set(layerPaths)].sort()) {
    try {
      hash
        .update(layerPath)
        .update(readFileSync(path.join(manifestDirectory, layerPath, '.terraform.lock.hcl')));
    } catch {
      hash.update(`${layerPath}:none`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
