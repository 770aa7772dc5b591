import { DocEditor } from '../core/edits';
import { FRUN_LATER_RELEASES, FRUN_RELEASES, FRUN_REQUIRED_RELEASE, frunReleaseRow, knows, LEGACY_SHUTDOWN, parseFrunRelease, reached, tense } from '../knowledge';
import type { FrunReleaseRow, FrunVersion, KnowledgeContext } from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

/** "January 1, 2020" from an ISO date of the tables. */
function longDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function example(release: string): string {
  // a quoted release: "2.0" must stay a string in YAML
  return ['landscape: Example', 'systems:', '  FRN:', '    role: frun', `    release: "${release}"`, ''].join('\n');
}

/** The message of a release that cannot reach the backbone (the one place it is built). */
function message(k: KnowledgeContext, v: FrunVersion, row: FrunReleaseRow, target: string): string {
  if (!knows(k, LEGACY_SHUTDOWN) || row.communicationEndsOn === undefined) {
    const ends = longDate(row.communicationEndsOn);
    const maintenance = longDate(row.mainstreamMaintenanceEndsOn);
    return `Focused Run ${v.text} can no longer communicate with the support backbone${ends ? ` after ${ends}` : ''}: upgrade to Focused Run ${target}${maintenance ? ` (${v.release} left mainstream maintenance on ${maintenance})` : ''}`;
  }
  // baseline current: the real shutdown date, in the tense of asOf, and the later releases
  const f = FRUN_LATER_RELEASES;
  const lost = reached(k, LEGACY_SHUTDOWN.effective)
    ? `has not been able to communicate with the support backbone since ${LEGACY_SHUTDOWN.effective}`
    : `cannot communicate with the support backbone from ${LEGACY_SHUTDOWN.effective} on`;
  const later = knows(k, f) ? ` or later (later releases: ${f.laterReleases.join(', ')})` : '';
  const maintenance = row.mainstreamMaintenanceEndsOn !== undefined && knows(k, f)
    ? `; ${v.release} ${tense(k, f.customerSpecificSince, 'has been in customer-specific maintenance since', 'goes to customer-specific maintenance on')}`
    : '';
  return `Focused Run ${v.text} ${lost}, when the legacy support backbone was shut down: upgrade to Focused Run ${target}${later}${maintenance}`;
}

const OLD_RELEASE = FRUN_RELEASES.find((r) => r.connectivity === 'none')?.release ?? '';

/**
 * Guide 2.1.3 and 6.2: Focused Run releases before the required one cannot communicate with the
 * support backbone any more.
 */
export const rule: Rule = {
  // only the system's role and release
  scope: 'system',
  meta: {
    id: 'frun-release',
    title: 'Focused Run release',
    severity: 'error',
    section: '2.1.3, 6.2',
    description: [
      `Checks the \`release\` of Focused Run systems (\`role: frun\`): the new communication channels come with Focused Run **${FRUN_REQUIRED_RELEASE}**.`,
      '',
      ...FRUN_RELEASES.map((r) => `- ${r.release}${r.andAbove ? ' and later' : ''}: ${r.consequence}${r.mainstreamMaintenanceEndsOn ? ` Left mainstream maintenance on ${longDate(r.mainstreamMaintenanceEndsOn)}.` : ''}`),
      '',
      `Upgrade to Focused Run ${FRUN_REQUIRED_RELEASE} (see the *Upgrade Guides* section of the Focused Run Expert Portal). The quick-fix records the upgrade.`,
      `Write the release as a string (\`release: "${FRUN_REQUIRED_RELEASE}"\`); an unquoted value is read from its source text too.`,
      '',
      `Baseline \`current\`: the legacy backbone was shut down on ${LEGACY_SHUTDOWN.effective} (not January 1, 2020); ${FRUN_LATER_RELEASES.laterReleases.join(' and ')} are named as later releases, and 1.0 as in customer-specific maintenance since ${FRUN_LATER_RELEASES.customerSpecificSince}.`,
    ].join('\n'),
    badExample: example(OLD_RELEASE),
    goodExample: example(FRUN_REQUIRED_RELEASE),
    fixable: true,
  },

  check(ctx) {
    const { doc, model } = ctx;
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (s.role !== 'frun') continue;
      const v = parseFrunRelease(s.release);
      if (!v) continue;
      const row = frunReleaseRow(v);
      // releases the guide does not know are left alone
      if (!row || row.connectivity === 'full') continue;
      const target = row.upgradeTo ?? FRUN_REQUIRED_RELEASE;
      out.push({
        severity: row.connectivity === 'none' ? 'error' : 'warning',
        message: message(ctx, v, row, target),
        range: fieldRange(doc, s, 'release'),
        system: s.sid,
        data: { release: v.text, target, communicationEndsOn: row.communicationEndsOn, mainstreamMaintenanceEndsOn: row.mainstreamMaintenanceEndsOn },
        fixes: [{ title: `Set release to "${target}" (record the upgrade)`, edits: editor.setValue(sysPath(s, 'release'), target), isPreferred: true }],
      });
    }
    return out;
  },
};
