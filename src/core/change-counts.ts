/** What a plan would do to an instance's resources, counted by action. */
export interface ChangeCounts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
}
