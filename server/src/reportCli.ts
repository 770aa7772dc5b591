import * as fs from 'fs';
import * as path from 'path';
import type { CliIO } from './cli';
import { lintText } from './core/lint';
import { DEFAULT_MAX_FILE_SIZE } from './core/document';
import { FileReadError, readLandscapeFile } from './core/files';
import { buildChecklist } from './features/checklist';
import { buildMap } from './features/map';
import { renderReportJson, renderReportMarkdown } from './features/report';
import { renderReportHtml, reportDate } from './features/reportHtml';

export { reportDate };
import { ConfigError, findConfigFile, loadConfigFile } from './core/config';
import type { BaselineId } from './knowledge/baseline';
import { BASELINE_IDS, isBaselineId, isIsoDate, knowledgeContext } from './knowledge/baseline';

const USAGE = `Usage: landscape-lint report <file> [--format md|json|html] [-o FILE]

Writes the readiness report of a landscape file: per system the items of the
checklists of SAP's guide "Support Backbone Update" that apply to it, each done,
open, not applicable or unknown, with what to do.

Options:
  --format md|json|html
                       output format (default: md, or json / html when -o names a
                       .json / .html file); html is one self-contained page with
                       the landscape map, for people who do not use the tools
  -o, --output FILE    write the report to FILE instead of standard output
  --baseline guide-1.1|current
                       knowledge to judge by (default: "baseline" of the nearest
                       .landscape-lint.json, else current); see docs/knowledge.md
  --as-of YYYY-MM-DD   the date the advice is for (default: "asOf" of the
                       configuration file, else today, UTC)
  -h, --help           show this help

The report follows the guide, not the severity settings: rule settings and
--rule do not change it; suppression comments with a reason in the file do.
The HTML report is dated today (UTC), or by SOURCE_DATE_EPOCH when it is set.

Exit codes: 0 report written, 2 bad usage or an unreadable input.`;

/**
 * \`landscape-lint report\`: the readiness report of one landscape file.
 * @param argv the arguments after \`report\`
 * @returns the exit code
 */
export function reportMain(argv: readonly string[], io: CliIO): number {
  let format: 'md' | 'json' | 'html' | undefined;
  let output: string | undefined;
  let baseline: BaselineId | undefined;
  let asOf: string | undefined;
  const inputs: string[] = [];
  const fail = (message: string): number => {
    io.err(`landscape-lint report: ${message}\n\n${USAGE}`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string | undefined => (eq > 0 ? raw.slice(eq + 1) : argv[++i]);
    if (flag === '-h' || flag === '--help') {
      io.out(USAGE);
      return 0;
    }
    if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'md' && v !== 'markdown' && v !== 'json' && v !== 'html') return fail(`--format must be md, json or html, not '${v ?? ''}'`);
      format = v === 'markdown' ? 'md' : v;
    } else if (flag === '-o' || flag === '--output') {
      const v = value();
      if (!v) return fail(`${flag} needs a file name`);
      output = v;
    } else if (flag === '--baseline') {
      const v = value();
      if (!isBaselineId(v)) return fail(`--baseline must be ${BASELINE_IDS.join(' or ')}, not '${v ?? ''}'`);
      baseline = v;
    } else if (flag === '--as-of') {
      const v = value();
      if (v === undefined || !isIsoDate(v)) return fail(`--as-of takes a date YYYY-MM-DD, not '${v ?? ''}'`);
      asOf = v;
    } else if (raw.startsWith('-') && raw !== '-') {
      return fail(`unknown option '${raw}'`);
    } else inputs.push(raw);
  }
  if (inputs.length !== 1) return fail(inputs.length ? 'give exactly one landscape file' : 'which landscape file? give its path');
  const file = path.resolve(io.cwd, inputs[0]);
  let text: string;
  try {
    // only a regular file, and no more of it than the size check needs (the report lints with the
    // default limit): a named pipe or /dev/zero is refused at once instead of read forever
    text = readLandscapeFile(file, DEFAULT_MAX_FILE_SIZE);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    io.err(`landscape-lint report: cannot read '${inputs[0]}': ${e.message}`);
    return 2;
  }
  const rel = path.relative(io.cwd, file);
  const display = !rel || rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel.split(path.sep).join('/');
  // the baseline and date: the command line's, else the nearest configuration file's (its rule
  // severities do not apply: the report follows the guide)
  let configured: { baseline?: BaselineId; asOf?: string } = {};
  try {
    const found = baseline === undefined || asOf === undefined ? findConfigFile(path.dirname(file)) : undefined;
    if (found) configured = loadConfigFile(found);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`landscape-lint report: ${e.message}`);
    return 2;
  }
  const result = lintText(file, text, { knowledge: knowledgeContext(baseline ?? configured.baseline, asOf ?? configured.asOf) });
  const checklist = buildChecklist(result);
  const chosen = format ?? (output !== undefined && /\.json$/i.test(output) ? 'json' : output !== undefined && /\.html?$/i.test(output) ? 'html' : 'md');
  const rendered = chosen === 'json'
    ? renderReportJson(checklist, display)
    : chosen === 'html'
      ? renderReportHtml(buildMap(result, checklist), { fileName: display, date: reportDate(io.env) })
      : renderReportMarkdown(checklist, display);
  if (output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, output), rendered.endsWith('\n') ? rendered : `${rendered}\n`);
    } catch (e) {
      io.err(`landscape-lint report: cannot write '${output}': ${(e as Error).message}`);
      return 2;
    }
  } else io.out(rendered.trimEnd());
  return 0;
}
