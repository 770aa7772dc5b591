import { RULES } from '../rules';
import type { Rule, RuleMeta } from '../rules/rule';
import { toFindings } from '../rules/rule';
import type { LintConfig } from './config';
import { effectiveSeverity, EMPTY_CONFIG } from './config';
import { LandscapeDocument } from './document';
import type { LandscapeFormat } from './document';
import { ENGINE_RULES } from './engineRules';
import type { LandscapeModel } from './model';
import { readLandscape } from './model';
import { validateSchema } from './schema';
import { applySuppressions, readSuppressions } from './suppress';
import type { Finding } from './types';

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
}

export interface LintOptions {
  config?: LintConfig;
  /** Overrides config.maxFileSize. */
  maxFileSize?: number;
  /** File format when the uri does not tell (see ParseOptions.format). */
  format?: LandscapeFormat;
  /** Restricts the domain rules (tests). */
  rules?: readonly Rule[];
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

/** Runs a rule, turning an exception into a finding instead of losing the whole run. */
function runRule(rule: Rule, doc: LandscapeDocument, model: LandscapeModel): Finding[] {
  try {
    return toFindings(rule, rule.check({ doc, model }));
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
  const doc = new LandscapeDocument(uri, text, { maxFileSize: options.maxFileSize ?? config.maxFileSize, format: options.format });
  const model = readLandscape(doc.value);
  const raw: Finding[] = [...doc.parseFindings];
  let rawRuleFindings: Finding[] = [];
  if (doc.value !== undefined) {
    raw.push(...validateSchema(doc));
    if (doc.value !== null) {
      for (const rule of options.rules ?? RULES) rawRuleFindings.push(...runRule(rule, doc, model));
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
  return { doc, model, findings: final.sort(byPosition), rawRuleFindings };
}
