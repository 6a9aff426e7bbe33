import { describe, expect, it } from '@jest/globals';
import { parseManifest } from '../../src/core/manifest/parse-manifest.js';
import { checkAllowDestroy, statefulGuard } from '../../src/core/stateful-guard.js';
import { manifestWithLayers } from '../helpers/manifest-text.js';
import { actionWording } from '../../src/action/action-wording.js';
import { terminalWording } from '../../src/cli/terminal-wording.js';

const flag = terminalWording.setting;

const { manifest } = parseManifest(
  manifestWithLayers(`  - { name: db, scope: region, path: db, stateful: true }
  - { name: app, scope: region, path: app }
`),
  'layers.yml',
);
const db = { id: 'a/r1/db', layer: 'db' };
const app = { id: 'a/r1/app', layer: 'app' };
const changes = [
  { address: 'terraform_data.cluster', action: 'replace' },
  { address: 'terraform_data.user', action: 'delete' },
  { address: 'terraform_data.config', action: 'update' },
  { address: 'terraform_data.extra', action: 'create' },
];

describe('the guard of stateful layers', () => {
  it('refuses a plan that deletes or replaces a resource of a stateful layer, listing them and the flag', () => {
    const verdict = statefulGuard(manifest, [], flag)(db, changes);
    expect(verdict).toEqual({
      accepted: false,
      reason:
        "refusing to apply: layer 'db' is stateful and this plan would destroy what it holds: terraform_data.cluster (replace), terraform_data.user (delete). If that is intended, run again naming the instance: --allow-destroy a/r1/db",
    });
  });

  it("names the action's input to an action's user, and no flag", () => {
    const verdict = statefulGuard(manifest, [], actionWording.setting)(db, changes);
    const reason = verdict.accepted ? '' : verdict.reason;
    expect(reason).toContain("run again naming the instance: input 'allow-destroy' a/r1/db");
    expect(reason).not.toContain('--');
  });

  it('accepts it for an instance the operator named, reporting what it allows', () => {
    expect(statefulGuard(manifest, ['a/r1/db'], flag)(db, changes)).toEqual({
      accepted: true,
      allowed: changes.slice(0, 2),
    });
    // Another instance of the same layer is still refused.
    expect(statefulGuard(manifest, ['a/r1/db'], flag)({ id: 'a/r2/db', layer: 'db' }, changes).accepted).toBe(
      false,
    );
  });

  it('lets through other layers and plans that destroy nothing', () => {
    expect(statefulGuard(manifest, [], flag)(app, changes)).toEqual({ accepted: true, allowed: [] });
    expect(statefulGuard(manifest, [], flag)(db, changes.slice(2))).toEqual({ accepted: true, allowed: [] });
  });

  it('takes only instance ids of stateful layers in allow-destroy', () => {
    expect(() => checkAllowDestroy(manifest, ['a/r1/db', 'a/r2/db'])).not.toThrow();
    expect(() => checkAllowDestroy(manifest, ['a/r1/app'])).toThrow(
      "the 'allow-destroy' setting: 'a/r1/app' is an instance of layer 'app', which is not stateful; only instances of stateful layers need it",
    );
    expect(() => checkAllowDestroy(manifest, ['a/r1/dbx'])).toThrow(
      "'a/r1/dbx' is not an instance id (its last part, 'dbx', is no layer of layers.yml)",
    );
  });
});
