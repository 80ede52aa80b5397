/**
 * Drafts on shared devices (Decree 13/2023/NĐ-CP Art. 11: consent is asked, specific and can be
 * withdrawn): before anything typed is kept in this browser the form asks, naming what is kept,
 * for how long and that it is encrypted; "Không lưu" keeps nothing. While a draft is kept, a
 * visible "Xoá dữ liệu trên máy này" deletes every draft, kept file, waiting application and the
 * draft key of this site on this device.
 */
import { html, nothing } from 'lit';
import type { UiLang } from '../base/i18n.js';

export interface ConsentMessages {
  heading: string;
  body: (days: number) => string;
  sharedDevice: string;
  accept: string;
  decline: string;
  declined: string;
  kept: (until: string) => string;
  clear: string;
  cleared: string;
  /** Another tab holds the data open: the deletion waits for it to close. */
  clearBlocked: string;
  clearFailed: string;
}

const vi: ConsentMessages = {
  heading: 'Lưu tạm hồ sơ trên thiết bị này?',
  body: (days) =>
    `Nếu bạn đồng ý, những gì bạn khai (kể cả số định danh cá nhân, số điện thoại) và tệp đã chọn được mã hoá và lưu trên trình duyệt này trong ${days} ngày, để bạn khai tiếp nếu lỡ đóng trang. Dữ liệu không gửi đi đâu cho đến khi bạn bấm “Gửi hồ sơ”.`,
  sharedDevice:
    'Nếu đây là máy dùng chung (bưu điện, bộ phận một cửa, quán internet, máy của người khác), hãy chọn “Không lưu”.',
  accept: 'Lưu trên thiết bị này',
  decline: 'Không lưu',
  declined:
    'Hồ sơ sẽ không được lưu trên thiết bị này. Bạn vui lòng không đóng trang cho đến khi gửi xong hồ sơ.',
  kept: (until) => `Hồ sơ đang khai được mã hoá và lưu trên thiết bị này đến ${until}.`,
  clear: 'Xoá dữ liệu trên máy này',
  cleared:
    'Đã xoá mọi hồ sơ đang khai, tệp và hồ sơ chờ gửi của trang này trên thiết bị. Những gì đang hiện trên trang sẽ không được lưu.',
  clearBlocked:
    'Đang chờ xoá: một thẻ (tab) khác của trang này vẫn đang mở dữ liệu. Vui lòng đóng các thẻ khác của trang này, dữ liệu sẽ được xoá ngay sau đó.',
  clearFailed:
    'Chưa xoá được dữ liệu trên thiết bị. Vui lòng đóng các thẻ (tab) khác của trang này rồi thử lại.',
};

const en: ConsentMessages = {
  heading: 'Save your application on this device?',
  body: (days) =>
    `If you agree, what you enter (including ID and phone numbers) and the files you choose are encrypted and kept in this browser for ${days} days, so you can carry on if the page closes. Nothing is sent anywhere until you press “Send application”.`,
  sharedDevice:
    'If this is a shared computer (a post office, a one-stop desk, an internet café, someone else’s device), choose “Do not save”.',
  accept: 'Save on this device',
  decline: 'Do not save',
  declined:
    'Your application will not be saved on this device. Please keep this page open until you have sent it.',
  kept: (until) => `Your application is encrypted and kept on this device until ${until}.`,
  clear: 'Delete the data on this device',
  cleared:
    'All applications in progress, files and applications waiting to be sent by this site have been deleted from this device. What is on the page now will not be saved.',
  clearBlocked:
    'Waiting to delete: another tab of this site still has the data open. Please close the other tabs of this site; the data will be deleted as soon as they are closed.',
  clearFailed:
    'The data on this device could not be deleted. Please close the other tabs of this site and try again.',
};

export function consentMessages(lang: UiLang): ConsentMessages {
  return lang === 'en' ? en : vi;
}

export const CONSENT = {
  /** Ask before keeping anything (default). */
  ask: 'ask',
  /** The host page has asked already (its own consent flow); keep drafts. */
  granted: 'granted',
} as const;
export type ConsentSetting = (typeof CONSENT)[keyof typeof CONSENT];

/** The question, shown above the page until answered. */
export function renderConsentPrompt(lang: UiLang, ttlDays: number, answer: (yes: boolean) => void) {
  const m = consentMessages(lang);
  return html`<section
    class="draft-notice draft-consent"
    part="draft-consent"
    aria-labelledby="draft-consent-heading"
  >
    <h2 id="draft-consent-heading" class="draft-consent-heading">${m.heading}</h2>
    <p>${m.body(ttlDays)}</p>
    <p>${m.sharedDevice}</p>
    <div class="draft-consent-buttons">
      <button
        type="button"
        class="secondary"
        part="button button-secondary"
        data-consent="yes"
        @click=${() => answer(true)}
      >
        ${m.accept}
      </button>
      <button
        type="button"
        class="secondary"
        part="button button-secondary"
        data-consent="no"
        @click=${() => answer(false)}
      >
        ${m.decline}
      </button>
    </div>
  </section>`;
}

/**
 * The day of `ms` in Vietnam as the form writes dates in both languages: dd/mm/yyyy (the review
 * page's `formatDate`), never a two-digit year.
 */
export function formatDay(ms: number): string {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of new Intl.DateTimeFormat('en', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).formatToParts(new Date(ms)))
    parts[p.type] = p.value;
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** While something is kept: until when, and the action that deletes it. */
export function renderKeptBar(lang: UiLang, expiresAt: number | undefined, clear: () => void) {
  const m = consentMessages(lang);
  const until = expiresAt === undefined ? undefined : formatDay(expiresAt);
  // The message takes focus once the person has said yes (notices.ts).
  return html`<div class="draft-kept" part="draft-kept">
    ${until ? html`<p tabindex="-1">${m.kept(until)}</p>` : nothing}
    <button type="button" class="link" part="button draft-clear" @click=${clear}>${m.clear}</button>
  </div>`;
}
