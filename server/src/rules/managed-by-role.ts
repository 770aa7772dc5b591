import { DocEditor } from '../core/edits';
import type { Role } from '../core/model';
import type { Fix } from '../core/types';
import { preferFirstIf } from './landscape-shared';
import { NearestIndex } from './nearest';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

/** At most this many "set managedBy to X" fixes (and SIDs named in the message) per finding. */
const MAX_CANDIDATES = 5;

/** Product names of the roles a managing system can have. */
const PRODUCT: Readonly<Record<Role, string>> = { abap: 'an ABAP system', solman: 'SAP Solution Manager', frun: 'Focused Run' };

/**
 * Spec §2 "Landscape-wide": an ABAP system that reaches SAP through SAP Solution Manager
 * (`connection: solman`) or Focused Run (`connection: frun`) must name a system of that role in
 * `managedBy`.
 */
export const rule: Rule = {
  // reads the managedBy target's role and proposes other systems
  scope: 'landscape',
  meta: {
    id: 'managed-by-role',
    title: 'managedBy names a system of the wrong role',
    severity: 'error',
    section: '5, 6 (landscape-wide)',
    description: [
      'An ABAP system that sends its data to SAP through SAP Solution Manager or Focused Run names that system in `managedBy`:',
      '',
      '- `connection: solman` → `managedBy` must be a `role: solman` system (guide 5);',
      '- `connection: frun` → `managedBy` must be a `role: frun` system (guide 6).',
      '',
      'Otherwise the landscape does not say which system carries the connection to the support backbone for it, and the checks',
      'of that system (release, task list, SOLMAN_SETUP) are not the ones that matter for this system.',
      '',
      'Quick-fixes: point `managedBy` at a system of the matching role, or change `connection` to the role of the named system.',
      'A `managedBy` that names no system at all is reported by `unknown-reference`.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  SOL: { role: solman, release: 7.2 SPS08 }',
      '  FRN: { role: frun, release: "2.0" }',
      '  CRP: { role: abap, connection: frun, managedBy: SOL, noteAssistant: { enabled: false } }',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  SOL: { role: solman, release: 7.2 SPS08 }',
      '  FRN: { role: frun, release: "2.0" }',
      '  CRP: { role: abap, connection: frun, managedBy: FRN, noteAssistant: { enabled: false } }',
      '',
    ].join('\n'),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    // the systems of each role and their "did you mean" index, once per check
    const byRole = new Map<Role, { sids: string[]; index: NearestIndex }>();
    const withRole = (role: Role): { sids: string[]; index: NearestIndex } => {
      let found = byRole.get(role);
      if (!found) {
        const sids = model.systems.filter((o) => o.role === role).map((o) => o.sid);
        found = { sids, index: new NearestIndex(sids) };
        byRole.set(role, found);
      }
      return found;
    };
    for (const s of model.systems) {
      if (s.role !== 'abap' || (s.connection !== 'solman' && s.connection !== 'frun') || s.managedBy === undefined) continue;
      const target = model.systemsById.get(s.managedBy);
      // an unknown SID is unknown-reference's; a target without a valid role is a schema error
      if (!target || target.role === undefined || target.role === s.connection) continue;
      const wanted: Role = s.connection;
      const { sids: matching, index } = withRole(wanted);
      const best = index.closest(s.managedBy);
      // the closest first, then file order; at most MAX_CANDIDATES
      const ordered: string[] = best !== undefined ? [best] : [];
      for (const m of matching) {
        if (ordered.length >= MAX_CANDIDATES) break;
        if (m !== best) ordered.push(m);
      }
      const fixes: Fix[] = ordered.map((sid) => ({ title: `Set managedBy to ${sid}`, edits: editor.setValue(sysPath(s, 'managedBy'), sid) }));
      if (target.role === 'solman' || target.role === 'frun') {
        fixes.push({ title: `Set connection to ${target.role} (${s.sid} is managed by ${PRODUCT[target.role]} ${target.sid})`, edits: editor.setValue(sysPath(s, 'connection'), target.role) });
      }
      const more = matching.length - ordered.length;
      const alternatives = matching.length
        ? `set it to ${ordered.join(' or ')}${more > 0 ? ` (or one of ${more} more ${PRODUCT[wanted]} system${more > 1 ? 's' : ''})` : ''}`
        : `add the ${PRODUCT[wanted]} system under systems and name it here`;
      out.push({
        message: `${s.sid} connects through ${PRODUCT[wanted]} (connection: ${wanted}) but managedBy ${target.sid} is ${PRODUCT[target.role]} (role: ${target.role}): ${alternatives}${target.role !== 'abap' ? `, or set connection to ${target.role}` : ''}`,
        range: fieldRange(doc, s, 'managedBy'),
        system: s.sid,
        related: [{ message: `${target.sid} has role ${target.role}`, range: fieldRange(doc, target, 'role') }],
        data: { managedBy: target.sid, targetRole: target.role, expectedRole: wanted },
        // with exactly one system of the right role the repair is clear; otherwise the fixes are a choice
        fixes: preferFirstIf(matching.length === 1, fixes),
      });
    }
    return out;
  },
};
