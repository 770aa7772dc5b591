import { CONNECTIVITY_RULES } from './group-connectivity';
import { LANDSCAPE_RULES } from './group-landscape';
import { NOTE_ASSISTANT_RULES } from './group-note-assistant';
import { SOFTWARE_RULES } from './group-software';
import type { Rule } from './rule';

/**
 * The registry of domain rules, in the order of the guide. Each rule lives in its own file named
 * after its id; the catalogue test checks that every rule has docs, examples and a test.
 */
export const RULES: readonly Rule[] = Object.freeze([...SOFTWARE_RULES, ...NOTE_ASSISTANT_RULES, ...CONNECTIVITY_RULES, ...LANDSCAPE_RULES]);

