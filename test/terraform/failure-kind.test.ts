import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { classifyFailure, isTransientFailure, type FailureKind } from '../../src/terraform/failure-kind.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';
import { terminalWording } from '../../src/cli/terminal-wording.js';
import { actionWording } from '../../src/action/action-wording.js';
import { scratchDir } from '../helpers/scratch.js';

const ERRORS = ['terraform', 'errors'];
const read = (file: string) => readFixture(...ERRORS, file);

/** A diagnostic as Terraform prints it with -no-color: a blank line, `Error: summary`, a blank line, the detail. */
const diagnostic = (summary: string, detail = '') => `\nError: ${summary}\n\n${detail}${detail ? '\n' : ''}`;

// ---------------------------------------------------------------------------------------------------------
// Texts built from the fixtures (Terraform's and the AWS SDK's source), one entry per fixture file.

function lockErrorFromSource(): string {
  const infoTemplate = /tmpl := `([\s\S]*?)`/.exec(
    read('tf-v1.5.7.statemgr-locker.go.L188-198.lock-info-template.txt'),
  )![1]!;
  const fields: Record<string, string> = {
    ID: '9db590f1-b6fe-c5f2-2678-8804f089deba',
    Path: 'acme-tfstate-222222222222-eu-west-2/prod/eu-west-2/network.tfstate',
    Operation: 'OperationTypeApply',
    Who: 'runner@fv-az1234-567',
    Version: '1.5.7',
    Created: '2024-05-02 09:14:03.518231 +0000 UTC',
    Info: '',
  };
  const info = infoTemplate.replace(/\{\{\.(\w+)\}\}/g, (_, field: string) => fields[field] ?? '');
  const detail = /LockErrorMessage = `([\s\S]*?)`/.exec(
    read('tf-v1.5.7.clistate-state.go.L22-45.lock-error-detail-template.txt'),
  )![1]!;
  const summary = /"(Error acquiring the state lock)"/.exec(
    read('tf-v1.5.7.clistate-state.go.L128-136.lock-error-summary.txt'),
  )![1]!;
  return diagnostic(
    summary,
    detail.replace('%s', `ConditionalCheckFailedException: The conditional request failed\n${info}`),
  );
}

function noValidCredentialSources(): string {
  const source = read('aws-sdk-go-base.errors.go.L64-87.no-valid-credential-sources.txt');
  const summary = /return "(No valid credential sources found)"/.exec(source)![1]!;
  const detail = /Sprintf\(`([\s\S]*?)`/.exec(source)![1]!;
  // The wrapped error is the SDK's usual one on a runner with no credentials: its metadata-service lookup timed out.
  return diagnostic(
    summary,
    detail
      .replace('%[1]s', 'https://registry.terraform.io/providers/hashicorp/aws')
      .replace(
        '%[2]s',
        'failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, request canceled, context deadline exceeded',
      ),
  );
}

function noSuchBucket(): string {
  const template = /errS3NoSuchBucket = `([\s\S]*?)`/.exec(
    read('tf-v1.5.7.s3-client.go.L418-425.s3-no-such-bucket.txt'),
  )![1]!;
  return diagnostic(
    `Failed to get existing workspaces: ${template.replace('%s', 'NoSuchBucket: The specified bucket does not exist').trim()}`,
  );
}

function backendInitRequired(): string {
  const summary = /"(Backend initialization required, please run \\"terraform init\\")"/
    .exec(read('tf-v1.5.7.meta_backend.go.L611-618.backend-init-required-summary.txt'))![1]!
    .replace(/\\"/g, '"');
  const detail = /errBackendInit = `([\s\S]*?)`/.exec(
    read('tf-v1.5.7.meta_backend.go.L1581-1639.backend-init-errors.txt'),
  )![1]!;
  return diagnostic(summary, detail.trim().replace('%s', 'Backend configuration block has changed'));
}

function wrongRegionCapture(): string {
  const quoted = /errorOutput: ("(?:[^"\\]|\\.)*")/.exec(
    read('terragrunt.error_explainer_test.go.L34-35.s3-wrong-region-301-capture.txt'),
  )![1]!;
  return `\n${JSON.parse(quoted) as string}`;
}

/** terragrunt's table of known errors: a Go regex and its explanation per line. */
function terragruntPatterns(): { pattern: string; sample: string }[] {
  return read('terragrunt.error_explainer.go.L14-32.known-error-patterns.txt')
    .split('\n')
    .map((line) => /^\s*"((?:[^"\\]|\\.)*)":\s*"(?:[^"\\]|\\.)*",$/.exec(line)?.[1])
    .filter((pattern): pattern is string => pattern !== undefined)
    .map((goString) => {
      const pattern = goString.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      // The smallest text the pattern matches: drop the wildcards, take the first alternative, unescape.
      const sample = pattern
        .replace(/\(\?s\)/g, '')
        .replace(/\.\*/g, '')
        .replace(/\((\w+)\|\w+\)/g, '$1')
        .replace(/\\(.)/g, '$1');
      expect(new RegExp(pattern.replace(/\(\?s\)/g, ''), 's').test(sample)).toBe(true);
      return { pattern, sample };
    });
}

/** What each of terragrunt's patterns is, by a phrase of it. Terragrunt files several under "no access"; see the notes. */
const TERRAGRUNT_EXPECTED: [phrase: string, kind: FailureKind][] = [
  ['Error refreshing state: AccessDenied', 'credentials'],
  ['AllAccessDisabled', 'credentials'],
  // A 301 means the bucket is in another region than the backend's setting: a setting to fix, not credentials.
  ['StatusCode: 301', 'other'],
  ['The authorization header is malformed', 'credentials'],
  // Alone, this says only that listing failed; what follows it in a real message decides (see the 301 capture).
  ['Unable to list objects in S3 bucket', 'other'],
  ['Error: Initialization required', 'other'],
  ['Unit source has changed', 'other'],
  ['Error finding AWS credentials', 'credentials'],
  ['Error: No valid credential sources found', 'credentials'],
  ['Error: validating provider credentials', 'credentials'],
  ['NoCredentialProviders', 'credentials'],
  ['client: no valid credential sources', 'credentials'],
  ['executable file not found', 'other'],
  ['bucket must have been previously created', 'other'],
  ['specified bucket does not exist', 'other'],
  ['S3 bucket does not exist', 'other'],
];

describe('classifyFailure on the fixtures in errors/', () => {
  const FIXTURE_CASES: {
    files: string[];
    name: string;
    text: () => string;
    kind: FailureKind;
    hint: RegExp[];
  }[] = [
    {
      files: [
        'tf-v1.5.7.statemgr-locker.go.L188-198.lock-info-template.txt',
        'tf-v1.5.7.clistate-state.go.L22-45.lock-error-detail-template.txt',
        'tf-v1.5.7.clistate-state.go.L128-136.lock-error-summary.txt',
      ],
      name: "Terraform's lock error",
      text: lockErrorFromSource,
      kind: 'state-lock',
      hint: [
        /locked by runner@fv-az1234-567 \(OperationTypeApply since 2024-05-02 09:14:03\.518231 \+0000 UTC\)/,
        /'terraform force-unlock 9db590f1-b6fe-c5f2-2678-8804f089deba' in the layer's directory/,
        /If no run is still going/,
        /Strata never force-unlocks by itself/,
      ],
    },
    {
      files: ['aws-sdk-go-base.errors.go.L64-87.no-valid-credential-sources.txt'],
      name: 'no valid credential sources, ended by a metadata-service timeout',
      text: noValidCredentialSources,
      kind: 'credentials',
      hint: [/'No valid credential sources'/, /role_to_assume/],
    },
    {
      files: ['tf-v1.5.7.s3-client.go.L418-425.s3-no-such-bucket.txt'],
      name: 'the state bucket does not exist',
      text: noSuchBucket,
      kind: 'other',
      hint: [/'Failed to get existing workspaces: S3 bucket does not exist\.'/],
    },
    {
      files: [
        'tf-v1.5.7.meta_backend.go.L611-618.backend-init-required-summary.txt',
        'tf-v1.5.7.meta_backend.go.L1581-1639.backend-init-errors.txt',
      ],
      name: 'backend initialisation required',
      text: backendInitRequired,
      kind: 'other',
      hint: [/Backend initialization required/],
    },
    {
      files: ['terragrunt.error_explainer_test.go.L34-35.s3-wrong-region-301-capture.txt'],
      name: 'a state bucket in another region (a real capture)',
      text: wrongRegionCapture,
      kind: 'other',
      hint: [/the bucket is in eu-west-1; the backend asked us-east-1/, /backend\.config\.region/],
    },
  ];

  it('has an entry for every fixture file, so a new one gets classified', () => {
    const covered = [
      ...FIXTURE_CASES.flatMap((entry) => entry.files),
      'terragrunt.error_explainer.go.L14-32.known-error-patterns.txt',
    ];
    expect(readdirSync(fixturePath(...ERRORS)).sort()).toEqual(covered.sort());
  });

  it.each(FIXTURE_CASES)('$name is $kind', ({ text, kind, hint }) => {
    const result = classifyFailure(text(), terminalWording.command);
    expect(result.kind).toBe(kind);
    for (const pattern of hint) expect(result.hint).toMatch(pattern);
  });

  it("classifies each of terragrunt's known error patterns", () => {
    const patterns = terragruntPatterns();
    expect(patterns).toHaveLength(TERRAGRUNT_EXPECTED.length);
    for (const { pattern, sample } of patterns) {
      const expected = TERRAGRUNT_EXPECTED.find(([phrase]) => pattern.includes(phrase));
      expect({ pattern, kind: classifyFailure(diagnostic(sample), terminalWording.command).kind }).toEqual({
        pattern,
        kind: expected?.[1],
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Texts the stand-in prints (captured; the last block runs it again to keep these honest).

const DOWN_S3 = (prefix: string) =>
  `\nError: ${prefix}: Unable to list objects in S3 bucket "acme-tfstate-222222222222-eu-west-2": operation error S3: ListObjectsV2, exceeded maximum number of attempts, 5, https response error StatusCode: 0, RequestID: , HostID: , request send failed, Get "https://acme-tfstate-222222222222-eu-west-2.s3.eu-west-2.amazonaws.com/?list-type=2&prefix=env%3A%2F": dial tcp: lookup acme-tfstate-222222222222-eu-west-2.s3.eu-west-2.amazonaws.com: no such host\n\n`;
const DOWN_STS =
  '\nError: Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 25, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.eu-west-1.amazonaws.com/": dial tcp: lookup sts.eu-west-1.amazonaws.com: no such host\n\n  with provider["registry.terraform.io/hashicorp/aws"],\n';
const DOWN_STS_COLOUR =
  '\u001b[31m╷\u001b[0m\n\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0m\u001b[1mRetrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 25, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.eu-west-1.amazonaws.com/": dial tcp: lookup sts.eu-west-1.amazonaws.com: no such host\u001b[0m\n\u001b[31m│\u001b[0m\n\u001b[31m│\u001b[0m   with provider["registry.terraform.io/hashicorp/aws"],\n\u001b[31m╵\u001b[0m\n';
const ACCESS_DENIED =
  '\nError: error loading state: operation error S3: GetObject, https response error StatusCode: 403, RequestID: BDE33CE75D06ED1E, HostID: NmbOt1i5c4vnXAV36ivtKXYSUal0AE5phv7sj62S6EUxw4vNyqfc5J9PJPOTx7mEmdiLKAI/pjJB, api error AccessDenied: Access Denied\n\n';
const STALE =
  '\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n';
const LOCAL_LOCK =
  '\nError: Error acquiring the state lock\n\nError message: resource temporarily unavailable\nLock Info:\n  ID:        10c6a34b-267f-5c7b-c450-b34dbf98072f\n  Path:      state.tfstate\n  Operation: OperationTypePlan\n  Who:       root@vm\n  Version:   1.13.5\n  Created:   2026-11-25 17:35:59.904936997 +0000 UTC\n  Info:      \n\n\nTerraform acquires a state lock to protect the state from being written\nby multiple users at the same time. Please resolve the issue above and try\nagain. For most commands, you can disable locking with the "-lock=false"\nflag, but this is not recommended.\n';

const FAILOVER = /fail over with the failover workflow or 'strata failover --to <region>'/;

describe('classifyFailure on the stand-in', () => {
  it("words the failover it suggests for the surface: the CLI's command line, or the action's inputs", () => {
    const text = DOWN_S3('Failed to get existing workspaces');
    expect(classifyFailure(text, actionWording.command).hint).toContain(
      "fail over with the failover workflow or 'command: failover, to-region: <region>'",
    );
    expect(classifyFailure(text, actionWording.command).hint).not.toContain('strata failover');
  });

  it.each([
    {
      name: 'init, S3 endpoint of a down region',
      text: DOWN_S3('Failed to get existing workspaces'),
      region: 'eu-west-2',
    },
    { name: 'plan, S3 endpoint of a down region', text: DOWN_S3('error loading state'), region: 'eu-west-2' },
    {
      name: 'output, S3 endpoint of a down region',
      text: DOWN_S3('Failed to load state'),
      region: 'eu-west-2',
    },
    { name: "the provider's STS call to a down region", text: DOWN_STS, region: 'eu-west-1' },
    { name: "the provider's STS call, in colour", text: DOWN_STS_COLOUR, region: 'eu-west-1' },
  ])('$name is region-unreachable, naming $region', ({ text, region }) => {
    const result = classifyFailure(text, terminalWording.command);
    expect(result.kind).toBe('region-unreachable');
    expect(result.hint).toContain(`Terraform could not reach AWS in ${region}`);
    expect(result.hint).toContain('no such host');
    expect(result.hint).toContain('the region looks unavailable');
    expect(result.hint).toMatch(FAILOVER);
  });

  it('an S3 AccessDenied is credentials', () => {
    expect(classifyFailure(ACCESS_DENIED, terminalWording.command)).toEqual({
      kind: 'credentials',
      hint: expect.stringContaining(
        "AWS refused or found no credentials ('AccessDenied')",
      ) as unknown as string,
    });
  });

  it('a stale saved plan is stale-plan: plan again and review', () => {
    const result = classifyFailure(STALE, terminalWording.command);
    expect(result.kind).toBe('stale-plan');
    expect(result.hint).toMatch(/Plan again and review the new plan/);
  });

  it('a held lock is state-lock, with the holder and the lock ID', () => {
    const result = classifyFailure(LOCAL_LOCK, terminalWording.command);
    expect(result.kind).toBe('state-lock');
    expect(result.hint).toContain(
      'locked by root@vm (OperationTypePlan since 2026-11-25 17:35:59.904936997 +0000 UTC)',
    );
    expect(result.hint).toContain("'terraform force-unlock 10c6a34b-267f-5c7b-c450-b34dbf98072f'");
  });
});

describe('classifyFailure on other shapes of the same failures', () => {
  it.each<{ name: string; text: string; kind: FailureKind; hint?: RegExp }>([
    {
      name: 'an S3 read timing out at an IP address',
      text: diagnostic(
        'error loading state: operation error S3: GetObject, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , HostID: , request send failed, Get "https://acme.s3.eu-west-1.amazonaws.com/prod/network.tfstate?x-id=GetObject": dial tcp 52.218.1.2:443: i/o timeout',
      ),
      kind: 'region-unreachable',
      hint: /AWS in eu-west-1 \(acme\.s3\.eu-west-1\.amazonaws\.com: i\/o timeout\)/,
    },
    {
      name: "a bucket whose name holds another region: the endpoint's region counts",
      text: diagnostic(
        'error loading state: operation error S3: GetObject, https response error StatusCode: 0, request send failed, Get "https://state-us-east-1-copy.s3.eu-west-2.amazonaws.com/k": dial tcp: lookup state-us-east-1-copy.s3.eu-west-2.amazonaws.com: no such host',
      ),
      kind: 'region-unreachable',
      hint: /^Terraform could not reach AWS in eu-west-2 /,
    },
    {
      name: 'a DynamoDB lock table that cannot be reached (no Lock Info)',
      text: diagnostic(
        'Error acquiring the state lock',
        'Error message: operation error DynamoDB: PutItem, https response error StatusCode: 0,\nRequestID: , request send failed, Post "https://dynamodb.eu-west-2.amazonaws.com/":\ndial tcp: lookup dynamodb.eu-west-2.amazonaws.com on 127.0.0.53:53: no such host',
      ),
      kind: 'region-unreachable',
      hint: /AWS in eu-west-2 \(dynamodb\.eu-west-2\.amazonaws\.com: no such host\)/,
    },
    {
      name: 'an AWS SDK v1 timeout with no host named',
      text: diagnostic(
        'error loading state: RequestError: send request failed\ncaused by: context deadline exceeded',
      ),
      kind: 'region-unreachable',
      hint: /could not reach an AWS region/,
    },
    {
      name: 'the provider registry unreachable: the network, not a region',
      text: diagnostic(
        'Failed to query available provider packages',
        'Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io: failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup registry.terraform.io on 127.0.0.53:53: no such host',
      ),
      kind: 'other',
      hint: /could not reach registry\.terraform\.io \(no such host\): a network problem on the runner/,
    },
    {
      name: 'an expired token',
      text: diagnostic(
        'error loading state: operation error S3: GetObject, https response error StatusCode: 400, RequestID: 1, HostID: 2, api error ExpiredToken: The provided token has expired.',
      ),
      kind: 'credentials',
      hint: /'ExpiredToken'/,
    },
    {
      name: 'a lock that could not be taken for another reason (no Lock Info)',
      text: diagnostic(
        'Error acquiring the state lock',
        'Error message: operation error DynamoDB: PutItem, https response error StatusCode: 400,\nResourceNotFoundException: Requested resource not found',
      ),
      kind: 'state-lock',
      hint: /names no holder/,
    },
    {
      name: 'a plan made from another state lineage',
      text: diagnostic(
        'Saved plan does not match the given state',
        'The given plan file can not be applied because it was created from a different state lineage.',
      ),
      kind: 'stale-plan',
    },
    {
      name: 'an error Strata does not know',
      text: diagnostic('Unsupported argument', 'An argument named "foo" is not expected here.'),
      kind: 'other',
      hint: /^Strata does not recognise this failure \('Unsupported argument'\)/,
    },
    { name: 'no output at all', text: '', kind: 'other', hint: /read Terraform's output above/ },
  ])('$name is $kind', ({ text, kind, hint }) => {
    const result = classifyFailure(text, terminalWording.command);
    expect(result.kind).toBe(kind);
    if (hint) expect(result.hint).toMatch(hint);
  });
});

describe('classifyFailure on what the stand-in prints now', () => {
  const standIn = path.resolve('test/stand-in/terraform');
  let directory: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    directory = scratchDir('strata-failure-kind-');
    writeFileSync(
      path.join(directory, 'main.tf'),
      'terraform {\n  backend "s3" {}\n}\nresource "terraform_data" "x" {\n  input = "a"\n}\n',
    );
    writeFileSync(path.join(directory, 'context.tfvars.json'), '{"region": "eu-west-1"}\n');
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_IN_AUTOMATION: '1',
      STANDIN_STATE_DIR: path.join(directory, 'buckets'),
      STRATA_INSTANCE_ID: 'prod/eu-west-2/network',
    };
  });

  const terraform = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(standIn, args, { cwd: directory, env: { ...env, ...extra }, encoding: 'utf8' });

  it('names a down region from init, plan and the provider, and a refused read', () => {
    const init = [
      'init',
      '-input=false',
      '-no-color',
      '-backend-config=bucket=acme-tfstate-222222222222-eu-west-2',
      '-backend-config=key=prod/eu-west-2/network.tfstate',
      '-backend-config=region=eu-west-2',
    ];
    const downInit = terraform(init, { STANDIN_DOWN_REGIONS: 'eu-west-2' });
    expect(downInit.status).toBe(1);
    expect(classifyFailure(downInit.stderr, terminalWording.command)).toMatchObject({
      kind: 'region-unreachable',
      hint: expect.stringContaining('eu-west-2') as unknown as string,
    });

    expect(terraform(init).status).toBe(0);
    const downPlan = terraform(['plan', '-input=false', '-no-color'], { STANDIN_DOWN_REGIONS: 'eu-west-2' });
    expect(classifyFailure(downPlan.stderr, terminalWording.command).kind).toBe('region-unreachable');

    const downProvider = terraform(['plan', '-input=false', '-no-color', '-var-file=context.tfvars.json'], {
      STANDIN_DOWN_REGIONS: 'eu-west-1',
    });
    expect(classifyFailure(downProvider.stderr, terminalWording.command)).toMatchObject({
      kind: 'region-unreachable',
      hint: expect.stringContaining('eu-west-1') as unknown as string,
    });

    const denied = terraform(['plan', '-input=false', '-no-color'], { STANDIN_FAIL: 'plan:*' });
    expect(classifyFailure(denied.stderr, terminalWording.command).kind).toBe('credentials');
  });
});

describe('isTransientFailure', () => {
  it.each<{ name: string; text: string; isTransient: boolean }>([
    {
      name: 'the provider registry unreachable',
      text: diagnostic(
        'Failed to query available provider packages',
        'could not connect to registry.terraform.io: Get "https://registry.terraform.io/.well-known/terraform.json": dial tcp: lookup registry.terraform.io: i/o timeout',
      ),
      isTransient: true,
    },
    {
      name: 'an AWS region that does not answer (fail over instead)',
      text: diagnostic(
        'Failed to get existing workspaces',
        'operation error S3: ListObjectsV2, https response error StatusCode: 0, request send failed, Get "https://s3.eu-west-1.amazonaws.com/state": dial tcp: lookup s3.eu-west-1.amazonaws.com: no such host',
      ),
      isTransient: false,
    },
    {
      name: 'expired credentials',
      text: diagnostic('error loading state: api error ExpiredToken: The provided token has expired.'),
      isTransient: false,
    },
    { name: 'an unknown failure', text: diagnostic('Unsupported argument'), isTransient: false },
    { name: 'no output at all', text: '', isTransient: false },
  ])('$name: $isTransient', ({ text, isTransient }) => {
    expect(isTransientFailure(text)).toBe(isTransient);
  });
});
