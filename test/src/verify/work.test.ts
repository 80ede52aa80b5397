/**
 * What verify does per payload, counted (never timed; issue 22 point 4): a valid payload's
 * answers are normalised once (the rules' copy is the one validated), and a payload whose
 * answers were not normalised when signed still gets `answers-not-normalized` after the
 * shortcuts, not a different code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVerifier, createMemoryNonceStore } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import { normalizeRuns } from '../../../src/validation/normalize.js';
import {
  ANSWERS,
  ID_CARD,
  MARRIAGE,
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  payloadFor,
  setup,
} from './helpers.js';

const attachments = { [ID_CARD.url!]: ID_CARD.sha256, [MARRIAGE.url!]: MARRIAGE.sha256 };

test('a valid payload is normalised once per verification', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const jws = await signPayload(await payloadFor(), signer);
  const call = () =>
    verifier.verify(jws, { nonceStore: createMemoryNonceStore(), attachments, now: NOW });
  assert.equal((await call()).ok, true); // the first call builds the model
  for (let i = 0; i < 3; i++) {
    const before = normalizeRuns();
    const result = await call();
    assert.equal(result.ok, true);
    assert.equal(normalizeRuns() - before, 1);
  }
});

test('answers signed without normalising are still answers-not-normalized', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({ procedure: PROCEDURE, procedureText: PROCEDURE_TEXT });
  const name = Object.keys(ANSWERS).find(
    (k) => typeof (ANSWERS as Record<string, unknown>)[k] === 'string',
  );
  assert.ok(name, 'the fixture has a text answer');
  const payload = await payloadFor();
  (payload.answers as Record<string, unknown>)[name] =
    ` ${String((ANSWERS as Record<string, unknown>)[name])}\u200b `;
  const result = await verifier.verify(await signPayload(payload, signer), {
    nonceStore: createMemoryNonceStore(),
    attachments,
    now: NOW,
  });
  assert.deepEqual(!result.ok && result.errors.map((e) => e.code), ['answers-not-normalized']);
});
