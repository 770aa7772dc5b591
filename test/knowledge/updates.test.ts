import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderKnowledgeMarkdown } from '../../server/src/core/knowledgeDocs';
import { hover } from '../../server/src/features/hover';
import type { KnowledgeUpdate } from '../../server/src/knowledge';
import {
  BASELINES,
  CIPHERSUITE_NO_3DES,
  FRUN_LATER_RELEASES,
  isIsoDate,
  KNOWLEDGE_UPDATES,
  LATER_NOTES,
  LEGACY_SHUTDOWN,
  NOTE_ASSISTANT_AUTOMATION,
  noteInfo,
  RFC_SHUTDOWN,
  ROOT_CA_MOVE,
  S_USER_LIFETIME,
  SOLMAN_END_OF_MAINTENANCE,
  TLS_VERSIONS,
} from '../../server/src/knowledge';
import { dedent, lintCurrent, ofRule, ROOT } from '../support/helpers';

/** What makes a record usable: the checks the suite runs on every record (and on a broken one). */
function recordProblems(u: KnowledgeUpdate): string[] {
  const out: string[] = [];
  if (!u.sources.length) out.push('no source');
  for (const s of u.sources) if (!s.says.trim()) out.push('a source that does not say what it is');
  if (!u.sources.some((s) => s.note !== undefined || s.url !== undefined)) out.push('no SAP Note and no URL');
  if (!isIsoDate(u.effective)) out.push(`effective ${u.effective} is not a date`);
  if (!u.changes.length) out.push('changes nothing');
  if (u.confidence !== 'high' && !u.checked) out.push('a medium/low record without its re-check');
  if (u.confidence === 'low' && u.changes.some((c) => c.kind === 'finding' || c.kind === 'severity')) out.push('a low record changes findings');
  if (u.confidence === 'medium' && u.changes.some((c) => c.kind === 'finding' || c.kind === 'severity')) out.push('a medium record changes findings (medium facts only add infos and hover lines)');
  return out;
}

const SIX_DIGITS = /^\d{6,7}$/;

describe('dated knowledge updates (baseline current)', () => {
  it('every record has a source (SAP Note or URL), a date, a confidence and what it changes', () => {
    for (const u of KNOWLEDGE_UPDATES) assert.deepEqual(recordProblems(u), [], u.id);
  });

  it('the check fails for a record without a source, and for a medium record that changes findings', () => {
    const broken: KnowledgeUpdate = { ...RFC_SHUTDOWN, sources: [] };
    assert.ok(recordProblems(broken).includes('no source'));
    const loud: KnowledgeUpdate = { ...CIPHERSUITE_NO_3DES, changes: [{ kind: 'severity', target: 'tls-ciphersuites', what: 'x' }] };
    assert.ok(recordProblems(loud).some((p) => p.startsWith('a medium record changes findings')));
  });

  it('ids are unique; records are sorted by effective date; baseline current holds them all, guide-1.1 none', () => {
    assert.equal(new Set(KNOWLEDGE_UPDATES.map((u) => u.id)).size, KNOWLEDGE_UPDATES.length);
    const dates = KNOWLEDGE_UPDATES.map((u) => u.effective);
    assert.deepEqual(dates, [...dates].sort());
    assert.deepEqual(BASELINES.current.updates, KNOWLEDGE_UPDATES);
    assert.deepEqual(BASELINES['guide-1.1'].updates, []);
    assert.equal(BASELINES['guide-1.1'].date, '2019-08-19');
  });

  // Facts typed from shared/research/after-2019.md (not from the records): [record, date, note].
  const FACTS: [KnowledgeUpdate, string, number | undefined][] = [
    [LEGACY_SHUTDOWN, '2020-01-08', 2874259],
    [RFC_SHUTDOWN, '2020-11-30', 2923799],
    [NOTE_ASSISTANT_AUTOMATION, '2019-11-04', 2836302],
    [S_USER_LIFETIME, '2020-06-02', 2971742],
    [ROOT_CA_MOVE, '2023-03-08', 2631190],
    [SOLMAN_END_OF_MAINTENANCE, '2027-12-31', undefined],
  ];
  for (const [u, date, note] of FACTS) {
    it(`${u.id}: effective ${date}${note ? `, SAP Note ${note} among its sources` : ''}`, () => {
      assert.equal(u.effective, date);
      if (note) assert.ok(u.sources.some((s) => s.note === note), `${note}`);
    });
  }

  it('the later SAP Notes are not guide notes, and a title is given only where a source gives one', () => {
    for (const n of LATER_NOTES) {
      assert.equal(noteInfo(n.number), undefined, `${n.number} is a guide note`);
      assert.ok(SIX_DIGITS.test(String(n.number)));
      assert.ok(KNOWLEDGE_UPDATES.some((u) => u.id === n.update), n.update);
    }
    assert.equal(LATER_NOTES.find((n) => n.number === 2923799)?.title, 'Final Shutdown of RFC Connections From Customer Systems to SAP');
    assert.equal(LATER_NOTES.find((n) => n.number === 2874259)?.title, undefined);
  });

  describe('docs/knowledge.md', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'docs', 'knowledge.md'), 'utf8');
    it('is generated from the records and up to date (run `npm run docs`)', () => {
      assert.equal(committed, renderKnowledgeMarkdown());
    });
    it('names every record with its date, confidence and every source', () => {
      for (const u of KNOWLEDGE_UPDATES) {
        assert.ok(committed.includes(`<a id="${u.id}"></a>`), u.id);
        assert.ok(committed.includes(`effective **${u.effective}** · confidence **${u.confidence}**`), u.id);
        for (const s of u.sources) {
          if (s.url) assert.ok(committed.includes(`<${s.url}>`), `${u.id}: ${s.url}`);
          if (s.note !== undefined) assert.ok(committed.includes(`SAP Note [${s.note}]`), `${u.id}: ${s.note}`);
        }
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Each record: a case the day before its effective date and on it (pinned clock).

const DIRECT_731 = (extra: string): string => dedent(`
  landscape: T
  systems:
    EPR:
      role: abap
      connection: direct
      basis: 731 SP19
      noteAssistant:
        download: rfc
        trustAnchors: true
      destinations:
        SAPOSS: { type: "3", user: OSS_RFC }
${extra}`);

const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const SOLMAN = dedent(`
  landscape: T
  communicationUsers:
    S0023456790: { description: SolMan }
  systems:
    SOL:
      role: solman
      release: 7.2 SPS08
      communicationUser: S0023456790
      solmanSetup:
        backendUser: S0023456790
        communicationUser: S0001234567
`);

interface DatedCase {
  update: KnowledgeUpdate;
  text: string;
  /** What the findings (rule, severity, message) say on the day; asserted the day before and on the effective day. */
  before: (r: ReturnType<typeof lintCurrent>) => void;
  after: (r: ReturnType<typeof lintCurrent>) => void;
}

const msgs = (r: ReturnType<typeof lintCurrent>, rule: string): string[] => ofRule(r, rule).map((f) => `${f.severity}: ${f.message}`);

const CASES: DatedCase[] = [
  {
    update: LEGACY_SHUTDOWN,
    text: DIRECT_731('      sdccn:\n        destinations: [SDCC_OSS]\n'),
    before: (r) => assert.match(msgs(r, 'sdccn-destinations').join('\n'), /\(the legacy RFC infrastructure is shut down on 2020-01-08\)/),
    after: (r) => assert.match(msgs(r, 'sdccn-destinations').join('\n'), /\(the legacy RFC infrastructure was shut down on 2020-01-08\)/),
  },
  {
    update: RFC_SHUTDOWN,
    text: DIRECT_731(''),
    before: (r) => {
      assert.deepEqual(msgs(r, 'na-download-channel'), []);
      assert.match(msgs(r, 'na-generic-user').join('\n'), /^error: RFC destination SAPOSS logs on with the generic user OSS_RFC: .*RFC connections to SAP close on 2020-11-30 \(SAP Note 2923799\): plan the switch to the download service$/);
    },
    after: (r) => {
      assert.deepEqual(msgs(r, 'na-download-channel'), ['error: SAP_BASIS 731 SP19 cannot download SAP Notes over RFC (noteAssistant.download: rfc): SAP closed all RFC connections to SAP on 2020-11-30 (SAP Note 2923799); enable the download service or HTTP, then check that report RCWB_SNOTE_DWNLD_PROC_CONFIG shows "Download Service Application"; until then Note Assistant cannot download SAP Notes (signed notes are mandatory since 2020-01-01)']);
      assert.deepEqual(msgs(r, 'na-generic-user'), []);
      assert.match(msgs(r, 'legacy-destination').join('\n'), /^info: Legacy RFC destination SAPOSS no longer reaches SAP: SAP closed all RFC connections from customer systems on 2020-11-30 \(SAP Note 2923799\); .*whether to delete it in SM59 is up to your policy/);
    },
  },
  {
    update: NOTE_ASSISTANT_AUTOMATION,
    text: dedent(`
      landscape: T
      systems:
        GRP:
          role: abap
          connection: none
          basis: 702 SP17
          noteAssistant: { trustAnchors: true }
          notes: []
    `),
    before: (r) => {
      assert.ok(!msgs(r, 'na-tci-recommended').join().includes('RCWB_TCI_DIGITSIGN_AUTOMATION'));
      assert.ok(!ofRule(r, 'na-digital-signature')[0]!.related![0]!.message.includes('2836302'));
    },
    after: (r) => {
      assert.match(msgs(r, 'na-tci-recommended').join(), /; or let report RCWB_TCI_DIGITSIGN_AUTOMATION of SAP Note 2836302 do these steps \(it needs SPAM 71 or higher, per the note\)$/);
      const ds = ofRule(r, 'na-digital-signature')[0]!;
      assert.equal(ds.message, 'SAP_BASIS 702 SP17 lacks digital-signature support, implement 2408073/2546220/2508268', 'the spec message stays');
      assert.match(ds.related![0]!.message, /Report RCWB_TCI_DIGITSIGN_AUTOMATION of SAP Note 2836302 automates these steps/);
    },
  },
  {
    update: CIPHERSUITE_NO_3DES,
    text: dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          notes: [2781565]
          profile:
            ssl/client_ciphersuites: "150:PFS:HIGH::EC_P256:EC_HIGH"
    `),
    before: (r) => assert.match(msgs(r, 'tls-ciphersuites').join(), /^warning: ssl\/client_ciphersuites is 150:PFS:HIGH::EC_P256:EC_HIGH, not the recommended/),
    after: (r) => assert.deepEqual(msgs(r, 'tls-ciphersuites'), []),
  },
  {
    update: S_USER_LIFETIME,
    text: SOLMAN,
    before: (r) => assert.deepEqual(msgs(r, 'solman-setup'), []),
    after: (r) => assert.deepEqual(msgs(r, 'solman-setup'), ['info: "S-User for Communication" S0001234567 is a corporate S-user: S-users expire since 2020-06-02 (after 24 months by default, extendable to 60; KBA 2971742), technical communication users do not — extend it in time, or SOLMAN_SETUP step 3.1 loses its connection to SAP when it expires']),
  },
  {
    update: ROOT_CA_MOVE,
    text: dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          certificates:
            sslClientStandard: [DigiCert Global Root CA]
    `),
    before: (r) => assert.match(msgs(r, 'ssl-certificates').join(), /or the TLS connection to the support backbone fails$/),
    after: (r) => assert.match(msgs(r, 'ssl-certificates').join(), /fails \(DigiCert Global Root G2 is the root DigiCert has issued from since 2023-03-08; DigiCert High Assurance EV Root CA is a G1 root that browsers remove on 2026-04-15; VeriSign Class 3 Public Primary Certification Authority - G5 is a Symantec root distrusted by browsers since 2018; import what SAP Note 2631190 lists today — which chain SAP's backbone hosts use was not verified here\)$/),
  },
  {
    update: SOLMAN_END_OF_MAINTENANCE,
    text: SOLMAN,
    before: (r) => assert.deepEqual(msgs(r, 'solman-release'), ['warning: SAP Solution Manager 7.2 SPS08: mainstream maintenance ends on 2027-12-31; plan the move to SAP Cloud ALM, SAP\'s successor (Focused Run for large-scale operations)']),
    // on 2027-12-31 itself maintenance has not ended yet: still a warning (the error comes the day after)
    after: (r) => assert.deepEqual(msgs(r, 'solman-release'), ['warning: SAP Solution Manager 7.2 SPS08: mainstream maintenance ends on 2027-12-31; plan the move to SAP Cloud ALM, SAP\'s successor (Focused Run for large-scale operations)']),
  },
  {
    update: FRUN_LATER_RELEASES,
    text: dedent(`
      landscape: T
      systems:
        FRN:
          role: frun
          release: "1.0"
    `),
    before: (r) => assert.deepEqual(msgs(r, 'frun-release'), ['error: Focused Run 1.0 cannot communicate with the support backbone from 2020-01-08 on, when the legacy support backbone was shut down: upgrade to Focused Run 2.0 or later (later releases: 3.0, 4.0); 1.0 goes to customer-specific maintenance on 2019-11-23']),
    after: (r) => assert.deepEqual(msgs(r, 'frun-release'), ['error: Focused Run 1.0 cannot communicate with the support backbone from 2020-01-08 on, when the legacy support backbone was shut down: upgrade to Focused Run 2.0 or later (later releases: 3.0, 4.0); 1.0 has been in customer-specific maintenance since 2019-11-23']),
  },
];

describe('each dated update takes effect on its date (pinned clock, baseline current)', () => {
  it('every record has a dated case', () => {
    const covered = new Set([...CASES.map((c) => c.update.id), TLS_VERSIONS.id]);
    assert.deepEqual(KNOWLEDGE_UPDATES.map((u) => u.id).filter((id) => !covered.has(id)), []);
  });
  for (const c of CASES) {
    it(`${c.update.id}: ${dayBefore(c.update.effective)} vs ${c.update.effective}`, () => {
      c.before(lintCurrent(c.text, dayBefore(c.update.effective)));
      c.after(lintCurrent(c.text, c.update.effective));
    });
  }

  it(`${TLS_VERSIONS.id}: the ssl/client_ciphersuites hover names RFC 8996 from ${TLS_VERSIONS.effective} on`, () => {
    const text = dedent(`
      landscape: T
      systems:
        EDV:
          role: abap
          connection: direct
          profile:
            ssl/client_ciphersuites: "HIGH"
    `);
    const at = { line: 6, character: 8 };
    const hoverText = (asOf: string): string => JSON.stringify(hover(lintCurrent(text, asOf), at)?.contents ?? '');
    assert.ok(!hoverText(dayBefore(TLS_VERSIONS.effective)).includes('RFC 8996'));
    assert.ok(hoverText(TLS_VERSIONS.effective).includes('RFC 8996'));
  });

  // Issue 11: "info now, warning from 2027-07-01, error from 2028-01-01".
  const SOLMAN_STAGES: [string, string][] = [['2026-11-29', 'info'], ['2027-06-30', 'info'], ['2027-07-01', 'warning'], ['2027-12-31', 'warning'], ['2028-01-01', 'error'], ['2030-01-01', 'error']];
  for (const [asOf, severity] of SOLMAN_STAGES) {
    it(`SAP Solution Manager 7.2 end of mainstream maintenance: ${severity} on ${asOf}`, () => {
      const found = ofRule(lintCurrent(SOLMAN, asOf), 'solman-release');
      assert.deepEqual(found.map((f) => f.severity), [severity]);
      assert.match(found[0]!.message, severity === 'error' ? /mainstream maintenance ended on 2027-12-31; move to SAP Cloud ALM/ : /mainstream maintenance ends on 2027-12-31; plan the move to SAP Cloud ALM/);
    });
  }
});
