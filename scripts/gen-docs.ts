// Writes docs/rules.md from the rules' metadata. Run with `npm run docs`.
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../server/src/core/ruleDocs';

const target = path.resolve(__dirname, '..', '..', 'docs', 'rules.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderRulesMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
