import { DocEditor } from '../core/edits';
import type { LandscapeModel, SystemDef } from '../core/model';
import type { Fix } from '../core/types';
import { COMMUNICATION_USER_NOTES, inEffect, isSUserId, S_USER_LIFETIME, SOLMAN_SETUP_RFC_CONNECTIVITY } from '../knowledge';
import type { SolmanSetupField } from '../knowledge';
import { declaredUsers, isDeclaredUser, keyRange, MAX_USER_CANDIDATES, preferFirstIf, rawAt, sidKeyRange, trackGroups, UserRanking } from './landscape-shared';
import { NearestIndex } from './nearest';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

const STEP = SOLMAN_SETUP_RFC_CONNECTIVITY;
const REQUEST_NOTE = COMMUNICATION_USER_NOTES.request;

function field(expects: SolmanSetupField['expects']): SolmanSetupField {
  const f = STEP.fields.find((x) => x.expects === expects);
  if (!f) throw new Error(`SOLMAN_SETUP field for ${expects} missing from the knowledge table`);
  return f;
}
const BACKEND = field('technical-communication-user');
const CORPORATE = field('corporate-s-user');
const BACKEND_KEY = BACKEND.key ?? 'backendUser';
const CORPORATE_KEY = CORPORATE.key ?? 'communicationUser';

/** "enter … as "S-User for SAP Backend" … then Maintain Connections" (guide 5.1 procedure). */
const PROCEDURE = `in ${STEP.path} enter a technical communication user as "${BACKEND.label}" (with its password) and a corporate S-user as "${CORPORATE.label}", then click ${STEP.action}`;

/** Technical communication users worth proposing as backend user, best first (at most MAX_USER_CANDIDATES). */
function backendCandidates(model: LandscapeModel, s: SystemDef, ranking: UserRanking): string[] {
  const own = ownUser(model, s);
  return [...new Set([...(own !== undefined ? [own] : []), ...ranking.for(s, MAX_USER_CANDIDATES)])].slice(0, MAX_USER_CANDIDATES);
}

/** The system's own communicationUser when it is a declared technical communication user. */
function ownUser(model: LandscapeModel, s: SystemDef): string | undefined {
  return s.communicationUser !== undefined && isDeclaredUser(model, s.communicationUser) ? s.communicationUser : undefined;
}

/** Baseline current: the corporate S-user of SOLMAN_SETUP expires (the one place the text is built). */
function sUserExpiryMessage(user: string): string {
  const l = S_USER_LIFETIME;
  return `"${CORPORATE.label}" ${user} is a corporate S-user: S-users expire since ${l.effective} (after ${l.defaultMonths} months by default, extendable to ${l.maxMonths}; KBA ${l.kba}), technical communication users do not — extend it in time, or ${STEP.transaction} step ${STEP.step} loses its connection to SAP when it expires`;
}

function example(setup: string[]): string {
  return [
    'landscape: Example',
    'communicationUsers:',
    '  S0023456790: { description: Solution Manager }',
    'systems:',
    '  SOL:',
    '    role: solman',
    '    release: 7.2 SPS08',
    '    communicationUser: S0023456790',
    ...setup,
    '',
  ].join('\n');
}

/**
 * Guide 5.1: the SOLMAN_SETUP logon data of SAP Solution Manager — a technical communication user
 * as "S-User for SAP Backend" and a corporate S-user as "S-User for Communication". This rule owns
 * every check of `solmanSetup`, including a backend user that is not declared under
 * `communicationUsers` (rule comm-user-unknown does not look at it).
 */
export const rule: Rule = {
  // the backendUser candidates are ranked by what the other systems use
  scope: 'landscape',
  meta: {
    id: 'solman-setup',
    title: 'SOLMAN_SETUP RFC connectivity logon data',
    severity: 'error',
    section: '5.1',
    description: [
      `SAP Solution Manager systems (\`role: solman\`) record the logon data of *${STEP.transaction}* > *${STEP.scenario}* > step`,
      `${STEP.step} *${STEP.stepName}* > *${STEP.sectionName}* in \`solmanSetup\` (guide 5.1):`,
      '',
      `| Field in ${STEP.transaction} | Required entry | key |`,
      '|---|---|---|',
      ...STEP.fields.map((f) => `| ${f.label} | ${f.description} | ${f.key ? `\`solmanSetup.${f.key}\`` : 'never stored in the file'} |`),
      '',
      'Errors:',
      '- `solmanSetup` is missing;',
      `- \`${BACKEND_KEY}\` is missing or is not a technical communication user (a key of \`communicationUsers\`, SAP Note ${REQUEST_NOTE});`,
      `- \`${CORPORATE_KEY}\` is missing or is a technical communication user — it must be a corporate S-user.`,
      '',
      `Then click *${STEP.action}* to establish the connection to the support backbone. **Without it**, SAP Solution Manager`,
      'cannot connect to the support backbone.',
      '',
      'Quick-fixes record the technical communication user (the system\'s own `communicationUser` first) and swap the two users',
      'when they were entered the wrong way round. The corporate S-user is never guessed.',
      '',
      `Baseline \`current\`: S-users expire since ${S_USER_LIFETIME.effective} (technical communication users do not), so a valid \`${CORPORATE_KEY}\` gets an **info** to extend it in time (KBA ${S_USER_LIFETIME.kba}).`,
    ].join('\n'),
    badExample: example(['    solmanSetup:', '      backendUser: S0001234567', '      communicationUser: S0023456790']),
    goodExample: example(['    solmanSetup:', '      backendUser: S0023456790', '      communicationUser: S0001234567']),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    const declared = declaredUsers(model);
    const sUsersExpire = inEffect(ctx, S_USER_LIFETIME);
    // built on first use, once per check: the ranking reads every system, the index every user
    let ranking: UserRanking | undefined;
    const ranked = (): UserRanking => (ranking ??= new UserRanking(model, trackGroups(model)));
    let nearest: NearestIndex | undefined;
    for (const s of model.systems) {
      if (s.role !== 'solman') continue;
      const setupPath = sysPath(s, 'solmanSetup');
      if (!s.keys.has('solmanSetup')) {
        const user = backendCandidates(model, s, ranked())[0];
        out.push({
          message: `SAP Solution Manager ${s.sid} has no solmanSetup: ${PROCEDURE}; record both users in solmanSetup`,
          range: sidKeyRange(doc, s),
          system: s.sid,
          data: { missing: 'solmanSetup' },
          // the system's own technical communication user is the entry the guide asks for; another one is a guess
          fixes: user === undefined ? [] : preferFirstIf(user === ownUser(model, s), [{
            title: `Add solmanSetup with ${BACKEND_KEY} ${user}`,
            edits: editor.setValue(setupPath, { [BACKEND_KEY]: user }),
          }]),
        });
        continue;
      }
      // present but not a map: the schema reports it
      if (s.solmanSetup === undefined) continue;
      const setup = s.solmanSetup;
      const backendPath = sysPath(s, 'solmanSetup', BACKEND_KEY);
      const corporatePath = sysPath(s, 'solmanSetup', CORPORATE_KEY);
      const backendRaw = rawAt(doc, backendPath);
      const corporateRaw = rawAt(doc, corporatePath);
      const backend = setup.backendUser;
      const corporate = setup.communicationUser;
      const backendIsTechnical = backend !== undefined && isDeclaredUser(model, backend);
      const corporateIsTechnical = corporate !== undefined && isDeclaredUser(model, corporate);
      // the two users entered the wrong way round: swapping them fixes both findings
      const swap: Fix[] = backend !== undefined && corporate !== undefined && !backendIsTechnical && corporateIsTechnical && isSUserId(backend) && isSUserId(corporate)
        ? [{
            title: `Swap ${BACKEND_KEY} and ${CORPORATE_KEY} (${corporate} is the technical communication user)`,
            edits: [...editor.setValue(backendPath, corporate), ...editor.setValue(corporatePath, backend)],
          }]
        : [];

      if (backendRaw === undefined) {
        const candidates = backendCandidates(model, s, ranked());
        out.push({
          message: `solmanSetup of ${s.sid} has no ${BACKEND_KEY} ("${BACKEND.label}"): ${PROCEDURE}; record the technical communication user in ${BACKEND_KEY}`,
          range: keyRange(doc, setupPath),
          system: s.sid,
          data: { missing: BACKEND_KEY, candidates },
          fixes: preferFirstIf(candidates[0] !== undefined && candidates[0] === ownUser(model, s), candidates.map((u) => ({ title: `Set ${BACKEND_KEY} to ${u}`, edits: editor.setValue(backendPath, u) }))),
        });
      } else if (backend !== undefined && !backendIsTechnical) {
        const guess = (nearest ??= new NearestIndex(declared)).closest(backend);
        const fixes: Fix[] = [...swap];
        if (guess !== undefined) fixes.push({ title: `Set ${BACKEND_KEY} to ${guess} (did you mean it?)`, edits: editor.setValue(backendPath, guess) });
        const own = s.communicationUser;
        if (own !== undefined && own !== guess && isDeclaredUser(model, own)) {
          fixes.push({ title: `Set ${BACKEND_KEY} to ${own} (the communicationUser of ${s.sid})`, edits: editor.setValue(backendPath, own) });
        }
        if (isSUserId(backend) && backend !== corporate) {
          fixes.push({
            title: `Declare ${backend} under communicationUsers`,
            edits: editor.insertKey(['communicationUsers'], backend, { description: `${s.sid} ${STEP.transaction} backend user` }),
          });
        }
        const hint = backend === corporate
          ? `it is the same user as ${CORPORATE_KEY} ("${CORPORATE.label}", a corporate S-user)`
          : guess !== undefined ? `did you mean ${guess}?` : 'declare it under communicationUsers if it is one';
        out.push({
          message: `"${BACKEND.label}" ${backend} is not a technical communication user (not declared under communicationUsers): ${STEP.transaction} step ${STEP.step} needs a technical communication user there (SAP Note ${REQUEST_NOTE}); ${hint}`,
          range: fieldRange(doc, s, 'solmanSetup', BACKEND_KEY),
          system: s.sid,
          data: { field: BACKEND_KEY, user: backend, suggestion: guess },
          // swapping is preferred; "did you mean", the own user and "declare it" are competing guesses
          fixes: preferFirstIf(swap.length > 0, fixes),
        });
      }

      if (corporateRaw === undefined) {
        out.push({
          message: `solmanSetup of ${s.sid} has no ${CORPORATE_KEY} ("${CORPORATE.label}"): enter a corporate S-user there in ${STEP.transaction} step ${STEP.step} ${STEP.stepName} and record it in ${CORPORATE_KEY}`,
          range: keyRange(doc, setupPath),
          system: s.sid,
          data: { missing: CORPORATE_KEY },
        });
      } else if (corporate !== undefined && corporateIsTechnical) {
        out.push({
          message: `"${CORPORATE.label}" ${corporate} is a technical communication user: ${STEP.transaction} step ${STEP.step} needs a corporate S-user there (the technical communication user belongs in "${BACKEND.label}")`,
          range: fieldRange(doc, s, 'solmanSetup', CORPORATE_KEY),
          system: s.sid,
          data: { field: CORPORATE_KEY, user: corporate },
          fixes: preferFirstIf(true, swap),
        });
      } else if (corporate !== undefined && sUsersExpire && isSUserId(corporate)) {
        out.push({
          severity: 'info',
          message: sUserExpiryMessage(corporate),
          range: fieldRange(doc, s, 'solmanSetup', CORPORATE_KEY),
          system: s.sid,
          data: { field: CORPORATE_KEY, user: corporate, expiresSince: S_USER_LIFETIME.effective, kba: S_USER_LIFETIME.kba },
        });
      }
    }
    return out;
  },
};
