import type { ErrorObject } from 'ajv';
import schemaJson from '../../../schemas/landscape.schema.json';
import { validate as precompiled } from '../generated/landscapeValidator';
import type { LandscapeDocument } from './document';
import { DocEditor } from './edits';
import type { Finding, Fix, NodePath } from './types';

/** The landscape JSON schema (schemas/landscape.schema.json), as bundled. */
export const LANDSCAPE_SCHEMA: Record<string, unknown> = schemaJson as Record<string, unknown>;

/** A validate function as ajv makes it: returns validity, leaves the errors on itself. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The validator, precompiled from the schema at development time by `npm run generate`
 * (ajv standalone code, options allErrors + verbose): no schema compilation when the CLI or the
 * server starts, and none per keystroke. A test keeps it in sync with the schema.
 */
export function schemaValidator(): SchemaValidator {
  return precompiled as SchemaValidator;
}

/** How a value of a field should look, for the messages of pattern errors. */
const FORMAT_HINTS: Record<string, string> = {
  basis: '"<release> SP<n>" with a three-digit SAP_BASIS release, e.g. 731 SP19 or 750 SP07',
  'ST-PI': '"2008_1_7xx SP<n>" or "740 SP<n>", e.g. 2008_1_710 SP20 or 740 SP10',
  'ST-A/PI': '"01<letter>_<release> SP<n>", e.g. 01T_731 SP01',
  communicationUser: 'an S-user id: S followed by digits, e.g. S0023456789',
  backendUser: 'an S-user id: S followed by digits, e.g. S0023456789',
  managedBy: 'a SID: three characters A-Z/0-9 starting with a letter, e.g. SOL',
};
const ROLE_RELEASE_HINT = '"7.1", "7.1 SP14" or "7.2 SPS08" for SAP Solution Manager; "1.0" or "2.0" (optionally "2.0 FP01") for Focused Run';

/** Plain-language names of JSON types. */
const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys to values',
  null: 'nothing',
};

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `the text '${shown(v)}'`;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  return typeof v;
}

/** User text as a message quotes it: at most 60 characters (a 2 MB value stays out of the message). */
export function shown(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Own entries of a table only: a document key such as `toString` must not find Object.prototype's. */
function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Decodes an ajv instancePath into a node path, turning array indexes into numbers. */
export function pointerToPath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** Damerau-free Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

/** The closest candidate within a small edit distance (case-insensitive), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // a suggestion is for typos: long words (a pasted value, a key nested in keys) are not compared
  if (word.length > 64) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best !== undefined && bestD <= limit ? best : undefined;
}

function systemOf(path: NodePath): string | null {
  return path[0] === 'systems' && typeof path[1] === 'string' ? path[1] : null;
}

function where(path: NodePath): string {
  const sid = systemOf(path);
  if (path.length === 0) return 'at the top level';
  if (sid && path.length === 2) return `in system ${shown(sid)}`;
  const field = shown(path.filter((p) => typeof p === 'string').slice(sid ? 2 : 0).join('.'));
  return sid ? `in ${field} of system ${shown(sid)}` : `in ${field}`;
}

function lastKey(path: NodePath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** Keys the validator's deep equality (uniqueItems) calls as methods: a map with them as keys must not reach it. */
const METHOD_KEYS = new Set(['toString', 'valueOf', 'constructor']);
const MARK = '\u0000';

function withoutMethodKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMethodKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, METHOD_KEYS.has(k) ? MARK + k : k, { value: withoutMethodKeys((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const unmark = (s: string): string => s.split(MARK).join('');

/**
 * The schema errors of a value. A list of maps with a key such as `toString` makes the
 * validator's equality check call it: then the value is validated with those keys renamed, and
 * the errors are given back with the names as written.
 */
export function validationErrors(value: unknown): ErrorObject[] {
  const validate = schemaValidator();
  try {
    return validate(value) ? [] : [...(validate.errors ?? [])];
  } catch {
    if (validate(withoutMethodKeys(value))) return [];
    return (validate.errors ?? []).map((e) => ({
      ...e,
      instancePath: unmark(e.instancePath),
      params: Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? unmark(v) : v])),
      ...((e as ErrorObject & { propertyName?: string }).propertyName !== undefined ? { propertyName: unmark((e as ErrorObject & { propertyName: string }).propertyName) } : {}),
    }));
  }
}

/** Validates the document's value against the schema; findings sit on the most specific node. */
export function validateSchema(doc: LandscapeDocument, errorsOf: (value: unknown) => ErrorObject[] = validationErrors): Finding[] {
  if (doc.value === undefined || doc.yaml === undefined) return [];
  if (doc.value === null) {
    return doc.yaml.errors.length === 0
      ? [{
          ruleId: 'schema',
          severity: 'error',
          message: 'The landscape file is empty: start with `landscape: <name>` and a `systems:` map (type `landscape` and pick the snippet "Landscape: new file" for a skeleton)',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          system: null,
          data: { keyword: 'empty' },
        }]
      : [];
  }
  const errors = errorsOf(doc.value);
  if (!errors.length) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const err of errors) {
    if (err.keyword !== 'type' && err.keyword !== 'required' && err.keyword !== 'additionalProperties' && typeErrorAt.has(err.instancePath)) continue;
    const f = toFinding(doc, err);
    if (!f) continue;
    const key = `${f.range.start.line}:${f.range.start.character}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  return findings;
}

function toFinding(doc: LandscapeDocument, err: ErrorObject): Finding | undefined {
  const path = pointerToPath(err.instancePath, doc.value);
  const system = systemOf(path);
  const base = { ruleId: 'schema', severity: 'error' as const, system };
  const parentSchema = (err.parentSchema ?? {}) as Record<string, unknown>;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  switch (err.keyword) {
    case 'if':
    case 'propertyNames':
    case 'anyOf':
    case 'oneOf':
      // the inner errors carry the detail; anyOf/oneOf only when nothing more specific exists
      if (err.keyword === 'anyOf' || err.keyword === 'oneOf') break;
      return undefined;
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parentSchema.properties as Record<string, unknown>) ?? {});
      const suggestion = closest(key, known);
      const keyPath = [...path, key];
      const editor = new DocEditor(doc);
      const fixes: Fix[] = [];
      // a rename would collide when the right key is already there
      const present = doc.nodeAt([...path, suggestion ?? '']).pair !== undefined;
      if (suggestion && !present) fixes.push({ title: `Rename '${shown(key)}' to '${suggestion}'`, edits: editor.renameKey(keyPath, suggestion), isPreferred: true });
      fixes.push({ title: `Remove the unknown key '${shown(key)}'`, edits: editor.removeKey(keyPath) });
      return {
        ...base,
        message: `Unknown key '${shown(key)}' ${where(path)}${suggestion ? ` — did you mean '${suggestion}'?` : known.length ? `; allowed keys: ${known.join(', ')}` : ''}`,
        range: doc.rangeOfKey(keyPath) ?? doc.rangeFor(keyPath),
        data: { keyword: 'unknown-key', key, suggestion, path: keyPath },
        fixes: fixes.filter((f) => f.edits.length),
      };
    }
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      const sub = (parentSchema.properties as Record<string, Record<string, unknown>> | undefined)?.[missing];
      const allowed = Array.isArray(sub?.enum) ? ` (one of: ${(sub!.enum as unknown[]).join(', ')})` : '';
      return {
        ...base,
        message: `Missing required key '${missing}' ${where(path)}${allowed}`,
        range: doc.rangeFor(path),
        data: { keyword: 'required', key: missing, path },
      };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues ?? [];
      const suggestion = typeof err.data === 'string' ? closest(err.data, allowed.map(String)) : undefined;
      const field = lastKey(path) ?? 'value';
      const edits = suggestion ? new DocEditor(doc).setValue(path, suggestion) : [];
      return {
        ...base,
        message: `${capital(describeValue(err.data))} is not a valid ${field} ${where(path.slice(0, -1))}; expected one of: ${allowed.join(', ')}${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
        range: doc.rangeFor(path),
        data: { keyword: 'enum', allowed, suggestion, path },
        ...(edits.length ? { fixes: [{ title: `Change to '${suggestion}'`, edits, isPreferred: true }] } : {}),
      };
    }
    case 'pattern': {
      if (propertyName !== undefined) {
        const keyPath = [...path, propertyName];
        const container = lastKey(path);
        const message = container === 'systems'
          ? `'${shown(propertyName)}' is not a valid SAP system ID: three characters A-Z/0-9 starting with a letter, e.g. EDV`
          : container === 'communicationUsers'
            ? `'${shown(propertyName)}' is not a valid technical communication user: expected ${FORMAT_HINTS.communicationUser}`
            : `Key '${shown(propertyName)}' ${where(path)} has the wrong form${examplesOf(parentSchema)}`;
        return {
          ...base,
          system: container === 'systems' ? null : system,
          message,
          range: doc.rangeOfKey(keyPath) ?? doc.rangeFor(path),
          data: { keyword: 'key-pattern', key: propertyName, path: keyPath },
        };
      }
      const field = lastKey(path) ?? 'value';
      const parentField = lastKey(path.slice(0, -1));
      const hint = field === 'release' ? ROLE_RELEASE_HINT
        : own(FORMAT_HINTS, field) ?? (parentField === 'communicationUsers' ? FORMAT_HINTS.communicationUser : undefined);
      return {
        ...base,
        message: `${capital(describeValue(err.data))} is not a valid ${typeof path[path.length - 1] === 'number' ? `entry of ${field}` : field} ${where(path.slice(0, -1))}; expected ${hint ?? `the form ${String((err.params as { pattern: string }).pattern)}`}${hint ? '' : examplesOf(parentSchema)}`,
        range: doc.rangeFor(path),
        data: { keyword: 'pattern', path },
      };
    }
    case 'type': {
      const expected = String((err.params as { type: string }).type).split(',').map((t) => own(TYPE_NAMES, t) ?? t).join(' or ');
      const field = typeof path[path.length - 1] === 'number' ? `entry of ${lastKey(path) ?? 'the list'}` : lastKey(path) ?? 'the document';
      return {
        ...base,
        message: `Expected ${expected} for ${field} ${where(path.slice(0, -1))}, found ${describeValue(err.data)}${examplesOf(parentSchema)}`,
        range: doc.rangeFor(path),
        data: { keyword: 'type', path },
      };
    }
    case 'uniqueItems': {
      const { i, j } = err.params as { i: number; j: number };
      const itemPath = [...path, Math.max(i, j)];
      return {
        ...base,
        message: `${lastKey(path) ?? 'The list'} ${where(path.slice(0, -1))} lists ${describeValue((err.data as unknown[])[Math.max(i, j)])} twice (items ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1})`,
        range: doc.rangeFor(itemPath),
        data: { keyword: 'uniqueItems', path: itemPath },
      };
    }
    case 'false schema': {
      const key = lastKey(path) ?? 'key';
      const sys = system ? (doc.value as { systems?: Record<string, { role?: unknown }> }).systems?.[system] : undefined;
      const role = typeof sys?.role === 'string' ? sys.role : undefined;
      return {
        ...base,
        message: `'${key}' is not allowed ${role ? `for a system with role ${role}` : where(path.slice(0, -1))}${key === 'connection' ? ' (connection applies to role abap only)' : ''}; remove it`,
        range: doc.rangeOfKey(path) ?? doc.rangeFor(path),
        data: { keyword: 'not-allowed', key, path },
        fixes: [{ title: `Remove '${key}'`, edits: new DocEditor(doc).removeKey(path), isPreferred: true }].filter((f) => f.edits.length),
      };
    }
    default:
      break;
  }
  return {
    ...base,
    message: `${capital(lastKey(path) ?? 'The document')} ${where(path.slice(0, -1))} ${err.message ?? 'is invalid'}`,
    range: doc.rangeFor(path),
    data: { keyword: err.keyword, path },
  };
}

function examplesOf(schema: Record<string, unknown>): string {
  const ex = schema.examples;
  return Array.isArray(ex) && ex.length && typeof ex[0] !== 'object' ? `, e.g. ${String(ex[0])}` : '';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
