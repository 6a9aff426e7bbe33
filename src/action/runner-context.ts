import { existsSync, readFileSync } from 'node:fs';

// What the runner gives the action besides its inputs: the event that started the workflow and the environment.

/** What the action needs to know of the event that started the workflow. */
export interface EventContext {
  eventName: string;
  repository: { owner: string; repo: string } | undefined;
  pullRequest: { number: number; isFork: boolean; headSha: string | undefined } | undefined;
  runUrl: string | undefined;
  /** The commit the job checked out (GITHUB_SHA): on a pull request, the merge of its head into the base. */
  commit: { sha: string; url: (sha: string) => string } | undefined;
  runnerOs: string;
}

function commitOf(
  sha: string | undefined,
  repository: string | undefined,
  server: string,
): EventContext['commit'] {
  if (!sha || !repository) return undefined;
  return { sha, url: (commit) => `${server}/${repository}/commit/${commit}` };
}

/** Reads the GITHUB_* variables and the event payload that GITHUB_EVENT_PATH names. */
export function readEventContext(): EventContext {
  const env = process.env;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let pullRequest: EventContext['pullRequest'];
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        number?: number;
        head?: { sha?: string; repo?: { full_name?: string } | null };
        base?: { repo?: { full_name?: string } | null };
      };
    };
    const number = payload.pull_request?.number;
    if (typeof number === 'number') {
      // From a fork when the head repository is not the base one (deleted: null). Not head.repo.fork: that is the
      // head repository's own flag, true for every pull request of a repository that is itself a fork.
      const head = payload.pull_request?.head?.repo;
      const base = payload.pull_request?.base?.repo?.full_name;
      const headSha = payload.pull_request?.head?.sha;
      pullRequest = {
        number,
        isFork: head === null || head?.full_name !== base,
        headSha: typeof headSha === 'string' ? headSha : undefined,
      };
    }
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repository: owner && repo ? { owner, repo } : undefined,
    pullRequest,
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    commit: commitOf(env.GITHUB_SHA, env.GITHUB_REPOSITORY, server),
    runnerOs: env.RUNNER_OS ?? 'Linux',
  };
}

/** The environment Terraform runs with: the runner's own (credentials, proxies, PATH). */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
