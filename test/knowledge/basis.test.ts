import { strict as assert } from 'assert';
import {
  basisHasDigitalSignature,
  basisHasTci,
  bootstrapNoteFor,
  DIGITAL_SIGNATURE_NOTES,
  DIGITAL_SIGNATURE_MIN_SP,
  digitalSignatureNotesFor,
  digitalSignatureThreshold,
  downloadChannelFor,
  formatThreshold,
  isKnownBasisRelease,
  isSupportedBasisRelease,
  MIN_SUPPORTED_BASIS_RELEASE,
  NOTE_DOWNLOAD_HTTP_FROM_RELEASE,
  NOTE_DOWNLOAD_REPORT,
  NOTE_DOWNLOAD_RFC_DESTINATIONS,
  RFC_GENERIC_USERS,
  SAPROUTER_CHECK,
  saprouterCheckRequired,
  SPAM_MIN_VERSION_FOR_TCI,
  TCI_FOLLOW_UP_NOTE,
  TCI_MIN_SP,
  TCI_PROCEDURE,
  tciAvailability,
  tciProcedure,
  tciThreshold,
} from '../../server/src/knowledge';

// Expected values typed in from the guide, not computed from the tables.

// Guide 2.1.4.2, table "SAP_BASIS Release / Support Package".
const DIGITAL_SIGNATURE_GUIDE: [release: number, minSp: number, andAbove: boolean][] = [
  [700, 36, false], [701, 21, false], [702, 21, false], [710, 23, false], [711, 18, false],
  [730, 19, false], [731, 23, false], [740, 20, false], [750, 12, false], [751, 6, false],
  [752, 2, false], [753, 0, true],
];

// Guide 2.1.4.3, table "SAP_BASIS Release / Support Package".
const TCI_GUIDE: [release: number, minSp: number, andAbove: boolean][] = [
  [700, 35, false], [701, 20, false], [702, 20, false], [731, 19, false], [740, 16, false],
  [750, 5, false], [751, 2, false], [752, 0, true],
];

// Guide 2.1.4.3 table "SAP_BASIS Release / Action" and 2.1.4.3.1 bootstrap table.
const TCI_PROCEDURE_GUIDE: { release: number; prereq: number[]; bootstrap: number; pkg: string; pkg2408383?: string }[] = [
  { release: 700, prereq: [975510, 1113339, 1832923, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270], bootstrap: 2446868, pkg: 'SAPK70000PCPSAPBASIS' },
  { release: 701, prereq: [1504500, 1532112, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270], bootstrap: 2444141, pkg: 'SAPK70100DCPSAPBASIS' },
  { release: 702, prereq: [1532112, 2344014, 2134534, 2536585, 2606986, 2569813, 2615270], bootstrap: 2444141, pkg: 'SAPK70200GCPSPBASIS' },
  { release: 731, prereq: [2536585, 2606986, 2615270, 2569813], bootstrap: 1995550, pkg: 'SAPK73100DCPSAPBASIS', pkg2408383: 'SAPK73100GCPSAPBASIS' },
  { release: 740, prereq: [2536585, 2606986, 2615270, 2569813], bootstrap: 1995550, pkg: 'SAPK74000FCPSAPBASIS', pkg2408383: 'SAPK74000ICPSAPBASIS' },
  { release: 750, prereq: [2536585, 2606986, 2615270, 2569813], bootstrap: 1995550, pkg: 'SAPK750002CPSAPBASIS', pkg2408383: 'SAPK750003CPSAPBASIS' },
  { release: 751, prereq: [2536585, 2606986, 2615270, 2569813], bootstrap: 1995550, pkg: 'SAPK751001CPSAPBASIS', pkg2408383: 'SAPK751002CPSAPBASIS' },
];

describe('knowledge/basis', () => {
  describe('digital signature (2.1.4.2)', () => {
    it('has exactly the guide rows, in order', () => {
      assert.deepEqual(
        DIGITAL_SIGNATURE_MIN_SP.map((r) => [r.release, r.minSp, r.andAbove]),
        DIGITAL_SIGNATURE_GUIDE,
      );
    });
    for (const [release, minSp, andAbove] of DIGITAL_SIGNATURE_GUIDE) {
      it(`${release}: SP${minSp}${andAbove ? ' and above' : ''}`, () => {
        const row = digitalSignatureThreshold(release);
        assert.ok(row);
        assert.equal(row.release, release);
        assert.equal(row.minSp, minSp);
        assert.equal(row.andAbove, andAbove);
        assert.equal(basisHasDigitalSignature({ release, sp: minSp }), true);
        if (minSp > 0) assert.equal(basisHasDigitalSignature({ release, sp: minSp - 1 }), false);
      });
    }
    for (const release of [754, 755, 756, 757, 758, 800]) {
      it(`${release} falls under the "753 and above" row`, () => {
        assert.equal(digitalSignatureThreshold(release)?.release, 753);
        assert.equal(basisHasDigitalSignature({ release, sp: 0 }), true);
      });
    }
    for (const release of [620, 640, 699, 720, 741, 742, 745]) {
      it(`${release} is unknown or unsupported → undefined`, () => {
        assert.equal(digitalSignatureThreshold(release), undefined);
        assert.equal(basisHasDigitalSignature({ release, sp: 99 }), undefined);
      });
    }
    it('731 SP19 lacks digital-signature support (spec example)', () => {
      assert.equal(basisHasDigitalSignature({ release: 731, sp: 19 }), false);
      assert.equal(formatThreshold(digitalSignatureThreshold(731)!), '731 SP23');
    });
    it('notes by TCI state', () => {
      assert.deepEqual(DIGITAL_SIGNATURE_NOTES.tciEnabled, [2576306]);
      assert.deepEqual(DIGITAL_SIGNATURE_NOTES.notTciEnabled, [2408073, 2546220, 2508268]);
      assert.deepEqual(digitalSignatureNotesFor(true), [2576306]);
      assert.deepEqual(digitalSignatureNotesFor(false), [2408073, 2546220, 2508268]);
    });
    it('supported / known releases', () => {
      assert.equal(MIN_SUPPORTED_BASIS_RELEASE, 700);
      assert.equal(isSupportedBasisRelease(700), true);
      assert.equal(isSupportedBasisRelease(640), false);
      assert.equal(isKnownBasisRelease(711), true);
      assert.equal(isKnownBasisRelease(720), false);
      assert.equal(isKnownBasisRelease(758), true);
    });
  });

  describe('TCI (2.1.4.3)', () => {
    it('has exactly the guide rows, in order', () => {
      assert.deepEqual(TCI_MIN_SP.map((r) => [r.release, r.minSp, r.andAbove]), TCI_GUIDE);
    });
    for (const [release, minSp, andAbove] of TCI_GUIDE) {
      it(`${release}: SP${minSp}${andAbove ? ' and above' : ''}`, () => {
        const row = tciThreshold(release);
        assert.ok(row);
        assert.equal(row.minSp, minSp);
        assert.equal(row.andAbove, andAbove);
        assert.equal(basisHasTci({ release, sp: minSp }), true);
        if (minSp > 0) assert.equal(basisHasTci({ release, sp: minSp - 1 }), false);
        assert.equal(tciAvailability(release), 'available');
      });
    }
    for (const release of [753, 754, 758]) {
      it(`${release} falls under the "752 and above" row`, () => assert.equal(tciThreshold(release)?.release, 752));
    }
    for (const release of [710, 711, 730]) {
      it(`${release} has no TCI row and is never TCI-capable`, () => {
        assert.equal(tciThreshold(release), undefined);
        assert.equal(tciAvailability(release), 'never');
        assert.equal(basisHasTci({ release, sp: 99 }), false);
        assert.equal(tciProcedure(release), undefined);
      });
    }
    for (const release of [640, 720, 741]) {
      it(`${release} is unknown for TCI`, () => {
        assert.equal(tciAvailability(release), 'unknown');
        assert.equal(basisHasTci({ release, sp: 99 }), undefined);
      });
    }
    it('SPAM version and follow-up note', () => {
      assert.equal(SPAM_MIN_VERSION_FOR_TCI, 70);
      assert.equal(TCI_FOLLOW_UP_NOTE, 2408383);
    });
    it('procedure table covers exactly the guide releases', () => {
      assert.deepEqual(TCI_PROCEDURE.map((p) => p.release), TCI_PROCEDURE_GUIDE.map((p) => p.release));
    });
    for (const g of TCI_PROCEDURE_GUIDE) {
      it(`procedure for ${g.release}`, () => {
        const p = tciProcedure(g.release);
        assert.ok(p);
        assert.deepEqual(p.prerequisiteNotes, g.prereq);
        assert.equal(p.bootstrapNote, g.bootstrap);
        assert.equal(p.bootstrapPackage, g.pkg);
        assert.equal(p.note2408383Package, g.pkg2408383);
        assert.equal(bootstrapNoteFor(g.release), g.bootstrap);
      });
    }
    it('every release with a TCI procedure has a TCI threshold row', () => {
      for (const p of TCI_PROCEDURE) assert.ok(tciThreshold(p.release), String(p.release));
    });
    it('752 and above need no procedure', () => {
      assert.equal(tciProcedure(752), undefined);
      assert.equal(tciProcedure(758), undefined);
    });
  });

  describe('download channel (2.1.4.2 step 2, 3.1)', () => {
    for (const release of [700, 701, 702, 710, 711, 730, 731]) {
      it(`${release}: replace the generic user, RFC still possible`, () => {
        const row = downloadChannelFor(release);
        assert.ok(row);
        assert.equal(row.action, 'replace-generic-user');
        assert.equal(row.rfcDownloadPossible, true);
      });
    }
    for (const release of [740, 750, 751, 752, 753, 758]) {
      it(`${release}: HTTP or download service, no RFC`, () => {
        const row = downloadChannelFor(release);
        assert.ok(row);
        assert.equal(row.action, 'http-or-download-service');
        assert.equal(row.rfcDownloadPossible, false);
        assert.deepEqual(row.relatedNotes, [2508268, 2576306]);
      });
    }
    it('below 700: no row', () => assert.equal(downloadChannelFor(640), undefined));
    it('constants', () => {
      assert.equal(NOTE_DOWNLOAD_HTTP_FROM_RELEASE, 740);
      assert.deepEqual(RFC_GENERIC_USERS, ['OSS_RFC']);
      assert.deepEqual(NOTE_DOWNLOAD_RFC_DESTINATIONS, ['SAPOSS', 'SAPSNOTE']);
      assert.equal(NOTE_DOWNLOAD_REPORT.report, 'RCWB_SNOTE_DWNLD_PROC_CONFIG');
      assert.equal(NOTE_DOWNLOAD_REPORT.expectedOption, 'Download Service Application');
    });
  });

  describe('SAProuter (4.2)', () => {
    it('releases below 740 must check SAProuter per SAP Note 2750491', () => {
      assert.equal(SAPROUTER_CHECK.note, 2750491);
      assert.equal(saprouterCheckRequired(731), true);
      assert.equal(saprouterCheckRequired(700), true);
      assert.equal(saprouterCheckRequired(740), false);
      assert.equal(saprouterCheckRequired(753), false);
    });
  });
});
