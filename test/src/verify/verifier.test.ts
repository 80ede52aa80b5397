import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVerifier, createMemoryNonceStore } from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import { ID_CARD, MARRIAGE, NOW, PROCEDURE, PROCEDURE_TEXT, payloadFor, setup } from './helpers.js';

const attachments = { [ID_CARD.url!]: ID_CARD.sha256, [MARRIAGE.url!]: MARRIAGE.sha256 };

// A server keeps one verifier per procedure and calls it concurrently: cached rules sessions,
// validators and imported keys must never leak one payload's state into another's result.
test('one verifier gives each of many concurrent calls its own, correct result', async () => {
  const { signer } = await setup();
  const verifier = createVerifier({
    procedure: PROCEDURE,
    procedureText: PROCEDURE_TEXT,
    trustedKeys: [signer.publicJwk],
  });
  const good = await payloadFor();
  const goodJws = await signPayload(good, signer);
  const tampered = await payloadFor();
  tampered.fee = { ...tampered.fee, total: tampered.fee.total - 1000 };
  const tamperedJws = await signPayload(tampered, signer);

  const store = createMemoryNonceStore();
  const runs = Array.from({ length: 24 }, (_, i) =>
    verifier.verify(i % 2 === 0 ? goodJws : tamperedJws, {
      // Each good call gets its own store so the nonce is fresh for every one of them.
      nonceStore: i % 2 === 0 ? createMemoryNonceStore() : store,
      attachments,
      now: NOW,
    }),
  );
  const results = await Promise.all(runs);
  results.forEach((result, i) => {
    if (i % 2 === 0) assert.deepEqual(result, { ok: true, submission: good, kid: signer.kid });
    else {
      assert.equal(result.ok, false);
      assert.deepEqual(
        !result.ok && result.errors.map((e) => e.code),
        ['fee-mismatch'],
        `call ${i}`,
      );
    }
  });
});

// Issue 22 point 2: the server decides with the rules compiled to plain code (src/rules/compiled.ts),
// every unit of the procedure covered, so no payload falls back to json-rules-engine's slow path.
// (Their results equal the engine's: test/src/rules/compiled-differential.test.ts.)
test('verify evaluates the rules with the compiled evaluator, every unit compiled', async () => {
  const { modelFor } = await import('../../../src/verify/data-checks.js');
  const model = await modelFor(PROCEDURE);
  assert.equal(model.rules.compiled, true);
  assert.deepEqual(model.rules.uncompiled, []);
});
