import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { lintText } from '../../server/src/core/lint';
import { hover } from '../../server/src/features/hover';
import { ROOT } from '../support/helpers';
import { withCursor } from './editorTestSupport';

const ACME = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');
const CLEAN_JSON = fs.readFileSync(path.join(ROOT, 'examples', 'clean.landscape.json'), 'utf8');

/** Hover text at the `|` of a marked document ('' when there is none). */
function hoverAt(marked: string, uri = 'file:///t.landscape.yaml'): string {
  const { text, position } = withCursor(marked);
  const h = hover(lintText(uri, text), position);
  return h ? (h.contents as MarkupContent).value : '';
}

/** Puts the cursor `delta` characters into the first occurrence of `needle` in `text`. */
function mark(text: string, needle: string, delta = 1, from = 0): string {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i + delta) + '|' + text.slice(i + delta);
}

const SYSTEM = `landscape: T
communicationUsers:
  S0000000001: { description: ERP track }
tracks:
  ERP: [EDV]
systems:
  EDV:
    role: abap
    description: ERP development
    connection: direct
    basis: 731 SP19
    components:
      ST-PI: 2008_1_700 SP18
      ST-A/PI: 01T_731 SP01
    spam: 68
    noteAssistant:
      tci: false
      download: rfc
      trustAnchors: false
    notes: [2738426, 1234567]      # STC01 runs it; report RCWB_SNOTE_DWNLD_PROC_CONFIG
    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]
    communicationUser: S0000000001
    profile:
      ssl/client_ciphersuites: "918:PFS:HIGH::EC_P256:EC_HIGH"
    certificates:
      sslClientStandard: [DigiCert Global Root CA, My Own CA]
    destinations:
      SAPOSS: { type: "3", user: OSS_RFC }
      SAP-SUPPORT_PORTAL: { type: H, user: S0000000001 }
      SDCC_OSS: { type: "3" }
    sdccn:
      destinations: [SDCC_OSS]
  SOL:
    role: solman
    release: 7.2 SPS07
    basis: 740 SP20
  FRN:
    role: frun
    release: "1.0"
  EQA:
    role: abap
    connection: solman
    managedBy: SOL
`;

describe('features/hover', () => {
  // [what, marked document, fragments the hover must contain]
  const table: [string, string, string[]][] = [
    ['SAP Note 2738426 explains its task list', mark(SYSTEM, '2738426', 2), ['SAP Note 2738426', 'SAP_BASIS_CONFIG_OSS_COMM', 'STC01', 'https://me.sap.com/notes/2738426', 'EDV: implemented']],
    ['a note the guide does not name', mark(SYSTEM, '1234567', 2), ['SAP Note 1234567', 'Not one of the SAP Notes', 'https://me.sap.com/notes/1234567']],
    ['task list names STC01, the TCI prerequisite and its notes', mark(SYSTEM, 'SAP_BASIS_CONFIG_OSS_COMM]', 3), ['STC01', 'transport-based correction instructions', '2738426', '2793641', 'SAP-SUPPORT_PORTAL', 'EDV: executed']],
    ['basis 731 SP19: digital signature from SP23, TCI from SP19, bootstrap 1995550', mark(SYSTEM, '731 SP19', 2), ['731 SP19', 'digitally signed notes from SP23', 'TCI-capable from SP19', 'bootstrap note 1995550', '2408073', 'SAPK73100DCPSAPBASIS', '2750491']],
    ['key hover shows the schema description', mark(SYSTEM, 'connection: direct', 2), ['connection', 'How this ABAP system reaches the SAP support backbone']],
    ['nested key hover', mark(SYSTEM, 'trustAnchors', 2), ['noteAssistant.trustAnchors', '2620478']],
    ['transaction in a comment', mark(SYSTEM, 'STC01', 2), ['Transaction `STC01`', 'Task Manager for Technical Configuration']],
    ['report in a comment', mark(SYSTEM, 'RCWB_SNOTE', 4), ['Report `RCWB_SNOTE_DWNLD_PROC_CONFIG`', 'Download Service Application']],
    ['legacy destination: logon user, use, replacement', mark(SYSTEM, 'SDCC_OSS: {', 2), ['legacy RFC destination', '763561', 'Replaced by `SAP-SUPPORT_PORTAL`']],
    ['new destination: logon user, use, type, task list', mark(SYSTEM, 'SAP-SUPPORT_PORTAL: {', 2), ['new HTTPS destination', 'technical communication user', 'Type H', 'SAP_BASIS_CONFIG_OSS_COMM', '2289984']],
    ['SAPOSS with OSS_RFC is the legacy one', mark(SYSTEM, 'SAPOSS:', 2), ['legacy RFC destination', 'As recorded here: **legacy**']],
    ['destination in SDCCN', mark(SYSTEM, 'SDCC_OSS]', 2), ['legacy RFC destination', 'SAP-SUPPORT_PORTAL']],
    ['generic logon user', mark(SYSTEM, 'OSS_RFC', 2), ['legacy generic user', '2740667']],
    ['certificate name', mark(SYSTEM, 'DigiCert Global Root CA', 4), ['root CA', '2631190', 'STRUST', 'EDV still lacks']],
    ['unknown certificate', mark(SYSTEM, 'My Own CA', 2), ['Not one of the root CAs']],
    ['profile parameter', mark(SYSTEM, 'ssl/client_ciphersuites', 2), ['RZ11', '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH', '510007', 'restart']],
    ['profile value of the SolMan alternative on an ABAP system', mark(SYSTEM, '918:PFS', 2), ['SAP Solution Manager alternative', 'TLS above 1.2: no', 'only on SAP Solution Manager']],
    ['role value', mark(SYSTEM, 'solman\n    release', 2), ['SAP Solution Manager', 'SOLMAN_SETUP']],
    ['component key', mark(SYSTEM, 'ST-PI:', 2), ['Solution Tools Plug-In', '2008_1_7xx SP20', '740 SP10', 'RTCCTOOL']],
    ['component level below the minimum', mark(SYSTEM, '2008_1_700 SP18', 3), ['below the minimum', '2008_1_700 SP20', 'USMM']],
    ['ST-A/PI level', mark(SYSTEM, '01T_731 SP01', 3), ['01T_731 SP01', 'met']],
    ['communication user', mark(SYSTEM, 'S0000000001: {', 3), ['technical communication user', 'Used by EDV', '2174416']],
    ['SID key', mark(SYSTEM, '  EDV:', 3), ['**EDV**', 'ABAP system', 'Findings']],
    ['managedBy value', mark(SYSTEM, 'managedBy: SOL', 12), ['**SOL**', 'SAP Solution Manager', '7.2 SPS07']],
    ['track item', mark(SYSTEM, '[EDV]', 2), ['**EDV**']],
    ['SolMan release with partial connectivity', mark(SYSTEM, '7.2 SPS07', 3), ['partial', 'IT service management', '7.2 SPS08']],
    ['Focused Run 1.0', mark(SYSTEM, '"1.0"', 2), ['Focused Run 1.0', 'January 1, 2020', 'Upgrade to 2.0']],
    ['SPAM version', mark(SYSTEM, 'spam: 68', 7), ['68', 'SPAM version 70']],
    ['download channel', mark(SYSTEM, 'download: rfc', 11), ['RFC', 'RCWB_SNOTE_DWNLD_PROC_CONFIG']],
    ['tci value shows what the key means', mark(SYSTEM, 'tci: false', 6), ['noteAssistant.tci', 'transport-based correction instructions']],
    ['top-level key', mark(SYSTEM, 'tracks:', 2), ['tracks', 'source system first']],
    ['guide section in a comment', 'landscape: T   # see guide §2.1.4|.2.\n', ['Guide §2.1.4.2', 'Enabling Note Assistant for Digitally Signed SAP Notes']],
    ['note number in a comment', 'landscape: T   # SAP Note 27|81565\n', ['SAP Note 2781565', '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH']],
    ['transaction in a description', mark(SYSTEM.replace('ERP development', 'uses SNOTE daily'), 'SNOTE', 2), ['Transaction `SNOTE`', 'Note Assistant']],
  ];
  for (const [what, doc, fragments] of table) {
    it(what, () => {
      const text = hoverAt(doc);
      for (const f of fragments) assert.ok(text.includes(f), `missing "${f}" in:\n${text}`);
    });
  }

  it('has a range on the hovered token', () => {
    const { text, position } = withCursor(mark(SYSTEM, '731 SP19', 2));
    const h = hover(lintText('file:///t.landscape.yaml', text), position);
    assert.deepEqual(h?.range, { start: { line: 10, character: 11 }, end: { line: 10, character: 19 } });
  });

  it('says nothing on free text without a known word', () => {
    assert.equal(hoverAt(mark(SYSTEM, 'ERP development', 2)), '');
  });

  it('names the notes a system lacks for its release', () => {
    const doc = 'landscape: T\nsystems:\n  SBX:\n    role: abap\n    connection: none\n    basis: 731 SP19\n    noteAssistant: { tci: false }\n    notes: [|2408073]\n';
    const text = hoverAt(doc);
    assert.ok(text.includes('SBX: implemented'), text);
  });

  it('basis hover on a release without TCI and on 752+', () => {
    assert.match(hoverAt('landscape: T\nsystems:\n  A:\n    role: abap\n    connection: none\n    basis: 73|0 SP10\n'), /no TCI/);
    const modern = hoverAt('landscape: T\nsystems:\n  A01:\n    role: abap\n    connection: none\n    basis: 75|8 SP01\n');
    assert.match(modern, /digitally signed notes from 753 SP00/);
    assert.match(modern, /TCI-capable from 752 SP00/);
  });

  describe('JSON', () => {
    const J = 'file:///clean.landscape.json';
    it('note in a JSON list', () => {
      const t = hoverAt(mark(CLEAN_JSON, '2738426', 2), J);
      assert.ok(t.includes('SAP_BASIS_CONFIG_OSS_COMM') && t.includes('STC01'), t);
    });
    it('basis in JSON', () => {
      const t = hoverAt(mark(CLEAN_JSON, '"750 SP08"', 2), J);
      assert.ok(t.includes('750 SP08') && t.includes('SP12') && t.includes('SP05') && t.includes('1995550'), t);
    });
    it('key in JSON shows the schema description', () => {
      const t = hoverAt(mark(CLEAN_JSON, '"taskLists"', 3), J);
      assert.ok(t.includes('Task lists executed successfully in transaction `STC01`'), t);
    });
    it('certificate in JSON', () => {
      assert.ok(hoverAt(mark(CLEAN_JSON, 'DigiCert Global Root G2', 3), J).includes('2631190'));
    });
  });

  it('never throws, on any position of the examples or of partial documents while typing', () => {
    for (const [uri, text] of [['file:///acme.landscape.yaml', ACME], ['file:///clean.landscape.json', CLEAN_JSON]] as const) {
      const full = lintText(uri, text);
      text.split('\n').forEach((line, n) => {
        for (let c = 0; c <= line.length; c += 3) hover(full, { line: n, character: c });
      });
      for (let cut = 0; cut < text.length; cut += 211) {
        const part = text.slice(0, cut);
        const lines = part.split('\n');
        hover(lintText(uri, part), { line: lines.length - 1, character: lines[lines.length - 1].length });
      }
    }
  });

  it('covers every key of the acme example without throwing, and every key gets text', () => {
    const result = lintText('file:///acme.landscape.yaml', ACME);
    const lines = ACME.split('\n');
    let keys = 0;
    lines.forEach((line, n) => {
      const m = /^(\s*)([A-Za-z][\w/-]*):/.exec(line);
      if (!m) return;
      keys++;
      const h = hover(result, { line: n, character: m[1].length + 1 });
      assert.ok(h, `no hover for key ${m[2]} on line ${n + 1}`);
    });
    assert.ok(keys > 100);
  });
});
