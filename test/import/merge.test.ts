import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { diffArrays } from 'diff';
import { lintText } from '../../server/src/core/lint';
import { readComponents } from '../../server/src/import/components';
import { decodeExport } from '../../server/src/import/decode';
import { readDestinations } from '../../server/src/import/destinations';
import type { SystemImport } from '../../server/src/import/merge';
import { countsAsImplemented, emptyLandscape, ImportError, mergeText } from '../../server/src/import/merge';
import { readNotes } from '../../server/src/import/notes';
import { readParameters } from '../../server/src/import/parameters';
import { ROOT, GUIDE_1_1 } from '../support/helpers';

const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
const ACME_FILE = path.join(ROOT, 'examples', 'acme.landscape.yaml');
const ACME = fs.readFileSync(ACME_FILE, 'utf8');
const text = (f: string): string => decodeExport(fs.readFileSync(path.join(FIX, f))).text;

/** Everything the fixtures of one system say. */
function exportsOf(sid: 'EPR' | 'BWP' | 'GRP', as: string = sid, extra: Partial<SystemImport> = {}): SystemImport {
  return {
    sid: as,
    components: readComponents(text(`${sid}/components.txt`), `${sid}/components.txt`),
    notes: readNotes(text(`${sid}/notes.txt`), `${sid}/notes.txt`),
    destinations: readDestinations(text(`${sid}/destinations.txt`), `${sid}/destinations.txt`),
    parameters: readParameters(text(`${sid}/parameters.txt`), `${sid}/parameters.txt`),
    ...extra,
  };
}

/** The text of each system's block: from its key line to the next system's (comments above it included). */
function blocks(t: string): Map<string, string> {
  const lines = t.split('\n');
  const starts: [string, number][] = [];
  lines.forEach((l, i) => { const m = /^ {2}([A-Z][A-Z0-9]{2}):\s*$/.exec(l); if (m) starts.push([m[1], i]); });
  const out = new Map<string, string>();
  starts.forEach(([sid, i], k) => {
    let from = i;
    while (from > 0 && /^\s*#/.test(lines[from - 1])) from--;
    const to = k + 1 < starts.length ? starts[k + 1][1] : lines.length;
    let end = to;
    while (end > i && (/^\s*#/.test(lines[end - 1]) || lines[end - 1].trim() === '')) end--;
    out.set(sid, lines.slice(from, end).join('\n'));
  });
  return out;
}

describe('import merge', () => {
  const all = [exportsOf('EPR'), exportsOf('BWP'), exportsOf('GRP')];

  it('into the acme example: every comment, and every system not imported, stays byte for byte', () => {
    const r = mergeText(ACME_FILE, ACME, all);
    assert.deepEqual(r.changed, ['EPR', 'BWP', 'GRP']);
    const before = blocks(ACME);
    const after = blocks(r.text);
    assert.deepEqual([...after.keys()], [...before.keys()]);
    for (const [sid, block] of before) if (!['EPR', 'BWP', 'GRP'].includes(sid)) assert.equal(after.get(sid), block, sid);
    // the file up to the first system, and every comment line in order
    assert.equal(r.text.slice(0, r.text.indexOf('\n  EDV:')), ACME.slice(0, ACME.indexOf('\n  EDV:')));
    const comments = (t: string): string[] => t.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
    assert.deepEqual(comments(r.text), comments(ACME));
  });

  it('into the acme example: exactly the lines the exports call for change', () => {
    const r = mergeText(ACME_FILE, ACME, all);
    const parts = diffArrays(ACME.split('\n'), r.text.split('\n'));
    const removed = parts.filter((p) => p.removed).flatMap((p) => p.value);
    const added = parts.filter((p) => p.added).flatMap((p) => p.value);
    // typed from the fixtures: EPR has note 2738426 now and the HTTPS destinations; BWP went to
    // 750 SP13 (2408073 is obsolete there and 750 SP13 >= 750 SP12 contains it); GRP still has
    // the legacy destinations of guide 2.1.5 and a cipher suite profile value
    assert.deepEqual(removed, [
      '    notes: [2576306, 2781565]       # 2738426 still in the import queue',
      '    basis: 750 SP10                 # below 750 SP12: needs 2576306 (TCI-enabled)',
      '      SAP_BW: 750 SP10',
      '    notes: [2576306, 2738426, 2781565]',
    ]);
    assert.deepEqual(added, [
      '      EA-APPL: 617 SP11', '      SAP_ABA: 731 SP19', '      SAP_APPL: 617 SP11', '      SAP_BW: 731 SP19', '      SAP_HR: 604 SP98',
      '    notes: [2576306, 2781565, 2738426]       # 2738426 still in the import queue',
      '      SAP-SUPPORT_PARCELBOX: { type: G, user: S0023456789 }',
      '      SAP-SUPPORT_PORTAL: { type: H, user: S0023456789 }',
      '    basis: 750 SP13                 # below 750 SP12: needs 2576306 (TCI-enabled)',
      '      SAP_BW: 750 SP13', '      SAP_ABA: 750 SP13', '      SAP_GWFND: 750 SP13',
      '    notes: [2576306, 2738426, 2781565, 2408073]',
      '      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, user: S0023456789 }',
      '      GRCFND_A: V1000 SP21', '      SAP_ABA: 702 SP17',
      '      SAP-OSS: { type: "3", user: OSS_RFC }',
      '      SAPNET_RFC: { type: "3", user: OSS_RFC }',
      '      SAPNET_RTCC: { type: "3", user: OSS_RFC }',
      '    profile:',
      '      ssl/client_ciphersuites: 150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH',
    ]);
  });

  it('importing twice changes nothing the second time (idempotent)', () => {
    const once = mergeText(ACME_FILE, ACME, all);
    const twice = mergeText(ACME_FILE, once.text, all);
    assert.equal(twice.text, once.text);
    assert.deepEqual(twice.edits, []);
    assert.deepEqual(twice.changed, []);
    // also for new systems, in YAML and JSON
    for (const file of ['n.landscape.yaml', 'n.landscape.json']) {
      const first = mergeText(file, emptyLandscape(file.endsWith('json') ? 'json' : 'yaml'), all);
      assert.deepEqual(first.added, ['EPR', 'BWP', 'GRP']);
      assert.deepEqual(mergeText(file, first.text, all).edits, [], file);
    }
  });

  it('the imported 731 system gets the findings the guide gives it', () => {
    const r = mergeText('new.landscape.yaml', emptyLandscape('yaml'), [exportsOf('EPR')]);
    const ids = lintText('new.landscape.yaml', r.text, { knowledge: GUIDE_1_1 }).findings.filter((f) => f.system === 'EPR').map((f) => `${f.severity} ${f.ruleId}`).sort();
    // 731 SP19 is TCI-enabled by support package (2.1.4.3: 731 SP19) and 2576306 is implemented:
    // no digital-signature error; ST-PI 2008_1_710 SP20 and ST-A/PI 01T SP01 meet 2.1.1; 2738426
    // is implemented, but the task list is not recorded; 150:PFS… with 2781565 is fine (2.2.1).
    // Not in the exports, so open: communication user (2.3), root CAs (2.2.2), SDCCN (4.1),
    // trust anchors (2.1.4.1), SAProuter below 740 (4.2); SDCC_OSS is a legacy destination (2.1.5).
    assert.deepEqual(ids, [
      'error comm-user-missing', 'error sdccn-destinations', 'error ssl-certificates', 'error tasklist-oss-comm',
      'info legacy-destination',
      'warning na-trust-anchors', 'warning saprouter-check', 'warning sdccn-tasks',
    ]);
    assert.ok(!lintText('new.landscape.yaml', r.text).findings.some((f) => f.ruleId === 'schema'), 'the new system is valid against the schema');
  });

  it('a new system goes to the end of `systems`, after a blank line like the others, in snippet key order', () => {
    const r = mergeText(ACME_FILE, ACME, [exportsOf('GRP', 'GR2', { connection: 'none' })]);
    assert.ok(r.text.startsWith(ACME), 'nothing before it changes');
    const tail = r.text.slice(ACME.length);
    assert.equal(tail.split('\n').slice(0, 4).join('\n'), '\n  GR2:\n    role: abap\n    connection: none');
    assert.deepEqual(tail.split('\n').filter((l) => /^ {4}\w/.test(l)).map((l) => l.trim().split(':')[0]), ['role', 'connection', 'basis', 'components', 'notes', 'profile', 'destinations']);
  });

  it('a Solution Manager gets its release from component ST', () => {
    const components = readComponents('COMPONENT\tRELEASE\tEXTRELEASE\nSAP_BASIS\t740\t0020\nST\t720\t0008\n', 'c.txt');
    const r = mergeText(ACME_FILE, ACME, [{ sid: 'SOL', components }]);
    assert.match(r.text, /\n {4}release: 7\.2 SPS08\n {4}basis: 740 SP20 {17}# below 740 SP20/);
    assert.match(r.text, /\n {6}ST: 720 SP08\n/);
  });

  it('a file with Windows line ends gets Windows line ends in the inserted lines', () => {
    const crlf = ACME.replace(/\n/g, '\r\n');
    const r = mergeText(ACME_FILE, crlf, all);
    assert.ok(!/[^\r]\n/.test(r.text), 'a bare LF was inserted');
    assert.equal(r.text, mergeText(ACME_FILE, ACME, all).text.replace(/\n/g, '\r\n'));
  });

  it('into a JSON landscape: the JSON stays valid and the rest unchanged', () => {
    const file = path.join(ROOT, 'examples', 'clean.landscape.json');
    const json = fs.readFileSync(file, 'utf8');
    const r = mergeText(file, json, [exportsOf('GRP', 'ECD')]);
    const before = JSON.parse(json) as { systems: Record<string, unknown> };
    const after = JSON.parse(r.text) as { systems: Record<string, Record<string, unknown>> };
    assert.deepEqual({ ...after, systems: { ...after.systems, ECD: null } }, { ...before, systems: { ...before.systems, ECD: null } });
    assert.equal(after.systems.ECD.basis, '702 SP17');
    assert.deepEqual(after.systems.ECD.notes, [2576306, 2738426, 2781565, 2408073, 2508268, 2546220]);
  });

  it('says where the exports contradict the file, and leaves the file as it is there', () => {
    const r = mergeText(ACME_FILE, ACME, [exportsOf('GRP', 'EDV')]);
    const messages = r.notices.filter((n) => n.severity === 'warning').map((n) => n.message);
    assert.ok(messages.some((m) => /^note 2738426 is in the file, but SNOTE says can be implemented \(N\) \(GRP\/notes\.txt:5\); left in the file$/.test(m)), messages.join('\n'));
    assert.ok(messages.includes('destinations.SAP-SUPPORT_PORTAL is in the file but not in the RFCDES export; left in the file (remove it if it was deleted in SM59)'));
    assert.match(r.text, /\n {6}SAP-SUPPORT_PORTAL: \{ type: H, user: S0023456789 \}\n/);
    assert.match(r.text, /\n {6}SAPOSS: \{ type: "3", user: OSS_RFC, description: SNOTE download \(generic user replaced\) \}\n/, 'the user of SAPOSS is replaced in place');
  });

  it('refuses a file with syntax errors, a bad SID, or a `systems` that is no map', () => {
    assert.throws(() => mergeText('x.landscape.yaml', 'landscape: X\nsystems:\n  EPR: [\n', all), (e: unknown) => e instanceof ImportError && /line \d+: YAML syntax error/.test(e.message));
    assert.throws(() => mergeText('x.landscape.yaml', 'landscape: X\nsystems: [EPR]\n', all), /`systems` is not a map of SIDs/);
    assert.throws(() => mergeText('x.landscape.yaml', emptyLandscape('yaml'), [{ sid: 'epr' }]), /'epr' is not a SID/);
  });

  // guide 2.1.4.2 table (digital signature) and 2.1.4.3 table (TCI) decide when O counts
  const implemented: [note: number, state: string, basis: [number, number] | undefined, expected: boolean][] = [
    [2408073, 'E', [731, 19], true],
    [2408073, 'O', [731, 19], false], // 731 gets digital signature with SP23
    [2408073, 'O', [731, 23], true],
    [2576306, 'O', [750, 12], true],
    [2576306, 'O', [750, 11], false],
    [2508268, 'O', [753, 0], true], // 753 and above: from SP00
    [1995550, 'O', [731, 19], true], // bootstrap note of 731; TCI from 731 SP19
    [1995550, 'O', [731, 18], false],
    [2606986, 'O', [740, 16], true], // a TCI prerequisite of 740; TCI from 740 SP16
    [2738426, 'O', [754, 2], false], // no table ties the task-list note to a support package
    [2408073, 'O', undefined, false], // support package unknown
    [2408073, 'N', [731, 23], false],
    [2408073, 'U', [731, 23], false],
    [2408073, 'V', [731, 23], false],
    [2408073, '-', [731, 23], false],
  ];
  for (const [note, state, basis, expected] of implemented) {
    it(`note ${note} in state ${state || "''"} on ${basis ? basis.join(' SP') : 'unknown SAP_BASIS'} ${expected ? 'counts' : 'does not count'} as implemented`, () => {
      assert.equal(countsAsImplemented(note, state, basis ? { release: basis[0], sp: basis[1] } : undefined), expected);
    });
  }
});
