/**
 * The reason of an instance skipped because an upstream has no state yet (and no mock outputs stand in):
 * written by the engine, read back by the failover's preview, which defers such an instance when the failover
 * itself creates that upstream.
 */
export function upstreamWaitReason(upstream: string, advice: string): string {
  return `waits on upstream ${upstream}, which has not been applied yet (its state has no outputs): ${advice}`;
}

/**
 * The upstream an instance waits on: when `reason` is an `upstreamWaitReason`, or the engine's reason for an
 * instance it never started below one that was skipped (`upstream <id> skipped`), which waits in turn.
 */
export function waitedOnUpstream(reason: string | null): string | undefined {
  const text = reason ?? '';
  return (
    /^waits on upstream (\S+), which has not been applied yet/.exec(text)?.[1] ??
    /^upstream (\S+) skipped$/.exec(text)?.[1]
  );
}
