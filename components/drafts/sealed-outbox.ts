/**
 * An application waiting for the network holds the same personal data as a draft (the answers,
 * the signed JWS, the files): with a cipher it is stored sealed like one (crypto.ts). The key,
 * action and counters stay readable, so entries can be listed and counted without the key.
 */
import type { DraftCipher, Sealed, SealedBlob } from './crypto.js';
import { isSealed } from './crypto.js';
import type { OutboxEntry, OutboxFile } from './outbox.js';
import { fromStoredBytes, toStoredBytes, type StoredBytes } from './stored-bytes.js';

/**
 * What the outbox store holds: an entry with its files as bytes and type (stored-bytes.ts; a
 * Blob in entries queued by earlier versions), or one whose personal parts are sealed.
 */
export type StoredEntry =
  | (Omit<OutboxEntry, 'files'> & {
      files?: { slot: string; name: string; file: Blob | StoredBytes }[];
    })
  | (Omit<OutboxEntry, 'jws' | 'form' | 'signing' | 'files'> & {
      sealed: Sealed;
      sealedFiles?: { slot: string; name: string; file: SealedBlob }[];
    });

type SealedPart = Pick<OutboxEntry, 'jws' | 'form' | 'signing'>;

export async function sealEntry(
  cipher: (() => Promise<DraftCipher>) | undefined,
  entry: OutboxEntry,
): Promise<StoredEntry> {
  if (!cipher) {
    if (!entry.files) return entry;
    const files = await Promise.all(
      entry.files.map(async (f) => ({ ...f, file: await toStoredBytes(f.file) })),
    );
    return { ...entry, files };
  }
  const c = await cipher();
  const { jws, form, signing, files, ...rest } = entry;
  const aad = `outbox|${entry.key}`;
  const part: SealedPart = { form, signing, ...(jws ? { jws } : {}) };
  const sealedFiles = files
    ? await Promise.all(
        files.map(async (f, i) => ({
          slot: f.slot,
          name: '',
          file: await c.sealBlob(
            new Blob([JSON.stringify({ name: f.name }), '\n', f.file], { type: f.file.type }),
            `${aad}|${i}`,
          ),
        })),
      )
    : undefined;
  return { ...rest, sealed: await c.seal(part, aad), ...(sealedFiles ? { sealedFiles } : {}) };
}

/** The entry, decrypted; undefined when it cannot be (its key was deleted). */
export async function openEntry(
  cipher: (() => Promise<DraftCipher>) | undefined,
  stored: StoredEntry,
): Promise<OutboxEntry | undefined> {
  if (!('sealed' in stored) || !isSealed(stored.sealed)) {
    const plain = stored as Extract<StoredEntry, { form: unknown }>;
    if (!plain.files) return plain as OutboxEntry;
    return { ...plain, files: plain.files.map((f) => ({ ...f, file: fromStoredBytes(f.file) })) };
  }
  if (!cipher) return undefined;
  try {
    const c = await cipher();
    const { sealed, sealedFiles, ...rest } = stored;
    const aad = `outbox|${stored.key}`;
    const part = await c.open<SealedPart>(sealed, aad);
    let files: OutboxFile[] | undefined;
    if (sealedFiles) {
      files = [];
      for (const [i, f] of sealedFiles.entries()) {
        const blob = await c.openBlob(f.file, `${aad}|${i}`);
        // The file name is personal too: it travels inside the sealed bytes, before a newline.
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const nl = bytes.indexOf(10);
        const { name } = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as {
          name: string;
        };
        files.push({
          slot: f.slot,
          name,
          file: new Blob([bytes.subarray(nl + 1)], { type: f.file.type }),
        });
      }
    }
    return { ...rest, ...part, ...(files ? { files } : {}) } as OutboxEntry;
  } catch {
    return undefined;
  }
}
