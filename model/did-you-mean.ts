/**
 * "Did you mean …?" suggestions for misspelt names (config keys, vocabulary values).
 *
 * Distance is the optimal-string-alignment variant of Damerau–Levenshtein: insertions, deletions, substitutions and
 * transpositions of two adjacent characters each cost 1, so the common typos (`retnetion.ms`, `retention.msx`) are one
 * edit away. Letter case is ignored when measuring, so `Delete` finds `delete`.
 */

/**
 * Most edits a suggestion may be away from the input: 2, or a third of the input's length for longer inputs.
 *
 * Two edits catch nearly all single typos in short names; a third of the length lets long dotted keys
 * (`message.timestamp.difference.max.ms`) absorb a dropped prefix without suggesting unrelated names for short ones.
 */
const MIN_SUGGESTION_DISTANCE = 2;
const SUGGESTION_DISTANCE_PER_CHAR = 1 / 3;

/**
 * The candidate closest to `input`, or `undefined` when none is close enough.
 *
 * Ties go to the candidate with the smaller case-sensitive distance, then to the alphabetically first (by code
 * unit), so the answer never depends on the order of `candidates`.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(MIN_SUGGESTION_DISTANCE, Math.floor(input.length * SUGGESTION_DISTANCE_PER_CHAR));
  const folded = input.toLowerCase();
  let best: { readonly candidate: string; readonly distance: number; readonly exactDistance: number } | undefined;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - input.length) > limit) continue;
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance > limit) continue;
    if (best !== undefined && distance > best.distance) continue;
    const exactDistance = editDistance(input, candidate);
    if (
      best === undefined ||
      distance < best.distance ||
      exactDistance < best.exactDistance ||
      (exactDistance === best.exactDistance && candidate < best.candidate)
    ) {
      best = { candidate, distance, exactDistance };
    }
  }
  return best?.candidate;
}

/** Optimal-string-alignment distance between `a` and `b` (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the one before the previous (for transpositions), the previous and the current.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
