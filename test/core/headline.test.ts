import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diagnosticMessage, toDiagnostic } from '../../server/src/core/diagnostics';
import { headlineOf, MAX_HEADLINE, splitMessage } from '../../server/src/core/headline';
import { ALL_RULES, lintText } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { ROOT, GUIDE_1_1, pinned } from '../support/helpers';
import type { KnowledgeContext } from '../../server/src/knowledge/baseline';

const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');

describe('headlines: the Problems panel leads with the system and the gap (issue 14, item 3)', () => {
  // [message, headline, how-to]
  const table: [string, string, string | undefined][] = [
    ['SAP Note 2738426 not implemented: implement SAP Note 2738426 (task list SAP_BASIS_CONFIG_OSS_COMM)', 'SAP Note 2738426 not implemented', 'Implement SAP Note 2738426 (task list SAP_BASIS_CONFIG_OSS_COMM)'],
    // a colon inside parentheses is not the separator
    ['Note download uses HTTP (noteAssistant.download: http): set up the download service', 'Note download uses HTTP (noteAssistant.download: http)', 'Set up the download service'],
    ['S0023456789 is shared by track ERP (EDV, EQA) and track BW (BWD); if it gets locked, all lose SAP', 'S0023456789 is shared by track ERP (EDV, EQA) and track BW (BWD)', 'If it gets locked, all lose SAP'],
    // nor one inside quotes
    ['PSE "SSL client: Standard" lacks 2 root CAs: download them', 'PSE "SSL client: Standard" lacks 2 root CAs', 'Download them'],
    ['Unknown key \'descripton\' in system EDV', 'Unknown key \'descripton\' in system EDV', undefined],
  ];
  for (const [message, headline, detail] of table) {
    it(JSON.stringify(headline), () => assert.deepEqual(splitMessage(message), detail === undefined ? { headline } : { headline, detail }));
  }

  it('a rule\'s own headline wins; the whole message is then the how-to', () => {
    assert.deepEqual(headlineOf({ message: 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073', headline: 'SAP Note 2408073 not implemented' }),
      { headline: 'SAP Note 2408073 not implemented', detail: 'SAP_BASIS 731 SP19 lacks digital-signature support, implement 2408073' });
  });

  it('a headline without a separator is cut at a word, with "…"', () => {
    const { headline } = splitMessage(`${'word '.repeat(60)}end`);
    assert.ok(headline.length <= MAX_HEADLINE && headline.endsWith('…') && !headline.includes('wor…'), headline);
    assert.equal(splitMessage(`${'word '.repeat(60)}end`).detail, `${'word '.repeat(60)}end`, 'the how-to keeps every word');
  });

  // typed from the guide (baseline guide-1.1); the corpus below also holds baseline current's findings
  const result = lintText('file:///acme.landscape.yaml', fs.readFileSync(ACME, 'utf8'), { knowledge: GUIDE_1_1 });
  const current = lintText('file:///acme.landscape.yaml', fs.readFileSync(ACME, 'utf8'), { knowledge: pinned('current') });
  const f = (ruleId: string, system: string): Finding => {
    const hit = result.findings.find((x) => x.ruleId === ruleId && x.system === system);
    assert.ok(hit, `${ruleId} ${system}`);
    return hit;
  };

  it('two "SAP Note 2738426 not implemented" rows are told apart by their system; the how-to is the first related information', () => {
    const epr = toDiagnostic(f('note-2738426', 'EPR'), 'file:///acme.landscape.yaml', 0, undefined, 1, { relatedInformation: true });
    const grp = toDiagnostic(f('note-2738426', 'GRP'), 'file:///acme.landscape.yaml', 1, undefined, 1, { relatedInformation: true });
    assert.equal(epr.message, 'EPR: SAP Note 2738426 not implemented');
    assert.equal(grp.message, 'GRP: SAP Note 2738426 not implemented');
    assert.equal(epr.relatedInformation?.[0].message, 'Implement SAP Note 2738426 (task list SAP_BASIS_CONFIG_OSS_COMM) and transport it throughout the system landscape');
    assert.deepEqual(epr.relatedInformation?.[0].location.range, epr.range);
  });

  it('a client without related information gets the system and the whole message (nothing lost)', () => {
    const x = f('note-2738426', 'EPR');
    assert.deepEqual(diagnosticMessage(x, {}), { message: `EPR: ${x.message}` });
  });

  it('every rule (its bad example in docs/rules.md) and every finding of the acme example: a headline of at most 120 characters naming the system, and the rest as how-to', () => {
    const rules = new Set<string>();
    const bad = (knowledge: KnowledgeContext): Finding[] => ALL_RULES.flatMap((r) => lintText('file:///bad.landscape.yaml', r.badExample, { knowledge }).findings.filter((x) => x.ruleId === r.id));
    const corpus = [...result.findings, ...current.findings, ...bad(GUIDE_1_1), ...bad(pinned('current'))];
    for (const x of corpus) {
      const { message, howTo } = diagnosticMessage(x, { relatedInformation: true });
      rules.add(x.ruleId);
      assert.ok(message.length <= MAX_HEADLINE + 5, `${x.ruleId}: ${message}`);
      if (x.system) assert.ok(message.startsWith(`${x.system}:`) || message.startsWith(`${x.system} `), `${x.ruleId}: ${message}`);
      // nothing of the message is lost: headline and how-to together hold it
      const whole = `${message} ${howTo ?? ''}`.toLowerCase();
      for (const word of x.message.toLowerCase().split(/[\s,;:()]+/).filter((w) => w.length > 3)) assert.ok(whole.includes(word), `${x.ruleId}: "${word}" lost`);
    }
    // json-syntax and file-too-large have no YAML bad example to lint; their messages are one short sentence
    assert.deepEqual(ALL_RULES.map((r) => r.id).filter((id) => !rules.has(id)), ['json-syntax', 'file-too-large'], 'every rule seen');
  });
});
