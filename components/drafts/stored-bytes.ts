/**
 * A file as IndexedDB keeps it: its bytes (an ArrayBuffer) and its media type, never a Blob.
 * WebKit refuses Blobs in IndexedDB in an ephemeral session (Safari's private browsing, an app's
 * in-app browser with a non-persistent data store, WebKitWebDriver's automation session):
 * `put` fails with "UnknownError: Error preparing Blob/File data to be stored in object store".
 * ArrayBuffers are stored everywhere, so drafts and the offline outbox keep files in every
 * engine; the Blob given back has the same bytes and type, hence the same hash and upload.
 */
export interface StoredBytes {
  bytes: ArrayBuffer;
  type: string;
}

export function isStoredBytes(value: unknown): value is StoredBytes {
  const v = value as Partial<StoredBytes> | null;
  return !!v && v.bytes instanceof ArrayBuffer && typeof v.type === 'string';
}

/** The Blob's bytes and type, as they are stored. */
export async function toStoredBytes(blob: Blob): Promise<StoredBytes> {
  return { bytes: await blob.arrayBuffer(), type: blob.type };
}

/**
 * The stored file as a Blob again. Records written before files were kept as bytes hold a Blob,
 * which is given back as it is.
 */
export function fromStoredBytes(value: Blob | StoredBytes): Blob {
  return value instanceof Blob ? value : new Blob([value.bytes], { type: value.type });
}
