// Browser round trip: a non-extractable WebCrypto key signs in Chromium, and the DOM-free
// verify module checks the submission in the same page.
import { expect } from '@open-wc/testing';
import procedureJson from '../src/verify/fixtures/extract-copy.json';
import type { Procedure } from '../../src/procedure/types.js';
import { createRules } from '../../src/rules/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { buildSubmissionPayload, sha256Hex } from '../../src/submission/index.js';
import { canonicalize } from '../../src/jcs/index.js';
import { createMemoryNonceStore, verifySubmission } from '../../src/verify/index.js';
import type { PlatformCryptoKeyPair } from '../../src/platform.js';

const procedure = procedureJson as unknown as Procedure;
// The page would hash the bytes it fetched; here the JSON text stands in for them.
const procedureText = JSON.stringify(procedureJson);
const answers = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-12',
  copies: 1,
  married: false,
  isPoorHousehold: true,
};
const idCard = {
  slot: 'id-card',
  name: 'can-cuoc.jpg',
  type: 'image/jpeg',
  size: 1000,
  sha256: 'a'.repeat(64),
};

async function signedPayload(keyPair: PlatformCryptoKeyPair) {
  const now = new Date();
  const rules = await createRules(procedure).evaluate(answers);
  const payload = buildSubmissionPayload({
    procedure,
    procedureSha256: await sha256Hex(procedureText),
    answers,
    rules,
    documents: [idCard],
    lang: 'vi',
    now,
  });
  const signer = await createWebCryptoSigner(keyPair);
  return { payload, signer, jws: await signPayload(payload, signer) };
}

/** Stores a key pair in IndexedDB and reads it back, as the form's key store will. */
async function roundTripThroughIndexedDb(keyPair: CryptoKeyPair): Promise<CryptoKeyPair> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('dvc-signing-test', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('keys');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('keys', 'readwrite');
      tx.objectStore('keys').put(keyPair, 'k');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return await new Promise<CryptoKeyPair>((resolve, reject) => {
      const get = db.transaction('keys').objectStore('keys').get('k');
      get.onsuccess = () => resolve(get.result as CryptoKeyPair);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
    indexedDB.deleteDatabase('dvc-signing-test');
  }
}

describe('signing in the browser', () => {
  it('signs with a non-extractable key and verifies in the same page', async () => {
    const keyPair = await generateSigningKey();
    expect(keyPair.privateKey.extractable).to.equal(false);
    const { payload, signer, jws } = await signedPayload(keyPair);
    expect(payload.fee.total).to.equal(0);
    const nonceStore = createMemoryNonceStore();
    const result = await verifySubmission(jws, {
      procedure,
      procedureText,
      trustedKeys: [signer.publicJwk],
      nonceStore,
    });
    expect(result).to.deep.equal({ ok: true, submission: payload, kid: signer.kid });
    const replay = await verifySubmission(jws, { procedure, procedureText, nonceStore });
    expect(replay.ok ? [] : replay.errors.map((e) => e.code)).to.deep.equal(['nonce-replayed']);
  });

  it('a key read back from IndexedDB still signs, and its private half stays unexportable', async () => {
    const stored = await roundTripThroughIndexedDb((await generateSigningKey()) as CryptoKeyPair);
    let exportError: unknown;
    try {
      await crypto.subtle.exportKey('jwk', stored.privateKey);
    } catch (e) {
      exportError = e;
    }
    expect((exportError as DOMException).name).to.equal('InvalidAccessError');
    const { jws } = await signedPayload(stored);
    const result = await verifySubmission(jws, { procedure, procedureText });
    expect(result.ok).to.equal(true);
  });

  it('rejects a payload changed after signing', async () => {
    const { payload, jws } = await signedPayload(await generateSigningKey());
    const [h, , s] = jws.split('.');
    const changed = { ...payload, answers: { ...payload.answers, copies: 2 } };
    const bytes = new TextEncoder().encode(canonicalize(changed));
    const b64 = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const result = await verifySubmission(`${h}.${b64}.${s}`, { procedure, procedureText });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).to.deep.equal(['signature-invalid']);
  });
});
