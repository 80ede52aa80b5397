/**
 * What the person sees while the application is signed and sent, and when it cannot be.
 * Plain, polite, and always saying what to do next (GOV.UK style); Vietnamese first.
 */
import type { UiLang } from '../base/i18n.js';

export interface SubmissionMessages {
  sending: string;
  signing: string;
  retrying: (attempt: number, max: number) => string;
  networkFailed: string;
  serverFailed: string;
  rejected: (status: number) => string;
  /** The receiver answers, but not to this page (CORS): permanent, not the person's fault. */
  blocked: string;
  challengeFailed: string;
  /** The challenge endpoint answered 4xx: wrong address or refused, permanent. */
  challengeRejected: (status: number) => string;
  signingFailed: string;
  failedHeading: string;
}

const vi: SubmissionMessages = {
  sending: 'Đang gửi hồ sơ…',
  signing: 'Đang chuẩn bị hồ sơ…',
  retrying: (attempt, max) =>
    `Chưa kết nối được với máy chủ. Đang thử gửi lại (lần ${attempt} trên ${max})…`,
  networkFailed:
    'Không kết nối được với máy chủ nên hồ sơ có thể chưa được gửi. Vui lòng kiểm tra kết nối mạng rồi bấm “Gửi hồ sơ” lần nữa. Hồ sơ sẽ không bị gửi trùng.',
  serverFailed:
    'Hệ thống của cơ quan đang gặp lỗi nên chưa nhận được hồ sơ. Thông tin bạn nhập vẫn được giữ. Vui lòng thử lại sau ít phút.',
  rejected: (status) =>
    `Cơ quan chưa tiếp nhận hồ sơ (mã lỗi ${status}). Vui lòng tải lại trang, kiểm tra thông tin và gửi lại.`,
  blocked:
    'Máy chủ của cơ quan không chấp nhận hồ sơ gửi từ trang này, nên hồ sơ chưa được gửi và sẽ không tự động gửi lại. Đây là lỗi cài đặt của trang, không phải do bạn. Thông tin bạn đã nhập vẫn được giữ trên máy này. Vui lòng báo cho cơ quan, hoặc nộp hồ sơ trực tiếp.',
  challengeFailed:
    'Không kết nối được với máy chủ để chuẩn bị gửi hồ sơ. Vui lòng kiểm tra kết nối mạng rồi bấm “Gửi hồ sơ” lần nữa.',
  challengeRejected: (status) =>
    `Máy chủ của cơ quan từ chối bước chuẩn bị gửi hồ sơ (mã lỗi ${status}), nên hồ sơ chưa được gửi và sẽ không tự động gửi lại. Thông tin bạn đã nhập vẫn được giữ trên máy này. Vui lòng báo cho cơ quan, hoặc nộp hồ sơ trực tiếp.`,
  signingFailed:
    'Trình duyệt không ký được hồ sơ. Vui lòng tải lại trang rồi gửi lại, hoặc dùng một trình duyệt khác.',
  failedHeading: 'Chưa gửi được hồ sơ',
};

const en: SubmissionMessages = {
  sending: 'Sending your application…',
  signing: 'Preparing your application…',
  retrying: (attempt, max) =>
    `Could not reach the server. Trying to send again (attempt ${attempt} of ${max})…`,
  networkFailed:
    'Could not reach the server, so your application may not have been sent. Check your internet connection and press “Send application” again. It will not be sent twice.',
  serverFailed:
    'The agency’s system has a problem and has not received your application. Your answers are kept. Please try again in a few minutes.',
  rejected: (status) =>
    `The agency has not accepted your application (error ${status}). Please reload the page, check your answers and send it again.`,
  blocked:
    'The agency’s server does not accept applications sent from this page, so your application has not been sent and will not be sent automatically. This is a fault in the page’s set-up, not yours. Your answers are kept on this device. Please tell the agency, or apply in person.',
  challengeFailed:
    'Could not reach the server to prepare your application. Check your internet connection and press “Send application” again.',
  challengeRejected: (status) =>
    `The agency’s server refused to prepare your application (error ${status}), so it has not been sent and will not be sent automatically. Your answers are kept on this device. Please tell the agency, or apply in person.`,
  signingFailed:
    'Your browser could not sign the application. Please reload the page and send it again, or use another browser.',
  failedHeading: 'Your application has not been sent',
};

export function submissionMessages(lang: UiLang): SubmissionMessages {
  return lang === 'en' ? en : vi;
}
