import type { TextEdit } from 'vscode-languageserver-types';
import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import { isConnected } from '../core/model';
import type { Fix } from '../core/types';
import { CIPHERSUITE_NO_3DES, CIPHERSUITE_VALUES, ciphersuiteValue, inEffect, RECOMMENDED_CIPHERSUITES, SSL_CLIENT_CIPHERSUITES_PARAMETER, TASK_LIST_OSS_COMM, TLS_FACTS } from '../knowledge';
import type { CiphersuiteValue, KnowledgeContext } from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, noteList } from './shared';

const PARAM = SSL_CLIENT_CIPHERSUITES_PARAMETER;
const RECOMMENDED = CIPHERSUITE_VALUES.find((c) => c.id === 'recommended');
const SOLMAN_ALTERNATIVE = CIPHERSUITE_VALUES.find((c) => c.id === 'solman-alternative');
/** Notes the recommended value needs. */
const REQUIRED_NOTES: readonly number[] = RECOMMENDED?.requiresNotes ?? [];
/** Highest TLS version the guide's values enable; the SAP Solution Manager alternative stops there. */
const MAX_TLS = TLS_FACTS.enabledTlsVersions[TLS_FACTS.enabledTlsVersions.length - 1] ?? '';
const RESTART = TLS_FACTS.restartRequired ? '; a changed value takes effect only after a system restart' : '';

/**
 * The guide's entry for a value, or — baseline current, from the record's date — the value without
 * MEDIUM:+e3DES, accepted like the recommended one (same prerequisite notes; medium confidence, so
 * it only removes a warning, never adds one).
 */
function knownValue(k: KnowledgeContext, value: string): CiphersuiteValue | undefined {
  const guide = ciphersuiteValue(value);
  if (guide || !RECOMMENDED || !inEffect(k, CIPHERSUITE_NO_3DES) || value.trim() !== CIPHERSUITE_NO_3DES.value) return guide;
  return { ...RECOMMENDED, value: CIPHERSUITE_NO_3DES.value };
}

function notesText(notes: readonly number[]): string {
  return `SAP Note${notes.length > 1 ? 's' : ''} ${noteList(notes)}`;
}

function example(value: string, notes: readonly number[]): string {
  return [
    'landscape: Example',
    'systems:',
    '  EDV:',
    '    role: abap',
    '    connection: direct',
    `    notes: [${notes.join(', ')}]`,
    '    profile:',
    `      ${PARAM}: "${value}"`,
    '',
  ].join('\n');
}

/**
 * Guide 2.2.1: the connection to the support backbone needs TLS 1.1 or higher for outbound HTTP;
 * profile parameter ssl/client_ciphersuites decides which TLS versions and cipher suites are used.
 */
export const rule: Rule = {
  // only the system's profile and notes
  scope: 'system',
  meta: {
    id: 'tls-ciphersuites',
    title: 'TLS: profile parameter ssl/client_ciphersuites',
    severity: 'warning',
    section: '2.2.1',
    description: [
      `Checks profile parameter \`${PARAM}\` (\`profile\` in the landscape file) of connected systems (SAP Solution Manager, Focused Run and ABAP systems with \`connection: direct\`).`,
      `The support backbone requires TLS ${TLS_FACTS.minTlsVersion} or higher for outbound HTTP connections.`,
      '',
      `- Recommended value: \`${RECOMMENDED_CIPHERSUITES}\`, provided the correction instructions and manual activities of ${notesText(REQUIRED_NOTES)} are implemented (recorded in \`notes\`).`,
      `- \`${SOLMAN_ALTERNATIVE?.value ?? ''}\` may be used on SAP Solution Manager only (no ${notesText(REQUIRED_NOTES)} needed), but it does not work with TLS versions above ${MAX_TLS} (info); on other systems it is a warning.`,
      `- Any other value: warning. For exceptional use cases see the expert information in SAP Note ${TLS_FACTS.expertNote}.`,
      `- Not recorded: warning — display the value in transaction ${TLS_FACTS.checkTransaction} and record it.`,
      '',
      `A changed value only takes effect after a system restart. Task list ${TASK_LIST_OSS_COMM.name} checks the parameter too.`,
      '',
      `Baseline \`current\`: \`${CIPHERSUITE_NO_3DES.value}\` (the value without \`MEDIUM:+e3DES\` used since late 2019, medium confidence) is accepted like the recommended value, with the same SAP Note; the guide's value keeps working.`,
      `The quick-fix records the recommended value together with ${notesText(REQUIRED_NOTES)}.`,
    ].join('\n'),
    badExample: example('HIGH', []),
    goodExample: example(RECOMMENDED_CIPHERSUITES, REQUIRED_NOTES),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    const paramPath = (s: SystemDef) => sysPath(s, 'profile', PARAM);
    const addNotes = (s: SystemDef, missing: readonly number[]): TextEdit[] => (missing.length ? editor.addToList(sysPath(s, 'notes'), missing) : []);
    const setRecommended = (s: SystemDef, missing: readonly number[]): Fix => ({
      title: missing.length
        ? `Set ${PARAM} to the recommended value and add ${notesText(missing)} to notes`
        : `Set ${PARAM} to the recommended value`,
      edits: [...editor.setValue(paramPath(s), RECOMMENDED_CIPHERSUITES), ...addNotes(s, missing)],
      isPreferred: true,
    });

    for (const s of model.systems) {
      if (!isConnected(s)) continue;
      const missing = REQUIRED_NOTES.filter((n) => !s.notesIndex.has(n));
      const needNotes = missing.length ? ` with ${notesText(missing)} implemented (its correction instructions and manual activities)` : '';
      const range = fieldRange(doc, s, 'profile', PARAM);
      const raw = s.profile[PARAM];
      const base = { range, system: s.sid };

      if (raw === undefined) {
        out.push({
          ...base,
          severity: 'warning',
          message: `${PARAM} is not recorded: check it in transaction ${TLS_FACTS.checkTransaction} and record it under profile; the support backbone needs TLS ${TLS_FACTS.minTlsVersion} or higher, the recommended value is ${RECOMMENDED_CIPHERSUITES}${needNotes}${RESTART}`,
          data: { parameter: PARAM, state: 'missing', missingNotes: missing },
          fixes: [setRecommended(s, missing)],
        });
        continue;
      }

      const value = String(raw);
      const known = knownValue(ctx, value);
      if (known?.id === 'recommended') {
        const notMissing = known.requiresNotes.filter((n) => !s.notesIndex.has(n));
        if (!notMissing.length) continue;
        out.push({
          ...base,
          severity: 'warning',
          message: `${PARAM} is ${known.value} but ${notesText(notMissing)} is not in notes: implement its correction instructions and manual activities, or the value does not work`,
          data: { parameter: PARAM, state: 'recommended-without-notes', missingNotes: notMissing },
          fixes: [{ title: `Add ${notesText(notMissing)} to notes`, edits: addNotes(s, notMissing), isPreferred: true }],
        });
        continue;
      }

      if (known) {
        const allowed = s.role !== undefined && known.roles.includes(s.role);
        out.push({
          ...base,
          severity: allowed ? 'info' : 'warning',
          message: allowed
            ? `${PARAM} ${known.value} works on SAP Solution Manager but allows no TLS version above ${MAX_TLS}: consider the recommended value ${RECOMMENDED_CIPHERSUITES}${needNotes}${RESTART}`
            : `${PARAM} ${known.value} is for SAP Solution Manager only: set the recommended value ${RECOMMENDED_CIPHERSUITES}${needNotes}${RESTART}`,
          data: { parameter: PARAM, state: allowed ? 'solman-alternative' : 'solman-alternative-elsewhere', value: known.value, missingNotes: missing },
          fixes: [setRecommended(s, missing)],
        });
        continue;
      }

      out.push({
        ...base,
        severity: 'warning',
        message: `${PARAM} is ${value === '' ? 'empty' : value}, not the recommended ${RECOMMENDED_CIPHERSUITES}: set the recommended value${needNotes}${RESTART}; for exceptional use cases see the expert values in SAP Note ${TLS_FACTS.expertNote}`,
        data: { parameter: PARAM, state: 'other', value, missingNotes: missing },
        fixes: [setRecommended(s, missing)],
      });
    }
    return out;
  },
};
