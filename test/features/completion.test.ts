import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemTag, InsertTextFormat } from 'vscode-languageserver-types';
import type { LintOptions } from '../../server/src/core/lint';
import { lintText } from '../../server/src/core/lint';
import { completion, MAX_DESCRIPTION, MAX_DOCUMENTED_ITEMS } from '../../server/src/features/completion';
import { DIGITAL_SIGNATURE_NOTES, NOTE_CATALOGUE, ROOT_CA_CERTIFICATES, TASK_LIST_OSS_COMM } from '../../server/src/knowledge';
import { ROOT } from '../support/helpers';
import { withCursor } from './editorTestSupport';

/** Completion items at the `|` of a marked document, in sort order. */
function complete(marked: string, uri = 'file:///t.landscape.yaml', options?: LintOptions): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return completion(lintText(uri, text, options), position).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function newText(item: CompletionItem | undefined): string {
  return (item?.textEdit as TextEdit | undefined)?.newText ?? '';
}

const HEAD = `landscape: T
communicationUsers:
  S0000000001: { description: ERP track }
  S0000000002: { description: BW track }
tracks:
  ERP: [EDV, EPR]
systems:
  SOL:
    role: solman
    release: 7.2 SPS08
  FRN:
    role: frun
    release: "2.0"
  EPR:
    role: abap
    connection: direct
    communicationUser: S0000000001
`;

describe('features/completion', () => {
  describe('YAML values', () => {
    it('after `role: ` offers abap, solman and frun with their descriptions', () => {
      const items = complete(`${HEAD}  EDV:\n    role: |\n`);
      assert.deepEqual(labels(items), ['abap', 'solman', 'frun']);
      assert.match(String((items[1].documentation as { value: string }).value), /SOLMAN_SETUP/);
      assert.equal(newText(items[0]), 'abap');
    });

    it('a value typed right after the colon gets a blank', () => {
      assert.equal(newText(complete(`${HEAD}  EDV:\n    role:|\n`)[0]), ' abap');
    });

    it('in `managedBy: ` offers the SIDs of the SolMan systems for connection solman', () => {
      assert.deepEqual(labels(complete(`${HEAD}  EDV:\n    role: abap\n    connection: solman\n    managedBy: |\n`)), ['SOL']);
      assert.deepEqual(labels(complete(`${HEAD}  EDV:\n    role: abap\n    connection: frun\n    managedBy: |\n`)), ['FRN']);
    });

    it('track items offer SIDs, systems in no track first', () => {
      const items = complete(HEAD.replace('ERP: [EDV, EPR]', 'ERP: [EDV, |]'));
      assert.deepEqual(labels(items).slice(0, 2), ['SOL', 'FRN']);
      assert.ok(labels(items).includes('EPR'));
    });

    it('communicationUser offers the declared users, the track\'s user first', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    communicationUser: |\n`);
      assert.deepEqual(labels(items), ['S0000000001', 'S0000000002']);
      assert.equal(items[0].detail, 'ERP track');
    });

    it('booleans offer true first', () => {
      assert.deepEqual(labels(complete(`${HEAD}  EDV:\n    role: abap\n    noteAssistant:\n      trustAnchors: |\n`)), ['true', 'false']);
    });

    it('download channel: download-service first, rfc deprecated on 740+', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: none\n    basis: 750 SP12\n    noteAssistant:\n      download: |\n`);
      assert.deepEqual(labels(items), ['download-service', 'http', 'rfc']);
      assert.deepEqual(items[2].tags, [CompletionItemTag.Deprecated]);
    });

    it('basis offers the levels of the digital-signature table, the typed release first', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    basis: 750|\n`);
      assert.equal(items[0].label, '750 SP12');
      assert.ok(labels(items).includes('731 SP23') && labels(items).includes('753 SP00'));
      assert.deepEqual(items[0].textEdit && (items[0].textEdit as TextEdit).range, { start: { line: 20, character: 11 }, end: { line: 20, character: 14 } });
    });

    it('component levels that satisfy the rules, keeping the installed release', () => {
      const stpi = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    components:\n      ST-PI: 2008_1_700 SP1|\n`);
      assert.equal(stpi[0].label, '2008_1_700 SP20');
      assert.ok(labels(stpi).includes('740 SP10'));
      const stapi = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    components:\n      ST-A/PI: 01S_700 SP0|\n`);
      assert.equal(stapi[0].label, '01T_700 SP01');
    });

    it('ciphersuites: the SolMan alternative only on SolMan, values quoted', () => {
      const abap = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    profile:\n      ssl/client_ciphersuites: |\n`);
      assert.deepEqual(labels(abap), ['150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH']);
      assert.equal(newText(abap[0]), '"150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH"');
      const sol = complete(HEAD.replace('release: 7.2 SPS08', 'release: 7.2 SPS08\n    profile:\n      ssl/client_ciphersuites: |'));
      assert.equal(sol.length, 2);
    });

    it('release: 7.2 SPS08 for SolMan, 2.0 for Focused Run (quoted)', () => {
      assert.deepEqual(labels(complete(HEAD.replace('release: 7.2 SPS08', 'release: |'))), ['7.2 SPS08']);
      const frun = complete(HEAD.replace('release: "2.0"', 'release: |'));
      assert.deepEqual(labels(frun), ['2.0']);
      assert.equal(newText(frun[0]), '"2.0"');
    });

    it('destination type: the type of the new destination first', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    destinations:\n      SAP-SUPPORT_PARCELBOX: { type: | }\n`);
      assert.equal(items[0].label, 'G');
    });
  });

  describe('SAP Notes', () => {
    const SBX = `${HEAD}  SBX:\n    role: abap\n    connection: direct\n    basis: 731 SP19\n    noteAssistant: { tci: false }\n    notes: [2408073, |]\n`;

    for (const [name, options] of [['with the rules', undefined], ['from knowledge alone (no rule data)', { rules: [] }]] as const) {
      it(`the notes the system lacks come first — ${name}`, () => {
        const items = complete(SBX, undefined, options);
        const lacking = [...DIGITAL_SIGNATURE_NOTES.notTciEnabled.filter((n) => n !== 2408073), TASK_LIST_OSS_COMM.note!].map(String);
        const firstOther = items.findIndex((i) => i.sortText!.startsWith('3'));
        assert.ok(firstOther > 0, 'catalogue notes follow');
        for (const n of lacking) {
          const at = labels(items).indexOf(n);
          assert.ok(at >= 0 && at < firstOther, `${n} at ${at}, catalogue starts at ${firstOther}: ${labels(items).slice(0, 12).join(', ')}`);
          assert.match(items[at].detail ?? '', /^Missing/);
        }
        assert.ok(!labels(items).includes('2408073'), 'already listed');
        assert.equal(new Set(labels(items)).size, items.length, 'no duplicates');
        assert.equal(items.length, NOTE_CATALOGUE.length - 1);
      });
    }

    it('a note implemented earlier in the track comes first in the later system', () => {
      const doc = `landscape: T\ntracks:\n  ERP: [EDV, EPR]\nsystems:\n  EDV: { role: abap, connection: direct, basis: 754 SP02, notes: [2738426, 2446868] }\n  EPR: { role: abap, connection: direct, basis: 754 SP02, notes: [|] }\n`;
      for (const options of [undefined, { rules: [] }]) {
        const items = complete(doc, undefined, options);
        // among the notes the system lacks (with findings' notes such as 2781565 of the TLS rule)
        const i = labels(items).indexOf('2738426');
        assert.ok(i >= 0 && i < 3, labels(items).slice(0, 5).join());
        assert.match(items[i].detail ?? '', /^Missing/);
        const boot = items.find((i) => i.label === '2446868');
        assert.ok(boot && boot.sortText!.startsWith('3'), 'the 700 bootstrap note does not apply to 754');
      }
    });

    it('every note has its purpose as documentation and a link', () => {
      const items = complete(SBX);
      const item = items.find((i) => i.label === '2738426')!;
      const doc = (item.documentation as { value: string }).value;
      assert.match(doc, /SAP_BASIS_CONFIG_OSS_COMM/);
      assert.match(doc, /https:\/\/me\.sap\.com\/notes\/2738426/);
    });

    it('right after `notes: ` offers the whole list of missing notes', () => {
      const items = complete(`${HEAD}  SBX:\n    role: abap\n    connection: direct\n    basis: 731 SP19\n    noteAssistant: { tci: false }\n    notes: |\n`);
      assert.equal(items.length, 1);
      for (const n of [...DIGITAL_SIGNATURE_NOTES.notTciEnabled, TASK_LIST_OSS_COMM.note!]) assert.match(newText(items[0]), new RegExp(String(n)));
      assert.match(newText(items[0]), /^\[.*\]$/);
    });
  });

  describe('names', () => {
    it('task lists in a block list, the one for the system first', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    taskLists:\n      - |\n`);
      assert.deepEqual(labels(items), ['SAP_BASIS_CONFIG_OSS_COMM', 'SAP_SUPPORT_HUB_CONFIG']);
      assert.match(items[0].detail ?? '', /STC01/);
      const sol = complete(HEAD.replace('release: 7.2 SPS08', 'release: 7.2 SPS08\n    taskLists: [|]'));
      assert.equal(sol[0].label, 'SAP_SUPPORT_HUB_CONFIG');
    });

    it('certificates not yet in the PSE', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    certificates:\n      sslClientStandard:\n        - DigiCert Global Root CA\n        |\n`);
      assert.deepEqual(labels(items), ROOT_CA_CERTIFICATES.filter((c) => c !== 'DigiCert Global Root CA'));
      assert.match(newText(items[0]), /^- VeriSign/);
    });

    it('SDCCN destinations: SAP-SUPPORT_PORTAL first, never SDCC_OSS', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    destinations:\n      SDCC_OSS: { type: "3" }\n    sdccn:\n      destinations: [|]\n`);
      assert.equal(items[0].label, 'SAP-SUPPORT_PORTAL');
      assert.ok(!labels(items).includes('SDCC_OSS'));
    });

    it('destination names as keys, with type and the system\'s user; legacy ones last and deprecated', () => {
      const items = complete(`${HEAD.replace('communicationUser: S0000000001\n', 'communicationUser: S0000000001\n    destinations:\n      |\n')}`);
      assert.equal(items[0].label, 'SAP-SUPPORT_PORTAL');
      assert.equal(newText(items[0]), 'SAP-SUPPORT_PORTAL: { type: H, user: ${1:S0000000001} }');
      assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
      const legacy = items.find((i) => i.label === 'SDCC_OSS');
      assert.deepEqual(legacy?.tags, [CompletionItemTag.Deprecated]);
    });
  });

  describe('YAML keys', () => {
    it('keys of a system map by role, without the ones present', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    connection: direct\n    |\n`);
      const l = labels(items);
      assert.ok(l.includes('basis') && l.includes('notes') && l.includes('communicationUser'));
      assert.ok(!l.includes('role') && !l.includes('connection'), 'present keys');
      assert.ok(!l.includes('release') && !l.includes('solmanSetup'), 'not allowed for abap');
      const sol = labels(complete(HEAD.replace('release: 7.2 SPS08', 'release: 7.2 SPS08\n    |')));
      assert.ok(sol.includes('solmanSetup') && !sol.includes('connection') && !sol.includes('managedBy'));
    });

    it('managedBy comes last in a system whose connection is none or direct, first-class with solman/frun (issue 14 item 8)', () => {
      const order = (connection: string): string[] => complete(`${HEAD}  EDV:\n    role: abap\n    connection: ${connection}\n    |\n`)
        .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => String(i.label));
      for (const c of ['none', 'direct']) {
        const l = order(c);
        assert.equal(l[l.length - 1], 'managedBy', `${c}: ${l.join(', ')}`);
        assert.match(String(complete(`${HEAD}  EDV:\n    role: abap\n    connection: ${c}\n    |\n`).find((i) => i.label === 'managedBy')?.detail), /only with connection solman or frun/);
      }
      // required with solman: offered first
      assert.equal(order('solman')[0], 'managedBy');
    });

    it('a key being typed is replaced with `key: ` and its value choices', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    conn|\n`);
      const item = items.find((i) => i.label === 'connection')!;
      assert.equal(newText(item), 'connection: ${1|direct,solman,frun,none|}');
      assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 19, character: 4 }, end: { line: 19, character: 8 } });
      assert.match(item.detail ?? '', /required/);
      assert.equal(items[0].label, 'connection', 'required keys first');
    });

    it('maps open an indented line, lists open []', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    |\n`);
      assert.equal(newText(items.find((i) => i.label === 'noteAssistant')), 'noteAssistant:\n      $0');
      assert.equal(newText(items.find((i) => i.label === 'notes')), 'notes: [$0]');
    });

    it('on an existing key only the key is replaced', () => {
      const items = complete(`${HEAD}  EDV:\n    role: abap\n    bas|is: 731 SP19\n`);
      assert.equal(newText(items.find((i) => i.label === 'basis')), 'basis');
    });

    it('top-level keys on an empty line at column 0', () => {
      assert.deepEqual(labels(complete('landscape: T\n|\n')), ['systems', 'communicationUsers', 'tracks']);
    });

    it('keys of a nested map and of a flow map', () => {
      assert.deepEqual(labels(complete(`${HEAD}  EDV:\n    role: abap\n    noteAssistant:\n      |\n`)), ['enabled', 'tci', 'download', 'trustAnchors']);
      assert.deepEqual(labels(complete(`${HEAD}  EDV:\n    role: abap\n    noteAssistant: { tci: true, | }\n`)), ['enabled', 'download', 'trustAnchors']);
    });
  });

  describe('JSON', () => {
    const J = 'file:///t.landscape.json';
    const DOC = (inner: string): string => `{\n  "landscape": "T",\n  "systems": {\n    "SOL": { "role": "solman", "release": "7.2 SPS08" },\n    "EDV": { ${inner} }\n  }\n}\n`;

    it('enum values are quoted', () => {
      const items = complete(DOC('"role": |'), J);
      assert.deepEqual(labels(items), ['abap', 'solman', 'frun']);
      assert.equal(newText(items[0]), '"abap"');
    });

    it('inside a string the whole string is replaced', () => {
      const items = complete(DOC('"role": "so|"'), J);
      const item = items.find((i) => i.label === 'solman')!;
      assert.equal(newText(item), '"solman"');
      assert.equal(item.filterText, '"solman"');
    });

    it('keys insert `"key": ` with a value placeholder', () => {
      const items = complete(DOC('"role": "abap", |'), J);
      assert.equal(newText(items.find((i) => i.label === 'connection')), '"connection": "${1|direct,solman,frun,none|}"');
      assert.equal(newText(items.find((i) => i.label === 'notes')), '"notes": [$0]');
      assert.equal(newText(items.find((i) => i.label === 'spam')), '"spam": $0');
    });

    it('an unterminated key while typing', () => {
      const items = complete(DOC('"role": "abap", "ba|'), J);
      const item = items.find((i) => i.label === 'basis')!;
      assert.equal(newText(item), '"basis": "$0"');
      assert.equal(item.filterText, '"basis"');
    });

    it('a member before another one gets a comma', () => {
      const items = complete(DOC('"role": "abap", | "basis": "750 SP12"'), J);
      assert.equal(newText(items.find((i) => i.label === 'connection')), '"connection": "${1|direct,solman,frun,none|}", ');
    });

    it('managedBy offers SolMan SIDs, quoted', () => {
      const items = complete(DOC('"role": "abap", "connection": "solman", "managedBy": |'), J);
      assert.deepEqual(labels(items), ['SOL']);
      assert.equal(newText(items[0]), '"SOL"');
    });

    it('notes in a JSON list, lacking first', () => {
      const items = complete(DOC('"role": "abap", "connection": "direct", "basis": "731 SP19", "noteAssistant": { "tci": false }, "notes": [|]'), J);
      const top = labels(items).slice(0, 4);
      for (const n of DIGITAL_SIGNATURE_NOTES.notTciEnabled) assert.ok(labels(items).indexOf(String(n)) < labels(items).findIndex((_, i) => items[i].sortText!.startsWith('3')), top.join());
      assert.equal(newText(items.find((i) => i.label === '2738426')), '2738426');
    });

    it('issue 14: a lacking note keeps its "(missing)" tag visible: the description after it is a few words', () => {
      const items = complete(DOC('"role": "abap", "connection": "direct", "basis": "731 SP19", "noteAssistant": { "tci": false }, "notes": [|]'), J);
      const missing = items.filter((i) => i.labelDetails?.detail === ' (missing)');
      assert.ok(missing.length >= 3, labels(items).join());
      for (const i of items) assert.ok((i.labelDetails?.description ?? '').length <= MAX_DESCRIPTION, `${String(i.label)}: ${i.labelDetails?.description}`);
      assert.ok(missing.some((i) => i.labelDetails?.description?.endsWith('…')), 'long titles are cut');
    });
  });

  it('never throws, on any position of the examples or of partial documents while typing', () => {
    for (const name of ['acme.landscape.yaml', 'clean.landscape.json']) {
      const uri = `file:///${name}`;
      const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
      const full = lintText(uri, text);
      text.split('\n').forEach((line, n) => {
        for (let c = 0; c <= line.length; c += 5) completion(full, { line: n, character: c });
      });
      for (let cut = 0; cut < text.length; cut += 211) {
        const part = text.slice(0, cut);
        const lines = part.split('\n');
        completion(lintText(uri, part), { line: lines.length - 1, character: lines[lines.length - 1].length });
      }
    }
  });

  it('large landscapes: every user is offered, documentation only for the most relevant MAX_DOCUMENTED_ITEMS', () => {
    const n = MAX_DOCUMENTED_ITEMS * 3;
    const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(10, '0')}`);
    const text = `landscape: Big\ncommunicationUsers:\n${ids.map((id) => `  ${id}: { description: d }\n`).join('')}systems:\n${ids
      .map((id, i) => `  X${i}:\n    role: abap\n    connection: none\n    communicationUser: ${i === n - 1 ? '|' : id}\n`)
      .join('')}`;
    const items = complete(text);
    assert.equal(items.length, n);
    const documented = items.filter((i) => i.documentation);
    assert.equal(documented.length, MAX_DOCUMENTED_ITEMS);
    // the documented ones come first in sort order
    assert.deepEqual(documented, items.slice(0, MAX_DOCUMENTED_ITEMS));
    assert.match((documented[0].documentation as { value: string }).value, /technical communication user/);
  });

  it('returns nothing in comments and on unknown paths', () => {
    assert.deepEqual(complete(`${HEAD}  EDV:\n    role: abap   # a comment |\n`), []);
    assert.deepEqual(complete(`${HEAD}  EDV:\n    description: ERP |\n`), []);
  });
});
