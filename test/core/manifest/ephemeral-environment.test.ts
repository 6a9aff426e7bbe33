import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../../src/core/errors.js';
import { expandManifest } from '../../../src/core/graph/expand-manifest.js';
import { withEphemeralEnvironment } from '../../../src/core/manifest/ephemeral-environment.js';
import { parseManifest } from '../../../src/core/manifest/parse-manifest.js';
import { EXAMPLE_MANIFEST } from '../../helpers/manifest-text.js';

describe('withEphemeralEnvironment', () => {
  const { manifest, locations } = parseManifest(EXAMPLE_MANIFEST, 'layers.yml');

  it('adds the environment to ephemeral accounts only, in the primary region', () => {
    const graph = expandManifest({ manifest: withEphemeralEnvironment(manifest, 'pr-123'), locations });
    const ids = graph.instances
      .filter((instance) => instance.environment === 'pr-123')
      .map((instance) => instance.id);
    expect(ids).toEqual(['dev/eu-west-2/pr-123/app']);
    expect(graph.backendOf(graph.byId.get('dev/eu-west-2/pr-123/app')!).config.key).toBe(
      'dev/eu-west-2/pr-123/app.tfstate',
    );
  });

  it.each(['pr-1; rm -rf /', '../x', '', 'pr 1'])('refuses the unsafe name %j', (name) => {
    expect(() => withEphemeralEnvironment(manifest, name)).toThrow(UsageError);
    expect(() => withEphemeralEnvironment(manifest, name)).toThrow(/is not allowed: use letters, digits/);
  });

  it('refuses a name that an account already declares', () => {
    expect(() => withEphemeralEnvironment(manifest, 'dev')).toThrow(
      "Ephemeral environment 'dev' clashes with environment 'dev' that account 'dev' declares",
    );
  });

  it('refuses when no account allows ephemeral environments', () => {
    const none = parseManifest(
      EXAMPLE_MANIFEST.replace('ephemeral: true', 'ephemeral: false'),
      'layers.yml',
    ).manifest;
    expect(() => withEphemeralEnvironment(none, 'pr-1')).toThrow(
      "mark one with 'ephemeral: true' in layers.yml",
    );
  });
});
