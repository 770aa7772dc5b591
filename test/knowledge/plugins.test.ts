import { strict as assert } from 'assert';
import {
  minimumStApiFor,
  minimumStPiFor,
  parseStApi,
  parseStPi,
  PLUGIN_DEPENDENT_APPLICATIONS,
  SDCCN_PREREQUISITES,
  SDCCN_PROCEDURE,
  sdccnPrerequisiteFor,
  ST_A_PI_REQUIREMENT,
  ST_PI_REQUIREMENTS,
  stApiMeetsMinimum,
  stPiMeetsMinimum,
  stPiRequirementFor,
} from '../../server/src/knowledge';

function stPi(text: string) {
  const v = parseStPi(text);
  assert.ok(v, text);
  return v;
}
function stApi(text: string) {
  const v = parseStApi(text);
  assert.ok(v, text);
  return v;
}

describe('knowledge/plugins', () => {
  it('ST-PI rows of 2.1.1.1, 2.1.1.2.1, 2.1.1.2.2', () => {
    assert.deepEqual(
      ST_PI_REQUIREMENTS.map((r) => [r.line, r.minSp, r.section]),
      [['2008_1_7xx', 20, '2.1.1.1'], ['740', 10, '2.1.1.2.1'], ['740', 10, '2.1.1.2.2']],
    );
    assert.deepEqual(ST_PI_REQUIREMENTS[1]?.basis, { release: 740, spTo: 7 });
    assert.deepEqual(ST_PI_REQUIREMENTS[2]?.basis, { release: 740, spFrom: 8 });
  });

  const stPiCases: [string, boolean][] = [
    ['2008_1_700 SP19', false], ['2008_1_700 SP20', true], ['2008_1_710 SP18', false],
    ['2008_1_710 SP20', true], ['2008_1_710 SP21', true], ['740 SP09', false], ['740 SP10', true], ['740 SP12', true],
  ];
  for (const [text, ok] of stPiCases) {
    it(`ST-PI ${text} ${ok ? 'meets' : 'is below'} the minimum`, () => assert.equal(stPiMeetsMinimum(stPi(text)), ok));
  }

  it('minimumStPiFor keeps the user release', () => {
    assert.equal(minimumStPiFor(stPi('2008_1_700 SP05')), '2008_1_700 SP20');
    assert.equal(minimumStPiFor(stPi('2008_1_710 SP18')), '2008_1_710 SP20');
    assert.equal(minimumStPiFor(stPi('740 SP2')), '740 SP10');
    assert.equal(minimumStPiFor('2008_1_7xx'), '2008_1_7xx SP20');
    assert.equal(minimumStPiFor('740'), '740 SP10');
  });

  it('stPiRequirementFor picks the ST-PI 740 row by SAP_BASIS SP', () => {
    assert.equal(stPiRequirementFor('740', { release: 740, sp: 7 }).section, '2.1.1.2.1');
    assert.equal(stPiRequirementFor('740', { release: 740, sp: 8 }).section, '2.1.1.2.2');
    assert.equal(stPiRequirementFor('740', { release: 750, sp: 1 }).minSp, 10);
    assert.equal(stPiRequirementFor('2008_1_7xx', { release: 731, sp: 19 }).section, '2.1.1.1');
  });

  it('ST-A/PI minimum is 01T* SP01', () => {
    assert.equal(ST_A_PI_REQUIREMENT.letter, 'T');
    assert.equal(ST_A_PI_REQUIREMENT.minSp, 1);
    assert.equal(ST_A_PI_REQUIREMENT.display, '01T* SP01');
  });
  const stApiCases: [string, boolean][] = [
    ['01S_731 SP09', false], ['01T_731 SP00', false], ['01T_731 SP01', true], ['01T_700 SP02', true],
    ['01U_731 SP00', true], ['01V_700 SP00', true], ['01R_700 SP20', false],
  ];
  for (const [text, ok] of stApiCases) {
    it(`ST-A/PI ${text} ${ok ? 'meets' : 'is below'} the minimum`, () => assert.equal(stApiMeetsMinimum(stApi(text)), ok));
  }
  it('minimumStApiFor keeps the SAP_BASIS suffix', () => {
    assert.equal(minimumStApiFor(stApi('01S_731 SP03')), '01T_731 SP01');
    assert.equal(minimumStApiFor(stApi('01T_700 SP00')), '01T_700 SP01');
    assert.equal(minimumStApiFor(), '01T* SP01');
  });

  it('applications that stop working (2.1.1)', () => {
    assert.deepEqual(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => a.launchedBy), ['SDCCN', 'USMM', 'RTCCTOOL']);
  });

  describe('SDCCN (4.1)', () => {
    it('prerequisite variants in the guide order', () => {
      assert.deepEqual(SDCCN_PREREQUISITES.map((p) => p.id), [
        'st-pi-740-basis-740-sp7-and-below',
        'st-pi-740-basis-740-sp8-and-above',
        'st-a-pi-01t-sp01',
      ]);
    });
    it('ST-PI 740 on SAP_BASIS 740 SP7 and below: manual destinations', () => {
      const p = sdccnPrerequisiteFor(stPi('740 SP10'), { release: 740, sp: 7 });
      assert.deepEqual(p.destinations, [
        { name: 'SAP-SUPPORT_PORTAL', type: 'H', note: 2289984 },
        { name: 'SAP-SUPPORT_PARCELBOX', type: 'G', note: 2716729 },
      ]);
      assert.equal(p.taskList, undefined);
    });
    it('ST-PI 740 on SAP_BASIS 740 SP8: task list SAP_BASIS_CONFIG_OSS_COMM per 2738426', () => {
      const p = sdccnPrerequisiteFor(stPi('740 SP10'), { release: 740, sp: 8 });
      assert.equal(p.id, 'st-pi-740-basis-740-sp8-and-above');
      assert.deepEqual(p.taskList, { name: 'SAP_BASIS_CONFIG_OSS_COMM', note: 2738426 });
    });
    it('ST-PI 2008_1_7xx: task list variant', () => {
      const p = sdccnPrerequisiteFor(stPi('2008_1_710 SP20'), { release: 731, sp: 19 });
      assert.equal(p.id, 'st-a-pi-01t-sp01');
      assert.deepEqual(p.taskList, { name: 'SAP_BASIS_CONFIG_OSS_COMM', note: 2738426 });
    });
    it('procedure', () => {
      assert.equal(SDCCN_PROCEDURE.obsoleteDestination, 'SDCC_OSS');
      assert.equal(SDCCN_PROCEDURE.requiredDestination, 'SAP-SUPPORT_PORTAL');
      assert.equal(SDCCN_PROCEDURE.taskTarget, 'SAP (002)');
      assert.deepEqual(SDCCN_PROCEDURE.taskDestinations, ['SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX']);
    });
  });
});
