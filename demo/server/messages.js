// Text the receiver shows to people (RFC 9457 problem titles and details), Vietnamese first.
// Details are plain and polite and say what to do next.

/** @typedef {'vi' | 'en'} Lang */

/**
 * A problem's status and its title and detail in each language.
 * @typedef {{ status: number, vi: { title: string, detail: string }, en: { title: string, detail: string } }} ProblemText
 */

/** @type {Record<string, ProblemText>} */
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
      detail: 'Phiên làm việc đã hết hoặc chưa đăng nhập. Vui lòng đăng nhập lại.',
    },
    en: {
      title: 'Clerk not signed in',
      detail: 'Your session has ended or you have not signed in. Please sign in again.',
    },
  },
  'login-missing': {
    status: 400,
    vi: {
      title: 'Thiếu thông tin đăng nhập',
      detail: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
    },
    en: { title: 'Missing sign-in details', detail: 'Enter your user name and password.' },
  },
  'login-failed': {
    status: 401,
    vi: {
      title: 'Đăng nhập không thành công',
      detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    },
    en: { title: 'Sign-in failed', detail: 'The user name or password is wrong.' },
  },
  'login-locked': {
    status: 423,
    vi: {
      title: 'Tài khoản tạm khoá',
      detail:
        'Tài khoản tạm khoá {minutes} phút vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau hoặc nhờ quản trị viên mở khoá.',
    },
    en: {
      title: 'Account locked',
      detail:
        'The account is locked for {minutes} minutes after too many wrong passwords. Try again later or ask an administrator to unlock it.',
    },
  },
  'login-throttled': {
    status: 429,
    vi: {
      title: 'Quá nhiều lần đăng nhập sai',
      detail: 'Có quá nhiều lần đăng nhập sai từ máy này. Vui lòng đợi vài phút rồi thử lại.',
    },
    en: {
      title: 'Too many failed sign-ins',
      detail:
        'Too many failed sign-ins from this address. Please wait a few minutes and try again.',
    },
  },
  'csrf-failed': {
    status: 403,
    vi: {
      title: 'Yêu cầu bị từ chối',
      detail: 'Yêu cầu không đến từ trang cán bộ của hệ thống. Vui lòng tải lại trang rồi thử lại.',
    },
    en: {
      title: 'Request refused',
      detail:
        'The request did not come from this server’s clerk page. Reload the page and try again.',
    },
  },
  'admin-only': {
    status: 403,
    vi: { title: 'Không có quyền', detail: 'Chỉ quản trị viên được làm việc này.' },
    en: { title: 'Not allowed', detail: 'Only an administrator may do this.' },
  },
  'deletion-reason-missing': {
    status: 400,
    vi: {
      title: 'Thiếu lý do xoá',
      detail: 'Vui lòng ghi lý do xoá hồ sơ (ví dụ: yêu cầu xoá dữ liệu của người nộp ngày …).',
    },
    en: {
      title: 'Reason for deletion missing',
      detail: 'Give the reason for deleting the application (e.g. the applicant’s request of …).',
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
  'origin-not-allowed': {
    status: 403,
    vi: {
      title: 'Trang gửi không được phép',
      detail:
        'Máy chủ này không nhận hồ sơ từ trang web đã gửi yêu cầu. Cơ quan cần thêm địa chỉ trang vào ALLOWED_ORIGINS.',
    },
    en: {
      title: 'Origin not allowed',
      detail:
        'This server does not accept requests from the page that sent this one. The agency must add the page’s origin to ALLOWED_ORIGINS.',
    },
  },
  'file-damaged': {
    status: 409,
    vi: {
      title: 'Tệp không đọc được',
      detail:
        'Tệp lưu trên máy chủ không còn khớp với mã băm trong hồ sơ đã ký (hoặc không giải mã được), nên không được mở. Báo cho quản trị viên hệ thống.',
    },
    en: {
      title: 'File cannot be read',
      detail:
        'The stored file no longer matches the hash in the signed dossier (or cannot be decrypted), so it is not opened. Tell the system administrator.',
    },
  },
  // A clerk's route for one dossier (read, note, move, fee, supplement, deletion) that finds no
  // such dossier: said in the clerk's words, not the citizen's look-up ('dossier-not-found'
  // asks for the receipt's code and phone) nor the general 'not-found' (page or resource).
  'clerk-dossier-not-found': {
    status: 404,
    vi: {
      title: 'Không tìm thấy hồ sơ',
      detail: 'Không có hồ sơ này trong hệ thống (có thể hồ sơ vừa bị xoá).',
    },
    en: {
      title: 'Application not found',
      detail: 'There is no such application in the system (it may have just been deleted).',
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
  'invalid-supplement-request': {
    status: 422,
    vi: {
      title: 'Yêu cầu bổ sung chưa hợp lệ',
      detail: 'Kiểm tra các mục cần bổ sung và nội dung gửi người nộp.',
    },
    en: {
      title: 'Supplement request not valid',
      detail: 'Check the items to ask for and the note to the applicant.',
    },
  },
  'supplement-request-required': {
    status: 409,
    vi: {
      title: 'Cần lập yêu cầu bổ sung',
      detail:
        'Để chuyển hồ sơ sang “Cần bổ sung hồ sơ”, hãy dùng “Yêu cầu bổ sung” và chọn giấy tờ, thông tin cần bổ sung.',
    },
    en: {
      title: 'Use a supplement request',
      detail:
        'To ask for more information, use “Request supplement” and choose the documents and answers needed.',
    },
  },
  'no-open-supplement-request': {
    status: 409,
    vi: {
      title: 'Hồ sơ không chờ bổ sung',
      detail:
        'Hồ sơ này hiện không có yêu cầu bổ sung nào đang chờ, hoặc phần bổ sung đã được tiếp nhận. Vui lòng tra cứu lại hồ sơ.',
    },
    en: {
      title: 'Nothing to supplement',
      detail:
        'This application has no open request for more information, or the supplement was already received. Please look it up again.',
    },
  },
  'invalid-supplement': {
    status: 422,
    vi: {
      title: 'Phần bổ sung không hợp lệ',
      detail:
        'Phần bổ sung không vượt qua bước kiểm tra của cơ quan nên chưa được tiếp nhận. Vui lòng kiểm tra các mục được yêu cầu và gửi lại.',
    },
    en: {
      title: 'Supplement not valid',
      detail:
        'The supplement did not pass the agency’s checks and has not been received. Please check the requested items and send it again.',
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
// The labels are the engine's (src/dossier), shared with <dvc-status-lookup>.
export { DOSSIER_STATUS_LABELS as STATUS_LABELS } from './engine.js';
