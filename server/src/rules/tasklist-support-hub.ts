import { DocEditor } from '../core/edits';
import type { SystemDef } from '../core/model';
import {
  FRUN_RELEASES,
  frunNeedsSupportHubTaskList,
  parseFrunRelease,
  parseSolmanRelease,
  SOLMAN_SUPPORT_HUB_TASK_LIST,
  solmanNeedsSupportHubTaskList,
  TASK_LIST_SUPPORT_HUB,
} from '../knowledge';
import { rawAt } from './landscape-shared';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, tciState } from './shared';

const TASK_LIST = TASK_LIST_SUPPORT_HUB.name;
const TX = TASK_LIST_SUPPORT_HUB.transaction;
const SOLMAN_FROM = `${SOLMAN_SUPPORT_HUB_TASK_LIST.release} SPS${String(SOLMAN_SUPPORT_HUB_TASK_LIST.fromSps).padStart(2, '0')}`;
const FRUN_FROM = FRUN_RELEASES.find((r) => r.requiredTaskList === TASK_LIST)?.release ?? '';

/** "SAP Solution Manager 7.2 SPS08" / "Focused Run 2.0 FP01" when the task list is required, else undefined. */
function requiredOn(s: SystemDef): string | undefined {
  if (s.role === 'solman') {
    const v = parseSolmanRelease(s.release);
    return v && solmanNeedsSupportHubTaskList(v) ? `SAP Solution Manager ${v.text}` : undefined;
  }
  if (s.role === 'frun') {
    const v = parseFrunRelease(s.release);
    return v && frunNeedsSupportHubTaskList(v) ? `Focused Run ${v.text}` : undefined;
  }
  return undefined;
}

function example(taskLists: string): string {
  return ['landscape: Example', 'systems:', '  FRN:', '    role: frun', '    release: "2.0"', '    basis: 753 SP02', `    taskLists: ${taskLists}`, ''].join('\n');
}

/**
 * Guide 5.2 / 6.1: SAP Solution Manager 7.2 SPS08+ and Focused Run 2.0 must run the channel
 * configuration task list in STC01; its prerequisite is a TCI-enabled Note Assistant.
 */
export const rule: Rule = {
  // only the system's role, release, task lists and TCI state
  scope: 'system',
  meta: {
    id: 'tasklist-support-hub',
    title: `Task list ${TASK_LIST} (SAP Solution Manager, Focused Run)`,
    severity: 'error',
    section: '5.2, 6.1',
    description: [
      `Task list **${TASK_LIST}** contains the channel configuration to the support backbone. It must be run in transaction`,
      `\`${TX}\` (and recorded in \`taskLists\`) on`,
      `- SAP Solution Manager **${SOLMAN_FROM}** or higher (guide 5.2), and`,
      `- Focused Run **${FRUN_FROM}** or higher (guide 6.1).`,
      '',
      'Prerequisite: Note Assistant is enabled for transport-based correction instructions (TCI, guide 2.1.4.3). When the',
      'system is not TCI-enabled, the message says to enable TCI first.',
      '',
      '**Without it**, the system does not use the new communication channels and loses its connection to SAP.',
      '',
      `The quick-fix adds ${TASK_LIST} to \`taskLists\` once the task list has run.`,
    ].join('\n'),
    badExample: example('[]'),
    goodExample: example(`[${TASK_LIST}]`),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      const product = requiredOn(s);
      if (!product || s.taskLists.includes(TASK_LIST)) continue;
      // present but not a list: the schema reports it
      const raw = rawAt(doc, sysPath(s, 'taskLists'));
      if (raw !== undefined && !Array.isArray(raw)) continue;
      const tci = tciState(s);
      const first = tci.enabled
        ? ''
        : tci.reason === 'unknown'
          ? ' (prerequisite: Note Assistant enabled for TCI, guide 2.1.4.3 — record basis or noteAssistant.tci)'
          : ` — Note Assistant is not TCI-enabled yet, so enable it for TCI first (guide 2.1.4.3); that is the prerequisite of the task list`;
      out.push({
        message: `${product} has not run task list ${TASK_LIST}: run it in ${TX} to configure the communication channels to the support backbone${first}`,
        range: fieldRange(doc, s, 'taskLists'),
        system: s.sid,
        data: { taskList: TASK_LIST, tciEnabled: tci.enabled, tciReason: tci.reason },
        fixes: [{ title: `Add ${TASK_LIST} to taskLists`, edits: editor.addToList(sysPath(s, 'taskLists'), [TASK_LIST]), isPreferred: true }],
      });
    }
    return out;
  },
};
