/** One Terraform (or any) command to run: an argument array, never a shell string. */
export interface ProcessRequest {
  executable: string;
  args: readonly string[];
  cwd: string;
  /** The whole environment of the child (not merged with Strata's own here; the caller decides). */
  env: Readonly<Record<string, string>>;
  /** Appends everything the process prints (stdout and stderr, in arrival order) to this file. */
  logFile: string;
  /**
   * Keep the whole stdout in memory and return it (for `show -json`, `output -json`, `version -json`). It then
   * goes neither to the log nor to the tail: such output holds sensitive values in clear text.
   */
  captureStdout?: boolean | undefined;
  /**
   * Hands stdout to this callback as it arrives (decoded as UTF-8), instead of keeping it: for machine-readable
   * output too large to hold. Like captured output, it goes neither to the log nor to the tail.
   */
  onStdout?: ((text: string) => void) | undefined;
  /** Cancels the process: SIGINT first so Terraform can release its state lock, SIGKILL after the grace period. */
  signal?: AbortSignal | undefined;
  /** Ends a command that runs longer than this (milliseconds) the same way as a cancellation. */
  timeoutMs?: number | undefined;
  /** How long to wait after SIGINT before SIGKILL (milliseconds). */
  graceMs?: number | undefined;
  /** Written to the child's stdin at its start; stdin is ended when `endWhen` settles (else it is closed). */
  stdin?: { text: string; endWhen: Promise<void> } | undefined;
}

export interface ProcessResult {
  /** Exit code, or null when the process was ended by a signal. */
  exitCode: number | null;
  /** The whole stdout when `captureStdout` was set; otherwise ''. */
  stdout: string;
  /** The last part of what was logged (at most 64 KiB), for error messages. */
  tail: string;
  /** The signal that ended the process, if any. */
  endSignal: string | null;
  cancelled: boolean;
  timedOut: boolean;
  /** Whether SIGKILL had to be sent because the grace period ran out. */
  killed: boolean;
  durationMs: number;
}

/** Runs processes. Never throws for a non-zero exit, a signal or a timeout: those are in the result. */
export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessResult>;
}
