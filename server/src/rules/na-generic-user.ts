import { DocEditor } from '../core/edits';
import { usesNoteAssistant } from '../core/model';
import type { Fix } from '../core/types';
import {
  COMMUNICATION_USER_NOTES,
  DOWNLOAD_CHANNEL,
  downloadChannelFor,
  isKnownBasisRelease,
  NOTE_DOWNLOAD_RFC_DESTINATIONS,
  inEffect,
  knows,
  parseBasis,
  RFC_GENERIC_USERS,
  RFC_SHUTDOWN,
} from '../knowledge';
import type { KnowledgeContext } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';
import { MAX_USER_CANDIDATES, trackGroups, UserRanking } from './landscape-shared';

const GENERIC = new Set(RFC_GENERIC_USERS.map((u) => u.toUpperCase()));
const RFC_ROW = DOWNLOAD_CHANNEL.find((r) => r.action === 'replace-generic-user');
const RFC_RANGE = RFC_ROW ? `${RFC_ROW.fromRelease}–${RFC_ROW.toRelease ?? ''}` : '';
const NOTES = `SAP Notes ${COMMUNICATION_USER_NOTES.replaceGenericUsers} and ${COMMUNICATION_USER_NOTES.request}`;

/** The message (built in this one place). */
function message(k: KnowledgeContext, dest: string, user: string, basis: string, replacement: string | undefined): string {
  const text = `RFC destination ${dest} logs on with the generic user ${user}: on SAP_BASIS ${basis} replace it with ${replacement ? `the technical communication user ${replacement}` : 'a technical communication user'} (${NOTES}); Note Assistant needs that user to download digitally signed SAP Notes (guide 2.3)`;
  // baseline current, before the RFC shutdown: the user change only helps until then
  return knows(k, RFC_SHUTDOWN) ? `${text}. RFC connections to SAP close on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}): plan the switch to the download service` : text;
}

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Since the RFC shutdown no user makes SAPOSS reach SAP: the advice is the download service
  // (na-download-channel) and the dead destination (legacy-destination); a user change would be
  // work without effect, so this rule has nothing left to say.
  if (inEffect(ctx, RFC_SHUTDOWN)) return out;
  const commUsers = Object.keys(ctx.model.communicationUsers);
  let ranking: UserRanking | undefined;
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const basis = parseBasis(s.basis);
    if (!basis || !isKnownBasisRelease(basis.release)) continue;
    if (downloadChannelFor(basis.release)?.action !== 'replace-generic-user') continue;
    for (const dest of NOTE_DOWNLOAD_RFC_DESTINATIONS) {
      const user = s.destinations[dest]?.user;
      if (user === undefined || !GENERIC.has(user.trim().toUpperCase())) continue;
      const userPath = sysPath(s, 'destinations', dest, 'user');
      const editor = new DocEditor(ctx.doc);
      const fixes: Fix[] = [];
      if (s.communicationUser) {
        fixes.push({
          title: `Use technical communication user ${s.communicationUser} in ${dest}`,
          edits: editor.setValue(userPath, s.communicationUser),
          isPreferred: true,
        });
      } else {
        // Which user belongs to the system is the admin's choice; only a single candidate is
        // preferred. The user the system's track uses comes first (as for comm-user-missing), and
        // the fix also records it as the system's communicationUser: the system needs that user
        // anyway (guide 2.3), so one choice completes both.
        ranking ??= new UserRanking(ctx.model, trackGroups(ctx.model));
        const candidates = ranking.for(s, MAX_USER_CANDIDATES);
        const userKey = sysPath(s, 'communicationUser');
        for (const u of candidates) {
          const desc = ctx.model.communicationUsers[u]?.description;
          const dUser = editor.setValue(userPath, u);
          const sUser = s.keys.has('communicationUser') ? [] : editor.setValue(userKey, u);
          fixes.push({
            title: `Use technical communication user ${u}${desc ? ` (${desc})` : ''} in ${dest} and as communicationUser`,
            edits: dUser.length && sUser.length ? [...dUser, ...sUser] : dUser,
            isPreferred: commUsers.length === 1 ? true : undefined,
          });
        }
      }
      out.push({
        message: message(ctx, dest, user, basis.text, s.communicationUser),
        range: fieldRange(ctx.doc, s, 'destinations', dest, 'user'),
        system: s.sid,
        data: { destination: dest, user, replacement: s.communicationUser ?? null, basis: basis.text },
        fixes: fixes.some((f) => f.edits.length) ? fixes.filter((f) => f.edits.length) : undefined,
      });
    }
  }
  return out;
}

/** No generic user on the note download RFC destination, SAP_BASIS 700–731 (guide 2.1.4.2 step 2, 2.3). */
export const rule: Rule = {
  // the fixes rank users by what the other systems of the track use
  scope: 'landscape',
  meta: {
    id: 'na-generic-user',
    title: 'Note download RFC destination uses a technical communication user',
    severity: 'error',
    section: '2.1.4.2',
    description: [
      `On SAP_BASIS ${RFC_RANGE}, Note Assistant (SNOTE) keeps downloading SAP Notes through RFC destination`,
      `${NOTE_DOWNLOAD_RFC_DESTINATIONS.join('/')}, but the generic user (${RFC_GENERIC_USERS.join(', ')}) must be replaced with a technical`,
      `communication user (guide 2.1.4.2 step 2 and 2.3): request it as described in SAP Note ${COMMUNICATION_USER_NOTES.request}, replace the generic user as described in SAP Note ${COMMUNICATION_USER_NOTES.replaceGenericUsers}.`,
      'The technical communication user is what Note Assistant needs to download digitally signed SAP Notes.',
      '',
      `**error** on an SNOTE system with SAP_BASIS ${RFC_RANGE} whose \`destinations.${NOTE_DOWNLOAD_RFC_DESTINATIONS[0]}\` or`,
      `\`destinations.${NOTE_DOWNLOAD_RFC_DESTINATIONS[1] ?? ''}\` has \`user: ${RFC_GENERIC_USERS[0] ?? ''}\`.`,
      '',
      'Quick-fix: put the system\'s `communicationUser` into the destination; when the system names none, one',
      `fix per user of \`communicationUsers\` (at most ${MAX_USER_CANDIDATES}, the user of the system's own track first) that`,
      'also records it as the system\'s `communicationUser`.',
      '',
      `Baseline \`current\`: SAP closed all RFC connections to SAP on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}); from that date no user makes the destination reach SAP, so this rule reports nothing — rule na-download-channel asks for the download service on ${RFC_RANGE} too, and legacy-destination reports the destination. Before that date the message adds the shutdown date.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: GRC track }',
      'systems:',
      '  GRP:',
      '    role: abap',
      '    connection: none',
      '    basis: 702 SP25',
      '    communicationUser: S0023456789',
      '    destinations:',
      `      ${NOTE_DOWNLOAD_RFC_DESTINATIONS[0] ?? ''}: { type: "3", user: ${RFC_GENERIC_USERS[0] ?? ''} }`,
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: GRC track }',
      'systems:',
      '  GRP:',
      '    role: abap',
      '    connection: none',
      '    basis: 702 SP25',
      '    communicationUser: S0023456789',
      '    destinations:',
      `      ${NOTE_DOWNLOAD_RFC_DESTINATIONS[0] ?? ''}: { type: "3", user: S0023456789 }`,
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
