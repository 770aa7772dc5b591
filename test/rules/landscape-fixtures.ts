import { strict as assert } from 'assert';
import type { LintResult } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { applyFix, lint, ofRule } from '../support/helpers';

/** URIs of the two file formats. */
export const YAML = 'file:///t.landscape.yaml';
export const JSON_URI = 'file:///t.landscape.json';

/** Parse and schema findings (a fixture or a fixed text must have none). */
export function syntaxAndSchema(r: LintResult): string[] {
  return r.findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'json-syntax' || f.ruleId === 'schema' || f.ruleId === 'duplicate-key').map((f) => `${f.ruleId}: ${f.message}`);
}

/** Lints a fixture and asserts it is a valid landscape file. */
export function lintValid(text: string, uri = YAML): LintResult {
  const r = lint(text, uri);
  assert.deepEqual(syntaxAndSchema(r), [], `fixture is not a valid landscape file:\n${text}`);
  return r;
}

/** The one finding of a rule on a system (asserts there is exactly one). */
export function only(r: LintResult, ruleId: string, system?: string | null): Finding {
  const found = ofRule(r, ruleId).filter((f) => system === undefined || f.system === system);
  assert.equal(found.length, 1, `expected one ${ruleId} finding${system !== undefined ? ` on ${system}` : ''}, got: ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

/**
 * Applies fix #index of a finding, re-lints and checks the fixed text is still a valid file;
 * returns the new text and result.
 */
export function fixed(r: LintResult, f: Finding, index = 0): { text: string; result: LintResult } {
  const text = applyFix(r, f, index);
  const result = lint(text, r.doc.uri);
  assert.deepEqual(syntaxAndSchema(result), [], `the fix "${f.fixes?.[index]?.title}" broke the file:\n${text}`);
  return { text, result };
}

/** Fix titles of a finding, in order. */
export function titles(f: Finding): string[] {
  return (f.fixes ?? []).map((x) => x.title);
}

/** The fix titles marked preferred. */
export function preferred(f: Finding): string[] {
  return (f.fixes ?? []).filter((x) => x.isPreferred).map((x) => x.title);
}
