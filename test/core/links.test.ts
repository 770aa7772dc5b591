/**
 * No dead links (issue 14): every link in package.json, README.md, CHANGELOG.md, docs/ and the
 * walkthrough pages goes somewhere. Policy (docs/spec-extensions.md, "Links"): the project has no
 * public home yet, so no link names a host that cannot exist (`.invalid`, `example.com`, …);
 * documentation is linked relatively (the files ship in the .vsix and the npm package) and from
 * settings through a command of the extension.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/helpers';

/** Hosts reserved for examples and tests (RFC 2606, RFC 6761): a link to them is dead by design. */
const RESERVED_HOST = /(^|\.)(invalid|test|example|localhost)$|(^|\.)example\.(com|net|org)$/i;

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, blanks to hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8');
  const out = new Set<string>();
  for (const m of text.matchAll(/^#{1,6}\s+(.+)$/gm)) out.add(slug(m[1]));
  for (const m of text.matchAll(/<a id="([^"]+)"/g)) out.add(m[1]);
  return out;
}

/** Markdown link targets `[text](target)` of a text (code spans and fenced blocks left out). */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { contributes: { commands: { command: string }[] } };
const contributed = new Set(pkg.contributes.commands.map((c) => c.command));

/** Why a link is dead, or undefined when it goes somewhere. `from`: the file it is in (relative links). */
function deadBecause(link: string, from: string): string | undefined {
  if (/^https?:\/\//i.test(link)) {
    const host = new URL(link).hostname;
    return RESERVED_HOST.test(host) ? `host ${host} does not exist` : undefined;
  }
  if (/^mailto:/i.test(link)) return undefined;
  if (/^command:/i.test(link)) {
    const id = decodeURIComponent(link.slice('command:'.length).split('?')[0]);
    // the extension's own commands must be contributed; VS Code's (workbench.*) exist
    return id.startsWith('landscapeLint.') && !contributed.has(id) ? `command ${id} is not contributed` : undefined;
  }
  const [file, anchor] = link.split('#');
  const target = file ? path.resolve(path.dirname(from), decodeURIComponent(file)) : from;
  if (!fs.existsSync(target)) return `${path.relative(ROOT, target)} does not exist`;
  if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor)) return `no anchor #${anchor} in ${path.relative(ROOT, target)}`;
  return undefined;
}

/** Every string in a JSON value, with its path. */
function strings(v: unknown, at = ''): [string, string][] {
  if (typeof v === 'string') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k));
  return [];
}

describe('links: none is dead (issue 14)', () => {
  const docs = [
    path.join(ROOT, 'README.md'), path.join(ROOT, 'CHANGELOG.md'),
    ...markdownFiles(path.join(ROOT, 'docs')), ...markdownFiles(path.join(ROOT, 'media', 'walkthrough')),
  ];

  it('README, CHANGELOG, docs/ and the walkthrough: relative links resolve (file and anchor), no reserved hosts', () => {
    const dead: string[] = [];
    let count = 0;
    for (const file of docs) {
      for (const link of linksOf(fs.readFileSync(file, 'utf8'))) {
        count++;
        const why = deadBecause(link, file);
        if (why) dead.push(`${path.relative(ROOT, file)}: ${link} — ${why}`);
      }
      // bare URLs too (outside Markdown links)
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s)"'<>`]+/g)) {
        const why = deadBecause(m[0], file);
        if (why) dead.push(`${path.relative(ROOT, file)}: ${m[0]} — ${why}`);
      }
    }
    assert.deepEqual(dead, []);
    assert.ok(count > 50, `${count} links checked`);
  });

  it('package.json: links in settings, walkthrough and views, URLs anywhere (repository, scripts) go somewhere', () => {
    const dead: string[] = [];
    for (const [at, value] of strings(pkg)) {
      for (const link of linksOf(value)) {
        const why = deadBecause(link, path.join(ROOT, 'package.json'));
        if (why) dead.push(`${at}: ${link} — ${why}`);
      }
      for (const m of value.matchAll(/https?:\/\/[^\s)"'<>`]+/g)) {
        const why = deadBecause(m[0], path.join(ROOT, 'package.json'));
        if (why) dead.push(`${at}: ${m[0]} — ${why}`);
      }
    }
    assert.deepEqual(dead, []);
  });

  it('the check itself finds dead links (so it can fail)', () => {
    const from = path.join(ROOT, 'README.md');
    assert.match(deadBecause('https://example.invalid/landscape-lint/docs/rules.md', from) ?? '', /does not exist/);
    assert.match(deadBecause('docs/nope.md', from) ?? '', /does not exist/);
    assert.match(deadBecause('docs/rules.md#no-such-rule', from) ?? '', /no anchor/);
    assert.match(deadBecause('command:landscapeLint.noSuchCommand', from) ?? '', /not contributed/);
    assert.equal(deadBecause('docs/rules.md#na-digital-signature', from), undefined);
    assert.equal(deadBecause('docs/configuration.md#files-over-the-size-limit', from), undefined);
  });
});
