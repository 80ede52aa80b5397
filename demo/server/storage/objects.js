// Where the bytes of uploads live: a local folder (the default behind `npm start`) or an
// S3-compatible bucket (S3_* settings, storage/s3-config.js). Both give tus its DataStore and
// give every other reader and remover of a stored file (upload-files.js, retention.js,
// upload-guard.js, dossiers.js) the same small interface, keyed by the file's reference kept in
// `uploads.path`: a path in the folder, or `s3:<key>` in the bucket. With S3 configured a local
// path is refused, never read: nothing falls back silently to the folder.
import { S3Store } from '@tus/s3-store';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createDataStore } from './tus.js';

// The interface every store gives (ObjectStore) is declared in objects.d.ts, where both the
// TypeScript tests and the server's JSDoc (`import('./objects.js').ObjectStore`) find it.
/** @typedef {import('./objects.js').ObjectStore} ObjectStore */

/**
 * The store the configuration names.
 * @param {{ dir: string, s3?: import('./s3-config.js').S3Config }} options
 * @returns {ObjectStore}
 */
export function createObjectStore({ dir, s3 }) {
  return s3 ? s3ObjectStore(s3) : fileObjectStore(dir);
}

/**
 * @param {string} dir DATA_DIR/uploads
 * @returns {ObjectStore}
 */
function fileObjectStore(dir) {
  // A reference is the file's path when it was stored, under the DATA_DIR of that day. Every
  // local file lives directly in `dir`, so it is read there by its name: a DATA_DIR restored
  // from a backup into another folder, or moved to another disk, keeps its files readable
  // (the absolute path read as such made every file of a restored receiver "damaged").
  const at = (/** @type {string} */ ref) => join(dir, basename(ref));
  return {
    kind: 'file',
    refOf: (id) => join(dir, id),
    dataStore: () => createDataStore({ dir }),
    stream: async (ref) => createReadStream(at(ref)),
    readAll: (ref) => readFile(at(ref)),
    async readRange(ref, start, length) {
      const handle = await open(at(ref), 'r');
      try {
        const bytes = Buffer.alloc(length);
        const { bytesRead } = await handle.read(bytes, 0, length, start);
        return bytes.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    size: async (ref) => (await stat(at(ref))).size,
    modifiedAt: async (ref) => (await stat(at(ref)).catch(() => undefined))?.mtimeMs,
    async remove(ref) {
      await rm(at(ref), { force: true });
      await rm(`${at(ref)}.json`, { force: true });
    },
    put: (ref, bytes) => writeFile(at(ref), bytes, { mode: 0o600 }),
    adopt: async (_id, localPath) => localPath,
    async listIds() {
      try {
        return [...new Set((await readdir(dir)).map((name) => name.replace(/\.json$/, '')))];
      } catch {
        return [];
      }
    },
    check: async () => {},
    close: () => {},
  };
}

const PREFIX = 's3:';

/** A KvStore that keeps nothing: each process reads an upload's `.info` from the bucket, so a
 * length declared or an upload finished by another process is never answered from a stale copy.
 * @type {import('@tus/utils').KvStore<any>} */
const NO_CACHE = { get: async () => undefined, set: async () => {}, delete: async () => {} };

/** @param {unknown} e */
const notFound = (e) =>
  !!e &&
  typeof e === 'object' &&
  ['NotFound', 'NoSuchKey', 'NoSuchUpload'].includes(
    /** @type {any} */ (e).name ?? /** @type {any} */ (e).Code,
  );

/**
 * Creates the bucket of `config` when it does not exist yet (the tests' and the local set-up's
 * own buckets; an agency creates its bucket with its storage service's tools).
 * @param {import('./s3-config.js').S3Config} config
 */
export async function createBucket(config) {
  const client = tusS3Store(config).s3Client;
  try {
    await client.createBucket({ Bucket: config.bucket });
  } catch (e) {
    const name = /** @type {any} */ (e)?.name ?? /** @type {any} */ (e)?.Code;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw e;
  } finally {
    client.destroy();
  }
}

/**
 * @param {import('./s3-config.js').S3Config} config
 * @returns {ObjectStore}
 */
function s3ObjectStore(config) {
  const store = tusS3Store(config);
  const client = store.s3Client;
  const Bucket = config.bucket;
  // A terminated upload (tus DELETE): @tus/s3-store aborts the multipart upload and deletes the
  // object and its `.info`, but leaves an incomplete part behind; it goes too.
  const removeUpload = store.remove.bind(store);
  store.remove = async (id) => {
    await removeUpload(id);
    await client.deleteObject({ Bucket, Key: `${id}.part` });
  };
  /** @param {string} ref */
  const keyOf = (ref) => {
    if (typeof ref !== 'string' || !ref.startsWith(PREFIX)) {
      throw new Error(
        `stored file "${ref}" is not in the S3 bucket (S3 storage is configured; a file of the ` +
          'local folder is never read instead)',
      );
    }
    return ref.slice(PREFIX.length);
  };
  /** @param {string} Key */
  const body = async (Key, Range = /** @type {string | undefined} */ (undefined)) => {
    const res = await client.getObject({ Bucket, Key, ...(Range ? { Range } : {}) });
    return /** @type {import('node:stream').Readable} */ (res.Body);
  };
  /** @param {import('node:stream').Readable} readable */
  const collect = async (readable) => {
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of readable) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  return {
    kind: 's3',
    refOf: (id) => `${PREFIX}${id}`,
    dataStore: () => store,
    stream: (ref) => body(keyOf(ref)),
    readAll: async (ref) => collect(await body(keyOf(ref))),
    async readRange(ref, start, length) {
      if (length <= 0) return Buffer.alloc(0);
      return collect(await body(keyOf(ref), `bytes=${start}-${start + length - 1}`));
    },
    async size(ref) {
      const head = await client.headObject({ Bucket, Key: keyOf(ref) });
      return Number(head.ContentLength);
    },
    async modifiedAt(ref) {
      try {
        const head = await client.headObject({ Bucket, Key: keyOf(ref) });
        return head.LastModified?.getTime();
      } catch (e) {
        if (notFound(e)) return undefined;
        throw e;
      }
    },
    async remove(ref) {
      const Key = keyOf(ref);
      // An unfinished upload: its multipart upload is aborted (its parts deleted with it).
      try {
        const info = await client.headObject({ Bucket, Key: `${Key}.info` });
        const UploadId = info.Metadata?.['upload-id'];
        if (UploadId) await client.abortMultipartUpload({ Bucket, Key, UploadId });
      } catch (e) {
        if (!notFound(e)) throw e;
      }
      await client.deleteObjects({
        Bucket,
        Delete: { Objects: [{ Key }, { Key: `${Key}.info` }, { Key: `${Key}.part` }] },
      });
    },
    async put(ref, bytes) {
      await client.putObject({ Bucket, Key: keyOf(ref), Body: bytes });
    },
    async adopt(id, localPath) {
      const bytes = await readFile(localPath);
      await client.putObject({ Bucket, Key: id, Body: bytes });
      await rm(localPath, { force: true });
      return `${PREFIX}${id}`;
    },
    async listIds() {
      const ids = new Set();
      /** @type {string | undefined} */
      let ContinuationToken;
      do {
        const page = await client.listObjectsV2({ Bucket, ContinuationToken });
        for (const o of page.Contents ?? []) ids.add(String(o.Key).replace(/\.(info|part)$/, ''));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return [...ids];
    },
    async check() {
      try {
        await client.headBucket({ Bucket });
      } catch (e) {
        const status = /** @type {any} */ (e)?.$metadata?.httpStatusCode;
        const why =
          status === 404
            ? 'the bucket does not exist'
            : status === 403
              ? 'access denied (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)'
              : String(/** @type {any} */ (e)?.message ?? e);
        throw new Error(
          `S3 storage: bucket "${Bucket}" at ${config.endpoint ?? 'AWS S3'} is not usable: ${why}`,
        );
      }
    },
    close: () => client.destroy(),
  };
}

/** tus's S3Store, its S3 client (protected there) readable: the other operations here use it. */
class SharedClientS3Store extends S3Store {
  get s3Client() {
    return this.client;
  }
}

/**
 * tus's S3 DataStore for the bucket of `config` (it also carries the S3 client every other
 * operation here uses).
 * @param {import('./s3-config.js').S3Config} config
 */
function tusS3Store(config) {
  return new SharedClientS3Store({
    // S3's minimum part is 5 MiB (except the last): a PATCH that ends short of a part leaves an
    // "incomplete part" object (`<id>.part`) that the next PATCH, on any process, takes over.
    partSize: 8 * 1024 * 1024,
    cache: NO_CACHE,
    // Expiry is the receiver's own (UPLOAD_TTL_HOURS, upload-guard.js), through `remove`.
    expirationPeriodInMilliseconds: 0,
    useTags: false,
    s3ClientConfig: {
      bucket: config.bucket,
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Plain signed requests: no aws-chunked bodies with trailing checksums, which not every
      // S3-compatible service reads (the SHA-256 of every file is checked by the receiver).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    },
  });
}
