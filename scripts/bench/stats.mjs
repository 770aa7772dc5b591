// Statistics and the table of the benchmark (scripts/bench.mjs).

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function minimum(xs) {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? Math.min(...s) : NaN;
}

export function fmtMs(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`;
}

export function fmtRatio(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

export const verdict = (ok) => (ok ? '✓' : '✗');

function number(x, unit) {
  if (x === undefined || !Number.isFinite(x)) return 'n/a';
  if (unit === '×') return fmtRatio(x);
  if (unit === 'ms') return x >= 100 ? String(Math.round(x)) : x.toFixed(1);
  if (unit === 'MiB') return String(Math.round(x));
  if (unit === 'lints') return String(x);
  return x.toFixed(2);
}

function cell(v, unit) {
  if (!v) return '—';
  if (!Number.isFinite(v.median)) return 'n/a';
  const suffix = unit === 'ms' ? ' ms' : unit === 'MiB' ? ' MiB' : '';
  const med = number(v.median, unit);
  const min = number(v.min, unit);
  return med === min && unit === 'lints' ? med : `${med}${suffix} (${min})`;
}

/**
 * A Markdown table: measure | one column per size | goal | met?. A row's `check` names the sizes
 * its goal applies to ({ 5000: limit }, { all: limit } or { single: limit }); the verdict compares
 * the median.
 */
export function renderTable(rows, sizes, M, k) {
  const head = ['measure', ...sizes.map(k), 'goal', 'met?'];
  const body = [];
  for (const row of rows) {
    if (row.section) {
      body.push([`**${row.section}**`, ...sizes.map(() => ''), '', '']);
      continue;
    }
    let cells;
    let met = '';
    if (row.single) {
      cells = sizes.map((n, i) => (i === sizes.length - 1 ? cell(row.single, row.unit) : ''));
      if (row.check?.single !== undefined) met = verdict(row.single.median <= row.check.single);
    } else {
      const values = sizes.map((n) => row.get(M[n]));
      cells = values.map((v) => cell(v, row.unit));
      if (row.check?.all !== undefined) {
        const vs = values.filter((v) => v && Number.isFinite(v.median));
        met = vs.length ? verdict(vs.every((v) => v.median <= row.check.all)) : 'n/a';
      } else if (row.check) {
        met = Object.entries(row.check).map(([n, limit]) => {
          const i = sizes.indexOf(Number(n));
          const v = values[i];
          if (i < 0) return `${k(Number(n))} not run`;
          return `${sizes.length > 1 || Object.keys(row.check).length > 1 ? `${k(Number(n))} ` : ''}${v && Number.isFinite(v.median) ? verdict(v.median <= limit) : 'n/a'}`;
        }).join(', ');
      }
    }
    body.push([row.label, ...cells, row.goal ?? '', met]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}
