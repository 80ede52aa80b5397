/**
 * `verifySubmission`: everything an agency's server must check before it trusts a signed
 * submission, in an order where nothing from the token is used before it has been vetted —
 * the algorithm before any key, the key before the signature, the signature before the payload,
 * the payload's exact bytes before its values, and the values before the nonce is spent.
 */
import { canonicalize } from '../jcs/canonicalize.js';
import { parseJson, JSON_PROBLEM_CODE } from '../json/parse.js';
import { type JsonWebKeyLike, utf8DecodeStrict, utf8Encode } from '../platform.js';
import type { Procedure } from '../procedure/types.js';
import {
  isAllowedAlgorithm,
  publicJwk,
  SIGNATURE_LENGTH,
  SUBMISSION_JWS_TYPE,
  type SubmissionAlgorithm,
} from '../signing/jws.js';
import { type PayloadDocument, sha256Hex, type SubmissionPayload } from '../submission/payload.js';
import {
  VERIFY_ERROR,
  verifyError as error,
  type VerifyError,
  type VerifyErrorCode,
} from './messages.js';
import { NONCE_REFUSAL_ERROR, type NonceStore } from './nonce.js';
import { isLowS } from '../signing/low-s.js';
import { checkPayloadShape } from './shape.js';
import { readCanonical } from './canonical-payload.js';
import { decodeBase64Url } from './base64url.js';
import { cachedThumbprint, importPublicKey } from './key-cache.js';
import { checkSignature } from './signature.js';
import { unescapeToken } from '../session/field-path.js';

export type { VerifyError };

export type VerifyResult =
  { ok: true; submission: SubmissionPayload; kid: string } | { ok: false; errors: VerifyError[] };

/** Resolves the SHA-256 of the file the server stored for a payload document entry. */
export interface AttachmentResolver {
  /** Lower-case hex SHA-256 of the stored file, or undefined when there is none. */
  sha256For(document: PayloadDocument, index: number): Promise<string | undefined>;
}

export interface VerifyOptions {
  /** The procedure the server serves (the same file the form used). */
  procedure: Procedure;
  /** The procedure file's bytes or text as served; when given, the payload's SHA-256 must match. */
  procedureText?: string | Uint8Array;
  /**
   * Public keys the server trusts. When given, the signing key must be one of them (compared by
   * RFC 7638 thumbprint); when absent, any key embedded in the header is accepted — the
   * signature then proves integrity and possession, not identity.
   */
  trustedKeys?: readonly JsonWebKeyLike[];
  /** Replay protection; without it the nonce is not checked. */
  nonceStore?: NonceStore;
  /** Oldest acceptable `submittedAt`, in seconds before `now` (default 86,400 = 24 h). */
  maxAgeSeconds?: number;
  /** Tolerated client clock lead, in seconds (default 300). */
  clockSkewSeconds?: number;
  /**
   * The stored uploads: a resolver, or a map from the document's `url` (or its `name` when it has
   * no url) to the hex SHA-256 of the stored file. When absent, file hashes are not checked.
   */
  attachments?: AttachmentResolver | Readonly<Record<string, string>>;
  /** Server time (default: now). */
  now?: Date;
  /** Longest accepted compact JWS in characters (default 2,000,000). */
  maxLength?: number;
  /** The agency's postage tariff in đồng, for procedures without their own `postage`. */
  postage?: number;
}

/** What a `Verifier` fixes once: the procedure, its file, the trusted keys and the limits. */
export type VerifierOptions = Omit<VerifyOptions, 'nonceStore' | 'attachments' | 'now'>;

/** What changes from one payload to the next. */
export type VerifyCallOptions = Pick<VerifyOptions, 'nonceStore' | 'attachments' | 'now'>;

/** `verifySubmission` for one procedure, with the per-procedure work done once. */
export interface Verifier {
  /** Same checks, codes and order as `verifySubmission`; never throws. */
  verify(jws: string, options?: VerifyCallOptions): Promise<VerifyResult>;
}

export const DEFAULT_MAX_AGE_SECONDS = 24 * 3600;
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

export class Reject {
  constructor(readonly errors: VerifyError[]) {}
}

export function reject(
  code: VerifyErrorCode,
  params?: Record<string, string | number>,
  pointer?: string,
): never {
  throw new Reject([error(code, params, pointer)]);
}

/** Rejects with `invalid-payload` at the shape issue, if any. */
export function rejectShape(issue: { pointer: string; detail: string } | undefined): void {
  if (issue)
    reject(
      VERIFY_ERROR.invalidPayload,
      { pointer: issue.pointer, detail: issue.detail },
      issue.pointer,
    );
}

const CURVES: Record<SubmissionAlgorithm, { kty: string; crv: string }> = {
  ES256: { kty: 'EC', crv: 'P-256' },
  ES384: { kty: 'EC', crv: 'P-384' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
};
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];
/** Header parameters we understand; anything else in `crit` or a key-fetching URL is refused. */
const URL_PARAMS = ['jku', 'x5u'];

/**
 * Verifies a compact JWS submission against the server's procedure. Never throws: every problem,
 * including unexpected ones, comes back as `{ ok: false, errors }` with stable codes. A server
 * verifying many payloads should hold a `createVerifier` per procedure instead.
 */
export async function verifySubmission(jws: string, options: VerifyOptions): Promise<VerifyResult> {
  return createVerifier(options).verify(jws, options);
}

/** The per-procedure values a verifier computes on first use and then keeps. */
export interface Prepared {
  options: VerifierOptions;
  procedureSha256(): Promise<string>;
  trusted(): Promise<TrustedKey[]> | undefined;
}

interface TrustedKey {
  jwk: JsonWebKeyLike;
  thumbprint: string | undefined;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/**
 * A verifier for one procedure file: the file's SHA-256, the trusted keys' thumbprints, the
 * compiled validator and the prepared rules are computed once (on first need, so a forged token
 * still costs no schema compilation) and reused for every payload. The options are read when
 * the verifier is created; make a new one when the procedure file or the trusted keys change.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  const prepared = prepare(options);
  return {
    verify: (jws, call = {}) => guarded(() => run(jws, prepared, call)),
  };
}

/** The per-procedure values of a verifier (shared with the supplement verifier). */
export function prepare(options: VerifierOptions): Prepared {
  const fixed: VerifierOptions = { ...options };
  const { procedureText, trustedKeys } = fixed;
  return {
    options: fixed,
    procedureSha256: once(() => sha256Hex(procedureText ?? '')),
    trusted: trustedKeys
      ? once(() =>
          Promise.all(
            trustedKeys.map(async (k) => ({ jwk: k, thumbprint: await safeThumbprint(k) })),
          ),
        )
      : () => undefined,
  };
}

/** Runs a verification step list: a rejection or an unexpected throw becomes `{ ok: false }`. */
export async function guarded<T extends { ok: true }>(
  run: () => Promise<T | { ok: false; errors: VerifyError[] }>,
): Promise<T | { ok: false; errors: VerifyError[] }> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Reject) return { ok: false, errors: e.errors };
    return {
      ok: false,
      errors: [
        error(VERIFY_ERROR.internalError, {
          detail: e instanceof Error ? e.message : String(e),
        }),
      ],
    };
  }
}

/**
 * Steps 1 to 5, shared by every signed payload type: the compact serialisation, the algorithm,
 * the key, the signature and the payload's exact canonical bytes with `v` = 1. Throws `Reject`.
 */
export async function openEnvelope(
  jws: string,
  prepared: Prepared,
): Promise<{ value: Record<string, unknown>; key: { jwk: JsonWebKeyLike; thumbprint: string } }> {
  const { options } = prepared;
  // 1. Compact serialisation, strictly decoded.
  if (typeof jws !== 'string') reject(VERIFY_ERROR.malformedJws, { detail: 'not a string' });
  const maxLength = options.maxLength ?? 2_000_000;
  if (jws.length > maxLength)
    reject(VERIFY_ERROR.malformedJws, { detail: `longer than ${maxLength} characters` });
  const parts = jws.trim() === jws ? jws.split('.') : [];
  if (parts.length !== 3)
    reject(VERIFY_ERROR.malformedJws, {
      detail: 'expected three base64url parts separated by dots',
    });
  const [headerB64, payloadB64, signatureB64] = parts as [string, string, string];
  const headerBytes = decodeBase64Url(headerB64);
  const payloadBytes = decodeBase64Url(payloadB64);
  const signature = decodeBase64Url(signatureB64);
  if (!headerBytes || !payloadBytes || !signature || headerBytes.length === 0)
    reject(VERIFY_ERROR.malformedJws, { detail: 'a part is not unpadded base64url' });
  let headerText: string;
  try {
    headerText = utf8DecodeStrict(headerBytes);
  } catch {
    reject(VERIFY_ERROR.malformedJws, { detail: 'the header is not UTF-8' });
  }
  const parsedHeader = parseJson(headerText, { positions: false, maxDepth: 8 });
  const header = parsedHeader.ok ? parsedHeader.value : undefined;
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    reject(VERIFY_ERROR.malformedJws, {
      detail: 'the protected header is not a strict JSON object',
    });
  const h = header as Record<string, unknown>;

  // 2. Algorithm allow-list, before any key is looked at.
  const alg = h['alg'];
  if (!isAllowedAlgorithm(alg)) reject(VERIFY_ERROR.algNotAllowed, { alg: String(alg) });
  if (h['typ'] !== SUBMISSION_JWS_TYPE) reject(VERIFY_ERROR.wrongType, { typ: String(h['typ']) });
  if ('x5c' in h || 'x5t' in h || 'x5t#S256' in h) reject(VERIFY_ERROR.x5cNotSupported);
  for (const name of [...URL_PARAMS, 'crit', 'b64', 'zip', 'enc'])
    if (name in h) reject(VERIFY_ERROR.unsupportedHeader, { name });

  // 3. The key: embedded `jwk` (checked against trustedKeys) or a trusted key named by `kid`.
  const key = await resolveKey(h, alg, prepared.trusted());

  // 4. Signature, with the algorithm pinned to the one vetted above.
  if (signature.length !== SIGNATURE_LENGTH[alg]) reject(VERIFY_ERROR.signatureInvalid);
  // The high-S twin of a valid ECDSA signature is valid too: accept one JWS per payload.
  if (!isLowS(alg, signature)) reject(VERIFY_ERROR.signatureNotCanonical);
  // The header and algorithm were vetted above, so the signature is checked over the signing
  // input (RFC 7515 §5.2 step 8) directly, with the key imported once per key material.
  let verified = false;
  try {
    const cryptoKey = await importPublicKey(key.jwk, alg);
    const input = utf8Encode(`${headerB64}.${payloadB64}`);
    verified = await checkSignature(cryptoKey, alg, signature, input);
  } catch {
    verified = false;
  }
  if (!verified) reject(VERIFY_ERROR.signatureInvalid);

  // 5. The payload bytes: strict JSON, no duplicate or prototype keys, exactly canonical.
  let payloadText: string;
  try {
    payloadText = utf8DecodeStrict(payloadBytes);
  } catch {
    reject(VERIFY_ERROR.payloadNotJson, { detail: 'not UTF-8' });
  }
  // The common case, a canonical payload, is read by the engine's JSON parser; anything else takes
  // the strict parse and the canonical check below, which decide every refusal and its code.
  const value = (readCanonical(payloadText, PAYLOAD_MAX_DEPTH) ??
    strictCanonical(payloadText)) as Record<string, unknown>;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && value['v'] !== 1)
    reject(VERIFY_ERROR.unsupportedVersion, { v: JSON.stringify(value['v']) ?? 'missing' });
  return { value, key };
}

/** Deepest nesting of a payload's arrays and objects. */
const PAYLOAD_MAX_DEPTH = 64;

/** Step 5 by the strict parser: the payload's value, or `Reject` with the codes of what is wrong. */
function strictCanonical(payloadText: string): unknown {
  const parsed = parseJson(payloadText, { positions: false, maxDepth: PAYLOAD_MAX_DEPTH });
  if (!parsed.ok) {
    const errors = parsed.problems.map((p) =>
      p.code === JSON_PROBLEM_CODE.duplicateKey || p.code === JSON_PROBLEM_CODE.forbiddenKey
        ? error(
            p.code === JSON_PROBLEM_CODE.duplicateKey
              ? VERIFY_ERROR.duplicateKey
              : VERIFY_ERROR.forbiddenKey,
            { key: lastToken(p.pointer), pointer: p.pointer },
            p.pointer,
          )
        : error(VERIFY_ERROR.payloadNotJson, { detail: p.message.en }),
    );
    throw new Reject(errors);
  }
  let canonical: string | undefined;
  try {
    canonical = canonicalize(parsed.value);
  } catch {
    canonical = undefined;
  }
  if (canonical !== payloadText) reject(VERIFY_ERROR.payloadNotCanonical);
  return parsed.value;
}

async function run(
  jws: string,
  prepared: Prepared,
  call: VerifyCallOptions,
): Promise<VerifyResult> {
  const { options } = prepared;
  const { value, key } = await openEnvelope(jws, prepared);
  rejectShape(checkPayloadShape(value));
  const payload = value as unknown as SubmissionPayload;

  // 6. Which procedure, and when.
  const now = call.now ?? new Date();
  const submittedMs = await checkProcedureAndTime(payload, prepared, now);

  // 7. The answers, eligibility, fee and documents, recomputed from the procedure.
  const { checkSubmissionData } = await import('./data-checks.js');
  const errors = await checkSubmissionData(payload, options.procedure, submittedMs, {
    postage: options.postage,
  });

  // 8. The stored files.
  if (call.attachments) errors.push(...(await checkAttachments(payload, call.attachments)));
  if (errors.length > 0) return { ok: false, errors };

  // 9. Spend the nonce last, so a rejected submission does not burn it.
  await spendNonce(payload, call);
  return { ok: true, submission: payload, kid: key.thumbprint };
}

/** Step 9: the nonce is spent last, so a rejected payload does not burn it. Throws `Reject`. */
export async function spendNonce(
  payload: { nonce: string; procedure: { code: string; version: string } },
  call: Pick<VerifyCallOptions, 'nonceStore'>,
): Promise<void> {
  if (call.nonceStore) {
    const context = {
      procedure: { code: payload.procedure.code, version: payload.procedure.version },
    };
    if (!(await call.nonceStore.consume(payload.nonce, context))) {
      const why = (await call.nonceStore.refusal?.(payload.nonce, context)) ?? 'replayed';
      reject(NONCE_REFUSAL_ERROR[why] ?? VERIFY_ERROR.nonceReplayed, {}, '/nonce');
    }
  }
}

/**
 * Step 6, shared by every signed payload type: the procedure the payload names is the server's
 * file, and it was signed neither in the future nor too long ago. Returns `submittedAt` in ms.
 */
export async function checkProcedureAndTime(
  payload: { procedure: { code: string; version: string; sha256: string }; submittedAt: string },
  prepared: Prepared,
  now: Date,
): Promise<number> {
  const { options } = prepared;
  const { procedure } = options;
  if (payload.procedure.code !== procedure.code)
    reject(
      VERIFY_ERROR.procedureMismatch,
      { actual: payload.procedure.code, expected: procedure.code },
      '/procedure/code',
    );
  if (payload.procedure.version !== procedure.version)
    reject(
      VERIFY_ERROR.procedureVersionMismatch,
      { actual: payload.procedure.version, expected: procedure.version },
      '/procedure/version',
    );
  if (options.procedureText !== undefined) {
    const expected = await prepared.procedureSha256();
    if (payload.procedure.sha256 !== expected)
      reject(
        VERIFY_ERROR.procedureHashMismatch,
        { actual: payload.procedure.sha256, expected },
        '/procedure/sha256',
      );
  }
  const submittedMs = Date.parse(payload.submittedAt);
  const skewMs = (options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  const maxAgeSeconds = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const times = { submittedAt: payload.submittedAt, now: now.toISOString() };
  if (submittedMs > now.getTime() + skewMs)
    reject(VERIFY_ERROR.submittedInFuture, times, '/submittedAt');
  if (submittedMs < now.getTime() - maxAgeSeconds * 1000)
    reject(VERIFY_ERROR.expired, { ...times, maxAgeSeconds }, '/submittedAt');
  return submittedMs;
}

function lastToken(pointer: string): string {
  const token = pointer.slice(pointer.lastIndexOf('/') + 1);
  return unescapeToken(token);
}

async function resolveKey(
  h: Record<string, unknown>,
  alg: SubmissionAlgorithm,
  trustedKeys: Promise<TrustedKey[]> | undefined,
): Promise<{ jwk: JsonWebKeyLike; thumbprint: string }> {
  const trusted = trustedKeys ? await trustedKeys : undefined;
  const embedded = h['jwk'];
  if (embedded !== undefined) {
    const jwk = checkKey(embedded, alg);
    const thumbprint = await safeThumbprint(jwk);
    if (!thumbprint) reject(VERIFY_ERROR.invalidKey, { detail: 'the embedded key is incomplete' });
    if (h['kid'] !== undefined && h['kid'] !== thumbprint)
      reject(VERIFY_ERROR.kidMismatch, { kid: String(h['kid']), thumbprint });
    if (trusted) {
      const match = trusted.find((t) => t.thumbprint === thumbprint);
      if (!match) reject(VERIFY_ERROR.untrustedKey, { thumbprint });
      checkPinnedAlg(match.jwk, alg);
    }
    return { jwk: publicJwk(jwk), thumbprint };
  }
  const kid = h['kid'];
  if (!trusted || typeof kid !== 'string') reject(VERIFY_ERROR.missingKey);
  const matches = trusted.filter((t) => t.thumbprint === kid || t.jwk.kid === kid);
  if (matches.length !== 1) {
    if (matches.length === 0) reject(VERIFY_ERROR.untrustedKey, { thumbprint: kid });
    reject(VERIFY_ERROR.invalidKey, { detail: `kid ${kid} names more than one trusted key` });
  }
  const match = matches[0]!;
  checkPinnedAlg(match.jwk, alg);
  const jwk = checkKey(publicJwk(match.jwk), alg);
  return { jwk, thumbprint: match.thumbprint ?? kid };
}

async function safeThumbprint(jwk: JsonWebKeyLike): Promise<string | undefined> {
  try {
    return await cachedThumbprint(jwk);
  } catch {
    return undefined;
  }
}

function checkPinnedAlg(jwk: JsonWebKeyLike, alg: SubmissionAlgorithm): void {
  if (jwk.alg !== undefined && jwk.alg !== alg)
    reject(VERIFY_ERROR.invalidKey, {
      detail: `the trusted key is pinned to ${jwk.alg}, the JWS uses ${alg}`,
    });
}

function checkKey(candidate: unknown, alg: SubmissionAlgorithm): JsonWebKeyLike {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
    reject(VERIFY_ERROR.invalidKey, { detail: '"jwk" is not an object' });
  const jwk = candidate as JsonWebKeyLike;
  if (PRIVATE_MEMBERS.some((m) => m in jwk))
    reject(VERIFY_ERROR.invalidKey, { detail: 'the key contains private key material' });
  const want = CURVES[alg];
  if (jwk.kty !== want.kty || jwk.crv !== want.crv)
    reject(VERIFY_ERROR.invalidKey, {
      detail: `${alg} needs a ${want.kty} ${want.crv} key, got ${String(jwk.kty)} ${String(jwk.crv)}`,
    });
  return jwk;
}

export async function checkAttachments(
  payload: Pick<SubmissionPayload, 'documents'>,
  attachments: AttachmentResolver | Readonly<Record<string, string>>,
): Promise<VerifyError[]> {
  const resolve =
    typeof (attachments as AttachmentResolver).sha256For === 'function'
      ? (d: PayloadDocument, i: number) => (attachments as AttachmentResolver).sha256For(d, i)
      : async (d: PayloadDocument) => {
          const map = attachments as Readonly<Record<string, string>>;
          const key = d.url ?? d.name;
          return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
        };
  const errors: VerifyError[] = [];
  for (const [i, doc] of payload.documents.entries()) {
    const pointer = `/documents/${i}`;
    const actual = await resolve(doc, i);
    if (actual === undefined)
      errors.push(error(VERIFY_ERROR.attachmentMissing, { pointer }, pointer));
    else if (actual.toLowerCase() !== doc.sha256)
      errors.push(
        error(
          VERIFY_ERROR.attachmentHashMismatch,
          { pointer, actual, expected: doc.sha256 },
          `${pointer}/sha256`,
        ),
      );
  }
  return errors;
}
