/**
 * "Did you mean" over many candidates: the same answer as `closest(word, candidates)` of
 * core/schema (the candidate with the smallest case-insensitive edit distance, the first one in
 * candidate order on a tie, and only within the small limit closest allows), without comparing the
 * word with every candidate. Rules that suggest a SID or a user for each of thousands of findings
 * build one index per check instead of scanning all systems or users per finding.
 *
 * The candidates (lower-cased) go into a trie; a query walks it with one row of the edit distance
 * table per node, first allowing no edit, then one, two, three: the row's minimum is a lower bound
 * for every candidate below the node, so a pass only looks at prefixes within its bound.
 */

interface TrieNode {
  /** Children by UTF-16 code unit. */
  readonly children: Map<number, TrieNode>;
  /** Indexes (in candidate order) of the candidates that end here. */
  terminal?: number[];
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
        const ch = lower.charCodeAt(k);
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
    // one row of the edit distance table per depth, reused: a node's row minimum is a lower bound
    // for every candidate below it, and it exceeds the bound before the depth exceeds m + bound
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    let best = -1;
    let bound = 0;
    const visit = (node: TrieNode, depth: number): void => {
      const row = rows[depth];
      if (node.terminal && row[m] <= bound) {
        for (const i of node.terminal) {
          if (best >= 0 && i >= best) break;
          if (!exclude?.(this.candidates[i])) {
            best = i;
            break;
          }
        }
      }
      const next = (rows[depth + 1] ??= new Int32Array(m + 1));
      for (const [ch, child] of node.children) {
        next[0] = row[0] + 1;
        let min = next[0];
        for (let j = 1; j <= m; j++) {
          const v = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (w.charCodeAt(j - 1) === ch ? 0 : 1));
          next[j] = v;
          if (v < min) min = v;
        }
        if (min <= bound) visit(child, depth + 1);
      }
    };
    // the smallest distance first: a candidate found within bound b was not within b - 1, so all
    // candidates found in that pass are at distance b and the first in candidate order wins
    for (; bound <= limit && best < 0; bound++) visit(this.root, 0);
    return best < 0 ? undefined : this.candidates[best];
  }
}
