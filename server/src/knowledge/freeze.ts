/**
 * Recursively freezes a value so the knowledge tables are read-only at run time as well as
 * at compile time (`readonly` types only protect callers that respect the types).
 *
 * @param value a plain object or array literal
 * @returns the same value, frozen in place
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
