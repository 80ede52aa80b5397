// Searching encrypted dossiers by the applicant's name, ID number or phone without decrypting
// them: a keyed blind index (docs/receiver.md#searching-encrypted-dossiers).
//
// At receipt, each searchable value of the applicant is normalised and stored only as
// HMAC-SHA-256 under a search key derived from a LOOKUP_KEYS key (`dossier_search`). A search
// normalises the query the same way, computes its HMAC under every look-up key still in use and
// finds the dossiers with one equality lookup per term — an index seek, whatever the number of
// dossiers. What a copy of the database reveals: which dossiers share a term (by equal hashes),
// never the term itself; without the key nothing can be tested against the hashes (a plain hash of
// a 12-digit ID falls to brute force in seconds, see secrets.js). Only equality works: no
// prefixes or typos — a name is found by any of its whole words, an ID or phone by the whole
// number.
import { createHmac } from 'node:crypto';
import { identifyingValues, normalizeSecret, valuesAt } from './secrets.js';

/** Words indexed per name, names per dossier: bounds on what one submission adds. */
const MAX_WORDS = 8;
const MAX_NAMES = 10;
const MAX_QUERY_TERMS = 6;

/**
 * A name as typed or stored, for equality: Vietnamese diacritics dropped (Nguyễn → nguyen,
 * Đ → d), lower case, words of letters and digits only. Clerks type names without tone marks on
 * many keyboards; the index must find "Nguyễn Văn An" from "nguyen van an".
 * @param {unknown} raw
 * @returns {string[]} the words
 */
export function nameWords(raw) {
  if (typeof raw !== 'string') return [];
  return raw
    .slice(0, 200)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

/**
 * The search key of one look-up key: derived, so a search hash never equals a status look-up
 * secret's HMAC of the same number.
 * @param {Buffer} lookupKey
 */
const searchKey = (lookupKey) =>
  createHmac('sha256', lookupKey).update('dvc-forms desk search index v1').digest();

/**
 * @param {Buffer} key a search key (searchKey)
 * @param {'name' | 'number'} kind
 * @param {string} value normalised
 */
const termHmac = (key, kind, value) =>
  createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');

/**
 * The applicant's searchable values: the identifying numbers the procedure marks
 * (`privacy.identifyingFields`) and the `fullName` beside each of them (`applicant.personalId` →
 * `applicant.fullName`), plus the delivery recipient's name and phone.
 * @param {any} procedure
 * @param {any} payload
 * @returns {{ kind: 'name' | 'number', value: string }[]}
 */
export function searchTerms(procedure, payload) {
  const answers = payload?.answers;
  /** @type {Map<string, { kind: 'name' | 'number', value: string }>} */
  const terms = new Map();
  const add = (/** @type {'name' | 'number'} */ kind, /** @type {string} */ value) =>
    terms.set(`${kind}:${value}`, { kind, value });
  for (const n of identifyingValues(procedure, answers)) add('number', n);
  const fields = Array.isArray(procedure?.privacy?.identifyingFields)
    ? procedure.privacy.identifyingFields.filter(
        (/** @type {unknown} */ f) => typeof f === 'string',
      )
    : [];
  /** @type {Set<string>} */
  const nameFields = new Set();
  for (const f of fields) {
    const dot = f.lastIndexOf('.');
    nameFields.add(dot < 0 ? 'fullName' : `${f.slice(0, dot)}.fullName`);
  }
  const names = [...nameFields].flatMap((f) => valuesAt(answers, f));
  const recipient = payload?.delivery?.recipient;
  if (recipient) {
    names.push(recipient.fullName);
    const phone = normalizeSecret(recipient.phone);
    if (phone) add('number', phone);
  }
  for (const name of names.slice(0, MAX_NAMES)) for (const w of nameWords(name)) add('name', w);
  return [...terms.values()];
}

/**
 * Writes a dossier's search terms (inside its insert transaction, or at start-up for dossiers
 * received before the index existed) and marks it indexed.
 * @param {import('./storage/index.js').Storage} tx
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {string} code
 * @param {any} procedure
 * @param {any} payload
 * @param {Date} at
 */
export async function indexDossier(tx, keyring, code, procedure, payload, at) {
  const key = searchKey(keyring.lookup.key);
  const add = tx.prepare(
    'INSERT OR IGNORE INTO dossier_search (dossier_code, key_id, term_hmac) VALUES (?, ?, ?)',
  );
  for (const t of searchTerms(procedure, payload)) {
    await add.run(code, keyring.lookup.id, termHmac(key, t.kind, t.value));
  }
  await tx
    .prepare('UPDATE dossiers SET assisted = ?, indexed_at = ? WHERE code = ?')
    .run(payload?.assistedBy ? 1 : 0, at.toISOString(), code);
}

/**
 * What a search box query means: a dossier code, a number (ID or phone) or the words of a name.
 * @param {unknown} raw
 * @param {RegExp} codePattern
 * @returns {{ by: 'code', code: string } | { by: 'number' | 'name', terms: { kind: 'name' | 'number', value: string }[] } | undefined}
 */
export function parseQuery(raw, codePattern) {
  if (typeof raw !== 'string') return undefined;
  const q = raw.trim().slice(0, 200);
  if (!q) return undefined;
  const code = q.toUpperCase();
  if (codePattern.test(code)) return { by: 'code', code };
  const number = normalizeSecret(q);
  if (number) return { by: 'number', terms: [{ kind: 'number', value: number }] };
  const words = nameWords(q).slice(0, MAX_QUERY_TERMS);
  return { by: 'name', terms: words.map((value) => ({ kind: 'name', value })) };
}

/**
 * An SQL condition on `dossiers.code` matching every term (each under any look-up key in use),
 * with its parameters. A dossier matches when it holds all the words typed.
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {{ kind: 'name' | 'number', value: string }[]} terms
 * @returns {{ sql: string, params: string[] }}
 */
export function searchCondition(keyring, terms) {
  if (terms.length === 0) return { sql: '1 = 0', params: [] };
  const keys = [...keyring.lookups.values()].map(searchKey);
  /** @type {string[]} */
  const parts = [];
  /** @type {string[]} */
  const params = [];
  for (const t of terms) {
    const hashes = keys.map((k) => termHmac(k, t.kind, t.value));
    parts.push(
      `code IN (SELECT dossier_code FROM dossier_search WHERE term_hmac IN (${hashes.map(() => '?').join(', ')}))`,
    );
    params.push(...hashes);
  }
  return { sql: parts.join(' AND '), params };
}
