/** Text of `<dvc-status-lookup>`, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

/** Dossier statuses of the reference receiver (demo/server/status.js), as `as const` values. */
export const DOSSIER_STATUS = {
  received: 'received',
  processing: 'processing',
  needsMoreInformation: 'needs-more-information',
  resultReady: 'result-ready',
  rejected: 'rejected',
} as const;
export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

export interface StatusLookupMessages {
  heading: string;
  intro: string;
  codeLabel: string;
  codeHint: string;
  secretLabel: string;
  secretHint: string;
  submit: string;
  searching: string;
  errorHeading: string;
  codeMissing: string;
  secretMissing: string;
  notFound: string;
  networkFailed: string;
  serverFailed: string;
  resultHeading: string;
  dossierCode: string;
  procedure: string;
  status: string;
  receivedAt: string;
  expectedResultDate: string;
  updatedAt: string;
  historyHeading: string;
  statuses: Record<DossierStatus, string>;
}

const vi: StatusLookupMessages = {
  heading: 'Tra cứu tình trạng hồ sơ',
  intro:
    'Nhập mã hồ sơ trên giấy tiếp nhận và số điện thoại hoặc số định danh cá nhân bạn đã khai trong hồ sơ.',
  codeLabel: 'Mã hồ sơ',
  codeHint: 'Ví dụ: KS-261126-7QF3',
  secretLabel: 'Số điện thoại hoặc số định danh cá nhân',
  // Only the applicant's own numbers open a dossier (the procedure's identifying answers).
  secretHint:
    'Số của chính người nộp hồ sơ (không phải của người thân), ví dụ 0912 345 678 hoặc 12 chữ số trên thẻ căn cước.',
  submit: 'Tra cứu',
  searching: 'Đang tra cứu…',
  errorHeading: 'Có lỗi cần sửa',
  codeMissing: 'Vui lòng nhập mã hồ sơ.',
  secretMissing: 'Vui lòng nhập số điện thoại hoặc số định danh cá nhân.',
  notFound:
    'Không tìm thấy hồ sơ với mã và số điện thoại hoặc số định danh này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
  networkFailed: 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
  serverFailed: 'Hệ thống tra cứu đang gặp lỗi. Vui lòng thử lại sau ít phút.',
  resultHeading: 'Tình trạng hồ sơ',
  dossierCode: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  status: 'Trạng thái',
  receivedAt: 'Thời gian tiếp nhận',
  expectedResultDate: 'Ngày hẹn trả kết quả',
  updatedAt: 'Cập nhật lần cuối',
  historyHeading: 'Quá trình giải quyết',
  statuses: {
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    'needs-more-information': 'Cần bổ sung hồ sơ',
    'result-ready': 'Đã có kết quả',
    rejected: 'Từ chối tiếp nhận',
  },
};

const en: StatusLookupMessages = {
  heading: 'Check the progress of your application',
  intro:
    'Enter the application code from your receipt and the phone number or personal ID number you gave in the application.',
  codeLabel: 'Application code',
  codeHint: 'For example: KS-261126-7QF3',
  secretLabel: 'Phone number or personal ID number',
  secretHint:
    'The applicant’s own number (not a relative’s), e.g. 0912 345 678 or the 12 digits on your ID card.',
  submit: 'Check',
  searching: 'Checking…',
  errorHeading: 'There is a problem',
  codeMissing: 'Enter the application code.',
  secretMissing: 'Enter the phone number or personal ID number.',
  notFound:
    'No application matches this code and phone or ID number. Please check the code on your receipt.',
  networkFailed: 'Could not reach the server. Check your internet connection and try again.',
  serverFailed: 'The lookup service has a problem. Please try again in a few minutes.',
  resultHeading: 'Application status',
  dossierCode: 'Application code',
  procedure: 'Procedure',
  status: 'Status',
  receivedAt: 'Received at',
  expectedResultDate: 'Expected result date',
  updatedAt: 'Last updated',
  historyHeading: 'History',
  statuses: {
    received: 'Received',
    processing: 'Processing',
    'needs-more-information': 'Needs more information',
    'result-ready': 'Result ready',
    rejected: 'Rejected',
  },
};

export function statusLookupMessages(lang: UiLang): StatusLookupMessages {
  return lang === 'en' ? en : vi;
}
