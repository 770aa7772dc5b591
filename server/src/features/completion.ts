/**
 * Completion: keys of the schema in context; enum values; SIDs where a system is referenced;
 * declared communication users; SAP Notes with the ones the system still lacks first; task list,
 * destination and certificate names; levels and values that satisfy the rules. The same for
 * YAML (block and flow) and JSON; every value comes from the knowledge tables or the schema.
 */
import type { CompletionItem, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { LintResult } from '../core/lint';
import type { SystemDef } from '../core/model';
import {
  basisHasTci,
  CERTIFICATE_SOURCE,
  CIPHERSUITE_VALUES,
  CONNECTION_TYPES,
  DIGITAL_SIGNATURE_MIN_SP,
  downloadChannelFor,
  formatThreshold,
  FRUN_RELEASES,
  LEGACY_RFC_DESTINATIONS,
  lookup,
  minimumStApiFor,
  minimumStPiFor,
  NEW_HTTPS_DESTINATIONS,
  newDestination,
  NOTE_CATALOGUE,
  noteDownloadProcedureLabel,
  parseBasis,
  parseSolmanRelease,
  parseStApi,
  parseStPi,
  PLUGIN_COMPONENTS,
  ROOT_CA_CERTIFICATES,
  SDCCN_PROCEDURE,
  SOLMAN_CONNECTIVITY,
  SOLMAN_RECOMMENDED_TARGET,
  solmanNeedsSupportHubTaskList,
  SPAM_MIN_VERSION_FOR_TCI,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  ST_A_PI_REQUIREMENT,
  stPiRequirementFor,
  TASK_LISTS,
  TRUST_ANCHORS,
} from '../knowledge';
import type { TaskList } from '../knowledge';
import {
  basisMarkdown,
  certificateMarkdown,
  ciphersuiteMarkdown,
  communicationUserMarkdown,
  destinationMarkdown,
  noteMarkdown,
  releaseMarkdown,
  systemMarkdown,
  taskListMarkdown,
} from './hover';
import type { Schema } from './landscapeFacts';
import { allowedKeys, enumDescription, lackingNotes, ROLE_NAMES, schemaAt, schemaText, sec, systemOfPath } from './landscapeFacts';
import type { KeyContext, Segment, Style, ValueContext } from './nodeAtOffset';
import { cursorContext, valueAt } from './nodeAtOffset';
import type { EntryTemplate, TemplateDefaults } from './templates';
import { NEW_FILE_TEMPLATE_NAME, NEW_FILE_TEMPLATE_PREFIX, newFileDescription, proposedKey, renderEntry, renderNewFile, templatesFor, withDefaults } from './templates';
import { yamlScalar } from './yamlScalar';


/** A value to offer, before it is turned into a completion item for the context. */
interface Candidate {
  value: string | number | boolean;
  detail?: string;
  /** Markdown; a function when it is costly (systems, users), called only for the items shown with documentation. */
  documentation?: string | (() => string | undefined);
  kind: CompletionItemKind;
  /** 0 = what the rules require for this system; higher = less relevant. */
  tier: number;
  deprecated?: boolean;
  /** Short text right after the label, e.g. "missing". */
  tag?: string;
  /** Short description shown at the right of the label, e.g. a note's title. */
  summary?: string;
}

/**
 * Items of one list that get their documentation computed: the most relevant first. A landscape
 * with thousands of systems or users would otherwise build the hover Markdown of every one on
 * every keystroke (each of which reads the findings and tracks).
 */
export const MAX_DOCUMENTED_ITEMS = 100;

function markdown(value: string | undefined): MarkupContent | undefined {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

function sortText(tier: number, index: number): string {
  return `${tier}_${String(index).padStart(6, '0')}`;
}

/** Most characters of a completion item's description (VS Code's suggest list keeps the label and tag first). */
export const MAX_DESCRIPTION = 40;

/** A description cut at a word to MAX_DESCRIPTION characters, with "…". */
export function shortDescription(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const space = text.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${text.slice(0, space > MAX_DESCRIPTION / 2 ? space : MAX_DESCRIPTION - 1).replace(/[\s,;:·–-]+$/, '')}…`;
}

/** Escapes literal text for the snippet syntax. */
function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A value written for the context's style. */
function valueText(v: string | number | boolean, style: Style): string {
  if (typeof v !== 'string') return String(v);
  return style === 'json' ? JSON.stringify(v) : yamlScalar(v, style);
}

/** The next character after an offset that is not a blank. */
function nextChar(text: string, offset: number): string {
  const m = /\S/.exec(text.slice(offset));
  return m ? m[0] : '';
}

function offsetOf(result: LintResult, p: Position): number {
  return result.doc.lines.offsetAt(p);
}

/** Text to put around an inserted member or item of a flow collection / JSON document. */
function separators(result: LintResult, ctx: KeyContext | ValueContext): { before: string; after: string } {
  let before = '';
  let after = '';
  const text = result.doc.text;
  const start = offsetOf(result, ctx.range.start);
  if (ctx.style !== 'block') {
    if (ctx.needsCommaBefore) before = ', ';
    const next = nextChar(text, offsetOf(result, ctx.range.end));
    if (next && !/[,\]}:]/.test(next)) after = ', ';
  }
  if (ctx.kind === 'value' && start > 0 && text[start - 1] === ':') before += ' ';
  if (ctx.kind === 'value' && ctx.needsDash) before += '- ';
  return { before, after };
}

function toItems(result: LintResult, ctx: ValueContext, candidates: Candidate[], exclude: ReadonlySet<string>): CompletionItem[] {
  const { before, after } = separators(result, ctx);
  const seen = new Set<string>();
  const kept: { c: Candidate; i: number }[] = [];
  candidates.forEach((c, i) => {
    const label = String(c.value);
    if (exclude.has(label) || seen.has(label)) return;
    seen.add(label);
    kept.push({ c, i });
  });
  // documentation for the first items in sort order only
  const documented = new Set(
    kept.length <= MAX_DOCUMENTED_ITEMS ? kept : [...kept].sort((a, b) => a.c.tier - b.c.tier || a.i - b.i).slice(0, MAX_DOCUMENTED_ITEMS),
  );
  return kept.map((k) => {
    const { c, i } = k;
    const label = String(c.value);
    const text = valueText(c.value, ctx.style);
    const doc = documented.has(k) ? (typeof c.documentation === 'function' ? c.documentation() : c.documentation) : undefined;
    const item: CompletionItem = {
      label,
      kind: c.kind,
      detail: c.detail,
      documentation: markdown(doc),
      sortText: sortText(c.tier, i),
      textEdit: { range: ctx.range, newText: `${before}${text}${after}` },
      insertTextFormat: InsertTextFormat.PlainText,
    };
    if (text !== label || before) item.filterText = text.startsWith('"') || ctx.quoted ? text : label;
    // a long description squeezes the tag after the label ("2408073 (missi…", issue 14): it is
    // cut to a few words here, the whole title is in the documentation
    if (c.tag || c.summary) item.labelDetails = { detail: c.tag ? ` (${c.tag})` : undefined, description: c.summary === undefined ? undefined : shortDescription(c.summary) };
    if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

// ------------------------------------------------------------------------------------ keys

function typeSummary(s: Schema): string {
  if (Array.isArray(s.enum)) return s.enum.map(String).filter((v, i, a) => a.indexOf(v) === i).join(' | ');
  const t = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : '';
  return t === 'object' ? 'map' : t === 'array' ? 'list' : t === 'string' ? 'text' : t;
}

function choice(values: readonly string[]): string {
  return `\${1|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** The text inserted for a key: the key, `: `, and a placeholder shaped like its value. */
function keySnippet(key: string, s: Schema, ctx: KeyContext & { eol: string }, indent: string): { text: string; multiline: boolean } {
  const k = ctx.style === 'json' || ctx.quoted ? JSON.stringify(key) : yamlKey(key);
  if (ctx.hasColon) return { text: esc(k), multiline: false };
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const json = ctx.style === 'json';
  if (Array.isArray(s.enum)) {
    const values = [...new Set((s.enum as unknown[]).map(String))];
    return { text: `${esc(k)}: ${json ? `"${choice(values)}"` : choice(values)}`, multiline: false };
  }
  if (type === 'boolean') return { text: `${esc(k)}: ${choice(['true', 'false'])}`, multiline: false };
  if (type === 'object') {
    if (json || ctx.style === 'flow') return { text: `${esc(k)}: { $0 }`, multiline: false };
    return { text: `${esc(k)}:${ctx.eol}${indent}  $0`, multiline: true };
  }
  if (type === 'array') return { text: `${esc(k)}: [$0]`, multiline: false };
  if (json && type === 'string') return { text: `${esc(k)}: "$0"`, multiline: false };
  return { text: `${esc(k)}: $0`, multiline: false };
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_/.\-]*$/.test(key) ? key : JSON.stringify(key);
}

function keyItem(ctx: KeyContext, sep: { before: string; after: string }, label: string, text: string, multiline: boolean, extra: Partial<CompletionItem>): CompletionItem {
  const { before, after } = sep;
  return {
    label,
    textEdit: { range: ctx.range, newText: `${esc(before)}${text}${esc(after)}` },
    insertTextFormat: InsertTextFormat.Snippet,
    ...(multiline ? { insertTextMode: InsertTextMode.asIs } : {}),
    filterText: ctx.style === 'json' || ctx.quoted ? JSON.stringify(label) : label,
    ...extra,
  };
}

function keyCompletions(result: LintResult, ctx: KeyContext): CompletionItem[] {
  const doc = result.doc;
  const mapPath = ctx.mapPath;
  const raw = valueAt(doc.value, mapPath);
  if (Array.isArray(raw)) return [];
  // a key typed on its own line may have been read as the scalar value of the map's key
  const obj = raw !== null && typeof raw === 'object' ? raw : {};
  const present = new Set(Object.keys(obj));
  if (ctx.key) present.delete(ctx.key);
  const indent = ' '.repeat(ctx.column);
  const sep = separators(result, ctx);
  // a nested map's first key goes on a new line with the document's line break
  const eol = /\r\n|\r|\n/.exec(doc.text)?.[0] ?? '\n';
  if (mapPath.length === 3 && mapPath[0] === 'systems' && mapPath[2] === 'destinations') {
    return destinationKeyItems(result, ctx, sep, systemOfPath(result, mapPath), present);
  }
  if (mapPath.length === 1 && typeof mapPath[0] === 'string' && templatesFor(mapPath[0]).length > 0) {
    return templateItems(result, ctx, sep, templatesFor(mapPath[0]), eol);
  }
  // managedBy means something only with connection solman or frun (where it is required): in a
  // system that connects otherwise it comes last
  const connection = mapPath.length === 2 && mapPath[0] === 'systems' ? (obj as Record<string, unknown>).connection : undefined;
  const idle = (key: string): boolean => key === 'managedBy' && typeof connection === 'string' && connection !== 'solman' && connection !== 'frun';
  return allowedKeys(mapPath, obj)
    .filter((k) => !present.has(k.key))
    .map((k, i) => {
      const { text, multiline } = keySnippet(k.key, k.schema, { ...ctx, eol }, indent);
      return keyItem(ctx, sep, k.key, text, multiline, {
        kind: CompletionItemKind.Property,
        detail: `${typeSummary(k.schema)}${k.required ? ' (required)' : idle(k.key) ? ` (only with connection solman or frun; this system: ${String(connection)})` : ''}`,
        documentation: markdown(schemaText(k.schema)),
        sortText: sortText(k.required ? 0 : idle(k.key) ? 2 : 1, i),
      });
    });
}

/**
 * The entry templates of a top-level map (a whole system under `systems`, a track, a
 * communication user) as snippet items — only as a key of that map, never at a key position
 * inside an entry (issue 14). The template's lines follow the line's indentation; VS Code inserts
 * them as they are (`asIs`), so every client gets the same text.
 */
function templateItems(result: LintResult, ctx: KeyContext, sep: { before: string; after: string }, templates: readonly EntryTemplate[], eol: string): CompletionItem[] {
  // a flow map (`systems: { … }`), a key already followed by `:` or a YAML key in quotes: no place for a whole entry
  if (ctx.style === 'flow' || ctx.hasColon || (ctx.quoted && ctx.style !== 'json')) return [];
  const format = ctx.style === 'json' ? 'json' : 'yaml';
  const lead = result.doc.lines.lineText(ctx.range.start.line).slice(0, ctx.range.start.character);
  const indent = /^[ \t]*$/.test(lead) ? lead : ' '.repeat(ctx.column);
  return templates.map((template, i) => {
    const t = withDefaults(template, contextDefaults(result, template));
    return keyItem(ctx, sep, t.prefix, renderEntry(t, format).split('\n').join(`${eol}${indent}`), true, {
      kind: CompletionItemKind.Snippet,
      detail: t.name,
      labelDetails: { description: shortDescription(t.name.replace(/^Landscape: /, '')) },
      documentation: markdown(`${t.description}\n\n\`\`\`${format}\n${renderEntry(t, format, false)}\n\`\`\``),
      sortText: sortText(3, i),
    });
  });
}

/**
 * Defaults that fit the file: a key not yet taken (`EDV` in a file that has EDV proposes `ED1`),
 * and for a system managed through SAP Solution Manager or Focused Run the file's first such
 * system as `managedBy`, its role first in the `connection` choice.
 */
function contextDefaults(result: LintResult, t: EntryTemplate): TemplateDefaults {
  const model = result.model;
  const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
  const taken = (key: string): boolean =>
    t.home === 'systems' ? model.systemsById.has(key) : own(t.home === 'tracks' ? model.tracks : model.communicationUsers, key);
  const values: Record<number, string> = {};
  const choices: Record<number, readonly string[]> = {};
  const key = proposedKey(t);
  if (taken(key)) {
    const free = t.home === 'communicationUsers' ? freeUserId(key, taken) : freeSid(key, taken);
    if (free) values[1] = free;
  }
  if (t.prefix === 'system-abap-managed') {
    const manager = model.systems.find((s) => s.role === 'solman' || s.role === 'frun');
    if (manager) {
      values[4] = manager.sid;
      choices[3] = manager.role === 'frun' ? ['frun', 'solman'] : ['solman', 'frun'];
    }
  }
  return { values, choices };
}

/** A SID like `sid` that is not taken: its first two letters and a digit, then its first letter and two. */
function freeSid(sid: string, taken: (s: string) => boolean): string | undefined {
  for (let n = 1; n < 10; n++) if (!taken(`${sid.slice(0, 2)}${n}`)) return `${sid.slice(0, 2)}${n}`;
  for (let n = 10; n < 100; n++) if (!taken(`${sid[0]}${n}`)) return `${sid[0]}${n}`;
  return undefined;
}

/** An S-user ID like `id` that is not taken (the next numbers). */
function freeUserId(id: string, taken: (s: string) => boolean): string | undefined {
  const m = /^S(\d{10})$/.exec(id);
  if (!m) return undefined;
  for (let n = Number(m[1]) + 1, i = 0; i < 1000 && n < 1e10; n++, i++) {
    const next = `S${String(n).padStart(10, '0')}`;
    if (!taken(next)) return next;
  }
  return undefined;
}

/** Destination names of guide 2.1.5 as keys of `destinations`, with type and logon user filled in. */
function destinationKeyItems(result: LintResult, ctx: KeyContext, sep: { before: string; after: string }, sys: SystemDef | undefined, present: ReadonlySet<string>): CompletionItem[] {
  const json = ctx.style === 'json';
  const user = sys?.communicationUser ?? Object.keys(result.model.communicationUsers)[0];
  const typeEnum = ((schemaAt(['systems', 'X', 'destinations', 'Y', 'type'])?.enum ?? []) as unknown[]).filter((v): v is string => typeof v === 'string');
  const rfcType = CONNECTION_TYPES.find((t) => t.protocol === 'RFC')?.type;
  const q = (s: string): string => (json ? JSON.stringify(s) : yamlScalar(s, 'flow'));
  const member = (k: string, v: string): string => `${json ? JSON.stringify(k) : k}: ${v}`;
  const items: CompletionItem[] = [];
  const add = (name: string, type: string | undefined, logon: string | undefined, tier: number, extra: Partial<CompletionItem>): void => {
    if (present.has(name) || items.some((i) => i.label === name)) return;
    const key = json || ctx.quoted ? JSON.stringify(name) : yamlKey(name);
    let text: string;
    if (ctx.hasColon) text = esc(key);
    else {
      const typeText = type !== undefined ? esc(q(type)) : json ? `"${choice(typeEnum)}"` : choice(typeEnum);
      const userText = logon !== undefined ? esc(q(logon)) : undefined;
      const fields = [member('type', typeText), userText !== undefined ? member('user', type === undefined ? `\${2:${userText}}` : `\${1:${userText}}`) : undefined].filter(Boolean);
      text = `${esc(key)}: { ${fields.join(', ')} }`;
    }
    items.push(keyItem(ctx, sep, name, text, false, { kind: CompletionItemKind.Interface, documentation: markdown(destinationMarkdown(name)), sortText: sortText(tier, items.length), ...extra }));
  };
  for (const d of NEW_HTTPS_DESTINATIONS) {
    add(d.name, d.type, d.logonUser === 'technical-communication-user' ? user : undefined, 0, { detail: `new HTTPS destination · ${d.use}` });
  }
  for (const d of LEGACY_RFC_DESTINATIONS) {
    const logon = /^[A-Z0-9_]+$/.test(d.logonUser) ? d.logonUser : undefined;
    // a destination that can stay (SAPOSS with a technical communication user on 700-731) is not struck through
    const mayStay = d.replacements.some((r) => r.name === d.name);
    add(d.name, rfcType, logon, 2, { detail: `legacy RFC destination → ${d.replacements.map((r) => r.name).join(', ')}`, ...(mayStay ? {} : { tags: [CompletionItemTag.Deprecated] }) });
  }
  return items;
}

// ---------------------------------------------------------------------------------- values

function enumCandidates(s: Schema | undefined, tierOf: (v: string) => number = () => 0): Candidate[] {
  if (!s || !Array.isArray(s.enum)) return [];
  const values = s.enum.filter((v, i, a) => a.findIndex((x) => String(x) === String(v)) === i);
  return values.map((v) => ({
    value: String(v),
    kind: CompletionItemKind.EnumMember,
    detail: firstSentence(enumDescription(s, v)),
    documentation: enumDescription(s, v),
    tier: tierOf(String(v)),
  }));
}

function firstSentence(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(.*?\.)(\s|$)/.exec(s);
  const first = (m ? m[1] : s).replace(/[`*]/g, '');
  return first.length > 90 ? `${first.slice(0, 89)}…` : first;
}

function systemCandidates(result: LintResult, sids: string[], tierOf: (sid: string) => number = () => 0): Candidate[] {
  return sids.map((sid) => {
    const s = result.model.systemsById.get(sid)!;
    return {
      value: sid,
      kind: CompletionItemKind.Module,
      detail: [s.role ? lookup(ROLE_NAMES, s.role) : undefined, s.release, s.basis && `SAP_BASIS ${s.basis}`, s.description].filter(Boolean).join(' · '),
      documentation: () => systemMarkdown(sid, result),
      tier: tierOf(sid),
    };
  });
}

function userCandidates(result: LintResult, preferred: (id: string) => boolean): Candidate[] {
  const used = new Set(result.model.systems.flatMap((s) => [s.communicationUser, s.solmanSetup?.backendUser]).filter(Boolean));
  return Object.entries(result.model.communicationUsers).map(([id, u]) => ({
    value: id,
    kind: CompletionItemKind.Constant,
    detail: u.description ?? 'technical communication user',
    documentation: () => communicationUserMarkdown(id, result),
    tier: preferred(id) ? 0 : used.has(id) ? 2 : 1,
  }));
}

function noteCandidates(result: LintResult, sys: SystemDef | undefined): Candidate[] {
  const lacking = sys ? lackingNotes(result, sys) : [];
  const info = new Map(NOTE_CATALOGUE.map((n) => [n.number, n]));
  const out: Candidate[] = lacking.map((l) => ({
    value: l.note,
    kind: CompletionItemKind.Reference,
    detail: `Missing in ${sys!.sid}: ${l.reason}`,
    documentation: () => noteMarkdown(l.note, result, sys, lacking),
    tier: l.tier,
    tag: l.tier < 2 ? 'missing' : 'recommended',
    summary: info.get(l.note)?.title,
  }));
  for (const n of NOTE_CATALOGUE) {
    out.push({ value: n.number, kind: CompletionItemKind.Reference, detail: n.purpose, documentation: () => noteMarkdown(n.number, result, sys, lacking), tier: 3, summary: n.title });
  }
  return out;
}

function taskListApplies(t: TaskList, sys: SystemDef | undefined): boolean {
  if (!sys?.role || !t.roles.includes(sys.role)) return false;
  if (sys.role === 'abap') return !t.abapConnections || (sys.connection !== undefined && t.abapConnections.includes(sys.connection));
  if (sys.role === 'solman') {
    const v = parseSolmanRelease(sys.release);
    return v ? solmanNeedsSupportHubTaskList(v) : true;
  }
  return true;
}

function taskListCandidates(sys: SystemDef | undefined): Candidate[] {
  return (Object.values(TASK_LISTS) as TaskList[]).map((t) => ({
    value: t.name,
    kind: CompletionItemKind.Function,
    detail: `${t.transaction} · ${t.requiredWhen}`,
    documentation: taskListMarkdown(t.name, sys),
    tier: taskListApplies(t, sys) ? 0 : 1,
  }));
}

function basisCandidates(current: string): Candidate[] {
  const typedRelease = /^(\d{3})/.exec(current.trim())?.[1];
  return DIGITAL_SIGNATURE_MIN_SP.map((row) => {
    const text = formatThreshold(row);
    const tci = basisHasTci({ release: row.release, sp: row.minSp });
    return {
      value: text,
      kind: CompletionItemKind.Value,
      detail: `digitally signed SAP Notes${tci ? ' and TCI' : ''} by support package${row.andAbove ? ` (${row.release} and above)` : ''}`,
      documentation: basisMarkdown(text),
      tier: typedRelease && Number(typedRelease) === row.release ? 0 : 1,
    };
  });
}

function stPiCandidates(current: string, sys: SystemDef | undefined): Candidate[] {
  const examples = ((schemaAt(['systems', 'X', 'components', PLUGIN_COMPONENTS.stPi])?.examples ?? []) as unknown[]).map(parseStPi);
  const versions = [parseStPi(current), ...examples].filter((v): v is NonNullable<typeof v> => !!v);
  const basis = sys ? parseBasis(sys.basis) : undefined;
  return versions.map((v, i) => {
    const req = stPiRequirementFor(v.line, basis);
    return {
      value: minimumStPiFor(v),
      kind: CompletionItemKind.Value,
      detail: `minimum ST-PI ${v.line} (${sec(req.section)})`,
      tier: i === 0 && parseStPi(current) ? 0 : 1,
    };
  });
}

function stApiCandidates(current: string): Candidate[] {
  const examples = ((schemaAt(['systems', 'X', 'components', PLUGIN_COMPONENTS.stApi])?.examples ?? []) as unknown[]).map(parseStApi);
  const versions = [parseStApi(current), ...examples].filter((v): v is NonNullable<typeof v> => !!v);
  return versions.map((v, i) => ({
    value: minimumStApiFor(v),
    kind: CompletionItemKind.Value,
    detail: `minimum ST-A/PI ${ST_A_PI_REQUIREMENT.display} (${sec(ST_A_PI_REQUIREMENT.section)})`,
    tier: i === 0 && parseStApi(current) ? 0 : 1,
  }));
}

function releaseCandidates(sys: SystemDef | undefined): Candidate[] {
  const out: Candidate[] = [];
  if (!sys || sys.role === 'solman') {
    const full = SOLMAN_CONNECTIVITY.find((r) => r.connectivity === 'full');
    out.push({ value: SOLMAN_RECOMMENDED_TARGET.text, kind: CompletionItemKind.Value, detail: `SAP Solution Manager · ${full?.consequence ?? ''}`, documentation: releaseMarkdown(SOLMAN_RECOMMENDED_TARGET.text, sys), tier: 0 });
  }
  if (!sys || sys.role === 'frun') {
    for (const r of FRUN_RELEASES.filter((x) => x.connectivity === 'full')) {
      out.push({ value: r.release, kind: CompletionItemKind.Value, detail: `Focused Run · ${r.consequence}`, documentation: releaseMarkdown(r.release, sys), tier: 0 });
    }
  }
  return out;
}

function valueCandidates(result: LintResult, ctx: ValueContext, path: readonly Segment[]): Candidate[] {
  const sys = systemOfPath(result, path);
  const field = path[0] === 'systems' ? path.slice(2) : path;
  const last = path[path.length - 1];
  const inList = typeof last === 'number';
  const f0 = field[0];
  if (path[0] === 'tracks' && path.length === 3 && inList) {
    const inTracks = new Set(Object.values(result.model.tracks).flat());
    return systemCandidates(result, result.model.systems.map((s) => s.sid), (sid) => (inTracks.has(sid) ? 1 : 0));
  }
  if (path[0] !== 'systems' || !sys) return [];
  if (f0 === 'managedBy' && field.length === 1) {
    const roles = sys.connection === 'solman' || sys.connection === 'frun' ? [sys.connection] : ['solman', 'frun'];
    return systemCandidates(result, result.model.systems.filter((s) => s.role && roles.includes(s.role) && s.sid !== sys.sid).map((s) => s.sid));
  }
  if ((f0 === 'communicationUser' && field.length === 1) || (f0 === 'solmanSetup' && field[1] === 'backendUser')) {
    const trackMates = new Set(
      Object.values(result.model.tracks)
        .filter((sids) => sids.includes(sys.sid))
        .flat()
        .filter((sid) => sid !== sys.sid)
        .map((sid) => result.model.systemsById.get(sid)?.communicationUser),
    );
    return userCandidates(result, (id) => trackMates.has(id) || (f0 === 'solmanSetup' && id === sys.communicationUser));
  }
  if (f0 === 'destinations' && field.length === 3 && field[2] === 'user') return userCandidates(result, (id) => id === sys.communicationUser);
  if (f0 === 'destinations' && field.length === 3 && field[2] === 'type') {
    const name = String(field[1]);
    const preferred = newDestination(name)?.type ?? (LEGACY_RFC_DESTINATIONS.some((d) => d.name === name) ? CONNECTION_TYPES.find((t) => t.protocol === 'RFC')?.type : undefined);
    return enumCandidates(schemaAt(path), (v) => (v === preferred ? 0 : 1));
  }
  if (f0 === 'notes' && inList) return noteCandidates(result, sys);
  if (f0 === 'taskLists' && inList) return taskListCandidates(sys);
  if (f0 === 'sdccn' && field[1] === 'destinations' && inList) {
    const names = [SDCCN_PROCEDURE.requiredDestination, ...SDCCN_PROCEDURE.taskDestinations, ...Object.keys(sys.destinations)].filter((n) => n !== SDCCN_PROCEDURE.obsoleteDestination);
    return names.map((n) => ({
      value: n,
      kind: CompletionItemKind.Interface,
      detail: n === SDCCN_PROCEDURE.requiredDestination ? `required in SDCCN (${sec(SDCCN_PROCEDURE.section)})` : 'destination',
      documentation: () => destinationMarkdown(n, lookup(sys.destinations, n)),
      tier: n === SDCCN_PROCEDURE.requiredDestination ? 0 : 1,
    }));
  }
  if (f0 === 'certificates' && field.length === 3 && inList) {
    return ROOT_CA_CERTIFICATES.map((c) => ({
      value: c,
      kind: CompletionItemKind.Value,
      detail: `root CA (${sec(CERTIFICATE_SOURCE.section)})`,
      documentation: certificateMarkdown(c, sys, String(field[1])),
      tier: 0,
    }));
  }
  if (f0 === 'profile' && field[1] === SSL_CLIENT_CIPHERSUITES_PARAMETER) {
    return CIPHERSUITE_VALUES.filter((c) => !sys.role || c.roles.includes(sys.role)).map((c, i) => ({
      value: c.value,
      kind: CompletionItemKind.Value,
      detail: c.description,
      documentation: ciphersuiteMarkdown(c.value, sys),
      tier: i === 0 ? 0 : 1,
    }));
  }
  if (f0 === 'basis') return basisCandidates(ctx.text);
  if (f0 === 'components' && field[1] === PLUGIN_COMPONENTS.stPi) return stPiCandidates(ctx.text, sys);
  if (f0 === 'components' && field[1] === PLUGIN_COMPONENTS.stApi) return stApiCandidates(ctx.text);
  if (f0 === 'release') return releaseCandidates(sys);
  if (f0 === 'spam') {
    return [{ value: SPAM_MIN_VERSION_FOR_TCI, kind: CompletionItemKind.Value, detail: `lowest SPAM/SAINT version for TCI (${sec('2.1.4.3')})`, tier: 0 }];
  }
  if (f0 === 'noteAssistant' && field[1] === 'download') {
    const b = parseBasis(sys.basis);
    const channel = b ? downloadChannelFor(b.release) : undefined;
    return enumCandidates(schemaAt(path), (v) => (v === 'rfc' && channel && !channel.rfcDownloadPossible ? 2 : v === 'download-service' ? 0 : 1)).map((c) => ({
      ...c,
      detail: noteDownloadProcedureLabel(c.value) ?? c.detail,
      deprecated: c.tier === 2,
    }));
  }
  const s = schemaAt(path);
  if (s && Array.isArray(s.enum)) return enumCandidates(s);
  if (s && s.type === 'boolean') {
    const why = f0 === 'noteAssistant' && field[1] === 'trustAnchors' ? `trust anchors of SAP Note ${TRUST_ANCHORS.note} installed` : undefined;
    return [
      { value: true, kind: CompletionItemKind.Value, detail: why, documentation: schemaText(s), tier: 0 },
      { value: false, kind: CompletionItemKind.Value, documentation: schemaText(s), tier: 1 },
    ];
  }
  return [];
}

/** `[a, b]` with the required items of a list, offered right after `notes: ` and similar keys. */
function wholeListItem(result: LintResult, ctx: ValueContext, s: Schema): CompletionItem[] {
  const required = valueCandidates(result, { ...ctx, text: '' }, [...ctx.path, 0]).filter((c) => c.tier === 0 || (c.tier === 1 && c.tag === 'missing'));
  const unique = [...new Map(required.map((c) => [String(c.value), c])).values()];
  if (!unique.length) return [];
  const { before } = separators(result, ctx);
  const list = `[${unique.map((c) => valueText(c.value, ctx.style === 'block' ? 'flow' : ctx.style)).join(', ')}]`;
  return [{
    label: list.length > 60 ? `${list.slice(0, 57)}…]` : list,
    kind: CompletionItemKind.Snippet,
    detail: `what the rules require here (${unique.length} item${unique.length > 1 ? 's' : ''})`,
    documentation: markdown(schemaText(s)),
    sortText: sortText(0, 0),
    filterText: list,
    textEdit: { range: ctx.range, newText: `${before}${list}` },
    insertTextFormat: InsertTextFormat.PlainText,
  }];
}

function valueCompletions(result: LintResult, ctx: ValueContext): CompletionItem[] {
  const path = ctx.path;
  const s = schemaAt(path);
  if (s && s.type === 'array' && !ctx.text) return wholeListItem(result, ctx, s);
  if (s && (s.type === 'object' || s.type === 'array')) return [];
  const last = path[path.length - 1];
  const exclude = new Set<string>();
  if (typeof last === 'number') {
    const list = valueAt(result.doc.value, path.slice(0, -1));
    // only scalars: String() of a map item with its own `toString` key would throw
    if (Array.isArray(list)) list.forEach((v, i) => { if (i !== last && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) exclude.add(String(v)); });
  }
  return toItems(result, ctx, valueCandidates(result, ctx, path), exclude);
}

/**
 * Completion items at a position.
 * @returns the items for the key or value being typed; [] where there is nothing to offer
 */
export function completion(result: LintResult, position: Position): CompletionItem[] {
  const start = newFileItem(result, position);
  const rest = contextCompletions(result, position);
  return start ? [start, ...rest] : rest;
}

function contextCompletions(result: LintResult, position: Position): CompletionItem[] {
  if (!result.doc.yaml) return [];
  const found = cursorContext(result.doc, position);
  if (found.kind === 'none') return [];
  const ctx = { ...found, range: editRangeAt(result, found.range, position) };
  if (ctx.kind === 'key') return keyCompletions(result, ctx);
  return valueCompletions(result, ctx);
}

/**
 * The new-file template, in a file without content (blank lines, YAML comments, and the word being
 * typed at the start of the cursor's line). The scan stops at the first line with content, so a
 * landscape of any size costs a line or two.
 */
function newFileItem(result: LintResult, position: Position): CompletionItem | undefined {
  const lines = result.doc.lines;
  if (position.line >= lines.lineCount) return undefined;
  const line = lines.lineText(position.line);
  if (!/^[A-Za-z-]*$/.test(line.slice(0, position.character)) || line.slice(position.character).trim() !== '') return undefined;
  const format = result.doc.format === 'json' ? 'json' : 'yaml';
  // JSON has no comments (a `//` line is a syntax error)
  const comment = format === 'json' ? /^\s*$/ : /^\s*(?:#.*)?$/;
  for (let i = 0; i < lines.lineCount; i++) if (i !== position.line && !comment.test(lines.lineText(i))) return undefined;
  const eol = /\r\n|\r|\n/.exec(result.doc.text)?.[0] ?? '\n';
  return {
    label: NEW_FILE_TEMPLATE_PREFIX,
    kind: CompletionItemKind.Snippet,
    detail: NEW_FILE_TEMPLATE_NAME,
    labelDetails: { description: 'new landscape file' },
    documentation: markdown(`${newFileDescription(format)}\n\n\`\`\`${format}\n${renderNewFile(format, false)}\`\`\``),
    textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: renderNewFile(format).split('\n').join(eol) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    filterText: NEW_FILE_TEMPLATE_PREFIX,
    sortText: sortText(0, 0),
  };
}

/**
 * The LSP contract of a completion edit: its range lies on the line of the request and contains
 * the cursor (VS Code drops the items otherwise). The cursor context already gives such a range;
 * this keeps the contract for any text: a range is cut to the cursor's line and widened to the
 * cursor.
 */
export function editRangeAt(result: LintResult, range: Range, position: Position): Range {
  const lines = result.doc.lines;
  const line = Math.max(0, Math.min(position.line, lines.lineCount - 1));
  const length = lines.lineText(line).length;
  const cursor = Math.max(0, Math.min(position.line === line ? position.character : length, length));
  const clamp = (c: number): number => Math.max(0, Math.min(c, length));
  const start = range.start.line === line ? clamp(range.start.character) : range.start.line < line ? 0 : cursor;
  const end = range.end.line === line ? clamp(range.end.character) : range.end.line > line ? length : cursor;
  return { start: { line, character: Math.min(start, cursor) }, end: { line, character: Math.max(end, cursor) } };
}
