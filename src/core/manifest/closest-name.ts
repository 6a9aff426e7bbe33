import { itemAt } from '../lookup.js';

/** The candidate within a small edit distance of `value`, to suggest in "did you mean" hints. */
export function closestName(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    if (candidate === value) continue;
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The " (did you mean 'x'?)" a message ends with, or nothing when no candidate is close. */
export function suggest(value: string, candidates: Iterable<string>): string {
  const match = closestName(value, candidates);
  return match ? ` (did you mean '${match}'?)` : '';
}

function editDistance(a: string, b: string): number {
  // Rows of b.length + 1 distances, made at that length, so every index read is in range.
  let previous = Int32Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = new Int32Array(b.length + 1);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        itemAt(previous, j, 'distance') + 1,
        itemAt(current, j - 1, 'distance') + 1,
        itemAt(previous, j - 1, 'distance') + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return itemAt(previous, b.length, 'distance');
}
