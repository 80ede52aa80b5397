// Clerk page: the desk's own sentences, Vietnamese first (the page is in Vietnamese; `en` keeps
// the catalog whole for a translated desk). The receiver's problems come with their own words
// (demo/server/messages.js); these say what the desk itself knows, around them.

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
  },
  en: {
    feeTakenNotReloaded:
      'Payment of {fee} for application {code} recorded and receipted, but the page could not be fully reloaded: {reason}',
    dossierGone:
      'Application {code} is no longer in the system (it may have just been deleted), so it was removed from the list.',
    openDossierGone:
      'Application {code}, which was open, is no longer in the system (it may have just been deleted), so it was closed.',
  },
};

/**
 * A desk sentence in the page's language, its `{name}` places filled.
 * @param {keyof typeof TEXT.vi} key @param {Record<string, string>} params
 */
export function deskText(key, params) {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  return TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}
