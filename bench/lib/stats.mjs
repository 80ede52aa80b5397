// Small statistics and formatting helpers shared by the benchmark sections.

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Rounds for display and for results.json (3 significant decimals are noise here). */
export function round(x, digits = 1) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const kb = (bytes) => round(bytes / 1024, 1);
export const mb = (bytes) => round(bytes / (1024 * 1024), 2);

/**
 * A target check: `{ pass, note }`. `higherIsBetter` flips the comparison; `note` says by how
 * much a missed target is missed (e.g. "missed by 12.3 KB (31%)").
 */
export function check(value, limit, { higherIsBetter = false, unit = '' } = {}) {
  if (!Number.isFinite(value)) return { pass: false, note: 'not measured' };
  const pass = higherIsBetter ? value >= limit : value <= limit;
  if (pass) return { pass, note: '' };
  const gap = Math.abs(value - limit);
  const pct = Math.round((gap / limit) * 100);
  return { pass, note: `missed by ${round(gap, 2)}${unit} (${pct}%)` };
}

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
