import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLayerCodeReader } from '../../src/adapters/layer-code.js';
import { hashLockFiles } from '../../src/adapters/plugin-cache.js';
import { scratchDir } from '../helpers/scratch.js';

function tree(files: Record<string, string>): string {
  const root = scratchDir('strata-code-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('createLayerCodeReader', () => {
  const root = tree({
    'layers/app/main.tf': [
      'variable "region" {}',
      'variable "password" {\n  sensitive = true\n}',
      'module "db" {\n  source = "../../modules/db"\n}',
      'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}',
      'output "url" {\n  value = "x"\n}',
    ].join('\n'),
    'modules/db/main.tf': 'module "common" {\n  source = "../common"\n}\n',
    'modules/common/main.tf': 'variable "x" {}\n',
    'modules/unused/main.tf': '',
  });

  it('reads declared variables, sensitive ones, outputs, and every local module, transitively', () => {
    const code = createLayerCodeReader(root).read('layers/app');
    expect([...code.variables].sort()).toEqual(['password', 'region']);
    expect([...code.sensitiveVariables]).toEqual(['password']);
    expect([...code.outputs]).toEqual(['url']);
    expect(code.watchedPaths).toEqual(['layers/app', 'modules/common', 'modules/db']);
  });

  it('a layer directory without code declares nothing', () => {
    const code = createLayerCodeReader(root).read('layers/none');
    expect(code).toEqual({
      variables: new Set(),
      sensitiveVariables: new Set(),
      outputs: new Set(),
      sensitiveOutputs: new Set(),
      watchedPaths: ['layers/none'],
      sourceDigest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('marks sensitive outputs, in .tf.json files too', () => {
    const code = createLayerCodeReader(
      tree({
        'l/main.tf':
          'output "token" {\n  value     = "x"\n  sensitive = true\n}\noutput "url" {\n  value = "y"\n}\n',
        'l/more.tf.json': '{"output": {"key": {"value": "z", "sensitive": true}, "name": {"value": "n"}}}',
      }),
    ).read('l');
    expect([...code.sensitiveOutputs].sort()).toEqual(['key', 'token']);
    expect([...code.outputs].sort()).toEqual(['key', 'name', 'token', 'url']);
  });

  it('digests the code of the layer and of its local modules, and nothing else', () => {
    const files = {
      'layers/app/main.tf': 'module "db" {\n  source = "../../modules/db"\n}\n',
      'modules/db/main.tf': 'variable "x" {}\n',
      'modules/unused/main.tf': '',
    };
    const digestOf = (changes: Record<string, string>) =>
      createLayerCodeReader(tree({ ...files, ...changes })).read('layers/app').sourceDigest;
    const base = digestOf({});
    expect(digestOf({})).toBe(base);
    expect(digestOf({ 'modules/unused/main.tf': 'variable "y" {}\n' })).toBe(base);
    expect(digestOf({ 'layers/app/.terraform.lock.hcl': 'provider "x" {}' })).toBe(base);
    expect(digestOf({ 'modules/db/main.tf': 'variable "z" {}\n' })).not.toBe(base);
    expect(digestOf({ 'layers/app/extra.tf': 'terraform {}\n' })).not.toBe(base);
  });
});

describe('hashLockFiles (the provider cache key)', () => {
  it('changes when a lock file changes, not with the checkout path', () => {
    const one = tree({ 'a/.terraform.lock.hcl': 'provider "x" { version = "1.0.0" }', 'b/main.tf': '' });
    const two = tree({ 'a/.terraform.lock.hcl': 'provider "x" { version = "1.0.0" }', 'b/main.tf': '' });
    const three = tree({ 'a/.terraform.lock.hcl': 'provider "x" { version = "2.0.0" }', 'b/main.tf': '' });
    expect(hashLockFiles(one, ['a', 'b'])).toBe(hashLockFiles(two, ['b', 'a', 'a']));
    expect(hashLockFiles(one, ['a', 'b'])).not.toBe(hashLockFiles(three, ['a', 'b']));
  });
});
