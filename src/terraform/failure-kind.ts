import { parseLockError, plainDiagnosticText } from './lock-info.js';
import { itemAt } from '../core/lookup.js';
import { NEUTRAL_WORDING, suggest, type CommandName } from '../core/wording.js';

/** The failures Strata can name from Terraform's error text, each with a next step for the person reading. */
export type FailureKind = 'state-lock' | 'stale-plan' | 'region-unreachable' | 'credentials' | 'other';

export interface FailureClass {
  kind: FailureKind;
  /** What probably happened and what to do, in one or two sentences. */
  hint: string;
}

// AWS SDK (Go v1 and v2) words for a request that never got an answer, the most telling first.
const NETWORK_FAILURES: readonly RegExp[] = [
  /no such host/i,
  /i\/o timeout/i,
  /connection timed out/i,
  /network is unreachable/i,
  /connection refused/i,
  /connection reset by peer/i,
  /TLS handshake timeout/i,
  /Client\.Timeout exceeded/i,
  /context deadline exceeded/i,
  /RequestTimeout/,
  /ServiceUnavailable|StatusCode: 503/,
  /request send failed|send request failed/i,
];
// The endpoint the failing request went to: `lookup <host>`, `dial tcp <host>:443`, `Get "https://<host>/…"`.
const FAILED_HOST = /(?:lookup|dial tcp) ([A-Za-z0-9.-]+?)(?::\d+)?(?::|\s|$)|"https?:\/\/([A-Za-z0-9.-]+)/g;
const AWS_HOST = /\.amazonaws\.com(?:\.cn)?$/i;
const AWS_OPERATION =
  /operation error (?:S3|STS|DynamoDB|EC2|IAM|Route ?53|KMS|SSO|SSOOIDC)\b|RequestError: send request failed/;
const REGION = /\b((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\b/;
// The region of an endpoint is the label before amazonaws.com (`s3.eu-west-2.`, legacy `s3-eu-west-2.`), not a
// region that happens to be in a bucket's name.
const ENDPOINT_REGION = /[.-]((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\.amazonaws\.com/i;

// Credentials that are missing, expired, malformed or refused. Checked before the network patterns: when the
// SDK cannot find credentials it reports the instance-metadata timeout that ended its search.
const CREDENTIALS_STRONG: readonly RegExp[] = [
  /No valid credential sources/i,
  /NoCredentialProviders/,
  /Error finding AWS credentials/,
  /failed to refresh cached credentials/,
  /InvalidClientTokenId|UnrecognizedClientException|InvalidAccessKeyId|SignatureDoesNotMatch/,
  /ExpiredToken|security token included in the request is (?:expired|invalid)/,
  /InvalidIdentityToken|AssumeRoleWithWebIdentity/,
  /is not authorized to perform/,
  /AccessDenied|Access Denied|AllAccessDisabled/,
  /authorization header is malformed|AuthorizationHeaderMalformed/,
  /StatusCode: 403\b/,
];
const CREDENTIALS_WEAK =
  /validating provider credentials|Error: Invalid AWS credentials|retrieving caller identity/i;

const STALE_PLAN = /Saved plan is stale|Saved plan does not match the given state/;
const LOCK_SUMMARY = /Error acquiring the state lock/;
// S3 answers 301 when the backend's `region` is not the bucket's: the request reached AWS, the setting is wrong.
const WRONG_BUCKET_REGION = /StatusCode: 301\b/;
const BUCKET_REGIONS = /requested bucket from "([^"]+)", actual location "([^"]+)"/;

/**
 * Names the cause of a Terraform failure from its error output (plain or coloured) and says what to do.
 * The order matters: a held lock and a stale plan are certain from their summaries; a network failure
 * towards AWS wins over the credential check that reported it (the provider validates credentials by
 * calling STS, so a down region reads "validating provider credentials: … no such host"); a credential
 * error wins over the metadata-service timeout that ends the SDK's search for credentials.
 */
export function classifyFailure(text: string, command: CommandName): FailureClass {
  const plain = plainDiagnosticText(text);
  // Terraform wraps diagnostic details at the terminal width; patterns read one flowing line.
  const flat = plain.replace(/\s+/g, ' ');

  const lock = parseLockError(plain);
  if (lock) {
    const holder = lock.who === '' ? 'another run' : lock.who;
    const since = lock.createdText === '' ? '' : ` since ${lock.createdText}`;
    const id = lock.id === '' ? '<LOCK_ID>' : lock.id;
    return {
      kind: 'state-lock',
      hint: `The state is locked by ${holder} (${lock.operation || 'unknown operation'}${since}). Wait for that run to finish and try again. If no run is still going and the lock is stale, release it by hand with 'terraform force-unlock ${id}' in the layer's directory with its backend initialised; Strata never force-unlocks by itself.`,
    };
  }
  if (STALE_PLAN.test(flat)) {
    return {
      kind: 'stale-plan',
      hint: 'The state changed after this plan was made (another run wrote it), so Terraform refused to apply the saved plan. Plan again and review the new plan before applying it.',
    };
  }
  const credentials = firstMatch(CREDENTIALS_STRONG, flat);
  if (credentials) return credentialsFailure(credentials[0]);

  const network = firstMatch(NETWORK_FAILURES, flat);
  if (network) {
    const hosts = failedHosts(flat);
    const awsHost = hosts.find((host) => AWS_HOST.test(host));
    if (awsHost !== undefined || (hosts.length === 0 && AWS_OPERATION.test(flat))) {
      const region = (awsHost === undefined ? REGION.exec(flat) : ENDPOINT_REGION.exec(awsHost))?.[1];
      const where = region === undefined ? 'an AWS region' : `AWS in ${region}`;
      const endpoint = awsHost === undefined ? '' : ` (${awsHost}: ${network[0]})`;
      return {
        kind: 'region-unreachable',
        hint: `Terraform could not reach ${where}${endpoint}: the region looks unavailable. Check the AWS Health Dashboard and retry later; if the region is down, fail over with the failover workflow or '${command(suggest('failover', { setting: 'to', value: '<region>' }))}'. If the region name itself looks wrong, fix it in the manifest.`,
      };
    }
    const [host] = hosts;
    if (host !== undefined) {
      return {
        kind: 'other',
        hint: `Terraform could not reach ${host} (${network[0]}): a network problem on the runner or that service, not an AWS region. Retry, and check the runner's network and proxy settings.`,
      };
    }
  }
  const weak = CREDENTIALS_WEAK.exec(flat);
  if (weak) return credentialsFailure(weak[0]);

  if (LOCK_SUMMARY.test(flat)) {
    return {
      kind: 'state-lock',
      hint: "Terraform could not take the state lock, and its output names no holder. Read the 'Error message' above: the lock table or bucket may be missing or unreadable.",
    };
  }
  if (WRONG_BUCKET_REGION.test(flat)) {
    const regions = BUCKET_REGIONS.exec(flat);
    const where = regions
      ? ` (the bucket is in ${itemAt(regions, 2, 'bucket region')}; the backend asked ${itemAt(regions, 1, 'backend region')})`
      : '';
    return {
      kind: 'other',
      hint: `S3 answered 301: the state bucket is in another region than the backend's region setting${where}. Set backend.config.region in the manifest to the bucket's region.`,
    };
  }
  const summary = /(?:^|\n)Error: ([^\n]+)/.exec(plain)?.[1]?.trim();
  return {
    kind: 'other',
    hint:
      summary === undefined
        ? "Strata does not recognise this failure; read Terraform's output above."
        : `Strata does not recognise this failure ('${summary}'); read Terraform's output above.`,
  };
}

/**
 * Whether a failure is worth one more try: a network failure towards a host that is not AWS (a provider
 * registry, a proxy, a provider's API), which the classifier reports as `other` with a host named. An AWS
 * region that does not answer is not retried: a region that is down stays down, and the hint says to fail
 * over. Locks, stale plans and credentials never heal by themselves in seconds.
 */
export function isTransientFailure(text: string): boolean {
  // Only the kind is read here: the hint's wording does not matter.
  if (classifyFailure(text, NEUTRAL_WORDING.command).kind !== 'other') return false;
  const flat = plainDiagnosticText(text).replace(/\s+/g, ' ');
  return firstMatch(NETWORK_FAILURES, flat) !== null && failedHosts(flat).length > 0;
}

function credentialsFailure(evidence: string): FailureClass {
  return {
    kind: 'credentials',
    hint: `AWS refused or found no credentials ('${evidence}'). Check the credentials the job runs with: the role it assumes (the account's role_to_assume in the manifest, and 'id-token: write' for OIDC), that they have not expired, and that the role may read the state bucket and lock.`,
  };
}

function firstMatch(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}

function failedHosts(flat: string): string[] {
  const hosts: string[] = [];
  for (const match of flat.matchAll(FAILED_HOST)) {
    const host = (match[1] ?? match[2])?.replace(/\.$/, '');
    if (host !== undefined && /[A-Za-z]/.test(host) && !hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}
