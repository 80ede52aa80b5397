import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifySubmission } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import { ID_CARD, MARRIAGE, NOW, PROCEDURE, payloadFor, setup } from './helpers.js';

/**
 * Regression: the browser never accepted SVG in an `image/*` slot, but verify matched the wildcard
 * by prefix, so a signed payload declaring `image/svg+xml` there was accepted. Both now use
 * src/files `checkDocument`, where `image/*` means the supported image types only.
 */
const IMAGE_SLOT: Procedure = {
  ...PROCEDURE,
  documents: PROCEDURE.documents.map((d) =>
    d.id === 'id-card' ? { ...d, accept: ['image/*'] } : d,
  ),
};

async function verifyWith(idCard: typeof ID_CARD) {
  const payload = await payloadFor(undefined, [idCard, MARRIAGE]);
  const jws = await signPayload(payload, (await setup()).signer);
  return verifySubmission(jws, { procedure: IMAGE_SLOT, now: NOW });
}

test('a signed payload declaring image/svg+xml in an image/* slot is refused', async () => {
  for (const svg of [
    { ...ID_CARD, name: 'can-cuoc.svg', type: 'image/svg+xml' },
    // A harmless-looking name does not make the declared SVG acceptable…
    { ...ID_CARD, name: 'can-cuoc.jpg', type: 'image/svg+xml' },
    // …nor does an image type save an SVG file name.
    { ...ID_CARD, name: 'can-cuoc.svg', type: 'image/png' },
  ]) {
    const result = await verifyWith(svg);
    assert.equal(result.ok, false, `${svg.name} as ${svg.type}`);
    assert.deepEqual(result.ok ? [] : result.errors, [
      {
        code: 'document-type-not-accepted',
        pointer: '/documents/0/type',
        message: `Document /documents/0 has type "${svg.type}", which slot "id-card" does not accept.`,
        params: { pointer: '/documents/0', type: svg.type, slot: 'id-card' },
      },
    ]);
  }
});

test('an image/* slot accepts each supported image type, with a matching name', async () => {
  for (const [name, type] of [
    ['anh.png', 'image/png'],
    ['anh.jpg', 'image/jpeg'],
    ['anh.webp', 'image/webp'],
    ['anh.heic', 'image/heic'],
  ]) {
    const result = await verifyWith({ ...ID_CARD, name: name!, type: type! });
    assert.equal(result.ok, true, `${name} ${JSON.stringify(result.ok ? '' : result.errors)}`);
  }
});

test('an empty document or one whose name and type disagree is refused', async () => {
  const empty = await verifyWith({ ...ID_CARD, name: 'anh.png', type: 'image/png', size: 0 });
  assert.deepEqual(empty.ok ? [] : empty.errors.map((e) => [e.code, e.pointer]), [
    ['document-empty', '/documents/0/size'],
  ]);
  const renamed = await verifyWith({ ...ID_CARD, name: 'anh.pdf', type: 'image/png' });
  assert.deepEqual(renamed.ok ? [] : renamed.errors.map((e) => e.code), [
    'document-type-not-accepted',
  ]);
});
