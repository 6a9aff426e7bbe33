// Where state lives and how it is locked. The `local` backend keeps state at its `path` (relative to the
// working directory, like Terraform) with Terraform's `.<name>.lock.info` beside it; every other backend
// type keeps state under $STANDIN_STATE_DIR in a folder derived from the backend's location settings, with
// a lock object beside it as S3's `use_lockfile` does. Writes of state and lock files are replicated as
// STANDIN_REPLICATE asks (deletes are not, as with S3 replication).

import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { basename, dirname, join, resolve } from 'node:path';
import { DiagError, errorDiag } from './diagnostics.mjs';
import { goMap, marshal, marshalIndent } from './go-json.mjs';
import { backendInRegion, replicaBackend } from './inject.mjs';

export const LOCAL_KEYS = ['path', 'workspace_dir'];

/** The settings of Terraform's s3 backend (1.11+) that may be given with -backend-config. */
export const S3_KEYS = [
  'access_key',
  'acl',
  'allowed_account_ids',
  'assume_role',
  'assume_role_with_web_identity',
  'bucket',
  'custom_ca_bundle',
  'dynamodb_endpoint',
  'dynamodb_table',
  'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode',
  'encrypt',
  'endpoint',
  'endpoints',
  'forbidden_account_ids',
  'force_path_style',
  'http_proxy',
  'https_proxy',
  'iam_endpoint',
  'insecure',
  'key',
  'kms_key_id',
  'max_retries',
  'no_proxy',
  'profile',
  'region',
  'retry_mode',
  'role_arn',
  'secret_key',
  'shared_config_files',
  'shared_credentials_file',
  'shared_credentials_files',
  'skip_credentials_validation',
  'skip_metadata_api_check',
  'skip_region_validation',
  'skip_requesting_account_id',
  'skip_s3_checksum',
  'sse_customer_key',
  'sts_endpoint',
  'sts_region',
  'token',
  'use_dualstack_endpoint',
  'use_fips_endpoint',
  'use_lockfile',
  'use_path_style',
  'workspace_key_prefix',
];

/**
 * Settings that say how to reach or lock the state, not where it is: they do not change the state's
 * location (the same bucket and key with a different lock setting is the same object).
 */
const NON_LOCATION_KEYS = new Set([
  'access_key',
  'acl',
  'allowed_account_ids',
  'assume_role',
  'assume_role_with_web_identity',
  'custom_ca_bundle',
  'dynamodb_endpoint',
  'dynamodb_table',
  'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode',
  'encrypt',
  'forbidden_account_ids',
  'http_proxy',
  'https_proxy',
  'iam_endpoint',
  'insecure',
  'kms_key_id',
  'max_retries',
  'no_proxy',
  'profile',
  'retry_mode',
  'role_arn',
  'secret_key',
  'shared_config_files',
  'shared_credentials_file',
  'shared_credentials_files',
  'skip_credentials_validation',
  'skip_metadata_api_check',
  'skip_region_validation',
  'skip_requesting_account_id',
  'skip_s3_checksum',
  'sse_customer_key',
  'sts_endpoint',
  'sts_region',
  'token',
  'use_lockfile',
  'lock_timeout',
]);

/** Checks -backend-config keys against the backend's schema (for the types the stand-in knows). */
export function checkBackendKeys(type, keys) {
  const known = type === 'local' ? LOCAL_KEYS : type === 's3' ? S3_KEYS : undefined;
  if (!known) return [];
  return keys
    .filter((key) => !known.includes(key))
    .map((key) =>
      errorDiag(
        'Invalid backend configuration argument',
        `The backend configuration argument "${key}" given on the command line is not expected for the selected backend type.`,
      ),
    );
}

export function checkRequiredBackendSettings(backend) {
  if (backend.type !== 's3') return [];
  return ['bucket', 'key']
    .filter((key) => backend.config[key] === undefined || backend.config[key] === '')
    .map((key) =>
      errorDiag('Missing required argument', `The argument "${key}" is required, but was not set.`),
    );
}

export function backendHash(backend) {
  return createHash('sha256')
    .update(marshal(canonical(backend.config)))
    .digest()
    .readUInt32BE(0);
}

function canonical(config) {
  const out = goMap({});
  for (const key of Object.keys(config)) out[key] = config[key];
  return out;
}

/** True for values like true, "true", 1. */
const truthy = (value) => value === true || value === 'true' || value === 1 || value === '1';

/**
 * The files of a backend location.
 * @returns {{ statePath: string, lockPath: string|undefined, pidPath: string|undefined, displayPath: string, lockStyle: string }}
 */
export function locate(backend, cwd, env) {
  if (backend.type === 'local') {
    const path = String(backend.config.path ?? 'terraform.tfstate');
    const statePath = resolve(cwd, path);
    const lockPath = join(dirname(statePath), `.${basename(statePath)}.lock.info`);
    return { statePath, lockPath, pidPath: `${lockPath}.pid`, displayPath: path, lockStyle: 'local' };
  }
  const root = env.STANDIN_STATE_DIR;
  if (!root) {
    throw new DiagError(
      errorDiag(
        'Terraform stand-in: STANDIN_STATE_DIR is not set',
        `The stand-in keeps the state of "${backend.type}" backends in files under the folder named by the STANDIN_STATE_DIR environment variable. Set it to a writable folder (tests usually use a temporary one).`,
      ),
    );
  }
  const location = goMap({});
  for (const key of Object.keys(backend.config))
    if (!NON_LOCATION_KEYS.has(key)) location[key] = backend.config[key];
  const digest = createHash('sha256')
    .update(`${backend.type}\n${marshal(location)}`)
    .digest('hex')
    .slice(0, 16);
  const folder = join(resolve(root), backend.type, digest);
  const statePath = join(folder, 'terraform.tfstate');
  const displayPath =
    backend.type === 's3'
      ? `${backend.config.bucket}/${backend.config.key}`
      : `${backend.type}:${marshal(location)}`;
  let lockStyle = 'object';
  if (backend.type === 's3') {
    lockStyle = truthy(backend.config.use_lockfile)
      ? 's3-lockfile'
      : backend.config.dynamodb_table
        ? 's3-dynamodb'
        : 'none';
  }
  return {
    statePath,
    lockPath: lockStyle === 'none' ? undefined : `${statePath}.tflock`,
    pidPath: undefined,
    displayPath,
    lockStyle,
    folder,
    location,
  };
}

// -------------------------------------------------------------------------------------------------------
// Small helpers

export function goUUID() {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Now, with nanoseconds, as Go writes time.Time in JSON (RFC 3339) and with %s (its String form). */
export function goNow() {
  const now = new Date();
  const nanos =
    String(now.getUTCMilliseconds()).padStart(3, '0') + String(process.hrtime()[1] % 1e6).padStart(6, '0');
  const trimmed = nanos.replace(/0+$/, '');
  const date = now.toISOString().slice(0, 19);
  return {
    json: `${date}${trimmed ? '.' + trimmed : ''}Z`,
    text: `${date.replace('T', ' ')}${trimmed ? '.' + trimmed : ''} +0000 UTC`,
  };
}

export function who() {
  let user;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return `${user}@${hostname()}`;
}

function writeAtomic(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function lockInfoText(info) {
  return `Lock Info:\n  ID:        ${info.ID}\n  Path:      ${info.Path}\n  Operation: ${info.Operation}\n  Who:       ${info.Who}\n  Version:   ${info.Version}\n  Created:   ${info.CreatedText ?? info.Created}\n  Info:      ${info.Info}\n`;
}

function goTimeText(created) {
  // "2024-01-02T03:04:05.123Z" → "2024-01-02 03:04:05.123 +0000 UTC"
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/.exec(created ?? '');
  return m ? `${m[1]} ${m[2]} +0000 UTC` : created;
}

function lockFailureMessage(style, location) {
  const requestId = randomBytes(8).toString('hex').toUpperCase().slice(0, 16);
  const hostId = randomBytes(57).toString('base64');
  switch (style) {
    case 'local':
      return 'resource temporarily unavailable';
    case 's3-lockfile':
      return `operation error S3: PutObject, https response error StatusCode: 412, RequestID: ${requestId}, HostID: ${hostId}, api error PreconditionFailed: At least one of the pre-conditions you specified did not hold`;
    case 's3-dynamodb':
      return `operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: ${requestId}${randomBytes(10).toString('hex').toUpperCase()}, ConditionalCheckFailedException: The conditional request failed`;
    default:
      return `state is locked (lock object ${location.displayPath}.tflock already exists)`;
  }
}

/** Terraform's "Error acquiring the state lock" diagnostic, with `product`'s hint (product.mjs). */
export function lockErrorDiag(message, info, product) {
  const error = info ? `${message}\n${lockInfoText(info)}` : message;
  return errorDiag('Error acquiring the state lock', `Error message: ${error}\n\n${product.texts.lockHint}`);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// -------------------------------------------------------------------------------------------------------
// The state manager

export class StateStore {
  /**
   * @param {{type: string, config: Record<string, unknown>}} backend
   * @param {{cwd: string, env: NodeJS.ProcessEnv, instance: string|null, injection: object, version: string}} ctx
   */
  constructor(backend, ctx) {
    this.backend = backend;
    this.ctx = ctx;
    this.location = locate(backend, ctx.cwd, ctx.env);
    this.lockInfo = undefined;
    this.wroteBackup = false;
    /** `touch` created the state file, so `unlock` removes it while it is still empty. */
    this.createdEmpty = false;
  }

  /** Reads the state: { state: object|null, lineage: string, serial: number }. */
  read() {
    const { statePath } = this.location;
    let text = '';
    try {
      text = readFileSync(statePath, 'utf8');
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    this.originalText = text;
    if (text.trim() === '') return { state: null, lineage: '', serial: 0 };
    let state;
    try {
      state = JSON.parse(text);
    } catch (err) {
      throw new DiagError(
        errorDiag(
          `error loading state: Unsupported state file format: The state file could not be parsed as JSON: ${err.message}.`,
          '',
        ),
      );
    }
    if (state.version !== 4) {
      throw new DiagError(
        errorDiag(
          `error loading state: Unsupported state file format: The state file uses format version ${state.version}, which is not supported by Terraform ${this.ctx.version}. This state file was created by an incompatible version of Terraform.`,
          '',
        ),
      );
    }
    if (
      this.ctx.product.refusesNewerState &&
      state.terraform_version &&
      newer(state.terraform_version, this.ctx.version)
    ) {
      throw new DiagError(
        errorDiag(
          `error loading state: state snapshot was created by Terraform v${state.terraform_version}, which is newer than current v${this.ctx.version}; upgrade to Terraform v${state.terraform_version} or greater to work with this state`,
          '',
        ),
      );
    }
    return { state, lineage: state.lineage ?? '', serial: state.serial ?? 0 };
  }

  /** Writes a version 4 state document, keeping a .backup of the first state read (local backend). */
  write(state) {
    const { statePath } = this.location;
    const text = marshalIndent(state) + this.ctx.product.stateFileEnd;
    if (
      this.backend.type === 'local' &&
      !this.wroteBackup &&
      this.originalText &&
      this.originalText.trim() !== ''
    ) {
      writeAtomic(`${statePath}.backup`, this.originalText);
    }
    this.wroteBackup = true;
    writeAtomic(statePath, text);
    this.replicate(statePath, text, (loc) => loc.statePath);
  }

  /**
   * Creates the (empty) state file as the local backend does when it takes the lock; `unlock` removes it
   * again if nothing was written to it (statemgr.Filesystem, in Terraform and OpenTofu alike).
   */
  touch() {
    const { statePath } = this.location;
    if (this.backend.type !== 'local' || existsSync(statePath)) return;
    mkdirSync(dirname(statePath), { recursive: true });
    writeFileSync(statePath, '');
    this.createdEmpty = true;
  }

  replicate(sourcePath, text, pick) {
    const { replicate, downRegions } = this.ctx.injection;
    for (const { from, to } of replicate) {
      if (!backendInRegion(this.backend, from, this.ctx.instance)) continue;
      if (downRegions.includes(to)) continue; // replication to an unreachable region lags; nothing lands
      const replica = replicaBackend(this.backend, from, to, this.ctx.instance);
      let target;
      try {
        target = pick(locate(replica, this.ctx.cwd, this.ctx.env));
      } catch {
        continue;
      }
      if (!target || resolve(target) === resolve(sourcePath)) continue;
      writeAtomic(target, text);
    }
  }

  currentLock() {
    const { lockPath, pidPath } = this.location;
    if (!lockPath || !existsSync(lockPath)) return undefined;
    let info;
    try {
      info = JSON.parse(readFileSync(lockPath, 'utf8'));
    } catch {
      info = {
        ID: '',
        Path: this.location.displayPath,
        Operation: '',
        Who: '',
        Version: '',
        Created: '',
        Info: '',
      };
    }
    // The local backend's real lock is an OS file lock, released when its process dies; a lock.info
    // written by a process that is gone is stale. Copies made by replication carry no holder and stay.
    if (pidPath && existsSync(pidPath)) {
      const pid = Number(readFileSync(pidPath, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
        rmSync(pidPath, { force: true });
        rmSync(lockPath, { force: true });
        return undefined;
      }
    }
    return info;
  }

  tryLock(info) {
    const { lockPath, pidPath } = this.location;
    const held = this.currentLock();
    if (held) return held;
    mkdirSync(dirname(lockPath), { recursive: true });
    const text = marshal({
      ID: info.ID,
      Operation: info.Operation,
      Info: info.Info,
      Who: info.Who,
      Version: info.Version,
      Created: info.Created,
      Path: info.Path,
    });
    try {
      // Readable by its owner only, as both binaries write it (0600).
      writeFileSync(lockPath, text, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if (err.code === 'EEXIST')
        return (
          this.currentLock() ?? {
            ID: '',
            Path: info.Path,
            Operation: '',
            Who: '',
            Version: '',
            Created: '',
            Info: '',
          }
        );
      throw err;
    }
    if (pidPath) writeFileSync(pidPath, String(process.pid));
    this.replicate(lockPath, text, (loc) => loc.lockPath);
    return undefined;
  }

  /**
   * Takes the lock, retrying like Terraform (1s, 2s, 4s ... 16s) until `timeoutMs` has passed.
   * `onSlow` is called once if it takes longer than 400ms ("Acquiring state lock...").
   */
  async lock(operation, timeoutMs, { onSlow, signal } = {}) {
    if (!this.location.lockPath) return;
    const created = goNow();
    const info = {
      ID: goUUID(),
      Operation: operation,
      Info: '',
      Who: who(),
      Version: this.ctx.version,
      Created: created.json,
      Path: this.location.displayPath,
    };
    const started = Date.now();
    const slowTimer = onSlow ? setTimeout(onSlow, 400) : undefined;
    let delay = 1000;
    try {
      for (;;) {
        const held = this.tryLock(info);
        if (!held) {
          this.lockInfo = info;
          return info;
        }
        const remaining = timeoutMs - (Date.now() - started);
        if (remaining <= 0 || signal?.aborted) {
          held.CreatedText = goTimeText(held.Created);
          throw new DiagError(
            lockErrorDiag(lockFailureMessage(this.location.lockStyle, this.location), held, this.ctx.product),
          );
        }
        await sleep(Math.min(delay, remaining));
        if (delay < 16000) delay *= 2;
      }
    } finally {
      if (slowTimer) clearTimeout(slowTimer);
    }
  }

  /** Releases the lock this store holds, then removes the state file `touch` created if it stayed empty. */
  unlock() {
    if (this.lockInfo) {
      const { lockPath, pidPath } = this.location;
      try {
        const held = JSON.parse(readFileSync(lockPath, 'utf8'));
        if (held.ID === this.lockInfo.ID) {
          rmSync(lockPath, { force: true });
          if (pidPath) rmSync(pidPath, { force: true });
        }
      } catch {
        /* already gone */
      }
      this.lockInfo = undefined;
    }
    if (this.createdEmpty && fileSize(this.location.statePath) === 0) rmSync(this.location.statePath);
    this.createdEmpty = false;
  }

  /** force-unlock: removes the lock when its ID matches. */
  forceUnlock(id) {
    const held = this.currentLock();
    if (!held) return { ok: false, reason: 'no lock' };
    if (held.ID !== id)
      return { ok: false, reason: `lock ID "${id}" does not match existing lock ID "${held.ID}"` };
    rmSync(this.location.lockPath, { force: true });
    if (this.location.pidPath) rmSync(this.location.pidPath, { force: true });
    return { ok: true };
  }
}

function newer(a, b) {
  const pa = a.split(/[.-]/).map((p) => Number(p));
  const pb = b.split(/[.-]/).map((p) => Number(p));
  for (let i = 0; i < 3; i++) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) > (pb[i] || 0);
  }
  return false;
}

export function fileSize(path) {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

export { copyFileSync };
