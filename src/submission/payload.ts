/**
 * The submission payload: what the applicant signs and the agency's server verifies. It carries
 * data only (ids, values, hashes) — labels and messages come from the procedure file, whose
 * SHA-256 the payload pins, so the payload stays small and language-independent.
 */
import type { DeliveryChoice } from '../delivery/index.js';
import { DvcError, ERROR_CODE } from '../errors.js';
import { canonicalize } from '../jcs/canonicalize.js';
import { base64UrlEncode, getCrypto, toHex, utf8Encode } from '../platform.js';
import type { FieldPath, Lang, LocalizedText, Procedure } from '../procedure/types.js';
import { removeFields } from './fields.js';

export const PAYLOAD_VERSION = 1;

export const PAYLOAD_ELIGIBILITY = {
  eligible: 'eligible',
  ineligible: 'ineligible',
  unknown: 'unknown',
} as const;
export type PayloadEligibilityStatus =
  (typeof PAYLOAD_ELIGIBILITY)[keyof typeof PAYLOAD_ELIGIBILITY];

/** One uploaded file of a document slot. */
export interface PayloadDocument {
  /** Id of the slot in the procedure's `documents`. */
  slot: string;
  /** File name as the applicant chose it (a re-encoded portrait's with its new type's extension). */
  name: string;
  /** MIME type. */
  type: string;
  /** Size in bytes. */
  size: number;
  /** Lower-case hex SHA-256 of the file's bytes as uploaded. */
  sha256: string;
  /** Where the upload service stored it (e.g. a tus upload URL). */
  url?: string;
}

export interface PayloadFeeReduction {
  id: string;
  percent: number;
  amount: number;
}

export interface PayloadFeeItem {
  id: string;
  amount: number;
  quantity: number;
  subtotal: number;
  reductions: PayloadFeeReduction[];
}

export interface PayloadFee {
  /** VND, integer. */
  total: number;
  currency: 'VND';
  items: PayloadFeeItem[];
}

export interface SubmissionPayload {
  v: typeof PAYLOAD_VERSION;
  procedure: {
    code: string;
    version: string;
    /** Lower-case hex SHA-256 of the procedure file's bytes as served. */
    sha256: string;
  };
  /** Normalised answers, hidden fields removed. */
  answers: Record<string, unknown>;
  documents: PayloadDocument[];
  fee: PayloadFee;
  eligibility: { status: PayloadEligibilityStatus; reasons: string[] };
  lang: Lang;
  /** Identifier of the officer who helped the applicant (assisted digital), when any. */
  assistedBy?: string;
  /** How the result is to be received (src/delivery); present when the form asked. */
  delivery?: DeliveryChoice;
  /** With `assistedBy`: the applicant's and the helper's confirmations (verify requires them). */
  assistance?: PayloadAssistance;
  /** RFC 3339 UTC timestamp, e.g. `2025-07-01T08:30:00.000Z`. */
  submittedAt: string;
  /** The server's challenge nonce, or 128 random bits in base64url. */
  nonce: string;
}

/**
 * The parts of a rules evaluation (`RulesResult` of src/rules) the payload records; typed
 * structurally so a `RulesResult` can be passed as is.
 */
export interface RulesOutcome {
  eligibility: { status: PayloadEligibilityStatus; reasons: readonly { rule: string }[] };
  hidden: { fields: readonly FieldPath[]; documents: readonly string[] };
  fee: {
    total: number;
    currency: 'VND';
    items: readonly {
      id: string;
      label?: LocalizedText;
      amount: number;
      quantity: number;
      subtotal: number;
      reductions: readonly { id: string; label?: LocalizedText; percent: number; amount: number }[];
    }[];
  };
}

/**
 * Assisted digital: the helper operated the form, so the payload records that the applicant
 * agreed with the declaration and what the helper declared, in the words shown to them.
 */
export interface PayloadAssistance {
  applicantConfirmed: true;
  helperConfirmed: true;
  /** The helper's statement as shown, e.g. "Tôi đã đọc lại toàn bộ nội dung cho người nộp…". */
  helperStatement: string;
}

export interface BuildPayloadInput {
  procedure: Pick<Procedure, 'code' | 'version'>;
  /** `sha256Hex` of the procedure file's bytes as served. */
  procedureSha256: string;
  /** Normalised answers (`Validator.validate(...).value`); hidden fields are removed again here. */
  answers: Record<string, unknown>;
  /** The rules evaluation of these answers. */
  rules: RulesOutcome;
  /** Uploaded files; those of hidden document slots are left out. */
  documents?: readonly PayloadDocument[];
  lang: Lang;
  assistedBy?: string;
  /** The applicant's result-delivery choice, normalized (`normalizeDelivery`). */
  delivery?: DeliveryChoice;
  assistance?: PayloadAssistance;
  /** The server's challenge nonce; a random one when absent. */
  nonce?: string;
  /** Clock, for tests. */
  now?: Date;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** 128 to 512 bits of base64url: a challenge nonce or our own random one. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

/** The payload's fee: the rules' fee without labels. */
export function toPayloadFee(fee: RulesOutcome['fee']): PayloadFee {
  return {
    total: fee.total,
    currency: fee.currency,
    items: fee.items.map((item) => ({
      id: item.id,
      amount: item.amount,
      quantity: item.quantity,
      subtotal: item.subtotal,
      reductions: item.reductions.map((r) => ({ id: r.id, percent: r.percent, amount: r.amount })),
    })),
  };
}

/** 128 random bits, base64url (22 characters). */
export function randomNonce(): string {
  return base64UrlEncode(getCrypto().getRandomValues(new Uint8Array(16)));
}

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  return toHex(new Uint8Array(await getCrypto().subtle.digest('SHA-256', bytes)));
}

const invalid = (message: string): never => {
  throw new DvcError(ERROR_CODE.invalidArgument, message);
};

/**
 * Checks the procedure hash and the nonce (a random one when absent) of a payload to be signed;
 * returns the nonce. Throws DvcError `invalid-argument`.
 */
export function checkSigningInputs(procedureSha256: string, nonce = randomNonce()): string {
  if (!HEX_SHA256.test(procedureSha256))
    invalid('procedureSha256 must be 64 lower-case hex digits.');
  if (!NONCE_PATTERN.test(nonce)) invalid('nonce must be 22 to 86 base64url characters.');
  return nonce;
}

/** The files as the payload lists them: exactly the signed members, the hashes checked. */
export function payloadDocuments(documents: readonly PayloadDocument[]): PayloadDocument[] {
  return documents.map((d) => {
    if (!HEX_SHA256.test(d.sha256))
      invalid(`The SHA-256 of document "${d.name}" must be 64 lower-case hex digits.`);
    const entry: PayloadDocument = {
      slot: d.slot,
      name: d.name,
      type: d.type,
      size: d.size,
      sha256: d.sha256,
    };
    if (d.url !== undefined) entry.url = d.url;
    return entry;
  });
}

/**
 * Assembles the payload. Throws DvcError `invalid-argument` when an input cannot be signed
 * faithfully (a malformed hash or nonce, answers that are not JSON data).
 */
export function buildSubmissionPayload(input: BuildPayloadInput): SubmissionPayload {
  const nonce = checkSigningInputs(input.procedureSha256, input.nonce);
  const hiddenDocuments = new Set(input.rules.hidden.documents);
  const documents = payloadDocuments(
    (input.documents ?? []).filter((d) => !hiddenDocuments.has(d.slot)),
  );
  const payload: SubmissionPayload = {
    v: PAYLOAD_VERSION,
    procedure: {
      code: input.procedure.code,
      version: input.procedure.version,
      sha256: input.procedureSha256,
    },
    answers: removeFields(input.answers, input.rules.hidden.fields),
    documents,
    fee: toPayloadFee(input.rules.fee),
    eligibility: {
      status: input.rules.eligibility.status,
      reasons: input.rules.eligibility.reasons.map((r) => r.rule),
    },
    lang: input.lang,
    submittedAt: (input.now ?? new Date()).toISOString(),
    nonce,
  };
  if (input.assistedBy !== undefined) payload.assistedBy = input.assistedBy;
  if (input.delivery !== undefined)
    payload.delivery = JSON.parse(JSON.stringify(input.delivery)) as DeliveryChoice;
  if (input.assistance !== undefined) {
    payload.assistance = {
      applicantConfirmed: true,
      helperConfirmed: true,
      helperStatement: input.assistance.helperStatement,
    };
  }
  // Fails now, with a pointer, rather than at signing time.
  canonicalize(payload);
  return payload;
}
