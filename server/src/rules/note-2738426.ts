import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { RelatedInfo } from '../core/types';
import type { LandscapeDocument } from '../core/document';
import { noteInfo, TASK_LIST_OSS_COMM } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

const TL = TASK_LIST_OSS_COMM;

/** Systems before `s` in one of its tracks that already have the note: where to transport it from. */
function sources(doc: LandscapeDocument, model: LandscapeModel, s: SystemDef, note: number): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  const seen = new Set<string>();
  for (const [track, sids] of Object.entries(model.tracks)) {
    const at = sids.indexOf(s.sid);
    for (const sid of at > 0 ? sids.slice(0, at) : []) {
      const src = model.systemsById.get(sid);
      const idx = src?.notesIndex.get(note);
      if (!src || idx === undefined || seen.has(sid)) continue;
      seen.add(sid);
      out.push({ message: `SAP Note ${note} is implemented in ${sid} (track ${track}): transport it from there`, range: doc.rangeFor(sysPath(src, 'notes', idx)) });
    }
  }
  return out;
}

/**
 * note-2738426 (guide 4.3, 2.1.5): ABAP systems with direct connectivity implement the SAP Note
 * that delivers task list SAP_BASIS_CONFIG_OSS_COMM, transported through the landscape. The
 * number comes from the knowledge table, although the rule id names it.
 */
export const rule: Rule = {
  meta: {
    id: 'note-2738426',
    title: `SAP Note ${TL.note} implemented`,
    severity: 'error',
    section: '4.3, 2.1.5',
    description: [
      `ABAP systems that connect directly to the support backbone must implement SAP Note ${TL.note} and transport it throughout the system landscape (guide 4.3). The note describes task list \`${TL.name}\`, which creates the new HTTPS destinations (guide 2.1.5).`,
      '',
      `Its role: ${noteInfo(TL.note ?? 0)?.purpose ?? ''} Without it, task list \`${TL.name}\` (transaction \`${TL.transaction}\`) cannot set up the connection to the updated support backbone in that system.`,
      '',
      `Checked: ${TL.note} in \`notes\` of every \`role: abap\` system with \`connection: direct\`. Where an earlier system of the same track already has the note, it is shown as related information (transport it from there). The quick-fix records the note in \`notes\`.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    notes: []',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      `    notes: [${TL.note}]`,
      '',
    ].join('\n'),
    fixable: true,
  },
  check(ctx: RuleContext): RuleFinding[] {
    const note = TL.note;
    if (note === undefined) return [];
    const out: RuleFinding[] = [];
    const ed = new DocEditor(ctx.doc);
    for (const s of ctx.model.systems) {
      if (!isDirectAbap(s) || s.notesIndex.has(note)) continue;
      const related = sources(ctx.doc, ctx.model, s, note);
      out.push({
        message: `SAP Note ${note} not implemented: implement SAP Note ${note} (task list ${TL.name}) and transport it throughout the system landscape`,
        range: fieldRange(ctx.doc, s, 'notes'),
        system: s.sid,
        related: related.length ? related : undefined,
        data: { missingNotes: [note] },
        fixes: [{ title: `Add SAP Note ${note} to notes`, edits: ed.addToList(sysPath(s, 'notes'), [note]), isPreferred: true }],
      });
    }
    return out;
  },
};
