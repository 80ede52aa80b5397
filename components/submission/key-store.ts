/**
 * The browser's own signing key: an ECDSA P-256 (ES256) key pair made once per browser profile
 * and origin, kept in IndexedDB. The private key is non-extractable — script on the page can ask
 * the browser to sign with it but can never read it — so it proves that later submissions come
 * from the same device, not who the applicant is (see docs/signing.md).
 */
import { StorageError } from '../../src/errors.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  type WebCryptoSigner,
} from '../../src/signing/index.js';
import type { PlatformCryptoKeyPair } from '../../src/platform.js';
import { openKeyValueStore } from './idb.js';

export const KEY_DB_NAME = 'dvc-forms';
export const KEY_STORE_NAME = 'keys';
export const KEY_RECORD = 'submission-signing-key';

export interface KeyStoreOptions {
  /** IndexedDB database name (default `dvc-forms`). */
  dbName?: string;
  /** IndexedDB factory; for tests. */
  indexedDB?: IDBFactory;
}

export interface BrowserSigningKey {
  keyPair: CryptoKeyPair;
  /** True when this call made the key (first use in this browser). */
  created: boolean;
  /** False when IndexedDB was unavailable and the key lives only as long as the page. */
  persistent: boolean;
}

function isKeyPair(value: unknown): value is CryptoKeyPair {
  const v = value as Partial<CryptoKeyPair> | undefined;
  return (
    v?.privateKey instanceof CryptoKey &&
    v.publicKey instanceof CryptoKey &&
    v.privateKey.algorithm.name === 'ECDSA' &&
    (v.privateKey.algorithm as EcKeyAlgorithm).namedCurve === 'P-256' &&
    v.privateKey.usages.includes('sign')
  );
}

/**
 * Reads the stored key pair, or makes and stores one. Two tabs racing on first use both end up
 * with the same key: the record is written with `add` (never overwrite) and the loser re-reads.
 * When IndexedDB cannot be used (e.g. some private-browsing modes) the key is made for this page
 * only (`persistent: false`) instead of failing the submission.
 */
export async function loadOrCreateSigningKey(
  options: KeyStoreOptions = {},
): Promise<BrowserSigningKey> {
  let store;
  try {
    store = await openKeyValueStore(
      options.dbName ?? KEY_DB_NAME,
      KEY_STORE_NAME,
      options.indexedDB ?? globalThis.indexedDB,
    );
  } catch (e) {
    if (!(e instanceof StorageError)) throw e;
    console.warn('dvc-forms: IndexedDB unavailable, using a signing key for this page only', e);
    return { keyPair: await newKeyPair(), created: true, persistent: false };
  }
  try {
    const existing = await store.get<unknown>(KEY_RECORD);
    if (isKeyPair(existing)) return { keyPair: existing, created: false, persistent: true };
    const keyPair = await newKeyPair();
    if (existing !== undefined) {
      // A record we cannot use (older format, another curve): replace it.
      await store.delete(KEY_RECORD);
    }
    if (await store.add(KEY_RECORD, keyPair)) return { keyPair, created: true, persistent: true };
    const winner = await store.get<unknown>(KEY_RECORD);
    if (isKeyPair(winner)) return { keyPair: winner, created: false, persistent: true };
    throw new StorageError('The stored signing key could not be read back.');
  } finally {
    store.close();
  }
}

async function newKeyPair(): Promise<CryptoKeyPair> {
  return (await generateSigningKey()) as unknown as CryptoKeyPair;
}

/** Removes this browser's signing key (e.g. "forget this device"); the next use makes a new one. */
export async function deleteSigningKey(options: KeyStoreOptions = {}): Promise<void> {
  const store = await openKeyValueStore(
    options.dbName ?? KEY_DB_NAME,
    KEY_STORE_NAME,
    options.indexedDB ?? globalThis.indexedDB,
  );
  try {
    await store.delete(KEY_RECORD);
  } finally {
    store.close();
  }
}

const signers = new Map<string, Promise<WebCryptoSigner>>();

/**
 * The default `Signer` of `<dvc-form>`: ES256 with this browser's stored key; the JWS header
 * carries the public JWK and its RFC 7638 thumbprint as `kid`. Cached per database name for the
 * page's lifetime (a failed attempt is not cached).
 */
export function browserSigner(options: KeyStoreOptions = {}): Promise<WebCryptoSigner> {
  const name = options.dbName ?? KEY_DB_NAME;
  let signer = signers.get(name);
  if (!signer || options.indexedDB) {
    signer = loadOrCreateSigningKey(options).then(({ keyPair }) =>
      createWebCryptoSigner(keyPair as unknown as PlatformCryptoKeyPair),
    );
    if (!options.indexedDB) {
      signers.set(name, signer);
      signer.catch(() => signers.delete(name));
    }
  }
  return signer;
}
