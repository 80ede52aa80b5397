/** Text of `<dvc-status-lookup>`, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

import {
  DOSSIER_STATUS_LABELS,
  DOSSIER_STATUSES,
  type DossierStatus,
} from '../../src/dossier/index.js';

// The statuses and their labels are the receiver's own (src/dossier), not a copy.
export { DOSSIER_STATUS, type DossierStatus } from '../../src/dossier/index.js';

const statusLabels = (lang: 'vi' | 'en'): Record<DossierStatus, string> =>
  Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, DOSSIER_STATUS_LABELS[s][lang]])) as Record<
    DossierStatus,
    string
  >;

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
  /** The code does not have the dossier-code form (src/dossier DOSSIER_CODE_PATTERN). */
  codeInvalid: string;
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
  codeInvalid:
    'Mã hồ sơ có dạng KS-261126-7QF3 (chữ viết tắt, ngày tiếp nhận và 4 ký tự), như trên giấy tiếp nhận.',
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
  statuses: statusLabels('vi'),
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
  codeInvalid:
    'An application code looks like KS-261126-7QF3 (letters, the date received and 4 characters), as on your receipt.',
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
  statuses: statusLabels('en'),
};

export function statusLookupMessages(lang: UiLang): StatusLookupMessages {
  return lang === 'en' ? en : vi;
}
