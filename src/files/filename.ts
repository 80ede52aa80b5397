/**
 * Cleans a file name before it is shown, sent as tus metadata or signed into the payload. Names
 * come from the applicant's device and are untrusted: they are only ever rendered as text, but
 * they can still mislead (a bidi override makes `exe.pdf` read as `fdp.exe`) or carry path parts
 * (`..\..\boot.ini`, from old browsers and some Android file pickers).
 */
import { extensionOf } from './types.js';

/** Longest cleaned name, in UTF-16 code units; the extension is kept when cutting. */
export const MAX_FILE_NAME_LENGTH = 120;

// C0 and C1 controls, DEL; bidi embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069,
// marks U+200E/U+200F and U+061C (Unicode UAX #9 §2); zero-width and BOM characters that hide
// text; line/paragraph separators.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\u061c\ufeff]/g;

/**
 * The last path component of `name`, NFC-normalised (Vietnamese typed on macOS arrives
 * decomposed), without control, bidi and zero-width characters, spaces collapsed, leading dots
 * removed, and at most `max` code units long with its extension kept. Never empty: a name with
 * nothing left becomes `tệp` plus the extension, if any.
 */
export function cleanFileName(name: string, max = MAX_FILE_NAME_LENGTH): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    // Tabs and line breaks separate words: keep a space so the words stay apart.
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(UNSAFE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const ext = extensionOf(clean);
  if (!clean || clean === ext) clean = ext ? `tệp.${ext}` : 'tệp';
  if (clean.length <= max) return clean;
  const suffix = ext && ext.length < max / 2 ? `.${ext}` : '';
  let stem = clean.slice(0, max - suffix.length);
  // Do not leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(stem)) stem = stem.slice(0, -1);
  return `${stem.trimEnd()}${suffix}`;
}
