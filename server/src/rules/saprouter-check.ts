import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import { parseBasis, SAPROUTER_CHECK, saprouterCheckRequired } from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

const FROM = SAPROUTER_CHECK.autoAdjustedFromRelease;

function example(checked: boolean): string {
  return ['landscape: Example', 'systems:', '  GRP:', '    role: abap', '    connection: direct', '    basis: 702 SP17', '    saprouter:', `      checked: ${checked}`, ''].join('\n');
}

/**
 * Guide 4.2: the backbone is reached over HTTPS instead of RFC; below the release that adjusts
 * SAProuter automatically, the SAProuter settings must be checked by hand.
 */
export const rule: Rule = {
  // only the system's basis and saprouter
  scope: 'system',
  meta: {
    id: 'saprouter-check',
    title: 'SAProuter configuration checked',
    severity: 'warning',
    section: '4.2',
    description: [
      `For ABAP systems with \`connection: direct\` on SAP_BASIS below ${FROM}: communication with the updated support backbone uses HTTPS`,
      `instead of RFC, so the SAProuter settings must be checked and adjusted as described in SAP Note ${SAPROUTER_CHECK.note}.`,
      'Record the check with `saprouter.checked: true`.',
      '',
      `On SAP_BASIS ${FROM} and higher the SAProuter settings are adjusted automatically; nothing to do.`,
      '',
      'Keep the SAProuter software up to date (SAP ONE Support Launchpad, SAPROUTER).',
    ].join('\n'),
    badExample: example(false),
    goodExample: example(true),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (!isDirectAbap(s)) continue;
      const basis = parseBasis(s.basis);
      if (!basis || !saprouterCheckRequired(basis.release)) continue;
      if (s.saprouter?.checked === true) continue;
      out.push({
        message: `SAP_BASIS ${basis.text} is below ${FROM}, so SAProuter settings are not adjusted automatically: check and adjust them per SAP Note ${SAPROUTER_CHECK.note} (the support backbone is reached over HTTPS instead of RFC) and record saprouter.checked: true`,
        range: fieldRange(doc, s, 'saprouter', 'checked'),
        system: s.sid,
        data: { basis: basis.text, note: SAPROUTER_CHECK.note, autoAdjustedFromRelease: FROM },
        fixes: [{ title: `Record that SAProuter settings were checked (SAP Note ${SAPROUTER_CHECK.note})`, edits: editor.setValue(sysPath(s, 'saprouter', 'checked'), true), isPreferred: true }],
      });
    }
    return out;
  },
};
