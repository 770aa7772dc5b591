import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/core/lint';
import { buildChecklist } from '../../server/src/features/checklist';
import { buildMap, LARGE_MAP_SYSTEMS, worstStatus } from '../../server/src/features/map';
import { renderMapSvg } from '../../server/src/features/mapSvg';
import type { LandscapeMap, MapLane } from '../../server/src/protocol';
import { dedent, ROOT, GUIDE_1_1 } from '../support/helpers';

const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');

function mapOf(text: string, uri = 'file:///t.landscape.yaml'): LandscapeMap {
  const result = lintText(uri, text, { knowledge: GUIDE_1_1 });
  return buildMap(result, buildChecklist(result));
}

/** "track:ERP EDV EQA EPR*" — lane id and entries, `*` after a reference. */
function laneText(l: MapLane): string {
  return [l.id, ...l.entries.map((e) => `${e.sid}${e.ref ? '*' : ''}`)].join(' ');
}

function lane(map: LandscapeMap, id: string): MapLane {
  const l = map.lanes.find((x) => x.id === id);
  assert.ok(l, `no lane ${id}: ${map.lanes.map((x) => x.id).join(', ')}`);
  return l;
}

/** An ABAP system for which no checklist item applies (no SNOTE, no connection): always green. */
const QUIET = '{ role: abap, connection: none, noteAssistant: { enabled: false } }';
/** An ABAP system with direct connectivity that records nothing: open errors, red. */
const BARE = '{ role: abap, connection: direct, basis: 754 SP02 }';

describe('landscape map model: acme example (tracks ERP, BW, S4; SOL and FRN manage systems)', () => {
  const map = mapOf(fs.readFileSync(ACME, 'utf8'), 'file:///acme.landscape.yaml');

  it('lanes: tracks in file order (transport order), then each manager with what it manages, then stand-alone systems by role', () => {
    assert.deepEqual(map.lanes.map(laneText), [
      'track:ERP EDV EQA EPR',
      'track:BW BWD BWP',
      'track:S4 S4D S4Q S4P',
      'managed:SOL SOL PIP',
      'managed:FRN FRN CRP',
      'role:abap SBX GRP',
    ]);
    // S4Q (connection solman, managedBy SOL) lives in track S4: SOL's lane names it
    assert.deepEqual(lane(map, 'managed:SOL').alsoManages, ['S4Q']);
    assert.equal(lane(map, 'managed:FRN').alsoManages, undefined);
  });

  it('lane readiness: worst status of its systems and how many are ready (acme: ERP waits for EPR, BW both red, S4 done)', () => {
    const rows = map.lanes.map((l) => `${l.id} ${l.status} ${l.ready}/${l.systems}`);
    assert.deepEqual(rows, [
      'track:ERP red 2/3',
      'track:BW red 0/2',
      'track:S4 green 3/3',
      'managed:SOL amber 1/2',
      'managed:FRN amber 1/2',
      'role:abap red 0/2',
    ]);
    assert.ok(map.lanes.every((l) => !l.collapsed), 'a landscape of 14 systems draws every system');
    assert.equal(map.large, false);
  });

  it('one transport gap: SAP Note 2738426 is in EQA but not in EPR (acme comment: "still in the import queue")', () => {
    assert.deepEqual(map.edges.map(({ messages, ...e }) => e), [
      { kind: 'transport-gap', lane: 'track:ERP', track: 'ERP', from: 'EQA', to: 'EPR', notes: [2738426], waived: false },
    ]);
    assert.match(map.edges[0].messages[0], /import the transport from EQA into EPR/);
  });

  it('systems in file order with their lane, tracks and readiness per chapter', () => {
    assert.deepEqual(map.systems.map((s) => s.sid), ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP']);
    const epr = map.systems[2];
    assert.equal(epr.lane, 'track:ERP');
    assert.deepEqual(epr.tracks, ['ERP']);
    assert.equal(epr.status, 'red');
    assert.deepEqual(epr.chapters.map((c) => `${c.id} ${c.status} ${c.done}/${c.total} open ${c.open}`), ['3.2 green 2/2 open 0', '4.3 red 3/7 open 4']);
    const sol = map.systems.find((s) => s.sid === 'SOL');
    assert.deepEqual(sol?.chapters.map((c) => `${c.id} ${c.status}`), ['3.2 green', '5.3 amber']);
    const crp = map.systems.find((s) => s.sid === 'CRP');
    assert.equal(crp?.lane, 'managed:FRN');
    assert.deepEqual(crp?.chapters.map((c) => `${c.id} ${c.status} unknown ${c.unknown}`), ['3.2 green unknown 0', 'other amber unknown 1']);
  });

  it('open items of a system: the open and not-recorded items with the guide sections and the place in the file', () => {
    const epr = map.systems[2];
    assert.equal(epr.openItems.length, 4);
    assert.ok(epr.openItems.every((i) => i.state === 'open' && i.chapter === '4.3' && i.sections.length > 0));
    const note = epr.openItems.find((i) => i.text.startsWith('Implement SAP Note 2738426'));
    assert.ok(note, epr.openItems.map((i) => i.text).join(' | '));
    assert.equal(note.severity, 'error');
    assert.deepEqual(map.systems[0].openItems, [], 'EDV is ready');
  });

  it('matrix columns: the chapters that apply somewhere, in the guide\'s order, then other findings', () => {
    assert.deepEqual(map.chapters.map((c) => c.id), ['3.2', '4.3', '5.3', '6.2', 'other']);
    assert.equal(map.chapters[0].title, 'Checklist for Note Assistant');
  });

  it('the summary is the checklist\'s: 7 of 14 systems ready', () => {
    assert.deepEqual({ ready: map.summary.ready, systems: map.summary.systems, red: map.summary.red, amber: map.summary.amber }, { ready: 7, systems: 14, red: 5, amber: 2 });
    assert.equal(map.name, 'ACME Production Landscape');
  });
});

describe('landscape map model: where each system goes', () => {
  it('a system in two tracks lives in the first and is a reference in the second', () => {
    const map = mapOf(dedent(`
      tracks:
        A: [D1, Q1, P1]
        B: [D2, Q1, P2]
      systems:
        D1: ${QUIET}
        Q1: ${QUIET}
        P1: ${QUIET}
        D2: ${QUIET}
        P2: ${QUIET}
    `));
    assert.deepEqual(map.lanes.map(laneText), ['track:A D1 Q1 P1', 'track:B D2 Q1* P2']);
    assert.deepEqual(map.systems.find((s) => s.sid === 'Q1')?.tracks, ['A', 'B']);
    assert.equal(lane(map, 'track:B').systems, 2, 'a reference is not counted twice');
  });

  it('unknown SIDs in a track and a SID listed twice are left out (the reference rules report them)', () => {
    const map = mapOf(dedent(`
      tracks:
        A: [D1, XXX, D1, P1]
        EMPTY: [NOPE]
      systems:
        D1: ${QUIET}
        P1: ${QUIET}
    `));
    assert.deepEqual(map.lanes.map(laneText), ['track:A D1 P1']);
  });

  it('a Solution Manager in a track: its lane holds the systems it manages outside tracks, with itself as a reference', () => {
    const map = mapOf(dedent(`
      tracks:
        SM: [SMD, SMP]
      systems:
        SMD: { role: solman, release: 7.2 SPS10 }
        SMP: { role: solman, release: 7.2 SPS10 }
        X1: { role: abap, connection: solman, managedBy: SMP, noteAssistant: { enabled: false } }
    `));
    assert.deepEqual(map.lanes.map(laneText), ['track:SM SMD SMP', 'managed:SMP SMP* X1']);
    assert.equal(map.systems.find((s) => s.sid === 'X1')?.lane, 'managed:SMP');
  });

  it('a manager in a track that manages nothing outside tracks gets no lane of its own', () => {
    const map = mapOf(dedent(`
      tracks:
        SM: [SMD, SMP]
      systems:
        SMD: { role: solman, release: 7.2 SPS10 }
        SMP: { role: solman, release: 7.2 SPS10 }
    `));
    assert.deepEqual(map.lanes.map(laneText), ['track:SM SMD SMP']);
  });

  it('managedBy naming no managing system (unknown SID, an ABAP system, itself) leaves the system in its role group', () => {
    const map = mapOf(dedent(`
      systems:
        A1: { role: abap, connection: solman, managedBy: NOPE, noteAssistant: { enabled: false } }
        A2: { role: abap, connection: solman, managedBy: A1, noteAssistant: { enabled: false } }
        F1: { role: frun, release: "2.0 FP01", managedBy: F1 }
        R1: { description: role missing }
    `));
    assert.deepEqual(map.lanes.map(laneText), ['managed:F1 F1', 'role:abap A1 A2', 'role:none R1']);
    assert.equal(lane(map, 'managed:F1').title, 'Focused Run F1');
    assert.equal(lane(map, 'role:none').title, 'Role not recorded');
  });

  it('no systems: no lanes; a syntax error is counted and what parsed is still drawn', () => {
    assert.deepEqual(mapOf('landscape: Empty\n').lanes, []);
    const broken = mapOf(`systems:\n  A1: ${QUIET}\n  B1: [\n`);
    assert.ok(broken.syntaxErrors > 0);
    assert.deepEqual(broken.systems.map((s) => s.sid).slice(0, 1), ['A1']);
  });

  it('worstStatus: red over amber over green; green for none', () => {
    const cases: [('red' | 'amber' | 'green')[], string][] = [[[], 'green'], [['green', 'amber'], 'amber'], [['amber', 'red', 'green'], 'red'], [['green'], 'green']];
    for (const [input, expected] of cases) assert.equal(worstStatus(input), expected, input.join(','));
  });
});

describe('landscape map model: transport gaps (guide 2.1.4, 4.3: notes are transported throughout the landscape)', () => {
  // guide 4.3: SAP Note 2738426 (task list SAP_BASIS_CONFIG_OSS_COMM) in every ABAP system with direct connectivity
  const sys = (notes: string, extra = ''): string => `{ role: abap, connection: direct, basis: 754 SP02, notes: ${notes}${extra} }`;

  it('the edge starts at the nearest earlier system that has the note', () => {
    const map = mapOf(dedent(`
      tracks:
        T: [DEV, QAS, PRD]
      systems:
        DEV: ${sys('[2738426]')}
        QAS: ${sys('[2738426]')}
        PRD: ${sys('[]')}
    `));
    assert.deepEqual(map.edges.map((e) => `${e.track} ${e.from}->${e.to} ${e.notes.join(',')}`), ['T QAS->PRD 2738426']);
  });

  it('a note stuck in DEV: one edge to each later system that lacks it, in track order', () => {
    const map = mapOf(dedent(`
      tracks:
        T: [DEV, QAS, PRD]
      systems:
        DEV: ${sys('[2738426]')}
        QAS: ${sys('[]')}
        PRD: ${sys('[]')}
    `));
    assert.deepEqual(map.edges.map((e) => `${e.from}->${e.to}`), ['DEV->QAS', 'DEV->PRD']);
  });

  it('several missing notes between the same systems make one edge with the notes in ascending order', () => {
    // 731 SP19 (TCI by support package, guide 2.1.4.2): 2576306 (TCI digital signature) and 2738426 both apply
    const old = (notes: string): string => `{ role: abap, connection: direct, basis: 731 SP19, notes: ${notes} }`;
    const map = mapOf(dedent(`
      tracks:
        T: [DEV, PRD]
      systems:
        DEV: ${old('[2738426, 2576306]')}
        PRD: ${old('[]')}
    `));
    assert.equal(map.edges.length, 1);
    assert.deepEqual(map.edges[0].notes, [2576306, 2738426]);
    assert.equal(map.edges[0].messages.length, 2);
  });

  it('a gap waived by a suppression comment with a reason is marked waived', () => {
    const map = mapOf(dedent(`
      tracks:
        T: [DEV, PRD]
      systems:
        DEV: ${sys('[2738426]')}
        PRD:
          role: abap
          connection: direct
          basis: 754 SP02
          # landscape-lint-disable-next-line track-transport -- import planned with CHG-42
          notes: []
    `));
    assert.deepEqual(map.edges.map((e) => `${e.from}->${e.to} waived ${e.waived}`), ['DEV->PRD waived true']);
  });

  it('no gap when every later system has the note; none for systems without SNOTE', () => {
    const map = mapOf(dedent(`
      tracks:
        T: [DEV, QAS, PRD]
      systems:
        DEV: ${sys('[2738426]')}
        QAS: ${sys('[2738426]')}
        PRD: ${sys('[]', ', noteAssistant: { enabled: false }')}
    `));
    assert.deepEqual(map.edges, []);
  });
});

describe('landscape map model: deterministic, and collapsing large landscapes', () => {
  it('same file → same model and the same SVG bytes, whatever the URI', () => {
    const text = fs.readFileSync(ACME, 'utf8');
    const a = mapOf(text, 'file:///a/acme.landscape.yaml');
    const b = mapOf(text, 'file:///b/acme.landscape.yaml');
    assert.deepEqual({ ...a, uri: '' }, { ...b, uri: '' });
    assert.equal(renderMapSvg(a), renderMapSvg(b));
    assert.equal(renderMapSvg(a), renderMapSvg(mapOf(text, 'file:///a/acme.landscape.yaml')));
  });

  it(`above ${LARGE_MAP_SYSTEMS} systems: all-green tracks collapse, other lanes collapse their green systems`, () => {
    const lines = ['tracks:'];
    const systems = ['systems:'];
    // 40 tracks of 3; the last track has one red system
    for (let t = 0; t < 40; t++) {
      const sids = [0, 1, 2].map((k) => `T${String(t).padStart(2, '0')}${k}`);
      lines.push(`  TR${t}: [${sids.join(', ')}]`);
      sids.forEach((sid, k) => systems.push(`  ${sid}: ${t === 39 && k === 2 ? BARE : QUIET}`));
    }
    // 10 stand-alone systems, 2 red
    for (let i = 0; i < 10; i++) systems.push(`  S${String(i).padStart(2, '0')}: ${i < 2 ? BARE : QUIET}`);
    const map = mapOf(`${lines.join('\n')}\n${systems.join('\n')}\n`);
    assert.equal(map.systems.length, 130);
    assert.equal(map.large, true);
    assert.equal(map.lanes.filter((l) => l.kind === 'track' && l.collapsed).length, 39);
    assert.equal(lane(map, 'track:TR39').collapsed, false);
    assert.equal(lane(map, 'role:abap').collapsed, true);
    const svg = renderMapSvg(map);
    assert.ok(svg.includes('39 tracks with every system ready'), 'one band of chips for the ready tracks');
    assert.ok(svg.includes('8 more ready'), 'the 8 green stand-alone systems as one chip');
    for (const sid of ['T392', 'S00', 'S01']) assert.ok(svg.includes(`data-sid="${sid}"`), `${sid} is drawn`);
    assert.ok(!svg.includes('data-sid="S05"'), 'a green stand-alone system is in the chip, not drawn');
  });

  it(`${LARGE_MAP_SYSTEMS} systems or fewer: every system drawn`, () => {
    const systems = ['systems:'];
    for (let i = 0; i < LARGE_MAP_SYSTEMS; i++) systems.push(`  S${String(i).padStart(3, '0')}: ${QUIET}`);
    const map = mapOf(`${systems.join('\n')}\n`);
    assert.equal(map.large, false);
    const svg = renderMapSvg(map);
    assert.equal((svg.match(/data-sid="/g) ?? []).length, LARGE_MAP_SYSTEMS);
  });
});
