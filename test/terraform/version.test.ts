import { describe, expect, it } from '@jest/globals';
import { TerraformOutputError } from '../../src/terraform/errors.js';
import { checkMinimumVersion, parseVersionJson, type BinaryKind } from '../../src/terraform/version.js';

// Written from the documented shape of `terraform version -json` and `tofu version -json`; no capture exists
// among the fixtures.
const TERRAFORM = `{
  "terraform_version": "1.11.2",
  "platform": "linux_amd64",
  "provider_selections": { "registry.terraform.io/hashicorp/aws": "5.94.1" },
  "terraform_outdated": true
}
`;
const TOFU = '{"terraform_version":"1.10.0","platform":"darwin_arm64","provider_selections":{}}\n';

describe('parseVersionJson', () => {
  it('reads Terraform', () => {
    expect(parseVersionJson(TERRAFORM)).toEqual({
      terraformVersion: '1.11.2',
      platform: 'linux_amd64',
      providerSelections: { 'registry.terraform.io/hashicorp/aws': '5.94.1' },
      isOutdated: true,
    });
  });

  it('reads OpenTofu, which has the same shape and no outdated flag', () => {
    expect(parseVersionJson(TOFU)).toEqual({
      terraformVersion: '1.10.0',
      platform: 'darwin_arm64',
      providerSelections: {},
    });
  });

  it.each([
    [
      'Terraform v1.11.2\non linux_amd64\n',
      /expected an object with terraform_version, got "Terraform v1.11.2/,
    ],
    ['{"version":"1.11.2"}', /got an object without terraform_version/],
  ])('refuses %j', (text, message) => {
    expect(() => parseVersionJson(text)).toThrow(TerraformOutputError);
    expect(() => parseVersionJson(text)).toThrow(message);
  });
});

describe('checkMinimumVersion', () => {
  it.each<[BinaryKind, string]>([
    ['terraform', '1.11.0'],
    ['terraform', '1.11.2'],
    ['terraform', '1.12.0-rc1'],
    ['terraform', '1.15.0'],
    ['terraform', '2.0.0'],
    ['terraform', 'v1.11.0'],
    ['tofu', '1.10.0'],
    ['tofu', '1.10.3'],
    ['tofu', '1.11.0-beta1'],
  ])('%s %s is new enough', (kind, version) => {
    expect(checkMinimumVersion(kind, version)).toEqual({ ok: true });
  });

  it.each<[BinaryKind, string, string]>([
    ['terraform', '1.10.5', 'Found Terraform 1.10.5, but Strata requires Terraform ≥ 1.11.0'],
    ['terraform', '1.11.0-rc1', 'Found Terraform 1.11.0-rc1, but Strata requires Terraform ≥ 1.11.0'],
    ['terraform', '0.15.5', 'Found Terraform 0.15.5'],
    ['tofu', '1.9.1', 'Found OpenTofu 1.9.1, but Strata requires OpenTofu ≥ 1.10.0'],
    ['tofu', '1.10.0-beta1', 'Found OpenTofu 1.10.0-beta1'],
  ])('%s %s is too old', (kind, version, start) => {
    const result = checkMinimumVersion(kind, version);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith(start)).toBe(true);
    expect(result.message).toContain('use_lockfile');
  });

  it.each(['', 'latest', '1.11', '1.11.x'])('says it cannot read %j', (version) => {
    expect(checkMinimumVersion('terraform', version)).toEqual({
      ok: false,
      message: `Cannot read the Terraform version '${version}'; Strata requires Terraform ≥ 1.11.0.`,
    });
  });
});
