import { DocEditor } from '../core/edits';
import type { DownloadChannel } from '../core/model';
import { usesNoteAssistant } from '../core/model';
import type { Fix } from '../core/types';
import {
  downloadChannelFor,
  isKnownBasisRelease,
  NOTE_DOWNLOAD_HTTP_FROM_RELEASE,
  NOTE_DOWNLOAD_REPORT,
  parseBasis,
  SIGNED_NOTES_MANDATORY_FROM,
} from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

/** The value the 3.1 connectivity test expects ("Download Service Application"). */
const EXPECTED: DownloadChannel = 'download-service';
const REPORT = NOTE_DOWNLOAD_REPORT.report;
const OPTION = NOTE_DOWNLOAD_REPORT.expectedOption;

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const basis = parseBasis(s.basis);
    if (!basis || !isKnownBasisRelease(basis.release)) continue;
    const channel = downloadChannelFor(basis.release);
    if (!channel || channel.rfcDownloadPossible) continue; // 700-731: na-generic-user
    const path = sysPath(s, 'noteAssistant', 'download');
    const download = s.noteAssistant?.download;
    // A value of the wrong kind is a schema finding; "not recorded" would be wrong there. An empty
    // `download:` (or null) is simply not recorded.
    const raw = (ctx.doc.nodeAt(path).value as { value?: unknown } | undefined);
    if (download === undefined && raw !== undefined && raw.value !== null) continue;
    const notes = listText(channel.relatedNotes.map(String));
    const editor = new DocEditor(ctx.doc);
    const fix = (title: string): Fix[] | undefined => {
      const edits = editor.setValue(path, EXPECTED);
      return edits.length ? [{ title, edits, isPreferred: true }] : undefined;
    };
    const data = { basis: basis.text, download: download ?? null, expected: EXPECTED, report: REPORT };
    if (download === 'rfc') {
      out.push({
        message: `SAP_BASIS ${basis.text} cannot download SAP Notes over RFC (noteAssistant.download: rfc): enable the download service or HTTP (SAP Notes ${notes}), then check that report ${REPORT} shows "${OPTION}"; until then Note Assistant cannot download SAP Notes (signed notes are mandatory from ${SIGNED_NOTES_MANDATORY_FROM})`,
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'download'),
        system: s.sid,
        severity: 'error',
        data,
        fixes: fix(`Set noteAssistant.download to ${EXPECTED}`),
      });
    } else if (download === 'http') {
      out.push({
        message: `Note download uses HTTP (noteAssistant.download: http): the connectivity test of guide 3.1 expects "${OPTION}" in report ${REPORT}; set up the download service (SAP Notes ${notes})`,
        range: fieldRange(ctx.doc, s, 'noteAssistant', 'download'),
        system: s.sid,
        severity: 'info',
        data,
        fixes: fix(`Set noteAssistant.download to ${EXPECTED}`),
      });
    } else if (download === undefined) {
      out.push({
        message: `Note download procedure not recorded for SAP_BASIS ${basis.text} (RFC cannot download SAP Notes as of ${NOTE_DOWNLOAD_HTTP_FROM_RELEASE}): run report ${REPORT}, check that "${OPTION}" is selected and record it as noteAssistant.download: ${EXPECTED}`,
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
