/**
 * Vietnamese string formats (`"format": "vn-…"` in a procedure's `data` schema): the checks ajv
 * runs, the reason behind a failure (so the message can say what exactly is wrong) and the
 * canonical form a value is normalised to before validation.
 *
 * Every rule cites its source in docs/domain/vietnam.md §2. These functions are plain code
 * with no ajv dependency: a precompiled validator module receives them at run time through
 * `bind(runtime)`, so the same rules apply with and without the runtime compiler.
 */
import {
  isCccdBirthProvinceCode,
  isCommuneCode2025,
  isMobilePrefix,
  isProvinceCode2025,
} from '../data/admin-codes-2025.js';
import { FOREIGN_FORMATS, VN_FORMATS, type VnFormat } from '../procedure/vocabulary.js';
import { normalizeIntlPhone, normalizePassportNumber, schemaMentions } from './foreign-formats.js';

/** Why a value failed its format; `undefined` means it is valid. Part of the message params. */
export type FormatReason =
  | 'length'
  | 'digits'
  | 'province'
  | 'century'
  | 'checksum'
  | 'prefix'
  | 'unknown-code'
  | 'characters'
  | 'country-code'
  | 'invalid';

const DIGITS = /^\d+$/;

/**
 * Personal identification number (số định danh cá nhân), the number on the Căn cước / CCCD card:
 * 12 digits `PPP G YY NNNNNN` (Law on Identification 2023 Art. 12; structure in Decree
 * 137/2015/NĐ-CP Art. 13, carried into Decree 70/2024/NĐ-CP). `PPP` is the birth-registration
 * province, `0` + one of the 63 pre-2025 GSO codes (Circular 07/2016/TT-BCA): numbers never
 * change, so the old codes stay valid after the 2025 merger. `G` encodes century and sex
 * (0/1 = 1900s, 2/3 = 2000s, 4–9 = 2100s and later, which cannot be a living person's yet).
 * There is no check digit.
 */
export function personalIdReason(value: string): FormatReason | undefined {
  if (!DIGITS.test(value)) return 'digits';
  if (value.length !== 12) return 'length';
  if (!isCccdBirthProvinceCode(value.slice(0, 3))) return 'province';
  if (Number(value[3]) > 3) return 'century';
  return undefined;
}

/** The birth year encoded in a valid personal ID number: 1900 + 100·⌊G/2⌋ + YY (VIETNAM.md §2.1). */
export function personalIdBirthYear(value: string): number {
  return 1900 + 100 * Math.floor(Number(value[3]) / 2) + Number(value.slice(4, 6));
}

/**
 * Old identity card number (CMND): 9 digits; some provinces issued 12-digit CMND in 2012–2016.
 * CMND cards expired on 31/12/2024 (Law on Identification 2023 Art. 46): accept only as an "old
 * ID number" for linking records.
 */
export function cmndReason(value: string): FormatReason | undefined {
  if (!DIGITS.test(value)) return 'digits';
  if (value.length !== 9 && value.length !== 12) return 'length';
  return undefined;
}

/**
 * Mobile number: 10 digits `0XXXXXXXXX` since the 2018 MIC 11→10-digit conversion; the prefix
 * must be one in use (vendor/vn-admin/mobile-prefixes.csv). Checked on the canonical form
 * (see `normalizeMobile`); number portability means the prefix never identifies the carrier.
 */
export function mobileReason(value: string): FormatReason | undefined {
  if (!DIGITS.test(value)) return 'digits';
  if (value.length !== 10 || value[0] !== '0') return 'length';
  if (!isMobilePrefix(value.slice(0, 3))) return 'prefix';
  return undefined;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Tax code (mã số thuế, Law on Tax Administration 2019 Art. 3(5); Circular 86/2024/TT-BTC
 * Art. 5): 10 digits whose last is a check digit, or 13 written `NNNNNNNNNN-NNN` (a dependent
 * unit). The check-digit rule is not in the Circular; it is the community rule (python-stdnum
 * `vn/mst.py`) verified on real codes in VIETNAM.md §2.2. Since 1/7/2025 individuals and
 * household businesses use their 12-digit personal ID number as tax code, so that is accepted too.
 */
export function taxCodeReason(value: string): FormatReason | undefined {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(value);
  if (!m) {
    if (/^\d{12}$/.test(value)) return personalIdReason(value);
    return /^[\d-]+$/.test(value) ? 'length' : 'digits';
  }
  const d = m[1];
  if (m[2] === '000') return 'checksum';
  if (d.slice(2, 9) === '0000000') return 'checksum';
  let s = 0;
  for (let i = 0; i < 9; i++) s += MST_WEIGHTS[i] * Number(d[i]);
  const r = s % 11;
  if (r === 0) return 'checksum';
  // 10 − (S mod 11) is 10 when S mod 11 = 0 (rejected above), so it is always one digit.
  return Number(d[9]) === 10 - r ? undefined : 'checksum';
}

/**
 * Social insurance code (mã số BHXH): 10 digits, the first 2 the issuing office's province
 * (Decision 595/QĐ-BHXH 2017 §2.13). From 1/8/2025 the personal ID number replaces it (Official
 * Letter 1804/BHXH-QLT 2025), so a valid 12-digit personal ID is accepted as well.
 */
export function socialInsuranceReason(value: string): FormatReason | undefined {
  if (!DIGITS.test(value)) return 'digits';
  if (value.length === 12) return personalIdReason(value);
  if (value.length !== 10) return 'length';
  return undefined;
}

/**
 * Postal code: 5 digits (Circular 07/2017/TT-BTTTT; Decision 2475/QĐ-BTTTT 2017, amended by
 * Decision 2334/QĐ-BKHCN 2025). The first two digits are a postal zone, not the GSO province
 * code, and no public list of zones was available, so only the shape is checked.
 */
export function postalCodeReason(value: string): FormatReason | undefined {
  if (!DIGITS.test(value)) return 'digits';
  return value.length === 5 ? undefined : 'length';
}

/** Province code from 1/7/2025: one of the 34 codes of NSO Official Letter 915/CTK-CSCL. */
export function province2025Reason(value: string): FormatReason | undefined {
  if (!/^\d{2}$/.test(value)) return 'length';
  return isProvinceCode2025(value) ? undefined : 'unknown-code';
}

/** Commune code from 1/7/2025: one of the 3,321 codes of NSO Official Letter 1027/CTK-CSCL. */
export function commune2025Reason(value: string): FormatReason | undefined {
  if (!/^\d{5}$/.test(value)) return 'length';
  return isCommuneCode2025(value) ? undefined : 'unknown-code';
}

/**
 * Whether a data schema uses the 2025 commune format, so its validator needs the commune codes
 * (`loadCommuneCodes2025`, a lazy chunk in the browser). A form artefact of such a procedure
 * lists that chunk for the page to preload (`CompiledModuleFile.chunks`).
 */
export function needsCommuneCodes(data: unknown): boolean {
  return schemaMentions(data, 'vn-commune-2025');
}

/** The source module of the commune codes' lazy chunk (a key of dist/chunks.json). */
export const COMMUNE_CODES_CHUNK = 'src/data/communes-2025.ts';

/**
 * A person's name ("Họ, chữ đệm, tên"): letters with Vietnamese diacritics (and those of ethnic
 * minority languages), single spaces, and the apostrophe or hyphen some real names contain
 * (e.g. "H'Hen Niê", "Ê-đê"); never digits (VIETNAM.md §2.4; Circular 04/2020/TT-BTP Art. 31).
 */
const PERSON_NAME = /^[\p{L}\p{M}]+(?:(?: |['’-])[\p{L}\p{M}]+)*$/u;
export function personNameReason(value: string): FormatReason | undefined {
  return PERSON_NAME.test(value) ? undefined : 'characters';
}

/** Reason functions by format name. */
export const VN_FORMAT_REASONS: Record<VnFormat, (value: string) => FormatReason | undefined> = {
  'vn-personal-id': personalIdReason,
  'vn-cmnd': cmndReason,
  'vn-mobile': mobileReason,
  'vn-tax-code': taxCodeReason,
  'vn-social-insurance': socialInsuranceReason,
  'vn-postal-code': postalCodeReason,
  'vn-province-2025': province2025Reason,
  'vn-commune-2025': commune2025Reason,
  'vn-person-name': personNameReason,
};

/** ajv format definitions (`{type: 'string', validate}`) for every Vietnamese format. */
export const VN_FORMATS_AJV: Record<
  VnFormat,
  { type: 'string'; validate: (v: string) => boolean }
> = Object.fromEntries(
  Object.entries(VN_FORMAT_REASONS).map(([name, reason]) => [
    name,
    { type: 'string' as const, validate: (v: string) => reason(v) === undefined },
  ]),
) as Record<VnFormat, { type: 'string'; validate: (v: string) => boolean }>;

/**
 * Invisible characters people paste from documents and chat apps: zero-width space/joiners, word
 * joiner, BOM, soft hyphen, Mongolian vowel separator and the bidirectional controls.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Unicode spaces that look like a space: NBSP, en/em and other typographic spaces, ideographic. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g;

/**
 * The normalisation every string answer gets: invisible characters removed, Unicode NFC (the
 * same text typed on different keyboards compares equal, VIETNAM.md §1 "Name spelling"), odd
 * spaces made plain, runs of spaces collapsed and the ends trimmed. Line breaks are kept only
 * where `multiline` (a textarea), as `\n`.
 */
export function normalizeText(value: string, multiline = false): string {
  // Most answers have nothing to clean but their composition: words of visible characters
  // separated by single plain spaces. Five regular-expression passes would return them as NFC
  // unchanged, so skip straight to that (the property test checks both ways agree).
  if (CLEAN_WORDS.test(value)) return value.normalize('NFC');
  return normalizeTextFully(value, multiline);
}

/**
 * Words without whitespace or an invisible or odd space character, joined by single spaces (or
 * nothing at all): what `normalizeText` leaves as it is apart from NFC.
 */
const CLEAN_WORDS =
  /^(?:[^\s\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+(?: [^\s\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+)*)?$/;

/** `normalizeText` without its fast path (tests compare the two). */
export function normalizeTextFully(value: string, multiline = false): string {
  let s = value.replace(INVISIBLE, '').normalize('NFC').replace(ODD_SPACE, ' ');
  if (multiline) {
    s = s
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    s = s.replace(/[\s]+/g, ' ');
  }
  return s.trim();
}

/** Removes the separators people type inside numbers (spaces, dots, dashes) when only digits remain. */
function compactDigits(value: string): string {
  const compact = value.replace(/[\s.\-–]/g, '');
  return DIGITS.test(compact) ? compact : value;
}

/**
 * Canonical mobile number `0XXXXXXXXX` (VIETNAM.md §2.3): separators and parentheses removed,
 * `+84` / `84` / `0084` → `0`. We store the domestic form rather than E.164 because it is what
 * the citizen typed and recognises on the review page and what agency systems key on; an agency
 * needing E.164 replaces the leading 0 with +84.
 */
export function normalizeMobile(value: string): string {
  const compact = value.replace(/[\s.\-–()]/g, '');
  const m = /^(?:\+84|0084|84)(\d{9})$/.exec(compact);
  if (m) return '0' + m[1];
  return DIGITS.test(compact) ? compact : value;
}

/** Canonical tax code: digits only, a 13-digit code written `NNNNNNNNNN-NNN` (VIETNAM.md §2). */
export function normalizeTaxCode(value: string): string {
  const compact = value.replace(/[\s.\-–]/g, '');
  if (/^\d{13}$/.test(compact)) return `${compact.slice(0, 10)}-${compact.slice(10)}`;
  return DIGITS.test(compact) ? compact : value;
}

/**
 * The formats whose values are digits (with separators, a `+`, a passport's letters or a date's
 * `-`/`:`). Vietnamese and CJK IMEs on phones type full-width digits, plus, dots, dashes and
 * parentheses (`０９１２－３４５－６７８`, U+FF01–FF5E), which show as the digits they are: their
 * compatibility forms are folded (NFKC) before the format's own canonicalisation, so the value
 * validated, stored and signed is ASCII, and the status look-up, which reads its second factor
 * through here (src/dossier/lookup-secret.ts), finds it. Never for other strings, where NFKC
 * would change what was written. The form's number, date, phone and ID boxes fold the same way,
 * so a box shows the ASCII digits once left.
 */
const DIGIT_FORMATS = new Set<string>([
  ...VN_FORMATS.filter((f) => f !== 'vn-person-name'),
  ...FOREIGN_FORMATS,
  'date',
  'time',
  'date-time',
]);

/** What a pattern-only answer may fold to: ASCII digits, with the separators typed between them. */
const DIGITS_AND_SEPARATORS = /^[\d .,:/()+-]*\d[\d .,:/()+-]*$/;

/**
 * A string answer with a `pattern` and no format (e.g. `^[0-9]{6}$`), after `normalizeText`: its
 * NFKC form (full-width and other look-alike digits made ASCII, as the digit formats fold them)
 * when that form is only digits and separators, the answer as typed fails the pattern and the
 * folded one passes (`passes` tests every pattern applied to it). Otherwise the answer unchanged,
 * so a string with any letter or other character is never altered, and neither is a value the
 * pattern accepted as typed: every payload signed before this fold still verifies.
 */
export function foldPatternDigits(text: string, passes: (value: string) => boolean): string {
  const folded = text.normalize('NFKC');
  if (folded === text || !DIGITS_AND_SEPARATORS.test(folded)) return text;
  return !passes(text) && passes(folded) ? folded : text;
}

/** Format-specific canonicalisation after `normalizeText`; the identity for other formats. */
export function normalizeFormat(format: string, text: string): string {
  const value = DIGIT_FORMATS.has(format) ? text.normalize('NFKC') : text;
  switch (format) {
    case 'vn-mobile':
      return normalizeMobile(value);
    case 'vn-tax-code':
      return normalizeTaxCode(value);
    case 'intl-phone':
      return normalizeIntlPhone(value);
    case 'passport-number':
      return normalizePassportNumber(value);
    case 'vn-personal-id':
    case 'vn-cmnd':
    case 'vn-social-insurance':
    case 'vn-postal-code':
    case 'vn-province-2025':
    case 'vn-commune-2025':
      return compactDigits(value);
    default:
      return value;
  }
}
