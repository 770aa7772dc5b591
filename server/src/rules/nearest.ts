/**
 * "Did you mean" over many candidates: the same answer as `closest(word, candidates)` of
 * core/schema (the candidate with the smallest case-insensitive edit distance, the first one in
 * candidate order on a tie, and only within the small limit closest allows), without comparing the
 * word with every candidate. Rules that suggest a SID or a user for each of thousands of findings
 * build one index per check instead of scanning all systems or users per finding.
 *
 * The candidates (lower-cased) go into a trie; a query walks it with one row of the edit distance
 * table per node and visits nodes in the order of the row's minimum, a lower bound for every
 * candidate below the node, so it only looks at prefixes within the limit of the word.
 */

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Indexes (in candidate order) of the candidates that end here. */
  terminal?: number[];
}

interface Pending {
  node: TrieNode;
  row: Int32Array;
}

/** Words longer than this get no suggestion (as in closest: a pasted value is not a typo). */
const MAX_WORD_LENGTH = 64;

export class NearestIndex {
  private readonly root: TrieNode = { children: new Map() };

  constructor(private readonly candidates: readonly string[]) {
    candidates.forEach((c, i) => {
      const lower = c.toLowerCase();
      let node = this.root;
      // UTF-16 code units, as the edit distance of closest counts them
      for (let k = 0; k < lower.length; k++) {
        const ch = lower[k];
        let next = node.children.get(ch);
        if (!next) {
          next = { children: new Map() };
          node.children.set(ch, next);
        }
        node = next;
      }
      (node.terminal ??= []).push(i);
    });
  }

  /**
   * closest(word, candidates.filter((c) => !exclude(c))): the nearest candidate within the limit
   * of closest (1 to 3 edits, by the word's length), the first one in candidate order on a tie.
   */
  closest(word: string, exclude?: (candidate: string) => boolean): string | undefined {
    if (word.length > MAX_WORD_LENGTH) return undefined;
    const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
    const w = word.toLowerCase();
    const m = w.length;
    let bestD = limit;
    let bestI = Number.POSITIVE_INFINITY;
    const buckets: Pending[][] = Array.from({ length: limit + 1 }, () => []);
    const first = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) first[j] = j;
    buckets[0].push({ node: this.root, row: first });
    // a child's row minimum is never below its parent's: buckets are visited in increasing order
    for (let b = 0; b <= bestD; b++) {
      const bucket = buckets[b];
      for (let k = 0; k < bucket.length; k++) {
        const { node, row } = bucket[k];
        if (node.terminal) {
          const d = row[m];
          if (d <= bestD) {
            const idx = node.terminal.find((i) => !exclude?.(this.candidates[i]));
            if (idx !== undefined && (d < bestD || idx < bestI)) {
              bestD = d;
              bestI = idx;
            }
          }
        }
        for (const [ch, child] of node.children) {
          const next = new Int32Array(m + 1);
          next[0] = row[0] + 1;
          let min = next[0];
          for (let j = 1; j <= m; j++) {
            const v = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (w[j - 1] === ch ? 0 : 1));
            next[j] = v;
            if (v < min) min = v;
          }
          if (min <= bestD) buckets[min].push({ node: child, row: next });
        }
      }
      bucket.length = 0;
    }
    return bestI === Number.POSITIVE_INFINITY ? undefined : this.candidates[bestI];
  }
}
