import { DocEditor } from '../core/edits';
import type { Fix } from '../core/types';
import { COMMUNICATION_USER_NOTES, isSUserId } from '../knowledge';
import { declaredUsers, isDeclaredUser, preferFirstIf } from './landscape-shared';
import { NearestIndex } from './nearest';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

const REQUEST_NOTE = COMMUNICATION_USER_NOTES.request;

/** How many SIDs the description of a newly declared user names ("Used by A, B and 3 more"). */
const MAX_NAMED_SYSTEMS = 10;

/** "A, B and C"; beyond MAX_NAMED_SYSTEMS the first ones and "N more". */
function usedBy(sids: readonly string[]): string {
  return sids.length > MAX_NAMED_SYSTEMS ? listText([...sids.slice(0, MAX_NAMED_SYSTEMS), `${sids.length - MAX_NAMED_SYSTEMS} more`]) : listText(sids);
}

/**
 * Guide 2.3: a system's `communicationUser` must be one of the technical communication users
 * declared under `communicationUsers`. (`solmanSetup.backendUser` is checked by rule
 * solman-setup, which owns every check of the SOLMAN_SETUP logon data, so nothing is reported twice.)
 */
export const rule: Rule = {
  // the declare fix names every system that uses the undeclared user
  scope: 'landscape',
  meta: {
    id: 'comm-user-unknown',
    title: 'Communication user not declared',
    severity: 'error',
    section: '2.3',
    description: [
      'A system\'s `communicationUser` must be a key of the top-level `communicationUsers` map, the list of technical',
      `communication users requested for the landscape (SAP Note ${REQUEST_NOTE}). An undeclared user is usually a typo, or a`,
      'regular S-user — which cannot be converted into a technical communication user and cannot be used for the support backbone.',
      '',
      'Quick-fixes: the closest declared user ("did you mean"), or declare the user under `communicationUsers`.',
      '',
      '`solmanSetup.backendUser` of SAP Solution Manager is checked by rule `solman-setup`.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: ERP track }',
      'systems:',
      '  EDV:',
      '    role: abap',
      '    connection: direct',
      '    communicationUser: S0023456788',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'communicationUsers:',
      '  S0023456789: { description: ERP track }',
      'systems:',
      '  EDV:',
      '    role: abap',
      '    connection: direct',
      '    communicationUser: S0023456789',
      '',
    ].join('\n'),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    const declared = declaredUsers(model);
    // once per check: the systems of each undeclared user, and a "did you mean" index of the declared users
    const sharingOf = new Map<string, string[]>();
    for (const s of model.systems) {
      const user = s.communicationUser;
      if (user === undefined || isDeclaredUser(model, user)) continue;
      const list = sharingOf.get(user);
      if (list) list.push(s.sid);
      else sharingOf.set(user, [s.sid]);
    }
    const nearest = sharingOf.size ? new NearestIndex(declared) : undefined;
    const guesses = new Map<string, string | undefined>();
    for (const s of model.systems) {
      const user = s.communicationUser;
      if (user === undefined || isDeclaredUser(model, user)) continue;
      if (!guesses.has(user)) guesses.set(user, nearest?.closest(user));
      const guess = guesses.get(user);
      const sharing = sharingOf.get(user) ?? [s.sid];
      const fixes: Fix[] = [];
      if (guess !== undefined) {
        fixes.push({ title: `Set communicationUser to ${guess} (did you mean it?)`, edits: editor.setValue(sysPath(s, 'communicationUser'), guess) });
      }
      // a key that is not an S-user id would only trade this finding for a schema error
      if (isSUserId(user)) {
        fixes.push({
          title: `Declare ${user} under communicationUsers`,
          edits: editor.insertKey(['communicationUsers'], user, { description: `Used by ${usedBy(sharing)}` }),
        });
      }
      const advice = guess !== undefined
        ? `did you mean ${guess}? Otherwise declare it under communicationUsers`
        : declared.length
          ? `use one of the declared users (${declared.length > 5 ? `${declared.slice(0, 5).join(', ')} …` : listText(declared)}) or declare it under communicationUsers`
          : 'declare it under communicationUsers';
      out.push({
        message: `communicationUser ${user} is not a declared technical communication user: ${advice} (a technical communication user requested per SAP Note ${REQUEST_NOTE}; a regular S-user cannot be used)`,
        range: fieldRange(doc, s, 'communicationUser'),
        system: s.sid,
        data: { user, suggestion: guess, declared },
        // a "did you mean" among sequential S-user ids and "declare it" are both guesses: none is preferred
        fixes: preferFirstIf(false, fixes),
      });
    }
    return out;
  },
};
