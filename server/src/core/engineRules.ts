import type { RuleMeta } from '../rules/rule';

/**
 * Findings the engine itself makes (parsing, schema, suppression comments). They go through
 * the same pipeline as the domain rules: severity settings, docs links, SARIF rule entries.
 */
export const ENGINE_RULES: readonly RuleMeta[] = Object.freeze([
  {
    id: 'yaml-syntax',
    title: 'YAML syntax error',
    severity: 'error',
    section: 'spec §1',
    description: 'The file is not valid YAML (or expands aliases beyond the safety limit). The parts that could be parsed are still checked.',
    badExample: 'systems:\n  EDV:\n    role: abap\n   basis: 731 SP19   # wrong indentation',
    goodExample: 'systems:\n  EDV:\n    role: abap\n    basis: 731 SP19',
    fixable: false,
  },
  {
    id: 'json-syntax',
    title: 'JSON syntax error',
    severity: 'error',
    section: 'spec §1',
    description: 'A `*.landscape.json` file must be strict JSON (no comments, no trailing commas, quoted keys).',
    badExample: '{ "landscape": "ACME", }',
    goodExample: '{ "landscape": "ACME" }',
    fixable: false,
  },
  {
    id: 'duplicate-key',
    title: 'Duplicate key',
    severity: 'error',
    section: 'spec §2 (landscape-wide)',
    description: 'A key (for example a SID under `systems`) appears twice in the same map. Only one of them would be used, so the other system silently disappears.',
    badExample: 'systems:\n  EDV: { role: abap, connection: none }\n  EDV: { role: abap, connection: direct }',
    goodExample: 'systems:\n  EDV: { role: abap, connection: none }\n  EQA: { role: abap, connection: direct }',
    fixable: false,
  },
  {
    id: 'file-too-large',
    title: 'File too large to check',
    severity: 'warning',
    section: 'engine',
    description: 'Files above the size limit (setting `landscapeLint.maxFileSizeKB`, CLI `--max-file-size`) are not parsed, to keep the editor responsive.',
    badExample: '# a 50 MB generated file',
    goodExample: '# split the landscape, or raise the limit',
    fixable: false,
  },
  {
    id: 'schema',
    title: 'Landscape file format',
    severity: 'error',
    section: 'spec §1',
    description: 'The file does not follow the landscape format (schemas/landscape.schema.json): an unknown key, a value of the wrong type, a value outside its allowed set, or a version in the wrong form. The message names the expected form with an example.',
    badExample: 'systems:\n  EDV:\n    role: abap\n    conection: direct\n    basis: 731SP19',
    goodExample: 'systems:\n  EDV:\n    role: abap\n    connection: direct\n    basis: 731 SP19',
    fixable: true,
  },
  {
    id: 'suppression',
    title: 'Invalid suppression comment',
    severity: 'warning',
    section: 'engine',
    description: 'A `# landscape-lint-disable-next-line <rule-id> -- <reason>` comment must name existing rules and give a reason after `--`, so reviewers know why a requirement of the guide is waived.',
    badExample: '# landscape-lint-disable-next-line saprouter-check\nEDV:',
    goodExample: '# landscape-lint-disable-next-line saprouter-check -- SAProuter replaced by direct HTTPS proxy (CHG-1234)\nEDV:',
    fixable: false,
  },
]);
