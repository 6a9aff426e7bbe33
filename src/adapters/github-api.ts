import { getOctokit } from '@actions/github';

/** GitHub's pulls.listFiles lists at most 3,000 files of a pull request; past that the list is cut short. */
export const MAX_LISTED_PULL_REQUEST_FILES = 3000;

/** Whom a sticky comment is taken from when the token cannot say who it is (GITHUB_TOKEN, an App's token). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** A pull request's changed files, and whether GitHub listed them all. */
export interface ChangedFileList {
  /** Paths relative to the repository root; a renamed file's old and new paths. */
  files: string[];
  /** False when the pull request changes more files than GitHub lists (MAX_LISTED_PULL_REQUEST_FILES). */
  isComplete: boolean;
}

/** The GitHub REST calls Strata makes, behind an interface so the entry can pass a fake or a real one. */
export interface GitHubApi {
  /**
   * Updates the comment that contains `marker` and that this token's user wrote, or creates it: one sticky
   * comment, never one per push, and never someone else's comment that merely quotes the marker.
   */
  upsertComment(issueNumber: number, marker: string, body: string): Promise<'created' | 'updated'>;
  /** Paths changed by a pull request, relative to the repository root. */
  changedFiles(pullNumber: number): Promise<ChangedFileList>;
}

export function createGitHubApi(token: string, repository: { owner: string; repo: string }): GitHubApi {
  // The base URL comes from GITHUB_API_URL (GitHub Enterprise, and the tests' local server).
  const octokit = getOctokit(token);
  let author: Promise<string> | undefined;
  // A personal token can say whose it is; GITHUB_TOKEN cannot (403), and comments with it are the Actions bot's.
  const ownLogin = () =>
    (author ??= octokit.rest.users.getAuthenticated().then(
      (response) => response.data.login,
      () => ACTIONS_BOT_LOGIN,
    ));
  return {
    async upsertComment(issueNumber, marker, body) {
      const [comments, login] = await Promise.all([
        octokit.paginate(octokit.rest.issues.listComments, {
          ...repository,
          issue_number: issueNumber,
          per_page: 100,
        }),
        ownLogin(),
      ]);
      const previous = comments.find(
        (comment) => comment.user?.login === login && comment.body?.includes(marker),
      );
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
      return {
        // A renamed file changes both places.
        files: files.flatMap((file) =>
          file.previous_filename ? [file.filename, file.previous_filename] : [file.filename],
        ),
        isComplete: files.length < MAX_LISTED_PULL_REQUEST_FILES,
      };
    },
  };
}
