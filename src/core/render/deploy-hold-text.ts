/** What releasing a deploy hold did, in one line for the terminal and the job summary. */
export function describeRelease(
  region: string,
  released: { mode?: string | undefined; from: string; to: string; at: string } | null,
): string {
  if (released === null) return `${region} held no pending failover: nothing to release.`;
  return `Released the hold of the ${released.mode ?? 'failover'} from ${released.from} to ${released.to} (held since ${released.at}): normal applies run again.`;
}
