import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readComponents } from '../../server/src/import/components';
import { decodeExport } from '../../server/src/import/decode';
import { readDestinations, userOfOptions } from '../../server/src/import/destinations';
import { readNotes } from '../../server/src/import/notes';
import { readParameters } from '../../server/src/import/parameters';
import { detectKind, kindOfFileName, readExport } from '../../server/src/import/sources';
import { ROOT } from '../support/helpers';

const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
const bytes = (f: string): Buffer => fs.readFileSync(path.join(FIX, f));
const text = (f: string): string => decodeExport(bytes(f)).text;

// Expected values typed from the fixture exports (test/fixtures/import/generate.mjs), which are
// modelled on the systems of examples/acme.landscape.yaml.
describe('import readers', () => {
  describe('encodings, detected from the bytes', () => {
    const cases: [file: string, encoding: string, bom: boolean, contains: string][] = [
      ['EPR/components.txt', 'utf-8', false, '|SAP_BASIS'],
      ['EPR/notes.txt', 'utf-16le', true, 'Implementation State'],
      ['BWP/components.txt', 'windows-1252', false, 'Anwendungsübergreifende Komponente'],
      ['BWP/notes.txt', 'windows-1252', false, 'MÜLLER'],
      ['BWP/destinations.txt', 'utf-8', true, 'Übertragung an SAP'],
      ['GRP/components.txt', 'utf-16le', true, '2008_1_700'],
      ['GRP/parameters.txt', 'utf-16be', false, 'ssl/client_ciphersuites'],
    ];
    for (const [file, encoding, bom, contains] of cases) {
      it(`${file}: ${encoding}${bom ? ' with byte-order mark' : ''}`, () => {
        const d = decodeExport(bytes(file));
        assert.equal(d.encoding, encoding);
        assert.equal(d.bom, bom);
        assert.ok(d.text.includes(contains), `decoded text lacks ${contains}`);
        assert.ok(!d.text.includes('\ufffd') && !d.text.includes('\u0000'));
      });
    }
    it('UTF-16 big endian with a byte-order mark, and UTF-8 German text without one', () => {
      assert.equal(decodeExport(Buffer.from([0xfe, 0xff, 0, 0x41, 0, 0x42])).text, 'AB');
      assert.deepEqual(decodeExport(Buffer.from('Einbaustand für', 'utf8')), { text: 'Einbaustand für', encoding: 'utf-8', bom: false });
    });
  });

  describe('components (CVERS / System → Status)', () => {
    const cases: [file: string, layout: string, basis: string, components: Record<string, string>][] = [
      ['EPR/components.txt', 'SE16 unconverted, two pages', '731 SP19', {
        'EA-APPL': '617 SP11', SAP_ABA: '731 SP19', SAP_APPL: '617 SP11', SAP_BW: '731 SP19', SAP_HR: '604 SP98', 'ST-A/PI': '01T_731 SP01', 'ST-PI': '2008_1_710 SP20',
      }],
      ['BWP/components.txt', 'System → Status, German headers, tabs', '750 SP13', {
        SAP_ABA: '750 SP13', SAP_GWFND: '750 SP13', SAP_BW: '750 SP13', 'ST-PI': '740 SP11', 'ST-A/PI': '01T_731 SP01',
      }],
      ['GRP/components.txt', 'SE16 unconverted, UTF-16', '702 SP17', { GRCFND_A: 'V1000 SP21', SAP_ABA: '702 SP17', 'ST-PI': '2008_1_700 SP18' }],
    ];
    for (const [file, layout, basis, components] of cases) {
      it(`${file} (${layout})`, () => {
        const r = readComponents(text(file), file);
        assert.deepEqual(r.problems, []);
        assert.equal(r.basis?.value, basis);
        assert.deepEqual(Object.fromEntries(r.components.map((c) => [c.name, c.value])), components);
      });
    }
    it('broken export: every unreadable line is reported with its line number', () => {
      const r = readComponents(text('broken/components.txt'), 'c.txt');
      assert.deepEqual(r.problems.map((p) => `${p.line}: ${p.message}`), [
        '9: 5 cells where the header (line 7) has 4; line skipped',
        "10: SAP_BASIS: support package level '00A9' is not a number such as 0019; line skipped",
        "11: ST-PI: support package level '' is not a number such as 0019; line skipped",
        '13: ST-A/PI is listed twice (first on line 12); this line is skipped',
      ]);
      assert.equal(r.basis, undefined);
      assert.deepEqual(r.components.map((c) => c.value), ['01T_731 SP01']);
    });
  });

  describe('notes (CWBNTCUST)', () => {
    const cases: [file: string, layout: string, states: Record<number, string>][] = [
      ['EPR/notes.txt', 'spreadsheet, UTF-16, English labels', { 1668882: 'E', 2408073: 'O', 2576306: 'E', 2738426: 'E', 2781565: 'E', 2620478: 'N', 2827658: 'U' }],
      ['BWP/notes.txt', 'SE16 unconverted, German labels, Windows-1252', { 2408073: 'O', 2576306: 'E', 2738426: 'E', 2781565: 'E', 2934203: 'E' }],
      ['GRP/notes.txt', 'spreadsheet, state texts instead of codes', { 2408073: 'E', 2508268: 'E', 2546220: 'E', 2738426: 'N', 1818192: '-' }],
    ];
    for (const [file, layout, states] of cases) {
      it(`${file} (${layout}): numbers without zero padding, implementation states`, () => {
        const r = readNotes(text(file), file);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(Object.fromEntries(r.notes.map((n) => [n.number, n.state])), states);
      });
    }
    it('takes the states from the other status column when the labelled one holds processing codes', () => {
      const t = 'NUMM\tNTSTATUS\tPRSTATUS\n0002576306\tE\tI\n0002738426\tO\tR\n';
      const r = readNotes(t, 'swapped.txt');
      assert.deepEqual(r.notes.map((n) => [n.number, n.state]), [[2576306, 'E'], [2738426, 'O']]);
      assert.match(r.problems[0].message, /implementation states .* are in the column labelled as processing status/);
    });
    it('broken export: bad note numbers, unknown states and rows without tabs, with line numbers', () => {
      const r = readNotes(text('broken/notes.txt'), 'n.txt');
      assert.deepEqual(r.problems.map((p) => `${p.line}: ${p.message}`), [
        "3: '25763O6' is not a SAP Note number; line skipped",
        "4: note 2738426: implementation state 'Z' is not one of E, O, U, V, N, -; line skipped",
        '5: not a row of the table (expected tab-separated cells); line skipped',
      ]);
      assert.deepEqual(r.notes.map((n) => n.number), [2576306]);
    });
  });

  describe('destinations (RFCDES)', () => {
    const cases: [file: string, layout: string, destinations: Record<string, string>][] = [
      ['EPR/destinations.txt', 'SE16 unconverted, technical names', {
        BACK: '3', EPRCLNT100: '3 RFC_EPR', NONE: '3', SAPOSS: '3 S0023456789', 'SAP-SUPPORT_PARCELBOX': 'G S0023456789', 'SAP-SUPPORT_PORTAL': 'H S0023456789', SDCC_OSS: '3',
      }],
      ['BWP/destinations.txt', 'spreadsheet, German labels, UTF-8 with BOM', {
        BWPCLNT100: '3 ALEREMOTE', 'SAP-SUPPORT_PARCELBOX': 'G S0023456789', 'SAP-SUPPORT_PORTAL': 'H S0023456789', 'SAP-SUPPORT_NOTE_DOWNLOAD': 'G S0023456789',
      }],
      ['GRP/destinations.txt', 'SE16 unconverted, Windows-1252, legacy destinations', {
        'SAP-OSS': '3 OSS_RFC', SAPNET_RFC: '3 OSS_RFC', SAPNET_RTCC: '3 OSS_RFC', SAPOSS: '3 OSS_RFC', SDCC_OSS: '3', GRP_FIREFIGHTER: '3 FF_RFC',
      }],
    ];
    for (const [file, layout, destinations] of cases) {
      it(`${file} (${layout}): type and the logon user of RFCOPTIONS`, () => {
        const r = readDestinations(text(file), file);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(Object.fromEntries(r.destinations.map((d) => [d.name, d.user ? `${d.type} ${d.user}` : d.type])), destinations);
      });
    }
    it('RFCOPTIONS: U= is the user; an empty U= is none', () => {
      assert.equal(userOfOptions('H=/H/194.39.131.34/S/sapdp99/H/oss001,S=01,U=OSS_RFC,M=001,'), 'OSS_RFC');
      assert.equal(userOfOptions('H=host,S=00,U=,M=100,'), undefined);
      assert.equal(userOfOptions('H=host,S=00,'), undefined);
    });
    it('broken export: not a table at all', () => {
      const r = readDestinations(text('broken/destinations.txt'), 'd.txt');
      assert.equal(r.problems.length, 1);
      assert.equal(r.problems[0].line, 0);
      assert.match(r.problems[0].message, /no header row with the columns RFCDEST, RFCTYPE found: is this an export of table RFCDES/);
    });
  });

  describe('parameters (RSPARAM)', () => {
    const cases: [file: string, layout: string, value: string][] = [
      ['EPR/parameters.txt', 'spreadsheet; the user-defined value wins', '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH'],
      ['BWP/parameters.txt', 'column-aligned, German labels; no user value: the default', '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH'],
      ['GRP/parameters.txt', 'spreadsheet, UTF-16 big endian without byte-order mark', '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH'],
    ];
    for (const [file, layout, value] of cases) {
      it(`${file} (${layout})`, () => {
        const r = readParameters(text(file), file);
        assert.deepEqual(r.problems, []);
        assert.deepEqual(r.parameters.map((p) => [p.name, p.value]), [['ssl/client_ciphersuites', value]]);
      });
    }
    it('broken export: a parameter without any value is reported, not imported', () => {
      const r = readParameters(text('broken/parameters.txt'), 'p.txt');
      assert.deepEqual(r.problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`), ['2: warning: ssl/client_ciphersuites has no value (neither user-defined nor default); not imported']);
      assert.deepEqual(r.parameters, []);
    });
  });

  describe('kind of an export', () => {
    const cases: [file: string, kind: string][] = [
      ['EPR/components.txt', 'components'], ['BWP/components.txt', 'components'], ['GRP/components.txt', 'components'],
      ['EPR/notes.txt', 'notes'], ['BWP/notes.txt', 'notes'], ['GRP/notes.txt', 'notes'],
      ['EPR/destinations.txt', 'destinations'], ['BWP/destinations.txt', 'destinations'], ['GRP/destinations.txt', 'destinations'],
      ['EPR/parameters.txt', 'parameters'], ['BWP/parameters.txt', 'parameters'], ['GRP/parameters.txt', 'parameters'],
    ];
    for (const [file, kind] of cases) {
      it(`${file} is recognised by its content as ${kind}`, () => {
        assert.equal(detectKind(text(file)), kind);
        const r = readExport(bytes(file), file);
        assert.ok('read' in r && r.read.kind === kind);
      });
    }
    it('file names of the --dir convention', () => {
      assert.deepEqual(['CVERS.txt', 'notes.tsv', 'rfcdes.TXT', 'RSPARAM', 'sm59.csv', 'readme.md'].map(kindOfFileName), ['components', 'notes', 'destinations', 'parameters', 'destinations', undefined]);
    });
    it('a file that is no export is refused with a clear message', () => {
      const r = readExport(bytes('broken/destinations.txt'), 'x.txt');
      assert.ok(!('read' in r));
      assert.match(r.problems[0].message, /not an export landscape-lint can read/);
    });
  });
});
