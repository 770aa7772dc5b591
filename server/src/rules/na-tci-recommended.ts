import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import type { Fix } from '../core/types';
import type { TextEdit } from 'vscode-languageserver-types';
import {
  DIGITAL_SIGNATURE_NOTES,
  formatBasis,
  formatThreshold,
  inEffect,
  isSupportedBasisRelease,
  NOTE_ASSISTANT_AUTOMATION,
  RELEASES_WITHOUT_TCI,
  SPAM_MIN_VERSION_FOR_TCI,
  TCI_FOLLOW_UP_NOTE,
  TCI_MIN_SP,
  TCI_PROCEDURE,
  tciProcedure,
  tciThreshold,
} from '../knowledge';
import type { BasisSpThreshold, KnowledgeContext } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import type { TciState } from './shared';
import { fieldRange, noteList, tciState } from './shared';

function spamStep(spam: number | undefined): string {
  if (spam === undefined) return `update SPAM to version ${SPAM_MIN_VERSION_FOR_TCI} or above`;
  if (spam < SPAM_MIN_VERSION_FOR_TCI) return `update SPAM to version ${SPAM_MIN_VERSION_FOR_TCI} or above (recorded: ${spam})`;
  return `SPAM at version ${SPAM_MIN_VERSION_FOR_TCI} or above (recorded: ${spam})`;
}

function whyNotEnabled(s: SystemDef, state: TciState): string {
  if (state.reason === 'declared') return `noteAssistant.tci: ${String(s.noteAssistant?.tci)}`;
  const row = state.basis ? tciThreshold(state.basis.release) : undefined;
  return `SAP_BASIS ${state.basis?.text ?? ''} is below ${row ? formatThreshold(row) : 'the TCI level'} and bootstrap SAP Note ${state.bootstrapNote ?? ''} is not in notes`;
}

/**
 * `tci: false` on a SAP_BASIS level at or above its TCI row: the support package made Note
 * Assistant TCI-enabled (guide 2.1.4.3), so the bootstrap procedure does not apply (SPAM would
 * refuse a bootstrap package the support package already contains). The one place the text is built.
 */
function atTciLevelMessage(basisText: string, row: BasisSpThreshold, bootstrapPackage: string | undefined): string {
  const noBootstrap = bootstrapPackage ? `: no bootstrap SAP Note is needed (the support package already contains package ${bootstrapPackage}; SPAM would refuse it)` : ' (guide 2.1.4.3, no action needed)';
  const tciText = bootstrapPackage ? ` out of the box as of ${formatThreshold(row)} (guide 2.1.4.3)${noBootstrap}` : ` as of ${formatThreshold(row)}${noBootstrap}`;
  const check = bootstrapPackage ? 'check it in SNOTE and set tci: true' : 'check the value and set tci: true';
  return `noteAssistant.tci is false, but Note Assistant on SAP_BASIS ${basisText} is TCI-enabled${tciText}: ${check} — then SAP Note ${noteList(DIGITAL_SIGNATURE_NOTES.tciEnabled)} is what digitally signed SAP Notes need below their support package`;
}

/** Baseline current: the automated alternative of SAP Note 2836302 to the manual steps. */
function automationHint(k: KnowledgeContext): string {
  const a = NOTE_ASSISTANT_AUTOMATION;
  return inEffect(k, a) ? `; or let report ${a.report} of SAP Note ${a.note} do these steps (it needs SPAM ${a.spamMin} or higher, per the note)` : '';
}

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const state = tciState(s);
    const basis = state.basis;
    // Enabled: nothing to recommend. Unknown basis: na-tci-state. 710/711/730: the guide has no
    // TCI path, so there is nothing to recommend (na-tci-state reports a contradicting tci: true).
    if (state.enabled || !basis || state.reason === 'unknown' || state.reason === 'no-tci-path') continue;
    if (!isSupportedBasisRelease(basis.release)) continue; // na-digital-signature: upgrade
    const tciPath = sysPath(s, 'noteAssistant', 'tci');
    const declaredFalse = state.reason === 'declared';
    const row = tciThreshold(basis.release);
    const atTciLevel = row !== undefined && basis.sp >= row.minSp;
    const editor = new DocEditor(ctx.doc);
    const setTci = (): TextEdit[] => (declaredFalse ? editor.setValue(tciPath, true) : []);
    const addNotes = (notes: readonly number[]): TextEdit[] => (notes.length ? editor.addToList(sysPath(s, 'notes'), notes) : []);
    const proc = tciProcedure(basis.release);
    if (!proc || (declaredFalse && atTciLevel)) {
      // The "and above" row of the TCI table, or a support package at or above the release's TCI
      // row: no procedure applies; only a declared false contradicts it.
      if (!declaredFalse || !row || !atTciLevel) continue;
      const tciOnly = setTci();
      out.push({
        message: atTciLevelMessage(basis.text, row, proc?.bootstrapPackage),
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'tci'),
        system: s.sid,
        severity: 'info',
        data: { release: basis.release, reason: 'declared-false-at-tci-level' },
        fixes: tciOnly.length ? [{ title: 'Set noteAssistant.tci to true', edits: tciOnly, isPreferred: true }] : undefined,
      });
      continue;
    }
    const missingPrereq = proc.prerequisiteNotes.filter((n) => !s.notesIndex.has(n));
    const main = [proc.bootstrapNote, ...(proc.note2408383Package ? [TCI_FOLLOW_UP_NOTE] : [])];
    const missingMain = main.filter((n) => !s.notesIndex.has(n));
    const steps: string[] = [spamStep(s.spam)];
    if (missingPrereq.length) steps.push(`if applicable, implement SAP Notes ${noteList(missingPrereq)}`);
    steps.push(
      s.notesIndex.has(proc.bootstrapNote)
        ? `bootstrap SAP Note ${proc.bootstrapNote} is in notes: check that it is completely implemented (package ${proc.bootstrapPackage}, guide 2.1.4.3.1) and set tci: true`
        : `implement bootstrap SAP Note ${proc.bootstrapNote} (package ${proc.bootstrapPackage})`,
    );
    if (proc.note2408383Package && !s.notesIndex.has(TCI_FOLLOW_UP_NOTE)) {
      steps.push(`implement SAP Note ${TCI_FOLLOW_UP_NOTE} (package ${proc.note2408383Package})`);
    }
    const fixes: Fix[] = [];
    const mainTitle = missingMain.length
      ? `Add SAP Note${missingMain.length > 1 ? 's' : ''} ${missingMain.join(', ')} to notes${declaredFalse ? ' and set noteAssistant.tci to true' : ''}`
      : 'Set noteAssistant.tci to true';
    const mainNotes = addNotes(missingMain);
    const tciEdits = setTci();
    // Both parts are needed: a fix that could write only one of them would not record the step.
    if ((mainNotes.length || tciEdits.length) && (missingMain.length === 0 || mainNotes.length) && (!declaredFalse || tciEdits.length)) {
      fixes.push({ title: mainTitle, edits: [...mainNotes, ...tciEdits], isPreferred: true });
    }
    if (missingPrereq.length) {
      const all = [...missingPrereq, ...missingMain];
      const allNotes = addNotes(all);
      if (allNotes.length && (!declaredFalse || tciEdits.length)) {
        fixes.push({
          title: `Add SAP Notes ${all.join(', ')} to notes (prerequisites too)${declaredFalse ? ' and set noteAssistant.tci to true' : ''}`,
          edits: [...allNotes, ...tciEdits],
        });
      }
    }
    out.push({
      message: `Note Assistant is not TCI-enabled (${whyNotEnabled(s, state)}); the guide strongly recommends enabling TCI on SAP_BASIS ${basis.release}: ${steps.map((t, i) => `${i + 1}. ${t}`).join('; ')}${automationHint(ctx)}`,
      range: declaredFalse ? fieldRange(ctx.doc, s, 'noteAssistant', 'tci') : fieldRange(ctx.doc, s, 'basis'),
      system: s.sid,
      severity: 'info',
      data: {
        release: basis.release,
        reason: state.reason,
        spam: s.spam ?? null,
        spamMinimum: SPAM_MIN_VERSION_FOR_TCI,
        prerequisiteNotes: missingPrereq,
        bootstrapNote: proc.bootstrapNote,
        bootstrapPackage: proc.bootstrapPackage,
        followUpNote: proc.note2408383Package ? TCI_FOLLOW_UP_NOTE : null,
        followUpPackage: proc.note2408383Package ?? null,
        notesToAdd: missingMain,
      },
      fixes: fixes.length ? fixes : undefined,
    });
  }
  return out;
}

const tciAbove = TCI_MIN_SP.find((r) => r.andAbove);
const tciAboveText = tciAbove ? formatThreshold(tciAbove) : '';
const p731 = TCI_PROCEDURE.find((p) => p.release === 731);
const t731 = TCI_MIN_SP.find((r) => r.release === 731);
const below731 = t731 ? formatBasis(t731.release, t731.minSp - 1) : '';

/** TCI is strongly recommended (guide 2.1.4.3, 3 "Before You Begin"). */
export const rule: Rule = {
  // only the system's basis, spam, noteAssistant and notes
  scope: 'system',
  meta: {
    id: 'na-tci-recommended',
    title: 'Note Assistant enabled for transport-based correction instructions (TCI)',
    severity: 'info',
    section: '2.1.4.3',
    description: [
      'The guide **strongly** recommends enabling Note Assistant (SNOTE) for transport-based correction',
      'instructions (TCI); for backbone connectivity alone, digitally signed SAP Notes suffice (rule',
      'na-digital-signature). TCI is, however, a prerequisite of the automated configuration task lists of',
      'direct ABAP systems, SAP Solution Manager and Focused Run (guide 2.2, 5.2, 6.1). On an SNOTE system that is',
      'not TCI-enabled (rule na-tci-state) an **info**',
      'names the procedure of guide 2.1.4.3 for its SAP_BASIS release:',
      '',
      `1. update Support Package Manager (SPAM) to version ${SPAM_MIN_VERSION_FOR_TCI} or above;`,
      '2. if applicable, implement the release\'s prerequisite SAP Notes;',
      '3. implement the bootstrap SAP Note with its TCI package (guide 2.1.4.3.1);',
      `4. on ${TCI_PROCEDURE.filter((p) => p.note2408383Package).map((p) => p.release).join(', ')}: implement SAP Note ${TCI_FOLLOW_UP_NOTE} with its TCI package.`,
      '',
      `SAP_BASIS ${RELEASES_WITHOUT_TCI.join(', ')} have no TCI procedure in the guide: no finding (a \`tci: true\` there is`,
      `reported by na-tci-state). From ${tciAboveText} on there is no procedure (TCI-enabled out of the box); a declared`,
      '`tci: false` there gets an info asking to check it. The same holds at or above a release\'s TCI support package (e.g.',
      `${TCI_MIN_SP.filter((r) => !r.andAbove && (r.release === 731 || r.release === 750)).map((r) => formatThreshold(r)).join(', ')}): the support package already contains the bootstrap package (SPAM would refuse it), so`,
      'the info asks to check SNOTE and set `tci: true` instead of naming the procedure.',
      '',
      `Baseline \`current\`: the info also offers report ${NOTE_ASSISTANT_AUTOMATION.report} of SAP Note ${NOTE_ASSISTANT_AUTOMATION.note}, which automates the steps (SPAM ${NOTE_ASSISTANT_AUTOMATION.spamMin} or higher, per the note).`,
      '',
      'Quick-fix: add the bootstrap SAP Note (and the follow-up note where it applies) to `notes`, and set',
      '`noteAssistant.tci: true` when it was declared false. Note that a TCI-enabled Note Assistant needs',
      `SAP Note ${noteList(DIGITAL_SIGNATURE_NOTES.tciEnabled)} instead of ${noteList(DIGITAL_SIGNATURE_NOTES.notTciEnabled)} below the digital-signature support package.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  SBX:',
      '    role: abap',
      '    connection: none',
      `    basis: ${below731}`,
      '    spam: 71',
      '    noteAssistant:',
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
      '    spam: 71',
      '    noteAssistant:',
      '      trustAnchors: true',
      `    notes: [${p731 ? [p731.bootstrapNote, TCI_FOLLOW_UP_NOTE].join(', ') : ''}]`,
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
