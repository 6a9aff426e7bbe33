import { getOctokit } from '@actions/github';

/** The GitHub REST calls Strata makes, behind an interface so the entry can pass a fake or a real one. */
export interface GitHubApi {
  /** Updates the comment that contains `marker`, or creates it: one sticky comment, never one per push. */
  upsertComment(issueNumber: number, marker: string, body: string): Promise<'created' | 'updated'>;
  /** Paths changed by a pull request, relative to the repository root. */
  changedFiles(pullNumber: number): Promise<string[]>;
}

export function createGitHubApi(token: string, repository: { owner: string; repo: string }): GitHubApi {
  // The base URL comes from GITHUB_API_URL (GitHub Enterprise, and the tests' local server).
  const octokit = getOctokit(token);
  return {
    async upsertComment(issueNumber, marker, body) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repository,
        issue_number: issueNumber,
        per_page: 100,
      });
      const previous = comments.find((comment) => comment.body?.includes(marker));
      if (previous) {
        await octokit.rest.issues.updateComment({ ...repository, comment_id: previous.id, body });
        return 'updated';
      }
      await octokit.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
      return 'created';
    },
    async changedFiles(pullNumber) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...repository,
        pull_number: pullNumber,
        per_page: 100,
      });
      // A renamed file changes both places.
      return files.flatMap((file) =>
        file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
      );
    },
  };
}
