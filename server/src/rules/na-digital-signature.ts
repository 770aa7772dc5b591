import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import type { RelatedInfo } from '../core/types';
import {
  DIGITAL_SIGNATURE_MIN_SP,
  DIGITAL_SIGNATURE_NOTES,
  digitalSignatureNotesFor,
  digitalSignatureThreshold,
  formatBasis,
  formatThreshold,
  isSupportedBasisRelease,
  inEffect,
  knows,
  MIN_SUPPORTED_BASIS_RELEASE,
  NOTE_ASSISTANT_AUTOMATION,
  reached,
  SIGNED_NOTES_MANDATORY_FROM,
} from '../knowledge';
import type { KnowledgeContext } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import type { TciState } from './shared';
import { fieldRange, listText, noteList, tciState } from './shared';

const CONSEQUENCE = `without it, SAP Notes can no longer be downloaded via Note Assistant (SNOTE) after ${SIGNED_NOTES_MANDATORY_FROM}`;

/** The consequence in the tense of asOf (baseline current); the guide's words under guide-1.1. */
function consequence(k: KnowledgeContext): string {
  if (!k.baseline.updates.length || !reached(k, SIGNED_NOTES_MANDATORY_FROM)) return CONSEQUENCE;
  return `without it, SAP Notes cannot be downloaded via Note Assistant (SNOTE): signed notes are mandatory since ${SIGNED_NOTES_MANDATORY_FROM}`;
}

/**
 * Baseline current: the automated alternative of SAP Note 2836302. It goes into the related
 * information, so that the message itself stays the one the spec prints.
 */
function automation(k: KnowledgeContext): string {
  const a = NOTE_ASSISTANT_AUTOMATION;
  return inEffect(k, a) ? ` Report ${a.report} of SAP Note ${a.note} automates these steps (it needs SPAM ${a.spamMin} or higher, per the note).` : '';
}

/** Why the system counts as TCI-enabled or not, in words, for related information. */
function tciReasonText(s: SystemDef, state: TciState): string {
  const basis = state.basis?.text ?? '';
  switch (state.reason) {
    case 'declared':
      return `noteAssistant.tci: ${String(s.noteAssistant?.tci)}`;
    case 'basis':
      return `SAP_BASIS ${basis} is at or above the TCI level of guide 2.1.4.3`;
    case 'bootstrap':
      return `bootstrap SAP Note ${state.bootstrapNote ?? ''} is in notes`;
    case 'below-table':
      return `SAP_BASIS ${basis} is below the TCI level of guide 2.1.4.3 and the bootstrap SAP Note ${state.bootstrapNote ?? ''} is not in notes`;
    case 'no-tci-path':
      return `the guide has no TCI procedure for SAP_BASIS ${state.basis?.release ?? ''}, so Note Assistant there can never be TCI-enabled`;
    default:
      return 'TCI state unknown';
  }
}

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const state = tciState(s);
    const basis = state.basis;
    if (!basis) continue; // na-tci-state asks to record it
    const range = fieldRange(ctx.doc, s, 'basis');
    if (!isSupportedBasisRelease(basis.release)) {
      out.push({
        message: `SAP_BASIS ${basis.text} is older than ${MIN_SUPPORTED_BASIS_RELEASE} and not supported by the guide: Note Assistant cannot be enabled for digitally signed SAP Notes; upgrade SAP_BASIS to ${MIN_SUPPORTED_BASIS_RELEASE} or later (${consequence(ctx)})`,
        range,
        system: s.sid,
        data: { basis: basis.text, supported: false },
      });
      continue;
    }
    const row = digitalSignatureThreshold(basis.release);
    if (!row || basis.sp >= row.minSp) continue; // unknown release (na-tci-state) or already signed-note capable
    const required = digitalSignatureNotesFor(state.enabled);
    const missing = required.filter((n) => !s.notesIndex.has(n));
    if (!missing.length) continue;
    const tciPath = sysPath(s, 'noteAssistant', 'tci');
    const related: RelatedInfo[] = [{
      message: `Digitally signed SAP Notes are supported as of ${formatThreshold(row)} (guide 2.1.4.2). Note Assistant is ${state.enabled ? '' : 'not '}TCI-enabled (${tciReasonText(s, state)}), so it needs SAP Note${required.length > 1 ? 's' : ''} ${listText(required.map(String))}; ${consequence(ctx)}.${automation(ctx)}`,
      range: state.reason === 'declared' ? ctx.doc.rangeFor(tciPath) : range,
    }];
    // A note of the other TCI branch does not help: point that out instead of leaving it unexplained.
    const otherBranch = digitalSignatureNotesFor(!state.enabled).filter((n) => s.notesIndex.has(n));
    if (otherBranch.length) {
      related.push({
        message: `SAP Note${otherBranch.length > 1 ? 's' : ''} ${listText(otherBranch.map(String))} in notes ${otherBranch.length > 1 ? 'are' : 'is'} for a Note Assistant that is ${state.enabled ? 'not ' : ''}TCI-enabled (guide 2.1.4.2 step 1, checklist 3.2)`,
        range: ctx.doc.rangeFor(sysPath(s, 'notes', s.notesIndex.get(otherBranch[0] as number) ?? 0)),
      });
    }
    const edits = new DocEditor(ctx.doc).addToList(sysPath(s, 'notes'), missing);
    out.push({
      headline: `SAP Note${missing.length > 1 ? 's' : ''} ${noteList(missing)} for digitally signed SAP Notes not implemented`,
      message: `SAP_BASIS ${basis.text} lacks digital-signature support, implement ${noteList(missing)}`,
      range,
      system: s.sid,
      related,
      data: {
        basis: basis.text,
        threshold: formatThreshold(row),
        tciEnabled: state.enabled,
        tciReason: state.reason,
        requiredNotes: [...required],
        missingNotes: missing,
        ...(knows(ctx, NOTE_ASSISTANT_AUTOMATION) && inEffect(ctx, NOTE_ASSISTANT_AUTOMATION) ? { automationNote: NOTE_ASSISTANT_AUTOMATION.note } : {}),
      },
      fixes: edits.length
        ? [{ title: `Add SAP Note${missing.length > 1 ? 's' : ''} ${missing.join(', ')} to notes`, edits, isPreferred: true }]
        : undefined,
    });
  }
  return out;
}

const row731 = DIGITAL_SIGNATURE_MIN_SP.find((r) => r.release === 731);
const below731 = row731 ? formatBasis(row731.release, row731.minSp - 1) : '';
const notTci = DIGITAL_SIGNATURE_NOTES.notTciEnabled;
const tciNotes = DIGITAL_SIGNATURE_NOTES.tciEnabled;

/** Note Assistant must handle digitally signed SAP Notes (guide 2.1.4.2, checklist 3.2). */
export const rule: Rule = {
  // only the system's basis, noteAssistant and notes; related information points into the system itself
  scope: 'system',
  meta: {
    id: 'na-digital-signature',
    title: 'Note Assistant handles digitally signed SAP Notes',
    severity: 'error',
    section: '2.1.4.2',
    description: [
      'Digital signing of SAP Notes is mandatory with the updated support backbone. Note Assistant (transaction',
      'SNOTE) handles digitally signed SAP Notes as of these SAP_BASIS support packages (guide 2.1.4.2):',
      '',
      '| SAP_BASIS release | Support package |',
      '|---|---|',
      ...DIGITAL_SIGNATURE_MIN_SP.map((r) => `| ${r.release}${r.andAbove ? ' and above' : ''} | ${formatThreshold(r).split(' ')[1]} |`),
      '',
      'Below that level the system needs, depending on the TCI state of Note Assistant (rule na-tci-state):',
      '',
      `- TCI-enabled: SAP Note ${noteList(tciNotes)};`,
      `- not TCI-enabled (including every system on SAP_BASIS 710, 711 and 730): SAP Notes ${noteList(notTci)} (all of them).`,
      '',
      `An **error** names the missing notes (quick-fix: add them to \`notes\` once implemented). SAP_BASIS below ${MIN_SUPPORTED_BASIS_RELEASE}`,
      'is not covered by the guide: **error**, upgrade SAP_BASIS.',
      '',
      `What happens if you don't: after ${SIGNED_NOTES_MANDATORY_FROM} SAP Notes can no longer be downloaded (or uploaded) via Note Assistant.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  SBX:',
      '    role: abap',
      '    connection: none',
      `    basis: ${below731}`,
      '    noteAssistant:',
      '      tci: false',
      '      trustAnchors: true',
      '    notes: []',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  SBX:',
      '    role: abap',
      '    connection: none',
      `    basis: ${below731}`,
      '    noteAssistant:',
      '      tci: false',
      '      trustAnchors: true',
      `    notes: [${notTci.join(', ')}]`,
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
