/**
 * Names of the parts of a multipart submission (used when the page has no upload endpoint), as the
 * reference receiver reads them (demo/server/dossiers.js, docs/uploads.md):
 * - `payload`: the compact JWS;
 * - `file:<slot>:<n>`: a file of document `<slot>`, `<n>` counting that slot's entries in the
 *   payload's `documents` from 0, in payload order.
 */
export const MULTIPART_PAYLOAD_PART = 'payload';

/** The part name of each document entry, in the order given. */
export function multipartPartNames(documents: readonly { slot: string }[]): string[] {
  const seen = new Map<string, number>();
  return documents.map(({ slot }) => {
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    return `file:${slot}:${n}`;
  });
}
