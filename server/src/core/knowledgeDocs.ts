import { BASELINES, DEFAULT_BASELINE } from '../knowledge/baseline';
import type { KnowledgeUpdate, UpdateSource } from '../knowledge/updates';
import { KNOWLEDGE_UPDATES, LATER_NOTES } from '../knowledge/updates';
import { GUIDE } from '../knowledge/guide';
import { noteLink } from '../knowledge/notes';

/** One source as Markdown: the SAP Note (linked), the page (linked) and what it says. */
function sourceText(s: UpdateSource): string {
  const parts: string[] = [];
  if (s.note !== undefined) parts.push(`SAP Note [${s.note}](${noteLink(s.note)})`);
  if (s.url !== undefined) parts.push(`<${s.url}>`);
  return `${parts.length ? `${parts.join(', ')}: ` : ''}${s.says}`;
}

function updateSection(u: KnowledgeUpdate): string[] {
  return [
    `<a id="${u.id}"></a>`,
    '',
    `### ${u.title}`,
    '',
    `Id \`${u.id}\` · effective **${u.effective}** · confidence **${u.confidence}** · research rows ${u.research.join(', ')}`,
    '',
    u.claim,
    '',
    'Sources:',
    '',
    ...u.sources.map((s) => `- ${sourceText(s)}`),
    '',
    ...(u.checked ? [`Re-check: ${u.checked}`, ''] : []),
    'What it changes (baseline `current`):',
    '',
    ...u.changes.map((c) => `- \`${c.target}\` (${c.kind}): ${c.what}`),
    '',
  ];
}

/** Renders docs/knowledge.md from the update records (the single source of the dated knowledge). */
export function renderKnowledgeMarkdown(): string {
  const current = BASELINES.current;
  const guide = BASELINES['guide-1.1'];
  return [
    '# Knowledge baselines and dated updates',
    '',
    '<!-- Generated from server/src/knowledge/updates.ts by `npm run docs`; do not edit by hand. A test fails when this file is stale. -->',
    '',
    `landscape-lint judges a landscape by a *knowledge baseline*. \`${guide.id}\` is SAP's guide "${GUIDE.title}" ${GUIDE.version} of ${GUIDE.date} alone, exactly as version 0.1 checked it. \`${current.id}\` (the default: \`${DEFAULT_BASELINE}\`) is the guide plus the ${KNOWLEDGE_UPDATES.length} dated updates below, each with its effective date, its sources and a confidence; they were last reviewed on ${current.date}.`,
    '',
    'Choose it with `"baseline"` in `.landscape-lint.json`, the VS Code setting `landscapeLint.baseline`, or `--baseline` on the command line (also `landscape-lint report`). The date the advice is for is `"asOf"` / `landscapeLint.asOf` / `--as-of YYYY-MM-DD` (default: today, UTC): before an update\'s effective date its messages speak in the future tense, or it changes nothing yet; from that day on in the past tense, with its full effect. The JSON and SARIF output and the readiness reports state the baseline used.',
    '',
    'Confidence: **high** = stated by SAP or by several independent sources — may change findings; **medium** = one practitioner source, or sources that disagree in detail — only adds infos and hover lines (or accepts a value), never an error; **low** = mentioned once — not used for findings.',
    '',
    '| Effective | Update | Confidence | Changes |',
    '|---|---|---|---|',
    ...KNOWLEDGE_UPDATES.map((u) => `| ${u.effective} | [${u.title}](#${u.id}) | ${u.confidence} | ${[...new Set(u.changes.map((c) => `\`${c.target}\``))].join(', ')} |`),
    '',
    '## Updates',
    '',
    ...KNOWLEDGE_UPDATES.flatMap(updateSection),
    '## SAP Notes after the guide',
    '',
    'Under `current` the note catalogue (hovers, completion) also knows these notes; titles only where a source gives one.',
    '',
    '| SAP Note | Title | Purpose | Update | Confidence |',
    '|---|---|---|---|---|',
    ...LATER_NOTES.map((n) => `| [${n.number}](${noteLink(n.number)}) | ${n.title ?? '(not found)'} | ${n.purpose} | [${n.update}](#${n.update}) | ${n.confidence} |`),
    '',
  ].join('\n');
}
