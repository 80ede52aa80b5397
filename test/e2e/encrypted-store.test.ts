// The tus DataStore wrapper of demo/server/storage/encrypted-store.js over a real FileStore: for
// any file and any way of cutting it into PATCHes (offsets odd, inside an AES block, one byte
// long…), the stored bytes are the same as encrypting the whole file at once — so a resumed
// upload decrypts to exactly what was sent — and they are never the plaintext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { FileStore } from '@tus/file-store';

const { EncryptedStore, ctrAt } = (await import(
  new URL('../../demo/server/storage/encrypted-store.js', import.meta.url).href
)) as {
  EncryptedStore: new (o: { store: FileStore; keys: unknown }) => {
    create(u: unknown): Promise<{ storage?: { path: string } }>;
    write(r: Readable, id: string, offset: number): Promise<number>;
    getUpload(id: string): Promise<{ offset: number; metadata?: Record<string, string> }>;
    read(id: string): Promise<Readable>;
    remove(id: string): Promise<void>;
  };
  ctrAt(key: Buffer, offset: number): { update(b: Buffer): Buffer };
};

/** Keys kept in memory, as the SQLite store of upload-files.js keeps them wrapped. */
function memoryKeys() {
  const keys = new Map<string, Buffer>();
  return {
    keys,
    create: (id: string) => {
      const k = randomBytes(32);
      keys.set(id, k);
      return k;
    },
    get: (id: string) => keys.get(id),
    remove: (id: string) => void keys.delete(id),
  };
}

test('any cut into PATCHes stores what one-shot AES-CTR would, and reads back the plaintext', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-encstore-'));
  const keys = memoryKeys();
  const store = new EncryptedStore({ store: new FileStore({ directory: dir }), keys });
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 8 }),
        async (plain, cuts) => {
          const id = `u${n++}`;
          const bytes = Buffer.from(plain);
          await store.create({
            id,
            size: bytes.length,
            offset: 0,
            metadata: { filename: 'giay-to.pdf' },
          });
          const points = [...new Set(cuts.filter((c) => c < bytes.length))].sort((a, b) => a - b);
          let offset = 0;
          for (const end of [...points, bytes.length]) {
            offset = await store.write(Readable.from([bytes.subarray(offset, end)]), id, offset);
            assert.equal(offset, end);
          }
          const key = keys.get(id)!;
          const stored = readFileSync(join(dir, id));
          assert.deepEqual(stored, ctrAt(key, 0).update(bytes));
          const chunks: Buffer[] = [];
          for await (const c of await store.read(id)) chunks.push(c as Buffer);
          assert.deepEqual(Buffer.concat(chunks), bytes);
          const upload = await store.getUpload(id);
          assert.equal(upload.offset, bytes.length);
          assert.deepEqual(upload.metadata, { filename: 'giay-to.pdf' });
          assert.ok(!readFileSync(join(dir, `${id}.json`), 'utf8').includes('giay-to.pdf'));
          await store.remove(id);
          assert.equal(keys.get(id), undefined);
        },
      ),
      { numRuns: 60 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
