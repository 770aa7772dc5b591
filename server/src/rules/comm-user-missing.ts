import { DocEditor } from '../core/edits';
import { isConnected, isDirectAbap, usesNoteAssistant } from '../core/model';
import type { SystemDef } from '../core/model';
import { COMMUNICATION_USER_FACTS, COMMUNICATION_USER_NOTES } from '../knowledge';
import { declaredUsers, MAX_USER_CANDIDATES, preferFirst, sidKeyRange, trackGroups, UserRanking } from './landscape-shared';
import type { Rule, RuleFinding } from './rule';
import { sysPath, systemLocal } from './rule';

const { request: REQUEST_NOTE, replaceGenericUsers: REPLACE_NOTE } = COMMUNICATION_USER_NOTES;

/** What the system does that needs a technical communication user (guide 2.3 "Context"). */
function why(s: SystemDef): { subject: string; reason: string } {
  if (s.role === 'solman') return { subject: `SAP Solution Manager ${s.sid} connects to the support backbone`, reason: '' };
  if (s.role === 'frun') return { subject: `Focused Run ${s.sid} connects to the support backbone`, reason: '' };
  if (isDirectAbap(s)) return { subject: `${s.sid} connects directly to the support backbone`, reason: '' };
  return { subject: `${s.sid} uses Note Assistant (SNOTE)`, reason: ' (SNOTE needs it to download digitally signed SAP Notes)' };
}

/**
 * Guide 2.3: connected systems and systems that use Note Assistant need a technical communication
 * user. The quick-fixes pick one of the declared users, preferring the one of the system's track.
 */
export const rule: Rule = {
  // the fixes rank users by what the other systems of the track (and of the landscape) use
  scope: 'landscape',
  meta: {
    id: 'comm-user-missing',
    title: 'Technical communication user missing',
    severity: 'error',
    section: '2.3',
    description: [
      'Systems that connect to the support backbone (SAP Solution Manager, Focused Run and ABAP systems with `connection: direct`)',
      'and every system that uses Note Assistant (`noteAssistant.enabled` not `false`) need a **technical communication user**',
      'in `communicationUser` — a key of `communicationUsers`.',
      '',
      `- Request it as described in SAP Note ${REQUEST_NOTE} (Technical Communication User app); it is usually available within ${COMMUNICATION_USER_FACTS.availableWithinHours} hours.`,
      '  A regular S-user cannot be converted into one.',
      `- Replace generic users (such as OSS_RFC) with it as described in SAP Note ${REPLACE_NOTE}.`,
      '- One user per track (e.g. DEV-QAS-PRD) is recommended, one per system is the most flexible; one user for all systems works,',
      '  but if it gets locked every system loses its connection.',
      '',
      '**Without it**, the system cannot use the new communication channel: SNOTE cannot download digitally signed SAP Notes',
      'and the task lists cannot set up the connection.',
      '',
      'The quick-fixes set `communicationUser` to a declared user: preferably the one the other systems of the same track use.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: ERP track }',
      'systems:',
      '  GRP:',
      '    role: abap',
      '    connection: direct',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: ERP track }',
      'systems:',
      '  GRP:',
      '    role: abap',
      '    connection: direct',
      '    communicationUser: S0023456789',
      '',
    ].join('\n'),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    const declared = declaredUsers(model);
    let ranking: UserRanking | undefined;
    for (const s of model.systems) {
      // without a valid role the entry is broken (the schema reports it); which rules apply is unknown
      if (s.role === undefined || (!isConnected(s) && !usesNoteAssistant(s))) continue;
      // present with the wrong type (e.g. a number): the schema reports it
      if (s.communicationUser !== undefined || s.keys.has('communicationUser')) continue;
      // at most MAX_USER_CANDIDATES users: the track's own first, never one fix per declared user
      ranking ??= new UserRanking(model, trackGroups(model));
      const ranked = ranking.for(s, MAX_USER_CANDIDATES);
      const fixes = preferFirst(ranked.map((u) => ({
        title: `Set communicationUser to ${u}`,
        // reads only the system's own entry: kept per system while it is unchanged
        edits: systemLocal(ctx, s, `setValue:communicationUser:${u}`, () => editor.setValue(sysPath(s, 'communicationUser'), u)),
      })));
      const what = declared.length
        ? `set communicationUser to one of the declared users or request a new one (SAP Note ${REQUEST_NOTE}) and declare it under communicationUsers`
        : `request a technical communication user (SAP Note ${REQUEST_NOTE}), declare it under communicationUsers and set communicationUser`;
      const { subject, reason } = why(s);
      out.push({
        message: `${subject} but has no communicationUser${reason}: ${what}; replace generic users with it (SAP Note ${REPLACE_NOTE}); one user per track (e.g. DEV-QAS-PRD) is recommended`,
        range: systemLocal(ctx, s, 'sidKeyRange', () => sidKeyRange(doc, s)),
        system: s.sid,
        data: { candidates: ranked, connected: isConnected(s), snote: usesNoteAssistant(s) },
        fixes,
      });
    }
    return out;
  },
};
