import { rulePagePath } from './diagnostics';
import { ALL_RULES } from './lint';

/** Renders docs/rules.md from the rules' metadata (the single source of the rule documentation). */
export function renderRulesMarkdown(): string {
  const out: string[] = [];
  out.push('# landscape-lint rules', '');
  out.push('<!-- Generated from the rules\' metadata by `npm run docs`; do not edit by hand. A test fails when this file is stale. -->', '');
  out.push('Every diagnostic carries its rule id as `code` and links to the rule\'s own page (`docs/rules/<id>.md`, linked from the table). Severities: **error** = connectivity to the SAP support backbone breaks; **warning** = partial connectivity or a required check not recorded; **info** = a recommendation of the guide. Section numbers refer to SAP\'s configuration guide *Support Backbone Update* (version 1.1, 2019-08-19).', '');
  out.push('Change a rule\'s severity in `.landscape-lint.json` (`{ "rules": { "<id>": "off|info|warning|error" } }`), in the VS Code setting `landscapeLint.rules`, or with `landscape-lint --rule <id>=<severity>`. Suppress one place with a comment on the line above: `# landscape-lint-disable-next-line <id> -- <reason>` (see [configuration.md](configuration.md)).', '');
  out.push('| Rule | Title | Default severity | Guide section | Quick-fix |', '|---|---|---|---|---|');
  for (const r of ALL_RULES) out.push(`| [\`${r.id}\`](${rulePagePath(r.id)}) | ${r.title} | ${r.severity} | ${r.section} | ${r.fixable ? 'yes' : '—'} |`);
  out.push('');
  for (const r of ALL_RULES) {
    out.push(`<a id="${r.id}"></a>`, '', `## \`${r.id}\` — ${r.title}`, '');
    out.push(...ruleBody(r));
  }
  return out.join('\n');
}

type Meta = (typeof ALL_RULES)[number];

function ruleBody(r: Meta): string[] {
  return [
    `Default severity: **${r.severity}** · Guide section: ${r.section} · Quick-fix: ${r.fixable ? 'yes' : 'no'}`, '',
    r.description.trim(), '',
    'Reported:', '', '```yaml', r.badExample.trimEnd(), '```', '',
    'Fixed:', '', '```yaml', r.goodExample.trimEnd(), '```', '',
  ];
}

/** The page of one rule (docs/rules/<id>.md), generated like docs/rules.md. */
export function renderRulePage(r: Meta): string {
  return [
    `# \`${r.id}\` — ${r.title}`, '',
    '<!-- Generated from the rule\'s metadata by `npm run docs`; do not edit by hand. -->', '',
    ...ruleBody(r),
    'Change its severity or suppress it in one place: see [all rules](../rules.md) and [configuration](../configuration.md).', '',
  ].join('\n');
}

/** Every rule page: path relative to docs/ → text. */
export function renderRulePages(): Map<string, string> {
  return new Map(ALL_RULES.map((r) => [rulePagePath(r.id), renderRulePage(r)]));
}
