import * as path from 'path';
import { applyEdits } from '../../server/src/core/edits';
import type { LintOptions, LintResult } from '../../server/src/core/lint';
import { lintText } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import type { BaselineId, KnowledgeContext } from '../../server/src/knowledge/baseline';
import { knowledgeContext } from '../../server/src/knowledge/baseline';

/** The day the tests pretend it is: findings must not depend on the day the suite runs. */
export const TEST_TODAY = '2026-11-29';

/** A knowledge context with a pinned clock (default: today's test date). */
export function pinned(baseline: BaselineId, asOf = TEST_TODAY): KnowledgeContext {
  return knowledgeContext(baseline, asOf);
}

/**
 * The guide alone: the rule tests were typed from the guide (and the spec), so they run under
 * baseline guide-1.1; the dated updates of baseline current have their own tests
 * (test/knowledge/baseline.test.ts, test/rules/current-baseline.test.ts).
 */
export const GUIDE_1_1: KnowledgeContext = pinned('guide-1.1');

/** Repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Strips the common indentation of a template literal, so test documents read naturally. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function lint(text: string, uri = 'file:///test.landscape.yaml', options?: LintOptions): LintResult {
  return lintText(uri, text, { knowledge: options?.config?.baseline === undefined && options?.config?.asOf === undefined ? GUIDE_1_1 : undefined, ...options });
}

/** {@link lint} under baseline current with a pinned clock. */
export function lintCurrent(text: string, asOf = TEST_TODAY, uri = 'file:///test.landscape.yaml', options?: LintOptions): LintResult {
  return lintText(uri, text, { ...options, knowledge: pinned('current', asOf) });
}

/** "line:col-line:col", 0-based, for compact range assertions. */
export function rangeText(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** The findings of one rule. */
export function ofRule(result: LintResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** Applies one of a finding's fixes to the linted text and returns the new text. */
export function applyFix(result: LintResult, f: Finding, fixIndex = 0): string {
  const fix = f.fixes?.[fixIndex];
  if (!fix) throw new Error(`finding ${f.ruleId} "${f.message}" has no fix #${fixIndex}`);
  return applyEdits(result.doc.text, result.doc, fix.edits);
}
