// Clerk page: the desk's own sentences. Vietnamese only: the desk, like every page of the demo
// site, is in Vietnamese with no way to choose another language (a few labels carry an English
// gloss in the page itself); a translated desk would add its language here, keyed the same. The
// receiver's problems come with their own words (demo/server/messages.js); these say what the
// desk itself knows, around them.

const TEXT = {
  vi: {
    // The fee is recorded, then the page's reload fails: the clerk must not take it twice.
    feeTakenNotReloaded:
      'Đã ghi nhận nộp {fee} cho hồ sơ {code} và lập biên lai, nhưng chưa tải lại được đầy đủ trang: {reason}',
    // "Xem" on a dossier deleted meanwhile: its row leaves the list, this sentence in its place.
    dossierGone:
      'Hồ sơ {code} không còn trong hệ thống (có thể vừa bị xoá) nên đã được bỏ khỏi danh sách.',
    openDossierGone:
      'Hồ sơ {code} đang mở không còn trong hệ thống (có thể vừa bị xoá) nên đã được đóng lại.',
    // Signing in and out (can-bo.js).
    sessionEndedKept:
      'Phiên làm việc đã hết. Vui lòng đăng nhập lại: hồ sơ {code} sẽ được mở lại, những gì bạn đã nhập vẫn còn.',
    sessionEnded: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
    signInMissing: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
    signedOut: 'Đã đăng xuất.',
    whoAdmin: '{name} (quản trị viên)',
    whoClerk: '{name} (cán bộ)',
    // A dossier's row in the list, and its fee taken at the desk (can-bo-list.js).
    view: 'Xem',
    viewLabel: 'Xem hồ sơ {code}',
    assisted: 'Khai có người hỗ trợ',
    feeNone: 'Không thu',
    feePaid: '{fee} · Đã nộp',
    feeUnpaid: '{fee} · Chưa nộp',
    feeDuplicate: 'Nộp trùng {amount}: cần hoàn tiền',
    receipt: 'Biên lai {number}',
    takeFee: 'Thu tại quầy',
    takeFeeLabel: 'Thu tại quầy: {code}',
    takeFeeConfirm: 'Xác nhận đã thu {fee} cho hồ sơ {code}?',
    feeTaken: 'Đã ghi nhận nộp {fee} cho hồ sơ {code} và lập biên lai.',
    // An administrator's route refused to a clerk, as the audit log records it (status.js).
    adminRoute: 'Dùng chức năng của quản trị viên ({action})',
    // The receiver's error without words of its own.
    httpError: 'Lỗi {status}',
    // The due date's marks and how the result goes back (can-bo-common.js; who moved a dossier
    // when no clerk did: AUDIT_ACTORS).
    overdueDays: 'Quá hạn {days} ngày làm việc',
    overdue: 'Quá hạn',
    dueToday: 'Đến hạn hôm nay',
    paused: 'Tạm dừng, chờ bổ sung',
    deliveryPostage: '{method} (cước {postage})',
    deliveryRecipient: '{label}: {name}, {phone}, {street} (xã {commune}, tỉnh {province})',
    // The work kept across an ended session, given back after signing in again (can-bo-resume.js).
    resumed: 'Đã mở lại hồ sơ {code}.',
    resumedMove:
      'Chưa chuyển hồ sơ sang “{status}”: vui lòng bấm lại nút chuyển, nội dung bạn đã nhập vẫn còn.',
    resumedSupplement:
      'Chưa gửi yêu cầu bổ sung: vui lòng bấm lại “Cần bổ sung hồ sơ”, những gì bạn đã chọn và nhập vẫn còn.',
    resumedNote: 'Ghi chú bạn đang viết chưa được lưu.',
    // One dossier open (can-bo-dossier.js): its terms, its moves and their confirmation, its notes.
    dossierHeading: 'Hồ sơ {code}',
    termProcedure: 'Thủ tục',
    termStatus: 'Trạng thái',
    termReceived: 'Tiếp nhận',
    termDue: 'Hẹn trả',
    termDelivery: 'Nhận kết quả',
    moveLabel: '{status}: {code}',
    noMoves: 'Hồ sơ đã kết thúc, không chuyển tiếp được.',
    moved: 'Đã chuyển hồ sơ {code} sang “{status}”.',
    supplementRequested: 'Đã gửi yêu cầu bổ sung hồ sơ {code}; hồ sơ chuyển sang “{status}”.',
    forwardingRetried: 'Đã đặt chuyển lại hồ sơ {code}.',
    confirmMove: 'Chuyển hồ sơ {code} sang “{status}”?',
    confirmFinal:
      'Đây là trạng thái cuối: sau khi xác nhận không thể chuyển hồ sơ sang trạng thái khác.',
    confirmSeen: 'Người dân sẽ thấy trạng thái mới và ghi chú khi tra cứu hồ sơ.',
    confirmReason: 'Lý do từ chối (người dân sẽ đọc được)',
    confirmMissing: 'Cần bổ sung gì (người dân sẽ đọc được)',
    confirmOk: 'Xác nhận: {status}',
    confirmNoteEmpty: 'Vui lòng ghi nội dung người dân cần biết.',
    // A field's error, said beside it.
    fieldError: 'Lỗi: {text}',
    noteBy: '{actor}, {at}: ',
    noNotes: 'Chưa có ghi chú.',
    noteEmpty: 'Vui lòng nhập nội dung ghi chú trước khi lưu.',
    noteSaved: 'Đã lưu ghi chú cho hồ sơ {code}.',
    // The supplement request's dialog, and the requests and supplements of a dossier
    // (can-bo-bo-sung.js).
    supplementNoProcedure: 'Không tìm thấy tệp thủ tục của hồ sơ này.',
    supplementHeading: 'Yêu cầu bổ sung hồ sơ {code}',
    supplementIntro:
      'Chọn đúng những thông tin và giấy tờ người nộp cần bổ sung. Trong thời gian chờ bổ sung, thời hạn giải quyết tạm dừng.',
    supplementFields: 'Thông tin cần khai lại',
    supplementDocuments: 'Giấy tờ cần nộp bổ sung',
    supplementNote: 'Nội dung yêu cầu (người nộp sẽ đọc được)',
    supplementSend: 'Gửi yêu cầu bổ sung',
    cancel: 'Huỷ',
    supplements: 'Bổ sung hồ sơ',
    supplementAsked: 'Yêu cầu lúc {at} ({by}): ',
    supplementAskedNote: 'Nội dung: {note}',
    supplementAnswered: 'Người nộp gửi lúc {at}:',
    // An address answered in a supplement (can-bo-bo-sung.js), its units by code as on the
    // delivery line.
    addressCodes: '{street} (xã {commune}, tỉnh {province})',
    addressCodesNoStreet: 'Xã {commune}, tỉnh {province}',
    // Forwarding to the one-stop system, and the button that sends a dead letter again
    // (can-bo-forwarding.js).
    forwarding: 'Chuyển sang một cửa điện tử',
    forwardingDelivered: 'Đã chuyển lúc {at}',
    forwardingRetrying: 'Chưa chuyển được ({attempts} lần, lỗi {error}); thử lại lúc {at}',
    forwardingPending: 'Đang chuyển',
    forwardingDead: 'Không chuyển được sau {attempts} lần (lỗi {error}).',
    forwardingErrorUnknown: 'không rõ',
    forwardingRetry: 'Chuyển lại',
    // The list's status line: how many, or why it is empty.
    listCount: '{n} hồ sơ.',
    listCountMore: '{n}+ hồ sơ (thu hẹp tìm kiếm để xem thêm).',
    listEmpty: 'Chưa có hồ sơ nào. Hồ sơ người dân nộp sẽ hiện ở đây.',
    listNoMatch:
      'Không tìm thấy hồ sơ nào khớp với tìm kiếm và bộ lọc. Hãy bỏ bớt bộ lọc (hoặc bấm “Xoá bộ lọc”), kiểm tra lại mã hồ sơ, số định danh, số điện thoại, hoặc gõ đủ từng chữ của họ tên.',
    listNoProcedures:
      'Tài khoản của bạn chưa được giao thủ tục nào nên chưa xem được hồ sơ. Hãy đề nghị quản trị viên giao thủ tục cho tài khoản, rồi tải lại trang này.',
  },
};

/** The audit log's actions (audit.js), in the administrator's words. */
export const AUDIT_ACTIONS = {
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  'dossier.read': 'Xem dữ liệu hồ sơ',
  'dossier.status': 'Chuyển trạng thái',
  'dossier.delete': 'Xoá hồ sơ',
  'dossier.file.read': 'Tải tệp của hồ sơ',
  'dossier.list': 'Xem danh sách, tìm hồ sơ',
  'dossier.note': 'Ghi chú hồ sơ',
  'dossier.payment': 'Ghi nhận nộp phí tại quầy',
  'status.lookup': 'Người dân tra cứu',
  'dossier.forwarding.retry': 'Chuyển lại sang một cửa điện tử',
  'dossier.supplement-request': 'Yêu cầu bổ sung',
  'dossier.supplement': 'Người dân nộp bổ sung',
  'dossier.supplements.read': 'Xem hồ sơ bổ sung',
  'notification.address': 'Gửi thông báo cho người nộp',
};
/** The audit records' outcomes (audit.js), in the administrator's words. */
export const AUDIT_OUTCOMES = {
  success: 'Thành công',
  failure: 'Không thành công',
  'failure-locked': 'Không thành công, tài khoản bị khoá tạm thời',
  locked: 'Từ chối: tài khoản đang bị khoá tạm thời',
  throttled: 'Từ chối: thử quá nhiều lần',
  refused: 'Bị từ chối',
  'not-found': 'Không tìm thấy',
  none: 'Không có dữ liệu',
};
/** Who an audit record names when it is no clerk's account. */
export const AUDIT_ACTORS = {
  system: 'Hệ thống',
  applicant: 'Người nộp hồ sơ',
  '(unknown account)': '(tên đăng nhập không có tài khoản)',
};

/** The dossiers' statuses, in the clerk's words. */
export const STATUS_NAMES = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  'needs-more-information': 'Cần bổ sung hồ sơ',
  'result-ready': 'Đã có kết quả',
  rejected: 'Từ chối tiếp nhận',
};

/** Where a supplement request stands (can-bo-bo-sung.js). */
export const SUPPLEMENT_STATUS = {
  open: 'Đang chờ người nộp',
  answered: 'Đã nhận bổ sung',
  withdrawn: 'Đã rút yêu cầu',
};

/** How the result goes back (the payload's delivery method). */
export const DELIVERY = {
  online: 'Nhận kết quả điện tử',
  post: 'Gửi qua bưu chính',
  'in-person': 'Nhận tại Bộ phận Một cửa',
};

/**
 * A desk sentence, its `{name}` places filled.
 * @param {keyof typeof TEXT.vi} key @param {Record<string, string>} [params]
 */
export function deskText(key, params = {}) {
  return TEXT.vi[key].replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}
