/**
 * Verification error codes and their messages. The audience is the agency's developers and
 * operators, so English comes first; Vietnamese is there for operators' logs and dashboards.
 * Codes are stable: servers branch on them, messages may be reworded.
 */
import type { Lang } from '../procedure/types.js';
import { deliveryMessage, type DeliveryProblemCode } from '../delivery/messages.js';

export const VERIFY_ERROR = {
  malformedJws: 'malformed-jws',
  algNotAllowed: 'alg-not-allowed',
  wrongType: 'wrong-type',
  unsupportedHeader: 'unsupported-header',
  x5cNotSupported: 'x5c-not-supported',
  missingKey: 'missing-key',
  invalidKey: 'invalid-key',
  kidMismatch: 'kid-mismatch',
  untrustedKey: 'untrusted-key',
  signatureInvalid: 'signature-invalid',
  signatureNotCanonical: 'signature-not-canonical',
  payloadNotJson: 'payload-not-json',
  duplicateKey: 'duplicate-key',
  forbiddenKey: 'forbidden-key',
  payloadNotCanonical: 'payload-not-canonical',
  unsupportedVersion: 'unsupported-version',
  invalidPayload: 'invalid-payload',
  procedureMismatch: 'procedure-mismatch',
  procedureVersionMismatch: 'procedure-version-mismatch',
  procedureHashMismatch: 'procedure-hash-mismatch',
  submittedInFuture: 'submitted-in-future',
  expired: 'expired',
  invalidAnswers: 'invalid-answers',
  answersNotNormalized: 'answers-not-normalized',
  hiddenFieldPresent: 'hidden-field-present',
  ineligible: 'ineligible',
  eligibilityUnknown: 'eligibility-unknown',
  eligibilityMismatch: 'eligibility-mismatch',
  feeMismatch: 'fee-mismatch',
  invalidDelivery: 'invalid-delivery',
  unknownDocument: 'unknown-document',
  hiddenDocumentPresent: 'hidden-document-present',
  missingDocument: 'missing-document',
  tooManyDocuments: 'too-many-documents',
  documentTypeNotAccepted: 'document-type-not-accepted',
  documentTooLarge: 'document-too-large',
  documentEmpty: 'document-empty',
  attachmentMissing: 'attachment-missing',
  attachmentHashMismatch: 'attachment-hash-mismatch',
  nonceReplayed: 'nonce-replayed',
  nonceExpired: 'nonce-expired',
  nonceUnknown: 'nonce-unknown',
  nonceProcedureMismatch: 'nonce-procedure-mismatch',
  internalError: 'internal-error',
  supplementDossierMismatch: 'supplement-dossier-mismatch',
  supplementRequestMismatch: 'supplement-request-mismatch',
  supplementItemMissing: 'supplement-item-missing',
  supplementItemNotRequested: 'supplement-item-not-requested',
  supplementItemHidden: 'supplement-item-hidden',
  supplementAnswerNotNormalized: 'supplement-answer-not-normalized',
} as const;
export type VerifyErrorCode = (typeof VERIFY_ERROR)[keyof typeof VERIFY_ERROR];

type Params = Record<string, string | number>;
type Catalog = Record<VerifyErrorCode, (p: Params) => string>;

const en: Catalog = {
  'malformed-jws': (p) => `Not a compact JWS: ${p['detail']}.`,
  'alg-not-allowed': (p) =>
    `Algorithm "${p['alg']}" is not allowed; submissions use ES256, ES384 or EdDSA.`,
  'wrong-type': (p) => `The JWS "typ" is "${p['typ']}", expected "dvc-submission+jws".`,
  'unsupported-header': (p) => `Header parameter "${p['name']}" is not supported.`,
  'x5c-not-supported': () =>
    'Certificate chains ("x5c") are not accepted yet: configure the signer\'s public key in trustedKeys.',
  'missing-key': () => 'The JWS names no key: it has no "jwk" header and no "kid" in trustedKeys.',
  'invalid-key': (p) => `The signing key is not usable: ${p['detail']}.`,
  'kid-mismatch': (p) =>
    `The header "kid" ${p['kid']} is not the RFC 7638 thumbprint of the embedded key (${p['thumbprint']}).`,
  'untrusted-key': (p) => `The signing key ${p['thumbprint']} is not one of the trusted keys.`,
  'signature-invalid': () => 'The signature does not match the header and payload.',
  'signature-not-canonical': () =>
    'The ECDSA signature is not in low-S form: the same payload has exactly one accepted signature.',
  'payload-not-json': (p) => `The payload is not JSON: ${p['detail']}.`,
  'duplicate-key': (p) => `The payload has a duplicate member "${p['key']}" at ${p['pointer']}.`,
  'forbidden-key': (p) => `The payload has a forbidden member "${p['key']}" at ${p['pointer']}.`,
  'payload-not-canonical': () =>
    'The payload bytes are not the RFC 8785 canonical form of the JSON they contain.',
  'unsupported-version': (p) => `Payload version ${p['v']} is not supported (expected 1).`,
  'invalid-payload': (p) => `The payload is malformed at ${p['pointer']}: ${p['detail']}.`,
  'procedure-mismatch': (p) => `The payload is for procedure ${p['actual']}, not ${p['expected']}.`,
  'procedure-version-mismatch': (p) =>
    `The payload is for procedure version ${p['actual']}, the server has ${p['expected']}.`,
  'procedure-hash-mismatch': (p) =>
    `The payload was made with a procedure file with SHA-256 ${p['actual']}, the server's is ${p['expected']}.`,
  'submitted-in-future': (p) =>
    `submittedAt ${p['submittedAt']} is in the future (server time ${p['now']}).`,
  expired: (p) =>
    `submittedAt ${p['submittedAt']} is older than ${p['maxAgeSeconds']} seconds (server time ${p['now']}).`,
  'invalid-answers': (p) =>
    `Answer at ${p['pointer']} is invalid (${p['problem']}): ${p['detail']}`,
  'answers-not-normalized': () =>
    "The answers are not in normalised form (they differ from the validator's normalised value).",
  'hidden-field-present': (p) =>
    `The answers contain ${p['pointer']}, a field the rules hide for these answers.`,
  ineligible: (p) => `The answers do not meet eligibility rule "${p['rule']}".`,
  'eligibility-unknown': () =>
    'Eligibility cannot be decided from the answers (questions the rules need are unanswered).',
  'eligibility-mismatch': (p) =>
    `The payload records eligibility ${p['actual']}, the rules give ${p['expected']}.`,
  'invalid-delivery': (p) => `Result delivery: ${p['detail']}`,
  'fee-mismatch': (p) =>
    `The payload's fee (total ${p['actual']} VND) differs from the recomputed fee (total ${p['expected']} VND).`,
  'unknown-document': (p) =>
    `Document ${p['pointer']} is for slot "${p['slot']}", which the procedure does not have.`,
  'hidden-document-present': (p) =>
    `Document ${p['pointer']} is for slot "${p['slot']}", which the rules hide for these answers.`,
  'missing-document': (p) => `Required document "${p['slot']}" is missing.`,
  'too-many-documents': (p) =>
    `Slot "${p['slot']}" has ${p['count']} ${p['count'] === 1 ? 'file' : 'files'}; at most ${p['max']} allowed.`,
  'document-type-not-accepted': (p) =>
    `Document ${p['pointer']} has type "${p['type']}", which slot "${p['slot']}" does not accept.`,
  'document-too-large': (p) =>
    `Document ${p['pointer']} is ${p['size']} bytes; slot "${p['slot']}" allows ${p['max']}.`,
  'document-empty': (p) => `Document ${p['pointer']} is empty (0 bytes).`,
  'attachment-missing': (p) => `No stored file was found for document ${p['pointer']}.`,
  'attachment-hash-mismatch': (p) =>
    `The stored file for document ${p['pointer']} has SHA-256 ${p['actual']}, the payload says ${p['expected']}.`,
  'nonce-replayed': () => 'The nonce has already been used: this submission was already received.',
  'nonce-expired': () => 'The challenge nonce has expired: ask for a new challenge and sign again.',
  'nonce-unknown': () => 'The nonce was never issued by this receiver.',
  'nonce-procedure-mismatch': () =>
    'The challenge nonce was issued for another procedure than the one signed.',
  'internal-error': (p) => `Verification could not be completed: ${p['detail']}.`,
  'supplement-dossier-mismatch': (p) =>
    `The supplement is for dossier ${p['actual']}, not ${p['expected']}.`,
  'supplement-request-mismatch': (p) =>
    `The supplement answers request ${p['actual']}; the open request is ${p['expected']}.`,
  'supplement-item-missing': (p) => `Requested ${p['what']} "${p['item']}" is missing.`,
  'supplement-item-not-requested': (p) => `"${p['item']}" at ${p['pointer']} was not requested.`,
  'supplement-item-hidden': (p) =>
    `Requested question "${p['item']}" is hidden by the rules once merged into the dossier.`,
  'supplement-answer-not-normalized': (p) =>
    `Answer "${p['item']}" differs from its normalised form.`,
};

const vi: Catalog = {
  'malformed-jws': (p) => `Không phải JWS dạng compact: ${p['detail']}.`,
  'alg-not-allowed': (p) =>
    `Không chấp nhận thuật toán "${p['alg']}"; hồ sơ phải ký bằng ES256, ES384 hoặc EdDSA.`,
  'wrong-type': (p) => `"typ" của JWS là "${p['typ']}", cần là "dvc-submission+jws".`,
  'unsupported-header': (p) => `Không hỗ trợ tham số tiêu đề "${p['name']}".`,
  'x5c-not-supported': () =>
    'Chưa chấp nhận chuỗi chứng thư ("x5c"): hãy khai báo khoá công khai của bên ký trong trustedKeys.',
  'missing-key': () =>
    'JWS không chỉ ra khoá ký: không có "jwk" và "kid" không có trong trustedKeys.',
  'invalid-key': (p) => `Khoá ký không dùng được: ${p['detail']}.`,
  'kid-mismatch': (p) =>
    `"kid" ${p['kid']} không phải dấu vân tay RFC 7638 của khoá kèm theo (${p['thumbprint']}).`,
  'untrusted-key': (p) => `Khoá ký ${p['thumbprint']} không thuộc danh sách khoá tin cậy.`,
  'signature-invalid': () => 'Chữ ký không khớp với tiêu đề và nội dung.',
  'signature-not-canonical': () =>
    'Chữ ký ECDSA không ở dạng chuẩn (low-S): mỗi hồ sơ chỉ có đúng một chữ ký được chấp nhận.',
  'payload-not-json': (p) => `Nội dung không phải JSON: ${p['detail']}.`,
  'duplicate-key': (p) => `Nội dung có khoá "${p['key']}" lặp lại tại ${p['pointer']}.`,
  'forbidden-key': (p) => `Nội dung có khoá bị cấm "${p['key']}" tại ${p['pointer']}.`,
  'payload-not-canonical': () => 'Nội dung không ở dạng chuẩn tắc RFC 8785.',
  'unsupported-version': (p) => `Không hỗ trợ phiên bản nội dung ${p['v']} (cần 1).`,
  'invalid-payload': (p) => `Nội dung sai cấu trúc tại ${p['pointer']}: ${p['detail']}.`,
  'procedure-mismatch': (p) => `Hồ sơ thuộc thủ tục ${p['actual']}, không phải ${p['expected']}.`,
  'procedure-version-mismatch': (p) =>
    `Hồ sơ lập theo phiên bản thủ tục ${p['actual']}, máy chủ đang dùng ${p['expected']}.`,
  'procedure-hash-mismatch': (p) =>
    `Hồ sơ lập theo tệp thủ tục có SHA-256 ${p['actual']}, tệp của máy chủ là ${p['expected']}.`,
  'submitted-in-future': (p) =>
    `Thời điểm nộp ${p['submittedAt']} ở tương lai (giờ máy chủ ${p['now']}).`,
  expired: (p) =>
    `Thời điểm nộp ${p['submittedAt']} đã quá ${p['maxAgeSeconds']} giây (giờ máy chủ ${p['now']}).`,
  'invalid-answers': (p) =>
    `Câu trả lời tại ${p['pointer']} không hợp lệ (${p['problem']}): ${p['detail']}`,
  'answers-not-normalized': () => 'Câu trả lời chưa ở dạng đã chuẩn hoá.',
  'hidden-field-present': (p) =>
    `Câu trả lời có ${p['pointer']}, là trường bị ẩn theo quy tắc với các câu trả lời này.`,
  ineligible: (p) => `Câu trả lời không đáp ứng điều kiện "${p['rule']}".`,
  'eligibility-unknown': () => 'Chưa xác định được điều kiện vì thiếu câu trả lời cần thiết.',
  'eligibility-mismatch': (p) =>
    `Hồ sơ ghi điều kiện là ${p['actual']}, quy tắc cho kết quả ${p['expected']}.`,
  // `problem` is src/delivery's code: the Vietnamese is rebuilt from it, not from the English detail.
  'invalid-delivery': (p) =>
    `Cách nhận kết quả: ${p['problem'] ? deliveryMessage(p['problem'] as DeliveryProblemCode, p, 'vi') : p['detail']}`,
  'fee-mismatch': (p) =>
    `Lệ phí trong hồ sơ (tổng ${p['actual']} đồng) khác lệ phí tính lại (tổng ${p['expected']} đồng).`,
  'unknown-document': (p) =>
    `Giấy tờ ${p['pointer']} thuộc mục "${p['slot']}" không có trong thủ tục.`,
  'hidden-document-present': (p) =>
    `Giấy tờ ${p['pointer']} thuộc mục "${p['slot']}" bị ẩn theo quy tắc.`,
  'missing-document': (p) => `Thiếu giấy tờ bắt buộc "${p['slot']}".`,
  'too-many-documents': (p) => `Mục "${p['slot']}" có ${p['count']} tệp; tối đa ${p['max']} tệp.`,
  'document-type-not-accepted': (p) =>
    `Giấy tờ ${p['pointer']} có kiểu "${p['type']}", mục "${p['slot']}" không chấp nhận.`,
  'document-too-large': (p) =>
    `Giấy tờ ${p['pointer']} có ${p['size']} byte; mục "${p['slot']}" cho phép ${p['max']}.`,
  'document-empty': (p) => `Tệp ${p['pointer']} rỗng (0 byte).`,
  'attachment-missing': (p) => `Không tìm thấy tệp đã lưu cho giấy tờ ${p['pointer']}.`,
  'attachment-hash-mismatch': (p) =>
    `Tệp đã lưu cho giấy tờ ${p['pointer']} có SHA-256 ${p['actual']}, hồ sơ ghi ${p['expected']}.`,
  'nonce-replayed': () => 'Mã dùng một lần (nonce) đã được dùng: hồ sơ này đã được nhận.',
  'nonce-expired': () => 'Mã dùng một lần (nonce) đã hết hạn: hãy gửi lại để nhận mã mới.',
  'nonce-unknown': () => 'Mã dùng một lần (nonce) không do nơi nhận này cấp.',
  'nonce-procedure-mismatch': () => 'Mã dùng một lần (nonce) được cấp cho một thủ tục khác.',
  'internal-error': (p) => `Không hoàn tất được việc kiểm tra: ${p['detail']}.`,
  'supplement-dossier-mismatch': (p) =>
    `Hồ sơ bổ sung thuộc hồ sơ ${p['actual']}, không phải ${p['expected']}.`,
  'supplement-request-mismatch': (p) =>
    `Hồ sơ bổ sung trả lời yêu cầu ${p['actual']}; yêu cầu đang mở là ${p['expected']}.`,
  'supplement-item-missing': (p) =>
    `Thiếu ${p['what'] === 'document' ? 'giấy tờ' : 'thông tin'} được yêu cầu "${p['item']}".`,
  'supplement-item-not-requested': (p) =>
    `"${p['item']}" tại ${p['pointer']} không nằm trong yêu cầu bổ sung.`,
  'supplement-item-hidden': (p) =>
    `Câu hỏi được yêu cầu "${p['item']}" bị ẩn theo quy tắc khi ghép vào hồ sơ.`,
  'supplement-answer-not-normalized': (p) =>
    `Câu trả lời "${p['item']}" khác dạng chuẩn hoá của nó.`,
};

export const VERIFY_MESSAGES: Record<Lang, Catalog> = { en, vi };

/** The message for an error code in a language (English by default). */
export function verifyMessage(
  code: VerifyErrorCode,
  params: Params = {},
  lang: Lang = 'en',
): string {
  return VERIFY_MESSAGES[lang][code](params);
}

/** One reason a submission was rejected. */
export interface VerifyError {
  code: VerifyErrorCode;
  /** English, for the agency's developers (see `verifyMessage` for Vietnamese). */
  message: string;
  /** JSON pointer into the payload, when the error is about one value. */
  pointer?: string;
  /** The values the message was built from. */
  params?: Record<string, string | number>;
}

export function verifyError(
  code: VerifyErrorCode,
  params: Params = {},
  pointer?: string,
): VerifyError {
  const e: VerifyError = { code, message: verifyMessage(code, params) };
  if (pointer !== undefined) e.pointer = pointer;
  if (Object.keys(params).length > 0) e.params = params;
  return e;
}
