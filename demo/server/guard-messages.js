// Text of the receiver's defences (issue 17): limits, quotas, upload ownership and file checks.
// Kept beside messages.js and merged into its catalog by problems.js.

/** @type {Record<string, import('./messages.js').ProblemText>} */
export const GUARD_PROBLEMS = {
  'rate-limited': {
    status: 429,
    vi: {
      title: 'Quá nhiều yêu cầu',
      detail: 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi {seconds} giây rồi thử lại.',
    },
    en: {
      title: 'Too many requests',
      detail: 'Too many requests in a short time. Please wait {seconds} seconds and try again.',
    },
  },
  'request-timeout': {
    status: 408,
    vi: {
      title: 'Gửi quá chậm',
      detail: 'Máy chủ không nhận đủ dữ liệu trong thời gian cho phép. Vui lòng thử lại.',
    },
    en: {
      title: 'Request too slow',
      detail: 'The server did not receive the data in time. Please try again.',
    },
  },
  'headers-too-large': {
    status: 431,
    vi: {
      title: 'Yêu cầu quá lớn',
      detail: 'Phần đầu của yêu cầu vượt quá dung lượng cho phép. Vui lòng tải lại trang.',
    },
    en: {
      title: 'Request headers too large',
      detail: 'The request headers exceed the size allowed. Please reload the page.',
    },
  },
  'upload-offset-conflict': {
    status: 409,
    vi: {
      title: 'Vị trí tải lên không khớp',
      detail: 'Máy chủ đã nhận đến một vị trí khác của tệp. Trình duyệt sẽ tiếp tục từ vị trí đó.',
    },
    en: {
      title: 'Upload offset conflict',
      detail: 'The server holds a different part of the file. The browser continues from there.',
    },
  },
  'upload-protocol-required': {
    status: 412,
    vi: {
      title: 'Thiếu phiên bản giao thức tải lên',
      detail: 'Yêu cầu tải lên phải theo giao thức tus 1.0.0 (Tus-Resumable: 1.0.0).',
    },
    en: {
      title: 'Upload protocol required',
      detail: 'An upload request must follow the tus 1.0.0 protocol (Tus-Resumable: 1.0.0).',
    },
  },
  'upload-not-readable': {
    status: 405,
    vi: {
      title: 'Không thể tải tệp xuống',
      detail: 'Tệp đã tải lên chỉ cán bộ tiếp nhận xem được; máy chủ không gửi lại tệp.',
    },
    en: {
      title: 'Uploads cannot be downloaded',
      detail: 'Uploaded files are only seen by the clerks; the server never sends them back.',
    },
  },
  'upload-not-found': {
    status: 404,
    vi: {
      title: 'Không tìm thấy tệp tải lên',
      detail: 'Tệp này không còn trên máy chủ (có thể đã hết hạn). Vui lòng chọn và tải lại tệp.',
    },
    en: {
      title: 'Upload not found',
      detail: 'This file is no longer on the server (it may have expired). Please upload it again.',
    },
  },
  'upload-forbidden': {
    status: 403,
    vi: {
      title: 'Không có quyền với tệp này',
      detail: 'Tệp này được tải lên từ một phiên làm việc khác. Vui lòng tải lại tệp từ trang này.',
    },
    en: {
      title: 'Not your upload',
      detail: 'This file was uploaded from another session. Please upload it again from this page.',
    },
  },
  'upload-immutable': {
    status: 409,
    vi: {
      title: 'Tệp đã được nộp',
      detail: 'Tệp này đã được nộp cùng một hồ sơ nên không thể sửa hay xoá.',
    },
    en: {
      title: 'File already submitted',
      detail: 'This file belongs to a submitted application and cannot be changed or deleted.',
    },
  },
  'upload-already-attached': {
    status: 409,
    vi: {
      title: 'Tệp đã thuộc hồ sơ khác',
      detail:
        'Một tệp đính kèm vừa được nộp cùng một hồ sơ khác nên hồ sơ này chưa được tiếp nhận. Vui lòng tải lại tệp đó rồi gửi lại.',
    },
    en: {
      title: 'File already in another application',
      detail:
        'An attached file has just been submitted with another application, so this one has not been received. Upload that file again and resend.',
    },
  },
  'upload-length-required': {
    status: 400,
    vi: {
      title: 'Thiếu dung lượng tệp',
      detail: 'Phải cho biết dung lượng tệp (Upload-Length) khi bắt đầu tải lên.',
    },
    en: {
      title: 'Upload length required',
      detail: 'Give the file size (Upload-Length) when an upload starts.',
    },
  },
  'upload-quota-exceeded': {
    status: 413,
    vi: {
      title: 'Vượt quá dung lượng cho phép',
      detail:
        'Tổng dung lượng tệp đã tải lên ({scope}) sẽ vượt quá {limit}. Vui lòng bỏ bớt tệp hoặc chọn tệp nhỏ hơn.',
    },
    en: {
      title: 'Upload quota exceeded',
      detail:
        'The files uploaded ({scope}) would exceed {limit}. Remove some files or choose smaller ones.',
    },
  },
  'file-refused': {
    status: 422,
    vi: {
      title: 'Tệp đính kèm không hợp lệ',
      detail:
        'Một số tệp đính kèm không đạt yêu cầu và hồ sơ chưa được tiếp nhận. Vui lòng chọn lại các tệp này rồi gửi lại.',
    },
    en: {
      title: 'Attached file refused',
      detail:
        'Some attached files do not meet the requirements and the application has not been received. Choose those files again and resend.',
    },
  },
};

/** Scope words of `upload-quota-exceeded`. */
export const QUOTA_SCOPE = {
  dossier: { vi: 'cho một hồ sơ', en: 'for one application' },
  ip: { vi: 'từ địa chỉ mạng này', en: 'from this network address' },
};

/**
 * Sentences for each file problem (STORED_FILE_PROBLEM codes of src/files/server-checks.ts),
 * in the words of the upload element's catalog (components/upload/messages.ts).
 * @type {Record<string, { vi: string, en: string }>}
 */
export const FILE_MESSAGES = {
  'file-empty': { vi: 'Tệp ‘{name}’ trống', en: 'The file ‘{name}’ is empty' },
  'file-too-large': {
    vi: 'Tệp ‘{name}’ phải nhỏ hơn {size}',
    en: 'The file ‘{name}’ must be smaller than {size}',
  },
  'file-too-many': { vi: 'Chỉ được nộp tối đa {max} tệp', en: 'At most {max} files are allowed' },
  'file-type-not-accepted': {
    vi: 'Tệp ‘{name}’ phải là {types}',
    en: 'The file ‘{name}’ must be a {types}',
  },
  'file-content-mismatch': {
    vi: 'Nội dung tệp ‘{name}’ không phải là {expected}',
    en: 'The content of the file ‘{name}’ is not a {expected}',
  },
  'file-unreadable': {
    vi: 'Không đọc được tệp ‘{name}’. Vui lòng chọn lại tệp',
    en: 'The file ‘{name}’ could not be read. Choose the file again',
  },
  'file-size-mismatch': {
    vi: 'Tệp ‘{name}’ nhận được có {size}, khác với {signedSize} đã khai. Vui lòng tải lại tệp',
    en: 'The file ‘{name}’ received is {size}, not the {signedSize} declared. Upload it again',
  },
  'file-name-unsafe': {
    vi: 'Tên tệp ‘{name}’ chứa ký tự không được phép',
    en: 'The file name ‘{name}’ contains characters that are not allowed',
  },
  'upload-not-owned': {
    vi: 'Tệp ‘{name}’ được tải lên từ một phiên làm việc khác. Vui lòng tải lại tệp',
    en: 'The file ‘{name}’ was uploaded from another session. Upload it again',
  },
  'nonce-replayed': {
    vi: 'Mã dùng một lần (nonce) đã được dùng: hồ sơ này đã được nhận',
    en: 'The nonce has already been used: this application was already received',
  },
  'upload-already-attached': {
    vi: 'Tệp ‘{name}’ đã thuộc một hồ sơ khác. Vui lòng tải lại tệp',
    en: 'The file ‘{name}’ already belongs to another application. Upload it again',
  },
};
