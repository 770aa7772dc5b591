import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, dedent, lint, ofRule, rangeText, ROOT } from '../support/helpers';

const RULE = 'na-download-channel';
const BROKEN = ['schema', 'yaml-syntax', 'json-syntax', 'duplicate-key'];
const REPORT = 'RCWB_SNOTE_DWNLD_PROC_CONFIG';

/** One SNOTE system; download undefined = key absent. Line 5: basis, 6: noteAssistant, 7: download. */
function sys(basis: string, download: string | undefined, opts: { enabled?: boolean; role?: string } = {}): string {
  const { enabled, role = 'abap' } = opts;
  return [
    'landscape: T',
    'systems:',
    '  S4D:',
    `    role: ${role}`,
    role === 'abap' ? '    connection: none' : role === 'solman' ? '    release: 7.2 SPS08' : '    release: "2.0"',
    `    basis: ${basis}`,
    '    noteAssistant:',
    ...(download === undefined ? [] : [`      download: ${download}`]),
    ...(enabled === undefined ? [] : [`      enabled: ${enabled}`]),
    '      trustAnchors: true',
    '',
  ].join('\n');
}

function only(text: string, uri?: string) {
  const r = lint(text, uri);
  return { r, found: ofRule(r, RULE) };
}

function assertClean(text: string, uri?: string): void {
  const again = lint(text, uri);
  assert.deepEqual(ofRule(again, RULE).map((f) => f.message), [], 'finding gone after the fix');
  assert.deepEqual(again.findings.filter((f) => BROKEN.includes(f.ruleId)).map((f) => f.message), []);
}

const rfcMessage = (basis: string): string =>
  `SAP_BASIS ${basis} cannot download SAP Notes over RFC (noteAssistant.download: rfc): enable the download service or HTTP (SAP Notes 2508268 and 2576306), then check that report ${REPORT} shows "Download Service Application"; until then Note Assistant cannot download SAP Notes (signed notes are mandatory from 2020-01-01)`;
const HTTP_MESSAGE = `Note download uses HTTP (noteAssistant.download: http): the connectivity test of guide 3.1 expects "Download Service Application" in report ${REPORT}; set up the download service (SAP Notes 2508268 and 2576306)`;
const absentMessage = (basis: string): string =>
  `Note download procedure not recorded for SAP_BASIS ${basis} (RFC cannot download SAP Notes as of 740): run report ${REPORT}, check that "Download Service Application" is selected and record it as noteAssistant.download: download-service`;

describe('rule na-download-channel (guide 2.1.4.2 step 2, 3.1)', () => {
  // Guide 2.1.4.2 step 2: "700 to 731" keep RFC (generic user replaced); "740 and above": no RFC.
  const RFC_RELEASES = ['700 SP35', '701 SP20', '702 SP17', '710 SP23', '711 SP18', '730 SP19', '731 SP19', '731 SP30'];
  const HTTP_RELEASES = ['740 SP00', '740 SP20', '750 SP10', '751 SP06', '752 SP02', '753 SP00', '754 SP02', '758 SP01'];

  for (const basis of RFC_RELEASES) {
    it(`${basis}: no finding for rfc, http, download-service or absent`, () => {
      for (const d of ['rfc', 'http', 'download-service', undefined]) assert.deepEqual(only(sys(basis, d)).found, [], String(d));
    });
  }

  for (const basis of HTTP_RELEASES) {
    it(`${basis}: rfc → error, http → info, absent → warning, download-service → fine`, () => {
      const rfc = only(sys(basis, 'rfc')).found;
      assert.deepEqual(rfc.map((f) => [f.severity, f.message, rangeText(f), f.system]), [['error', rfcMessage(basis), '7:16-7:19', 'S4D']]);
      const http = only(sys(basis, 'http')).found;
      assert.deepEqual(http.map((f) => [f.severity, f.message, rangeText(f)]), [['info', HTTP_MESSAGE, '7:16-7:20']]);
      const absent = only(sys(basis, undefined)).found;
      assert.deepEqual(absent.map((f) => [f.severity, f.message, rangeText(f)]), [['warning', absentMessage(basis), '6:4-6:17']]);
      assert.deepEqual(only(sys(basis, 'download-service')).found, []);
    });
  }

  it('noteAssistant absent: warning on the SID key; the fix creates noteAssistant', () => {
    const text = dedent(`
      landscape: T
      systems:
        CRP:
          role: abap
          connection: none
          basis: 750 SP15
          communicationUser: S0023456795
    `);
    const { r, found } = only(text);
    assert.equal(found.length, 1);
    assert.equal(rangeText(found[0]!), '2:2-2:5');
    assert.equal(found[0]!.fixes?.[0]?.title, 'Record noteAssistant.download: download-service');
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, `${text}    noteAssistant:\n      download: download-service\n`);
    assertClean(fixed);
  });

  it('fix, YAML block: replaces rfc with download-service', () => {
    const { r, found } = only(sys('750 SP10', 'rfc'));
    assert.equal(found[0]!.fixes?.[0]?.title, 'Set noteAssistant.download to download-service');
    assert.equal(found[0]!.fixes?.[0]?.isPreferred, true);
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, sys('750 SP10', 'download-service'));
    assertClean(fixed);
  });

  it('fix, YAML block: records download when absent', () => {
    const { r, found } = only(sys('750 SP15', undefined));
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, sys('750 SP15', undefined).replace('      trustAnchors: true\n', '      trustAnchors: true\n      download: download-service\n'));
    assertClean(fixed);
  });

  it('fix, YAML flow: http replaced, absent inserted', () => {
    const http = dedent(`
      landscape: T
      systems:
        BWD: { role: abap, connection: none, basis: 750 SP13, noteAssistant: { download: http, trustAnchors: true } }
    `);
    const a = only(http);
    assert.equal(a.found[0]!.severity, 'info');
    const fixedHttp = applyFix(a.r, a.found[0]!);
    assert.equal(fixedHttp, http.replace('download: http', 'download: download-service'));
    assertClean(fixedHttp);

    const absent = http.replace('download: http, ', '');
    const b = only(absent);
    assert.equal(b.found[0]!.severity, 'warning');
    const fixedAbsent = applyFix(b.r, b.found[0]!);
    assert.equal(fixedAbsent, absent.replace('trustAnchors: true }', 'trustAnchors: true, download: download-service }'));
    assertClean(fixedAbsent);
  });

  it('empty `download:` counts as not recorded; the fix fills it in', () => {
    const text = sys('750 SP15', '').replace('      download: \n', '      download:\n');
    const { r, found } = only(text);
    assert.deepEqual(found.map((f) => f.severity), ['warning']);
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, sys('750 SP15', 'download-service'));
    assertClean(fixed);
  });

  it('fix, JSON', () => {
    const json = [
      '{',
      '  "landscape": "T",',
      '  "systems": {',
      '    "BWP": {',
      '      "role": "abap",',
      '      "connection": "none",',
      '      "basis": "750 SP10",',
      '      "noteAssistant": { "download": "rfc", "trustAnchors": true }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const uri = 'file:///t.landscape.json';
    const { r, found } = only(json, uri);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(rangeText(found[0]!), '7:37-7:42');
    const fixed = applyFix(r, found[0]!);
    assert.equal(fixed, json.replace('"download": "rfc"', '"download": "download-service"'));
    assertClean(fixed, uri);
  });

  it('solman and frun systems are checked too', () => {
    assert.equal(only(sys('740 SP20', 'rfc', { role: 'solman' })).found[0]?.severity, 'error');
    assert.equal(only(sys('753 SP02', undefined, { role: 'frun' })).found[0]?.severity, 'warning');
  });

  it('not for noteAssistant.enabled: false, unknown or missing basis, or an invalid download value', () => {
    assert.deepEqual(only(sys('750 SP10', 'rfc', { enabled: false })).found, []);
    assert.deepEqual(only(sys('741 SP01', 'rfc')).found, []);
    assert.deepEqual(only(sys('75 SP01', 'rfc')).found, []);
    assert.deepEqual(only(sys('750 SP10', 'ftp')).found, [], 'the schema reports the value');
    const noBasis = dedent(`
      landscape: T
      systems:
        S4D: { role: abap, connection: none, noteAssistant: { download: rfc } }
    `);
    assert.deepEqual(only(noBasis).found, []);
  });

  it('acme: BWD info, BWP error, CRP warning (examples/README.md); clean examples: nothing', () => {
    const acme = lint(fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8'));
    assert.deepEqual(ofRule(acme, RULE).map((f) => [f.system, f.severity]), [['BWD', 'info'], ['BWP', 'error'], ['CRP', 'warning']]);
    for (const f of ['clean.landscape.yaml', 'clean.landscape.json']) {
      const r = lint(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), `file:///${f}`);
      assert.deepEqual(ofRule(r, RULE), [], f);
    }
  });
});
