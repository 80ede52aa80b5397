/**
 * The verifier decodes the JWS parts with Node's native decoder (src/verify/base64url.ts, issue 22
 * point 4). It must accept exactly what the portable strict decoder accepts, with the same bytes:
 * checked on random texts over the alphabet and its near misses (padding, '+', '/', whitespace,
 * non-ASCII, lengths of 4n + 1, non-zero trailing bits), and through verify itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64UrlDecode, base64UrlEncode } from '../../../src/platform.js';
import { decodeBase64Url } from '../../../src/verify/base64url.js';
import { createVerifier } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import { NOW, PROCEDURE, PROCEDURE_TEXT, payloadFor, setup } from './helpers.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const char = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: fc.constantFrom('=', '+', '/', ' ', '\n', '.', 'é', '\u0100', '\ud800') },
);

function same(text: string): void {
  const portable = base64UrlDecode(text);
  const native = decodeBase64Url(text);
  assert.deepEqual(
    native && [...native],
    portable && [...portable],
    `decoders differ on ${JSON.stringify(text)}`,
  );
}

test('the native decoder accepts exactly what the strict portable one does', () => {
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }), (chars) => same(chars.join(''))),
    { numRuns: 20_000 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), (bytes, k) => {
      const text = base64UrlEncode(bytes);
      same(text);
      if (text.length === 0) return;
      // The last character changed: stray trailing bits, or other bytes.
      const at = text.length - 1;
      same(text.slice(0, at) + ALPHABET[k % 64]!);
      same(`${text}=`);
      same(`${text}A`);
      same(text.slice(0, at));
    }),
    { numRuns: 5_000 },
  );
  for (const text of ['', 'A', 'AA', 'AB', 'AAA', 'AAB', 'AAAA', 'AA==', 'AA=', 'A+/B', ' AAAA'])
    same(text);
});

test('verify refuses a part with stray trailing bits that the lenient decoder would read', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const jws = await signPayload(await payloadFor(), signer);
  assert.equal((await verifier.verify(jws, { now: NOW })).ok, true);
  const [h, p, s] = jws.split('.') as [string, string, string];
  // A 64-byte signature is 86 characters, the last one carrying 2 unused bits.
  const last = ALPHABET.indexOf(s.at(-1)!);
  const stray = `${s.slice(0, -1)}${ALPHABET[last ^ 1]}`;
  assert.deepEqual([...Buffer.from(stray, 'base64url')], [...Buffer.from(s, 'base64url')]);
  for (const bad of [`${h}.${p}.${stray}`, `${h}.${p}=.${s}`, `${h}.${p}.${s}==`]) {
    const result = await verifier.verify(bad, { now: NOW });
    assert.deepEqual(!result.ok && result.errors.map((e) => [e.code, e.params]), [
      ['malformed-jws', { detail: 'a part is not unpadded base64url' }],
    ]);
  }
});
