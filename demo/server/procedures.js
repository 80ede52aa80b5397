// The procedures this agency offers: every schemas/procedures/<name>.json (not *.cases.json),
// read once at startup. The exact bytes are kept because the signed payload carries the SHA-256
// of the file as served, and verification recomputes it from the same text.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Dossier-code prefixes of the sample procedures (the usual abbreviations on receipts).
 * Other procedures get the initials of the last two words of their file name.
 */
const PREFIXES = {
  'dang-ky-khai-sinh': 'KS',
  'dang-ky-ket-hon': 'KH',
  'dang-ky-thuong-tru': 'TT',
  'cap-giay-phep-lai-xe-quoc-te': 'LX',
};

/**
 * @typedef {object} ProcedureEntry
 * @property {string} name File name without `.json`; the URL is `/procedures/<name>.json`.
 * @property {string} prefix Dossier-code prefix.
 * @property {string} text The file's text, exactly as served.
 * @property {Buffer} bytes
 * @property {string} sha256 Hex SHA-256 of the bytes.
 * @property {any} procedure The parsed procedure.
 */

/**
 * @param {string} name
 * @returns {string}
 */
export function prefixFor(name) {
  if (name in PREFIXES) return PREFIXES[/** @type {keyof typeof PREFIXES} */ (name)];
  const words = name.split('-').filter((w) => /^[a-z]/i.test(w));
  const initials = words
    .slice(-2)
    .map((w) => w[0].toUpperCase())
    .join('');
  return initials.length === 2 ? initials : 'HS';
}

/**
 * Reads the procedures of `dir`. A file that is not valid JSON or lacks the identity members is
 * skipped with a warning through `warn` rather than stopping the whole site.
 * `check(text)`, when given (the library's loadProcedure), returns problems that also skip a file.
 * @param {string} dir
 * @param {{ warn: (msg: string) => void, check?: (text: string, file: string) => string[] }} hooks
 * @returns {ProcedureEntry[]}
 */
export function readProcedures(dir, { warn, check }) {
  /** @type {ProcedureEntry[]} */
  const out = [];
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'));
  } catch {
    warn(`no procedures folder at ${dir}`);
    return out;
  }
  for (const file of files.sort()) {
    const name = file.slice(0, -'.json'.length);
    if (!/^[a-z0-9-]+$/.test(name)) {
      warn(`skipped ${file}: procedure file names use a-z, 0-9 and "-" only`);
      continue;
    }
    const bytes = readFileSync(join(dir, file));
    const text = bytes.toString('utf8');
    let procedure;
    try {
      procedure = JSON.parse(text);
    } catch (e) {
      warn(`skipped ${file}: not JSON (${/** @type {Error} */ (e).message})`);
      continue;
    }
    if (
      !procedure ||
      typeof procedure.code !== 'string' ||
      typeof procedure.version !== 'string' ||
      typeof procedure.title?.vi !== 'string'
    ) {
      warn(`skipped ${file}: no code, version or title.vi`);
      continue;
    }
    const problems = check ? check(text, file) : [];
    if (problems.length > 0) {
      warn(`skipped ${file}: ${problems.join('; ')}`);
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    out.push({ name, prefix: prefixFor(name), text, bytes, sha256, procedure });
  }
  return out;
}

/**
 * The public summary of a procedure for `GET /api/procedures`.
 * @param {ProcedureEntry} p
 * @param {boolean} hasPage whether the site has /thu-tuc/<name>.html
 */
export function summary(p, hasPage) {
  const proc = p.procedure;
  return {
    name: p.name,
    url: `/procedures/${p.name}.json`,
    page: hasPage ? `/thu-tuc/${p.name}.html` : null,
    code: proc.code,
    version: proc.version,
    sha256: p.sha256,
    title: proc.title,
    description: proc.description,
    agency: proc.agency,
    serviceKind: proc.serviceKind,
    processingDays: proc.processingDays,
  };
}
