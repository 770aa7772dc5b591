import type { SystemDef } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import { DocEditor } from '../core/edits';
import {
  DIGITAL_SIGNATURE_MIN_SP,
  DIGITAL_SIGNATURE_NOTES,
  formatThreshold,
  isSupportedBasisRelease,
  parseBasis,
  RELEASES_WITHOUT_TCI,
  TCI_MIN_SP,
} from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, noteList, tciState } from './shared';

const TCI_RELEASE_TEXT = TCI_MIN_SP.map((r) => (r.andAbove ? `${r.release}+` : String(r.release))).join(', ');
const NO_TCI_TEXT = RELEASES_WITHOUT_TCI.join('/');

/** Which fact the TCI state of a system cannot be derived from (basis absent, or a release the guide does not list). */
function unknownBasisMessage(s: SystemDef): string {
  const consequence =
    'the digital-signature, note download and TCI checks (guide 2.1.4.2, 2.1.4.3) depend on it';
  const basis = parseBasis(s.basis);
  if (!basis) {
    return `SAP_BASIS level not recorded, so the TCI state of Note Assistant cannot be determined: record \`basis\` (SAP_BASIS release and support package, e.g. "<release> SP<n>") or \`noteAssistant.tci\`; ${consequence}`;
  }
  return `SAP_BASIS release ${basis.release} is not in the guide's tables, so the TCI state of Note Assistant cannot be determined: check \`basis\` (releases with a TCI row: ${TCI_RELEASE_TEXT}; without TCI: ${NO_TCI_TEXT}) or set \`noteAssistant.tci\`; ${consequence}`;
}

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const state = tciState(s);
    const declared = s.noteAssistant?.tci;
    if (state.reason === 'unknown' && declared === undefined) {
      // Releases older than 700 are known, just unsupported: na-digital-signature reports them.
      if (state.basis && !isSupportedBasisRelease(state.basis.release)) continue;
      // A basis value in the wrong form is a schema error already, on the same value.
      if (s.keys.has('basis') && !state.basis) continue;
      out.push({
        message: unknownBasisMessage(s),
        range: fieldRange(ctx.doc, s, 'basis'),
        system: s.sid,
        data: { reason: 'unknown-basis', basis: s.basis ?? null },
      });
      continue;
    }
    if (state.reason === 'no-tci-path' && declared === true && state.basis) {
      const edits = new DocEditor(ctx.doc).setValue(sysPath(s, 'noteAssistant', 'tci'), false);
      out.push({
        message: `noteAssistant.tci is true, but SAP_BASIS ${state.basis.release} has no TCI procedure in the guide (2.1.4.3 covers ${TCI_RELEASE_TEXT}): Note Assistant on ${state.basis.text} cannot be TCI-enabled; set tci to false — digitally signed SAP Notes then need ${noteList(DIGITAL_SIGNATURE_NOTES.notTciEnabled)}`,
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'tci'),
        system: s.sid,
        data: { reason: 'no-tci-path', release: state.basis.release },
        fixes: edits.length ? [{ title: 'Set noteAssistant.tci to false', edits, isPreferred: true }] : undefined,
      });
    }
  }
  return out;
}

const tci731 = TCI_MIN_SP.find((r) => r.release === 731);
const noTciRow = DIGITAL_SIGNATURE_MIN_SP.find((r) => r.release === RELEASES_WITHOUT_TCI[0]);
const noTciExample = noTciRow ? formatThreshold(noTciRow) : '';

/** Note Assistant TCI state must be derivable (spec NA-TCI-STATE, guide 2.1.4.3). */
export const rule: Rule = {
  // only the system's basis, noteAssistant and notes
  scope: 'system',
  meta: {
    id: 'na-tci-state',
    title: 'TCI state of Note Assistant can be determined',
    severity: 'warning',
    section: '2.1.4.3',
    description: [
      'Whether Note Assistant (transaction SNOTE) is enabled for transport-based correction instructions (TCI)',
      'decides which SAP Notes make it handle digitally signed SAP Notes (guide 2.1.4.2): a TCI-enabled',
      `Note Assistant needs SAP Note ${noteList(DIGITAL_SIGNATURE_NOTES.tciEnabled)}, any other needs SAP Notes`,
      `${noteList(DIGITAL_SIGNATURE_NOTES.notTciEnabled)}.`,
      '',
      'The state is taken from `noteAssistant.tci` when it is set; otherwise from `basis` (at or above the',
      `TCI table of guide 2.1.4.3: ${TCI_MIN_SP.map(formatThreshold).join(', ')}${TCI_MIN_SP[TCI_MIN_SP.length - 1]?.andAbove ? ' and above' : ''})`,
      'or from the release\'s bootstrap SAP Note in `notes`.',
      '',
      '- **warning** on an SNOTE system whose `basis` is missing, malformed or not a release of the guide and',
      '  that has no `noteAssistant.tci`: record the SAP_BASIS release and support package (or the TCI state),',
      '  because the digital-signature, note download and TCI checks depend on it.',
      `- **warning** when \`tci: true\` is declared on SAP_BASIS ${NO_TCI_TEXT}: the guide has no TCI procedure`,
      '  for these releases, so Note Assistant there is never TCI-enabled (quick-fix: set `tci: false`).',
      '',
      'Systems with `noteAssistant.enabled: false` are not checked.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  SBX:',
      '    role: abap',
      '    connection: none',
      '    noteAssistant:',
      '      trustAnchors: true',
      '  OLD:',
      '    role: abap',
      '    connection: none',
      `    basis: ${noTciExample}`,
      '    noteAssistant:',
      '      tci: true',
      '      trustAnchors: true',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  SBX:',
      '    role: abap',
      '    connection: none',
      `    basis: ${tci731 ? formatThreshold(tci731) : ''}`,
      '    noteAssistant:',
      '      trustAnchors: true',
      '  OLD:',
      '    role: abap',
      '    connection: none',
      `    basis: ${noTciExample}`,
      '    noteAssistant:',
      '      tci: false',
      '      trustAnchors: true',
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
