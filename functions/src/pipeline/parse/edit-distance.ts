/**
 * Levenshtein distance with a ceiling: returns `limit + 1` as soon as the distance is known to
 * exceed `limit`, so comparing one label against a whole dictionary stays cheap.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  const distance = previous[b.length] ?? limit + 1;
  return distance > limit ? limit + 1 : distance;
}

/**
 * How many edits a comparison form of this length may contain and still count as the same
 * words misread: none for short words (where one letter changes the meaning), then about one
 * per eight characters, at most three.
 */
export function editAllowance(length: number): number {
  if (length < 6) return 0;
  if (length < 12) return 1;
  if (length < 20) return 2;
  return 3;
}
