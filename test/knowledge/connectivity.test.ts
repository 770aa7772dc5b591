import { strict as assert } from 'assert';
import {
  CERTIFICATE_SOURCE,
  ciphersuiteValue,
  CIPHERSUITE_VALUES,
  COMMUNICATION_USER_FACTS,
  COMMUNICATION_USER_NOTES,
  CONNECTION_TYPES,
  isSUserId,
  legacyDestination,
  LEGACY_RFC_DESTINATIONS,
  missingRootCas,
  NEW_HTTPS_DESTINATIONS,
  newDestination,
  PROFILE_PARAMETERS,
  RECOMMENDED_CIPHERSUITES,
  requiredPsesFor,
  ROOT_CA_CERTIFICATES,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  SSL_CLIENT_PSES,
  TASK_LISTS,
  taskListInfo,
  TLS_FACTS,
  transactionInfo,
  TRANSACTIONS,
  TRUST_ANCHORS,
} from '../../server/src/knowledge';

describe('knowledge/certificates (2.1.4.1, 2.2.2)', () => {
  const guideCas = [
    'VeriSign Class 3 Public Primary Certification Authority - G5',
    'DigiCert Global Root CA',
    'DigiCert Global Root G2',
    'DigiCert High Assurance EV Root CA',
  ];
  it('four root CAs with exact names', () => assert.deepEqual([...ROOT_CA_CERTIFICATES], guideCas));
  it('PSEs and roles', () => {
    assert.deepEqual(SSL_CLIENT_PSES.map((p) => [p.key, p.label]), [
      ['sslClientStandard', 'SSL client SSL Client (Standard)'],
      ['sslClientAnonymous', 'SSL client SSL Client (Anonymous)'],
    ]);
    assert.deepEqual(requiredPsesFor('abap').map((p) => p.key), ['sslClientStandard']);
    assert.deepEqual(requiredPsesFor('frun').map((p) => p.key), ['sslClientStandard']);
    assert.deepEqual(requiredPsesFor('solman').map((p) => p.key), ['sslClientStandard', 'sslClientAnonymous']);
  });
  it('missingRootCas', () => {
    assert.deepEqual(missingRootCas(['DigiCert Global Root CA']), [guideCas[0], guideCas[2], guideCas[3]]);
    assert.deepEqual(missingRootCas(guideCas), []);
    assert.deepEqual(missingRootCas(undefined), guideCas);
    assert.deepEqual(missingRootCas(['digicert global root ca']).length, 4);
  });
  it('source note and transaction', () => {
    assert.equal(CERTIFICATE_SOURCE.note, 2631190);
    assert.equal(CERTIFICATE_SOURCE.transaction, 'STRUST');
  });
  it('trust anchors', () => {
    assert.equal(TRUST_ANCHORS.note, 2620478);
    assert.deepEqual(TRUST_ANCHORS.servers, ['softwaredownloads.sap.com', 'notesdownloads.sap.com']);
  });
});

describe('knowledge/ciphers (2.2.1)', () => {
  it('parameter and values', () => {
    assert.equal(SSL_CLIENT_CIPHERSUITES_PARAMETER, 'ssl/client_ciphersuites');
    assert.equal(RECOMMENDED_CIPHERSUITES, '150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH');
    const rec = ciphersuiteValue(' 150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH ');
    assert.ok(rec);
    assert.deepEqual(rec.requiresNotes, [2781565]);
    const alt = ciphersuiteValue('918:PFS:HIGH::EC_P256:EC_HIGH');
    assert.ok(alt);
    assert.deepEqual(alt.roles, ['solman']);
    assert.deepEqual(alt.requiresNotes, []);
    assert.equal(alt.supportsTlsAbove12, false);
    assert.equal(ciphersuiteValue('34:HIGH'), undefined);
    assert.equal(CIPHERSUITE_VALUES.length, 2);
  });
  it('facts', () => {
    assert.equal(TLS_FACTS.expertNote, 510007);
    assert.equal(TLS_FACTS.checkTransaction, 'RZ11');
    assert.equal(TLS_FACTS.restartRequired, true);
    assert.equal(TLS_FACTS.minTlsVersion, '1.1');
    assert.equal(PROFILE_PARAMETERS['ssl/client_ciphersuites']?.transaction, 'RZ11');
  });
});

describe('knowledge/destinations (2.1.5)', () => {
  it('legacy table rows in the guide order with logon users', () => {
    assert.deepEqual(LEGACY_RFC_DESTINATIONS.map((d) => [d.name, d.logonUser]), [
      ['SAPOSS', 'OSS_RFC'],
      ['SAP-OSS', 'S-user'],
      ['SAP-OSS-LIST-001', 'S-user'],
      ['SDCC_OSS', 'See SAP Note 763561'],
      ['SAPNET_RFC', 'OSS_RFC'],
      ['SAPNET_RTCC', 'ST14_TRCC'],
    ]);
    assert.equal(LEGACY_RFC_DESTINATIONS[3]?.logonUserNote, 763561);
  });
  it('primary replacements', () => {
    const primary = Object.fromEntries(LEGACY_RFC_DESTINATIONS.map((d) => [d.name, d.replacements[0]?.name]));
    assert.deepEqual(primary, {
      SAPOSS: 'SAP-SUPPORT_NOTE_DOWNLOAD',
      'SAP-OSS': 'SAP-SUPPORT_PORTAL',
      'SAP-OSS-LIST-001': 'SAP-SUPPORT_PORTAL',
      SDCC_OSS: 'SAP-SUPPORT_PORTAL',
      SAPNET_RFC: 'SAP-SUPPORT_PORTAL',
      SAPNET_RTCC: 'SAP-SUPPORT_PORTAL',
    });
    for (const d of LEGACY_RFC_DESTINATIONS) {
      for (const r of d.replacements) assert.ok(newDestination(r.name), `${d.name} → ${r.name} must be a new destination`);
    }
  });
  it('new table rows in the guide order', () => {
    assert.deepEqual(NEW_HTTPS_DESTINATIONS.map((d) => [d.name, d.use, d.logonUser]), [
      ['SAP-SUPPORT_PORTAL', 'SAP Solution Manager', 'technical-communication-user'],
      ['SAP-SUPPORT_PARCELBOX', 'SAP Solution Manager', 'technical-communication-user'],
      ['SAP-SUPPORT_NOTE_DOWNLOAD', 'Note Assistant', 'technical-communication-user'],
      ['SAPOSS', 'SAP Solution Manager', 'technical-communication-user'],
      ['CO_SISEHUB_MI_O_AS_PUT_EXTERNA', 'Support Hub', undefined],
      ['CO_SISEHUB_MI_O_S_SHB_GET_EX', 'Support Hub', undefined],
      ['CO_SISEHUB_MI_O_S_SHB_LIST', 'Support Hub', undefined],
      ['CO_SISEHUB_MI_O_S_SHB_REMOVE', 'Support Hub', undefined],
    ]);
    assert.equal(newDestination('SAP-SUPPORT_PORTAL')?.type, 'H');
    assert.equal(newDestination('SAP-SUPPORT_PARCELBOX')?.type, 'G');
  });
  it('SAPOSS is legacy only with OSS_RFC, or type 3 without a user', () => {
    assert.ok(legacyDestination('SAPOSS', { type: '3', user: 'OSS_RFC' }));
    assert.ok(legacyDestination('SAPOSS', { user: 'OSS_RFC' }));
    assert.ok(legacyDestination('SAPOSS', { type: '3' }));
    assert.equal(legacyDestination('SAPOSS', { type: '3', user: 'S0023456789' }), undefined);
    assert.equal(legacyDestination('SAPOSS', { type: 'H', user: 'S0023456789' }), undefined);
    assert.equal(legacyDestination('SAPOSS', { type: 'H' }), undefined);
    assert.equal(legacyDestination('SAPOSS'), undefined);
  });
  it('other legacy names are legacy regardless of type and user', () => {
    for (const name of ['SAP-OSS', 'SAP-OSS-LIST-001', 'SDCC_OSS', 'SAPNET_RFC', 'SAPNET_RTCC']) {
      assert.ok(legacyDestination(name), name);
      assert.ok(legacyDestination(name, { type: 'H' }), name);
    }
    assert.equal(legacyDestination('SAP-SUPPORT_PORTAL', { type: 'H' }), undefined);
    assert.equal(legacyDestination('sdcc_oss'), undefined);
  });
  it('connection types', () => assert.deepEqual(CONNECTION_TYPES.map((t) => t.type), ['3', 'H', 'G']));
});

describe('knowledge/taskLists, transactions, communication users', () => {
  it('SAP_BASIS_CONFIG_OSS_COMM (2.2)', () => {
    const t = TASK_LISTS.SAP_BASIS_CONFIG_OSS_COMM;
    assert.equal(t.transaction, 'STC01');
    assert.equal(t.note, 2738426);
    assert.equal(t.detailNote, 2793641);
    assert.equal(t.requiresTciNoteAssistant, true);
    assert.equal(t.needsCommunicationUser, true);
  });
  it('SAP_SUPPORT_HUB_CONFIG (5.2, 6.1)', () => {
    const t = taskListInfo('SAP_SUPPORT_HUB_CONFIG');
    assert.ok(t);
    assert.equal(t.transaction, 'STC01');
    assert.deepEqual(t.roles, ['solman', 'frun']);
    assert.equal(t.requiresTciNoteAssistant, true);
    assert.equal(taskListInfo('SAP_FOO'), undefined);
  });
  it('transactions and reports of the guide', () => {
    const codes = TRANSACTIONS.map((t) => t.code).sort();
    assert.deepEqual(codes, [
      'RCWB_SNOTE_DWNLD_PROC_CONFIG', 'RSLANG20', 'RTCCTOOL', 'RZ11', 'SAINT', 'SDCCN', 'SM59', 'SNOTE',
      'SOLMAN_SETUP', 'SPAM', 'STC01', 'STRUST', 'USMM',
    ]);
    assert.equal(transactionInfo('SM59')?.namedInGuide, false);
    assert.equal(transactionInfo('RTCCTOOL')?.kind, 'report');
  });
  it('communication users (2.3)', () => {
    assert.deepEqual(COMMUNICATION_USER_NOTES, { request: 2174416, replaceGenericUsers: 2740667 });
    assert.equal(COMMUNICATION_USER_FACTS.dialogLogonPossible, false);
    assert.equal(COMMUNICATION_USER_FACTS.passwordExpires, false);
    assert.equal(COMMUNICATION_USER_FACTS.availableWithinHours, 24);
    assert.equal(isSUserId('S0023456789'), true);
    assert.equal(isSUserId('S0001234567'), true);
    assert.equal(isSUserId('S002345678'), false);
    assert.equal(isSUserId('s0023456789'), false);
    assert.equal(isSUserId('OSS_RFC'), false);
  });
});
