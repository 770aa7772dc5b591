/** Small text helpers for messages, hovers and templates (free of the engine, so the client can use them). */

/** "a, b and c"; with more than `max` items "a, b, … and 12 more". */
export function andList(items: readonly string[], max = Infinity): string {
  if (items.length > max && max >= 1) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The text with its first character in upper case. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
