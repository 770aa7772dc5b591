import { DocEditor } from '../core/edits';
import { usesNoteAssistant } from '../core/model';
import { TRUST_ANCHORS } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

const SERVERS = listText(TRUST_ANCHORS.servers);
const CONSEQUENCE = `without them the SSL handshake with ${SERVERS} fails and digitally signed SAP Notes cannot be downloaded`;

function check(ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of ctx.model.systems) {
    if (!usesNoteAssistant(s)) continue;
    const value = s.noteAssistant?.trustAnchors;
    if (value === true) continue;
    const path = sysPath(s, 'noteAssistant', 'trustAnchors');
    const present = ctx.doc.nodeAt(path).pair !== undefined;
    const state = value === false ? 'not installed (noteAssistant.trustAnchors: false)' : present ? 'not recorded as installed (noteAssistant.trustAnchors is not true)' : 'not recorded as installed (noteAssistant.trustAnchors)';
    const edits = new DocEditor(ctx.doc).setValue(path, true);
    out.push({
      message: `Trust anchor certificates ${state}: install them as described in SAP Note ${TRUST_ANCHORS.note} and set trustAnchors: true; ${CONSEQUENCE}`,
      range: fieldRange(ctx.doc, s, 'noteAssistant', 'trustAnchors'),
      system: s.sid,
      data: { trustAnchors: value ?? null, note: TRUST_ANCHORS.note },
      fixes: edits.length ? [{ title: 'Set noteAssistant.trustAnchors to true', edits, isPreferred: true }] : undefined,
    });
  }
  return out;
}

/** Trust anchor certificates for the download service (guide 2.1.4.1, checklist 3.2). */
export const rule: Rule = {
  // only the system's noteAssistant
  scope: 'system',
  meta: {
    id: 'na-trust-anchors',
    title: 'Trust anchor certificates installed',
    severity: 'warning',
    section: '2.1.4.1',
    description: [
      `The SAP NetWeaver download service fetches digitally signed SAP Notes from ${SERVERS} over TLS.`,
      `Install the trust anchor certificates described in SAP Note ${TRUST_ANCHORS.note} so that their server certificates`,
      'can be verified (guide 2.1.4.1, checklist 3.2 "Install trust anchor certificates").',
      '',
      '**warning** on every SNOTE system whose `noteAssistant.trustAnchors` is not `true`.',
      '',
      'What happens if you don\'t: an SSL handshake error occurs and the download cannot be established.',
      '',
      'Quick-fix: set `noteAssistant.trustAnchors: true` once the certificates are installed.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  S4D:',
      '    role: abap',
      '    connection: none',
      '    basis: 754 SP02',
      '    noteAssistant:',
      '      download: download-service',
      '      trustAnchors: false',
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
      '      download: download-service',
      '      trustAnchors: true',
      '',
    ].join('\n'),
    fixable: true,
  },
  check,
};
