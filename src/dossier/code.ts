/**
 * Dossier codes (mã hồ sơ) `PREFIX-YYMMDD-XXXX`, e.g. `KS-261126-7QF3`: the procedure's prefix,
 * the reception date in Vietnam and 4 symbols. The receiver makes them; the status look-up and
 * the receipt read them back — one pattern for all.
 */

/**
 * Letters and digits a citizen can read back over the phone without confusion: no 0/O, 1/I/L,
 * and no U (avoids accidental words); 30 symbols, so 4 of them give 810,000 codes per procedure
 * per day.
 */
export const DOSSIER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A whole dossier code, upper case. */
export const DOSSIER_CODE_PATTERN = /^[A-Z]{2,4}-\d{6}-[2-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A code as a person may type it (spaces around, lower case) in the form the receiver stores, or
 * undefined when it cannot be a dossier code.
 */
export function normalizeDossierCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  return DOSSIER_CODE_PATTERN.test(code) ? code : undefined;
}
