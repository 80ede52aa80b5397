/**
 * The second factor of the status look-up as the receiver compares it: a phone number or
 * personal ID normalised the way the form normalises those answers (src/validation/formats.ts
 * `normalizeText` then `normalizeFormat`), so what a citizen types at the look-up finds what
 * the form stored, whichever keyboard typed it.
 */
import { normalizeFormat, normalizeText } from '../validation/formats.js';

/**
 * A phone number or personal ID as typed at the status look-up, in the canonical form the
 * form stores (`0912345678`, `001099012345`), or '' when it is not 9 to 12 digits (9: old CMND,
 * 10: mobile, 12: personal ID — Law on Identification 2023 Art. 12). The form's own text and
 * `vn-mobile` normalisation: it folds compatibility forms (NFKC), so the full-width digits, plus,
 * dots and dashes some Vietnamese IMEs type (`０９１２３４５６７８`) read as the digits they show, as
 * they do in the form's answers; removes separators (a personal ID's too: `vn-personal-id`
 * removes the same ones) and turns `+84`/`0084`/`84` into `0`.
 */
export function normalizeLookupSecret(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 40) return '';
  const s = normalizeFormat('vn-mobile', normalizeText(raw));
  return /^\d{9,12}$/.test(s) ? s : '';
}
