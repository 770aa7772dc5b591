/** How a text is written as a YAML scalar (completion and templates). */

import type { Style } from './nodeAtOffset';

// YAML 1.2 core schema: plain scalars that would not be read as text
const YAML_NON_TEXT = /^(?:[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;

/** Whether a text must be quoted to read back as the same text in YAML. */
export function yamlNeedsQuotes(s: string, style: Style): boolean {
  return (
    s === '' ||
    YAML_NON_TEXT.test(s) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
    /\s$|:| #/.test(s) ||
    (style !== 'block' && /[,[\]{}]/.test(s))
  );
}

/**
 * A string as a YAML scalar: plain when that reads back as the same text, else double-quoted
 * (any colon is quoted, as the examples write the ciphersuite values).
 */
export function yamlScalar(s: string, style: Style): string {
  return yamlNeedsQuotes(s, style) ? JSON.stringify(s) : s;
}
