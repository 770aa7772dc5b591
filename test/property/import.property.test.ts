import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { LandscapeDocument } from '../../server/src/core/document';
import { readComponents } from '../../server/src/import/components';
import { decodeExport } from '../../server/src/import/decode';
import { readDestinations } from '../../server/src/import/destinations';
import type { SystemImport } from '../../server/src/import/merge';
import { ImportError, mergeText } from '../../server/src/import/merge';
import { readNotes } from '../../server/src/import/notes';
import { readParameters } from '../../server/src/import/parameters';
import { ROOT } from '../support/helpers';
import { checkProperty, landscapeArb, mutatedLandscapeArb } from './arbitraries';
import { commentsOf } from './checks';

const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
const read = (f: string): string => decodeExport(fs.readFileSync(path.join(FIX, f))).text;
const EXPORTS = ['EPR', 'BWP', 'GRP'].map((s) => ({
  components: readComponents(read(`${s}/components.txt`), `${s}/components.txt`),
  notes: readNotes(read(`${s}/notes.txt`), `${s}/notes.txt`),
  destinations: readDestinations(read(`${s}/destinations.txt`), `${s}/destinations.txt`),
  parameters: readParameters(read(`${s}/parameters.txt`), `${s}/parameters.txt`),
}));
const KINDS = ['components', 'notes', 'destinations', 'parameters'] as const;

/** Up to three systems to import: a fixture system, which of its exports, as which SID (one of the file's, or new). */
const importsArb = fc.array(fc.record({
  from: fc.nat({ max: 2 }),
  kinds: fc.subarray([...KINDS], { minLength: 1 }),
  sidPick: fc.nat(),
  newSid: fc.constantFrom('NEW', 'N01', 'ZZZ', 'EPR', 'BWP'),
  useExisting: fc.boolean(),
}), { minLength: 1, maxLength: 3 });

interface Pick { from: number; kinds: string[]; sidPick: number; newSid: string; useExisting: boolean }

function build(text: string, uri: string, picks: readonly Pick[]): SystemImport[] {
  let sids: string[] = [];
  try {
    const v = new LandscapeDocument(uri, text).value as { systems?: unknown } | undefined;
    if (v && typeof v.systems === 'object' && v.systems && !Array.isArray(v.systems)) sids = Object.keys(v.systems).filter((s) => /^[A-Z][A-Z0-9]{2}$/.test(s));
  } catch {
    // an unparseable file: only new SIDs
  }
  const seen = new Set<string>();
  const out: SystemImport[] = [];
  for (const p of picks) {
    const sid = p.useExisting && sids.length ? sids[p.sidPick % sids.length] : p.newSid;
    if (seen.has(sid)) continue;
    seen.add(sid);
    const all = EXPORTS[p.from] as Record<string, unknown>;
    out.push({ sid, ...Object.fromEntries(p.kinds.map((k) => [k, all[k]])) } as SystemImport);
  }
  return out;
}

/**
 * The import never damages the file: on generated landscapes in every style (block, flow, JSON,
 * CRLF, comments everywhere, anchors) and on damaged ones, merging fixture exports into existing
 * and new systems either refuses with a clear reason, or gives a file that parses, keeps every
 * comment and everything but the imported systems (mergeText checks that itself and throws an
 * `internal:` error otherwise), and is a fixed point: the same import again changes nothing.
 */
describe('property: importing never damages the file', function () {
  this.timeout(0);

  for (const [name, arb, runs] of [['generated landscapes', landscapeArb, 40], ['damaged landscapes', mutatedLandscapeArb, 30]] as const) {
    it(`${name}: refused with a reason, or merged keeping comments, the rest of the file, and idempotent`, () => {
      let cases = 0;
      let merged = 0;
      checkProperty(`import into ${name}`, fc.property(arb, importsArb, (file, picks) => {
        cases++;
        const imports = build(file.text, file.uri, picks);
        let result;
        try {
          result = mergeText(file.uri, file.text, imports);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          assert.ok(!e.message.startsWith('internal:') && !e.message.includes(': internal:'), e.message);
          return;
        }
        const kept = commentsOf(result.text).map((c) => c.text);
        let from = 0;
        for (const c of commentsOf(file.text).map((x) => x.text)) {
          const at = kept.indexOf(c, from);
          assert.ok(at >= 0, `comment lost: ${c}`);
          from = at + 1;
        }
        const again = mergeText(file.uri, result.text, imports);
        assert.equal(again.text, result.text, 'a second import changed the file');
        if (result.text !== file.text) merged++;
      }), runs);
      // the property must be exercised: most generated files are merged into, not refused
      assert.ok(merged >= cases * (name === 'generated landscapes' ? 0.5 : 0.2), `only ${merged} of ${cases} cases merged`);
    });
  }
});
