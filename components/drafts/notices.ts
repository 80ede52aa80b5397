/**
 * What the drafts feature shows in `<dvc-form>`: the consent question, the "kept on this device"
 * bar and the notices above the page, and the "continue or start again" page.
 */
import { html, nothing } from 'lit';
import { LOCALES } from '../base/i18n.js';
import { formatDay, renderConsentPrompt, renderKeptBar } from './consent.js';
import type { DraftController } from './controller.js';
import { DEFAULT_TTL_DAYS } from './draft-store.js';
import { DRAFT_PHASE, NOTICE_KIND, type DraftNotice, type NoticeKind } from './types.js';

/**
 * The answer to "Lưu tạm hồ sơ trên thiết bị này?" just given, until what it led to is on screen.
 * The question goes with its buttons, so focus would fall to <body> and a keyboard or screen
 * reader user would start again from the top of the page, not knowing whether the choice took.
 * As GOV.UK's cookie banner does, the confirmation that replaces the question takes focus: it is
 * read out, and the next Tab goes on to the questions below it. "Lưu trên thiết bị này": the
 * "kept until …" line (once the first save has set that date) or, when it cannot be kept, the
 * storage notice; "Không lưu": the notice that nothing will be kept.
 */
const answered = new WeakMap<DraftController, boolean>();

/**
 * After this render, focuses what answers the consent question just answered: the kept bar's
 * line (`selector`), or a notice, which takes focus as every notice marked `focus` does.
 */
function focusAnswer(ctl: DraftController, target: string | DraftNotice | false | undefined): void {
  if (!target || !answered.delete(ctl)) return;
  if (typeof target !== 'string') target.focus = true;
  else
    void ctl.host.updateComplete.then(() =>
      ctl.host.shadowRoot?.querySelector<HTMLElement>(target)?.focus(),
    );
}

/**
 * After this render, focuses a notice marked `focus`, then makes it a live region again: it is
 * rendered without its role until then, not to be read twice (DraftNotice.focus).
 */
function focusNotice(ctl: DraftController, notice: DraftNotice): void {
  void ctl.host.updateComplete.then(() => {
    ctl.host.shadowRoot
      ?.querySelector<HTMLElement>(`.draft-notice[data-kind="${notice.kind}"]`)
      ?.focus();
    notice.focus = false;
    ctl.host.requestUpdate();
  });
}

/** The notices (version change, other tab, files, storage, outbox), above the page. */
export function renderDraftNotices(ctl: DraftController) {
  const lang = ctl.options.lang();
  const m = ctl.m;
  const asking = ctl.phase === DRAFT_PHASE.ask || ctl.asksFirst();
  const keeping = ctl.phase === DRAFT_PHASE.active || ctl.phase === DRAFT_PHASE.offer;
  const notice = (kind: NoticeKind) => ctl.notices.find((n) => n.kind === kind);
  const expiresAt = ctl.phase === DRAFT_PHASE.offer ? ctl.offer?.record.expiresAt : ctl.expiresAt;
  if (answered.has(ctl)) {
    focusAnswer(
      ctl,
      answered.get(ctl)
        ? (keeping && expiresAt !== undefined && '.draft-kept p') || notice(NOTICE_KIND.storage)
        : ctl.phase === DRAFT_PHASE.declined && notice(NOTICE_KIND.consent),
    );
  }
  for (const n of ctl.notices) if (n.focus) focusNotice(ctl, n);
  if (ctl.notices.length === 0 && !asking && !keeping) return nothing;
  return html`<div class="draft-notices" part="draft-notices">
    ${
      asking
        ? renderConsentPrompt(lang, ctl.options.ttlDays?.() ?? DEFAULT_TTL_DAYS, (yes) => {
            answered.set(ctl, yes);
            ctl.answerConsent(yes);
          })
        : nothing
    }
    ${keeping ? renderKeptBar(lang, expiresAt, () => void ctl.clearDevice()) : nothing}
    ${ctl.notices.map(
      (n) =>
        html`<div
          class="draft-notice"
          role=${n.focus ? nothing : n.role}
          data-kind=${n.kind}
          tabindex="-1"
        >
          <p>${n.text(m, lang)}</p>
          ${
            n.list
              ? html`<ul>
                  ${n.list(lang).map((x) => html`<li>${x}</li>`)}
                </ul>`
              : nothing
          }
          ${
            n.action
              ? html`<button
                  type="button"
                  class="secondary"
                  part="button button-secondary draft-action"
                  data-draft-action=${n.kind}
                  @click=${n.action.run}
                >
                  ${n.action.label(m)}
                </button>`
              : nothing
          }
          <button
            type="button"
            class="link"
            part="button draft-dismiss"
            @click=${() => ctl.dismiss(n.kind)}
          >
            ${m.dismiss}
          </button>
        </div>`,
    )}
  </div>`;
}

/** The "continue or start again" page, shown instead of the form's page while offering. */
export function renderDraftOffer(ctl: DraftController) {
  const offer = ctl.offer;
  if (ctl.phase !== DRAFT_PHASE.offer || !offer) return undefined;
  const lang = ctl.options.lang();
  const m = ctl.m;
  // The time in the page's language, the day as the form writes dates (dd/mm/yyyy: never a
  // two-digit year).
  const time = new Intl.DateTimeFormat(LOCALES[lang], {
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(offer.record.savedAt));
  const day = formatDay(offer.record.savedAt);
  return html`<section class="draft-offer" part="draft-offer" aria-labelledby="page-heading">
    <h2 id="page-heading" part="heading" tabindex="-1">${m.resumeHeading}</h2>
    <p>${m.resumeBody(time, day)}</p>
    <div class="buttons">
      <button
        type="button"
        class="primary"
        part="button button-primary"
        data-draft="continue"
        @click=${() => void ctl.resume()}
      >
        ${m.resumeContinue}
      </button>
      <button
        type="button"
        class="secondary"
        part="button button-secondary"
        data-draft="restart"
        @click=${() => void ctl.restart()}
      >
        ${m.resumeRestart}
      </button>
    </div>
  </section>`;
}
