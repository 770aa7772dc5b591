import { isConnected } from '../core/model';
import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';
import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import type { Fix } from '../core/types';
import {
  COMMUNICATION_USER_NOTES,
  DESTINATION_TRANSACTION,
  DOWNLOAD_CHANNEL,
  downloadChannelFor,
  inEffect,
  knows,
  LEGACY_INFRASTRUCTURE_RETIREMENT_DATE,
  LEGACY_SHUTDOWN,
  LEGACY_RFC_DESTINATIONS,
  legacyDestination,
  newDestination,
  parseBasis,
  RFC_SHUTDOWN,
  SDCCN_PROCEDURE,
  TASK_LIST_OSS_COMM,
  tense,
} from '../knowledge';
import type { DestinationReplacement, KnowledgeContext, LegacyDestination } from '../knowledge';
import { listItemIndex, logonUserFor, mergeInserts } from './connectivity-shared';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { systemRange } from './shared';

const SDCCN = SDCCN_PROCEDURE;
/** The row that is legacy only with the generic user (SAPOSS); documentation only. */
const SAPOSS_ROW = (LEGACY_RFC_DESTINATIONS.find((r) => r.legacyOnlyIf) ?? LEGACY_RFC_DESTINATIONS[0]) as LegacyDestination;
/** A row replaced by several typed HTTPS destinations (SAP-OSS), for the examples. */
const SAP_OSS_ROW = (LEGACY_RFC_DESTINATIONS.find((r) => !r.legacyOnlyIf && r.replacements.filter((x) => newDestination(x.name)?.type).length > 1) ??
  LEGACY_RFC_DESTINATIONS[0]) as LegacyDestination;
const SAPOSS = SAPOSS_ROW.name;
const SAPOSS_USER = SAPOSS_ROW.legacyOnlyIf?.users[0] ?? SAPOSS_ROW.logonUser;
const SAPOSS_TYPES = (SAPOSS_ROW.legacyOnlyIf?.types ?? []).join('/');
/** The SAP_BASIS releases on which Note Assistant still downloads through RFC ("700–731"). */
const RFC_RELEASES = DOWNLOAD_CHANNEL.filter((r) => r.rfcDownloadPossible).map((r) => `${r.fromRelease}–${r.toRelease ?? ''}`).join(', ');

/**
 * Whether a destination that the guide lists as both old and new (SAPOSS) stays on this system,
 * logging on with a technical communication user: in SAP Solution Manager, and where Note
 * Assistant still downloads through RFC (700–731, guide 2.1.4.2). undefined = basis unknown.
 */
function staysWithCommunicationUser(s: SystemDef): boolean | undefined {
  if (s.role === 'solman') return true;
  if (s.role === 'frun') return false;
  const basis = parseBasis(s.basis);
  const channel = basis ? downloadChannelFor(basis.release) : undefined;
  return channel ? channel.rfcDownloadPossible : undefined;
}

const stripDot = (t: string): string => t.replace(/\.\s*$/, '');

function oldLogon(row: LegacyDestination): string {
  return row.logonUserNote !== undefined ? `logon user: see SAP Note ${row.logonUserNote}` : `logon user ${row.logonUser}`;
}

/** The typed replacements that are not yet listed, in the knowledge table's order. */
function missingTyped(s: SystemDef, replacements: readonly DestinationReplacement[]): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const r of replacements) {
    const type = newDestination(r.name)?.type;
    if (type && !(r.name in s.destinations)) out.push({ name: r.name, type });
  }
  return out;
}

/** Edits that take a legacy destination out of `sdccn.destinations` (guide 4.1 step 1). */
function sdccnEdits(doc: LandscapeDocument, s: SystemDef, name: string): { edits: TextEdit[]; text: string } | undefined {
  const listPath = sysPath(s, 'sdccn', 'destinations');
  const idx = listItemIndex(doc, listPath, name);
  if (idx < 0) return undefined;
  if (!s.sdccn?.destinations?.includes(SDCCN.requiredDestination)) {
    return { edits: new DocEditor(doc).setValue([...listPath, idx], SDCCN.requiredDestination), text: `switch SDCCN to ${SDCCN.requiredDestination}` };
  }
  const edits = new DocEditor(doc).removeListItem(listPath, idx);
  return edits.length ? { edits, text: 'remove it from SDCCN' } : undefined;
}

/**
 * Renames the legacy entry to its first missing replacement and sets type and user, then adds
 * the other missing replacements. Renaming in place (instead of remove + add) keeps the edits
 * independent of each other in every style, including a map whose only entry is the legacy one.
 */
function replaceEdits(doc: LandscapeDocument, ed: DocEditor, s: SystemDef, name: string, targets: { name: string; type: string }[]): TextEdit[] | undefined {
  const path = sysPath(s, 'destinations', name);
  const value = doc.nodeAt(path).value;
  if (!value || !isMap(value)) return undefined;
  const pairs = (value as YAMLMap).items as Pair[];
  const has = (k: string): boolean => pairs.some((p) => isScalar(p.key) && p.key.value === k);
  // without a type to overwrite, the renamed entry could end up with two insertions in one place
  if (!has('type')) return undefined;
  const [first, ...rest] = targets;
  if (!first) return undefined;
  const user = logonUserFor(s);
  const edits: TextEdit[] = [...ed.renameKey(path, first.name), ...ed.setValue([...path, 'type'], first.type)];
  if (user) edits.push(...ed.setValue([...path, 'user'], user));
  else if (has('user')) edits.push(...ed.removeKey([...path, 'user']));
  for (const t of rest) edits.push(...ed.insertKey(sysPath(s, 'destinations'), t.name, user ? { type: t.type, user } : { type: t.type }));
  return edits;
}

function describe(targets: readonly { name: string; type: string }[]): string {
  return targets.map((t) => `${t.name} (type ${t.type})`).join(' and ');
}

/**
 * The message of a destination that is replaced (the one place its text is built). Guide 2.1.5
 * lists the old destinations as replaced and no longer used; it never says to delete them, so the
 * message does not either. Under baseline current it says why they cannot work any more.
 */
function replacedMessage(k: KnowledgeContext, name: string, names: readonly string[], was: string): string {
  const https = `HTTPS destination${names.length > 1 ? 's' : ''} ${names.join(' and ')}`;
  if (inEffect(k, RFC_SHUTDOWN)) {
    return `Legacy RFC destination ${name} no longer reaches SAP: SAP closed all RFC connections from customer systems on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}); its functions use ${https}, created by task list ${TASK_LIST_OSS_COMM.name}; whether to delete it in ${DESTINATION_TRANSACTION} is up to your policy (old ${was})`;
  }
  const base = `Legacy RFC destination ${name} is replaced by ${https}, created by task list ${TASK_LIST_OSS_COMM.name} (guide 2.1.5)`;
  if (!knows(k, LEGACY_SHUTDOWN)) return `${base}: it is no longer used once they work (old ${was})`;
  return `${base}: the legacy infrastructure ${tense(k, LEGACY_SHUTDOWN.effective, 'was shut down on', 'is shut down on')} and all RFC connections to SAP close on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}) (old ${was})`;
}

function checkOne(ctx: RuleContext, ed: DocEditor, s: SystemDef, name: string, row: LegacyDestination): RuleFinding {
  const { doc } = ctx;
  const path = sysPath(s, 'destinations', name);
  const recorded = s.destinations[name];
  const user = logonUserFor(s);
  const self = row.replacements.find((r) => r.name === row.name);
  // since the RFC shutdown SAPOSS does not stay anywhere: no user makes it reach SAP
  const rfcClosed = inEffect(ctx, RFC_SHUTDOWN);
  const stays = self && !rfcClosed ? staysWithCommunicationUser(s) : false;
  const was = `${oldLogon(row)}, use: ${stripDot(row.use)}`;
  const fixes: Fix[] = [];
  let message: string;
  let replacements: readonly DestinationReplacement[];

  const userFix = (): void => {
    if (user) fixes.push({ title: `Log on to ${name} with technical communication user ${user}`, edits: ed.setValue([...path, 'user'], user), isPreferred: true });
  };

  const now = recorded?.user !== undefined ? `logs on with the generic user ${recorded.user}` : `(type ${recorded?.type ?? '?'}) has no technical communication user recorded`;
  const instead = recorded?.user !== undefined ? ` instead of ${recorded.user}` : '';
  const newUser = user
    ? `technical communication user ${user}${instead}`
    : `a technical communication user${instead} (request it: SAP Note ${COMMUNICATION_USER_NOTES.request}; replace generic users: SAP Note ${COMMUNICATION_USER_NOTES.replaceGenericUsers})`;

  if (self && stays === true) {
    // SAPOSS on 700-731 or in SAP Solution Manager: the destination stays, its user changes.
    replacements = [self];
    const whereText = s.role === 'solman' ? 'in SAP Solution Manager' : `on SAP_BASIS ${parseBasis(s.basis)?.release ?? ''}`;
    message = `Legacy RFC destination ${name} ${now}: ${whereText} ${name} stays, logging on with ${newUser} (guide 2.1.5 "New Connections"; old ${was})`;
    userFix();
  } else if (self && stays === undefined) {
    // SAP_BASIS unknown: whether it stays or goes depends on the release; removing it could
    // break note download on 700-731, so only the user change is offered.
    replacements = row.replacements;
    const options = replacements.map((r) => `${r.name === name ? `${name} with ${newUser}` : `HTTPS destination ${r.name}`} (${stripDot(r.reason)})`);
    message = `Legacy RFC destination ${name} ${now}: it is replaced by ${options.join(', or by ')}; record basis to decide (old ${was})`;
    userFix();
  } else {
    replacements = self ? row.replacements.filter((r) => r !== self) : row.replacements;
    const names = replacements.map((r) => r.name);
    message = replacedMessage(ctx, name, names, was);
    const sdccn = sdccnEdits(doc, s, name);
    if (s.sdccn?.destinations?.includes(name)) {
      const step = s.sdccn.destinations.includes(SDCCN.requiredDestination) ? 'remove it there' : `replace it by ${SDCCN.requiredDestination}`;
      message += `. SDCCN still uses it: in transaction ${SDCCN.transaction} ${step} (guide ${SDCCN.section})`;
    }
    const removal = [...ed.removeKey(path), ...(sdccn?.edits ?? [])];
    if (removal.length) {
      fixes.push({ title: `Remove legacy destination ${name}${sdccn ? ` and ${sdccn.text}` : ''}`, edits: removal, isPreferred: true });
    }
    const missing = missingTyped(s, replacements);
    const replace = missing.length ? replaceEdits(doc, ed, s, name, missing) : undefined;
    if (replace) {
      fixes.push({
        title: `Replace legacy destination ${name} by ${describe(missing)}${sdccn ? ` and ${sdccn.text}` : ''}`,
        edits: mergeInserts([...replace, ...(sdccn?.edits ?? [])]),
      });
    }
  }
  return {
    message,
    range: doc.rangeOfKey(path) ?? systemRange(doc, s),
    system: s.sid,
    // struck through (deprecated) only where the message says the destination goes: SAPOSS that
    // stays (700-731, SolMan) or may stay (basis unknown) only changes its logon user (issue 14)
    ...(self && stays !== false ? {} : { tags: [2] as (1 | 2)[] }),
    data: {
      destination: name,
      replacements: replacements.map((r) => r.name),
      oldLogonUser: row.logonUser,
      staysWithCommunicationUser: self ? stays ?? null : null,
      usedBySdccn: s.sdccn?.destinations?.includes(name) ?? false,
    },
    fixes: fixes.length ? fixes : undefined,
  };
}

/**
 * legacy-destination (guide 2.1.5): RFC destinations of the old support backbone still recorded
 * in SM59, on connected systems (SolMan, Focused Run, direct ABAP): spec §2 gives ABAP systems
 * connected through SolMan / Focused Run / not at all the Note Assistant rules only.
 */
export const rule: Rule = {
  // only the system's destinations, sdccn, basis and own users
  scope: 'system',
  meta: {
    id: 'legacy-destination',
    title: 'Legacy RFC destination still configured',
    severity: 'info',
    section: '2.1.5',
    description: [
      'The support backbone is reached over HTTPS now; the RFC destinations used before (guide 2.1.5, "Previous RFC Connections to the Support Backbone") are replaced by the HTTPS destinations that task list ' +
        `\`${TASK_LIST_OSS_COMM.name}\` creates ("New Connections to the Support Backbone"). Reported on every connected system (SAP Solution Manager, Focused Run, ABAP with direct connectivity) that still lists one of them under \`destinations\`; ABAP systems that connect through SolMan or Focused Run, or not at all, need no channel work (they get the Note Assistant rules only):`,
      '',
      '| Legacy destination | Old logon user | Replaced by |',
      '|---|---|---|',
      ...LEGACY_RFC_DESTINATIONS.map((r) => `| \`${r.name}\` | ${r.logonUser} | ${r.replacements.map((x) => `\`${x.name}\` (${stripDot(x.reason)})`).join('; ')} |`),
      '',
      `\`${SAPOSS}\` counts as legacy only while it logs on with \`${SAPOSS_USER}\` (or, with no user recorded, is of type ${SAPOSS_TYPES}): on SAP_BASIS ${RFC_RELEASES} and in SAP Solution Manager it stays, with a technical communication user (guide 2.1.4.2 and 2.1.5), and the message asks for exactly that.`,
      '',
      `They lead to the legacy RFC infrastructure, which is switched off on ${LEGACY_INFRASTRUCTURE_RETIREMENT_DATE} (guide 1): whatever still uses them loses its connection to SAP. The finding is an info (a recommendation of the guide) tagged as deprecated. The guide says they are replaced and no longer used; it does not say to delete them, and neither does the message.`,
      '',
      `Baseline \`current\`: the legacy infrastructure was shut down on ${LEGACY_SHUTDOWN.effective}, and SAP closed all RFC connections from customer systems on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}). From that date the message says the destination no longer reaches SAP, and \`${SAPOSS}\` of type ${SAPOSS_TYPES} counts as legacy with any user (also on SAP_BASIS ${RFC_RELEASES} and in SAP Solution Manager); whether to delete a destination is left to your policy.`,
      '',
      `Quick-fixes: remove the destination (if SDCCN still uses it, \`sdccn.destinations\` is switched to \`${SDCCN.requiredDestination}\` in the same step, so nothing is left pointing at a removed destination); replace it by its missing HTTPS destination(s) of known type (${SAP_OSS_ROW.replacements.map((r) => `\`${r.name}\` type ${newDestination(r.name)?.type ?? '?'}`).join(', ')}), logging on with the system's \`communicationUser\`; for \`${SAPOSS}\` that stays, set its user to \`communicationUser\`.`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    destinations:',
      `      ${SAP_OSS_ROW.name}: { type: "3" }`,
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    destinations:',
      ...SAP_OSS_ROW.replacements.map((r) => `      ${r.name}: { type: ${newDestination(r.name)?.type ?? 'H'} }`),
      '',
    ].join('\n'),
    fixable: true,
  },
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    const ed = new DocEditor(ctx.doc);
    const rfcClosed = inEffect(ctx, RFC_SHUTDOWN);
    for (const s of ctx.model.systems) {
      // spec §2: ABAP systems connected through SolMan / Focused Run / not at all need no channel
      // work; their rules are the Note Assistant ones only
      if (!isConnected(s)) continue;
      for (const [name, recorded] of Object.entries(s.destinations)) {
        const row = legacyDestination(name, recorded, rfcClosed);
        if (row) out.push(checkOne(ctx, ed, s, name, row));
      }
    }
    return out;
  },
};
