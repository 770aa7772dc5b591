import { strict as assert } from 'assert';
import {
  basisAtLeast,
  compareBasis,
  compareDottedRelease,
  compareStApi,
  formatBasis,
  formatSp,
  parseBasis,
  parseFrunRelease,
  parseSolmanRelease,
  parseStApi,
  parseStPi,
} from '../../server/src/knowledge';

describe('knowledge/versions', () => {
  describe('parseBasis', () => {
    const valid: [string, number, number][] = [
      ['731 SP19', 731, 19],
      ['700 SP7', 700, 7],
      ['700 SP07', 700, 7],
      ['740 SP100', 740, 100],
      ['  753   SP02 ', 753, 2],
      ['753\tSP00', 753, 0],
      ['640 SP10', 640, 10],
    ];
    for (const [input, release, sp] of valid) {
      it(`parses ${JSON.stringify(input)}`, () => {
        const v = parseBasis(input);
        assert.ok(v);
        assert.equal(v.release, release);
        assert.equal(v.sp, sp);
        assert.equal(v.text, input.replace(/\s+/g, ' ').trim());
      });
    }
    const malformed: unknown[] = [
      '731SP19', '73 SP1', '731 SP', '7310 SP1', '731 SP1234', '731 sp19', '731 SPS19', '731 SP 19',
      '731', 'SP19', '', '   ', '731 SP19 x', '073 SP01', 731, null, undefined, {},
    ];
    for (const input of malformed) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseBasis(input), undefined));
    }
  });

  describe('parseStPi', () => {
    it('parses 2008_1_710 SP18', () => {
      assert.deepEqual(parseStPi('2008_1_710 SP18'), { line: '2008_1_7xx', release: '2008_1_710', sp: 18, text: '2008_1_710 SP18' });
    });
    it('parses 2008_1_700 SP07', () => {
      assert.deepEqual(parseStPi('2008_1_700 SP07'), { line: '2008_1_7xx', release: '2008_1_700', sp: 7, text: '2008_1_700 SP07' });
    });
    it('parses 740 SP10', () => {
      assert.deepEqual(parseStPi('740 SP10'), { line: '740', release: '740', sp: 10, text: '740 SP10' });
    });
    for (const input of ['2008_1_710SP1', '2008_1_710', '2008_710 SP1', '2008_1_810 SP1', '731 SP10', '740SP10', '740 SP', 'ST-PI 740 SP10', 740]) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseStPi(input), undefined));
    }
  });

  describe('parseStApi', () => {
    it('parses 01T_731 SP00', () => {
      assert.deepEqual(parseStApi('01T_731 SP00'), { letter: 'T', release: '01T_731', basisRelease: '731', sp: 0, text: '01T_731 SP00' });
    });
    it('parses 01U_700 SP3', () => {
      assert.deepEqual(parseStApi('01U_700 SP3'), { letter: 'U', release: '01U_700', basisRelease: '700', sp: 3, text: '01U_700 SP3' });
    });
    for (const input of ['01T_731SP00', '01T SP01', '01t_731 SP01', '1T_731 SP01', '01T_73 SP01', '01TT_731 SP01', '01T* SP01']) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseStApi(input), undefined));
    }
    it('orders by letter first, then SP (01S < 01T < 01U)', () => {
      const s = parseStApi('01S_731 SP09');
      const t0 = parseStApi('01T_731 SP00');
      const t1 = parseStApi('01T_700 SP01');
      const u = parseStApi('01U_731 SP00');
      assert.ok(s && t0 && t1 && u);
      assert.ok(compareStApi(s, t0) < 0);
      assert.ok(compareStApi(t0, t1) < 0);
      assert.ok(compareStApi(t1, u) < 0);
      assert.equal(compareStApi(t1, parseStApi('01T_731 SP01') as NonNullable<ReturnType<typeof parseStApi>>), 0);
    });
  });

  describe('parseSolmanRelease', () => {
    it('parses 7.2 SPS07', () => {
      const v = parseSolmanRelease('7.2 SPS07');
      assert.ok(v);
      assert.equal(v.release, '7.2');
      assert.equal(v.sps, 7);
      assert.equal(v.sp, undefined);
    });
    it('parses 7.1 (no SP)', () => {
      const v = parseSolmanRelease('7.1');
      assert.ok(v);
      assert.equal(v.release, '7.1');
      assert.equal(v.sps, undefined);
      assert.equal(v.sp, undefined);
    });
    it('parses 7.1 SP14 into sp', () => {
      const v = parseSolmanRelease('7.1 SP14');
      assert.ok(v);
      assert.equal(v.sp, 14);
      assert.equal(v.sps, undefined);
    });
    it('parses 7.2 without SPS', () => {
      const v = parseSolmanRelease('7.2');
      assert.ok(v);
      assert.equal(v.release, '7.2');
      assert.equal(v.sps, undefined);
    });
    for (const input of ['7.2SPS07', '7.2 SPS', '72 SPS07', '7.2 FP01', 'SPS07', 7.2, '7.2.0 SPS1']) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseSolmanRelease(input), undefined));
    }
  });

  describe('parseFrunRelease', () => {
    it('parses 2.0 FP01', () => {
      const v = parseFrunRelease('2.0 FP01');
      assert.ok(v);
      assert.equal(v.release, '2.0');
      assert.equal(v.fp, 1);
    });
    it('parses 1.0 and 2.0', () => {
      assert.equal(parseFrunRelease('1.0')?.release, '1.0');
      assert.equal(parseFrunRelease('2.0')?.release, '2.0');
      assert.equal(parseFrunRelease('2.0')?.fp, undefined);
    });
    for (const input of ['2', '2.0FP01', '2.0 FP', '2.0 SPS01', 2, 2.0]) {
      it(`rejects ${JSON.stringify(input)}`, () => assert.equal(parseFrunRelease(input), undefined));
    }
  });

  describe('comparators and formatting', () => {
    it('compareBasis orders by release, then SP', () => {
      assert.ok(compareBasis({ release: 731, sp: 30 }, { release: 740, sp: 0 }) < 0);
      assert.ok(compareBasis({ release: 740, sp: 2 }, { release: 740, sp: 10 }) < 0);
      assert.equal(compareBasis({ release: 740, sp: 10 }, { release: 740, sp: 10 }), 0);
    });
    it('basisAtLeast', () => {
      assert.equal(basisAtLeast({ release: 731, sp: 23 }, 731, 23), true);
      assert.equal(basisAtLeast({ release: 731, sp: 22 }, 731, 23), false);
      assert.equal(basisAtLeast({ release: 740, sp: 0 }, 731, 23), true);
    });
    it('compareDottedRelease', () => {
      assert.ok(compareDottedRelease({ major: 7, minor: 1 }, { major: 7, minor: 2 }) < 0);
      assert.ok(compareDottedRelease({ major: 10, minor: 0 }, { major: 2, minor: 0 }) > 0);
    });
    it('formats SPs with two digits like the guide', () => {
      assert.equal(formatSp(0), 'SP00');
      assert.equal(formatSp(7), 'SP07');
      assert.equal(formatSp(123), 'SP123');
      assert.equal(formatBasis(731, 23), '731 SP23');
    });
  });
});
