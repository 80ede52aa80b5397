/**
 * How DraftStore keeps a draft's personal data encrypted (crypto.ts): the answers as one sealed
 * value, each document slot's file list as one (a slot is always replaced whole), each kept file
 * as sealed bytes. Labels and the data schema come from the procedure and stay readable, which
 * lets carry-over and expiry work without the key. Without a cipher everything is a no-op.
 */
import type { DraftCipher, Sealed, SealedBlob } from './crypto.js';
import { isSealed } from './crypto.js';
import type { DraftDocument, DraftRecord, FileRow } from './draft-store.js';
import { fromStoredBytes, isStoredBytes, toStoredBytes } from './stored-bytes.js';

/** The encrypted members of a stored draft record. */
export interface StoredFields {
  sealedAnswers?: Sealed;
  sealedDocuments?: Record<string, Sealed>;
}

const docsAad = (id: string, slot: string) => `${id}|documents|${slot}`;

/** The draft as the form uses it: sealed members decrypted, then removed. */
export async function openRecord(
  cipher: DraftCipher | undefined,
  stored: DraftRecord & StoredFields,
): Promise<DraftRecord> {
  const { sealedAnswers, sealedDocuments, ...record } = stored;
  if (!sealedAnswers && !sealedDocuments) return record;
  // Encrypted on this device under a key that is gone (cleared, another profile): unreadable,
  // so it offers nothing rather than failing the form.
  if (!cipher) return { ...record, answers: {}, documents: {} };
  try {
    const answers = sealedAnswers
      ? await cipher.open<Record<string, unknown>>(sealedAnswers, `${record.id}|answers`)
      : record.answers;
    const documents: Record<string, DraftDocument[]> = { ...record.documents };
    for (const [slot, sealed] of Object.entries(sealedDocuments ?? {})) {
      documents[slot] = await cipher.open<DraftDocument[]>(sealed, docsAad(record.id, slot));
    }
    return { ...record, answers, documents };
  } catch {
    return { ...record, answers: {}, documents: {} };
  }
}

/** A slot's document list sealed, or undefined without a cipher (stored as it is). */
export async function sealDocuments(
  cipher: DraftCipher | undefined,
  id: string,
  slot: string,
  docs: DraftDocument[],
): Promise<Sealed | undefined> {
  return cipher ? cipher.seal(docs, docsAad(id, slot)) : undefined;
}

/**
 * The rows as IndexedDB stores them: the files sealed with a cipher, their bytes and type
 * without one (stored-bytes.ts: never a Blob, which WebKit's ephemeral sessions refuse).
 */
export async function sealRows(
  cipher: DraftCipher | undefined,
  rows: FileRow[],
): Promise<FileRow[]> {
  return Promise.all(
    rows.map(async (r) => {
      if (!(r.blob instanceof Blob)) return r;
      return {
        ...r,
        blob: cipher ? await cipher.sealBlob(r.blob, r.id) : await toStoredBytes(r.blob),
      };
    }),
  );
}

/** The file of a row, decrypted; undefined when it cannot be. */
export async function openRow(
  cipher: DraftCipher | undefined,
  row: FileRow,
): Promise<Blob | undefined> {
  if (row.blob instanceof Blob || isStoredBytes(row.blob)) return fromStoredBytes(row.blob);
  if (!cipher || !isSealed(row.blob)) return undefined;
  try {
    return await cipher.openBlob(row.blob as SealedBlob, row.id);
  } catch {
    return undefined;
  }
}

/** Bytes a row takes (the cap on kept files counts ciphertext the same as plain bytes). */
export function rowSize(row: FileRow): number {
  if (row.blob instanceof Blob) return row.blob.size;
  return isStoredBytes(row.blob) ? row.blob.bytes.byteLength : row.blob.data.byteLength;
}
