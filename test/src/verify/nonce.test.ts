import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryNonceStore } from '../../../src/verify/index.js';

test('a nonce is accepted once, then refused until it expires', async () => {
  let t = 1_000_000;
  const store = createMemoryNonceStore({ ttlSeconds: 60, now: () => t });
  assert.equal(await store.consume('n1'), true);
  assert.equal(await store.consume('n1'), false);
  assert.equal(await store.consume('n2'), true);
  assert.equal(store.size, 2);
  t += 59_999;
  assert.equal(await store.consume('n1'), false);
  t += 1;
  // Expired entries are forgotten (the freshness check covers them from then on).
  assert.equal(await store.consume('n3'), true);
  assert.equal(store.size, 1);
  assert.equal(await store.consume('n1'), true);
});

test('challenge mode accepts only issued, unexpired nonces', async () => {
  let t = 0;
  const store = createMemoryNonceStore({ ttlSeconds: 10, requireIssued: true, now: () => t });
  const a = store.issue();
  const b = store.issue();
  assert.match(a, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(a, b);
  assert.equal(await store.consume('never-issued-nonce-0000'), false);
  assert.equal(await store.consume(a), true);
  assert.equal(await store.consume(a), false);
  // Told apart, so a form can say "ask again" instead of "already received".
  assert.equal(await store.refusal(a), 'replayed');
  assert.equal(await store.refusal('never-issued-nonce-0000'), 'unknown');
  t = 10_000;
  // Forgotten once expired: the freshness check on submittedAt covers it from then on.
  assert.equal(await store.consume(b), false);
  assert.equal(await store.refusal(b), 'unknown');
});
