// What the notifications say, Vietnamese (the applicant's language on this site). Nothing
// personal: the dossier code, its status and the look-up link only — never a name, an answer or
// the clerk's note (the applicant reads the note after proving who they are, on the look-up page).
// SMS texts are without diacritics: a Vietnamese SMS with them is sent as UCS-2 (70 characters a
// part instead of 160), which triples its cost; operators' templates are written this way too.

/** @typedef {'received' | 'supplement-requested' | 'result'} NotifyEvent */

const FOOTER = 'Thư này được gửi tự động từ hệ thống, vui lòng không trả lời.';

/**
 * @param {NotifyEvent} event
 * @param {{ code: string, label: string, link: string }} p the dossier code, the status label
 *   (vi) and the look-up page's address
 * @returns {{ subject: string, text: string, sms: string }}
 */
export function notificationText(event, p) {
  switch (event) {
    case 'received':
      return {
        subject: `Hồ sơ ${p.code}: ${p.label}`,
        text:
          `Hồ sơ ${p.code} đã được tiếp nhận.\n` +
          `Trạng thái: ${p.label}.\n` +
          `Tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${p.link}\n\n` +
          FOOTER,
        sms: `Ho so ${p.code} da duoc tiep nhan. Tra cuu: ${p.link}`,
      };
    case 'supplement-requested':
      return {
        subject: `Hồ sơ ${p.code}: ${p.label}`,
        text:
          `Cơ quan giải quyết đề nghị bổ sung hồ sơ ${p.code}.\n` +
          `Trạng thái: ${p.label}.\n` +
          `Xem nội dung cần bổ sung và nộp bổ sung tại trang tra cứu (cần mã hồ sơ và số điện thoại hoặc số định danh đã khai): ${p.link}\n` +
          'Thời gian chờ bổ sung không tính vào thời hạn giải quyết.\n\n' +
          FOOTER,
        sms: `Ho so ${p.code} can bo sung. Xem va nop bo sung tai: ${p.link}`,
      };
    case 'result':
      return {
        subject: `Hồ sơ ${p.code}: ${p.label}`,
        text:
          `Hồ sơ ${p.code} đã được giải quyết.\n` +
          `Trạng thái: ${p.label}.\n` +
          `Xem chi tiết tại trang tra cứu: ${p.link}\n\n` +
          FOOTER,
        sms: `Ho so ${p.code} da duoc giai quyet. Tra cuu: ${p.link}`,
      };
    default:
      throw new Error(`unknown notification event ${String(event)}`);
  }
}
