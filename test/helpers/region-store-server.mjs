// One region's state store for the tests: an S3-compatible server (s3rver) on 127.0.0.1, run as a child
// process of the test (test/helpers/state-stores.ts) so that stopping the process is a real outage: the
// port refuses connections. Started with --hang it accepts connections and never answers (a hung region).
//
// Two things S3 does that s3rver does not, added in front of it:
// - conditional writes: a PUT with `If-None-Match: *` fails with 412 when the object exists, which is how
//   OpenTofu's `use_lockfile` takes a lock; checked and written one request at a time per object, so two
//   writers can never both win;
// - cross-region replication, as S3 does it: every object written is copied to the replica store after the
//   write; deletions are not copied for lock objects (S3 copies no delete markers by default, so a lock
//   taken in the source region stays in the replica once released).
// The parent talks to it over the IPC channel: {type:'stats'} and {type:'settle'} (replication caught up).
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import { parseArgs } from 'node:util';
import S3rver from 's3rver';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    directory: { type: 'string' },
    bucket: { type: 'string', multiple: true, default: [] },
    // source-bucket=http://127.0.0.1:port/replica-bucket
    replicate: { type: 'string', multiple: true, default: [] },
    hang: { type: 'boolean', default: false },
  },
});

const stats = { connections: 0, requests: 0 };
const send = (message) => process.send?.(message);

if (options.hang) {
  const held = new Set();
  const server = net.createServer((socket) => {
    stats.connections++;
    held.add(socket);
    socket.on('close', () => held.delete(socket));
    socket.on('error', () => held.delete(socket));
  });
  server.listen(Number(options.port), '127.0.0.1', () =>
    send({ type: 'ready', port: server.address().port }),
  );
  process.on('message', (message) => {
    if (message.type === 'stats') send({ type: 'stats', ...stats });
    if (message.type === 'settle') send({ type: 'settled' });
  });
} else {
  const s3 = new S3rver({
    silent: true,
    directory: options.directory,
    configureBuckets: options.bucket.map((name) => ({ name })),
  });
  await s3.configureBuckets();
  const handle = s3.callback();

  const replicas = new Map(
    options.replicate.map((rule) => {
      const [source, target] = rule.split('=');
      return [source, target];
    }),
  );
  let replication = Promise.resolve();
  let pendingCopies = 0;
  const settleWaiters = [];
  const settled = () => {
    if (pendingCopies === 0) settleWaiters.splice(0).forEach((resolve) => resolve());
  };

  /** Copies one object (or its deletion) to the replica, retrying while the replica cannot be reached. */
  const replicate = (bucket, key, isDelete) => {
    const target = replicas.get(bucket);
    if (!target || (isDelete && key.endsWith('.tflock'))) return;
    pendingCopies++;
    replication = replication.then(async () => {
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          const url = `${target}/${key.split('/').map(encodeURIComponent).join('/')}`;
          if (isDelete) {
            await request(url, 'DELETE');
          } else {
            const object = await s3.store.getObject(bucket, key);
            if (!object) return; // deleted again since: nothing to copy
            const chunks = [];
            for await (const chunk of object.content) chunks.push(chunk);
            await request(url, 'PUT', Buffer.concat(chunks));
          }
          return;
        } catch {
          await sleep(200);
        }
      }
    });
    void replication.finally(() => {
      pendingCopies--;
      settled();
    });
  };

  // One conditional write at a time per object: the existence check and the write cannot interleave.
  const objectLocks = new Map();
  const withObjectLock = async (id, work) => {
    const previous = objectLocks.get(id) ?? Promise.resolve();
    let release;
    const current = new Promise((resolve) => (release = resolve));
    objectLocks.set(
      id,
      previous.then(() => current),
    );
    await previous;
    try {
      await work();
    } finally {
      release();
      if (objectLocks.get(id) === current) objectLocks.delete(id);
    }
  };

  const server = http.createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url, 'http://store');
    const [, bucket, ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const isWrite = (req.method === 'PUT' || req.method === 'DELETE') && key !== '';
    if (!isWrite) return handle(req, res);
    const finished = new Promise((resolve) => res.on('close', resolve));
    void withObjectLock(`${bucket}/${key}`, async () => {
      if (req.method === 'PUT' && req.headers['if-none-match'] === '*') {
        if (await s3.store.existsObject(bucket, key)) {
          req.resume();
          res.writeHead(412, { 'Content-Type': 'application/xml' });
          res.end(
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>' +
              '<Message>At least one of the pre-conditions you specified did not hold</Message>' +
              '<Condition>If-None-Match</Condition></Error>',
          );
          return;
        }
      }
      handle(req, res);
      await finished;
      if (res.statusCode < 300) replicate(bucket, key, req.method === 'DELETE');
    });
  });
  server.on('connection', () => stats.connections++);
  server.listen(Number(options.port), '127.0.0.1', () =>
    send({ type: 'ready', port: server.address().port }),
  );

  process.on('message', (message) => {
    if (message.type === 'stats') send({ type: 'stats', ...stats });
    if (message.type === 'settle') {
      settleWaiters.push(() => send({ type: 'settled' }));
      settled();
    }
  });
}

function request(url, method, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: body ? { 'Content-Length': body.length } : {} },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode < 300 ? resolve() : reject(new Error(`${method} ${url}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// The parent going away ends the store, whatever happened to the test.
process.on('disconnect', () => process.exit(0));
