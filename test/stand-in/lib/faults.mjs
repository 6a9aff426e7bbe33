// The failures and observations STANDIN_* variables ask for (see ../README.md): the call log, delays, hangs,
// injected failures and unreachable regions, with the error texts Terraform and the AWS SDK print for them.

import { randomBytes } from 'node:crypto';
import { DiagError, errorDiag } from './diagnostics.mjs';
import { sortedKeys } from './go-json.mjs';
import { backendInRegion, matchRule, writeCallLog } from './inject.mjs';
import { sleep } from './signals.mjs';

export function logCall(ctx, argv, backend, region) {
  if (!ctx.injection.callLog) return;
  writeCallLog(ctx.injection.callLog, {
    argv,
    cwd: ctx.cwd,
    instance: ctx.instance,
    backend: backend ? { type: backend.type, config: sortedKeys(backend.config) } : null,
    region: region ?? null,
    time: new Date().toISOString(),
  });
}

export async function applyDelay(ctx, command) {
  const rule = matchRule(ctx.injection.delay, command, ctx.instance);
  if (rule && rule.ms > 0) await sleep(rule.ms, ctx.abort.signal);
}

function requestId() {
  return randomBytes(8).toString('hex').toUpperCase();
}

function bucketOf(backend, region) {
  return typeof backend?.config?.bucket === 'string' && backend.config.bucket !== ''
    ? backend.config.bucket
    : `terraform-state-${region}`;
}

/** The error of a backend whose region's S3 endpoint cannot be reached (AWS SDK for Go v2 wording). */
function unreachableS3(backend, region, operation) {
  const bucket = bucketOf(backend, region);
  const host = `${bucket}.s3.${region}.amazonaws.com`;
  const request =
    operation === 'ListObjectsV2'
      ? `Get "https://${host}/?list-type=2&prefix=env%3A%2F"`
      : `Get "https://${host}/${backend?.config?.key ?? 'terraform.tfstate'}?x-id=GetObject"`;
  return `Unable to list objects in S3 bucket "${bucket}": operation error S3: ${operation}, exceeded maximum number of attempts, 5, https response error StatusCode: 0, RequestID: , HostID: , request send failed, ${request}: dial tcp: lookup ${host}: no such host`;
}

function downRegionOf(ctx, backend, contextRegion) {
  const down = ctx.injection.downRegions;
  const backendDown = down.find((region) => backendInRegion(backend, region, ctx.instance));
  if (backendDown) return { region: backendDown, where: 'backend' };
  if (contextRegion && down.includes(contextRegion)) return { region: contextRegion, where: 'provider' };
  return undefined;
}

export function checkDown(ctx, command, backend, contextRegion) {
  const hit = downRegionOf(ctx, backend, contextRegion);
  if (!hit) return;
  if (hit.where === 'backend') {
    const message = unreachableS3(backend, hit.region, 'ListObjectsV2');
    if (command === 'init')
      throw new DiagError(errorDiag(`Failed to get existing workspaces: ${message}`, ''));
    if (command === 'output') throw new DiagError(errorDiag(`Failed to load state: ${message}`, ''));
    throw new DiagError(errorDiag(`error loading state: ${message}`, ''));
  }
  throw new DiagError(
    errorDiag(
      'Retrieving AWS account details: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, exceeded maximum number of attempts, 25, https response error StatusCode: 0, RequestID: , request send failed, Post "https://sts.' +
        hit.region +
        '.amazonaws.com/": dial tcp: lookup sts.' +
        hit.region +
        '.amazonaws.com: no such host',
      '',
      undefined,
      'provider["registry.terraform.io/hashicorp/aws"]',
    ),
  );
}

export function checkFail(ctx, command, backend) {
  if (!matchRule(ctx.injection.fail, command, ctx.instance)) return;
  const bucket = bucketOf(backend, 'eu-west-2');
  const denied = `https response error StatusCode: 403, RequestID: ${requestId()}, HostID: ${randomBytes(57).toString('base64')}, api error AccessDenied: Access Denied`;
  switch (command) {
    case 'init':
      throw new DiagError(
        errorDiag(
          `Failed to get existing workspaces: Unable to list objects in S3 bucket "${bucket}": operation error S3: ListObjectsV2, ${denied}`,
          '',
        ),
      );
    case 'output':
      throw new DiagError(errorDiag(`Failed to load state: operation error S3: GetObject, ${denied}`, ''));
    case 'show':
      throw new DiagError(
        errorDiag(
          'Failed to read the given file as a state or plan file',
          'State read error: Error loading statefile: open: permission denied\n\nPlan read error: open: permission denied',
        ),
      );
    default:
      throw new DiagError(errorDiag(`error loading state: operation error S3: GetObject, ${denied}`, ''));
  }
}

export function shouldHang(ctx, command) {
  return Boolean(matchRule(ctx.injection.hang, command, ctx.instance));
}
