import { DocEditor } from '../core/edits';
import { usesNoteAssistant } from '../core/model';
import type { Fix } from '../core/types';
import {
  COMMUNICATION_USER_NOTES,
  DOWNLOAD_CHANNEL,
  downloadChannelFor,
  isKnownBasisRelease,
  NOTE_DOWNLOAD_RFC_DESTINATIONS,
  parseBasis,
  RFC_GENERIC_USERS,
} from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

/** At most this many "use communication user X" fixes when the system names none. */
const MAX_USER_FIXES = 5;

const GENERIC = new Set(RFC_GENERIC_USERS.map((u) => u.toUpperCase()));
const RFC_ROW = DOWNLOAD_CHANNEL.find((r) => r.action === 'replace-generic-user');
const RFC_RANGE = RFC_ROW ? `${RFC_ROW.fromRelease}–${RFC_ROW.toRelease ?? ''}` : '';
const NOTES = `SAP Notes ${COMMUNICATION_USER_NOTES.replaceGenericUsers} and ${COMMUNICATION_USER_NOTES.request}`;

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const commUsers = Object.keys(ctx.model.communicationUsers);
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
        // Which user belongs to the system is the admin's choice; only a single candidate is preferred.
        const candidates = commUsers.slice(0, MAX_USER_FIXES);
        for (const u of candidates) {
          const desc = ctx.model.communicationUsers[u]?.description;
          fixes.push({
            title: `Use technical communication user ${u}${desc ? ` (${desc})` : ''} in ${dest}`,
            edits: editor.setValue(userPath, u),
            isPreferred: commUsers.length === 1 ? true : undefined,
          });
        }
      }
      out.push({
        message: `RFC destination ${dest} logs on with the generic user ${user}: on SAP_BASIS ${basis.text} replace it with ${s.communicationUser ? `the technical communication user ${s.communicationUser}` : 'a technical communication user'} (${NOTES}); Note Assistant needs that user to download digitally signed SAP Notes (guide 2.3)`,
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
  // the system's destinations and communicationUser, plus the declared communicationUsers (not a system)
  scope: 'system',
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
      `fix per user of \`communicationUsers\` (at most ${MAX_USER_FIXES}).`,
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
