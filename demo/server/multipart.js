// Multipart submissions streamed to disk (@fastify/busboy): file parts go straight from the socket
// to `DATA_DIR/uploads/mp-…` through a SHA-256, so a 20 MB file never sits in memory, and every
// limit (file size, file count, field size, total) is enforced while reading.
import { Busboy } from '@fastify/busboy';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ctrAt } from './storage/encrypted-store.js';

/**
 * @typedef {object} StoredPart
 * @property {string} part the part name (`file:<slot>:<n>`)
 * @property {string} id the stored file's id (`mp-…`, its file name in `dir`)
 * @property {string} path
 * @property {string} filename as sent (cleaned before it is recorded)
 * @property {string} type as sent
 * @property {number} size
 * @property {string} sha256 of the plaintext
 * @property {boolean} encrypted written AES-256-CTR under its own key (`limits.keys`)
 */

/**
 * @typedef {{ ok: true, fields: Map<string, string>, files: StoredPart[] }
 *   | { ok: false, reason: 'too-large' | 'invalid' }} MultipartResult
 */

/**
 * Reads a multipart body. On any failure the files already written are removed.
 * @param {import('node:stream').Readable} stream the raw request body
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {{ dir: string, maxFileBytes: number, maxFiles: number, maxFieldBytes: number, maxTotalBytes: number, keys?: { create(id: string): Buffer | Promise<Buffer>, remove(id: string): void | Promise<void> } }} limits
 *   with `keys`, each file is encrypted from its first byte under its own key (upload-files.js)
 * @returns {Promise<MultipartResult>}
 */
export function readMultipartToDisk(stream, headers, limits) {
  mkdirSync(limits.dir, { recursive: true, mode: 0o700 });
  /** @type {StoredPart[]} */
  const files = [];
  /** @type {Map<string, string>} */
  const fields = new Map();
  /** @type {Promise<void>[]} */
  const writes = [];
  /** @type {import('node:fs').WriteStream[]} */
  const outs = [];
  let total = 0;
  /** @type {'too-large' | 'invalid' | undefined} */
  let failure;

  return new Promise((resolve) => {
    /** @type {any} */
    let bb;
    const finish = async () => {
      await Promise.allSettled(writes);
      if (failure) {
        await Promise.all(files.map((f) => rm(f.path, { force: true })));
        for (const f of files) await limits.keys?.remove(f.id);
        resolve({ ok: false, reason: failure });
      } else resolve({ ok: true, fields, files });
    };
    /** @param {'too-large' | 'invalid'} reason */
    const fail = (reason) => {
      if (failure) return;
      failure = reason;
      for (const out of outs) out.destroy();
      stream.unpipe(bb);
      // Stop reading: the rest of the body is not wanted (the answer closes the connection).
      stream.resume();
      void finish();
    };
    try {
      bb = new Busboy({
        headers: /** @type {any} */ (headers),
        limits: {
          fileSize: limits.maxFileBytes,
          files: limits.maxFiles,
          fields: 4,
          fieldSize: limits.maxFieldBytes,
          parts: limits.maxFiles + 4,
          headerPairs: 20,
        },
      });
    } catch {
      resolve({ ok: false, reason: 'invalid' });
      return;
    }
    bb.on(
      'file',
      /**
       * @param {string} part
       * @param {import('node:stream').Readable} file
       * @param {string} filename
       * @param {string} _encoding
       * @param {string} type
       */
      (part, file, filename, _encoding, type) => {
        // Listened to at once: a body that ends inside this part makes the part emit 'error'
        // (possibly while its key is still being made), and an unheard 'error' ends the process.
        file.on('error', () => fail('invalid'));
        if (failure) {
          file.resume();
          return;
        }
        const id = `mp-${randomBytes(16).toString('hex')}`;
        const path = join(limits.dir, id);
        const hash = createHash('sha256');
        const out = createWriteStream(path, { mode: 0o600 });
        outs.push(out);
        const entry = {
          part,
          id,
          path,
          filename: filename ?? '',
          type: type ?? '',
          size: 0,
          sha256: '',
          encrypted: limits.keys !== undefined,
        };
        files.push(entry);
        // The file's key is stored before its first byte is read (the part waits meanwhile).
        const keyed = Promise.resolve(limits.keys?.create(id));
        writes.push(
          keyed.then(
            (key) =>
              new Promise((done) => {
                if (failure) {
                  // Failed while the key was made: nothing of this part is wanted.
                  file.resume();
                  out.destroy();
                  done();
                  return;
                }
                file.on('data', (/** @type {Buffer} */ chunk) => {
                  entry.size += chunk.length;
                  total += chunk.length;
                  hash.update(chunk);
                  if (total > limits.maxTotalBytes) fail('too-large');
                });
                file.on('limit', () => fail('too-large'));
                out.on('close', () => done());
                out.on('error', () => {
                  fail('invalid');
                  done();
                });
                file.on('end', () => {
                  entry.sha256 = hash.digest('hex');
                });
                (key ? file.pipe(ctrAt(key, 0)) : file).pipe(out);
              }),
            () => {
              file.resume();
              out.destroy();
              fail('invalid');
            },
          ),
        );
      },
    );
    bb.on(
      'field',
      /**
       * @param {string} name
       * @param {string} value
       * @param {boolean} _nameTruncated
       * @param {boolean} valueTruncated
       */
      (name, value, _nameTruncated, valueTruncated) => {
        if (valueTruncated) fail('too-large');
        else if (fields.has(name)) fail('invalid');
        else fields.set(name, value);
      },
    );
    bb.on('filesLimit', () => fail('too-large'));
    bb.on('partsLimit', () => fail('too-large'));
    bb.on('fieldsLimit', () => fail('invalid'));
    bb.on('error', () => fail('invalid'));
    bb.on('finish', () => {
      if (!failure) void finish();
    });
    stream.on('error', () => fail('invalid'));
    stream.on('aborted', () => fail('invalid'));
    stream.pipe(bb);
  });
}
