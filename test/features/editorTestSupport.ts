import * as fs from 'fs';
import * as path from 'path';
import type { Position } from 'vscode-languageserver-types';
import { ROOT } from '../support/helpers';

/** One entry of a VS Code snippet file. */
export interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  isFileTemplate?: boolean;
}

export function readSnippets(file: 'landscape-yaml.json' | 'landscape-json.json'): Record<string, SnippetDef> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, SnippetDef>;
}

export function bodyOf(s: SnippetDef): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

type Part = string | { n: number; kind: 'tab' | 'placeholder' | 'choice'; children?: Part[]; choices?: string[] };

/** Parses the VS Code snippet syntax: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`, escapes. */
function parse(text: string, i = 0, stopAtBrace = false): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) parts.push(lit);
    lit = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
      lit += text[i + 1];
      i += 2;
      continue;
    }
    if (stopAtBrace && c === '}') {
      flush();
      return { parts, end: i + 1 };
    }
    if (c === '$') {
      const simple = /^\$(\d+)/.exec(text.slice(i));
      if (simple) {
        flush();
        parts.push({ n: Number(simple[1]), kind: 'tab' });
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(text.slice(i));
      if (open) {
        flush();
        const n = Number(open[1]);
        i += open[0].length;
        if (open[2] === '}') parts.push({ n, kind: 'tab' });
        else if (open[2] === ':') {
          const inner = parse(text, i, true);
          parts.push({ n, kind: 'placeholder', children: inner.parts });
          i = inner.end;
        } else {
          const close = text.indexOf('|}', i);
          parts.push({ n, kind: 'choice', choices: text.slice(i, close).split(',') });
          i = close + 2;
        }
        continue;
      }
    }
    lit += c;
    i++;
  }
  flush();
  return { parts, end: i };
}

/**
 * Expands a snippet as if every placeholder kept its default (the first choice of a choice),
 * or took the value given in `values`; `$0` and empty tab stops become ''.
 */
export function expandSnippet(body: string, values: Record<number, string> = {}): string {
  const { parts } = parse(body);
  const defaults = new Map<number, Part[] | string>();
  const collect = (ps: Part[]): void => {
    for (const p of ps) {
      if (typeof p === 'string') continue;
      if (p.kind === 'placeholder' && !defaults.has(p.n)) defaults.set(p.n, p.children!);
      if (p.kind === 'choice' && !defaults.has(p.n)) defaults.set(p.n, p.choices![0]);
      if (p.children) collect(p.children);
    }
  };
  collect(parts);
  const render = (ps: Part[]): string =>
    ps
      .map((p) => {
        if (typeof p === 'string') return p;
        if (values[p.n] !== undefined) return values[p.n];
        const d = defaults.get(p.n);
        return d === undefined ? '' : typeof d === 'string' ? d : render(d);
      })
      .join('');
  return render(parts);
}

/** Indents every line but the first (VS Code adds the current line's indentation the same way). */
export function indentBody(text: string, indent: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : indent + l))
    .join('\n');
}

/** Splits a test document at its `|` cursor marker. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('no | cursor marker in test document');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}
