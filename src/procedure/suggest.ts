/** Levenshtein distance (case-insensitive), to suggest the name an author probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      const same = a[i - 1].toLowerCase() === b[j - 1].toLowerCase();
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (same ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The words of a name, in order of the alphabet: "dateOfDeath" and "deathDate" → "date death". */
const words = (s: string): string =>
  s
    .split(/(?=[A-Z])|[-_\s]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w && w !== 'of')
    .sort()
    .join(' ');

/**
 * The candidate closest to `name` other than itself, if close enough to be a typo (else ''). The
 * same words in another order ("dateOfDeath" for "deathDate") win over a few letters' difference
 * ("placeOfDeath"): the author remembered the meaning, not the order.
 */
export function closest(name: string, candidates: Iterable<string>): string {
  let best = '';
  let bestDistance = Infinity;
  const mine = words(name);
  for (const c of candidates) {
    // The name itself is no suggestion ("did you mean "x"?" about "x").
    if (c === name) continue;
    if (words(c) === mine) return c;
    const d = distance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : '';
}
