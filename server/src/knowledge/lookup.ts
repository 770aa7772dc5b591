/**
 * Prototype-safe lookups by a name that comes from a landscape file.
 *
 * The knowledge tables keyed by name are frozen plain objects (their typing documents the keys),
 * and the landscape model keeps plain records too. `TABLE[name]` or `name in TABLE` with a name
 * typed by the user also finds what every object inherits: `TABLE['toString']` is a function,
 * `'constructor' in TABLE` is true, `TABLE['__proto__']` is `Object.prototype`. Every lookup by a
 * SID, note, task list, transaction, parameter, component, destination, certificate or user name,
 * or a word under the cursor, goes through {@link lookup} / {@link hasEntry}, which only see the
 * table's own entries.
 */

/** Any object keyed by text: a knowledge table or a record of the landscape model. */
export type Table<V> = { readonly [key: string]: V } | Readonly<Partial<Record<string, V>>>;

/**
 * The table's own entry for a key, never an inherited property.
 * @param table a knowledge table or a plain record
 * @param key a name from the document (anything; non-strings never match a text key)
 * @returns the entry, or undefined when the table has no own entry of that name
 */
export function lookup<V>(table: Table<V> | undefined | null, key: unknown): V | undefined {
  if (table === undefined || table === null) return undefined;
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  return Object.hasOwn(table, key) ? (table as Record<string, V>)[key] : undefined;
}

/**
 * Whether the table has an own entry of that name; narrows the key to the table's key type.
 * @param table a knowledge table or a plain record
 * @param key a name from the document
 */
export function hasEntry<K extends string>(table: { readonly [P in K]?: unknown }, key: unknown): key is K {
  return (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(table, key);
}
