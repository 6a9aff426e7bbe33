import { describe, expect, it } from '@jest/globals';
import { ManifestError, type ManifestProblem } from '../../../src/core/errors.js';
import { parseMigration } from '../../../src/core/migrate/parse-migration.js';

const VALID = `version: 1
roots:
  account:
    path: legacy/account
    backend: { path: ../../state/account.tfstate }
    account: prod
  staging:
    path: legacy/environment
    account: prod
    region: eu-west-2
    environment: staging
rules:
  - from: terraform_data.old_name
    to: terraform_data.new_name
    layer: iam
  - root: staging
    from: module.web
    to: module.app.module.web
    layer: app
  - from: terraform_data.legacy
    stay: true
`;

function problemsOf(text: string): ManifestProblem[] {
  try {
    parseMigration(text, 'migrate.yml');
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected the migration file to be refused');
}

describe('parseMigration', () => {
  it('reads roots and rules, with defaults', () => {
    const { migration } = parseMigration(VALID, 'migrate.yml');
    expect(migration.roots).toEqual([
      {
        name: 'account',
        path: 'legacy/account',
        backend: { path: '../../state/account.tfstate' },
        account: 'prod',
        region: null,
        environment: null,
      },
      {
        name: 'staging',
        path: 'legacy/environment',
        backend: {},
        account: 'prod',
        region: 'eu-west-2',
        environment: 'staging',
      },
    ]);
    expect(migration.rules).toEqual([
      {
        index: 0,
        root: null,
        from: 'terraform_data.old_name',
        to: 'terraform_data.new_name',
        target: { layer: 'iam' },
      },
      {
        index: 1,
        root: 'staging',
        from: 'module.web',
        to: 'module.app.module.web',
        target: { layer: 'app' },
      },
      { index: 2, root: null, from: 'terraform_data.legacy', to: 'terraform_data.legacy', target: 'stay' },
    ]);
  });

  it('locates schema problems and says how to fix them', () => {
    const problems = problemsOf(
      VALID.replace('from: terraform_data.legacy', 'from: "not an address"').replace(
        '  staging:\n    path',
        '  staging:\n    colour: blue\n    path',
      ),
    );
    expect(problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`)).toEqual([
      "8:13: roots.staging: unknown key 'colour'; allowed keys: path, backend, account, region, environment",
      expect.stringMatching(
        /^21:11: rules\[2\]\.from: "not an address" is not allowed: use a resource address such as/,
      ),
    ]);
  });

  it('refuses a rule with both or neither of layer and stay, a stay with to, an unknown root, and a module renamed to a resource', () => {
    const problems = problemsOf(`version: 1
roots:
  account: { path: a, account: prod }
rules:
  - { from: terraform_data.a, layer: iam, stay: true }
  - { from: terraform_data.b }
  - { from: terraform_data.c, to: terraform_data.d, stay: true }
  - { root: acount, from: terraform_data.e, layer: iam }
  - { from: module.web, to: terraform_data.web, layer: iam }
`);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [5, "rules[0]: give either 'layer' (where the resources go) or 'stay: true', not both or neither"],
      [6, "rules[1]: give either 'layer' (where the resources go) or 'stay: true', not both or neither"],
      [7, "rules[2]: a resource that stays keeps its address; remove 'to'"],
      [8, "rules[3]: root 'acount' is not declared under 'roots' (declared: account)"],
      [
        9,
        "rules[4]: 'from' and 'to' must both be modules or both be resources, got 'module.web' and 'terraform_data.web'",
      ],
    ]);
  });

  it('reports YAML syntax with its position', () => {
    expect(problemsOf('version: 1\nroots: [\n')[0]).toMatchObject({ file: 'migrate.yml', line: 3 });
  });
});
