/**
 * Hover: what the guide says about the thing under the cursor — SAP Notes, task lists,
 * transactions and reports, components and their levels, SAP_BASIS levels, destinations,
 * certificates, profile parameters and values, roles, users, systems — and the schema's
 * description of every key. Markdown, short, with links to the SAP Notes. All facts are read
 * from the knowledge tables and the schema.
 */
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import type { LintResult } from '../core/lint';
import type { SystemDef } from '../core/model';
import { isDirectAbap, usesNoteAssistant } from '../core/model';
import {
  basisHasDigitalSignature,
  basisHasTci,
  CERTIFICATE_SOURCE,
  CIPHERSUITE_VALUES,
  ciphersuiteValue,
  COMMUNICATION_USER_FACTS,
  COMMUNICATION_USER_NOTES,
  connectionTypeInfo,
  DIGITAL_SIGNATURE_MIN_SP,
  digitalSignatureNotesFor,
  digitalSignatureThreshold,
  DOWNLOAD_CHANNEL,
  downloadChannelFor,
  formatThreshold,
  FRUN_RELEASES,
  frunReleaseRow,
  guideSection,
  isSupportedBasisRelease,
  MIN_SUPPORTED_BASIS_RELEASE,
  LEGACY_RFC_DESTINATIONS,
  legacyDestination,
  lookup,
  minimumStApiFor,
  minimumStPiFor,
  NEW_HTTPS_DESTINATIONS,
  newDestination,
  NOTE_DOWNLOAD_REPORT,
  noteDownloadProcedureLabel,
  noteInfo,
  noteLink,
  parseBasis,
  parseFrunRelease,
  parseSolmanRelease,
  parseStApi,
  parseStPi,
  PLUGIN_COMPONENTS,
  PLUGIN_DEPENDENT_APPLICATIONS,
  profileParameter,
  RFC_GENERIC_USERS,
  ROOT_CA_CERTIFICATES,
  SAPROUTER_CHECK,
  saprouterCheckRequired,
  SDCCN_PREREQUISITES,
  SDCCN_PROCEDURE,
  SOLMAN_CONNECTIVITY,
  SOLMAN_RECOMMENDED_TARGET,
  SOLMAN_SETUP_RFC_CONNECTIVITY,
  SOLMAN_SUPPORT_HUB_TASK_LIST,
  solmanConnectivityRow,
  solmanNeedsSupportHubTaskList,
  SPAM_MIN_VERSION_FOR_TCI,
  SSL_CLIENT_PSES,
  sslClientPseKey,
  ST_A_PI_REQUIREMENT,
  ST_PI_REQUIREMENTS,
  stApiMeetsMinimum,
  stPiMeetsMinimum,
  stPiRequirementFor,
  TASK_LISTS,
  taskListInfo,
  tciAvailability,
  TCI_FOLLOW_UP_NOTE,
  TCI_PROCEDURE,
  tciProcedure,
  tciThreshold,
  TLS_FACTS,
  transactionInfo,
  TRUST_ANCHORS,
} from '../knowledge';
import type { GuideSectionId, RootCaName } from '../knowledge';
import type { LandscapeDocument } from '../core/document';
import type { Segment } from './nodeAtOffset';
import { commentColumn, cursorContext, nodeAtOffset } from './nodeAtOffset';
import type { LackingNote, Schema } from './landscapeFacts';
import type { KnowledgeContext, KnowledgeUpdate } from '../knowledge';
import {
  CIPHERSUITE_NO_3DES,
  FRUN_LATER_RELEASES,
  FRUN_REQUIRED_RELEASE,
  inEffect,
  reached,
  knows,
  LATER_NOTES,
  LEGACY_SHUTDOWN,
  RFC_SHUTDOWN,
  ROOT_CA_MOVE,
  SOLMAN_END_OF_MAINTENANCE,
  tense,
  TLS_VERSIONS,
} from '../knowledge';
import { andList, code, enumDescription, isNamedProperty, lackingNotes, landscapeIndex, noteRef, ROLE_NAMES, schemaAt, schemaText, sec, systemOfPath, tciOf } from './landscapeFacts';


function md(lines: (string | undefined | false)[]): string {
  return lines.filter((l): l is string => typeof l === 'string').join('\n');
}

/** `- Guide: §2.1.5 *Setting Up Connections to the Support Backbone*, §4.3 *…*` */
function guideLine(ids: readonly GuideSectionId[]): string | undefined {
  return ids.length ? `- Guide: ${ids.map((id) => `§${id} *${guideSection(id)?.title ?? ''}*`).join(', ')}` : undefined;
}

// ------------------------------------------------------------------------ dated updates

/**
 * A hover line of a dated update (baseline current only), saying where it comes from:
 * "- text (update of 2020-11-30, high confidence; baseline `current`)".
 */
function updateLine(k: KnowledgeContext | undefined, u: KnowledgeUpdate, text: string, beforeToo = false): string | undefined {
  // a line whose text has a tense shows before the date too; any other from the effective date on
  if (!k || !(beforeToo ? knows(k, u) : inEffect(k, u))) return undefined;
  return `- ${text} (update of ${u.effective}, ${u.confidence} confidence; baseline ${code('current')}, see docs/knowledge.md)`;
}

/** Lines about the old backbone's dates for a legacy destination or Focused Run 1.0. */
function legacyLines(k: KnowledgeContext | undefined): (string | undefined)[] {
  if (!k) return [];
  return [
    updateLine(k, LEGACY_SHUTDOWN, `The legacy support backbone ${tense(k, LEGACY_SHUTDOWN.effective, 'was shut down on', 'is shut down on')} (the guide said January 1, 2020)`, true),
    updateLine(k, RFC_SHUTDOWN, `All RFC connections to SAP ${tense(k, RFC_SHUTDOWN.effective, 'were closed on', 'close on')} (${noteRef(RFC_SHUTDOWN.note)}): ${reached(k, RFC_SHUTDOWN.effective) ? 'no RFC destination reaches SAP' : 'then no RFC destination reaches SAP'}, with any user`, true),
  ];
}

// ------------------------------------------------------------------------------- SAP Notes

/**
 * Markdown for an SAP Note: title, what the guide uses it for, releases, packages, link, and
 * whether the system has it.
 * @param lacking the system's lacking notes when already computed (completion lists many notes)
 */
export function noteMarkdown(n: number, result?: LintResult, sys?: SystemDef, lacking?: readonly LackingNote[]): string {
  const info = noteInfo(n);
  const k = result?.knowledge;
  const later = !info && k && k.baseline.updates.length ? LATER_NOTES.find((l) => l.number === n) : undefined;
  if (later) {
    const u = k!.baseline.updates.find((x) => x.id === later.update);
    return md([
      later.title ? `**SAP Note ${n}** · ${later.title}` : `**SAP Note ${n}**`,
      '',
      later.purpose,
      '',
      `- Baseline ${code('current')}: dated update *${u?.title ?? later.update}*${u ? ` (${u.effective}, ${later.confidence} confidence)` : ''}, not named by the guide — see docs/knowledge.md`,
      sys?.notesIndex.has(n) ? `- ${sys.sid}: implemented` : undefined,
      '',
      `[Open SAP Note ${n}](${noteLink(n)})`,
    ]);
  }
  const facts: string[] = [];
  for (const t of Object.values(TASK_LISTS)) {
    if (t.note === n) facts.push(`- Delivers task list ${code(t.name)}, run in transaction ${code(t.transaction)}`);
    if (t.detailNote === n) facts.push(`- Step-by-step instructions for task list ${code(t.name)} (transaction ${code(t.transaction)})`);
  }
  for (const enabled of [true, false]) {
    if (digitalSignatureNotesFor(enabled).includes(n)) {
      const below = DIGITAL_SIGNATURE_MIN_SP.filter((r) => !r.andAbove).map(formatThreshold);
      facts.push(`- Needed with a Note Assistant ${enabled ? 'enabled' : 'not enabled'} for TCI when SAP_BASIS is below ${below.join(', ')}`);
    }
  }
  const boot = TCI_PROCEDURE.filter((p) => p.bootstrapNote === n);
  if (boot.length) facts.push(`- TCI bootstrap package: ${boot.map((p) => `${p.release} ${code(p.bootstrapPackage)}`).join(', ')}`);
  if (n === TCI_FOLLOW_UP_NOTE) {
    facts.push(`- TCI package: ${TCI_PROCEDURE.filter((p) => p.note2408383Package).map((p) => `${p.release} ${code(p.note2408383Package!)}`).join(', ')}`);
  }
  for (const c of CIPHERSUITE_VALUES) {
    if (c.requiresNotes.includes(n)) facts.push(`- Required for ${code(`ssl/client_ciphersuites = ${c.value}`)}`);
  }
  for (const p of SDCCN_PREREQUISITES) {
    for (const d of p.destinations) if (d.note === n) facts.push(`- Creating destination ${code(d.name)} (type ${d.type}) by hand: ${p.title}`);
  }
  for (const d of LEGACY_RFC_DESTINATIONS) if (d.logonUserNote === n) facts.push(`- Logon user of the legacy destination ${code(d.name)}`);
  if (n === CERTIFICATE_SOURCE.note) facts.push(`- Import the root CAs in ${code(CERTIFICATE_SOURCE.transaction)} (${CERTIFICATE_SOURCE.importMenu}): ${andList(ROOT_CA_CERTIFICATES.map((c) => c))}`);
  if (n === TRUST_ANCHORS.note) facts.push(`- Servers: ${andList(TRUST_ANCHORS.servers.map(code))}`);
  if (info?.releases?.length) facts.push(`- SAP_BASIS releases: ${info.releases.join(', ')}`);
  if (info) facts.push(guideLine(info.sections)!);
  if (info) facts.push(`- Baseline: the guide itself (${code('guide-1.1')}, also part of ${code('current')})`);
  if (sys) {
    if (sys.notesIndex.has(n)) facts.push(`- ${sys.sid}: implemented`);
    else {
      const lack = (lacking ?? (result ? lackingNotes(result, sys) : [])).find((l) => l.note === n);
      if (lack) facts.push(`- ${sys.sid}: **still missing** — ${lack.reason}`);
    }
  }
  return md([
    info ? `**SAP Note ${n}** · ${info.title}` : `**SAP Note ${n}**`,
    '',
    info ? info.purpose : 'Not one of the SAP Notes the guide "Support Backbone Update" names.',
    facts.length ? '' : undefined,
    ...facts,
    '',
    `[Open SAP Note ${n}](${noteLink(n)})`,
  ]);
}

// ------------------------------------------------------------------------------ task lists

/** Markdown for a task list: transaction, prerequisites, what it configures, its notes. */
export function taskListMarkdown(name: string, sys?: SystemDef): string | undefined {
  const t = taskListInfo(name);
  if (!t) return undefined;
  const created = NEW_HTTPS_DESTINATIONS.filter((d) => d.createdBy === t.name).map((d) => code(d.name));
  const notes = [t.note !== undefined ? `${noteRef(t.note)} (the task list)` : undefined, t.detailNote !== undefined ? `${noteRef(t.detailNote)} (step by step)` : undefined].filter(Boolean);
  let state: string | undefined;
  if (sys) state = `- ${sys.sid}: ${sys.taskLists.includes(t.name) ? 'executed' : '**not executed**'}`;
  return md([
    `**Task list ${code(t.name)}** · transaction ${code(t.transaction)}`,
    '',
    t.requiredWhen,
    '',
    t.requiresTciNoteAssistant ? `- Prerequisite: Note Assistant enabled for transport-based correction instructions (${sec('2.1.4.3')})` : undefined,
    t.needsCommunicationUser ? '- Enter user and password of the technical communication user when you run it' : undefined,
    ...t.activities.map((a) => `- ${a}`),
    created.length ? `- Creates the destinations ${andList(created)}` : undefined,
    notes.length ? `- SAP Notes: ${notes.join(', ')}` : undefined,
    guideLine(t.sections),
    state,
  ]);
}

// ---------------------------------------------------------------- transactions and reports

/** Markdown for a transaction or report named by the guide. */
export function transactionMarkdown(codeName: string): string | undefined {
  const t = transactionInfo(codeName);
  if (!t) return undefined;
  return md([
    `**${t.kind === 'report' ? 'Report' : 'Transaction'} ${code(t.code)}** · ${t.name}`,
    '',
    t.description,
    '',
    t.code === NOTE_DOWNLOAD_REPORT.report ? `- Expected option: "${NOTE_DOWNLOAD_REPORT.expectedOption}" (${sec(NOTE_DOWNLOAD_REPORT.section)})` : undefined,
    guideLine(t.sections) ?? '- Not named by the guide',
  ]);
}

// ---------------------------------------------------------------------------- SAP_BASIS

function basisSummary(release: number, sp: number | undefined): string {
  const ds = digitalSignatureThreshold(release);
  const tci = tciThreshold(release);
  const proc = tciProcedure(release);
  const level = sp === undefined ? `SAP_BASIS ${release}` : `SAP_BASIS ${release} SP${String(sp).padStart(2, '0')}`;
  const parts: string[] = [];
  if (ds) parts.push(`digitally signed notes from ${ds.andAbove && ds.release !== release ? formatThreshold(ds) : `SP${String(ds.minSp).padStart(2, '0')}`}`);
  const availability = tciAvailability(release);
  if (availability === 'never') parts.push('no TCI (the guide has no TCI path for this release)');
  else if (tci) parts.push(`TCI-capable from ${tci.andAbove && tci.release !== release ? formatThreshold(tci) : `SP${String(tci.minSp).padStart(2, '0')}`}`);
  if (proc) parts.push(`bootstrap note ${proc.bootstrapNote}`);
  return `**${level}**: ${parts.join('; ')}`;
}

/** Markdown for a SAP_BASIS level such as `731 SP19`. */
export function basisMarkdown(text: string, sys?: SystemDef): string | undefined {
  const b = parseBasis(text);
  if (!b) return undefined;
  if (!isSupportedBasisRelease(b.release)) {
    return `**SAP_BASIS ${b.text}**: releases below ${MIN_SUPPORTED_BASIS_RELEASE} are not covered by the guide; Note Assistant cannot be prepared for digitally signed SAP Notes.`;
  }
  const ds = digitalSignatureThreshold(b.release);
  if (!ds) return `**SAP_BASIS ${b.text}**: release ${b.release} is not in the tables of ${sec('2.1.4.2')}.`;
  const lines: (string | undefined)[] = [basisSummary(b.release, b.sp), ''];
  const hasDs = basisHasDigitalSignature(b);
  const tci = sys ? tciOf(sys) : undefined;
  if (hasDs) lines.push(`- Digitally signed SAP Notes: supported by this support package (${sec('2.1.4.2')})`);
  else {
    const notes = (enabled: boolean): string => digitalSignatureNotesFor(enabled).map((n) => noteRef(n, true)).join(', ');
    lines.push(
      tci
        ? `- Digitally signed SAP Notes: below ${formatThreshold(ds)}; Note Assistant is ${tci.enabled ? '' : 'not '}TCI-enabled, so implement ${notes(tci.enabled)} (${sec('2.1.4.2')})`
        : `- Digitally signed SAP Notes: below ${formatThreshold(ds)}; implement ${notes(true)} when Note Assistant is TCI-enabled, otherwise ${notes(false)} (${sec('2.1.4.2')})`,
    );
  }
  const proc = tciProcedure(b.release);
  const hasTci = basisHasTci(b);
  if (hasTci) lines.push(`- TCI: this support package is at the TCI level (${formatThreshold(tciThreshold(b.release)!)}, ${sec('2.1.4.3')})`);
  if (proc && (tci ? !tci.enabled : !hasTci)) {
    lines.push(
      `- Enabling TCI (recommended): SPAM ${SPAM_MIN_VERSION_FOR_TCI}+, prerequisite notes ${proc.prerequisiteNotes.join(', ')} if applicable, bootstrap note ${noteRef(proc.bootstrapNote, true)} (${code(proc.bootstrapPackage)})` +
        (proc.note2408383Package ? `, then ${noteRef(TCI_FOLLOW_UP_NOTE, true)} (${code(proc.note2408383Package)})` : '') +
        ` (${sec('2.1.4.3')})`,
    );
  }
  if (tci && tci.reason !== 'basis' && tci.reason !== 'unknown') {
    const why: Record<string, string> = {
      declared: 'as declared in `noteAssistant.tci`',
      bootstrap: `because bootstrap note ${tci.bootstrapNote} is implemented`,
      'below-table': 'below the TCI support package and without its bootstrap note',
      'no-tci-path': 'no TCI path on this release',
    };
    lines.push(`- ${sys!.sid}: Note Assistant ${tci.enabled ? 'is' : 'is not'} TCI-enabled (${why[tci.reason] ?? tci.reason})`);
  }
  const channel = downloadChannelFor(b.release);
  if (channel) lines.push(`- Note download: ${channel.description} (report ${code(NOTE_DOWNLOAD_REPORT.report)})`);
  if (saprouterCheckRequired(b.release)) lines.push(`- SAProuter: check the settings as described in ${noteRef(SAPROUTER_CHECK.note)} (${sec(SAPROUTER_CHECK.section)})`);
  return md(lines);
}

// ------------------------------------------------------------------------------ components

function componentKeyMarkdown(name: string): string | undefined {
  if (name === PLUGIN_COMPONENTS.stPi) {
    return md([
      `**${code(name)}** · Solution Tools Plug-In`,
      '',
      'Minimum for ABAP systems with direct connectivity:',
      ...ST_PI_REQUIREMENTS.map((r) => `- ${r.line} ${`SP${String(r.minSp).padStart(2, '0')}`}${r.basis ? ` on SAP_BASIS ${r.basis.release}${r.basis.spTo !== undefined ? ` SP${r.basis.spTo} and below` : ''}${r.basis.spFrom !== undefined ? ` SP${r.basis.spFrom} and above` : ''}` : ''} (${sec(r.section)})`),
      '',
      `Below that, these stop reaching SAP: ${andList(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => `${a.name} (${code(a.launchedBy)})`))}.`,
    ]);
  }
  if (name === PLUGIN_COMPONENTS.stApi) {
    return md([
      `**${code(name)}** · Service Tools for Applications Plug-In`,
      '',
      `Minimum for ABAP systems with direct connectivity: ${code(ST_A_PI_REQUIREMENT.display)}; a later release letter is fine at any SP (${sec(ST_A_PI_REQUIREMENT.section)}).`,
      '',
      `Below that, these stop reaching SAP: ${andList(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => `${a.name} (${code(a.launchedBy)})`))}.`,
    ]);
  }
  return undefined;
}

function componentValueMarkdown(name: string, value: string, sys?: SystemDef): string | undefined {
  const direct = sys ? isDirectAbap(sys) : true;
  const applies = direct ? '' : ` (${sys!.sid} does not connect directly, so the minimum does not apply)`;
  if (name === PLUGIN_COMPONENTS.stPi) {
    const v = parseStPi(value);
    if (!v) return undefined;
    const basis = sys ? parseBasis(sys.basis) : undefined;
    const req = stPiRequirementFor(v.line, basis);
    const ok = stPiMeetsMinimum(v);
    return md([
      `**ST-PI ${v.text}** — minimum ${code(minimumStPiFor(v))} (${sec(req.section)}): ${ok ? 'met' : '**below the minimum**'}${applies}`,
      ok ? undefined : `\nBelow it, ${andList(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => code(a.launchedBy)))} cannot reach SAP.`,
    ]);
  }
  if (name === PLUGIN_COMPONENTS.stApi) {
    const v = parseStApi(value);
    if (!v) return undefined;
    const ok = stApiMeetsMinimum(v);
    return md([
      `**ST-A/PI ${v.text}** — minimum ${code(minimumStApiFor(v))}, a later letter at any SP (${sec(ST_A_PI_REQUIREMENT.section)}): ${ok ? 'met' : '**below the minimum**'}${applies}`,
      ok ? undefined : `\nBelow it, ${andList(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => code(a.launchedBy)))} cannot reach SAP.`,
    ]);
  }
  return undefined;
}

// -------------------------------------------------------------------------- product releases

/** Markdown for a SAP Solution Manager or Focused Run release (by the system's role). */
export function releaseMarkdown(value: string, sys?: SystemDef, k?: KnowledgeContext): string | undefined {
  if (sys?.role === 'frun') {
    const v = parseFrunRelease(value);
    const row = v ? frunReleaseRow(v) : undefined;
    if (!v || !row) return `**Focused Run ${value}**: not a release the guide knows (${andList(FRUN_RELEASES.map((r) => r.release))}).`;
    const f = FRUN_LATER_RELEASES;
    return md([
      `**Focused Run ${v.text}** · connectivity: ${row.connectivity}`,
      '',
      row.consequence,
      row.upgradeTo ? `\n- Upgrade to ${row.upgradeTo}` : undefined,
      row.requiredTaskList ? `${row.upgradeTo ? '' : '\n'}- Task list ${code(row.requiredTaskList)} required (${sec('6.1')})` : undefined,
      guideLine([row.section]),
      ...(row.communicationEndsOn ? legacyLines(k).slice(0, 1) : []),
      row.mainstreamMaintenanceEndsOn && k ? updateLine(k, f, `${v.release} ${tense(k, f.customerSpecificSince, 'has been in customer-specific maintenance since', 'goes to customer-specific maintenance on')}`, true) : undefined,
      updateLine(k, f, `Later releases: ${andList(f.laterReleases.map((r) => r))}; no backbone requirement beyond ${FRUN_REQUIRED_RELEASE} or higher was found`),
    ]);
  }
  const v = parseSolmanRelease(value);
  const row = v ? solmanConnectivityRow(v) : undefined;
  if (!v || !row) {
    return `**SAP Solution Manager ${value}**: ${v?.release === SOLMAN_RECOMMENDED_TARGET.release ? 'give the support package stack, e.g. ' + code(SOLMAN_RECOMMENDED_TARGET.text) : `not a release the guide knows (${andList([...new Set(SOLMAN_CONNECTIVITY.map((r) => r.release))])})`}.`;
  }
  return md([
    `**${row.label}** · connectivity: ${row.connectivity}`,
    '',
    row.consequence,
    row.losses.length ? '' : undefined,
    ...row.losses.map((l) => `- Loses ${l}`),
    row.connectivity !== 'full' ? `${row.losses.length ? '' : '\n'}- Upgrade to ${code(SOLMAN_RECOMMENDED_TARGET.text)} or higher` : undefined,
    solmanNeedsSupportHubTaskList(v) ? `\n- Task list ${code(TASK_LISTS.SAP_SUPPORT_HUB_CONFIG.name)} required (${sec(SOLMAN_SUPPORT_HUB_TASK_LIST.section)})` : undefined,
    guideLine([row.section]),
    v.release === '7.2' && k ? updateLine(k, SOLMAN_END_OF_MAINTENANCE, `Mainstream maintenance of 7.2 ${reached(k, SOLMAN_END_OF_MAINTENANCE.errorFrom) ? 'ended' : 'ends'} on ${SOLMAN_END_OF_MAINTENANCE.endsOn}: plan the move to ${SOLMAN_END_OF_MAINTENANCE.successor}`, true) : undefined,
  ]);
}

// ----------------------------------------------------------------------------- destinations

/** Markdown for a destination: old or new, logon user, use, replacement, type. */
export function destinationMarkdown(name: string, recorded?: { type?: string; user?: string }, k?: KnowledgeContext): string | undefined {
  const legacyRow = LEGACY_RFC_DESTINATIONS.find((d) => d.name === name);
  const newRow = newDestination(name);
  if (!legacyRow && !newRow) return undefined;
  const lines: (string | undefined)[] = [];
  const legacyNow = recorded ? legacyDestination(name, recorded, k !== undefined && inEffect(k, RFC_SHUTDOWN)) : undefined;
  if (newRow) {
    const manual = SDCCN_PREREQUISITES.flatMap((p) => p.destinations.filter((d) => d.name === name).map((d) => ({ p, d })));
    lines.push(
      `**${code(name)}** · new HTTPS destination (${sec(newRow.section)})`,
      '',
      `- Logon user: ${newRow.logonUser === 'technical-communication-user' ? 'technical communication user' : 'none given by the guide'}`,
      `- Use: ${newRow.use}`,
      newRow.type ? `- Type ${newRow.type}: ${connectionTypeInfo(newRow.type)?.description ?? ''}` : undefined,
      `- Created by task list ${code(newRow.createdBy)}`,
      ...manual.map(({ p, d }) => `- ${p.title}: create it by hand, ${noteRef(d.note)}`),
      name === SDCCN_PROCEDURE.requiredDestination ? `- SDCCN must use it instead of ${code(SDCCN_PROCEDURE.obsoleteDestination)} (${sec(SDCCN_PROCEDURE.section)})` : undefined,
    );
  }
  if (legacyRow) {
    const note = legacyRow.logonUserNote;
    lines.push(
      newRow ? '' : undefined,
      `**${code(name)}** · ${newRow ? 'also a ' : ''}legacy RFC destination (${sec(legacyRow.section)})`,
      '',
      `- Logon user: ${note !== undefined ? `see ${noteRef(note)}` : code(legacyRow.logonUser)}`,
      `- Use: ${legacyRow.use}`,
      ...legacyRow.replacements.map((r) => `- Replaced by ${code(r.name)}: ${r.reason}`),
      legacyRow.legacyOnlyIf ? `- Legacy only with the generic user ${andList(legacyRow.legacyOnlyIf.users.map(code))} (or type ${legacyRow.legacyOnlyIf.types.join('/')} without a user)` : undefined,
      ...legacyLines(k),
    );
  }
  if (recorded && legacyRow && newRow) lines.push('', `As recorded here: ${legacyNow ? '**legacy**' : 'the new configuration'}.`);
  return md(lines);
}

// ------------------------------------------------------------------------------ certificates

/**
 * Markdown for a root CA certificate name.
 * @param pse the `certificates` key of the list the name is in (any text; only the PSE keys count)
 */
export function certificateMarkdown(name: string, sys?: SystemDef, pse?: string, k?: KnowledgeContext): string | undefined {
  const known = (ROOT_CA_CERTIFICATES as readonly string[]).includes(name);
  if (!known) {
    return pse !== undefined
      ? md([`**${name}**`, '', `Not one of the root CAs the support backbone needs (${sec(CERTIFICATE_SOURCE.section)}): ${andList(ROOT_CA_CERTIFICATES.map((c) => c))}.`])
      : undefined;
  }
  const key = sslClientPseKey(pse);
  const listed = sys && key ? sys.certificates?.[key] ?? [] : undefined;
  const missing = listed ? ROOT_CA_CERTIFICATES.filter((c) => !listed.includes(c)) : [];
  return md([
    `**${name}** · root CA for the support backbone (${sec(CERTIFICATE_SOURCE.section)})`,
    '',
    ...SSL_CLIENT_PSES.map((p) => `- PSE *${p.label}*: needed on ${andList(p.requiredForRoles.map((r) => lookup(ROLE_NAMES, r) ?? r))}`),
    `- Source: ${noteRef(CERTIFICATE_SOURCE.note)}; import in ${code(CERTIFICATE_SOURCE.transaction)} (${CERTIFICATE_SOURCE.importMenu})`,
    missing.length ? `- ${sys!.sid} still lacks in this PSE: ${andList(missing as RootCaName[])}` : undefined,
    ...rootCaLines(name, k),
  ]);
}

/** Baseline current: what a root CA is today (DigiCert G2 move, distrusted VeriSign G5). */
function rootCaLines(name: string, k: KnowledgeContext | undefined): (string | undefined)[] {
  const m = ROOT_CA_MOVE;
  if (!k || !inEffect(k, m)) return [];
  const unverified = `SAP's backbone host chain was not verified: ${noteRef(CERTIFICATE_SOURCE.note)} has the current list`;
  if (name === m.g2Root) return [updateLine(k, m, `DigiCert ${tense(k, m.effective, 'has issued from its G2 roots since', 'issues from its G2 roots from')}; ${unverified}`)];
  if ((m.g1Roots as readonly string[]).includes(name)) return [updateLine(k, m, `A DigiCert G1 root: Chrome and Mozilla ${tense(k, m.g1RemovedOn, 'removed it on', 'remove it on')}; ${unverified}`)];
  if (name === m.distrustedRoot) return [updateLine(k, m, `A Symantec root distrusted by browsers since ${m.distrustedIn}; SAP moved its own domains to DigiCert; ${unverified}`)];
  return [];
}

// -------------------------------------------------------------------------- profile parameters

function parameterMarkdown(name: string, k?: KnowledgeContext): string | undefined {
  const p = profileParameter(name);
  if (!p) return undefined;
  return md([
    `**Profile parameter ${code(p.name)}** · transaction ${code(p.transaction)}`,
    '',
    p.description,
    '',
    ...CIPHERSUITE_VALUES.map((c) => `- ${code(c.value)}: ${c.description}`),
    `- Other values: expert settings of ${noteRef(TLS_FACTS.expertNote)}`,
    p.restartRequired ? '- A changed value takes effect only after a restart' : undefined,
    guideLine([p.section]),
    updateLine(k, CIPHERSUITE_NO_3DES, `${code(CIPHERSUITE_NO_3DES.value)} (without MEDIUM:+e3DES) is the value used since late 2019 and accepted like the recommended one`),
    updateLine(k, TLS_VERSIONS, 'TLS 1.0 and 1.1 are deprecated (RFC 8996); TLS 1.3 is available in AS ABAP with a recent kernel and CommonCryptoLib — no statement found that the backbone requires it'),
  ]);
}

/** Markdown for a value of ssl/client_ciphersuites: what the guide says about it, for this system. */
export function ciphersuiteMarkdown(value: string, sys?: SystemDef, k?: KnowledgeContext): string {
  const c = ciphersuiteValue(value);
  if (!c && k && inEffect(k, CIPHERSUITE_NO_3DES) && value.trim() === CIPHERSUITE_NO_3DES.value) {
    return md([
      `**${code(CIPHERSUITE_NO_3DES.value)}** · accepted like the recommended value`,
      '',
      `The guide's recommended value without ${code('MEDIUM:+e3DES')}; the guide's value keeps working.`,
      '',
      updateLine(k, CIPHERSUITE_NO_3DES, 'Used in SAP\'s step-by-step material since late 2019'),
    ]);
  }
  if (!c) {
    return md([
      `**${code(value)}**`,
      '',
      `Not a value the guide names; it recommends ${code(CIPHERSUITE_VALUES[0].value)} (with ${CIPHERSUITE_VALUES[0].requiresNotes.map((n) => noteRef(n)).join(', ')}). Exceptional cases: ${noteRef(TLS_FACTS.expertNote)} (${sec(TLS_FACTS.section)}).`,
    ]);
  }
  const missing = sys ? c.requiresNotes.filter((n) => !sys.notesIndex.has(n)) : [];
  const wrongRole = sys?.role && !c.roles.includes(sys.role);
  return md([
    `**${code(c.value)}** · ${c.id === 'recommended' ? 'recommended value' : 'SAP Solution Manager alternative'}`,
    '',
    c.description,
    '',
    c.requiresNotes.length ? `- Requires ${c.requiresNotes.map((n) => noteRef(n)).join(', ')}${missing.length ? ` — **not implemented in ${sys!.sid}**` : ''}` : undefined,
    `- TLS above 1.2: ${c.supportsTlsAbove12 ? 'yes' : 'no'}`,
    wrongRole ? `- Accepted by the guide only on ${andList(c.roles.map((r) => lookup(ROLE_NAMES, r) ?? r))}` : undefined,
    `- Check in ${code(TLS_FACTS.checkTransaction)}; a change needs a restart (${sec(c.section)})`,
  ]);
}

// ------------------------------------------------------------------------------ users, systems

/** Longest list of SIDs or tracks a hover names before "and N more". */
const MAX_LISTED = 20;

function usersOf(result: LintResult, id: string): readonly SystemDef[] {
  return landscapeIndex(result).systemsByUser.get(id) ?? [];
}

function tracksOf(result: LintResult, sid: string): readonly string[] {
  return landscapeIndex(result).tracksBySid.get(sid) ?? [];
}

/** Markdown for a technical communication user id. */
export function communicationUserMarkdown(id: string, result: LintResult): string {
  const user = lookup(result.model.communicationUsers, id);
  const declared = user !== undefined;
  const desc = user?.description;
  const systems = usersOf(result, id);
  const tracks = [...new Set(systems.flatMap((s) => tracksOf(result, s.sid)))];
  const f = COMMUNICATION_USER_FACTS;
  return md([
    `**${code(id)}** · technical communication user${declared ? '' : ' — **not declared in `communicationUsers`**'}`,
    desc ? `\n${desc}` : undefined,
    '',
    systems.length ? `- Used by ${andList(systems.map((s) => s.sid), MAX_LISTED)}${tracks.length ? ` (track${tracks.length > 1 ? 's' : ''} ${andList(tracks, MAX_LISTED)})` : ''}` : '- Not used by any system yet',
    tracks.length > 1 ? `- Shared by more than one track: ${f.sharingRisk}` : undefined,
    `- ${f.dialogLogonPossible ? 'Dialog logon possible' : 'No dialog logon'}; password ${f.passwordExpires ? 'expires' : 'does not expire'}; usually available within ${f.availableWithinHours} hours of the request`,
    `- Request: ${noteRef(COMMUNICATION_USER_NOTES.request)}; replacing generic users: ${noteRef(COMMUNICATION_USER_NOTES.replaceGenericUsers)}`,
    guideLine([f.section]),
  ]);
}

/** Markdown for a system: role, release, basis, TCI state and its findings. */
export function systemMarkdown(sid: string, result: LintResult): string | undefined {
  const s = result.model.systemsById.get(sid);
  if (!s) return `**${sid}**: no system with this SID in the file.`;
  const role = (s.role && lookup(ROLE_NAMES, s.role)) || 'system without a valid role';
  const parts: string[] = [];
  if (s.role === 'abap') parts.push(`connection ${s.connection ?? '?'}${s.managedBy ? ` via ${s.managedBy}` : ''}`);
  if (s.release) parts.push(`release ${s.release}`);
  if (s.basis) parts.push(`SAP_BASIS ${s.basis}`);
  const tci = s.basis && usesNoteAssistant(s) ? tciOf(s) : undefined;
  const counts = landscapeIndex(result).findingCounts.get(sid) ?? { error: 0, warning: 0, info: 0 };
  const tracks = tracksOf(result, sid);
  return md([
    `**${sid}** · ${role}${s.description ? ` — ${s.description}` : ''}`,
    '',
    parts.length ? `- ${parts.join(', ')}` : undefined,
    tci ? `- Note Assistant ${tci.enabled ? 'TCI-enabled' : 'not TCI-enabled'}` : usesNoteAssistant(s) ? undefined : '- Note Assistant not used',
    tracks.length ? `- Track${tracks.length > 1 ? 's' : ''} ${andList(tracks, MAX_LISTED)}` : undefined,
    s.communicationUser ? `- Communication user ${code(s.communicationUser)}` : undefined,
    `- Findings: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info${counts.info === 1 ? '' : 's'}`,
  ]);
}

function trackMarkdown(name: string, result: LintResult): string | undefined {
  const sids = lookup(result.model.tracks, name);
  if (!sids) return undefined;
  const users = [...new Set(sids.map((s) => result.model.systemsById.get(s)?.communicationUser).filter((u): u is string => !!u))];
  return md([
    `**Track ${name}**: ${sids.join(' → ')}`,
    '',
    `- Backbone notes are implemented in ${sids[0] ?? 'the first system'} and transported along the track (${sec('4.3')})`,
    users.length ? `- Communication user${users.length > 1 ? 's' : ''}: ${andList(users.map(code))} — one per track or per system (${sec(COMMUNICATION_USER_FACTS.section)})` : undefined,
  ]);
}

// ----------------------------------------------------------------------------- keys and values

function keyTitle(path: readonly Segment[]): string {
  return path.filter((p) => typeof p === 'string').slice(path[0] === 'systems' ? 2 : 0).join('.') || String(path[path.length - 1]);
}

function schemaKeyMarkdown(path: readonly Segment[], s: Schema | undefined): string | undefined {
  const text = schemaText(s);
  if (!text) return undefined;
  return md([`**${code(keyTitle(path))}**`, '', text]);
}

function keyMarkdown(path: Segment[], result: LintResult): string | undefined {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const named = isNamedProperty(parent, key);
  if (!named) {
    if (path.length === 2 && path[0] === 'systems') return systemMarkdown(key, result);
    if (path.length === 2 && path[0] === 'communicationUsers') return communicationUserMarkdown(key, result);
    if (path.length === 2 && path[0] === 'tracks') return trackMarkdown(key, result);
    if (path[0] === 'systems' && path.length === 4 && path[2] === 'destinations') {
      return destinationMarkdown(key, lookup(systemOfPath(result, path)?.destinations, key), result.knowledge) ?? schemaKeyMarkdown(path, schemaAt(path));
    }
  }
  if (path[0] === 'systems' && path.length === 4 && path[2] === 'profile') return parameterMarkdown(key, result.knowledge) ?? schemaKeyMarkdown(path, schemaAt(path));
  if (path[0] === 'systems' && path.length === 4 && path[2] === 'components') return componentKeyMarkdown(key) ?? schemaKeyMarkdown(path, schemaAt(path));
  return schemaKeyMarkdown(path, schemaAt(path));
}

const FREE_TEXT_KEYS = new Set(['description', 'landscape']);

function valueMarkdown(path: Segment[], value: unknown, result: LintResult): string | undefined {
  const sys = systemOfPath(result, path);
  const last = path[path.length - 1];
  const key = typeof last === 'number' ? path[path.length - 2] : last;
  const field = path[0] === 'systems' ? path.slice(2) : path;
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  if (typeof key === 'string' && FREE_TEXT_KEYS.has(key)) return undefined;
  if (path[0] === 'tracks' && typeof last === 'number') return systemMarkdown(text, result);
  if (path[0] === 'communicationUsers') return undefined;
  if (!sys && path[0] === 'systems') return undefined;
  const f0 = field[0];
  if (f0 === 'notes' && typeof last === 'number') return /^\d+$/.test(text) ? noteMarkdown(Number(text), result, sys) : undefined;
  if (f0 === 'taskLists' && typeof last === 'number') return taskListMarkdown(text, sys) ?? md([`**${code(text)}**`, '', `Not a task list the guide names (${andList(Object.keys(TASK_LISTS).map(code))}).`]);
  if (f0 === 'basis') return basisMarkdown(text, sys);
  if (f0 === 'release') return releaseMarkdown(text, sys, result.knowledge);
  if (f0 === 'components' && field.length === 2) return componentValueMarkdown(String(field[1]), text, sys) ?? schemaKeyMarkdown(path, schemaAt(path));
  if (f0 === 'profile' && field.length === 2) {
    return profileParameter(field[1]) ? ciphersuiteMarkdown(text, sys, result.knowledge) : schemaKeyMarkdown(path, schemaAt(path));
  }
  if (f0 === 'certificates' && field.length === 3) return certificateMarkdown(text, sys, String(field[1]), result.knowledge);
  if (f0 === 'sdccn' && field[1] === 'destinations' && typeof last === 'number') {
    return destinationMarkdown(text, lookup(sys?.destinations, text), result.knowledge) ?? md([`**${code(text)}**`, '', `SDCCN must use ${code(SDCCN_PROCEDURE.requiredDestination)} (${sec(SDCCN_PROCEDURE.section)}).`]);
  }
  if (f0 === 'destinations' && field.length === 3 && field[2] === 'type') {
    const t = connectionTypeInfo(text);
    const s = schemaAt(path);
    return md([`**SM59 connection type ${code(text)}**`, '', t ? `${t.description} (${t.protocol})` : enumDescription(s, text) ?? schemaText(s) ?? '']);
  }
  if (f0 === 'destinations' && field.length === 3 && field[2] === 'user') {
    if (RFC_GENERIC_USERS.includes(text)) {
      const rule = DOWNLOAD_CHANNEL.find((r) => r.action === 'replace-generic-user');
      return md([
        `**${code(text)}** · legacy generic user`,
        '',
        `${rule?.description ?? ''} See ${noteRef(COMMUNICATION_USER_NOTES.replaceGenericUsers)} (${sec('2.1.4.2')}, ${sec('2.3')}).`,
      ]);
    }
    return /^S\d+$/.test(text) ? communicationUserMarkdown(text, result) : undefined;
  }
  if (f0 === 'communicationUser' || (f0 === 'solmanSetup' && field[1] === 'backendUser')) return communicationUserMarkdown(text, result);
  if (f0 === 'solmanSetup' && field[1] === 'communicationUser') {
    const fieldInfo = SOLMAN_SETUP_RFC_CONNECTIVITY.fields.find((x) => x.key === 'communicationUser');
    return md([
      `**${code(text)}** · "${fieldInfo?.label}"`,
      '',
      fieldInfo?.description,
      `\n${SOLMAN_SETUP_RFC_CONNECTIVITY.path} (${sec(SOLMAN_SETUP_RFC_CONNECTIVITY.section)})`,
    ]);
  }
  if (f0 === 'managedBy') return systemMarkdown(text, result);
  if (f0 === 'spam') {
    const n = Number(text);
    return md([
      `**SPAM/SAINT version ${text}**`,
      '',
      `TCI needs SPAM version ${SPAM_MIN_VERSION_FOR_TCI} or higher (${sec('2.1.4.3')}): ${n >= SPAM_MIN_VERSION_FOR_TCI ? 'met' : '**update SPAM first**'}.`,
    ]);
  }
  if (f0 === 'noteAssistant' && field[1] === 'download') {
    const label = noteDownloadProcedureLabel(text);
    const b = sys ? parseBasis(sys.basis) : undefined;
    const channel = b ? downloadChannelFor(b.release) : undefined;
    return md([
      `**${code(text)}**${label ? ` · ${label}` : ''}`,
      '',
      enumDescription(schemaAt(path), text),
      channel && b ? `\n- SAP_BASIS ${b.release}: ${channel.description}` : undefined,
      `${channel ? '' : '\n'}- Check with report ${code(NOTE_DOWNLOAD_REPORT.report)}: "${NOTE_DOWNLOAD_REPORT.expectedOption}" expected (${sec(NOTE_DOWNLOAD_REPORT.section)})`,
    ]);
  }
  if (f0 === 'noteAssistant' && field[1] === 'trustAnchors') {
    return md([`**Trust anchors** · ${noteRef(TRUST_ANCHORS.note)}`, '', `${andList(TRUST_ANCHORS.servers.map(code))}: ${TRUST_ANCHORS.failure} (${sec(TRUST_ANCHORS.section)})`]);
  }
  if (f0 === 'saprouter' && field[1] === 'checked') {
    return md([`**SAProuter check** · ${noteRef(SAPROUTER_CHECK.note)}`, '', `Needed below SAP_BASIS ${SAPROUTER_CHECK.autoAdjustedFromRelease}; from ${SAPROUTER_CHECK.autoAdjustedFromRelease} on the settings are adjusted automatically (${sec(SAPROUTER_CHECK.section)}).`]);
  }
  const s = schemaAt(path);
  const en = enumDescription(s, value);
  if (en) return md([`**${code(text)}**${key === 'role' && lookup(ROLE_NAMES, text) ? ` · ${lookup(ROLE_NAMES, text)}` : ''}`, '', en]);
  // any other scalar: what its key means
  return typeof key === 'string' ? schemaKeyMarkdown(typeof last === 'number' ? path.slice(0, -1) : path, typeof last === 'number' ? schemaAt(path.slice(0, -1)) : s) : undefined;
}

// ----------------------------------------------------------------------- words in free text

/** Longer words name nothing of the guide (a pasted value, a 2 MB scalar): not looked at. */
const MAX_WORD = 128;

/** Letters, digits, `_`, `/`, `.`, `-`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 47 || c === 46 || c === 45;
}

/** The word at an offset (letters, digits, `_`, `/`, `-`), e.g. a transaction in a comment. */
function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && isWordChar(text.charCodeAt(s - 1))) if (offset - --s > MAX_WORD) return undefined;
  while (e < text.length && isWordChar(text.charCodeAt(e))) if (++e - offset > MAX_WORD) return undefined;
  while (e > s && /[-/.]/.test(text[e - 1])) e--;
  while (s < e && /[-/.]/.test(text[s])) s++;
  return e > s ? { word: text.slice(s, e), start: s, end: e } : undefined;
}

/** Knowledge about a word anywhere (comments, descriptions): notes, task lists, transactions, destinations, parameters, certificates. */
function wordMarkdown(doc: LandscapeDocument, offset: number, result: LintResult): { markdown: string; range: Range } | undefined {
  // certificate names contain blanks: look for one around the cursor on this line
  const pos = doc.lines.positionAt(offset);
  const lineStart = doc.lines.lineStart(pos.line);
  const line = doc.lines.lineText(pos.line);
  for (const ca of ROOT_CA_CERTIFICATES) {
    for (let i = line.indexOf(ca); i >= 0; i = line.indexOf(ca, i + 1)) {
      if (pos.character >= i && pos.character <= i + ca.length) {
        return { markdown: certificateMarkdown(ca, undefined, undefined, result.knowledge)!, range: doc.lines.range(lineStart + i, lineStart + i + ca.length) };
      }
    }
  }
  const w = wordAt(doc.text, offset);
  if (!w) return undefined;
  const range = doc.lines.range(w.start, w.end);
  const word = w.word;
  if (/^\d{5,7}$/.test(word) && (noteInfo(Number(word)) || LATER_NOTES.some((l) => l.number === Number(word)))) return { markdown: noteMarkdown(Number(word), result), range };
  const text =
    taskListMarkdown(word) ??
    transactionMarkdown(word) ??
    destinationMarkdown(word, undefined, result.knowledge) ??
    parameterMarkdown(word, result.knowledge) ??
    (ciphersuiteValue(word) ? ciphersuiteMarkdown(word, undefined, result.knowledge) : undefined) ??
    (result.model.systemsById.has(word) ? systemMarkdown(word, result) : undefined);
  if (text) return { markdown: text, range };
  const g = /^§?(\d(?:\.\d){0,3})$/.exec(word);
  if (g && guideSection(g[1])) return { markdown: `**Guide §${g[1]}** · ${guideSection(g[1])!.title}`, range };
  return undefined;
}

function toHover(markdown: string | undefined, range: Range): Hover | null {
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown }, range } : null;
}

/**
 * Hover for a position: structural (the key or value under the cursor, by its path), else the
 * word under the cursor when it names something of the guide (also in comments).
 * @returns null when there is nothing to say
 */
export function hover(result: LintResult, position: Position): Hover | null {
  const doc = result.doc;
  if (!doc.yaml) return null;
  const offset = doc.lines.offsetAt(position);
  const hit = nodeAtOffset(doc, offset);
  const inComment = isInComment(doc, position);
  if (hit && !inComment) {
    if (hit.kind === 'key') {
      const h = toHover(keyMarkdown(hit.path, result), hit.range);
      if (h) return h;
    } else if (isScalar(hit.node)) {
      const value = (hit.node as Scalar).value;
      const h = toHover(valueMarkdown(hit.path, value, result), hit.range);
      if (h) return h;
    }
  } else if (!inComment) {
    // incomplete documents: read the line
    const ctx = cursorContext(doc, position);
    if (ctx.kind === 'key') {
      const h = toHover(keyMarkdown([...ctx.mapPath, ctx.key], result), ctx.range);
      if (h && ctx.key) return h;
    } else if (ctx.kind === 'value' && ctx.text) {
      const h = toHover(valueMarkdown(ctx.path, ctx.text, result), ctx.range);
      if (h) return h;
    }
  }
  const w = wordMarkdown(doc, offset, result);
  return w ? toHover(w.markdown, w.range) : null;
}

function isInComment(doc: LandscapeDocument, position: Position): boolean {
  if (doc.format === 'json') return false;
  // only a comment that starts before the cursor matters (a 2 MB line is not scanned to its end)
  const at = commentColumn(doc.lines.lineText(position.line).slice(0, position.character));
  return at >= 0 && position.character > at;
}
