import { strict as assert } from 'assert';
import type { Finding } from '../../server/src/core/types';
import { applyFix, dedent, lint, ofRule, rangeText } from '../support/helpers';

const RULE = 'ssl-certificates';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
// Guide 2.2.2, typed in: the four root CAs in the guide's order.
const G5 = 'VeriSign Class 3 Public Primary Certification Authority - G5';
const CA = 'DigiCert Global Root CA';
const G2 = 'DigiCert Global Root G2';
const EV = 'DigiCert High Assurance EV Root CA';
const ALL = [G5, CA, G2, EV];
const STD = 'PSE "SSL client SSL Client (Standard)" (certificates.sslClientStandard)';
const ANON = 'PSE "SSL client SSL Client (Anonymous)" (certificates.sslClientAnonymous)';
const TAIL_MANY = 'download them from SAP Note 2631190 and import them in STRUST (Certificate > Import), or the TLS connection to the support backbone fails';
const TAIL_ONE = 'download it from SAP Note 2631190 and import it in STRUST (Certificate > Import), or the TLS connection to the support backbone fails';

type Kind = 'solman' | 'abap' | 'frun';
const HEAD: Record<Kind, string[]> = {
  solman: ['    role: solman', '    release: 7.2 SPS08'],
  abap: ['    role: abap', '    connection: direct'],
  frun: ['    role: frun', '    release: "2.0"'],
};

/** One system with block lists; a PSE list is left out when undefined. */
function sys(kind: Kind, standard: string[] | undefined, anonymous?: string[]): string {
  const list = (key: string, items: string[] | undefined): string[] =>
    items === undefined ? [] : items.length ? [`      ${key}:`, ...items.map((c) => `        - ${c}`)] : [`      ${key}: []`];
  return [
    'landscape: T',
    'systems:',
    '  X01:',
    ...HEAD[kind],
    '    certificates:',
    ...list('sslClientStandard', standard),
    ...list('sslClientAnonymous', anonymous),
    '',
  ].join('\n');
}

function assertFixed(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'findings gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

function messages(fs: Finding[]): string[] {
  return fs.map((f) => f.message);
}

describe('rule ssl-certificates (guide 2.2.2)', () => {
  // [role, Standard PSE, Anonymous PSE, expected messages]
  const table: [Kind, string[] | undefined, string[] | undefined, string[]][] = [
    ['abap', ALL, undefined, []],
    ['abap', [EV, G2, CA, G5], undefined, []],
    ['abap', [CA, G2], undefined, [`${STD} lacks 2 root CAs: ${G5} and ${EV}; ${TAIL_MANY}`]],
    ['abap', [G5], undefined, [`${STD} lacks 3 root CAs: ${CA}, ${G2} and ${EV}; ${TAIL_MANY}`]],
    ['abap', [G5, CA, EV], undefined, [`${STD} lacks the root CA ${G2}; ${TAIL_ONE}`]],
    ['abap', [], undefined, [`${STD} lacks 4 root CAs: ${G5}, ${CA}, ${G2} and ${EV}; ${TAIL_MANY}`]],
    ['abap', [G5, CA, G2, 'DigiCert High Assurance EV Root Ca'], undefined, [`${STD} lacks the root CA ${EV}; ${TAIL_ONE}`]],
    ['abap', ALL, [], []],
    ['frun', ALL, undefined, []],
    ['frun', [G5, CA, G2], undefined, [`${STD} lacks the root CA ${EV}; ${TAIL_ONE}`]],
    ['solman', ALL, ALL, []],
    ['solman', ALL, undefined, [`${ANON} lacks 4 root CAs: ${G5}, ${CA}, ${G2} and ${EV}; ${TAIL_MANY}`]],
    ['solman', ALL, [G5, CA], [`${ANON} lacks 2 root CAs: ${G2} and ${EV}; ${TAIL_MANY}`]],
    ['solman', [CA], [G5, CA, G2], [
      `${STD} lacks 3 root CAs: ${G5}, ${G2} and ${EV}; ${TAIL_MANY}`,
      `${ANON} lacks the root CA ${EV}; ${TAIL_ONE}`,
    ]],
  ];
  for (const [kind, standard, anonymous, expected] of table) {
    it(`${kind}: Standard [${standard?.length ?? '-'}], Anonymous [${anonymous?.length ?? '-'}] → ${expected.length} finding(s)`, () => {
      const text = sys(kind, standard, anonymous);
      const r = lint(text);
      const found = ofRule(r, RULE);
      assert.deepEqual(messages(found), expected);
      for (const f of found) {
        assert.equal(f.severity, 'error');
        assert.equal(f.system, 'X01');
        const fixed = applyFix(r, f);
        assert.deepEqual(ofRule(lint(fixed), RULE).filter((x) => x.data?.pse === f.data?.pse), [], 'this PSE is fixed');
        assert.deepEqual(lint(fixed).findings.filter((x) => BROKEN.includes(x.ruleId)).map((x) => x.message), []);
      }
    });
  }

  it('ranges: the PSE key of a block list, the value of a flow list, the certificates key, the SID', () => {
    assert.deepEqual(ofRule(lint(sys('abap', [CA, G2])), RULE).map(rangeText), ['6:6-6:23']);
    assert.deepEqual(ofRule(lint(sys('abap', [])), RULE).map(rangeText), ['6:25-6:27']);
    assert.deepEqual(ofRule(lint(sys('abap', undefined)), RULE).map(rangeText), ['5:4-5:16']);
    const none = dedent(`
      landscape: T
      systems:
        EDV: { role: abap, connection: direct }
    `);
    assert.deepEqual(ofRule(lint(none), RULE).map(rangeText), ['2:2-2:5']);
  });

  it('data lists the missing certificates', () => {
    const f = ofRule(lint(sys('abap', [CA, G2])), RULE)[0]!;
    assert.deepEqual(f.data, { pse: 'sslClientStandard', missingCertificates: [G5, EV] });
  });

  it('systems that are not connected get nothing', () => {
    const text = dedent(`
      landscape: T
      systems:
        AB1: { role: abap, connection: solman, managedBy: SOL }
        AB2: { role: abap, connection: frun, managedBy: FRN }
        AB3: { role: abap, connection: none, certificates: { sslClientStandard: [] } }
        AB4: { role: abap }
    `);
    assert.deepEqual(ofRule(lint(text), RULE), []);
  });

  it('fix in YAML block style appends the missing CAs to the list', () => {
    const text = sys('abap', [CA, G2]);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(f.fixes?.[0]?.title, 'Add 2 root CAs to certificates.sslClientStandard');
    assert.equal(f.fixes?.[0]?.isPreferred, true);
    const fixed = applyFix(r, f);
    assert.equal(fixed, dedent(`
      landscape: T
      systems:
        X01:
          role: abap
          connection: direct
          certificates:
            sslClientStandard:
              - ${CA}
              - ${G2}
              - ${G5}
              - ${EV}
    `));
    assertFixed(fixed);
  });

  it('fix in YAML flow style appends to the flow list', () => {
    const text = dedent(`
      landscape: T
      systems:
        FRN: { role: frun, release: "2.0", certificates: { sslClientStandard: [${CA}, ${G2}, ${EV}] } }
    `);
    const r = lint(text);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(f.fixes?.[0]?.title, `Add ${G5} to certificates.sslClientStandard`);
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace(`${EV}]`, `${EV}, ${G5}]`));
    assertFixed(fixed);
  });

  it('SolMan without certificates: each finding\'s fix writes both PSE lists', () => {
    const text = dedent(`
      landscape: T
      systems:
        SOL:
          role: solman
          release: 7.2 SPS08
    `);
    const r = lint(text);
    const found = ofRule(r, RULE);
    assert.deepEqual(found.map((f) => f.data?.pse), ['sslClientStandard', 'sslClientAnonymous']);
    assert.deepEqual(found.map(rangeText), ['2:2-2:5', '2:2-2:5']);
    for (const f of found) {
      assert.equal(f.fixes?.[0]?.title, 'Add the root CAs to certificates (sslClientStandard, sslClientAnonymous)');
      const fixed = applyFix(r, f);
      assert.equal(fixed, `${text}    certificates:\n      sslClientStandard: [${ALL.join(', ')}]\n      sslClientAnonymous: [${ALL.join(', ')}]\n`);
      assertFixed(fixed);
    }
  });

  it('fix in JSON', () => {
    const text = `${JSON.stringify({ landscape: 'T', systems: { EDV: { role: 'abap', connection: 'direct', certificates: { sslClientStandard: [CA, G2] } } } }, null, 2)}\n`;
    const uri = 'file:///t.landscape.json';
    const r = lint(text, uri);
    const f = ofRule(r, RULE)[0]!;
    assert.equal(rangeText(f), '7:8-7:27');
    const fixed = applyFix(r, f);
    assert.equal(fixed, text.replace(`"${G2}"`, `"${G2}",\n          "${G5}",\n          "${EV}"`));
    assertFixed(fixed, uri);
  });
});
