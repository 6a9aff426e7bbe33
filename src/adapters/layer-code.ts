import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  declaredAddresses,
  declaredOutputs,
  declaredVariables,
  moduleSources,
  sensitiveOutputs,
  type SourceFile,
} from '../terraform/variables.js';
import type { LayerCode, LayerCodeReader } from '../engine/layer-code-reader.js';

function readSources(directory: string): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(directory, name), 'utf8') }));
}

/** Reads layer code once per directory; layers share code across all their instances. */
export function createLayerCodeReader(manifestDirectory: string): LayerCodeReader {
  const cache = new Map<string, LayerCode>();
  const relative = (absolute: string) =>
    path.relative(manifestDirectory, absolute).split(path.sep).join('/') || '.';
  return {
    read(layerPath) {
      const cached = cache.get(layerPath);
      if (cached) return cached;
      const layerDirectory = path.resolve(manifestDirectory, layerPath);
      const files = readSources(layerDirectory);
      const variables = declaredVariables(files);
      const watched = new Set<string>([relative(layerDirectory)]);
      const digest = createHash('sha256');
      const addToDigest = (directory: string, sources: readonly SourceFile[]) => {
        for (const file of sources) digest.update(JSON.stringify([directory, file.name, file.text]));
      };
      addToDigest(relative(layerDirectory), files);
      const pending = moduleSources(files).map((source) => path.resolve(layerDirectory, source));
      for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
        const name = relative(directory);
        if (watched.has(name)) continue;
        watched.add(name);
        const sources = readSources(directory);
        addToDigest(name, sources);
        pending.push(...moduleSources(sources).map((source) => path.resolve(directory, source)));
      }
      const code: LayerCode = {
        variables: new Set(variables.keys()),
        sensitiveVariables: new Set(
          [...variables].filter(([, variable]) => variable.sensitive).map(([name]) => name),
        ),
        outputs: declaredOutputs(files),
        sensitiveOutputs: sensitiveOutputs(files),
        watchedPaths: [...watched].sort(),
        sourceDigest: digest.digest('hex'),
      };
      cache.set(layerPath, code);
      return code;
    },
  };
}

/**
 * The top-level addresses (`type.name`, `module.name`) the code in a directory declares, for a migration to
 * tell which layer a resource belongs to. `.tf.json` resources are not read: map those with rules.
 */
export function readDeclaredAddresses(directory: string): Set<string> {
  return declaredAddresses(readSources(directory));
}
