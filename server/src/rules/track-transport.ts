import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import type { RelatedInfo } from '../core/types';
import type { Range } from 'vscode-languageserver-types';
import {
  describeNote,
  isBackboneNote,
  TASK_LIST_OSS_COMM,
} from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath, systemLocal } from './rule';
import { backboneNoteApplies, fieldRange, listText } from './shared';

const TASK_LIST_NOTE = TASK_LIST_OSS_COMM.note;

/** At most this many earlier systems per finding: named in the message, as related information and in data.from. */
const MAX_RELATED = 10;

/** "A, B and C" in track order; beyond MAX_RELATED the nearest ones after "N earlier systems". */
function namedInOrder(list: readonly SystemDef[]): string {
  if (list.length <= MAX_RELATED) return listText(list.map((e) => e.sid));
  const shown = list.slice(list.length - MAX_RELATED).map((e) => e.sid);
  return listText([`${list.length - MAX_RELATED} earlier systems`, ...shown]);
}

function example(eprNotes: string): string {
  return [
    'landscape: Example',
    'tracks:',
    '  ERP: [EDV, EPR]',
    'systems:',
    `  EDV: { role: abap, connection: direct, basis: 754 SP02, notes: [${TASK_LIST_NOTE}] }`,
    `  EPR: { role: abap, connection: direct, basis: 754 SP02, notes: ${eprNotes} }`,
    '',
  ].join('\n');
}

/**
 * Guide 2.1.4, 2.1.4.3.1 and 4.3: Note Assistant changes and the task list note are transported
 * throughout the landscape, so a backbone note present in an earlier system of a track must also
 * be in every later one.
 */
export const rule: Rule = {
  // compares the notes of the systems along each track
  scope: 'landscape',
  meta: {
    id: 'track-transport',
    title: 'Backbone note not transported along the track',
    severity: 'warning',
    section: '2.1.4, 4.3',
    description: [
      'Along a transport track (`tracks`, source system first), a Note Assistant note (digital signature, TCI prerequisite,',
      `bootstrap and follow-up notes) or the task list note ${TASK_LIST_NOTE} that is implemented in an earlier system but`,
      'missing in a later one is reported on the later system, once per missing note, with the earlier systems as related',
      'information. The guide says to implement these notes and transport the changes throughout the system landscape',
      `(2.1.4; 2.1.4.3.1 for bootstrapping with SPAM 70 or higher; 4.3 for ${TASK_LIST_NOTE}).`,
      '',
      '**If the transport is not imported**, the later systems (typically production) keep the old Note Assistant and cannot run',
      `task list ${TASK_LIST_OSS_COMM.name}, so they lose their connection to SAP.`,
      '',
      'Not reported: systems with `noteAssistant.enabled: false` (notes are not tracked there), and notes that do not apply to the',
      'later system when the track mixes releases or support packages (a release-specific note of another release, digital-signature',
      'notes where the support package already has the capability or the TCI state needs the other set, TCI notes where the support',
      `package already brings TCI, ${TASK_LIST_NOTE} outside ABAP systems with direct connectivity).`,
      '',
      'The quick-fix adds the note to the later system\'s `notes` once the transport is imported.',
    ].join('\n'),
    badExample: example('[]'),
    goodExample: example(`[${TASK_LIST_NOTE}]`),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const editor = new DocEditor(doc);
    // ranges and edits read only one system's entry: kept per system while it is unchanged
    const notesItem = (e: SystemDef, idx: number): Range => systemLocal(ctx, e, `fieldRange:notes:${idx}`, () => fieldRange(doc, e, 'notes', idx));
    const found = new Map<string, RuleFinding>();
    for (const [track, sids] of Object.entries(model.tracks)) {
      // note -> the systems so far in the track that have it, in track order (once per occurrence
      // in their notes): one pass over the track instead of looking back from every system
      const holders = new Map<number, SystemDef[]>();
      sids.forEach((sid) => {
        const later = model.systemsById.get(sid);
        if (!later) return;
        if (later.noteAssistant?.enabled !== false) {
          // a note of `later` itself is never missing in it, so no system is its own source
          const lacking = [...holders.keys()].filter((note) => !later.notesIndex.has(note)).sort((a, b) => a - b);
          for (const note of lacking) {
            if (!backboneNoteApplies(note, later)) continue;
            const list = holders.get(note) as SystemDef[];
            // nearest first, at most MAX_RELATED of them
            const from: SystemDef[] = [];
            for (let j = list.length - 1; j >= 0 && from.length < MAX_RELATED; j--) from.push(list[j]);
            const related: RelatedInfo[] = from.map((e) => ({
              message: `${e.sid} has SAP Note ${note}: transport it from there (track ${track})`,
              range: notesItem(e, e.notesIndex.get(note) ?? 0),
            }));
            const key = `${later.sid}:${note}`;
            const prior = found.get(key);
            if (prior) {
              const before = prior.related ?? [];
              prior.related = before.length >= MAX_RELATED ? before : [...before, ...related.slice(0, MAX_RELATED - before.length)];
              continue;
            }
            found.set(key, {
              headline: `SAP Note ${note} not transported from ${from[0].sid}`,
              message: `${describeNote(note)} is implemented in ${namedInOrder(list)} (earlier in track ${track}) but not in ${later.sid}: import the transport from ${from[0].sid} into ${later.sid} and record the note — changes to Note Assistant and the backbone notes are transported throughout the landscape (guide 2.1.4, 4.3)`,
              range: systemLocal(ctx, later, 'fieldRange:notes', () => fieldRange(doc, later, 'notes')),
              system: later.sid,
              related,
              data: { note, track, from: from.map((e) => e.sid) },
              fixes: [{ title: `Add SAP Note ${note} to notes of ${later.sid}`, edits: systemLocal(ctx, later, `addToList:notes:${note}`, () => editor.addToList(sysPath(later, 'notes'), [note])), isPreferred: true }],
            });
          }
        }
        for (const note of later.notes) {
          if (!isBackboneNote(note)) continue;
          const list = holders.get(note);
          if (list) list.push(later);
          else holders.set(note, [later]);
        }
      });
    }
    return [...found.values()];
  },
};
