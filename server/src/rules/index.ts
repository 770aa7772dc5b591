import type { Rule } from './rule';

/**
 * The registry of domain rules, in the order of the guide. Each rule lives in its own file named
 * after its id; the catalogue test checks that every rule has docs, examples and a test.
 */
export const RULES: readonly Rule[] = Object.freeze([]);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
