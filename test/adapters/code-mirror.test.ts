import { describe, expect, it } from '@jest/globals';
import { lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mirrorLayerCode } from '../../src/adapters/code-mirror.js';
import { scratchDir } from '../helpers/scratch.js';

describe('mirrorLayerCode', () => {
  const estate = () => {
    const root = scratchDir('strata-mirror-');
    for (const [file, text] of Object.entries({
      'layers.yml': 'version: 1\n',
      'layers/iam/main.tf': 'module "p" { source = "../../modules/p" }\n',
      'layers/iam/.terraform.lock.hcl': '# lock\n',
      'layers/iam/sub/main.tf': '',
      'layers/network/main.tf': '',
      'modules/p/main.tf': '',
    })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  };

  it('copies the layer files, links everything else, adds the files, and never links its own folder', async () => {
    const root = estate();
    const into = path.join(root, '.strata/preview/code');
    const layer = await mirrorLayerCode({
      root,
      layerPath: 'layers/iam',
      into,
      files: { 'x_override.tf': 'terraform {}\n' },
    });
    expect(layer).toBe(path.join(into, 'layers/iam'));
    expect(readdirSync(into).sort()).toEqual(['layers', 'layers.yml', 'modules']);
    expect(lstatSync(path.join(into, 'modules')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(into, 'layers/network')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(into, 'layers/iam/main.tf')).isFile()).toBe(true);
    expect(lstatSync(path.join(into, 'layers/iam/sub')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(into, 'layers/iam/x_override.tf'), 'utf8')).toBe('terraform {}\n');
    // Written through the copy, the original lock file is untouched.
    writeFileSync(path.join(into, 'layers/iam/.terraform.lock.hcl'), '# changed\n');
    expect(readFileSync(path.join(root, 'layers/iam/.terraform.lock.hcl'), 'utf8')).toBe('# lock\n');
    expect(readdirSync(path.join(root, 'layers/iam')).sort()).toEqual([
      '.terraform.lock.hcl',
      'main.tf',
      'sub',
    ]);
    // The relative module source resolves in the mirror as in the original.
    expect(readdirSync(path.resolve(layer ?? '', '../../modules/p'))).toEqual(['main.tf']);
  });

  it('makes no mirror of a layer outside the root', async () => {
    const root = estate();
    await expect(
      mirrorLayerCode({ root, layerPath: '../elsewhere', into: path.join(root, 'm'), files: {} }),
    ).resolves.toBeNull();
  });
});
