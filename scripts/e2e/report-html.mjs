#!/usr/bin/env node
// The HTML readiness report in a real browser (headless Debian Chromium via playwright-core):
// writes `landscape-lint report --format html` of examples/acme.landscape.yaml and of a generated
// landscape of 1,000 systems, opens each page (light and dark colour scheme), blocks and counts
// every request that is not the page itself, checks that every system label of the map is
// rendered (an SVG text element with a non-empty box inside the page), that the page is under
// its size budget, and saves full-page screenshots.
//
//   node scripts/e2e/report-html.mjs [--systems 1000] [--budget-mb 5] [--screenshots DIR] [--no-build]
//
// Closes with `report-html: N passed, N failed` (one check per page and aspect).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, launchBrowser, log, makeRunDir } from './lib.mjs';
import { generateLandscape } from '../gen-landscape.mjs';

const o = { systems: 1000, budgetMb: 5, screenshots: path.join(REPO, 'screenshots', 'report-html'), build: true };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--systems') o.systems = Number(process.argv[++i]);
  else if (a === '--budget-mb') o.budgetMb = Number(process.argv[++i]);
  else if (a === '--screenshots') o.screenshots = path.resolve(process.argv[++i]);
  else if (a === '--no-build') o.build = false;
  else {
    console.error(`report-html: unknown option ${a}`);
    process.exit(2);
  }
}

const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok, detail });
  log('report-html', `${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

if (o.build) {
  const b = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'll-report-html-'));
fs.mkdirSync(o.screenshots, { recursive: true });

/** Runs the CLI; returns the HTML file written. */
function report(input, name) {
  const out = path.join(work, `${name}.html`);
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'report', input, '--format', 'html', '-o', out], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`report of ${input} exited ${r.status}: ${r.stderr}`);
  return out;
}

const pages = [{ name: 'acme', file: report(path.join(REPO, 'examples', 'acme.landscape.yaml'), 'acme') }];
const big = path.join(work, `big-${o.systems}.landscape.yaml`);
fs.writeFileSync(big, generateLandscape({ systems: o.systems, seed: 1 }).text);
pages.push({ name: `generated-${o.systems}`, file: report(big, `generated-${o.systems}`) });

const runDir = makeRunDir('report-html');
const browser = await launchBrowser({ runDir });
try {
  for (const p of pages) {
    const bytes = fs.statSync(p.file).size;
    check(`${p.name}: size ${(bytes / 1e6).toFixed(2)} MB under ${o.budgetMb} MB`, bytes < o.budgetMb * 1e6);
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      const self = pathToFileURL(p.file).href;
      const foreign = [];
      // nothing may leave the page: refuse (and count) every other request
      await page.route('**/*', (route) => {
        if (route.request().url() === self) return route.continue();
        foreign.push(route.request().url());
        return route.abort();
      });
      await page.goto(self, { waitUntil: 'load' });
      check(`${p.name} (${scheme}): no request besides the page`, foreign.length === 0, foreign.slice(0, 3).join(' '));
      // every system's SID is a rendered text element of the map (or, large map, inside a chip's tooltip list)
      const r = await page.evaluate(() => {
        const svg = document.querySelector('svg.llmap');
        const sys = [...document.querySelectorAll('section.system')].map((s) => s.querySelector('h3')?.firstChild?.textContent?.split(' — ')[0].trim());
        const drawn = new Map();
        for (const a of svg.querySelectorAll('a.sys[data-sid]')) {
          const t = a.querySelector('text.sid');
          const b = t?.getBoundingClientRect();
          drawn.set(a.getAttribute('data-sid'), !!b && b.width > 0 && b.height > 0 && t.textContent.startsWith(a.getAttribute('data-sid').slice(0, 8)));
        }
        const chips = [...svg.querySelectorAll('title')].map((t) => t.textContent).join('\n');
        return { systems: sys, drawn: [...drawn.entries()], chips, svgBox: svg.getBoundingClientRect().toJSON(), bg: getComputedStyle(document.body).backgroundColor };
      });
      const drawn = new Map(r.drawn);
      const missing = r.systems.filter((sid) => !drawn.get(sid) && !new RegExp(`(^|[\\s,:→])${sid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s,]|$)`, 'm').test(r.chips));
      check(`${p.name} (${scheme}): every one of ${r.systems.length} systems is drawn with its label (or in a "ready" chip)`, r.systems.length > 0 && missing.length === 0, missing.slice(0, 5).join(', '));
      check(`${p.name} (${scheme}): ${scheme} colours`, scheme === 'dark' ? r.bg === 'rgb(13, 17, 23)' : r.bg === 'rgb(255, 255, 255)', r.bg);
      const shot = path.join(o.screenshots, `${p.name}-${scheme}.png`);
      await page.screenshot({ path: shot, fullPage: p.name === 'acme' });
      log('report-html', `screenshot ${shot}`);
      if (p.name === 'acme') {
        await page.emulateMedia({ media: 'print' });
        const pdf = path.join(work, `${p.name}.pdf`);
        await page.pdf({ path: pdf, format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true }).catch(() => null);
        check(`${p.name} (${scheme}): prints (A4 landscape)`, fs.existsSync(pdf) && fs.statSync(pdf).size > 0);
      }
      await context.close();
    }
  }
} finally {
  await browser.close().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok);
for (const c of failed) console.log(`report-html: FAILED ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
console.log(`report-html: ${checks.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
