/**
 * What the person sees about drafts, files kept in the browser and applications waiting for the
 * network. Plain and polite (GOV.UK style), Vietnamese first; every message says what happens
 * next or what to do.
 */
import type { UiLang } from '../base/i18n.js';

export interface DraftMessages {
  resumeHeading: string;
  resumeBody: (time: string, day: string) => string;
  resumeContinue: string;
  resumeRestart: string;
  /** The procedure changed since the draft was saved; `labels` must be entered again. */
  versionChanged: string;
  reenterFields: string;
  versionChangedNothingLost: string;
  otherTab: (labels: string) => string;
  otherTabGeneric: string;
  fileTooLarge: (name: string) => string;
  fileNotKept: (name: string) => string;
  storageFull: string;
  storageUnavailable: string;
  queued: string;
  /** Offline, and the files of a multipart submission exceed the cap: it cannot be queued. */
  queueFilesTooLarge: string;
  queuedSending: string;
  queuedSent: (dossierCode: string) => string;
  queuedSentNoCode: string;
  queuedRejected: (reason: string) => string;
  /** The draft was sent, or started again, in another tab: what is typed here is not kept. */
  deletedElsewhere: string;
  keepHere: string;
  keptHere: string;
  /** "Giữ bản khai ở đây", but another tab has started a new draft of this procedure. */
  keepHereTaken: string;
  /** The draft offered ("Tiếp tục…") was sent, or started again, in another tab meanwhile. */
  offerGone: string;
  dismiss: string;
}

const vi: DraftMessages = {
  resumeHeading: 'Bạn có một hồ sơ đang khai dở',
  resumeBody: (time, day) => `Hồ sơ được lưu tự động trên thiết bị này lúc ${time} ngày ${day}.`,
  resumeContinue: 'Tiếp tục hồ sơ đang khai',
  resumeRestart: 'Khai lại từ đầu',
  versionChanged:
    'Biểu mẫu của thủ tục này đã được cập nhật từ khi bạn khai. Các câu trả lời còn dùng được đã được giữ lại.',
  reenterFields: 'Bạn vui lòng nhập lại các thông tin sau:',
  versionChangedNothingLost: 'Bạn không cần nhập lại thông tin nào.',
  otherTab: (labels) =>
    `Hồ sơ này vừa được sửa ở một thẻ (tab) khác của trình duyệt. Thông tin mới nhất đã được cập nhật ở đây: ${labels}.`,
  otherTabGeneric:
    'Hồ sơ này vừa được sửa ở một thẻ (tab) khác của trình duyệt. Thông tin mới nhất đã được cập nhật ở đây.',
  fileTooLarge: (name) =>
    `Tệp ${name} quá lớn để lưu tạm; bạn sẽ cần chọn lại tệp này nếu tải lại trang.`,
  fileNotKept: (name) =>
    `Không lưu tạm được tệp ${name} trên thiết bị; bạn sẽ cần chọn lại tệp này nếu tải lại trang.`,
  storageFull:
    'Bộ nhớ của trình duyệt đã đầy nên hồ sơ chưa được lưu tạm. Bạn vui lòng không đóng trang này cho đến khi gửi xong hồ sơ.',
  storageUnavailable:
    'Trình duyệt này không cho lưu tạm hồ sơ. Bạn vui lòng không đóng trang này cho đến khi gửi xong hồ sơ.',
  queued: 'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
  queueFilesTooLarge:
    'Không có mạng nên hồ sơ chưa được gửi. Các tệp đính kèm quá lớn để lưu tạm trên thiết bị, nên hồ sơ không thể tự động gửi khi có mạng. Bạn vui lòng giữ trang này mở và bấm “Gửi hồ sơ” lại khi có mạng.',
  // Also when the page is shown again or opened later: not only when the network came back.
  queuedSending: 'Đang gửi hồ sơ đã lưu…',
  queuedSent: (code) => `Hồ sơ đã lưu trước đây đã được gửi. Mã hồ sơ của bạn là ${code}.`,
  queuedSentNoCode: 'Hồ sơ đã lưu trước đây đã được gửi.',
  queuedRejected: (reason) => `Hồ sơ đã lưu trước đây chưa được cơ quan tiếp nhận: ${reason}`,
  deletedElsewhere:
    'Hồ sơ này đã được gửi đi, hoặc đã được khai lại từ đầu, ở một thẻ (tab) hay cửa sổ khác của trình duyệt. Những gì bạn nhập ở trang này không còn được lưu tạm trên thiết bị này nữa. Bạn có thể chuyển sang thẻ đó để xem hồ sơ, hoặc bấm “Giữ bản khai ở đây” để lưu tạm những gì đang có ở trang này thành một hồ sơ mới. Nếu hồ sơ đã được gửi, bạn không cần gửi lại.',
  keepHere: 'Giữ bản khai ở đây',
  keptHere:
    'Những gì bạn đã nhập ở trang này đã được lưu tạm thành một hồ sơ mới trên thiết bị này. Những gì bạn nhập tiếp cũng sẽ được lưu tự động.',
  keepHereTaken:
    'Không lưu tạm được bản khai ở trang này, vì một hồ sơ mới của thủ tục này đã được bắt đầu ở thẻ hay cửa sổ khác. Bạn vui lòng không đóng trang này cho đến khi gửi xong hồ sơ.',
  offerGone:
    'Hồ sơ đang khai dở vừa được gửi đi, hoặc được khai lại từ đầu, ở một thẻ (tab) hay cửa sổ khác của trình duyệt, nên không còn để tiếp tục ở đây. Nếu hồ sơ đã được gửi, bạn không cần gửi lại. Bạn có thể khai một hồ sơ mới ở trang này.',
  dismiss: 'Đóng thông báo',
};

const en: DraftMessages = {
  resumeHeading: 'You have an application you have not finished',
  resumeBody: (time, day) => `It was saved automatically on this device at ${time} on ${day}.`,
  resumeContinue: 'Continue your application',
  resumeRestart: 'Start again',
  versionChanged:
    'The form for this service has been updated since you started. The answers that still apply have been kept.',
  reenterFields: 'Please enter these again:',
  versionChangedNothingLost: 'You do not need to enter anything again.',
  otherTab: (labels) =>
    `This application was just changed in another browser tab. The latest answers are shown here: ${labels}.`,
  otherTabGeneric:
    'This application was just changed in another browser tab. The latest answers are shown here.',
  fileTooLarge: (name) =>
    `The file ${name} is too large to keep on this device; you will need to choose it again if you reload the page.`,
  fileNotKept: (name) =>
    `The file ${name} could not be kept on this device; you will need to choose it again if you reload the page.`,
  storageFull:
    'Your browser’s storage is full, so your application has not been saved. Please keep this page open until you have sent it.',
  storageUnavailable:
    'This browser does not let us save your application. Please keep this page open until you have sent it.',
  queued:
    'Your application has been saved and will be sent automatically when you are back online.',
  queueFilesTooLarge:
    'You are offline, so your application has not been sent. The attached files are too large to keep on this device, so it cannot be sent automatically. Please keep this page open and press “Send application” again when you are back online.',
  queuedSending: 'Sending your saved application…',
  queuedSent: (code) => `Your saved application has been sent. Your reference number is ${code}.`,
  queuedSentNoCode: 'Your saved application has been sent.',
  queuedRejected: (reason) => `Your saved application was not accepted: ${reason}`,
  deletedElsewhere:
    'This application was sent, or started again, in another browser tab or window. What you enter on this page is no longer saved on this device. You can go to that tab to see your application, or press “Keep my answers here” to save what is on this page as a new application. If the application was sent, you do not need to send it again.',
  keepHere: 'Keep my answers here',
  keptHere:
    'What you entered on this page has been saved on this device as a new application. What you enter next will be saved automatically too.',
  keepHereTaken:
    'Your answers on this page could not be saved, because a new application for this service was started in another tab or window. Please keep this page open until you have sent it.',
  offerGone:
    'The unfinished application was just sent, or started again, in another browser tab or window, so it can no longer be continued here. If it was sent, you do not need to send it again. You can start a new application on this page.',
  dismiss: 'Dismiss',
};

export function draftMessages(lang: UiLang): DraftMessages {
  return lang === 'en' ? en : vi;
}
