// Writes docs/rules.md, one page per rule (docs/rules/<id>.md), docs/knowledge.md (from the dated
// update records) and schemas/landscape-lint-config.schema.json from the rules' metadata.
// Run with `npm run docs`.
import * as fs from 'fs';
import * as path from 'path';
import { configSchema } from '../server/src/core/configSchema';
import { renderKnowledgeMarkdown } from '../server/src/core/knowledgeDocs';
import { renderRulePages, renderRulesMarkdown } from '../server/src/core/ruleDocs';

const root = path.resolve(__dirname, '..', '..');
const targets: [string, string][] = [
  [path.join(root, 'docs', 'rules.md'), renderRulesMarkdown()],
  [path.join(root, 'docs', 'knowledge.md'), renderKnowledgeMarkdown()],
  [path.join(root, 'schemas', 'landscape-lint-config.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n'],
  ...[...renderRulePages()].map(([page, text]): [string, string] => [path.join(root, 'docs', page), text]),
];
for (const [target, text] of targets) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
