import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { webcrypto } from 'node:crypto';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import {
  createWebCryptoSigner,
  encodeProtectedHeader,
  generateSigningKey,
  importSigningKeyPair,
  jwkThumbprint,
  jwsSigningInput,
  signPayload,
  type Signer,
} from '../../../src/signing/index.js';
import { canonicalize } from '../../../src/jcs/index.js';
import { SigningError } from '../../../src/errors.js';
import { payloadFor, setup } from '../verify/helpers.js';

const A3 = JSON.parse(
  readFileSync(new URL('../../vectors/rfc7515/A.3.es256.json', import.meta.url), 'utf8'),
) as { input: { key: Record<string, string> } };

test('RFC 7638 §3.1 thumbprint example', async () => {
  const jwk = {
    kty: 'RSA',
    n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    e: 'AQAB',
    alg: 'RS256',
    kid: '2011-04-29',
  };
  assert.equal(await jwkThumbprint(jwk), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
});

test('EC thumbprints agree with jose and ignore private and optional members', async () => {
  const key = A3.input.key;
  const expected = await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: key.x, y: key.y });
  assert.equal(await jwkThumbprint(key), expected);
  assert.equal(await jwkThumbprint({ ...key, kid: 'x', use: 'sig' }), expected);
});

test('the WebCrypto signer embeds its public key and thumbprint in the header', async () => {
  const { keyPair, signer } = await setup();
  assert.equal(keyPair.privateKey.extractable, false);
  assert.equal(signer.alg, 'ES256');
  assert.deepEqual(Object.keys(signer.publicJwk).sort(), ['crv', 'kty', 'x', 'y']);
  assert.equal(signer.kid, await calculateJwkThumbprint(signer.publicJwk as never));
  const result = await signer.sign(new Uint8Array([1, 2, 3]));
  assert.equal(result.alg, 'ES256');
  assert.equal(result.signature.length, 64);
  assert.deepEqual(result.protectedHeader, {
    alg: 'ES256',
    typ: 'dvc-submission+jws',
    jwk: signer.publicJwk,
    kid: signer.kid,
  });
});

test('signPayload: the JWS payload is exactly the canonical JSON and jose verifies it', async () => {
  const { signer } = await setup();
  const payload = await payloadFor();
  const jws = await signPayload(payload, signer);
  const [h, p] = jws.split('.');
  assert.equal(Buffer.from(p!, 'base64url').toString('utf8'), canonicalize(payload));
  assert.equal(
    h,
    encodeProtectedHeader({
      alg: 'ES256',
      typ: 'dvc-submission+jws',
      jwk: signer.publicJwk,
      kid: signer.kid,
    }),
  );
  // The header is canonical too: members sorted, no whitespace.
  assert.match(
    Buffer.from(h!, 'base64url').toString('utf8'),
    /^\{"alg":"ES256","jwk":\{"crv":"P-256","kty":"EC","x":"[\w-]{43}","y":"[\w-]{43}"\},"kid":"[\w-]{43}","typ":"dvc-submission\+jws"\}$/,
  );
  const key = await importJWK(signer.publicJwk as never, 'ES256');
  const verified = await compactVerify(jws, key, { algorithms: ['ES256'] });
  assert.equal(new TextDecoder().decode(verified.payload), canonicalize(payload));
});

test('jwsSigningInput is base64url(JCS(header)) "." base64url(payload)', () => {
  const input = jwsSigningInput({ typ: 'x', alg: 'ES256' }, new TextEncoder().encode('{"a":1}'));
  assert.equal(
    new TextDecoder().decode(input),
    `${Buffer.from('{"alg":"ES256","typ":"x"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}`,
  );
});

test('a key pair imported from a private JWK signs ES256 (RFC 7515 A.3 key)', async () => {
  const keyPair = await importSigningKeyPair(A3.input.key);
  assert.equal(keyPair.privateKey.extractable, false);
  const signer = await createWebCryptoSigner(keyPair);
  assert.equal(signer.publicJwk.x, A3.input.key.x);
  const jws = await signPayload(await payloadFor(), signer);
  const key = await importJWK(
    { kty: 'EC', crv: 'P-256', x: A3.input.key.x, y: A3.input.key.y },
    'ES256',
  );
  await compactVerify(jws, key, { algorithms: ['ES256'] });
});

test('ES384 and Ed25519 key pairs sign with ES384 and EdDSA', async () => {
  const cases: [
    webcrypto.AlgorithmIdentifier | webcrypto.EcKeyGenParams,
    'ES384' | 'EdDSA',
    number,
  ][] = [
    [{ name: 'ECDSA', namedCurve: 'P-384' }, 'ES384', 96],
    [{ name: 'Ed25519' }, 'EdDSA', 64],
  ];
  for (const [params, alg, length] of cases) {
    const keyPair = (await crypto.subtle.generateKey(params as webcrypto.EcKeyGenParams, false, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const signer = await createWebCryptoSigner(keyPair);
    assert.equal(signer.alg, alg);
    const jws = await signPayload(await payloadFor(), signer);
    assert.equal(Buffer.from(jws.split('.')[2]!, 'base64url').length, length);
    await compactVerify(jws, await importJWK(signer.publicJwk as never, alg), {
      algorithms: [alg],
    });
  }
});

async function signingFails(signer: Signer, message: string) {
  await assert.rejects(signPayload(await payloadFor(), signer), (err: unknown) => {
    assert.ok(err instanceof SigningError);
    assert.equal(err.code, 'signing');
    assert.equal(err.message, message);
    return true;
  });
}

test('signPayload refuses signers that break the contract', async () => {
  const { signer } = await setup();
  const wrap = (change: (r: Awaited<ReturnType<Signer['sign']>>) => void): Signer => ({
    async sign(bytes) {
      const r = await signer.sign(bytes);
      change(r);
      return r;
    },
  });
  await signingFails(
    wrap((r) => (r.alg = 'ES384')),
    'The signer\'s header says alg "ES256" but it signed with "ES384".',
  );
  await signingFails(
    wrap((r) => {
      r.alg = 'HS256';
      r.protectedHeader['alg'] = 'HS256';
    }),
    'Algorithm "HS256" is not allowed for submissions (ES256, ES384, EdDSA).',
  );
  await signingFails(
    wrap((r) => delete r.protectedHeader['typ']),
    'The protected header must have typ "dvc-submission+jws".',
  );
  await signingFails(
    wrap((r) => (r.signature = new Uint8Array(70))),
    'A ES256 signature is 64 bytes, the signer returned 70 (DER-encoded?).',
  );
  // Signed the bytes alone instead of the JWS signing input.
  const keyPair = (await setup()).keyPair;
  await signingFails(
    {
      async sign(bytes) {
        const r = await signer.sign(bytes);
        r.signature = new Uint8Array(
          await crypto.subtle.sign(
            { name: 'ECDSA', hash: 'SHA-256' },
            keyPair.privateKey as webcrypto.CryptoKey,
            bytes,
          ),
        );
        return r;
      },
    },
    'The signature does not verify with the key in the header: the signer must sign jwsSigningInput(protectedHeader, bytes).',
  );
});

test('unsupported keys are refused with a SigningError', async () => {
  const keyPair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    false,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair;
  await assert.rejects(createWebCryptoSigner(keyPair), {
    name: 'SigningError',
    message:
      'Unsupported signing key RSASSA-PKCS1-v1_5: use ECDSA P-256 (ES256), ECDSA P-384 (ES384) or Ed25519 (EdDSA).',
  });
  await assert.rejects(importSigningKeyPair({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }), {
    name: 'SigningError',
    message: 'The JWK has no private key ("d").',
  });
});

test('generateSigningKey makes a non-extractable P-256 key', async () => {
  const keyPair = await generateSigningKey();
  assert.equal(keyPair.privateKey.extractable, false);
  assert.deepEqual(keyPair.privateKey.algorithm, { name: 'ECDSA', namedCurve: 'P-256' });
});
