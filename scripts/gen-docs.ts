// Writes docs/rules.md, one page per rule (docs/rules/<id>.md), docs/knowledge.md (from the dated
// update records), schemas/landscape-lint-config.schema.json from the rules' metadata and the
// static snippets snippets/landscape-{yaml,json}.json from the templates.
// Run with `npm run docs`.
import * as fs from 'fs';
import * as path from 'path';
import { configSchema } from '../server/src/core/configSchema';
import { renderKnowledgeMarkdown } from '../server/src/core/knowledgeDocs';
import { renderRulePages, renderRulesMarkdown } from '../server/src/core/ruleDocs';
import { staticSnippets } from '../server/src/features/templates';

const root = path.resolve(__dirname, '..', '..');
const targets: [string, string][] = [
  [path.join(root, 'docs', 'rules.md'), renderRulesMarkdown()],
  [path.join(root, 'docs', 'knowledge.md'), renderKnowledgeMarkdown()],
  [path.join(root, 'schemas', 'landscape-lint-config.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n'],
  [path.join(root, 'snippets', 'landscape-yaml.json'), JSON.stringify(staticSnippets('yaml'), null, 2) + '\n'],
  [path.join(root, 'snippets', 'landscape-json.json'), JSON.stringify(staticSnippets('json'), null, 2) + '\n'],
  ...[...renderRulePages()].map(([page, text]): [string, string] => [path.join(root, 'docs', page), text]),
];
for (const [target, text] of targets) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
