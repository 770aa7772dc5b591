import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../server/src/core/lint';
import { renderRulePages, renderRulesMarkdown } from '../../server/src/core/ruleDocs';
import { RULES } from '../../server/src/rules';
import { DOMAIN_RULE_IDS } from '../../server/src/knowledge';
import { lint, ROOT } from '../support/helpers';

describe('rule catalogue', () => {
  it('rule ids are unique and kebab-case', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every rule of spec §2 is implemented', () => {
    const implemented = new Set(RULES.map((r) => r.meta.id));
    const missing = DOMAIN_RULE_IDS.filter((id) => !implemented.has(id));
    assert.deepEqual(missing, [], `rules without an implementation: ${missing.join(', ')}`);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has a title, a guide section and a description that says what to do', () => {
        assert.ok(rule.meta.title.length > 5);
        assert.match(rule.meta.section, /\d/);
        assert.ok(rule.meta.description.length > 60, 'description too short');
      });

      it('has a test file of its own', () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'test', 'rules', `${rule.meta.id}.test.ts`)), `test/rules/${rule.meta.id}.test.ts is missing`);
      });

      it('its bad example is reported by it, its good example is not', () => {
        const bad = lint(rule.meta.badExample).findings.filter((f) => f.ruleId === rule.meta.id);
        assert.ok(bad.length > 0, `bad example not reported:\n${rule.meta.badExample}`);
        const good = lint(rule.meta.goodExample).findings.filter((f) => f.ruleId === rule.meta.id);
        assert.deepEqual(good.map((f) => f.message), [], 'good example reported');
        for (const ex of [rule.meta.badExample, rule.meta.goodExample]) {
          const syntax = lint(ex).findings.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema');
          assert.deepEqual(syntax.map((f) => f.message), [], `example is not a valid landscape file:\n${ex}`);
        }
      });

      it(rule.meta.fixable ? 'offers a fix on its bad example' : 'claims no fix and offers none', () => {
        const bad = lint(rule.meta.badExample).findings.filter((f) => f.ruleId === rule.meta.id);
        const withFix = bad.filter((f) => f.fixes?.length);
        if (rule.meta.fixable) assert.ok(withFix.length > 0, 'fixable rule without a fix on its bad example');
        else assert.equal(withFix.length, 0, 'rule offers fixes but is not marked fixable');
      });
    });
  }

  it('docs/rules.md is generated from the metadata and up to date (run `npm run docs`)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
    assert.equal(committed, renderRulesMarkdown());
    for (const r of ALL_RULES) assert.ok(committed.includes(`<a id="${r.id}"></a>`), r.id);
  });

  it('docs/rules/<id>.md: one generated page per rule, up to date, and no other page there', () => {
    const pages = renderRulePages();
    assert.deepEqual([...pages.keys()].sort(), ALL_RULES.map((r) => `rules/${r.id}.md`).sort());
    for (const [page, text] of pages) assert.equal(fs.readFileSync(path.join(ROOT, 'docs', page), 'utf8'), text, `${page} is stale: run npm run docs`);
    assert.deepEqual(fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort(), ALL_RULES.map((r) => `${r.id}.md`).sort());
  });
});
