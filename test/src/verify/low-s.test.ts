// One payload, one valid JWS: the high-S twin of an ECDSA signature verifies mathematically, so
// the verifier must refuse it on purpose and the signer must never produce it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySubmission, createMemoryNonceStore } from '../../../src/verify/index.js';
import { isLowS, signPayload, toLowS } from '../../../src/signing/index.js';
import { NOW, PROCEDURE, PROCEDURE_TEXT, payloadFor, setup } from './helpers.js';

const P256_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** (r, n − s): the other valid signature of the same message. */
function highTwin(sig: Uint8Array): Uint8Array {
  const s = BigInt(`0x${Buffer.from(sig.subarray(32)).toString('hex')}`);
  const twin = (P256_N - s).toString(16).padStart(64, '0');
  return new Uint8Array([...sig.subarray(0, 32), ...Buffer.from(twin, 'hex')]);
}

test('signPayload always produces low-S signatures, and the verifier refuses the high-S twin', async () => {
  const { signer } = await setup();
  for (let i = 0; i < 12; i++) {
    const payload = await payloadFor();
    const jws = await signPayload(payload, signer);
    const [h, p, s] = jws.split('.') as [string, string, string];
    const sig = new Uint8Array(Buffer.from(s, 'base64url'));
    assert.equal(isLowS('ES256', sig), true);
    const twin = highTwin(sig);
    assert.equal(isLowS('ES256', twin), false);
    assert.deepEqual(toLowS('ES256', twin), sig);
    const forged = `${h}.${p}.${Buffer.from(twin).toString('base64url')}`;
    const options = { procedure: PROCEDURE, procedureText: PROCEDURE_TEXT, now: NOW };
    const refused = await verifySubmission(forged, {
      ...options,
      nonceStore: createMemoryNonceStore(),
    });
    assert.deepEqual(refused.ok ? [] : refused.errors.map((e) => e.code), [
      'signature-not-canonical',
    ]);
    const accepted = await verifySubmission(jws, {
      ...options,
      nonceStore: createMemoryNonceStore(),
    });
    assert.equal(accepted.ok, true);
  }
});

test('EdDSA signatures are left alone (their encoding is unique already)', () => {
  const sig = new Uint8Array(64).fill(0xff);
  assert.equal(isLowS('EdDSA', sig), true);
  assert.equal(toLowS('EdDSA', sig), sig);
});
