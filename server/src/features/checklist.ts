/**
 * The guide's checklists per system, decided by the findings of the domain rules.
 *
 * Which items a system gets comes from the knowledge tables (scope and conditions of each item);
 * whether an item is done comes only from the rule findings of the lint run — this module holds
 * no requirement of its own. Decisions:
 * - The checklist reads `rawRuleFindings` with each rule's own severity: severity settings
 *   (editor settings, `.landscape-lint.json`, `--rule`) do not change it, so the readiness of a
 *   landscape is the same for every user and in the CLI report. A rule turned `off` hides
 *   diagnostics, not the guide's requirement: its items still show open.
 * - A suppression comment in the file (`# landscape-lint-disable-next-line <rule> -- <reason>`)
 *   states that the requirement does not apply to that place; its findings are waived and an item
 *   left with nothing but waived findings is `n/a`, with the comment's reason as the action.
 * - Info findings are advice: they are listed with the item, but never make it open.
 * - `unknown`: the file does not record what the item needs — the rule's warning asks to record a
 *   fact (the finding says `data.unrecorded`, or the field the rule reads is absent), or a field
 *   that the item's conditions or evidence need (basis, release) is missing.
 * - Findings of a system that no applicable item takes (e.g. the note download channel of an ABAP
 *   system connected through SAP Solution Manager) form an extra group "Other findings", so that
 *   a system with an error or warning is never green.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LintResult } from '../core/lint';
import { ruleMeta, shiftLines } from '../core/lint';
import type { SystemDef } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import { headlineOf } from '../core/headline';
import { capitalize } from '../core/text';
import { isPlaceholderReason, readSuppressions } from '../core/suppress';
import type { Suppression } from '../core/suppress';
import type { Finding, NodePath } from '../core/types';
import type { ChecklistCondition, ChecklistItem } from '../knowledge';
import {
  basisHasDigitalSignature,
  CHECKLIST_CHAPTERS,
  checklistItemApplies,
  digitalSignatureNotesFor,
  FRUN_REQUIRED_RELEASE,
  frunNeedsSupportHubTaskList,
  GUIDE,
  isSupportedBasisRelease,
  lookup,
  parseBasis,
  parseFrunRelease,
  parseSolmanRelease,
  SAPROUTER_CHECK,
  saprouterCheckRequired,
  SOLMAN_SUPPORT_HUB_TASK_LIST,
  solmanNeedsSupportHubTaskList,
} from '../knowledge';
import type { SystemFieldPath } from '../knowledge/checklistEvidence';
import { checklistItemEvidence, ruleRecordedFields } from '../knowledge/checklistEvidence';
import type {
  ChecklistChapterResult,
  ChecklistFinding,
  ChecklistFix,
  ChecklistItemResult,
  LandscapeChecklist,
  ReadinessStatus,
  SystemChecklist,
} from '../protocol';
import { noteList, tciState } from '../rules/shared';
import { combineFixes } from './codeActions';

/** Chapter id and title of the extra group of findings that no checklist item takes. */
export const OTHER_CHAPTER = { id: 'other', title: 'Other findings of the guide\'s rules' } as const;

type Obj = Record<string, unknown>;

/** What the checklist needs to know about one system while it is built. */
interface SystemContext {
  readonly result: LintResult;
  readonly s: SystemDef;
  /** The system's value in the document (for field presence). */
  readonly raw: Obj;
  readonly waivers: Waivers;
}

/** A condition's verdict, with the field that decides it and a sentence for n/a / unknown. */
interface ConditionVerdict {
  holds: boolean | undefined;
  field: SystemFieldPath;
  why: string;
}

const BASIS_UNKNOWN = 'record `basis` (SAP_BASIS release and support package, "<release> SP<n>") to decide this item';

const SUPPORT_HUB_SOLMAN = `${SOLMAN_SUPPORT_HUB_TASK_LIST.release} SPS${String(SOLMAN_SUPPORT_HUB_TASK_LIST.fromSps).padStart(2, '0')}`;

/** Evaluates one condition of a conditional checklist item with the knowledge tables. */
function conditionVerdict(c: ChecklistCondition, s: SystemDef): ConditionVerdict {
  const basis = parseBasis(s.basis);
  switch (c) {
    case 'below-digital-signature-sp': {
      if (!basis) return { holds: undefined, field: ['basis'], why: BASIS_UNKNOWN };
      if (!isSupportedBasisRelease(basis.release)) return { holds: true, field: ['basis'], why: '' };
      const has = basisHasDigitalSignature(basis);
      if (has === undefined) return { holds: undefined, field: ['basis'], why: `SAP_BASIS release ${basis.release} is not in the guide's tables: check \`basis\`` };
      return { holds: !has, field: ['basis'], why: `SAP_BASIS ${basis.text} already handles digitally signed SAP Notes (guide 2.1.4.2)` };
    }
    case 'tci-enabled':
    case 'not-tci-enabled': {
      const state = tciState(s);
      const field: SystemFieldPath = state.reason === 'declared' ? ['noteAssistant', 'tci'] : ['basis'];
      if (state.reason === 'unknown') return { holds: undefined, field, why: 'record `basis` or `noteAssistant.tci` to know whether Note Assistant is TCI-enabled' };
      const notes = noteList(digitalSignatureNotesFor(state.enabled));
      return {
        holds: state.enabled === (c === 'tci-enabled'),
        field,
        why: state.enabled
          ? `Note Assistant is TCI-enabled, so SAP Note ${notes} is the one it needs (guide 2.1.4.2)`
          : `Note Assistant is not TCI-enabled, so it needs SAP Notes ${notes} instead (guide 2.1.4.2)`,
      };
    }
    case 'saprouter-check-required': {
      if (!basis) return { holds: undefined, field: ['basis'], why: BASIS_UNKNOWN };
      return {
        holds: saprouterCheckRequired(basis.release),
        field: ['basis'],
        why: `SAP_BASIS ${SAPROUTER_CHECK.autoAdjustedFromRelease} and higher adjusts the SAProuter settings automatically (guide ${SAPROUTER_CHECK.section})`,
      };
    }
    case 'support-hub-release': {
      if (s.role === 'solman') {
        const v = parseSolmanRelease(s.release);
        if (!v) return { holds: undefined, field: ['release'], why: `record \`release\` (e.g. "${SUPPORT_HUB_SOLMAN}") to decide this item` };
        return { holds: solmanNeedsSupportHubTaskList(v), field: ['release'], why: `required from SAP Solution Manager ${SUPPORT_HUB_SOLMAN} on (guide ${SOLMAN_SUPPORT_HUB_TASK_LIST.section}); upgrade first` };
      }
      const v = parseFrunRelease(s.release);
      if (!v) return { holds: undefined, field: ['release'], why: `record \`release\` (e.g. "${FRUN_REQUIRED_RELEASE}") to decide this item` };
      return { holds: frunNeedsSupportHubTaskList(v), field: ['release'], why: `required from Focused Run ${FRUN_REQUIRED_RELEASE} on (guide 6.1); upgrade first` };
    }
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function present(raw: Obj, path: SystemFieldPath): boolean {
  let v: unknown = raw;
  for (const key of path) {
    if (!isObj(v) || !Object.hasOwn(v, key)) return false;
    v = v[key];
  }
  return v !== null && v !== undefined;
}

function sysPath(s: SystemDef, field: SystemFieldPath = []): NodePath {
  return ['systems', s.sid, ...field];
}

function sidRange(result: LintResult, sid: string): Range {
  return result.doc.rangeOfKey(['systems', sid]) ?? result.doc.rangeFor(['systems', sid]);
}

/** The most specific range of a field, else the SID key. */
function fieldRange(ctx: SystemContext, field: SystemFieldPath): Range {
  return present(ctx.raw, field) ? ctx.result.doc.rangeFor(sysPath(ctx.s, field)) : sidRange(ctx.result, ctx.s.sid);
}

function fieldText(field: SystemFieldPath): string {
  return field.join('.');
}

/** The suppression comments by rule id, in file order (a finding only looks at those of its rule). */
type Waivers = ReadonlyMap<string, readonly Suppression[]>;

function waiversOf(suppressions: readonly Suppression[]): Waivers {
  const out = new Map<string, Suppression[]>();
  for (const x of suppressions) {
    for (const rule of new Set(x.rules)) {
      const list = out.get(rule);
      if (list) list.push(x);
      else out.set(rule, [x]);
    }
  }
  return out;
}

function waiverOf(f: Finding, waivers: Waivers): string | undefined {
  const line = f.range.start.line;
  const s = waivers.get(f.ruleId)?.find((x) => line >= x.fromLine && line <= x.toLine);
  return s ? (s.reason && !isPlaceholderReason(s.reason) ? s.reason : '(no reason given in the suppression comment)') : undefined;
}

/** A warning that asks to record a fact the file lacks (see the module comment). */
function isUnrecorded(f: Finding, ctx: SystemContext): boolean {
  const flag = f.data?.unrecorded;
  if (typeof flag === 'boolean') return flag;
  if (f.severity !== 'warning') return false;
  const fields = ruleRecordedFields(f.ruleId);
  return fields !== undefined && fields.some((p) => !present(ctx.raw, p));
}

function toRef(f: Finding, ctx: SystemContext): ChecklistFinding {
  const ref: ChecklistFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, headline: headlineOf(f).headline, range: f.range };
  if (isUnrecorded(f, ctx)) ref.unrecorded = true;
  const waived = waiverOf(f, ctx.waivers);
  if (waived !== undefined) ref.waived = waived;
  return ref;
}

function isBlocking(ref: ChecklistFinding): boolean {
  return ref.waived === undefined && (ref.severity === 'error' || ref.severity === 'warning');
}

/**
 * The blocking findings' fixes, combined the way "fix all" combines them (the preferred or only
 * fix of each finding; an edit at a place already edited is skipped, so two findings that record
 * the same note add it once). `partial` when a blocking finding is left over, e.g. one that offers
 * a choice between communication users.
 */
function fixOf(blocking: readonly Finding[]): ChecklistFix | undefined {
  const edits = combineFixes(blocking);
  if (!edits.length) return undefined;
  const taken = new Set(edits);
  const key = (e: { range: Range; newText: string }): string => JSON.stringify([e.range, e.newText]);
  const takenText = new Set(edits.map(key));
  const titles = new Set(blocking.flatMap((f) => f.fixes?.filter((x) => x.edits.length > 0 && x.edits.every((e) => taken.has(e))).map((x) => x.title) ?? []));
  const out: ChecklistFix = { title: [...titles].join('; '), edits };
  // a finding whose fix is the same text as one taken is completed by it too
  if (!blocking.every((f) => f.fixes?.some((x) => x.edits.length > 0 && x.edits.every((e) => takenText.has(key(e)))))) out.partial = true;
  return out;
}

interface Decision {
  state: ChecklistItemResult['state'];
  severity?: 'error' | 'warning';
  range: Range;
  action: string;
  cause?: string;
  waived?: string;
  fix?: ChecklistFix;
}

/**
 * Why an open or unknown item is open, in a few words: the deciding finding's headline, "blocked:"
 * when it is not the item's own rule (the task list is run, but its certificates are missing).
 */
function causeOf(decider: ChecklistFinding, blockedBy: readonly string[]): string {
  const headline = decider.headline ?? headlineOf(decider).headline;
  return blockedBy.includes(decider.ruleId) ? `blocked: ${headline}` : headline;
}

/**
 * Decides an item from its findings (see the module comment for the order of the rules).
 * @param done what to show when the item is done
 * @param undecided a condition or required field that is missing, when there is one
 */
function decide(
  ruleOrder: readonly string[],
  findings: readonly Finding[],
  refs: readonly ChecklistFinding[],
  done: { range: Range; action: string },
  undecided?: { range: Range; action: string; cause: string },
  blockedBy: readonly string[] = [],
): Decision {
  const blocking = findings.filter((_, i) => isBlocking(refs[i]));
  const blockingRefs = refs.filter(isBlocking);
  const open = blockingRefs.filter((r) => !r.unrecorded);
  // errors first, then the item's first rule (e.g. the task list before the TLS check it includes)
  const rank = (r: ChecklistFinding): number => (r.severity === 'error' ? 0 : 1000) + ruleOrder.indexOf(r.ruleId);
  const pick = (rs: readonly ChecklistFinding[]): ChecklistFinding => rs.reduce((best, r) => (rank(r) < rank(best) ? r : best));
  if (open.length || blockingRefs.length) {
    const decider = pick(open.length ? open : blockingRefs);
    const decision: Decision = { state: open.length ? 'open' : 'unknown', severity: decider.severity as 'error' | 'warning', range: decider.range, action: decider.message, cause: causeOf(decider, blockedBy) };
    const fix = fixOf(blocking);
    if (fix) decision.fix = fix;
    return decision;
  }
  const waived = refs.find((r) => r.waived !== undefined && r.severity !== 'info' && r.severity !== 'hint');
  if (waived) return { state: 'n/a', range: waived.range, action: `Waived in the file: ${waived.waived}`, waived: waived.waived ?? '' };
  if (undecided) return { state: 'unknown', ...undecided };
  return { state: 'done', ...done };
}

/** One knowledge checklist item for one system; `claimed` collects the findings it takes. */
function evaluateItem(ctx: SystemContext, item: ChecklistItem, own: readonly Finding[], claimed: Set<Finding>): ChecklistItemResult {
  const base = { id: item.id, chapter: item.chapter, text: item.text, label: item.label, origin: item.origin, sections: [...item.sections], ruleIds: [...item.ruleIds] };
  const verdicts = (item.conditions ?? []).map((c) => conditionVerdict(c, ctx.s));
  const notMet = verdicts.find((v) => v.holds === false);
  if (notMet) {
    return { ...base, state: 'n/a', range: fieldRange(ctx, notMet.field), action: `Not applicable: ${notMet.why}`, findings: [] };
  }
  const mine = own.filter((f) => (item.ruleIds as readonly string[]).includes(f.ruleId));
  for (const f of mine) claimed.add(f);
  const refs = mine.map((f) => toRef(f, ctx));
  const evidence = checklistItemEvidence(item.id);
  const undecidedCondition = verdicts.find((v) => v.holds === undefined);
  const missing = evidence?.requires?.find((p) => !present(ctx.raw, p));
  const undecided = undecidedCondition
    ? { range: fieldRange(ctx, undecidedCondition.field), action: capitalize(undecidedCondition.why), cause: `not recorded: ${fieldText(undecidedCondition.field)}` }
    : missing
      ? { range: fieldRange(ctx, missing), action: `Not recorded: record \`${fieldText(missing)}\` to decide this item`, cause: `not recorded: ${fieldText(missing)}` }
      : undefined;
  const shown = evidence?.fields.find((p) => present(ctx.raw, p));
  const done = { range: shown ? fieldRange(ctx, shown) : sidRange(ctx.result, ctx.s.sid), action: item.text };
  return { ...base, ...decide(item.ruleIds, mine, refs, done, undecided, item.blockedBy), findings: refs };
}

/** Items of the extra group: a missing role/connection, and findings no applicable item takes. */
function otherItems(ctx: SystemContext, leftover: readonly Finding[]): ChecklistItemResult[] {
  const out: ChecklistItemResult[] = [];
  const { s } = ctx;
  const record = (field: string, text: string): void => {
    const range = fieldRange(ctx, [field]);
    out.push({ id: `record:${field}`, chapter: OTHER_CHAPTER.id, text, label: `Record \`${field}\``, origin: 'finding', sections: [], state: 'unknown', ruleIds: [], range, action: text, cause: `not recorded: ${field}`, findings: [] });
  };
  if (s.role === undefined) record('role', 'Record the system\'s role (abap, solman or frun) to know which checklists apply');
  else if (s.role === 'abap' && s.connection === undefined) record('connection', 'Record how the ABAP system connects to the support backbone (direct, solman, frun or none) to know which checklists apply');
  const byRule = new Map<string, Finding[]>();
  for (const f of leftover) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  for (const [ruleId, findings] of byRule) {
    const meta = ruleMeta(ruleId);
    const refs = findings.map((f) => toRef(f, ctx));
    const text = meta?.title ?? ruleId;
    const decision = decide([ruleId], findings, refs, { range: findings[0].range, action: text });
    out.push({ id: `other:${ruleId}`, chapter: OTHER_CHAPTER.id, text, label: text, origin: 'finding', sections: meta ? [meta.section] : [], ruleIds: [ruleId], ...decision, findings: refs });
  }
  return out;
}

function chapterResult(id: string, title: string, items: ChecklistItemResult[]): ChecklistChapterResult {
  return {
    id,
    title,
    items,
    done: items.filter((i) => i.state === 'done').length,
    total: items.filter((i) => i.state !== 'n/a').length,
    waived: items.filter((i) => i.waived !== undefined).length,
  };
}

function statusOf(items: readonly ChecklistItemResult[]): ReadinessStatus {
  if (items.some((i) => i.state === 'open' && i.severity === 'error')) return 'red';
  if (items.some((i) => i.state === 'open' || i.state === 'unknown')) return 'amber';
  return 'green';
}

function systemChecklist(result: LintResult, s: SystemDef, own: readonly Finding[], waivers: Waivers): SystemChecklist {
  const systems = (result.doc.value as Obj | undefined)?.systems;
  const value = isObj(systems) ? lookup(systems, s.sid) : undefined;
  const raw = isObj(value) ? value : {};
  const ctx: SystemContext = { result, s, raw, waivers };
  const claimed = new Set<Finding>();
  const chapters: ChecklistChapterResult[] = [];
  if (s.role !== undefined) {
    const scope = { role: s.role, connection: s.role === 'abap' ? s.connection : undefined, snoteEnabled: usesNoteAssistant(s) };
    for (const chapter of CHECKLIST_CHAPTERS) {
      const items = chapter.items.filter((item) => checklistItemApplies(item, scope)).map((item) => evaluateItem(ctx, item, own, claimed));
      if (items.length) chapters.push(chapterResult(chapter.id, chapter.title, items));
    }
  }
  // a finding taken by an item that is n/a by its conditions was not claimed: it lands here
  const other = otherItems(ctx, own.filter((f) => !claimed.has(f)));
  if (other.length) chapters.push(chapterResult(OTHER_CHAPTER.id, OTHER_CHAPTER.title, other));
  const items = chapters.flatMap((c) => c.items);
  const out: SystemChecklist = {
    sid: s.sid,
    range: sidRange(result, s.sid),
    chapters,
    done: items.filter((i) => i.state === 'done').length,
    total: items.filter((i) => i.state !== 'n/a').length,
    open: items.filter((i) => i.state === 'open').length,
    unknown: items.filter((i) => i.state === 'unknown').length,
    notApplicable: items.filter((i) => i.state === 'n/a').length,
    waived: items.filter((i) => i.waived !== undefined).length,
    status: statusOf(items),
  };
  if (s.role !== undefined) out.role = s.role;
  if (s.connection !== undefined) out.connection = s.connection;
  if (s.description !== undefined) out.description = s.description;
  if (s.managedBy !== undefined) out.managedBy = s.managedBy;
  return out;
}

/**
 * The readiness checklist of a linted landscape file: per system (in file order) the items of
 * the guide's checklists that apply to its role and connection, grouped by chapter in the guide's
 * order, each decided by the findings of the domain rules (see the module comment).
 * @param result a lint run (its `rawRuleFindings` and document)
 * @param version the document version the run was made for, passed through to the client
 */
export function buildChecklist(result: LintResult, version?: number, cache?: ChecklistCache): LandscapeChecklist {
  const { model, doc } = result;
  const suppressions = doc.format === 'yaml' ? readSuppressions(doc.lines) : [];
  const waivers = waiversOf(suppressions);
  const bySystem = new Map<string, Finding[]>();
  const landscapeFindings: ChecklistFinding[] = [];
  for (const f of result.rawRuleFindings) {
    if (f.system !== null && model.systemsById.has(f.system)) {
      const list = bySystem.get(f.system);
      if (list) list.push(f);
      else bySystem.set(f.system, [f]);
    } else {
      const ref: ChecklistFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
      const waived = waiverOf(f, waivers);
      if (waived !== undefined) ref.waived = waived;
      landscapeFindings.push(ref);
    }
  }
  cache?.begin(suppressions);
  const systems = model.systems.map((s) => {
    const own = bySystem.get(s.sid) ?? [];
    return cache ? cache.system(result, s, own, () => systemChecklist(result, s, own, waivers)) : systemChecklist(result, s, own, waivers);
  });
  const out: LandscapeChecklist = {
    uri: doc.uri,
    guide: { title: GUIDE.title, version: GUIDE.version, date: GUIDE.date },
    baseline: { id: result.knowledge.baseline.id, title: result.knowledge.baseline.title, date: result.knowledge.baseline.date },
    parsed: doc.value !== undefined,
    syntaxErrors: doc.parseFindings.filter((f) => f.severity === 'error').length,
    systems,
    landscapeFindings,
    summary: {
      systems: systems.length,
      ready: systems.filter((s) => s.status === 'green').length,
      red: systems.filter((s) => s.status === 'red').length,
      amber: systems.filter((s) => s.status === 'amber').length,
      green: systems.filter((s) => s.status === 'green').length,
      itemsDone: systems.reduce((n, s) => n + s.done, 0),
      itemsTotal: systems.reduce((n, s) => n + s.total, 0),
      itemsWaived: systems.reduce((n, s) => n + s.waived, 0),
    },
  };
  if (version !== undefined) out.version = version;
  if (model.name !== undefined) out.name = model.name;
  return out;
}

/** Every item of a checklist with its system, in order (for the report, tests and the tree). */
export function checklistItemsOf(checklist: LandscapeChecklist): { system: SystemChecklist; chapter: ChecklistChapterResult; item: ChecklistItemResult }[] {
  return checklist.systems.flatMap((system) => system.chapters.flatMap((chapter) => chapter.items.map((item) => ({ system, chapter, item }))));
}

/**
 * The checklists of the systems of one document, kept from version to version (the server keeps
 * one per open document): a system's checklist depends only on its own entry (the same SystemDef
 * object while its text is unchanged), its findings and the suppression comments. It is rebuilt
 * when one of them changed, and moved by whole lines when only its place in the file did. Equal to
 * building it afresh (a property test checks it after random edits).
 */
export class ChecklistCache {
  private bySystem = new WeakMap<SystemDef, { line: number; findings: string; own: readonly Finding[]; checklist: SystemChecklist }>();
  private suppressions = '';
  /** Systems whose checklist was built (not reused) by the last build, for tests and logs. */
  lastBuilt = 0;

  /** Starts a build: suppression comments that changed (or moved) invalidate every system. */
  begin(suppressions: readonly Suppression[]): void {
    const key = JSON.stringify(suppressions);
    if (key !== this.suppressions) {
      this.bySystem = new WeakMap();
      this.suppressions = key;
    }
    this.lastBuilt = 0;
  }

  system(result: LintResult, s: SystemDef, own: readonly Finding[], build: () => SystemChecklist): SystemChecklist {
    const line = sidRange(result, s.sid).start.line;
    const last = this.bySystem.get(s);
    // the same finding objects at the same place (cached per-system findings): nothing to compare
    if (last && last.line === line && last.own.length === own.length && last.own.every((f, i) => f === own[i])) return last.checklist;
    // the findings with their lines relative to the system's key: unchanged when only the system moved
    const findings = JSON.stringify(own, function (this: unknown, key: string, value: unknown) {
      return key === 'line' && typeof value === 'number' && isPosition(this) ? value - line : value;
    });
    const hit = last;
    if (hit && hit.findings === findings) {
      if (hit.line === line) {
        hit.own = own;
        return hit.checklist;
      }
      const moved = movedChecklist(hit.checklist, line - hit.line);
      this.bySystem.set(s, { line, findings, own, checklist: moved });
      return moved;
    }
    this.lastBuilt++;
    const checklist = build();
    this.bySystem.set(s, { line, findings, own, checklist });
    return checklist;
  }
}

/**
 * A system checklist moved by whole lines, as a new object with the same keys in the same order.
 * Its chapters (nearly all of its size) are moved when first read: the summary the tree asks for
 * and the code lenses read only the counts and the range, so an edit that moves thousands of
 * systems does not copy thousands of item lists.
 */
function movedChecklist(base: SystemChecklist, delta: number): SystemChecklist {
  const out = {} as SystemChecklist;
  for (const key of Object.keys(base) as (keyof SystemChecklist)[]) {
    if (key === 'chapters') {
      Object.defineProperty(out, key, {
        enumerable: true,
        configurable: true,
        get(this: SystemChecklist) {
          const chapters = shiftLines(base.chapters, delta) as ChecklistChapterResult[];
          Object.defineProperty(this, 'chapters', { value: chapters, enumerable: true, writable: true, configurable: true });
          return chapters;
        },
        set(this: SystemChecklist, value: ChecklistChapterResult[]) {
          Object.defineProperty(this, 'chapters', { value, enumerable: true, writable: true, configurable: true });
        },
      });
    } else {
      const value = base[key];
      Object.defineProperty(out, key, { value: key === 'range' ? shiftLines(value, delta) : value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** An LSP position (a `line` key elsewhere is not moved). */
function isPosition(x: unknown): boolean {
  return typeof x === 'object' && x !== null && 'character' in x;
}
