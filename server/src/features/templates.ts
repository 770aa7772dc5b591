/**
 * Templates of landscape entries: a new file, each kind of system, a track, a communication user.
 * Each is defined once as a tree and written as YAML or JSON, as snippet text (VS Code snippet
 * syntax: tab stops, placeholders, choices) or as plain text with the default values. The facts
 * in them (note numbers, task lists, ciphersuite, root CAs, PSEs, destinations) come from the
 * knowledge tables; as inserted, every template passes every rule of the guide
 * (test/features/snippets.test.ts lints them).
 *
 * Where they are offered (issue 14): by the server's completion only where they belong — the new
 * file in a file without content, the entry templates as a key of `systems`, `tracks` or
 * `communicationUsers`, never at a key position inside a system. (VS Code's snippet provider offers
 * contributed snippets at every position, so they are not contributed; snippets/landscape-*.json,
 * written from here by `npm run docs`, holds them for other editors and for Create Landscape File.)
 */
import {
  CIPHERSUITE_VALUES,
  COMMUNICATION_USER_NOTES,
  DIGITAL_SIGNATURE_NOTES,
  newDestination,
  requiredPsesFor,
  ROOT_CA_CERTIFICATES,
  SDCCN_PROCEDURE,
  SOLMAN_RECOMMENDED_TARGET,
  SOLMAN_SETUP_RFC_CONNECTIVITY,
  SPAM_MIN_VERSION_FOR_TCI,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  TASK_LIST_OSS_COMM,
  TASK_LIST_SUPPORT_HUB,
} from '../knowledge';
import type { SystemRole } from '../knowledge';
import { andList, capitalize } from '../core/text';
import type { Style } from './nodeAtOffset';
import { yamlNeedsQuotes } from './yamlScalar';

// ------------------------------------------------------------------------------- the tree

/** A scalar; with `stop`, a tab stop whose placeholder is the value (or, `mirror`, a copy of an earlier one). */
interface Scalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean;
  readonly stop?: number;
  readonly mirror?: boolean;
  /** A choice tab stop: the first is the default. */
  readonly choices?: readonly string[];
}

/** How a collection is written: `block` on lines of its own, `flow` on one line, `json-flow` on one line in JSON only. */
type Layout = 'block' | 'flow' | 'json-flow';

interface ListNode {
  readonly kind: 'list';
  readonly items: readonly Node[];
  readonly layout: Layout;
  /** An empty list that is a tab stop (`[$6]`). */
  readonly stop?: number;
}

interface MapNode {
  readonly kind: 'map';
  readonly entries: readonly Entry[];
  readonly layout: Layout;
}

type Node = Scalar | ListNode | MapNode;

interface Entry {
  readonly key: string | Scalar;
  readonly value: Node;
  /** YAML only: a comment after the key (a collection) or after the value. */
  readonly comment?: string;
  /** YAML only: a comment line above the entry. */
  readonly above?: string;
}

const lit = (value: string | number | boolean): Scalar => ({ kind: 'scalar', value });
const stop = (n: number, value: string | number): Scalar => ({ kind: 'scalar', value, stop: n });
const same = (of: Scalar): Scalar => ({ kind: 'scalar', value: of.value, stop: of.stop, mirror: true });
const choice = (n: number, values: readonly string[]): Scalar => ({ kind: 'scalar', value: values[0], stop: n, choices: values });
const list = (items: readonly (Node | string | number)[], layout: Layout = 'flow'): ListNode => ({ kind: 'list', items: items.map(node), layout });
const emptyList = (n: number): ListNode => ({ kind: 'list', items: [], layout: 'flow', stop: n });
const map = (entries: readonly Entry[], layout: Layout = 'block'): MapNode => ({ kind: 'map', entries, layout });
const entry = (key: string | Scalar, value: Node | string | number | boolean, more: { comment?: string; above?: string } = {}): Entry => ({ key, value: node(value), ...more });

function node(v: Node | string | number | boolean): Node {
  return typeof v === 'object' ? v : lit(v);
}

// --------------------------------------------------------------------------- the templates

/** Where an entry template belongs: the top-level map whose key it is. */
export type TemplateHome = 'systems' | 'tracks' | 'communicationUsers';

export interface EntryTemplate {
  /** The snippet's name (as the static snippets were called). */
  readonly name: string;
  /** What the user types to pick it. */
  readonly prefix: string;
  readonly description: string;
  readonly home: TemplateHome;
  readonly entry: Entry;
}

const DIGITAL_SIGNATURE_HINT =
  `below the digital-signature level of guide 2.1.4.2 add ${andList(DIGITAL_SIGNATURE_NOTES.tciEnabled.map(String))} if SNOTE is TCI-enabled, ` +
  `else ${andList(DIGITAL_SIGNATURE_NOTES.notTciEnabled.map(String))}`;

const RECOMMENDED_CIPHERSUITE = CIPHERSUITE_VALUES[0];
/** A release of the guide's tables at which the direct-connectivity template passes every rule. */
const ABAP_DEFAULTS = Object.freeze({ basis: '750 SP12', stPi: '740 SP10', stApi: '01T_731 SP01' });

const noteAssistant = (): Entry =>
  entry('noteAssistant', map([entry('enabled', true), entry('download', 'download-service'), entry('trustAnchors', true)], 'json-flow'));

const tlsEntries = (role: SystemRole): Entry[] => [
  entry('profile', map([entry(SSL_CLIENT_CIPHERSUITES_PARAMETER, RECOMMENDED_CIPHERSUITE.value)])),
  entry('certificates', map(requiredPsesFor(role).map((pse) => entry(pse.key, list([...ROOT_CA_CERTIFICATES], 'block'))))),
];

/** The notes every connected system of the templates records: the ciphersuite's (and the task list's). */
const tlsNotes = (): number[] => [...RECOMMENDED_CIPHERSUITE.requiresNotes];

/**
 * An ABAP system with direct connectivity (guide §4); its tab stops start at `first`. `user` is
 * the communication user's tab stop (or a copy of it); the destinations repeat it.
 */
function directAbap(sid: Scalar, user: Scalar, first: number): Entry {
  const destinations = SDCCN_PROCEDURE.taskDestinations.map((name) => {
    const type = newDestination(name)?.type;
    if (!type) throw new Error(`destination ${name} of the SDCCN procedure has no type in the knowledge table`);
    return entry(name, map([entry('type', type), entry('user', same(user))], 'flow'));
  });
  return entry(sid, map([
    entry('role', 'abap'),
    entry('description', stop(first, 'ERP development')),
    entry('connection', 'direct'),
    entry('basis', stop(first + 1, ABAP_DEFAULTS.basis)),
    entry('components', map([entry('ST-PI', stop(first + 2, ABAP_DEFAULTS.stPi)), entry('ST-A/PI', stop(first + 3, ABAP_DEFAULTS.stApi))])),
    entry('spam', stop(first + 4, SPAM_MIN_VERSION_FOR_TCI)),
    noteAssistant(),
    entry('notes', list([TASK_LIST_OSS_COMM.note!, ...tlsNotes()]), { above: DIGITAL_SIGNATURE_HINT }),
    entry('taskLists', list([TASK_LIST_OSS_COMM.name])),
    entry('communicationUser', user),
    ...tlsEntries('abap'),
    entry('destinations', map(destinations)),
    entry('sdccn', map([entry('destinations', list([SDCCN_PROCEDURE.requiredDestination])), entry('tasksRecreated', true)], 'json-flow')),
  ]));
}

const solmanUser = stop(6, 'S0012345679');

export const ENTRY_TEMPLATES: readonly EntryTemplate[] = Object.freeze([
  {
    name: 'Landscape: ABAP system with direct connectivity',
    prefix: 'system-abap-direct',
    description:
      `An ABAP system that connects directly to the support backbone (guide §4): plug-ins, notes, task list ${TASK_LIST_OSS_COMM.name}, ` +
      `TLS, root CAs, destinations and SDCCN — passes every rule. ${capitalize(DIGITAL_SIGNATURE_HINT)}.`,
    home: 'systems',
    entry: directAbap(stop(1, 'EDV'), stop(7, 'S0012345678'), 2),
  },
  {
    name: 'Landscape: ABAP system through Solution Manager or Focused Run',
    prefix: 'system-abap-managed',
    description:
      'An ABAP system that sends its data through SAP Solution Manager or Focused Run: only the Note Assistant rules apply — passes every rule. ' +
      `${capitalize(DIGITAL_SIGNATURE_HINT)}.`,
    home: 'systems',
    entry: entry(stop(1, 'EQA'), map([
      entry('role', 'abap'),
      entry('description', stop(2, 'ERP quality assurance')),
      entry('connection', choice(3, ['solman', 'frun'])),
      entry('managedBy', stop(4, 'SOL')),
      entry('basis', stop(5, ABAP_DEFAULTS.basis)),
      noteAssistant(),
      entry('notes', emptyList(6), { above: DIGITAL_SIGNATURE_HINT }),
      entry('communicationUser', stop(7, 'S0012345678')),
    ])),
  },
  {
    name: 'Landscape: SAP Solution Manager',
    prefix: 'system-solman',
    description:
      `SAP Solution Manager ${SOLMAN_RECOMMENDED_TARGET.text} (guide §5): SOLMAN_SETUP logon data, task list ${TASK_LIST_SUPPORT_HUB.name}, ` +
      'TLS and root CAs in both SSL client PSEs — passes every rule.',
    home: 'systems',
    entry: entry(stop(1, 'SOL'), map([
      entry('role', 'solman'),
      entry('description', stop(2, `SAP Solution Manager ${SOLMAN_RECOMMENDED_TARGET.release}`)),
      entry('release', stop(3, SOLMAN_RECOMMENDED_TARGET.text)),
      entry('basis', stop(4, '740 SP20')),
      entry('spam', stop(5, SPAM_MIN_VERSION_FOR_TCI)),
      noteAssistant(),
      entry('notes', list(tlsNotes())),
      entry('taskLists', list([TASK_LIST_SUPPORT_HUB.name])),
      entry('communicationUser', solmanUser),
      ...tlsEntries('solman'),
      entry('solmanSetup', map(SOLMAN_SETUP_RFC_CONNECTIVITY.fields.filter((f) => f.key).map((f) =>
        entry(f.key!, f.key === 'backendUser' ? same(solmanUser) : stop(7, 'S0001234567'), {
          comment: `${f.label}: ${f.expects === 'technical-communication-user' ? 'technical communication user' : 'corporate S-user'}`,
        }),
      ), 'json-flow'), { comment: `${SOLMAN_SETUP_RFC_CONNECTIVITY.transaction} > ${SOLMAN_SETUP_RFC_CONNECTIVITY.scenario} > ${SOLMAN_SETUP_RFC_CONNECTIVITY.step} ${SOLMAN_SETUP_RFC_CONNECTIVITY.stepName}` }),
    ])),
  },
  {
    name: 'Landscape: Focused Run',
    prefix: 'system-frun',
    description: `Focused Run for SAP Solution Manager 2.0 (guide §6): task list ${TASK_LIST_SUPPORT_HUB.name}, TLS and root CAs — passes every rule.`,
    home: 'systems',
    entry: entry(stop(1, 'FRN'), map([
      entry('role', 'frun'),
      entry('description', stop(2, 'Focused Run for SAP Solution Manager')),
      entry('release', stop(3, '2.0')),
      entry('basis', stop(4, '753 SP02')),
      noteAssistant(),
      entry('notes', list(tlsNotes())),
      entry('taskLists', list([TASK_LIST_SUPPORT_HUB.name])),
      entry('communicationUser', stop(5, 'S0012345680')),
      ...tlsEntries('frun'),
    ])),
  },
  {
    name: 'Landscape: track',
    prefix: 'track',
    description: 'A transport track (under "tracks"), source system first; every SID must be a system of this file.',
    home: 'tracks',
    entry: entry(stop(1, 'ERP'), list([stop(2, 'EDV'), stop(3, 'EQA'), stop(4, 'EPR')])),
  },
  {
    name: 'Landscape: communication user',
    prefix: 'communication-user',
    description: `A technical communication user (under "communicationUsers"), requested as described in SAP Note ${COMMUNICATION_USER_NOTES.request}; one per track or per system.`,
    home: 'communicationUsers',
    entry: entry(stop(1, 'S0012345678'), map([entry('description', stop(2, 'ERP track'))], 'flow')),
  },
]);

/** The name of the new-file snippet (contributed statically; Create Landscape File inserts it). */
export const NEW_FILE_TEMPLATE_NAME = 'Landscape: new file';
export const NEW_FILE_TEMPLATE_PREFIX = 'landscape';
const NEW_FILE_DESCRIPTION = 'A new landscape file with a communication user, a track and one ABAP system with direct connectivity that passes every rule.';

function newFileTree(): MapNode {
  const user = stop(2, 'S0012345678');
  const sid = stop(5, 'EDV');
  return map([
    entry('landscape', stop(1, 'My Landscape')),
    entry('communicationUsers', map([entry(user, map([entry('description', stop(3, 'ERP track'))], 'flow'))]), {
      comment: `SAP Note ${COMMUNICATION_USER_NOTES.request}: one per track or per system`,
    }),
    entry('tracks', map([entry(stop(4, 'ERP'), list([sid]))]), { comment: 'transport routes, source system first' }),
    entry('systems', map([directAbap(same(sid), same(user), 6)])),
  ]);
}

// ------------------------------------------------------------------------------- writing

export type TemplateFormat = 'yaml' | 'json';

interface Out {
  readonly format: TemplateFormat;
  /** Snippet syntax (tab stops) or plain text with the default values. */
  readonly snippet: boolean;
}

/** Escapes literal text for the snippet syntax. */
function esc(s: string, out: Out): string {
  return out.snippet ? s.replace(/[\\$}]/g, (c) => `\\${c}`) : s;
}

function scalarText(s: Scalar, out: Out, style: Style): string {
  const text = (v: string | number | boolean): string => (typeof v === 'string' ? v : String(v));
  const quoted = typeof s.value === 'string' && (out.format === 'json' || [s.value, ...(s.choices ?? [])].some((v) => yamlNeedsQuotes(text(v), style)));
  const inner = (v: string | number | boolean): string => (quoted ? JSON.stringify(text(v)).slice(1, -1) : text(v));
  let body: string;
  if (!out.snippet || s.stop === undefined) body = esc(inner(s.value), out);
  else if (s.choices) body = `\${${s.stop}|${s.choices.map((c) => inner(c).replace(/[\\,|$}]/g, (x) => `\\${x}`)).join(',')}|}`;
  else if (s.mirror) body = `\${${s.stop}}`;
  else body = `\${${s.stop}:${esc(inner(s.value), out)}}`;
  return quoted ? `"${body}"` : body;
}

function keyText(k: string | Scalar, out: Out): string {
  if (typeof k !== 'string') return scalarText(k, out, 'block');
  if (out.format === 'json' || !/^[A-Za-z0-9_][A-Za-z0-9_/.\-]*$/.test(k)) return esc(JSON.stringify(k), out);
  return esc(k, out);
}

const isBlock = (n: ListNode | MapNode, out: Out): boolean => n.layout === 'block' || (n.layout === 'json-flow' && out.format === 'yaml');

/** A node on one line (a flow collection or a scalar). */
function inline(n: Node, out: Out, style: Style): string {
  if (n.kind === 'scalar') return scalarText(n, out, style);
  if (n.kind === 'list') {
    if (n.items.length === 0) return out.snippet && n.stop !== undefined ? `[$${n.stop}]` : '[]';
    return `[${n.items.map((i) => inline(i, out, out.format === 'json' ? 'json' : 'flow')).join(', ')}]`;
  }
  return `{ ${n.entries.map((e) => `${keyText(e.key, out)}: ${inline(e.value, out, out.format === 'json' ? 'json' : 'flow')}`).join(', ')} }`;
}

function yamlLines(entries: readonly Entry[], indent: string, out: Out, blankBetween = false): string[] {
  const lines: string[] = [];
  entries.forEach((e, i) => {
    if (blankBetween && i > 0) lines.push('');
    if (e.above) lines.push(`${indent}# ${esc(e.above, out)}`);
    const comment = e.comment ? `  # ${esc(e.comment, out)}` : '';
    const key = keyText(e.key, out);
    const v = e.value;
    if (v.kind !== 'scalar' && isBlock(v, out) && (v.kind === 'map' ? v.entries.length : v.items.length) > 0) {
      lines.push(`${indent}${key}:${comment}`);
      if (v.kind === 'map') lines.push(...yamlLines(v.entries, `${indent}  `, out));
      else for (const item of v.items) lines.push(`${indent}  - ${inline(item, out, 'block')}`);
    } else {
      lines.push(`${indent}${key}: ${inline(v, out, 'block')}${comment}`);
    }
  });
  return lines;
}

function jsonValue(n: Node, indent: string, out: Out): string {
  if (n.kind === 'scalar' || !isBlock(n, out)) return inline(n, out, 'json');
  const inner = `${indent}  `;
  if (n.kind === 'list') return `[\n${n.items.map((i) => `${inner}${jsonValue(i, inner, out)}`).join(',\n')}\n${indent}]`;
  return `{\n${n.entries.map((e) => `${inner}${keyText(e.key, out)}: ${jsonValue(e.value, inner, out)}`).join(',\n')}\n${indent}}`;
}

/** An entry template as text: its first line at column 0, the others indented relative to it. */
export function renderEntry(t: EntryTemplate, format: TemplateFormat, snippet = true): string {
  const out: Out = { format, snippet };
  const text = format === 'yaml' ? yamlLines([t.entry], '', out).join('\n') : `${keyText(t.entry.key, out)}: ${jsonValue(t.entry.value, '', out)}`;
  return snippet ? `${text}$0` : text;
}

/** The new-file template as text. */
export function renderNewFile(format: TemplateFormat, snippet = true): string {
  const out: Out = { format, snippet };
  const tree = newFileTree();
  const text = format === 'yaml' ? `${yamlLines(tree.entries, '', out, true).join('\n')}\n` : `${jsonValue(tree, '', out)}\n`;
  return snippet ? `${text}$0` : text;
}

/** Other defaults for a template's tab stops: a value per stop, and a choice's order. */
export interface TemplateDefaults {
  readonly values?: Readonly<Record<number, string>>;
  readonly choices?: Readonly<Record<number, readonly string[]>>;
}

/** The template with other default values at its tab stops (mirrors follow their stop). */
export function withDefaults(t: EntryTemplate, d: TemplateDefaults): EntryTemplate {
  const scalar = (x: Scalar): Scalar => {
    if (x.stop === undefined) return x;
    const choices = d.choices?.[x.stop];
    if (x.choices && choices) return { ...x, choices, value: choices[0] };
    const value = d.values?.[x.stop];
    return value === undefined || x.choices ? x : { ...x, value: typeof x.value === 'number' && /^\d+$/.test(value) ? Number(value) : value };
  };
  const walk = (n: Node): Node =>
    n.kind === 'scalar' ? scalar(n) : n.kind === 'list' ? { ...n, items: n.items.map(walk) } : { ...n, entries: n.entries.map(walkEntry) };
  const walkEntry = (e: Entry): Entry => ({ ...e, key: typeof e.key === 'string' ? e.key : scalar(e.key), value: walk(e.value) });
  return { ...t, entry: walkEntry(t.entry) };
}

/** The key a template proposes (its first tab stop's default), e.g. `EDV`. */
export function proposedKey(t: EntryTemplate): string {
  return typeof t.entry.key === 'string' ? t.entry.key : String(t.entry.key.value);
}

/** The entry templates that belong under a top-level key. */
export function templatesFor(home: string): EntryTemplate[] {
  return ENTRY_TEMPLATES.filter((t) => t.home === home);
}

/**
 * snippets/landscape-<format>.json: every template in VS Code's snippet file format, for editors
 * whose snippet engine reads such files, and the new-file template Create Landscape File inserts.
 * The extension does not contribute them to VS Code: its snippet provider would offer them at every
 * position (issue 14); VS Code and every LSP client get them from the server's completion instead.
 */
export function staticSnippets(format: TemplateFormat): Record<string, { prefix: string; description: string; isFileTemplate?: boolean; body: string[] }> {
  const snippets: Record<string, { prefix: string; description: string; isFileTemplate?: boolean; body: string[] }> = {
    [NEW_FILE_TEMPLATE_NAME]: { prefix: NEW_FILE_TEMPLATE_PREFIX, description: newFileDescription(format), isFileTemplate: true, body: renderNewFile(format).split('\n') },
  };
  for (const t of ENTRY_TEMPLATES) snippets[t.name] = { prefix: t.prefix, description: t.description, body: renderEntry(t, format).split('\n') };
  return snippets;
}

/** What the new-file template holds (JSON has no comments: the digital-signature hint is here). */
export function newFileDescription(format: TemplateFormat): string {
  return format === 'yaml' ? NEW_FILE_DESCRIPTION : `${NEW_FILE_DESCRIPTION} ${capitalize(DIGITAL_SIGNATURE_HINT)}.`;
}
