// Dossier codes (mã hồ sơ).
import { randomInt } from 'node:crypto';
import { DOSSIER_CODE_ALPHABET, DOSSIER_CODE_PATTERN } from './engine.js';

/** The symbols and the pattern of dossier codes are the engine's (src/dossier/code.ts). */
export const CODE_ALPHABET = DOSSIER_CODE_ALPHABET;
export const CODE_PATTERN = DOSSIER_CODE_PATTERN;

/** Vietnam has used UTC+7 all year since 1975, so a fixed offset is exact. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The calendar date in Vietnam (Asia/Ho_Chi_Minh) of an instant, as YYYY-MM-DD.
 * @param {Date} instant
 */
export function vietnamDate(instant) {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A new dossier code `PREFIX-YYMMDD-XXXX`, e.g. `KS-261126-7QF3`: the procedure's prefix, the
 * reception date in Vietnam and 4 random symbols, retried until `exists` says the code is free.
 * @param {string} prefix
 * @param {Date} receivedAt
 * @param {(code: string) => boolean} exists
 * @param {(max: number) => number} [random] Injectable for tests; crypto.randomInt by default.
 */
export function newDossierCode(prefix, receivedAt, exists, random = randomInt) {
  const date = vietnamDate(receivedAt).replaceAll('-', '').slice(2);
  for (let attempt = 0; attempt < 20; attempt++) {
    let tail = '';
    for (let i = 0; i < 4; i++) tail += CODE_ALPHABET[random(CODE_ALPHABET.length)];
    const code = `${prefix}-${date}-${tail}`;
    if (!exists(code)) return code;
  }
  // 20 collisions in a row means the day's space is nearly full or the random source is broken.
  throw new Error(`no free dossier code for ${prefix} on ${date}`);
}

// The expected result date is computed by the library (src/calendar, `expectedResultDate` in
// dist/engine.js): holidays, Tết, days off in lieu and swapped Saturdays, one rule for all.
