import { DocEditor } from '../core/edits';
import type { DownloadChannel } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import type { Fix } from '../core/types';
import {
  downloadChannelFor,
  isKnownBasisRelease,
  NOTE_DOWNLOAD_HTTP_FROM_RELEASE,
  NOTE_DOWNLOAD_REPORT,
  inEffect,
  parseBasis,
  RFC_SHUTDOWN,
  SIGNED_NOTES_MANDATORY_FROM,
  tense,
} from '../knowledge';
import type { KnowledgeContext } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

/** The value the 3.1 connectivity test expects ("Download Service Application"). */
const EXPECTED: DownloadChannel = 'download-service';
const REPORT = NOTE_DOWNLOAD_REPORT.report;
const OPTION = NOTE_DOWNLOAD_REPORT.expectedOption;

/** The download channel's knowledge for a release under a baseline (the one place the texts are built). */
interface ChannelFacts {
  /** SAP Notes that describe the switch to HTTP / the download service. */
  readonly notes: string;
  /** Why RFC does not work: the guide's release limit, or the RFC shutdown. */
  readonly whyNotRfc: string;
  /** The date clause of signed notes, in the tense of asOf. */
  readonly signed: string;
}

function channelFacts(k: KnowledgeContext, release: number, rfcReleaseRow: boolean): ChannelFacts {
  const guideRow = downloadChannelFor(NOTE_DOWNLOAD_HTTP_FROM_RELEASE);
  const notes = listText((rfcReleaseRow ? [] : downloadChannelFor(release)?.relatedNotes ?? guideRow?.relatedNotes ?? []).map(String));
  const shutdown = `SAP closed all RFC connections to SAP on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note})`;
  // under guide-1.1 the texts are the guide's, word for word as version 0.1 had them
  if (!inEffect(k, RFC_SHUTDOWN)) {
    const signed = k.baseline.updates.length ? tense(k, SIGNED_NOTES_MANDATORY_FROM, 'signed notes are mandatory since', 'signed notes are mandatory from') : `signed notes are mandatory from ${SIGNED_NOTES_MANDATORY_FROM}`;
    return { notes, whyNotRfc: `RFC cannot download SAP Notes as of ${NOTE_DOWNLOAD_HTTP_FROM_RELEASE}`, signed };
  }
  return {
    notes,
    whyNotRfc: rfcReleaseRow ? `${shutdown}, so RFC cannot download SAP Notes` : `RFC cannot download SAP Notes as of ${NOTE_DOWNLOAD_HTTP_FROM_RELEASE}, and ${shutdown}`,
    signed: tense(k, SIGNED_NOTES_MANDATORY_FROM, 'signed notes are mandatory since', 'signed notes are mandatory from'),
  };
}

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  // after the RFC shutdown, 700-731 lost RFC note download too
  const rfcGone = inEffect(ctx, RFC_SHUTDOWN);
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const basis = parseBasis(s.basis);
    if (!basis || !isKnownBasisRelease(basis.release)) continue;
    const channel = downloadChannelFor(basis.release);
    if (!channel || (channel.rfcDownloadPossible && !rfcGone)) continue; // 700-731 under the guide: na-generic-user
    const facts = channelFacts(ctx, basis.release, channel.rfcDownloadPossible);
    const path = sysPath(s, 'noteAssistant', 'download');
    const download = s.noteAssistant?.download;
    // A value of the wrong kind is a schema finding; "not recorded" would be wrong there. An empty
    // `download:` (or null) is simply not recorded.
    const raw = (ctx.doc.nodeAt(path).value as { value?: unknown } | undefined);
    if (download === undefined && raw !== undefined && raw.value !== null) continue;
    const notes = facts.notes;
    const seeNotes = notes ? ` (SAP Notes ${notes})` : '';
    const editor = new DocEditor(ctx.doc);
    const fix = (title: string): Fix[] | undefined => {
      const edits = editor.setValue(path, EXPECTED);
      return edits.length ? [{ title, edits, isPreferred: true }] : undefined;
    };
    const data = { basis: basis.text, download: download ?? null, expected: EXPECTED, report: REPORT, ...(channel.rfcDownloadPossible ? { rfcShutdown: RFC_SHUTDOWN.effective } : {}) };
    if (download === 'rfc') {
      const why = channel.rfcDownloadPossible ? ` SAP closed all RFC connections to SAP on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note});` : '';
      out.push({
        message: `SAP_BASIS ${basis.text} cannot download SAP Notes over RFC (noteAssistant.download: rfc):${why} enable the download service or HTTP${seeNotes}, then check that report ${REPORT} shows "${OPTION}"; until then Note Assistant cannot download SAP Notes (${facts.signed})`,
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'download'),
        system: s.sid,
        severity: 'error',
        data,
        fixes: fix(`Set noteAssistant.download to ${EXPECTED}`),
      });
    } else if (download === 'http') {
      out.push({
        message: `Note download uses HTTP (noteAssistant.download: http): the connectivity test of guide 3.1 expects "${OPTION}" in report ${REPORT}; set up the download service${seeNotes}`,
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'download'),
        system: s.sid,
        severity: 'info',
        data,
        fixes: fix(`Set noteAssistant.download to ${EXPECTED}`),
      });
    } else if (download === undefined) {
      out.push({
        message: `Note download procedure not recorded for SAP_BASIS ${basis.text} (${facts.whyNotRfc}): run report ${REPORT}, check that "${OPTION}" is selected and record it as noteAssistant.download: ${EXPECTED}`,
        range: fieldRange(ctx.doc, s, 'noteAssistant'),
        system: s.sid,
        severity: 'warning',
        data,
        fixes: fix(`Record noteAssistant.download: ${EXPECTED}`),
      });
    }
  }
  return out;
}

/** Note download channel on SAP_BASIS 740 and above (guide 2.1.4.2 step 2, 3.1). */
export const rule: Rule = {
  // only the system's basis and noteAssistant
  scope: 'system',
  meta: {
    id: 'na-download-channel',
    title: 'Note Assistant downloads SAP Notes via the download service',
    severity: 'error',
    section: '2.1.4.2',
    description: [
      `As of SAP_BASIS ${NOTE_DOWNLOAD_HTTP_FROM_RELEASE}, Note Assistant (SNOTE) cannot download SAP Notes over RFC: enable`,
      `the HTTP protocol or the download service (guide 2.1.4.2 step 2; SAP Notes ${listText((downloadChannelFor(NOTE_DOWNLOAD_HTTP_FROM_RELEASE)?.relatedNotes ?? []).map(String))}).`,
      `The connectivity test of guide 3.1 runs report ${REPORT} (*${NOTE_DOWNLOAD_REPORT.title}*) and`,
      `expects the option *${OPTION}*. Record the result in \`noteAssistant.download\`.`,
      '',
      `On SNOTE systems with SAP_BASIS ${NOTE_DOWNLOAD_HTTP_FROM_RELEASE} and above:`,
      '',
      '- `download: rfc` → **error**: Note Assistant cannot download SAP Notes;',
      `- \`download: http\` → **info**: works, but the 3.1 test expects "${OPTION}";`,
      `- no \`download\` → **warning**: run report ${REPORT} and record the result.`,
      '',
      `Quick-fix: set \`noteAssistant.download: ${EXPECTED}\` (after switching the system over). Releases below`,
      `${NOTE_DOWNLOAD_HTTP_FROM_RELEASE} keep RFC with a technical communication user (rule na-generic-user).`,
      '',
      `Baseline \`current\`: SAP closed all RFC connections to SAP on ${RFC_SHUTDOWN.effective} (SAP Note ${RFC_SHUTDOWN.note}), so from that date the rule applies to SAP_BASIS ${RFC_SHUTDOWN.rfcReleases.from}–${RFC_SHUTDOWN.rfcReleases.to} too: RFC note download is an error on every release (see docs/knowledge.md).`,
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  S4D:',
      '    role: abap',
      '    connection: none',
      '    basis: 754 SP02',
      '    noteAssistant:',
      '      download: rfc',
      '      trustAnchors: true',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  S4D:',
      '    role: abap',
      '    connection: none',
      '    basis: 754 SP02',
      '    noteAssistant:',
      `      download: ${EXPECTED}`,
      '      trustAnchors: true',
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
