/** Text of `<dvc-receipt>`, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

export interface ReceiptMessages {
  heading: string;
  procedure: string;
  dossierCode: string;
  receivedAt: string;
  expectedResultDate: string;
  expectedNote: string;
  delivery: string;
  /** (1.1) Heading of the checklist of documents brought to the desk. */
  bringToDesk: string;
  /** The verified postage of a delivery by post (already included in the fee line's total). */
  postage: (amount: string) => string;
  signedHash: string;
  /** The folded section with the hash, for clerks and helpers. */
  technicalSummary: string;
  signedHashNote: string;
  qrLabel: (code: string) => string;
  /** Under the code, the one place the receipt says to keep it and what it is for. */
  keepCode: string;
  print: string;
}

const vi: ReceiptMessages = {
  heading: 'Giấy tiếp nhận hồ sơ',
  procedure: 'Thủ tục',
  dossierCode: 'Mã hồ sơ',
  receivedAt: 'Thời gian tiếp nhận',
  expectedResultDate: 'Ngày hẹn trả kết quả (dự kiến)',
  expectedNote: 'Tính theo ngày làm việc, đã trừ ngày nghỉ lễ, Tết và ngày nghỉ bù.',
  delivery: 'Cách nhận kết quả',
  bringToDesk: 'Giấy tờ mang theo khi đến nộp hồ sơ (không tải lên)',
  postage: (amount) => `Cước bưu chính: ${amount}`,
  signedHash: 'Mã kiểm tra (SHA-256)',
  technicalSummary: 'Thông tin kỹ thuật dành cho cán bộ',
  signedHashNote:
    'Cán bộ dùng mã này để đối chiếu hồ sơ bạn đã ký với hồ sơ cơ quan nhận được. Bạn không cần ghi lại.',
  qrLabel: (code) => `Mã QR của mã hồ sơ ${code}`,
  keepCode:
    'Hãy giữ mã này để tra cứu tình trạng giải quyết và đưa cho cán bộ khi cần hỏi về hồ sơ.',
  print: 'In giấy tiếp nhận',
};

const en: ReceiptMessages = {
  heading: 'Application receipt',
  procedure: 'Procedure',
  dossierCode: 'Application code',
  receivedAt: 'Received at',
  expectedResultDate: 'Expected result date',
  expectedNote: 'Counted in working days, leaving out public holidays, Tết and days off in lieu.',
  delivery: 'Receiving the result',
  bringToDesk: 'Documents to bring when you come to the desk (not uploaded)',
  postage: (amount) => `Postage: ${amount}`,
  signedHash: 'Check code (SHA-256)',
  technicalSummary: 'Technical details for staff',
  signedHashNote:
    'Staff use this code to match the application you signed with the one the agency received. You do not need to note it.',
  qrLabel: (code) => `QR code of application code ${code}`,
  keepCode:
    'Keep this code to check the progress of your application, and show it to an officer when you ask about it.',
  print: 'Print receipt',
};

export function receiptMessages(lang: UiLang): ReceiptMessages {
  return lang === 'en' ? en : vi;
}
