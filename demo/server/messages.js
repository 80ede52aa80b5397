// Text the receiver shows to people (RFC 9457 problem titles and details), Vietnamese first.
// Details are plain and polite and say what to do next.

/** @typedef {'vi' | 'en'} Lang */

/** @type {Record<string, { status: number, vi: { title: string, detail: string }, en: { title: string, detail: string } }>} */
export const PROBLEMS = {
  'invalid-request': {
    status: 400,
    vi: {
      title: 'Yêu cầu không hợp lệ',
      detail: 'Máy chủ không đọc được hồ sơ gửi lên. Vui lòng tải lại trang và gửi lại.',
    },
    en: {
      title: 'Invalid request',
      detail:
        'The server could not read the application. Please reload the page and send it again.',
    },
  },
  'unsupported-media-type': {
    status: 415,
    vi: {
      title: 'Định dạng không được hỗ trợ',
      detail: 'Hồ sơ phải được gửi dạng application/json hoặc multipart/form-data.',
    },
    en: {
      title: 'Unsupported media type',
      detail: 'Send the application as application/json or multipart/form-data.',
    },
  },
  'payload-too-large': {
    status: 413,
    vi: {
      title: 'Dữ liệu quá lớn',
      detail: 'Hồ sơ hoặc tệp đính kèm vượt quá dung lượng cho phép.',
    },
    en: {
      title: 'Payload too large',
      detail: 'The application or an attached file is larger than allowed.',
    },
  },
  'idempotency-key-invalid': {
    status: 400,
    vi: {
      title: 'Mã chống gửi trùng không hợp lệ',
      detail: 'Tiêu đề Idempotency-Key phải dài từ 1 đến 200 ký tự in được.',
    },
    en: {
      title: 'Invalid Idempotency-Key',
      detail: 'The Idempotency-Key header must be 1 to 200 printable characters.',
    },
  },
  'idempotency-key-reused': {
    status: 422,
    vi: {
      title: 'Mã chống gửi trùng đã được dùng',
      detail:
        'Mã Idempotency-Key này đã được dùng cho một hồ sơ khác. Vui lòng tải lại trang và gửi lại.',
    },
    en: {
      title: 'Idempotency-Key already used',
      detail:
        'This Idempotency-Key was already used for a different application. Please reload the page and send it again.',
    },
  },
  'request-in-progress': {
    status: 409,
    vi: {
      title: 'Hồ sơ đang được xử lý',
      detail: 'Hồ sơ này đang được tiếp nhận. Vui lòng đợi vài giây rồi thử lại.',
    },
    en: {
      title: 'Request in progress',
      detail: 'This application is being received. Please wait a few seconds and try again.',
    },
  },
  'unknown-procedure': {
    status: 422,
    vi: {
      title: 'Thủ tục không được tiếp nhận',
      detail:
        'Cơ quan không tiếp nhận thủ tục hoặc phiên bản biểu mẫu này. Vui lòng tải lại trang để dùng biểu mẫu mới nhất.',
    },
    en: {
      title: 'Procedure not accepted',
      detail:
        'This agency does not accept this procedure or form version. Please reload the page to use the latest form.',
    },
  },
  'invalid-submission': {
    status: 422,
    vi: {
      title: 'Hồ sơ không hợp lệ',
      detail:
        'Hồ sơ không vượt qua bước kiểm tra của cơ quan nên chưa được tiếp nhận. Vui lòng tải lại trang, kiểm tra thông tin và gửi lại.',
    },
    en: {
      title: 'Application not valid',
      detail:
        'The application did not pass the agency’s checks and has not been received. Please reload the page, check your answers and send it again.',
    },
  },
  'verifier-unavailable': {
    status: 503,
    vi: {
      title: 'Chưa thể tiếp nhận hồ sơ',
      detail: 'Hệ thống tiếp nhận đang tạm ngừng. Vui lòng thử lại sau.',
    },
    en: {
      title: 'Cannot receive applications yet',
      detail: 'The receiving service is unavailable. Please try again later.',
    },
  },
  'missing-parameters': {
    status: 400,
    vi: {
      title: 'Thiếu thông tin tra cứu',
      detail: 'Vui lòng nhập mã hồ sơ và số điện thoại hoặc số định danh cá nhân đã khai.',
    },
    en: {
      title: 'Missing lookup details',
      detail: 'Enter the application code and the phone number or personal ID number you gave.',
    },
  },
  'dossier-not-found': {
    status: 404,
    vi: {
      title: 'Không tìm thấy hồ sơ',
      detail:
        'Không tìm thấy hồ sơ với mã và số điện thoại hoặc số định danh này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    },
    en: {
      title: 'Application not found',
      detail:
        'No application matches this code and phone or ID number. Please check the code on your receipt.',
    },
  },
  'too-many-requests': {
    status: 429,
    vi: {
      title: 'Quá nhiều lần tra cứu',
      detail: 'Bạn đã tra cứu quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.',
    },
    en: {
      title: 'Too many lookups',
      detail: 'You have looked up too many times. Please wait a few minutes and try again.',
    },
  },
  'clerk-unauthorized': {
    status: 401,
    vi: {
      title: 'Chưa đăng nhập cán bộ',
      detail: 'Mã cán bộ (CLERK_TOKEN) không đúng. Mã được in ra khi khởi động máy chủ.',
    },
    en: {
      title: 'Clerk not signed in',
      detail: 'The clerk token (CLERK_TOKEN) is wrong. It is printed when the server starts.',
    },
  },
  'invalid-status': {
    status: 400,
    vi: {
      title: 'Trạng thái không hợp lệ',
      detail: 'Trạng thái phải là một trong: {allowed}.',
    },
    en: {
      title: 'Invalid status',
      detail: 'The status must be one of: {allowed}.',
    },
  },
  'transition-not-allowed': {
    status: 409,
    vi: {
      title: 'Không thể chuyển trạng thái',
      detail: 'Hồ sơ đang ở trạng thái “{from}”, không thể chuyển sang “{to}”.',
    },
    en: {
      title: 'Status change not allowed',
      detail: 'The application is “{from}” and cannot move to “{to}”.',
    },
  },
  'not-found': {
    status: 404,
    vi: { title: 'Không tìm thấy', detail: 'Không có trang hoặc tài nguyên này.' },
    en: { title: 'Not found', detail: 'There is no such page or resource.' },
  },
  'payment-gateway-unavailable': {
    status: 503,
    vi: {
      title: 'Chưa có thanh toán trực tuyến',
      detail:
        'Cơ quan chưa cấu hình cổng thanh toán. Vui lòng chuyển khoản bằng mã VietQR hoặc nộp tại Bộ phận Một cửa.',
    },
    en: {
      title: 'Online payment unavailable',
      detail:
        'The agency has no payment gateway configured. Please pay by VietQR transfer or at the desk.',
    },
  },
  'too-many-payment-attempts': {
    status: 429,
    vi: {
      title: 'Quá nhiều lần thanh toán',
      detail:
        'Hồ sơ này đã có quá nhiều lần bắt đầu thanh toán. Vui lòng nộp tại Bộ phận Một cửa hoặc liên hệ cơ quan.',
    },
    en: {
      title: 'Too many payment attempts',
      detail:
        'This application has too many payment attempts. Please pay at the desk or contact the agency.',
    },
  },
  'invalid-payment-method': {
    status: 400,
    vi: {
      title: 'Hình thức nộp không hợp lệ',
      detail:
        'Hình thức nộp phải là "desk" (tại quầy) hoặc "transfer" (chuyển khoản đã đối chiếu).',
    },
    en: {
      title: 'Invalid payment method',
      detail: 'The method must be "desk" or "transfer" (a reconciled bank transfer).',
    },
  },
  'payment-not-required': {
    status: 409,
    vi: { title: 'Không phải nộp phí', detail: 'Hồ sơ này không phải nộp phí, lệ phí.' },
    en: { title: 'No fee to pay', detail: 'This application has no fee to pay.' },
  },
  'already-paid': {
    status: 409,
    vi: {
      title: 'Đã nộp phí',
      detail: 'Hồ sơ này đã được ghi nhận nộp phí; không thu lần thứ hai.',
    },
    en: {
      title: 'Already paid',
      detail: 'The fee of this application has already been recorded; it is not collected twice.',
    },
  },
  'internal-error': {
    status: 500,
    vi: {
      title: 'Lỗi máy chủ',
      detail: 'Máy chủ gặp lỗi. Hồ sơ chưa được tiếp nhận; vui lòng thử lại sau ít phút.',
    },
    en: {
      title: 'Server error',
      detail:
        'The server had a problem. The application has not been received; please try again in a few minutes.',
    },
  },
};

/** Status names shown to people, for logs and problem details. */
export const STATUS_LABELS = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  'needs-more-information': { vi: 'Cần bổ sung hồ sơ', en: 'Needs more information' },
  'result-ready': { vi: 'Đã có kết quả', en: 'Result ready' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
};
