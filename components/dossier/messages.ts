/** Text of `<dvc-dossier>`, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

export interface DossierMessages {
  answers: string;
  eligibility: string;
  eligible: string;
  ineligible: string;
  eligibilityUnknown: string;
  payment: string;
  paid: string;
  unpaid: string;
  notRequired: string;
  delivery: string;
  postage: (amount: string) => string;
  recipient: (name: string, phone: string, address: string) => string;
  assistance: string;
  selfFiled: string;
  assistedBy: (helper: string) => string;
  applicantConfirmed: string;
  helperStatement: (statement: string) => string;
  documents: string;
  noDocuments: string;
  document: string;
  file: string;
  hash: string;
  hashOk: string;
  hashMismatch: string;
  hashUnreadable: string;
  hashUnchecked: string;
  open: (name: string) => string;
  signature: string;
  signatureVerified: (at: string) => string;
  signatureKey: (kid: string, alg: string) => string;
  procedureMatches: string;
  procedureDiffers: string;
  signatureUnknown: string;
  submittedAt: (at: string) => string;
  noProcedure: string;
}

const vi: DossierMessages = {
  answers: 'Nội dung khai',
  eligibility: 'Điều kiện nộp hồ sơ',
  eligible: 'Đủ điều kiện nộp trực tuyến',
  ineligible: 'Không đủ điều kiện nộp trực tuyến',
  eligibilityUnknown: 'Chưa xác định được điều kiện',
  payment: 'Thanh toán',
  paid: 'Đã nộp phí, lệ phí',
  unpaid: 'Chưa nộp phí, lệ phí',
  notRequired: 'Không phải nộp phí, lệ phí',
  delivery: 'Cách nhận kết quả',
  postage: (amount) => `Cước bưu chính: ${amount}`,
  recipient: (name, phone, address) => `Người nhận: ${name}, ${phone}, ${address}`,
  assistance: 'Người khai',
  selfFiled: 'Người nộp hồ sơ tự khai',
  assistedBy: (helper) => `Khai với sự hỗ trợ của ${helper}`,
  applicantConfirmed: 'Người nộp đã nghe lời cam đoan và đồng ý.',
  helperStatement: (statement) => `Người hỗ trợ cam đoan: “${statement}”`,
  documents: 'Tệp giấy tờ đã nộp',
  noDocuments: 'Không có giấy tờ đính kèm.',
  document: 'Giấy tờ',
  file: 'Tệp',
  hash: 'Mã băm SHA-256',
  hashOk: 'Khớp với bản đã ký',
  hashMismatch: 'KHÔNG khớp với bản đã ký: tệp đã bị thay đổi',
  hashUnreadable: 'Không đọc được tệp đã lưu',
  hashUnchecked: 'Chưa kiểm tra',
  open: (name) => `Mở tệp ${name}`,
  signature: 'Chữ ký số',
  signatureVerified: (at) => `Chữ ký hợp lệ, đã kiểm tra khi tiếp nhận lúc ${at}.`,
  signatureKey: (kid, alg) => `Khoá ký: ${kid} (${alg})`,
  procedureMatches: 'Hồ sơ được khai theo đúng tệp thủ tục đang dùng.',
  procedureDiffers: 'Hồ sơ được khai theo một phiên bản tệp thủ tục khác với tệp đang dùng.',
  signatureUnknown: 'Chưa có thông tin kiểm tra chữ ký.',
  submittedAt: (at) => `Nộp lúc ${at}`,
  noProcedure: 'Không có tệp thủ tục để hiển thị nội dung khai.',
};

const en: DossierMessages = {
  answers: 'Answers',
  eligibility: 'Eligibility',
  eligible: 'Eligible to apply online',
  ineligible: 'Not eligible to apply online',
  eligibilityUnknown: 'Eligibility not decided',
  payment: 'Payment',
  paid: 'Fees paid',
  unpaid: 'Fees not paid',
  notRequired: 'No fees to pay',
  delivery: 'How the result is received',
  postage: (amount) => `Postage: ${amount}`,
  recipient: (name, phone, address) => `Recipient: ${name}, ${phone}, ${address}`,
  assistance: 'Filled in by',
  selfFiled: 'The applicant',
  assistedBy: (helper) => `Filled in with the help of ${helper}`,
  applicantConfirmed: 'The applicant heard the declaration and agreed.',
  helperStatement: (statement) => `The helper declared: “${statement}”`,
  documents: 'Submitted files',
  noDocuments: 'No documents attached.',
  document: 'Document',
  file: 'File',
  hash: 'SHA-256 hash',
  hashOk: 'Matches the signed copy',
  hashMismatch: 'Does NOT match the signed copy: the file was changed',
  hashUnreadable: 'The stored file cannot be read',
  hashUnchecked: 'Not checked',
  open: (name) => `Open file ${name}`,
  signature: 'Digital signature',
  signatureVerified: (at) => `Valid signature, verified on receipt at ${at}.`,
  signatureKey: (kid, alg) => `Signing key: ${kid} (${alg})`,
  procedureMatches: 'Filled in with the procedure file in use.',
  procedureDiffers: 'Filled in with another version of the procedure file than the one in use.',
  signatureUnknown: 'No signature check recorded.',
  submittedAt: (at) => `Submitted at ${at}`,
  noProcedure: 'No procedure file to show the answers with.',
};

export const DOSSIER_MESSAGES: Record<UiLang, DossierMessages> = { vi, en };
