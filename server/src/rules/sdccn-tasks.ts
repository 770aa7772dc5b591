import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import { SDCCN_PROCEDURE } from '../knowledge';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange } from './shared';

const P = SDCCN_PROCEDURE;

/**
 * sdccn-tasks (guide 4.1 steps 2-3): after the destination change, the SDCCN tasks with target
 * SAP (002) are deleted and created again, so that they use the new destinations.
 */
export const rule: Rule = {
  // only the system's sdccn
  scope: 'system',
  meta: {
    id: 'sdccn-tasks',
    title: `SDCCN tasks with target ${P.taskTarget} created again`,
    severity: 'warning',
    section: '4.1',
    description: [
      `After switching the Service Data Control Center to \`${P.requiredDestination}\`, delete all tasks that have the target \`${P.taskTarget}\` in transaction \`${P.transaction}\` and create them again (guide ${P.section}, steps 2 and 3). The new tasks use ${P.taskDestinations.map((d) => `\`${d}\``).join(' or ')} depending on the task type.`,
      '',
      'Checked on every `role: abap` system with `connection: direct`: `sdccn.tasksRecreated` not `true` (false or not recorded) → warning. The quick-fix records `tasksRecreated: true` after you have recreated the tasks.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    sdccn:',
      `      destinations: [${P.requiredDestination}]`,
      '      tasksRecreated: false',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EPR:',
      '    role: abap',
      '    connection: direct',
      '    basis: 750 SP13',
      '    sdccn:',
      `      destinations: [${P.requiredDestination}]`,
      '      tasksRecreated: true',
      '',
    ].join('\n'),
    fixable: true,
  },
  check(ctx: RuleContext): RuleFinding[] {
    const out: RuleFinding[] = [];
    const ed = new DocEditor(ctx.doc);
    for (const s of ctx.model.systems) {
      if (!isDirectAbap(s) || s.sdccn?.tasksRecreated === true) continue;
      const state = s.sdccn?.tasksRecreated === false ? 'not created again (tasksRecreated: false)' : 'not recorded as created again';
      out.push({
        message: `SDCCN tasks with target ${P.taskTarget} ${state}: in transaction ${P.transaction} delete all tasks with target ${P.taskTarget} and create them again; the new tasks use ${P.taskDestinations.join(' or ')} depending on the task type`,
        range: fieldRange(ctx.doc, s, 'sdccn', 'tasksRecreated'),
        system: s.sid,
        data: { taskTarget: P.taskTarget, recorded: s.sdccn?.tasksRecreated !== undefined },
        fixes: [{ title: 'Set sdccn.tasksRecreated to true', edits: ed.setValue(sysPath(s, 'sdccn', 'tasksRecreated'), true), isPreferred: true }],
      });
    }
    return out;
  },
};
