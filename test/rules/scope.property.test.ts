import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { LandscapeDocument } from '../../server/src/core/document';
import { readLandscape } from '../../server/src/core/model';
import type { LandscapeModel, SystemDef } from '../../server/src/core/model';
import { RULES } from '../../server/src/rules';
import type { Rule, RuleFinding } from '../../server/src/rules/rule';
import { ruleScope } from '../../server/src/rules/rule';
import { fuzzParameters, landscapeArb, mutatedLandscapeArb } from '../property/arbitraries';
import type { LandscapeFile } from '../property/arbitraries';
import { ROOT } from '../support/helpers';
import { BASELINES } from '../../server/src/knowledge/baseline';

/** Rules run under the default baseline, the clock pinned (the findings must not depend on the day the tests run). */
const KNOWLEDGE = { baseline: BASELINES.current, asOf: '2026-11-29' };

/**
 * Rule scope (server/src/rules/rule.ts): a rule with scope 'system' makes findings for a system
 * from that system's definition and the landscape's non-system entries only. Checked the way an
 * incremental engine uses it: the rule run on a model whose `systems` is a subset (and
 * `systemsById` still the full map) returns exactly the full run's findings of those systems.
 */

const SYSTEM_RULES = RULES.filter((r) => ruleScope(r) === 'system');
const LANDSCAPE_RULES = RULES.filter((r) => ruleScope(r) === 'landscape');

// ---- landscapes with what the cross-system rules read: tracks, shared and undeclared users,
// managedBy targets, SOLMAN_SETUP users, notes along tracks (the shared arbitraries have no tracks)

const SIDS = ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'SOL', 'FRN', 'GRP', 'XYZ'];
/** Declared users are drawn from the first three; the others stay undeclared (two are S-user ids). */
const USERS = ['S0023456789', 'S0023456790', 'S0023456791', 'S0023456788', 'S0099999999', 'OSS_RFC'];
const NOTES = [2738426, 2576306, 2408073, 2546220, 2508268, 1995550, 2408383, 2446868, 2836302, 2827658, 2781565, 1];
const BASIS = ['700 SP30', '702 SP17', '731 SP18', '731 SP19', '731 SP23', '740 SP16', '750 SP11', '750 SP12', '754 SP02'];
const SECRETS = ['password', 'apiKey', 'pwd'];

const memberArb = fc.record({
  role: fc.constantFrom('abap', 'abap', 'abap', 'solman', 'frun'),
  connection: fc.option(fc.constantFrom('direct', 'direct', 'solman', 'frun', 'none'), { nil: undefined }),
  managedBy: fc.option(fc.constantFrom(...SIDS, 'SOX'), { nil: undefined }),
  basis: fc.option(fc.constantFrom(...BASIS), { nil: undefined }),
  release: fc.option(fc.constantFrom('7.2 SPS05', '7.2 SPS08', '7.2', '1.0', '2.0'), { nil: undefined }),
  notes: fc.option(fc.uniqueArray(fc.constantFrom(...NOTES), { maxLength: 6 }), { nil: undefined }),
  noteAssistant: fc.option(fc.record({ enabled: fc.boolean(), tci: fc.boolean(), trustAnchors: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
  communicationUser: fc.option(fc.constantFrom(USERS[0], USERS[0], ...USERS), { nil: undefined }),
  solmanSetup: fc.option(fc.record({ backendUser: fc.constantFrom(...USERS), communicationUser: fc.constantFrom(...USERS, 'S0001234567') }, { requiredKeys: [] }), { nil: undefined }),
  taskLists: fc.option(fc.uniqueArray(fc.constantFrom('SAP_BASIS_CONFIG_OSS_COMM', 'SAP_SUPPORT_HUB_CONFIG'), { maxLength: 2 }), { nil: undefined }),
  destinations: fc.option(fc.dictionary(fc.constantFrom('SAPOSS', 'SAP-OSS', 'SDCC_OSS'), fc.record({ type: fc.constantFrom('3', 'H'), user: fc.constantFrom(...USERS) }, { requiredKeys: ['type'] }), { maxKeys: 2 }), { nil: undefined }),
  secret: fc.option(fc.constantFrom(...SECRETS), { nil: undefined, freq: 4 }),
});

const trackedLandscapeArb: fc.Arbitrary<LandscapeFile> = fc.record({
  systems: fc.uniqueArray(fc.tuple(fc.constantFrom(...SIDS), memberArb), { selector: ([sid]) => sid, minLength: 1, maxLength: SIDS.length }),
  users: fc.uniqueArray(fc.constantFrom(...USERS.slice(0, 3)), { maxLength: 3 }),
  // track of each system (0: none), the track order, and an entry that joins two tracks or names no system
  trackOf: fc.array(fc.nat(3), { minLength: SIDS.length, maxLength: SIDS.length }),
  reversed: fc.boolean(),
  extra: fc.option(fc.constantFrom(...SIDS, 'EPX'), { nil: undefined }),
  topSecret: fc.option(fc.constantFrom(...SECRETS), { nil: undefined, freq: 4 }),
  json: fc.boolean(),
}).map(({ systems, users, trackOf, reversed, extra, topSecret, json }) => {
  const tracks: Record<string, string[]> = {};
  const ordered = reversed ? [...systems].reverse() : systems;
  ordered.forEach(([sid], i) => {
    const t = trackOf[i % trackOf.length];
    if (t > 0) (tracks[`T${t}`] ??= []).push(sid);
  });
  if (extra !== undefined) (tracks.T1 ??= []).push(extra);
  const value: Record<string, unknown> = {
    landscape: 'Tracked',
    communicationUsers: Object.fromEntries(users.map((u) => [u, { description: `user ${u}` }])),
    tracks,
    systems: Object.fromEntries(systems.map(([sid, { secret, ...fields }]) => [sid, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(secret ? { [secret]: 'x' } : {}),
    }])),
    ...(topSecret ? { [topSecret]: 'x' } : {}),
  };
  if (json) return { uri: 'file:///tracked.landscape.json', text: `${JSON.stringify(value, null, 2)}\n` };
  // YAML: block structure, each entry a JSON (flow) value
  const lines = [`landscape: ${String(value.landscape)}`];
  for (const key of ['communicationUsers', 'tracks', 'systems']) {
    const entries = value[key] as Record<string, unknown>;
    if (!Object.keys(entries).length) lines.push(`${key}: {}`);
    else lines.push(`${key}:`, ...Object.entries(entries).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`));
  }
  if (topSecret) lines.push(`${topSecret}: x`);
  return { uri: 'file:///tracked.landscape.yaml', text: `${lines.join('\n')}\n` };
});

const EXAMPLES: LandscapeFile[] = fs.readdirSync(path.join(ROOT, 'examples'))
  .filter((n) => /\.landscape\.(ya?ml|json)$/.test(n))
  .map((n) => ({ uri: `file:///${n}`, text: fs.readFileSync(path.join(ROOT, 'examples', n), 'utf8') }));

// ---- the check

function byPosition(a: RuleFinding, b: RuleFinding): number {
  const x = a.range;
  const y = b.range;
  return x.start.line - y.start.line || x.start.character - y.start.character || x.end.line - y.end.line || x.end.character - y.end.character ||
    (a.system ?? '').localeCompare(b.system ?? '') || JSON.stringify(a).localeCompare(JSON.stringify(b));
}

/** The document and model the engine would run the rules on, or undefined when it runs none. */
function parse(file: LandscapeFile): { doc: LandscapeDocument; model: LandscapeModel } | undefined {
  const doc = new LandscapeDocument(file.uri, file.text);
  if (doc.value === undefined || doc.value === null) return undefined;
  return { doc, model: readLandscape(doc.value) };
}

/** Which systems a mask (cycled) keeps. */
function subsetOf(model: LandscapeModel, mask: readonly boolean[]): LandscapeModel {
  return { ...model, systems: model.systems.filter((_, i) => mask[i % mask.length]) };
}

/**
 * A systemsById that answers for the kept systems only and throws on any other lookup or on
 * iteration: a 'system' rule must not look at other systems, even through the map the subset
 * model keeps whole.
 */
class GuardedSystems extends Map<string, SystemDef> {
  constructor(private readonly all: ReadonlyMap<string, SystemDef>, private readonly kept: ReadonlySet<string>) {
    super();
  }

  private guard(sid: string): void {
    if (!this.kept.has(sid)) throw new Error(`looked up system ${sid}, which is not in the subset`);
  }

  override get(sid: string): SystemDef | undefined {
    this.guard(sid);
    return this.all.get(sid);
  }

  override has(sid: string): boolean {
    this.guard(sid);
    return this.all.has(sid);
  }

  override get size(): number {
    throw new Error('iterated systemsById');
  }

  override forEach(): void {
    throw new Error('iterated systemsById');
  }

  override entries(): MapIterator<[string, SystemDef]> {
    throw new Error('iterated systemsById');
  }

  override keys(): MapIterator<string> {
    throw new Error('iterated systemsById');
  }

  override values(): MapIterator<SystemDef> {
    throw new Error('iterated systemsById');
  }

  override [Symbol.iterator](): MapIterator<[string, SystemDef]> {
    throw new Error('iterated systemsById');
  }
}

/**
 * Asserts the scope contract of a 'system' rule for one subset: with the full systemsById (as the
 * incremental engine runs it) and with one that refuses every other system. Returns a description
 * of the first difference instead of throwing when `soft` (the control test of landscape rules).
 */
function checkSubset(rule: Rule, doc: LandscapeDocument, model: LandscapeModel, subset: LandscapeModel, soft = false): string | undefined {
  const full = rule.check({ doc, model, ...KNOWLEDGE });
  const sids = new Set(model.systems.map((s) => s.sid));
  // the part outside the systems (run on every lint) reports only what belongs to no system
  for (const f of rule.checkOutside?.({ doc, model, ...KNOWLEDGE }) ?? []) {
    if (!soft) assert.equal(f.system, null, `${rule.meta.id}: checkOutside made a finding on system ${f.system}: ${f.message}`);
  }
  const kept = new Set(subset.systems.map((s) => s.sid));
  for (const f of full) {
    const why = f.system === null ? 'a finding without a system' : !sids.has(f.system) ? `a finding on ${f.system}, which is not a system of the model` : undefined;
    if (why) {
      if (soft) return why;
      assert.fail(`${rule.meta.id} (scope system) made ${why}: ${f.message}`);
    }
  }
  const expected = full.filter((f) => f.system !== null && kept.has(f.system)).sort(byPosition);
  const actual = rule.check({ doc, model: subset, ...KNOWLEDGE }).sort(byPosition);
  const guardedModel = { ...subset, systemsById: new GuardedSystems(model.systemsById, kept) };
  if (soft) {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) return 'different findings';
    try {
      const guarded = rule.check({ doc, model: guardedModel, ...KNOWLEDGE }).sort(byPosition);
      return JSON.stringify(guarded) === JSON.stringify(expected) ? undefined : 'different findings without the other systems';
    } catch (e) {
      return String(e);
    }
  }
  const where = `the run on systems ${[...kept].join(', ') || '(none)'}`;
  assert.deepStrictEqual(actual, expected, `${rule.meta.id} (scope system): ${where} differs from the full run\n${doc.text}`);
  let guarded: RuleFinding[];
  try {
    guarded = rule.check({ doc, model: guardedModel, ...KNOWLEDGE }).sort(byPosition);
  } catch (e) {
    assert.fail(`${rule.meta.id} (scope system) reads another system (${where}): ${String(e)}\n${doc.text}`);
  }
  assert.deepStrictEqual(guarded, expected, `${rule.meta.id} (scope system): ${where} with only those systems in systemsById differs from the full run\n${doc.text}`);
  return undefined;
}

function checkAll(file: LandscapeFile, mask: readonly boolean[]): void {
  const parsed = parse(file);
  if (!parsed) return;
  const subset = subsetOf(parsed.model, mask);
  for (const rule of SYSTEM_RULES) checkSubset(rule, parsed.doc, parsed.model, subset);
}

const maskArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 12 });

describe('rule scope (property)', () => {
  it('every rule declares its scope; per-system and landscape-wide rules both exist', () => {
    for (const r of RULES) assert.ok(r.scope === 'system' || r.scope === 'landscape', `${r.meta.id} declares no scope`);
    assert.ok(SYSTEM_RULES.length > 0 && LANDSCAPE_RULES.length > 0);
  });

  it('bundled examples: every per-system rule on every single system and on random subsets equals the full run', () => {
    for (const file of EXAMPLES) {
      const parsed = parse(file);
      assert.ok(parsed, file.uri);
      const { doc, model } = parsed;
      for (const rule of SYSTEM_RULES) {
        for (const s of model.systems) checkSubset(rule, doc, model, { ...model, systems: [s] });
        checkSubset(rule, doc, model, { ...model, systems: [] });
      }
    }
    fc.assert(fc.property(fc.constantFrom(...EXAMPLES), maskArb, checkAll), fuzzParameters(10));
  });

  it('generated landscapes (every style): a per-system rule on a subset of the systems equals the full run on them', () => {
    fc.assert(fc.property(landscapeArb, maskArb, checkAll), fuzzParameters(40));
  });

  it('generated landscapes with tracks, shared and undeclared users, managedBy and SOLMAN_SETUP users', () => {
    fc.assert(fc.property(trackedLandscapeArb, maskArb, checkAll), fuzzParameters(80));
  });

  it('damaged landscapes (random edits of the examples and generated files)', () => {
    fc.assert(fc.property(mutatedLandscapeArb, maskArb, checkAll), fuzzParameters(40));
  });

  it('control: the check tells landscape-wide rules apart (it would fail for them)', () => {
    // each of these reads other systems; the subset contract must not hold for them on these files
    const text = [
      'landscape: Control',
      'communicationUsers:',
      '  S0023456789: { description: all }',
      '  S0023456790: { description: spare }',
      'tracks:',
      '  ERP: [EDV, EPR]',
      '  BW: [BWD, BWP]',
      'systems:',
      '  SOL: { role: solman, release: 7.2 SPS08, communicationUser: S0023456789 }',
      '  EDV: { role: abap, connection: direct, basis: 754 SP02, notes: [2738426], communicationUser: S0023456789 }',
      '  EPR: { role: abap, connection: direct, basis: 754 SP02, notes: [] }',
      '  BWD: { role: abap, connection: solman, managedBy: EDV, basis: 754 SP02, communicationUser: S0023456789 }',
      '  BWP: { role: abap, connection: none, basis: 754 SP02, communicationUser: S0023456780 }',
      '',
    ].join('\n');
    const parsed = parse({ uri: 'file:///control.landscape.yaml', text });
    assert.ok(parsed);
    const { doc, model } = parsed;
    const differs = (id: string, keep: string[]): string | undefined => {
      const rule = RULES.find((r) => r.meta.id === id) as Rule;
      return checkSubset(rule, doc, model, { ...model, systems: model.systems.filter((s) => keep.includes(s.sid)) }, true);
    };
    assert.ok(differs('note-2738426', ['EPR']), 'note-2738426: related information comes from EDV');
    assert.ok(differs('track-transport', ['EPR']), 'track-transport: the note is found in EDV');
    assert.ok(differs('comm-user-shared', ['EDV']), 'comm-user-shared: the other track uses the user');
    assert.ok(differs('managed-by-role', ['BWD']), 'managed-by-role: the proposed SolMan is not in the subset');
    assert.ok(differs('comm-user-missing', ['EPR']), 'comm-user-missing: the track user of EDV comes first');
    assert.ok(differs('unknown-reference', []), 'unknown-reference: track entries have no system');
  });
});
