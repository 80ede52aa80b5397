// Shared set-up for the signing and verification tests: the fixture procedure, a key pair, a
// valid payload, and a way to sign arbitrary header/payload bytes for crafted attacks.
import { readFileSync } from 'node:fs';
import type { webcrypto } from 'node:crypto';
import type { Procedure } from '../../../src/procedure/types.js';
import { createRules } from '../../../src/rules/index.js';
import {
  buildSubmissionPayload,
  sha256Hex,
  type PayloadDocument,
  type SubmissionPayload,
} from '../../../src/submission/index.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  type WebCryptoSigner,
  toLowS,
} from '../../../src/signing/index.js';
import type { PlatformCryptoKeyPair } from '../../../src/platform.js';

export const PROCEDURE_TEXT = readFileSync(
  new URL('./fixtures/extract-copy.json', import.meta.url),
  'utf8',
);
export const PROCEDURE = JSON.parse(PROCEDURE_TEXT) as Procedure;

/** Server time of the tests; payloads are submitted a minute before. */
export const NOW = new Date('2025-07-01T03:00:00.000Z');
export const SUBMITTED = new Date('2025-07-01T02:59:00.000Z');

export const ANSWERS = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-12',
  copies: 2,
  married: true,
  spouseName: 'Trần Thị Bình',
};

export const ID_CARD: PayloadDocument = {
  slot: 'id-card',
  name: 'can-cuoc.jpg',
  type: 'image/jpeg',
  size: 123456,
  sha256: 'a'.repeat(64),
  url: 'https://upload.example.gov.vn/files/1',
};
export const MARRIAGE: PayloadDocument = {
  slot: 'marriage-certificate',
  name: 'ket-hon.pdf',
  type: 'application/pdf',
  size: 222222,
  sha256: 'b'.repeat(64),
  url: 'https://upload.example.gov.vn/files/2',
};

export interface Fixture {
  keyPair: PlatformCryptoKeyPair;
  signer: WebCryptoSigner;
  procedureSha256: string;
}

let fixture: Promise<Fixture> | undefined;
export function setup(): Promise<Fixture> {
  fixture ??= (async () => {
    const keyPair = await generateSigningKey();
    return {
      keyPair,
      signer: await createWebCryptoSigner(keyPair),
      procedureSha256: await sha256Hex(PROCEDURE_TEXT),
    };
  })();
  return fixture;
}

/** A payload as the form would build it for these answers. */
export async function payloadFor(
  answers: Record<string, unknown> = ANSWERS,
  documents: PayloadDocument[] = [ID_CARD, MARRIAGE],
  nonce = 'bm9uY2Utbm9uY2Utbm9uY2U',
): Promise<SubmissionPayload> {
  const { procedureSha256 } = await setup();
  const rules = await createRules(PROCEDURE, { today: '2025-07-01' }).evaluate(answers);
  return buildSubmissionPayload({
    procedure: PROCEDURE,
    procedureSha256,
    answers,
    rules,
    documents,
    lang: 'vi',
    nonce,
    now: SUBMITTED,
  });
}

export function b64u(data: Uint8Array | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Signs arbitrary header and payload text with the fixture key, as an attacker holding a valid
 * key (or a buggy client) could: the signature is valid, everything else is up to the test.
 */
export async function signRaw(headerText: string, payloadText: string): Promise<string> {
  const { keyPair } = await setup();
  const input = `${b64u(headerText)}.${b64u(payloadText)}`;
  const sig = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    keyPair.privateKey as webcrypto.CryptoKey,
    new TextEncoder().encode(input),
  );
  // Normalised like signPayload does: the verifier accepts only the low-S form.
  return `${input}.${b64u(toLowS('ES256', new Uint8Array(sig)))}`;
}

/** The fixture signer's header as JSON text. */
export async function headerText(extra: Record<string, unknown> = {}): Promise<string> {
  const { signer } = await setup();
  return JSON.stringify({
    alg: 'ES256',
    typ: 'dvc-submission+jws',
    jwk: signer.publicJwk,
    kid: signer.kid,
    ...extra,
  });
}
