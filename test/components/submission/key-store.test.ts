import { expect } from '@open-wc/testing';
import {
  browserSigner,
  deleteSigningKey,
  KEY_RECORD,
  KEY_STORE_NAME,
  loadOrCreateSigningKey,
} from '../../../components/submission/key-store.js';
import { jwkThumbprint, SUBMISSION_JWS_TYPE } from '../../../src/signing/index.js';
import type { JsonWebKeyLike } from '../../../src/platform.js';

let n = 0;
const freshDb = () => `dvc-forms-test-${Date.now()}-${n++}`;

/** Reads the stored record with a separate connection, as a reloaded page would. */
function readRecord(dbName: string): Promise<CryptoKeyPair | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction(KEY_STORE_NAME).objectStore(KEY_STORE_NAME).get(KEY_RECORD);
      get.onsuccess = () => {
        db.close();
        resolve(get.result as CryptoKeyPair | undefined);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

const publicJwkOf = (pair: CryptoKeyPair) => crypto.subtle.exportKey('jwk', pair.publicKey);

describe('browser signing key (IndexedDB)', () => {
  it('makes a non-extractable ES256 key once and reuses it after the database is opened again', async () => {
    const dbName = freshDb();
    const first = await loadOrCreateSigningKey({ dbName });
    expect(first.created).to.equal(true);
    expect(first.persistent).to.equal(true);
    expect(first.keyPair.privateKey.extractable).to.equal(false);
    expect(first.keyPair.privateKey.algorithm).to.deep.equal({
      name: 'ECDSA',
      namedCurve: 'P-256',
    });
    let refused: unknown;
    try {
      await crypto.subtle.exportKey('jwk', first.keyPair.privateKey);
    } catch (e) {
      refused = e;
    }
    expect((refused as DOMException).name).to.equal('InvalidAccessError');

    // A "reload": a new connection reads the CryptoKey objects back from IndexedDB.
    const stored = await readRecord(dbName);
    expect(stored!.privateKey).to.be.instanceOf(CryptoKey);
    expect(stored!.privateKey.extractable).to.equal(false);
    expect(await publicJwkOf(stored!)).to.deep.equal(await publicJwkOf(first.keyPair));

    const second = await loadOrCreateSigningKey({ dbName });
    expect(second.created).to.equal(false);
    expect(await publicJwkOf(second.keyPair)).to.deep.equal(await publicJwkOf(first.keyPair));
    // The reloaded private key still signs, and the first public key verifies it.
    const data = new TextEncoder().encode('xin chào');
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      second.keyPair.privateKey,
      data,
    );
    expect(
      await crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        first.keyPair.publicKey,
        sig,
        data,
      ),
    ).to.equal(true);
  });

  it('gives two racing first uses (two tabs) the same key', async () => {
    const dbName = freshDb();
    const [a, b] = await Promise.all([
      loadOrCreateSigningKey({ dbName }),
      loadOrCreateSigningKey({ dbName }),
    ]);
    expect(await publicJwkOf(a.keyPair)).to.deep.equal(await publicJwkOf(b.keyPair));
    expect([a.created, b.created].filter(Boolean).length).to.equal(1);
  });

  it('makes a new key after deleteSigningKey', async () => {
    const dbName = freshDb();
    const first = await loadOrCreateSigningKey({ dbName });
    await deleteSigningKey({ dbName });
    expect(await readRecord(dbName)).to.equal(undefined);
    const second = await loadOrCreateSigningKey({ dbName });
    expect(second.created).to.equal(true);
    expect(await publicJwkOf(second.keyPair)).not.to.deep.equal(await publicJwkOf(first.keyPair));
  });

  it('falls back to a key for this page only when IndexedDB refuses', async () => {
    const broken = {
      open() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    let key;
    try {
      key = await loadOrCreateSigningKey({ indexedDB: broken });
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]![0]).to.equal(
      'dvc-forms: IndexedDB unavailable, using a signing key for this page only',
    );
    expect(key.persistent).to.equal(false);
    expect(key.keyPair.privateKey.extractable).to.equal(false);
  });

  it('browserSigner puts the public JWK and its RFC 7638 thumbprint as kid in the header', async () => {
    const dbName = freshDb();
    const signer = await browserSigner({ dbName });
    expect(await browserSigner({ dbName })).to.equal(signer);
    const { keyPair } = await loadOrCreateSigningKey({ dbName });
    const jwk = await publicJwkOf(keyPair);
    const { alg, protectedHeader, signature } = await signer.sign(new Uint8Array([1, 2, 3]));
    expect(alg).to.equal('ES256');
    expect(signature.length).to.equal(64);
    expect(protectedHeader).to.deep.equal({
      alg: 'ES256',
      typ: SUBMISSION_JWS_TYPE,
      jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
      kid: await jwkThumbprint(jwk as JsonWebKeyLike),
    });
  });
});
