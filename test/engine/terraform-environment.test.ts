import { describe, expect, it } from '@jest/globals';
import { terraformEnvironment } from '../../src/engine/terraform-environment.js';

describe('terraformEnvironment', () => {
  it("keeps what providers read and drops the runner's inputs and tokens", () => {
    expect(
      terraformEnvironment({
        PATH: '/usr/bin',
        HOME: '/home/runner',
        AWS_ROLE_ARN: 'arn:aws:iam::1:role/ci',
        AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token',
        GITHUB_TOKEN: 'set on the step by the user for a github provider',
        GITHUB_REPOSITORY: 'acme/estate',
        TF_LOG: 'info',
        'INPUT_GITHUB-TOKEN': 'ghs_secret',
        INPUT_MANIFEST: 'layers.yml',
        ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/',
        ACTIONS_CACHE_URL: 'https://cache.example/',
        input_lowercase: 'also an input',
        UNSET: undefined,
      }),
    ).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      AWS_ROLE_ARN: 'arn:aws:iam::1:role/ci',
      AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token',
      GITHUB_TOKEN: 'set on the step by the user for a github provider',
      GITHUB_REPOSITORY: 'acme/estate',
      TF_LOG: 'info',
    });
  });
});
