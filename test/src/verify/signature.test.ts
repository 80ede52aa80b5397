/**
 * Step 4 on Node checks signatures with `crypto.verify` and the imported key's KeyObject
 * (src/verify/signature.ts, issue 22 point 4), not WebCrypto's `subtle.verify`. It must give
 * WebCrypto's verdict for every algorithm verify allows: valid signatures, a bit flipped in the
 * signature or the input, another key's signature, a key of the other curve.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
type Subtle = webcrypto.SubtleCrypto;
import fc from 'fast-check';
import { checkSignature } from '../../../src/verify/signature.js';
import { VERIFY_PARAMS } from '../../../src/verify/key-cache.js';
import { createVerifier } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import type { SubmissionAlgorithm } from '../../../src/signing/jws.js';
import { toLowS } from '../../../src/signing/index.js';
import { NOW, PROCEDURE, PROCEDURE_TEXT, payloadFor, setup } from './helpers.js';

const { subtle } = webcrypto;
const GENERATE: Record<SubmissionAlgorithm, { name: string; namedCurve?: string }> = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
  EdDSA: { name: 'Ed25519' },
};

async function pairs(alg: SubmissionAlgorithm) {
  const make = () =>
    subtle.generateKey(GENERATE[alg], false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
  return [await make(), await make()];
}

test('crypto.verify gives WebCrypto verdict for ES256, ES384 and EdDSA', async () => {
  for (const alg of ['ES256', 'ES384', 'EdDSA'] as const) {
    const [mine, other] = await pairs(alg);
    const sign = async (key: CryptoKey, data: Uint8Array) => {
      const raw = new Uint8Array(await subtle.sign(VERIFY_PARAMS[alg], key, data));
      return alg === 'EdDSA' ? raw : toLowS(alg, raw);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.nat(),
        fc.constantFrom('valid', 'signature bit', 'input bit', 'other key', 'other signer'),
        async (data, at, change) => {
          let signature = await sign(
            change === 'other signer' ? other!.privateKey : mine!.privateKey,
            data,
          );
          let input = data;
          if (change === 'signature bit') {
            signature = signature.slice();
            signature[at % signature.length]! ^= 1 << (at % 8);
          }
          if (change === 'input bit' && data.length > 0) {
            input = data.slice();
            input[at % input.length]! ^= 1 << (at % 8);
          }
          const key = change === 'other key' ? other!.publicKey : mine!.publicKey;
          const expected = await subtle.verify(VERIFY_PARAMS[alg], key, signature, input);
          assert.equal(
            await checkSignature(key, alg, signature, input),
            expected,
            `${alg} ${change}`,
          );
          if (change === 'valid') assert.equal(expected, true);
        },
      ),
      { numRuns: 150 },
    );
  }
});

test('a verification on Node leaves WebCrypto verify unused and still refuses a bad signature', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const jws = await signPayload(await payloadFor(), signer);
  const original = subtle.verify;
  let calls = 0;
  subtle.verify = function (this: Subtle, ...args: Parameters<Subtle['verify']>) {
    calls++;
    return original.apply(this, args);
  };
  try {
    assert.equal((await verifier.verify(jws, { now: NOW })).ok, true);
    const [h, p, s] = jws.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    const result = await verifier.verify(flipped, { now: NOW });
    assert.deepEqual(!result.ok && result.errors.map((e) => e.code), ['signature-invalid']);
  } finally {
    subtle.verify = original;
  }
  assert.equal(calls, 0);
});
