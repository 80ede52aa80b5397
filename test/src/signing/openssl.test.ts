// An independent check of our ES256 signatures with the openssl CLI, following
// docs/signing.md §5 (checking a signature independently): JWK → SubjectPublicKeyInfo PEM,
// JOSE R||S → DER ECDSA-Sig-Value, then `openssl dgst -sha256 -verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPayload } from '../../../src/signing/index.js';
import { payloadFor, setup } from '../verify/helpers.js';

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
// Skips (with the reason) only where openssl is missing: Debian ships it, so npm test runs these
// two on every machine this repository is set up on.
const skip =
  openssl.status === 0 ? false : 'openssl is not installed: the independent check cannot run';

const SPKI_P256_PREFIX = '3059301306072a8648ce3d020106082a8648ce3d030107034200';

function run(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: (r.stdout + r.stderr).trim() };
}

/** Verifies a compact ES256 JWS with openssl; returns openssl's verdict line and exit status. */
function opensslVerify(jws: string, jwk: { x: string; y: string }, tamper = false) {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-openssl-'));
  try {
    const [h, p, s] = jws.split('.') as [string, string, string];
    writeFileSync(join(dir, 'input.txt'), `${h}.${p}${tamper ? ' ' : ''}`);
    const x = Buffer.from(jwk.x, 'base64url');
    const y = Buffer.from(jwk.y, 'base64url');
    assert.equal(x.length, 32);
    assert.equal(y.length, 32);
    writeFileSync(
      join(dir, 'pub.der'),
      Buffer.concat([Buffer.from(SPKI_P256_PREFIX, 'hex'), Buffer.from([4]), x, y]),
    );
    assert.equal(
      run([
        'pkey',
        '-pubin',
        '-inform',
        'DER',
        '-in',
        join(dir, 'pub.der'),
        '-out',
        join(dir, 'pub.pem'),
      ]).status,
      0,
    );
    const sig = Buffer.from(s, 'base64url');
    assert.equal(sig.length, 64);
    writeFileSync(
      join(dir, 'sig.cnf'),
      `asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x${sig.subarray(0, 32).toString('hex')}\ns=INTEGER:0x${sig.subarray(32).toString('hex')}\n`,
    );
    assert.equal(
      run(['asn1parse', '-genconf', join(dir, 'sig.cnf'), '-out', join(dir, 'sig.der'), '-noout'])
        .status,
      0,
    );
    return run([
      'dgst',
      '-sha256',
      '-verify',
      join(dir, 'pub.pem'),
      '-signature',
      join(dir, 'sig.der'),
      join(dir, 'input.txt'),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(
  'the openssl procedure itself accepts RFC 7515 A.3 and rejects a changed input',
  // `skip`: only without openssl (see above).
  { skip },
  () => {
    const a3 = JSON.parse(
      readFileSync(new URL('../../vectors/rfc7515/A.3.es256.json', import.meta.url), 'utf8'),
    ) as { input: { key: { x: string; y: string } }; output: { compact: string } };
    assert.deepEqual(opensslVerify(a3.output.compact, a3.input.key), {
      status: 0,
      out: 'Verified OK',
    });
    assert.deepEqual(opensslVerify(a3.output.compact, a3.input.key, true), {
      status: 1,
      out: 'Verification failure',
    });
  },
);

// `skip`: only without openssl (see above).
test('openssl verifies a submission signed by the WebCrypto signer', { skip }, async () => {
  const { signer } = await setup();
  const jws = await signPayload(await payloadFor(), signer);
  const jwk = signer.publicJwk as { x: string; y: string };
  assert.deepEqual(opensslVerify(jws, jwk), { status: 0, out: 'Verified OK' });
  assert.deepEqual(opensslVerify(jws, jwk, true), { status: 1, out: 'Verification failure' });
});
