/**
 * Lint of each document's `accept` list: every entry must name a type the upload checks know
 * (src/files/types.ts: PDF, JPEG, PNG, HEIC/HEIF, WebP, DOCX, XLSX, or `image/*`, `image/jpg`).
 * Any other type passes the meta-schema's MIME pattern but is dropped when the form and the
 * receiver read the list, so a typo ("image/wepb") or an unsupported type ("image/gif") silently
 * means no file of that type can ever be uploaded (`unsupported-file-type`). An error when no type
 * of the list is left (nothing could be uploaded at all); a warning when others are, so a procedure
 * already published with, say, "image/gif" beside PDF keeps loading for the people using it.
 */
import { acceptedTypes, FILE_TYPES } from '../files/types.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { closest } from './suggest.js';

/**
 * The meta-schema's `accept` item pattern (schemas/procedure.schema.json; a test holds the two
 * equal): what it refuses is its `schema-pattern` already.
 */
export const ACCEPT_PATTERN =
  /^(?!image\/svg\+xml$|text\/html$|application\/xhtml\+xml$)[a-z]+\/(\*|[a-z0-9][a-z0-9.+-]*)$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The known type `type` is probably a typo of: the closest one whose subtype starts with the same
 * letter ("image/wepb" → "image/webp", "image/pnj" → "image/png"; "image/gif" is no typo of
 * "image/heif", only an unsupported type).
 */
function suggestion(type: string, known: readonly string[]): string {
  const initial = (t: string) => t.slice(t.indexOf('/') + 1, t.indexOf('/') + 2);
  return closest(
    type,
    known.filter((k) => initial(k) === initial(type)),
  );
}

export function checkAcceptedTypes(
  procedure: Record<string, unknown>,
  problems: ProblemList,
): void {
  const documents = procedure['documents'];
  if (!Array.isArray(documents)) return;
  const known = Object.keys(FILE_TYPES);
  documents.forEach((d, i) => {
    const accept = isObject(d) ? d['accept'] : undefined;
    if (!Array.isArray(accept)) return;
    const usable = acceptedTypes(accept.filter((t): t is string => typeof t === 'string'));
    const severity = usable.length > 0 ? 'warning' : 'error';
    accept.forEach((type, j) => {
      // What the meta-schema's MIME pattern refuses (SVG, HTML, not a MIME type) is its
      // `schema-pattern` already.
      if (typeof type !== 'string' || !ACCEPT_PATTERN.test(type)) return;
      if (acceptedTypes([type]).length > 0) return;
      problems.add(
        C.unsupportedFileType,
        `/documents/${i}/accept/${j}`,
        localized('unsupportedFileType', {
          value: JSON.stringify(type),
          suggestion: suggestion(type, known),
          allowed: known.map((t) => JSON.stringify(t)).join(', '),
        }),
        { severity },
      );
    });
  });
}
