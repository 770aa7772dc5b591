import type { Rule } from './rule';

/** Rules of this group, in the order of the guide. */
export const LANDSCAPE_RULES: readonly Rule[] = Object.freeze([]);
