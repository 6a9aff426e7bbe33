import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath } from '../helpers/fixtures.js';
import { GitHubApiServer } from '../helpers/github-api-server.js';
import { runAction } from '../helpers/run-dist.js';
import { scratchDir } from '../helpers/scratch.js';
import { realTerraform } from '../helpers/terraform-binary.js';

/**
 * What Terraform's processes see of the runner's environment, as pull-request code inside Terraform would see
 * it: a provisioner writes its whole environment to a file. The action's inputs (the github-token among them)
 * and the runtime's tokens must not be there. Real OpenTofu only: the stand-in runs no provisioners.
 */
const terraform = realTerraform();
const withRealBinary = terraform ? describe : describe.skip;

withRealBinary(
  `Terraform's environment in the action (${terraform?.name ?? 'no real binary: run npm run tools'})`,
  () => {
    const api = new GitHubApiServer();
    let apiUrl: string;
    let estate: string;
    const canaries = {
      'INPUT_GITHUB-TOKEN': 'ghs_canary-input-token',
      ACTIONS_RUNTIME_TOKEN: 'canary-runtime-token',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc-request-token',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/canary-oidc-url',
    };

    beforeAll(async () => {
      apiUrl = await api.start();
      estate = scratchDir('strata-terraform-env-');
      mkdirSync(path.join(estate, 'dump'));
      writeFileSync(
        path.join(estate, 'dump', 'main.tf'),
        'terraform {\n  backend "local" {}\n}\n\nresource "terraform_data" "environment" {\n' +
          '  provisioner "local-exec" {\n    command = "env > terraform-env.txt"\n  }\n}\n',
      );
      writeFileSync(
        path.join(estate, 'layers.yml'),
        [
          'version: 1',
          'backend:',
          '  type: local',
          '  config: { path: "../state/{id}.tfstate" }',
          '  global_region: eu-west-2',
          'regions:',
          '  eu-west-2: { role: primary }',
          'accounts:',
          "  prod: { id: '222222222222', regions: [eu-west-2], environments: [production] }",
          'layers:',
          '  - { name: dump, scope: global, path: dump }',
          '',
        ].join('\n'),
      );
    });
    afterAll(() => api.stop());

    it("keeps the action's inputs and the runner's tokens out of every Terraform process", async () => {
      const event = fixturePath('github', 'workflow_dispatch.with-inputs.octokit.json');
      const apply = await runAction(
        {
          command: 'apply',
          manifest: 'layers.yml',
          'github-token': canaries['INPUT_GITHUB-TOKEN'],
          cache: 'false',
          'terraform-binary': terraform!.path,
        },
        {
          cwd: estate,
          env: {
            ...terraform!.env,
            ...canaries,
            GITHUB_EVENT_PATH: event,
            GITHUB_EVENT_NAME: 'workflow_dispatch',
            GITHUB_REPOSITORY: 'octocat/Hello-World',
            GITHUB_RUN_ID: '5',
            GITHUB_API_URL: apiUrl,
            AWS_REGION: 'eu-west-2',
          },
        },
      );
      expect(apply.stderr).toBe('');
      expect(apply.status).toBe(0);
      const seen = readFileSync(path.join(estate, 'dump', 'terraform-env.txt'), 'utf8');
      // What a provider needs is there ...
      expect(seen).toMatch(/^AWS_REGION=eu-west-2$/m);
      expect(seen).toMatch(/^PATH=/m);
      // ... and nothing of the runner's own.
      expect(seen.split('\n').filter((line) => /^(INPUT_|ACTIONS_)/i.test(line))).toEqual([]);
      for (const value of Object.values(canaries)) expect(seen).not.toContain(value);
    });
  },
);
