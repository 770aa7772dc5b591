import { RULES } from '../rules';
import type { Rule, RuleMeta, SystemLocal } from '../rules/rule';
import { runChecks, toFindings } from '../rules/rule';
import type { LintConfig } from './config';
import { effectiveSeverity, EMPTY_CONFIG } from './config';
import { LandscapeDocument } from './document';
import type { LandscapeFormat } from './document';
import { ENGINE_RULES } from './engineRules';
import { indentUnitOf } from './edits';
import { IncrementalParser, shiftRange } from './incremental';
import type { LandscapeModel, SystemDef } from './model';
import { readLandscape } from './model';
import type { ErrorObject } from 'ajv';
import { validateSchema, validationErrors } from './schema';
import { applySuppressions, readSuppressions } from './suppress';
import type { Finding } from './types';
import type { KnowledgeContext } from '../knowledge/baseline';
import { knowledgeContext, knowledgeKey } from '../knowledge/baseline';

/** Metadata of every rule id the engine can report: engine findings first, then the guide's rules. */
export const ALL_RULES: readonly RuleMeta[] = Object.freeze([...ENGINE_RULES, ...RULES.map((r) => r.meta)]);
const KNOWN_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

/** Everything one lint run knows about a document; editor features reuse it instead of re-parsing. */
export interface LintResult {
  doc: LandscapeDocument;
  model: LandscapeModel;
  /** Findings after severity settings and suppressions, sorted by position. */
  findings: Finding[];
  /** Findings of the domain rules before settings and suppressions (the checklist reads these). */
  rawRuleFindings: Finding[];
  /** The baseline and date the findings were made for (hovers and reports state them). */
  knowledge: KnowledgeContext;
}

export interface LintOptions {
  config?: LintConfig;
  /** Overrides config.maxFileSize. */
  maxFileSize?: number;
  /** File format when the uri does not tell (see ParseOptions.format). */
  format?: LandscapeFormat;
  /** Restricts the domain rules (tests). */
  rules?: readonly Rule[];
  /**
   * The baseline and the date the advice is for; overrides config.baseline / config.asOf. Without
   * either: baseline `current`, asOf today (UTC).
   */
  knowledge?: KnowledgeContext;
  /**
   * The incremental state of a document that is linted again and again (the editor): parsing,
   * the model and the findings of per-system rules are reused for unchanged systems. The result
   * equals a lint without it (a property test checks that after every random edit).
   */
  incremental?: IncrementalLint;
}

type ScopedRule = Rule & { readonly scope?: 'system' | 'landscape' };

/** Cached findings of the per-system rules for one system's value, at the lines they were made for. */
interface SystemRuleCache {
  startLine: number;
  byRule: Map<string, Finding[]>;
}

/** Per-document state of incremental linting (see LintOptions.incremental). */
export class IncrementalLint {
  readonly parser = new IncrementalParser();
  readonly systemDefs = new WeakMap<object, SystemDef>();
  private cache = new WeakMap<object, SystemRuleCache>();
  private signature = '';
  /** Per-system rule runs of the last lint (systems × rules computed, not reused), for tests and logs. */
  lastComputed = 0;
  /** Values of one system's own entry that landscape-wide rules computed (see RuleContext.local). */
  private locals = new WeakMap<SystemDef, { startLine: number; values: Map<string, unknown> }>();
  /** Local values computed (not reused) by the last lint, for tests and logs. */
  lastLocalComputed = 0;

  /**
   * The memo of system-local values for this lint: a value is kept per system (its SystemDef,
   * the same object while its text is unchanged) and key, moved by whole lines when the system
   * moved, and recomputed when it reaches outside the system's own lines.
   */
  private localFor(lines: ReadonlyMap<string, { startLine: number; endLine: number }>): SystemLocal {
    this.lastLocalComputed = 0;
    return <T>(s: SystemDef, key: string, compute: () => T): T => {
      const at = lines.get(s.sid);
      if (!at) return compute();
      let entry = this.locals.get(s);
      if (!entry) this.locals.set(s, entry = { startLine: at.startLine, values: new Map() });
      else if (entry.startLine !== at.startLine) {
        const delta = at.startLine - entry.startLine;
        for (const [k, v] of entry.values) entry.values.set(k, shiftLines(v, delta));
        entry.startLine = at.startLine;
      }
      if (entry.values.has(key)) return entry.values.get(key) as T;
      this.lastLocalComputed++;
      const value = compute();
      if (linesWithin(value, at.startLine, at.endLine + 1)) entry.values.set(key, value);
      return value;
    };
  }

  /** Schema errors of each system's value (they depend on nothing else). */
  private schemaCache = new WeakMap<object, ErrorObject[]>();

  /**
   * The schema errors of a document value, in the order a full validation gives them: the
   * landscape without the systems is validated each time (a few keys), each system only when its
   * value is new; a system's errors are its own (they depend on nothing else in the file).
   */
  schemaErrors(value: unknown): ErrorObject[] {
    const systems = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).systems : undefined;
    if (this.parser.lastMode !== 'blocks' || !systems || typeof systems !== 'object' || Array.isArray(systems)) return validationErrors(value);
    const sids = Object.keys(systems);
    const raw = (sid: string): unknown => (systems as Record<string, unknown>)[sid];
    const dirty = sids.filter((sid) => { const v = raw(sid); return !v || typeof v !== 'object' || !this.schemaCache.has(v); });
    const subset: Record<string, unknown> = {};
    for (const sid of dirty) Object.defineProperty(subset, sid, { value: raw(sid), enumerable: true, writable: true, configurable: true });
    const shell: Record<string, unknown> = {};
    for (const k of Object.keys(value as object)) Object.defineProperty(shell, k, { value: k === 'systems' ? subset : (value as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
    const errors = validationErrors(shell);
    const bySystem = new Map<string, ErrorObject[]>(dirty.map((sid) => [sid, []]));
    const rest: ErrorObject[] = [];
    const prefixes = new Map(dirty.map((sid) => [`/systems/${sid.replace(/~/g, '~0').replace(/\//g, '~1')}`, sid]));
    for (const e of errors) {
      const named = e.instancePath === '/systems' ? (e as ErrorObject & { propertyName?: string }).propertyName : undefined;
      const segs = e.instancePath.split('/');
      const sid = named !== undefined && bySystem.has(named) ? named : segs.length >= 3 && segs[1] === 'systems' ? prefixes.get(`/systems/${segs[2]}`) : undefined;
      if (sid !== undefined) bySystem.get(sid)!.push(e);
      else rest.push(e);
    }
    for (const sid of dirty) {
      const v = raw(sid);
      if (v && typeof v === 'object') this.schemaCache.set(v, bySystem.get(sid)!);
    }
    // a full validation reports the landscape's keys in file order and each system's errors where its key is
    const out: ErrorObject[] = [];
    const systemErrors = sids.flatMap((sid) => { const v = raw(sid); return (v && typeof v === 'object' ? this.schemaCache.get(v) : bySystem.get(sid)) ?? []; });
    let placed = false;
    for (const e of rest) {
      if (!placed && systemsAfter(e.instancePath, value as object)) {
        out.push(...systemErrors);
        placed = true;
      }
      out.push(e);
    }
    if (!placed) out.push(...systemErrors);
    return out;
  }

  /**
   * The findings of the domain rules — the same as a full run after sorting by position (ties at
   * one position are findings of one rule on one system, and keep the rule's order).
   */
  runRules(rules: readonly Rule[], doc: LandscapeDocument, model: LandscapeModel, knowledge: KnowledgeContext): Finding[] {
    this.lastComputed = 0;
    const lines = this.parser.blockLines.get('systems');
    const systems = (doc.value as { systems?: Record<string, unknown> } | null)?.systems;
    const usable = this.parser.lastMode === 'blocks' && lines && systems && typeof systems === 'object' && !doc.parseFindings.some((f) => f.ruleId === 'duplicate-key');
    if (!usable) {
      this.cache = new WeakMap();
      return rules.flatMap((rule) => runRule(rule, doc, model, knowledge));
    }
    const systemRules = (rules as readonly ScopedRule[]).filter((r) => r.scope === 'system');
    const ids = systemRules.map((r) => r.meta.id);
    // findings depend on the baseline and the date too: another baseline or day recomputes all
    const signature = `${indentUnitOf(doc)}\u0000${doc.text.includes('\r\n')}\u0000${ids.join(',')}\u0000${this.parser.lastSignature}\u0000${knowledgeKey(knowledge)}`;
    if (signature !== this.signature) {
      this.cache = new WeakMap();
      this.locals = new WeakMap();
      this.signature = signature;
    }
    // each system's cache, moved to the system's current lines; the systems some rule must run for
    const entries: (SystemRuleCache | undefined)[] = new Array(model.systems.length);
    const incomplete: number[] = [];
    model.systems.forEach((s, i) => {
      const raw = Object.hasOwn(systems, s.sid) ? systems[s.sid] : undefined;
      const at = lines.get(s.sid);
      if (!raw || typeof raw !== 'object' || !at) {
        incomplete.push(i);
        return;
      }
      let entry = this.cache.get(raw);
      if (!entry) {
        entry = { startLine: at.startLine, byRule: new Map() };
        this.cache.set(raw, entry);
      } else if (entry.startLine !== at.startLine) {
        const delta = at.startLine - entry.startLine;
        for (const [id, found] of entry.byRule) entry.byRule.set(id, found.map((f) => shiftFinding(f, delta)));
        entry.startLine = at.startLine;
      }
      entries[i] = entry;
      if (entry.byRule.size !== ids.length) incomplete.push(i);
    });
    const out: Finding[] = [];
    // findings of dirty systems that could not be cached (ranges outside the system's lines)
    const uncached = new Map<number, Finding[]>();
    const local = this.localFor(lines);
    for (const rule of rules as readonly ScopedRule[]) {
      if (rule.scope !== 'system') {
        out.push(...runRule(rule, doc, model, knowledge, 'all', local));
        continue;
      }
      if (rule.checkOutside) out.push(...runRule(rule, doc, model, knowledge, 'outside', local));
      const id = rule.meta.id;
      const dirty = incomplete.filter((i) => !entries[i]?.byRule.has(id));
      if (!dirty.length) continue;
      this.lastComputed += dirty.length;
      const found = runRule(rule, doc, { ...model, systems: dirty.map((i) => model.systems[i]) }, knowledge, 'systems');
      const bySystem = new Map<string | null, Finding[]>();
      for (const f of found) {
        const list = bySystem.get(f.system);
        if (list) list.push(f);
        else bySystem.set(f.system, [f]);
      }
      // a finding without a system breaks the rule's contract: kept as the full run would, not cached
      out.push(...(bySystem.get(null) ?? []));
      for (const i of dirty) {
        const s = model.systems[i];
        const entry = entries[i];
        const mine = bySystem.get(s.sid) ?? [];
        const at = lines.get(s.sid);
        // only findings whose every range lies in the system's own lines can move with them
        if (entry && at && mine.every((f) => withinLines(f, at.startLine, at.endLine + 1))) entry.byRule.set(id, mine);
        else if (mine.length) uncached.set(i, [...(uncached.get(i) ?? []), ...mine]);
      }
    }
    // the per-system findings, system by system (sorted by position afterwards)
    model.systems.forEach((_s, i) => {
      const entry = entries[i];
      if (entry) for (const id of ids) { const found = entry.byRule.get(id); if (found) out.push(...found); }
      const extra = uncached.get(i);
      if (extra) out.push(...extra);
    });
    return out;
  }
}

/** True when an error at this path comes after the systems in a full validation (a later top-level key). */
function systemsAfter(instancePath: string, value: object): boolean {
  const top = instancePath.split('/')[1];
  if (top === undefined || top === '' || top === 'systems') return false;
  const keys = Object.keys(value);
  return keys.indexOf(top.replace(/~1/g, '/').replace(/~0/g, '~')) > keys.indexOf('systems');
}

/**
 * A cached finding moved by whole lines, as a new object: results already handed out (published
 * diagnostics still being written, a code action of the previous version) never change under
 * their holder.
 */
function shiftFinding(f: Finding, delta: number): Finding {
  const moved: Finding = { ...f, range: shiftRange(f.range, delta) };
  if (f.related) moved.related = f.related.map((rel) => (rel.uri ? rel : { ...rel, range: shiftRange(rel.range, delta) }));
  if (f.fixes) moved.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, delta) })) }));
  return moved;
}

/** A plain value with every position in it moved by whole lines (new objects; the old one is handed out). */
export function shiftLines(v: unknown, delta: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shiftLines(x, delta));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number') return { ...o, line: o.line + delta };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = shiftLines(o[k], delta);
  return out;
}

/** True when every position in a plain value lies in lines [from, to) (or at the start of line `to`). */
function linesWithin(v: unknown, from: number, to: number): boolean {
  if (Array.isArray(v)) return v.every((x) => linesWithin(x, from, to));
  if (v === null || typeof v !== 'object') return true;
  const o = v as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number') return o.line >= from && (o.line < to || (o.line === to && o.character === 0));
  return Object.keys(o).every((k) => linesWithin(o[k], from, to));
}

function withinLines(f: Finding, from: number, to: number): boolean {
  return !(f.related ?? []).some((rel) => rel.uri) && linesWithin([f.range, f.related, f.fixes], from, to);
}

/** Rule ids in the order findings at one position are listed (localeCompare, computed once). */
const RULE_RANK = new Map([...KNOWN_IDS].sort((a, b) => a.localeCompare(b)).map((id, i) => [id, i]));

function byRule(a: string, b: string): number {
  if (a === b) return 0;
  const ra = RULE_RANK.get(a);
  const rb = RULE_RANK.get(b);
  return ra !== undefined && rb !== undefined ? ra - rb : a.localeCompare(b);
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || byRule(a.ruleId, b.ruleId);
}

/** Runs a rule, turning an exception into a finding instead of losing the whole run. */
function runRule(rule: Rule, doc: LandscapeDocument, model: LandscapeModel, knowledge: KnowledgeContext, part: 'all' | 'systems' | 'outside' = 'all', local?: SystemLocal): Finding[] {
  try {
    // each rule has its own memo entries: two rules never share a value object (fix-all and the
    // checklist tell edits apart by identity)
    const id = rule.meta.id;
    const ctx = { doc, model, baseline: knowledge.baseline, asOf: knowledge.asOf, local: local && (<T>(s: SystemDef, key: string, compute: () => T): T => local(s, `${id}\u0000${key}`, compute)) };
    return toFindings(rule, part === 'all' ? runChecks(rule, ctx) : part === 'systems' ? rule.check(ctx) : rule.checkOutside?.(ctx) ?? []);
  } catch (e) {
    return [{
      ruleId: rule.meta.id,
      severity: 'warning',
      message: `Internal error in rule ${rule.meta.id}: ${e instanceof Error ? e.message : String(e)} — please report it; the other rules still ran`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      system: null,
    }];
  }
}

/** The whole pipeline: parse, schema, rules, severity settings, suppression comments. */
export function lintText(uri: string, text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? EMPTY_CONFIG;
  const knowledge = options.knowledge ?? knowledgeContext(config.baseline, config.asOf);
  const parseOptions = { maxFileSize: options.maxFileSize ?? config.maxFileSize, format: options.format };
  const inc = options.incremental;
  const doc = inc ? inc.parser.parse(uri, text, parseOptions) : new LandscapeDocument(uri, text, parseOptions);
  const model = readLandscape(doc.value, inc?.systemDefs);
  const raw: Finding[] = [...doc.parseFindings];
  let rawRuleFindings: Finding[] = [];
  if (doc.value !== undefined) {
    raw.push(...(inc ? validateSchema(doc, (v) => inc.schemaErrors(v)) : validateSchema(doc)));
    if (doc.value !== null) {
      if (inc) rawRuleFindings = inc.runRules(options.rules ?? RULES, doc, model, knowledge);
      else for (const rule of options.rules ?? RULES) rawRuleFindings.push(...runRule(rule, doc, model, knowledge));
    }
  }
  rawRuleFindings = rawRuleFindings.sort(byPosition);
  raw.push(...rawRuleFindings);
  const configured: Finding[] = [];
  for (const f of raw) {
    const severity = effectiveSeverity(config, f.ruleId, f.severity);
    if (severity) configured.push(severity === f.severity ? f : { ...f, severity });
  }
  const findings = doc.format === 'yaml'
    ? applySuppressions(configured, readSuppressions(doc.lines), KNOWN_IDS, doc.lines)
    : configured;
  // a suppression finding is itself subject to the severity settings
  const final: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId !== 'suppression') final.push(f);
    else {
      const severity = effectiveSeverity(config, 'suppression', f.severity);
      if (severity) final.push({ ...f, severity });
    }
  }
  return { doc, model, findings: sortedFindings(final), rawRuleFindings, knowledge };
}

const ENGINE_IDS: ReadonlySet<string> = new Set(ENGINE_RULES.map((r) => r.id));

/**
 * The findings by position. The domain rules' findings are in order already (sorted before the
 * settings and suppressions, which keep the order): only the engine's few are sorted, then merged
 * in — the same order as sorting everything, as a finding of the engine never ties with a rule's
 * (different rule ids), for a fraction of the cost on files with 10,000s of findings.
 */
function sortedFindings(all: Finding[]): Finding[] {
  const engine = all.filter((f) => ENGINE_IDS.has(f.ruleId)).sort(byPosition);
  if (!engine.length) return all;
  const rules = all.filter((f) => !ENGINE_IDS.has(f.ruleId));
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < engine.length && j < rules.length) out.push(byPosition(engine[i], rules[j]) <= 0 ? engine[i++] : rules[j++]);
  while (i < engine.length) out.push(engine[i++]);
  while (j < rules.length) out.push(rules[j++]);
  return out;
}
