/** @module Edit distance between words, and the closest of a list to a mistyped one ("lsit" -> "list"). */

/** Levenshtein distance, two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Like editDistance, but swapping two neighbouring letters counts as one edit ("lsit" is one from "list"). */
export function typoDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidates a mistyped word probably meant, closest first: a few typos away (one per three letters,
 * at least one), or one containing the other. Case is ignored.
 */
export function closestWords(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = word.toLowerCase();
  const within = Math.max(1, Math.floor(wanted.length / 3));
  return [...candidates]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const distance = typoDistance(wanted, lower);
      const contains = wanted.length >= 3 && lower.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
      return { candidate, distance: distance <= within ? distance : contains ? within + 1 : Infinity };
    })
    .filter((c) => c.distance !== Infinity)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((c) => c.candidate);
}
