// Issue 22 point 4: what the verifier keeps between payloads (imported keys, key thumbprints, the
// schema facets and field index of a procedure, canonical path keys) must never answer for a
// different key or procedure, must not keep failures, and must stay bounded whatever a stranger
// sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { webcrypto } from 'node:crypto';
import {
  cachedThumbprint,
  clearKeyCaches,
  importPublicKey,
  KEY_CACHE_SIZE,
  keyCacheSizes,
  PromiseCache,
} from '../../../src/verify/key-cache.js';
import { createMemoryNonceStore, createVerifier } from '../../../src/verify/index.js';
import {
  generateSigningKey,
  createWebCryptoSigner,
  jwkThumbprint,
} from '../../../src/signing/index.js';
import { signPayload } from '../../../src/signing/index.js';
import { normalizeAnswers } from '../../../src/validation/index.js';
import { PATH_KEY_MEMO_SIZE, pathKey, pathKeyMemoSize } from '../../../src/session/field-path.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  ID_CARD,
  MARRIAGE,
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  b64u,
  payloadFor,
  setup,
} from './helpers.js';
import { canonicalize } from '../../../src/jcs/index.js';

const attachments = { [ID_CARD.url!]: ID_CARD.sha256, [MARRIAGE.url!]: MARRIAGE.sha256 };

test('PromiseCache keeps the most recently used entries up to its limit', async () => {
  const cache = new PromiseCache<number>(3);
  let made = 0;
  const get = (k: string) => cache.get(k, async () => ++made);
  for (const k of ['a', 'b', 'c']) await get(k);
  await get('a'); // a is now the most recently used: b goes first
  await get('d');
  assert.equal(cache.size, 3);
  assert.equal(made, 4);
  assert.equal(await get('a'), 1, 'a was kept');
  assert.equal(await get('c'), 3, 'c was kept');
  assert.equal(await get('b'), 5, 'b was dropped and made again');
  assert.equal(cache.size, 3);
});

test('PromiseCache never serves a failure: the next call tries again', async () => {
  const cache = new PromiseCache<string>(4);
  await assert.rejects(
    cache.get('k', async () => {
      throw new Error('import failed');
    }),
  );
  assert.equal(await cache.get('k', async () => 'second try'), 'second try');
  assert.equal(cache.size, 1);
});

test('an imported key is reused for the same key material only, and the cache stays bounded', async () => {
  clearKeyCaches();
  const { signer } = await setup();
  const jwk = signer.publicJwk;
  const first = importPublicKey(jwk, 'ES256');
  // Members outside the key material (kid, alg, use) do not make another key.
  assert.equal(importPublicKey({ ...jwk, kid: 'other', use: 'sig' }, 'ES256'), first);
  const other = await createWebCryptoSigner(await generateSigningKey());
  assert.notEqual(importPublicKey(other.publicJwk, 'ES256'), first);
  // The same material for another algorithm is another import (the curve is pinned by it).
  assert.notEqual(importPublicKey(jwk, 'ES384'), first);
  await first;
  for (let i = 0; i < KEY_CACHE_SIZE + 20; i++) {
    const s = await createWebCryptoSigner(await generateSigningKey());
    await importPublicKey(s.publicJwk, 'ES256');
  }
  assert.equal(keyCacheSizes().keys, KEY_CACHE_SIZE);
});

test('a thumbprint comes from the key material only, incomplete keys are refused every time', async () => {
  clearKeyCaches();
  const { signer } = await setup();
  const jwk = signer.publicJwk;
  assert.equal(await cachedThumbprint(jwk), await jwkThumbprint(jwk));
  assert.equal(await cachedThumbprint({ ...jwk, kid: 'x' }), signer.kid);
  const incomplete = { kty: 'EC', crv: 'P-256', x: jwk.x };
  await assert.rejects(cachedThumbprint(incomplete));
  await assert.rejects(cachedThumbprint(incomplete));
  assert.equal(keyCacheSizes().thumbprints, 1);
  // A member of the wrong type is never a cache key (it could not be told apart as JSON).
  await assert.rejects(cachedThumbprint({ ...jwk, y: 5 as unknown as string }));
});

// The key a token names is cached after a good submission; a token that names the same key but
// was signed by another one must still fail its signature (the cache holds keys, not verdicts).
test('a cached key does not make a forged signature pass', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const payload = await payloadFor();
  const good = await verifier.verify(await signPayload(payload, signer), {
    nonceStore: createMemoryNonceStore(),
    attachments,
    now: NOW,
  });
  assert.equal(good.ok, true);
  // Signed by a stranger's key, the header naming the fixture's (cached) key.
  const stranger = await generateSigningKey();
  const header = JSON.stringify({
    alg: 'ES256',
    typ: 'dvc-submission+jws',
    jwk: signer.publicJwk,
    kid: signer.kid,
  });
  const input = `${b64u(header)}.${b64u(canonicalize(payload))}`;
  const { toLowS } = await import('../../../src/signing/index.js');
  const sig = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    stranger.privateKey as webcrypto.CryptoKey,
    new TextEncoder().encode(input),
  );
  const forged = `${input}.${b64u(toLowS('ES256', new Uint8Array(sig)))}`;
  const result = await verifier.verify(forged, {
    nonceStore: createMemoryNonceStore(),
    attachments,
    now: NOW,
  });
  assert.deepEqual(!result.ok && result.errors.map((e) => e.code), ['signature-invalid']);
});

// A procedure file that changes is a new object: nothing computed for the old one answers for it.
test('normalisation follows a changed procedure, never a stale schema or field index', () => {
  const procedure = (format: string | undefined, widget: string): Procedure => {
    const p = JSON.parse(PROCEDURE_TEXT) as Procedure;
    const data = p.data as unknown as { properties: Record<string, Record<string, unknown>> };
    data.properties['phone'] = { type: 'string', ...(format ? { format } : {}) };
    data.properties['note'] = { type: 'string' };
    p.ui.steps[0]!.fields.push(
      { field: 'phone', widget: 'phone', label: { vi: 'Điện thoại' } } as never,
      { field: 'note', widget, label: { vi: 'Ghi chú' } } as never,
    );
    return p;
  };
  const answers = { phone: '+84 912-345-678', note: 'dòng 1\ndòng 2' };
  assert.deepEqual(normalizeAnswers(procedure('vn-mobile', 'textarea'), answers), {
    phone: '0912345678',
    note: 'dòng 1\ndòng 2',
  });
  assert.deepEqual(normalizeAnswers(procedure(undefined, 'text'), answers), {
    phone: '+84 912-345-678',
    note: 'dòng 1 dòng 2',
  });
});

test('canonical path keys stay right and their memo bounded, whatever paths arrive', () => {
  assert.equal(pathKey('siblings[2].fullName'), 'siblings.fullName');
  assert.equal(pathKey('/siblings/2/fullName'), 'siblings.fullName');
  for (let i = 0; i < PATH_KEY_MEMO_SIZE + 500; i++) pathKey(`stranger${i}[${i}].x`);
  assert.ok(pathKeyMemoSize() <= PATH_KEY_MEMO_SIZE);
  assert.equal(pathKey('siblings[].fullName'), 'siblings.fullName');
  assert.equal(pathKey(`stranger7[7].x`), 'stranger7.x');
});
