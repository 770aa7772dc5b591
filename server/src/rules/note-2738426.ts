import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { RelatedInfo } from '../core/types';
import { noteInfo, TASK_LIST_OSS_COMM } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath, systemLocal } from './rule';
import { fieldRange } from './shared';

const TL = TASK_LIST_OSS_COMM;

/** At most this many earlier systems are named as related information of one finding. */
const MAX_RELATED = 10;

/**
 * Where each system could get the note from, built once per check (linear in the track entries):
 * per track, the systems that have the note, each at its first position; per SID, the tracks it is
 * in with its first position there.
 */
class Sources {
  private readonly holders = new Map<string, { sid: string; pos: number; idx: number }[]>();
  private readonly memberships = new Map<string, { track: string; at: number }[]>();

  constructor(private readonly ctx: RuleContext, private readonly model: LandscapeModel, private readonly note: number) {
    for (const [track, sids] of Object.entries(model.tracks)) {
      const seen = new Set<string>();
      const list: { sid: string; pos: number; idx: number }[] = [];
      sids.forEach((sid, pos) => {
        if (seen.has(sid)) return;
        seen.add(sid);
        const idx = model.systemsById.get(sid)?.notesIndex.get(note);
        if (idx !== undefined) list.push({ sid, pos, idx });
        let m = this.memberships.get(sid);
        if (!m) {
          m = [];
          this.memberships.set(sid, m);
        }
        m.push({ track, at: pos });
      });
      this.holders.set(track, list);
    }
  }

  /** Systems before `s` in one of its tracks that already have the note: where to transport it from. */
  for(s: SystemDef): RelatedInfo[] {
    const out: RelatedInfo[] = [];
    const seen = new Set<string>();
    for (const { track, at } of this.memberships.get(s.sid) ?? []) {
      if (at === 0) continue;
      for (const h of this.holders.get(track) ?? []) {
        if (h.pos >= at || out.length >= MAX_RELATED) break;
        if (seen.has(h.sid)) continue;
        seen.add(h.sid);
        const src = this.model.systemsById.get(h.sid) as SystemDef;
        const range = systemLocal(this.ctx, src, `rangeFor:notes:${h.idx}`, () => this.ctx.doc.rangeFor(sysPath(src, 'notes', h.idx)));
        out.push({ message: `SAP Note ${this.note} is implemented in ${h.sid} (track ${track}): transport it from there`, range });
      }
      if (out.length >= MAX_RELATED) break;
    }
    return out;
  }
}

/**
 * note-2738426 (guide 4.3, 2.1.5): ABAP systems with direct connectivity implement the SAP Note
 * that delivers task list SAP_BASIS_CONFIG_OSS_COMM, transported through the landscape. The
 * number comes from the knowledge table, although the rule id names it.
 */
export const rule: Rule = {
  // related information names the earlier systems of its tracks that have the note
  scope: 'landscape',
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
    let sources: Sources | undefined;
    for (const s of ctx.model.systems) {
      if (!isDirectAbap(s) || s.notesIndex.has(note)) continue;
      const related = (sources ??= new Sources(ctx, ctx.model, note)).for(s);
      // the range and the edit read only the system's own entry: kept per system while it is unchanged
      const range = systemLocal(ctx, s, 'fieldRange:notes', () => fieldRange(ctx.doc, s, 'notes'));
      const edits = systemLocal(ctx, s, `addToList:notes:${note}`, () => ed.addToList(sysPath(s, 'notes'), [note]));
      out.push({
        message: `SAP Note ${note} not implemented: implement SAP Note ${note} (task list ${TL.name}) and transport it throughout the system landscape`,
        range,
        system: s.sid,
        related: related.length ? related : undefined,
        data: { missingNotes: [note] },
        fixes: [{ title: `Add SAP Note ${note} to notes`, edits, isPreferred: true }],
      });
    }
    return out;
  },
};
