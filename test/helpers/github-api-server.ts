import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A stand-in for the GitHub REST API on 127.0.0.1: it keeps issue comments in memory (list, create, update)
 * and serves a pull request's changed files, recording every call. Like GITHUB_TOKEN, its token cannot say whose
 * it is (GET /user answers 403), and what it writes is github-actions[bot]'s.
 */
export class GitHubApiServer {
  readonly calls: RecordedCall[] = [];
  /** `author` defaults to github-actions[bot]: a test adds someone else's comment with another. */
  readonly comments: { id: number; issue: number; body: string; author?: string }[] = [];
  changedFiles: string[] = [];
  private server: Server | undefined;
  private nextId = 1;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        this.calls.push({ method: request.method ?? '', path: url.pathname, body });
        const reply = (status: number, data: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(data));
        };
        const onIssue = /\/issues\/(\d+)\/comments$/.exec(url.pathname);
        if (request.method === 'GET' && onIssue) {
          return reply(
            200,
            this.comments
              .filter((comment) => comment.issue === Number(onIssue[1]))
              .map(({ author, ...comment }) => ({
                ...comment,
                user: { login: author ?? 'github-actions[bot]' },
              })),
          );
        }
        if (request.method === 'POST' && onIssue) {
          const comment = {
            id: this.nextId++,
            issue: Number(onIssue[1]),
            body: (body as { body: string }).body,
          };
          this.comments.push(comment);
          return reply(201, comment);
        }
        const update = /\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (request.method === 'PATCH' && update) {
          const comment = this.comments.find((candidate) => candidate.id === Number(update[1]));
          if (!comment) return reply(404, { message: 'Not Found' });
          comment.body = (body as { body: string }).body;
          return reply(200, comment);
        }
        if (request.method === 'GET' && url.pathname === '/user') {
          return reply(403, { message: 'Resource not accessible by integration' });
        }
        if (request.method === 'GET' && /\/pulls\/\d+\/files$/.test(url.pathname)) {
          return reply(
            200,
            this.changedFiles.map((filename) => ({ filename, status: 'modified' })),
          );
        }
        return reply(404, { message: `no route for ${request.method} ${url.pathname}` });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}
