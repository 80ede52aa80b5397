/**
 * Characters nobody can see in text, and how a message names them: the one definition, used by
 * the parser's messages (src/json/parse.ts) and lint's checks of the text people read
 * (src/procedure/text-checks.ts). Quoted raw, such a character shows as nothing, or, for a bidi
 * control, reorders the line it is printed on (Trojan Source).
 */

/**
 * Every character nobody can see but tab and line breaks: C0 and C1 controls, invisible format
 * characters (soft hyphen, zero-width ones, word joiner, BOM…) and bidi controls.
 */
export const UNSEEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const ONE = new RegExp(`^${UNSEEN.source}$`);

/** Whether `ch`, one character, is one nobody can see (tab and line breaks are seen). */
export const isUnseen = (ch: string): boolean => ONE.test(ch);

/** A character's name in a message: `U+200B`. */
export const codePointName = (cp: number): string =>
  `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** One UTF-16 unit as a JSON string escapes it: `\u200b` (a lone surrogate too). */
export const jsonEscape = (unit: string): string =>
  `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
