/**
 * What the drafts feature shows in `<dvc-form>`: the consent question, the "kept on this device"
 * bar and the notices above the page, and the "continue or start again" page.
 */
import { html, nothing } from 'lit';
import { LOCALES } from '../base/i18n.js';
import { renderConsentPrompt, renderKeptBar } from './consent.js';
import type { DraftController } from './controller.js';
import { DEFAULT_TTL_DAYS } from './draft-store.js';
import { DRAFT_PHASE } from './types.js';

/** The notices (version change, other tab, files, storage, outbox), above the page. */
export function renderDraftNotices(ctl: DraftController) {
  const lang = ctl.options.lang();
  const m = ctl.m;
  const asking = ctl.phase === DRAFT_PHASE.ask || ctl.asksFirst();
  const keeping = ctl.phase === DRAFT_PHASE.active || ctl.phase === DRAFT_PHASE.offer;
  if (ctl.notices.length === 0 && !asking && !keeping) return nothing;
  return html`<div class="draft-notices" part="draft-notices">
    ${
      asking
        ? renderConsentPrompt(lang, ctl.options.ttlDays?.() ?? DEFAULT_TTL_DAYS, (yes) =>
            ctl.answerConsent(yes),
          )
        : nothing
    }
    ${
      keeping
        ? renderKeptBar(
            lang,
            ctl.phase === DRAFT_PHASE.offer ? ctl.offer?.record.expiresAt : ctl.expiresAt,
            () => void ctl.clearDevice(),
          )
        : nothing
    }
    ${ctl.notices.map(
      (n) =>
        html`<div class="draft-notice" role=${n.role} data-kind=${n.kind} tabindex="-1">
          <p>${n.text(m, lang)}</p>
          ${
            n.list
              ? html`<ul>
                  ${n.list(lang).map((x) => html`<li>${x}</li>`)}
                </ul>`
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
  const savedAt = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(offer.record.savedAt));
  return html`<section class="draft-offer" part="draft-offer" aria-labelledby="page-heading">
    <h2 id="page-heading" part="heading" tabindex="-1">${m.resumeHeading}</h2>
    <p>${m.resumeBody(savedAt)}</p>
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
