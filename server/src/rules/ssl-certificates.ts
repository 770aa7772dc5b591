import type { TextEdit } from 'vscode-languageserver-types';
import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import { isConnected } from '../core/model';
import type { SslClientPse } from '../knowledge';
import { CERTIFICATE_SOURCE, inEffect, missingRootCas, reached, requiredPsesFor, ROOT_CA_CERTIFICATES, ROOT_CA_MOVE, SSL_CLIENT_PSES } from '../knowledge';
import type { KnowledgeContext } from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

function example(present: readonly string[]): string {
  return [
    'landscape: Example',
    'systems:',
    '  EDV:',
    '    role: abap',
    '    connection: direct',
    '    certificates:',
    '      sslClientStandard:',
    ...present.map((c) => `        - ${c}`),
    '',
  ].join('\n');
}

/**
 * Baseline current, from DigiCert's move to its G2 roots: what the missing roots are today. Only an
 * explanation — SAP's own host chain is not verified, so the guide's list stays what is checked.
 */
function rootCaContext(k: KnowledgeContext, missing: readonly string[]): string {
  const m = ROOT_CA_MOVE;
  if (!inEffect(k, m)) return '';
  const parts: string[] = [];
  if (missing.includes(m.g2Root)) parts.push(`${m.g2Root} is the root DigiCert has issued from since ${m.effective}`);
  const g1 = missing.filter((c) => (m.g1Roots as readonly string[]).includes(c));
  if (g1.length) parts.push(`${listText(g1)} ${g1.length > 1 ? 'are G1 roots' : 'is a G1 root'} that browsers ${reached(k, m.g1RemovedOn) ? 'removed on' : 'remove on'} ${m.g1RemovedOn}`);
  if (missing.includes(m.distrustedRoot)) parts.push(`${m.distrustedRoot} is a Symantec root distrusted by browsers since ${m.distrustedIn}`);
  if (!parts.length) return '';
  return ` (${parts.join('; ')}; import what SAP Note ${CERTIFICATE_SOURCE.note} lists today — which chain SAP's backbone hosts use was not verified here)`;
}

/** The message of a PSE that lacks root CAs (the one place it is built). */
function message(k: KnowledgeContext, pse: SslClientPse, missing: readonly string[]): string {
  return `PSE "${pse.label}" (certificates.${pse.key}) lacks ${missing.length === 1 ? 'the root CA' : `${missing.length} root CAs:`} ${listText(missing)}; download ${missing.length === 1 ? 'it' : 'them'} from SAP Note ${CERTIFICATE_SOURCE.note} and import ${missing.length === 1 ? 'it' : 'them'} in ${CERTIFICATE_SOURCE.transaction} (${CERTIFICATE_SOURCE.importMenu}), or the TLS connection to the support backbone fails${rootCaContext(k, missing)}`;
}

/**
 * Guide 2.2.2: the root CA certificates of the support backbone must be in the SSL client PSE(s)
 * of every connected system (Standard; SAP Solution Manager also Anonymous).
 */
export const rule: Rule = {
  // only the system's role and certificates
  scope: 'system',
  meta: {
    id: 'ssl-certificates',
    title: 'SSL certificates: root CAs in the SSL client PSEs',
    severity: 'error',
    section: '2.2.2',
    description: [
      'Checks that the root CA certificates the support backbone needs are recorded under `certificates` for every connected system',
      '(SAP Solution Manager, Focused Run and ABAP systems with `connection: direct`):',
      '',
      ...ROOT_CA_CERTIFICATES.map((c) => `- ${c}`),
      '',
      'PSEs checked, one finding per PSE that lacks certificates:',
      '',
      ...SSL_CLIENT_PSES.map((p) => `- \`certificates.${p.key}\` (*${p.label}*): connected systems with role ${listText(p.requiredForRoles.map((r) => `\`${r}\``))}`),
      '',
      `Call transaction ${CERTIFICATE_SOURCE.transaction} and check the PSEs; if their status is not green, download the certificates from SAP Note ${CERTIFICATE_SOURCE.note}`,
      `and import them with *${CERTIFICATE_SOURCE.importMenu}*. Without them the TLS handshake with the support backbone fails.`,
      '',
      `Baseline \`current\`: DigiCert issues from its G2 roots since ${ROOT_CA_MOVE.effective}, browsers remove the G1 roots on ${ROOT_CA_MOVE.g1RemovedOn}, and VeriSign G5 is distrusted since ${ROOT_CA_MOVE.distrustedIn}. The message explains the missing roots in that light; the list checked stays the guide's, as SAP's own host chain was not verified (see docs/knowledge.md).`,
    ].join('\n'),
    badExample: example(ROOT_CA_CERTIFICATES.slice(0, 1)),
    goodExample: example(ROOT_CA_CERTIFICATES),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (!isConnected(s) || !s.role) continue;
      const psesNeeded = requiredPsesFor(s.role);
      // When there is no `certificates` map yet, every finding's fix writes the whole block (all
      // required PSEs), so that two fixes never each create their own `certificates` key.
      const blockMissing = s.certificates === undefined;
      const wholeBlock = (): TextEdit[] =>
        editor.setValue(sysPath(s, 'certificates'), Object.fromEntries(psesNeeded.map((p) => [p.key, missingRootCas(listOf(s, p))])));
      for (const pse of psesNeeded) {
        const missing = missingRootCas(listOf(s, pse));
        if (!missing.length) continue;
        const edits = blockMissing ? wholeBlock() : editor.addToList(sysPath(s, 'certificates', pse.key), missing);
        out.push({
          severity: 'error',
          message: message(ctx, pse, missing),
          range: fieldRange(doc, s, 'certificates', pse.key),
          system: s.sid,
          data: { pse: pse.key, missingCertificates: missing },
          fixes: [{
            title: blockMissing && psesNeeded.length > 1
              ? `Add the root CAs to certificates (${psesNeeded.map((p) => p.key).join(', ')})`
              : `Add ${missing.length === 1 ? missing[0] : `${missing.length} root CAs`} to certificates.${pse.key}`,
            edits,
            isPreferred: true,
          }],
        });
      }
    }
    return out;
  },
};

function listOf(s: SystemDef, pse: SslClientPse): readonly string[] | undefined {
  return s.certificates?.[pse.key];
}
