import { afterAll } from '@jest/globals';
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyOfEstate } from './estates.js';
import { runCli } from './run-dist.js';
import { scratchDir } from './scratch.js';
import { terraformEnv, type TerraformUnderTest } from './terraform-binary.js';

const SERVER = path.resolve('test/helpers/region-store-server.mjs');

/** The bucket of a region's store; Strata renders it from `{region}`. */
export const bucketOf = (region: string) => `tfstate-${region}`;

/** The s3 backend settings these stores need besides bucket, key, region and endpoint. */
const S3_SETTINGS = {
  use_lockfile: true,
  use_path_style: true,
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
} as const;

/** Backend settings as `init` takes them on its command line: one `-backend-config=NAME=VALUE` each. */
export function backendConfigFlags(settings: Record<string, string | boolean>): string[] {
  return Object.entries(settings).map(([name, value]) => `-backend-config=${name}=${String(value)}`);
}

interface Store {
  region: string;
  port: number;
  directory: string;
  process: ChildProcess | undefined;
  state: 'up' | 'down' | 'hung';
}

type Reply = { type: 'ready'; port: number } | { type: 'stats'; connections: number; requests: number };

/**
 * One S3-compatible state store per region (test/helpers/region-store-server.mjs), each its own process on
 * 127.0.0.1, with the global region's store replicated into its replica region as S3 replication does it.
 * `stop(region)` is an outage (connection refused), `hang(region)` a store that accepts and never answers.
 * Started in a file's beforeAll; `close()` in its afterAll (the stores also end when the test process does).
 */
export class StateStores {
  private readonly stores = new Map<string, Store>();

  private constructor(
    private readonly replicas: Record<string, string>,
    private readonly root: string,
  ) {}

  /**
   * Starts a store per region, empty, or holding what `from` holds (copied: the two never share data). Copy
   * from stores that are idle (settled, no Terraform running), as a stage of a story leaves them.
   */
  static async start(
    regions: string[],
    replicas: Record<string, string> = {},
    from?: StateStores,
  ): Promise<StateStores> {
    const root = scratchDir('strata-state-stores-');
    if (from) cpSync(from.root, root, { recursive: true });
    const stores = new StateStores(replicas, root);
    for (const region of regions) {
      stores.stores.set(region, {
        region,
        port: 0,
        directory: path.join(root, region),
        process: undefined,
        state: 'down',
      });
    }
    // Replicas first: a source store needs its replica's port.
    const order = [...regions].sort((a, b) => Number(a in replicas) - Number(b in replicas));
    for (const region of order) await stores.start(region);
    return stores;
  }

  endpoint(region: string): string {
    return `http://127.0.0.1:${this.store(region).port}`;
  }

  /**
   * The manifest's `backend:` block for these stores: region-keyed buckets, S3-native locking, and each
   * region's endpoint in `region_config`. Credentials come from the environment (`credentials()`).
   */
  backendYaml(globalRegion: string): string {
    const lines = [
      'backend:',
      '  type: s3',
      '  config:',
      "    bucket: 'tfstate-{region}'",
      "    key: '{id}.tfstate'",
      "    region: '{region}'",
      ...Object.entries(S3_SETTINGS).map(([name, value]) => `    ${name}: ${String(value)}`),
      '  region_config:',
      ...[...this.stores.keys()].map(
        (region) => `    ${region}: { endpoints: '{ s3 = "${this.endpoint(region)}" }' }`,
      ),
      `  global_region: ${globalRegion}`,
    ];
    const replicas = Object.entries(this.replicas);
    if (replicas.length > 0) {
      lines.push('  replicas:', ...replicas.map(([source, replica]) => `    ${source}: ${replica}`));
    }
    return `${lines.join('\n')}\n`;
  }

  /**
   * The s3 backend settings of one state, `key` in `region`'s store, for a root that Strata's manifest does
   * not render (a legacy root, its migration file): the manifest's settings with this store's endpoint.
   */
  backendOf(region: string, key: string): Record<string, string | boolean> {
    return {
      bucket: bucketOf(region),
      key,
      region,
      ...S3_SETTINGS,
      endpoints: `{ s3 = "${this.endpoint(region)}" }`,
    };
  }

  /** What OpenTofu's s3 backend needs in its environment to talk to these stores. */
  static credentials(): Record<string, string> {
    return {
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
  }

  /** An object as the store keeps it on disk, or undefined. */
  readObject(region: string, key: string): string | undefined {
    const file = path.join(this.store(region).directory, bucketOf(region), `${key}._S3rver_object`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  }

  /**
   * Writes an object through the region's store, as any client would (no replication into this region
   * writes it): a stale or foreign copy in a replica, as broken replication leaves one.
   */
  async putObject(region: string, key: string, body: string): Promise<void> {
    const response = await fetch(`${this.endpoint(region)}/${bucketOf(region)}/${key}`, {
      method: 'PUT',
      body,
    });
    if (!response.ok) throw new Error(`PUT ${key} into the store of ${region}: ${response.status}`);
  }

  /** Connections the region's store (or its hung stand-in) accepted since it was last started. */
  async connections(region: string): Promise<number> {
    const reply = await this.ask(region, { type: 'stats' }, 'stats');
    return reply.type === 'stats' ? reply.connections : 0;
  }

  /** Waits until every object written so far has been replicated. */
  async settle(): Promise<void> {
    for (const source of Object.keys(this.replicas)) {
      if (this.store(source).state === 'up') await this.ask(source, { type: 'settle' }, 'settled');
    }
  }

  /** A region outage: the store's process ends, and its port refuses connections. */
  async stop(region: string): Promise<void> {
    const store = this.store(region);
    await endProcess(store.process);
    store.process = undefined;
    store.state = 'down';
  }

  /** The store comes back with the data it had. */
  async restart(region: string): Promise<void> {
    await this.stop(region);
    await this.start(region);
  }

  /** A hung region: something listens on the store's port, accepts every connection, and never answers. */
  async hang(region: string): Promise<void> {
    await this.stop(region);
    await this.start(region, true);
  }

  async close(): Promise<void> {
    await Promise.all([...this.stores.values()].map((store) => endProcess(store.process)));
  }

  private store(region: string): Store {
    const store = this.stores.get(region);
    if (!store) throw new Error(`no state store for region ${region}`);
    return store;
  }

  private async start(region: string, hung = false): Promise<void> {
    const store = this.store(region);
    const replica = this.replicas[region];
    const args = [
      '--port',
      String(store.port),
      '--directory',
      store.directory,
      '--bucket',
      bucketOf(region),
      ...(replica
        ? ['--replicate', `${bucketOf(region)}=${this.endpoint(replica)}/${bucketOf(replica)}`]
        : []),
      ...(hung ? ['--hang'] : []),
    ];
    const child = fork(SERVER, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<Reply>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Reply));
      child.once('exit', (code) =>
        reject(new Error(`the state store of ${region} exited (${code}) on start`)),
      );
    });
    if (ready.type !== 'ready') throw new Error(`the state store of ${region} did not start`);
    store.port = ready.port;
    store.process = child;
    store.state = hung ? 'hung' : 'up';
  }

  private ask(region: string, message: { type: string }, answer: string): Promise<Reply> {
    const child = this.store(region).process;
    if (!child) return Promise.reject(new Error(`the state store of ${region} is not running`));
    return new Promise((resolve) => {
      const listen = (reply: unknown) => {
        if ((reply as { type: string }).type !== answer) return;
        child.off('message', listen);
        resolve(reply as Reply);
      };
      child.on('message', listen);
      child.send(message);
    });
  }
}

async function endProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * examples/multi-region copied into a scratch folder with its state in `stores`: the manifest's local backend
 * replaced by the stores' s3 backend, and each layer's `backend "local" {}` by `backend "s3" {}`.
 */
export function exampleEstateOn(stores: StateStores): string {
  const estate = scratchDir('strata-s3-estate-');
  cpSync('examples/multi-region', estate, {
    recursive: true,
    filter: (source) => !/[\\/](state|\.strata)$/.test(source),
  });
  pointAt(estate, stores);
  for (const file of readdirSync(path.join(estate, 'terraform'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.tf')) continue;
    const code = path.join(estate, 'terraform', file);
    writeFileSync(code, readFileSync(code, 'utf8').replace('backend "local" {}', 'backend "s3" {}'));
  }
  return estate;
}

/** A manifest's text with its `backend:` block replaced by the one for `stores`. */
export function withBackendOf(manifest: string, stores: StateStores): string {
  const backend = /^backend:\n(?: .*\n|\n)*/m;
  if (!backend.test(manifest)) throw new Error('the manifest has no backend block to replace');
  return manifest.replace(backend, stores.backendYaml('eu-west-2'));
}

/** Points the manifest of `estate` (an example estate, on these or other stores) at `stores`. */
export function pointAt(estate: string, stores: StateStores): void {
  const manifest = path.join(estate, 'layers.yml');
  writeFileSync(manifest, withBackendOf(readFileSync(manifest, 'utf8'), stores));
}

/**
 * The dist CLI on an estate whose state is in StateStores: its `layers.yml`, `terraform` (read when a command
 * runs, so a suite skipped for want of a binary can still build it), the stores' credentials, and `env`.
 */
export function cliOnStores(terraform: TerraformUnderTest | undefined, env: Record<string, string> = {}) {
  return (estate: string, args: string[]) =>
    runCli([...args, '--manifest', 'layers.yml'], {
      cwd: estate,
      env: { ...terraformEnv(terraform!), ...StateStores.credentials(), ...env },
    });
}

/** An estate and the stores that hold its state. */
export interface EstateOnStores {
  estate: string;
  stores: StateStores;
}

/**
 * The stores of one test file: `start` starts a set (empty, or a copy of `from`), `copyOf` copies an estate
 * built on stores (a stage) onto a copy of them, for one case to change; every set started is closed in the
 * file's afterAll.
 */
export function storesOfFile(regions: string[], replicas: Record<string, string>) {
  const started: StateStores[] = [];
  afterAll(() => Promise.all(started.map((stores) => stores.close())));
  const start = async (from?: StateStores) => {
    const stores = await StateStores.start(regions, replicas, from);
    started.push(stores);
    return stores;
  };
  const copyOf = async (built: EstateOnStores): Promise<EstateOnStores> => {
    const stores = await start(built.stores);
    const estate = copyOfEstate(built.estate, 'strata-s3-estate-');
    pointAt(estate, stores);
    return { estate, stores };
  };
  return { start, copyOf };
}
