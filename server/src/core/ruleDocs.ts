import { ALL_RULES } from './lint';

/** Renders docs/rules.md from the rules' metadata (the single source of the rule documentation). */
export function renderRulesMarkdown(): string {
  const out: string[] = [];
  out.push('# landscape-lint rules', '');
  out.push('<!-- Generated from the rules\' metadata by `npm run docs`; do not edit by hand. A test fails when this file is stale. -->', '');
  out.push('Every diagnostic carries its rule id as `code` and links here. Severities: **error** = connectivity to the SAP support backbone breaks; **warning** = partial connectivity or a required check not recorded; **info** = a recommendation of the guide. Section numbers refer to SAP\'s configuration guide *Support Backbone Update* (version 1.1, 2019-08-19).', '');
  out.push('Change a rule\'s severity in `.landscape-lint.json` (`{ "rules": { "<id>": "off|info|warning|error" } }`), in the VS Code setting `landscapeLint.rules`, or with `landscape-lint --rule <id>=<severity>`. Suppress one place with a comment on the line above: `# landscape-lint-disable-next-line <id> -- <reason>` (see [configuration.md](configuration.md)).', '');
  out.push('| Rule | Title | Default severity | Guide section | Quick-fix |', '|---|---|---|---|---|');
  for (const r of ALL_RULES) out.push(`| [\`${r.id}\`](#${r.id}) | ${r.title} | ${r.severity} | ${r.section} | ${r.fixable ? 'yes' : '—'} |`);
  out.push('');
  for (const r of ALL_RULES) {
    out.push(`<a id="${r.id}"></a>`, '', `## \`${r.id}\` — ${r.title}`, '');
    out.push(`Default severity: **${r.severity}** · Guide section: ${r.section} · Quick-fix: ${r.fixable ? 'yes' : 'no'}`, '');
    out.push(r.description.trim(), '');
    out.push('Reported:', '', '```yaml', r.badExample.trimEnd(), '```', '');
    out.push('Fixed:', '', '```yaml', r.goodExample.trimEnd(), '```', '');
  }
  return out.join('\n');
}
