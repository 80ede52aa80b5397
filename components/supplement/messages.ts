/** Text of `<dvc-supplement>`, Vietnamese first. */
import type { UiLang } from '../base/i18n.js';

export interface SupplementMessages {
  heading: string;
  intro: string;
  noteLabel: string;
  documentsHeading: string;
  submit: string;
  sending: string;
  loading: string;
  loadFailed: string;
  errorHeading: string;
  documentInvalid: string;
  missingFile: (title: string) => string;
  /** A summary line whose message does not name its question ("Hãy chọn một câu trả lời"). */
  summaryForQuestion: (message: string, question: string) => string;
  notSentHeading: string;
  networkFailed: string;
  signingFailed: string;
  sentHeading: string;
  sent: (date: string) => string;
}

const vi: SupplementMessages = {
  heading: 'Bổ sung hồ sơ',
  intro:
    'Cơ quan giải quyết đề nghị bạn bổ sung các mục dưới đây. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
  noteLabel: 'Nội dung cơ quan yêu cầu',
  documentsHeading: 'Giấy tờ cần nộp bổ sung',
  submit: 'Gửi hồ sơ bổ sung',
  sending: 'Đang gửi hồ sơ bổ sung…',
  loading: 'Đang tải biểu mẫu bổ sung…',
  loadFailed: 'Không tải được biểu mẫu bổ sung. Vui lòng tải lại trang hoặc liên hệ cơ quan.',
  errorHeading: 'Có lỗi cần sửa',
  missingFile: (title) => `Vui lòng chọn tệp ${title}`,
  summaryForQuestion: (message, question) => `${message} (câu hỏi: ${question})`,
  documentInvalid: 'Tệp chưa đúng yêu cầu của giấy tờ này; vui lòng chọn tệp khác.',
  notSentHeading: 'Chưa gửi được hồ sơ bổ sung',
  networkFailed:
    'Không kết nối được với máy chủ. Kiểm tra mạng rồi bấm “Gửi hồ sơ bổ sung” lần nữa.',
  signingFailed:
    'Trình duyệt không ký được hồ sơ bổ sung. Vui lòng thử lại hoặc dùng trình duyệt khác.',
  sentHeading: 'Đã gửi hồ sơ bổ sung',
  sent: (date) =>
    `Cơ quan đã nhận hồ sơ bổ sung và tiếp tục giải quyết. Ngày hẹn trả kết quả: ${date}.`,
};

const en: SupplementMessages = {
  heading: 'Supplement your application',
  intro:
    'The agency asks you to supply the items below. The time you take does not count towards the processing time.',
  noteLabel: 'What the agency asks',
  documentsHeading: 'Documents to supply',
  submit: 'Send the supplement',
  sending: 'Sending the supplement…',
  loading: 'Loading the supplement form…',
  loadFailed:
    'The supplement form could not be loaded. Please reload the page or contact the agency.',
  errorHeading: 'There is a problem',
  missingFile: (title) => `Choose a file for ${title}`,
  summaryForQuestion: (message, question) => `${message} (question: ${question})`,
  documentInvalid: 'This file does not meet the document’s requirements; please choose another.',
  notSentHeading: 'The supplement was not sent',
  networkFailed:
    'The server cannot be reached. Check your connection and press “Send the supplement” again.',
  signingFailed:
    'The browser could not sign the supplement. Please try again or use another browser.',
  sentHeading: 'Supplement sent',
  sent: (date) =>
    `The agency received your supplement and continues processing. Expected result date: ${date}.`,
};

export function supplementMessages(lang: UiLang): SupplementMessages {
  return lang === 'en' ? en : vi;
}
