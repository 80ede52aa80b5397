/**
 * Formats for foreign parties (format 1.1): `intl-phone` and `passport-number`. Like the
 * Vietnamese formats they are plain functions handed to ajv (and to precompiled modules through
 * `bind(runtime)`), so the form, `check` and verify run the same code.
 *
 * `intl-phone` checks with libphonenumber-js and its `min` metadata (Google libphonenumber's
 * rules, per country: country calling code, possible lengths, number ranges). The library is a
 * lazy chunk: `loadPhoneEngine()` runs before a validator over a schema that uses the format is
 * built (createValidator), in the browser and on the server alike.
 */
import type { FormatReason } from './formats.js';

type PhoneEngine = Pick<
  typeof import('libphonenumber-js/min'),
  'isValidPhoneNumber' | 'validatePhoneNumberLength'
>;
let phone: PhoneEngine | undefined;

/** Loads libphonenumber-js (its own chunk in the browser); needed before validating `intl-phone`. */
export async function loadPhoneEngine(): Promise<void> {
  phone ??= await import('libphonenumber-js/min');
}

/** Whether a data schema names `format` (as a JSON string anywhere in it). */
export function schemaMentions(data: unknown, format: string): boolean {
  try {
    return JSON.stringify(data).includes(JSON.stringify(format));
  } catch {
    // Nested too deep to serialise: compiling refuses that schema with its own CompileError.
    return false;
  }
}

/** Whether a data schema uses a format that needs the phone engine. */
export function needsPhoneEngine(data: unknown): boolean {
  return schemaMentions(data, 'intl-phone');
}

/**
 * An international phone number in E.164 (ITU-T E.164; what `normalizeIntlPhone` gives): `+`,
 * the country calling code and the national number, 15 digits at most, valid for that country
 * by libphonenumber's metadata. Vietnamese numbers (+84) are accepted too.
 */
export function intlPhoneReason(value: string): FormatReason | undefined {
  if (!/^\+?\d+$/.test(value)) return 'characters';
  if (!value.startsWith('+')) return 'country-code';
  if (!phone)
    throw new Error('dvc-forms: the phone engine is not loaded (call loadPhoneEngine first)');
  switch (phone.validatePhoneNumberLength(value)) {
    case undefined:
      break;
    case 'INVALID_COUNTRY':
      return 'country-code';
    case 'NOT_A_NUMBER':
      return 'characters';
    default:
      return 'length';
  }
  return phone.isValidPhoneNumber(value) ? undefined : 'invalid';
}

/**
 * Canonical international number: separators and parentheses removed, a leading international
 * call prefix `00` written `+` (`0044 20 7946 0958` → `+442079460958`). Needs no metadata, so it
 * is the same wherever it runs.
 */
export function normalizeIntlPhone(value: string): string {
  const compact = value.replace(/[\s.\-–()/]/g, '');
  return /^00\d/.test(compact) ? `+${compact.slice(2)}` : compact;
}

/**
 * A passport's document number as printed in its machine-readable zone (ICAO Doc 9303 part 4,
 * "document number": at most 9 characters, the upper-case letters A–Z and digits 0–9). Numbers
 * of 6 to 9 characters with at least one digit are accepted: Vietnamese passports have one
 * letter and 7 digits (e.g. C1234567, Law 49/2019/QH14 and Circular 73/2021/TT-BCA forms);
 * foreign ones 6–9 letters and digits (US 9 digits, UK 9 digits, many EU countries 8–9
 * alphanumerics). Longer numbers, which ICAO carries in an overflow field, are very rare and
 * not accepted.
 */
export function passportNumberReason(value: string): FormatReason | undefined {
  if (!/^[A-Z0-9]+$/.test(value) || !/\d/.test(value)) return 'characters';
  return value.length >= 6 && value.length <= 9 ? undefined : 'length';
}

/** Canonical passport number: spaces and dashes removed, letters in upper case. */
export function normalizePassportNumber(value: string): string {
  const compact = value.replace(/[\s\-–]/g, '');
  return /^[A-Za-z0-9]+$/.test(compact) ? compact.toUpperCase() : value;
}

/** Reason functions by format name. */
export const FOREIGN_FORMAT_REASONS: Record<string, (value: string) => FormatReason | undefined> = {
  'intl-phone': intlPhoneReason,
  'passport-number': passportNumberReason,
};

/** ajv format definitions for the foreign-party formats. */
export const FOREIGN_FORMATS_AJV = {
  'intl-phone': {
    type: 'string' as const,
    validate: (v: string) => intlPhoneReason(v) === undefined,
  },
  'passport-number': {
    type: 'string' as const,
    validate: (v: string) => passportNumberReason(v) === undefined,
  },
};
