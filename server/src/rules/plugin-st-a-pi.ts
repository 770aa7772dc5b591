import { DocEditor } from '../core/edits';
import { isDirectAbap } from '../core/model';
import {
  minimumStApiFor,
  parseStApi,
  PLUGIN_COMPONENTS,
  PLUGIN_DEPENDENT_APPLICATIONS,
  ST_A_PI_REQUIREMENT,
  stApiMeetsMinimum,
} from '../knowledge';
import type { Rule, RuleFinding } from './rule';
import { sysPath } from './rule';
import { fieldRange, listText } from './shared';

const KEY = PLUGIN_COMPONENTS.stApi;

/** The applications of guide 2.1.1 "What Happens If You Don't Upgrade?". */
function stopsWorking(): string {
  return listText(PLUGIN_DEPENDENT_APPLICATIONS.map((a) => (a.name.includes(a.launchedBy) ? a.name : `${a.name} (${a.launchedBy})`)));
}

function example(stApi: string): string {
  return ['landscape: Example', 'systems:', '  EDV:', '    role: abap', '    connection: direct', '    basis: 731 SP19', '    components:', `      ST-A/PI: ${stApi}`, ''].join('\n');
}

const BAD_EXAMPLE_VALUE = '01S_731 SP03';

/**
 * Guide 2.1.1.3: ABAP systems that connect directly need a minimum ST-A/PI release and support
 * package; a later release letter is newer than any support package of the minimum release.
 */
export const rule: Rule = {
  // only the system's components
  scope: 'system',
  meta: {
    id: 'plugin-st-a-pi',
    title: 'ST-A/PI plug-in level for direct connectivity',
    severity: 'error',
    section: '2.1.1.3',
    description: [
      'Checks the ST-A/PI add-on of ABAP systems that connect **directly** to the support backbone (`role: abap`, `connection: direct`).',
      '',
      `- ST-A/PI must be at least **${ST_A_PI_REQUIREMENT.display}** (guide ${ST_A_PI_REQUIREMENT.section}). Releases are ordered by their letter:`,
      `  a later release (01${String.fromCharCode(ST_A_PI_REQUIREMENT.letter.charCodeAt(0) + 1)}, …) is fine at any support package.`,
      `- When \`components.${KEY}\` is not recorded, a warning asks you to record it.`,
      '',
      'Download the latest ST-A/PI from the *Tools for Support Service Sessions* page on SAP Support Portal.',
      '',
      `**If you don't upgrade**, ${stopsWorking()} can no longer connect directly to the support backbone.`,
      '',
      'Systems connected through SAP Solution Manager or Focused Run (`connection: solman|frun`) need no action here.',
    ].join('\n'),
    badExample: example(BAD_EXAMPLE_VALUE),
    goodExample: example(minimumStApiFor(parseStApi(BAD_EXAMPLE_VALUE))),
    fixable: true,
  },

  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const editor = new DocEditor(doc);
    for (const s of model.systems) {
      if (!isDirectAbap(s)) continue;
      const raw = s.components[KEY];
      if (raw === undefined) {
        out.push({
          severity: 'warning',
          message: `${KEY} is not recorded in components: record the installed ${KEY} release and support package; a direct connection needs ${ST_A_PI_REQUIREMENT.display} or higher, otherwise ${stopsWorking()} stop connecting to the support backbone`,
          range: fieldRange(doc, s, 'components', KEY),
          system: s.sid,
          data: { component: KEY, missing: true },
        });
        continue;
      }
      const stApi = parseStApi(raw);
      // malformed values are reported by the schema
      if (!stApi || stApiMeetsMinimum(stApi)) continue;
      const target = minimumStApiFor(stApi);
      out.push({
        message: `${KEY} ${stApi.text} is below ${ST_A_PI_REQUIREMENT.display}: upgrade to ${target} or higher (Tools for Support Service Sessions on SAP Support Portal), otherwise ${stopsWorking()} can no longer connect to the support backbone`,
        range: fieldRange(doc, s, 'components', KEY),
        system: s.sid,
        data: { component: KEY, current: stApi.text, required: ST_A_PI_REQUIREMENT.display, target, applications: PLUGIN_DEPENDENT_APPLICATIONS.map((a) => a.id) },
        fixes: [{ title: `Set ${KEY} to ${target} (record the upgrade)`, edits: editor.setValue(sysPath(s, 'components', KEY), target), isPreferred: true }],
      });
    }
    return out;
  },
};
