import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Procedure } from '../../src/procedure/index.js';
import { buildPages, formatAt, orderSteps, type Visibility } from '../../src/session/index.js';
import { createRules } from '../../src/rules/index.js';
import { formatInstant, vietnamDateTime } from '../../src/calendar/index.js';
import { DELIVERY_METHOD_LABELS } from '../../src/delivery/index.js';
import type { SubmissionPayload } from '../../src/submission/index.js';
import { inheritedLang, toUiLang, type UiLang } from '../base/i18n.js';
import { formatBytes, formatVnd, localize } from '../form/format.js';
import { formMessages } from '../form/messages.js';
import { getPath } from '../form/journey.js';
import { renderFee, renderReviewRow, UnitNames } from '../form/review.js';
import { DOSSIER_MESSAGES } from './messages.js';
import { dossierStyles } from './dossier.styles.js';

/** A stored file of the dossier, as the agency's server reports it. */
export interface DossierFile {
  /** Id of the document slot in the procedure's `documents`. */
  slot: string;
  /** File name as the applicant chose it. */
  name: string;
  size: number;
  /** The SHA-256 the applicant signed (lower-case hex). */
  sha256: string;
  /**
   * The server's check of the stored bytes against `sha256`: true they match, false they do
   * not, null the stored file cannot be read; undefined not checked.
   */
  hashOk?: boolean | null;
  /** Where the signed-in person opens it (same-origin path only; anything else is not linked). */
  href?: string;
}

/** The server's record of the signature check. */
export interface DossierSignature {
  status: 'verified';
  /** When it was verified (RFC 3339). */
  verifiedAt: string;
  kid?: string | null;
  alg?: string | null;
  /** Whether the payload pins the procedure file in use (its SHA-256). */
  procedureMatches?: boolean;
}

/** The fee's payment state (the receiver's payment summary). */
export interface DossierPayment {
  status: 'paid' | 'unpaid' | 'not-required';
}

/** A same-origin path: never another site, never a `javascript:` URL. */
const SAFE_HREF = /^\/(?!\/)[\w\-./%~]*$/;

/**
 * @summary A verified submission, read-only, for an agency's back office: the answers as on the
 * review page, eligibility, fee, payment, how the result is received, who helped fill it in, the
 * documents with their hashes checked, and the signature's status.
 *
 * The answers are laid out from the procedure file by the same code as `<dvc-form>`'s review page
 * (src/session journey, components/form/review.ts); the questions hidden by the rules are those
 * the rules hide for these answers on the day they were submitted (src/rules). The element shows
 * what the server tells it about the files and the signature; it checks nothing itself.
 *
 * @slot - Further sections of the agency's own (e.g. forwarding state), after the signature.
 *
 * @csspart section - Each section.
 * @csspart documents - The documents table.
 * @csspart fee - The fee table.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-bg=#fff] - Background colour.
 * @cssproperty [--dvc-color-border=#b1b4b6] - Row borders.
 * @cssproperty [--dvc-color-hint=#505a5f] - Secondary text.
 * @cssproperty [--dvc-color-success=#00703c] - A file that matches its signed hash.
 * @cssproperty [--dvc-color-error=#b3261e] - A file that does not.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline.
 * @cssproperty [--dvc-max-width=48em] - Maximum width.
 */
@customElement('dvc-dossier')
export class DvcDossier extends LitElement {
  static override styles = dossierStyles;

  /** The procedure file (parsed JSON) the submission was made with. */
  @property({ attribute: false }) procedure?: Procedure;
  /** The verified submission payload. */
  @property({ attribute: false }) submission?: SubmissionPayload;
  /** The stored files with the server's hash check. */
  @property({ attribute: false }) files: DossierFile[] = [];
  /** The server's record of the signature check. */
  @property({ attribute: false }) signature?: DossierSignature;
  /** The fee's payment state, when the server takes payments. */
  @property({ attribute: false }) payment?: DossierPayment;
  /** Language: `vi` or `en`; empty means the closest `lang` attribute, else Vietnamese. */
  @property({ reflect: true }) override lang = '';

  /** The rules' hidden questions for these answers (computed when they change). */
  @state() private visibility?: Visibility;
  private readonly unitNames = new UnitNames(this);
  private rulesToken = 0;

  private get uiLang(): UiLang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('procedure') || changed.has('submission')) void this.decideVisibility();
  }

  /**
   * The payload holds the answers without the fields the rules hid, so one evaluation on them
   * reaches the form's fixed point (docs/architecture.md), dated the day it was submitted.
   */
  private async decideVisibility(): Promise<void> {
    const token = ++this.rulesToken;
    this.visibility = undefined;
    const { procedure, submission } = this;
    if (!procedure || !submission) return;
    const submitted = new Date(submission.submittedAt);
    const today = Number.isNaN(submitted.getTime()) ? undefined : vietnamDateTime(submitted).day;
    try {
      const result = await createRules(procedure, {
        ...(today ? { today } : {}),
        onProblem: () => {},
      }).evaluate(submission.answers ?? {});
      if (token !== this.rulesToken) return;
      this.visibility = {
        hiddenFields: new Set(result.hidden.fields),
        hiddenDocuments: new Set(result.hidden.documents),
      };
    } catch (cause) {
      // Undecidable rules: show every question (unanswered ones read "Chưa trả lời").
      console.error('dvc-dossier: the rules failed', cause);
      if (token === this.rulesToken) {
        this.visibility = { hiddenFields: new Set(), hiddenDocuments: new Set() };
      }
    }
  }

  private renderAnswers(lang: Lang): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const procedure = this.procedure;
    const answers = this.submission?.answers ?? {};
    if (!procedure) return html`<p>${m.noProcedure}</p>`;
    if (!this.visibility) return html``;
    const msg = formMessages(lang);
    const sections = buildPages(orderSteps(procedure), this.visibility, false).reduce<
      { id: string; title: string; fields: TemplateResult[] }[]
    >((acc, page) => {
      const rows = page.fields
        .filter((f) => f.widget !== 'file')
        .map((f) => {
          return renderReviewRow(f, getPath(answers, f.field), {
            lang,
            msg,
            format: formatAt(procedure.data, f.field),
            formatAddress: (v) => this.unitNames.formatAddress(v),
          });
        });
      if (rows.length === 0) return acc;
      const last = acc[acc.length - 1];
      if (last && last.id === page.step.id) last.fields.push(...rows);
      else acc.push({ id: page.step.id, title: localize(page.step.title, lang), fields: rows });
      return acc;
    }, []);
    return html`${sections.map(
      (s) =>
        html`<section part="section" aria-labelledby="step-${s.id}">
          <h3 id="step-${s.id}">${s.title}</h3>
          <dl class="review">${s.fields}</dl>
        </section>`,
    )}`;
  }

  private renderEligibility(lang: Lang): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const e = this.submission?.eligibility;
    const text =
      e?.status === 'eligible'
        ? m.eligible
        : e?.status === 'ineligible'
          ? m.ineligible
          : m.eligibilityUnknown;
    const reasons = (e?.reasons ?? []).map((id) => {
      const rule = this.procedure?.rules.find((r) => r.id === id);
      return rule?.reason ? localize(rule.reason, lang) : id;
    });
    return html`<section part="section" aria-labelledby="eligibility">
      <h3 id="eligibility">${m.eligibility}</h3>
      <p>${text}</p>
      ${
        reasons.length
          ? html`<ul>
              ${reasons.map((r) => html`<li>${r}</li>`)}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderFeeAndPayment(lang: Lang): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const fee = this.submission?.fee;
    const spec = this.procedure?.fees;
    // The payload carries ids and amounts; the labels come from the procedure file it pins.
    const items = (fee?.items ?? []).map((item) => ({
      ...item,
      label: spec?.items.find((i) => i.id === item.id)?.label ?? { vi: item.id },
      reductions: item.reductions.map((r) => ({
        ...r,
        label: spec?.reductions?.find((x) => x.id === r.id)?.label ?? { vi: r.id },
      })),
    }));
    const payment = this.payment;
    return html`${renderFee(fee ? { items, total: fee.total } : undefined, lang, formMessages(lang))}
    ${
      payment
        ? html`<section part="section" aria-labelledby="payment">
            <h3 id="payment">${m.payment}</h3>
            <p>
              ${payment.status === 'paid' ? m.paid : payment.status === 'unpaid' ? m.unpaid : m.notRequired}
            </p>
          </section>`
        : nothing
    }`;
  }

  private renderDelivery(): TemplateResult | typeof nothing {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const d = this.submission?.delivery;
    if (!d) return nothing;
    const r = d.recipient;
    return html`<section part="section" aria-labelledby="delivery">
      <h3 id="delivery">${m.delivery}</h3>
      <p>${DELIVERY_METHOD_LABELS[this.uiLang][d.method] ?? d.method}</p>
      ${typeof d.postage === 'number' ? html`<p>${m.postage(formatVnd(d.postage))}</p>` : nothing}
      ${
        r
          ? html`<p>
              ${m.recipient(r.fullName, r.phone, this.unitNames.formatAddress(r.address) ?? '')}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderAssistance(): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const s = this.submission;
    return html`<section part="section" aria-labelledby="assistance">
      <h3 id="assistance">${m.assistance}</h3>
      ${
        s?.assistedBy
          ? html`<p>${m.assistedBy(s.assistedBy)}</p>
              ${s.assistance?.applicantConfirmed ? html`<p>${m.applicantConfirmed}</p>` : nothing}
              ${
                s.assistance?.helperStatement
                  ? html`<p>${m.helperStatement(s.assistance.helperStatement)}</p>`
                  : nothing
              }`
          : html`<p>${m.selfFiled}</p>`
      }
    </section>`;
  }

  private renderDocuments(lang: Lang): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const files = this.files ?? [];
    const check = (ok: boolean | null | undefined) =>
      ok === true
        ? html`<span class="ok">${m.hashOk}</span>`
        : ok === false
          ? html`<span class="bad">${m.hashMismatch}</span>`
          : ok === null
            ? html`<span class="bad">${m.hashUnreadable}</span>`
            : html`<span class="hint">${m.hashUnchecked}</span>`;
    return html`<section part="section" aria-labelledby="documents">
      <h3 id="documents">${m.documents}</h3>
      ${
        files.length === 0
          ? html`<p>${m.noDocuments}</p>`
          : html`<table class="documents" part="documents" aria-labelledby="documents">
              <thead>
                <tr>
                  <th scope="col">${m.document}</th>
                  <th scope="col">${m.file}</th>
                  <th scope="col">${m.hash}</th>
                </tr>
              </thead>
              <tbody>
                ${files.map((f) => {
                  const slot = this.procedure?.documents.find((d) => d.id === f.slot);
                  return html`<tr>
                    <td>${slot ? localize(slot.title, lang) : f.slot}</td>
                    <td>
                      ${
                        f.href && SAFE_HREF.test(f.href)
                          ? html`<a href=${f.href} aria-label=${m.open(f.name)}>${f.name}</a>`
                          : f.name
                      }
                      <span class="hint">(${formatBytes(f.size, lang)})</span>
                    </td>
                    <td><code>${f.sha256}</code> <span class="check">${check(f.hashOk)}</span></td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private renderSignature(): TemplateResult {
    const m = DOSSIER_MESSAGES[this.uiLang];
    const s = this.signature;
    return html`<section part="section" aria-labelledby="signature">
      <h3 id="signature">${m.signature}</h3>
      ${
        s?.status === 'verified'
          ? html`<p class="ok">
                ${m.signatureVerified(formatInstant(s.verifiedAt) ?? s.verifiedAt)}
              </p>
              ${s.kid ? html`<p>${m.signatureKey(s.kid, s.alg ?? '?')}</p>` : nothing}
              ${
                s.procedureMatches === undefined
                  ? nothing
                  : html`<p class=${s.procedureMatches ? '' : 'bad'}>
                      ${s.procedureMatches ? m.procedureMatches : m.procedureDiffers}
                    </p>`
              }`
          : html`<p>${m.signatureUnknown}</p>`
      }
    </section>`;
  }

  protected override render(): TemplateResult {
    const lang = this.uiLang;
    const m = DOSSIER_MESSAGES[lang];
    const submitted = this.submission?.submittedAt;
    return html`
      ${submitted ? html`<p class="hint">${m.submittedAt(formatInstant(submitted) ?? submitted)}</p>` : nothing}
      <h3 class="answers-heading">${m.answers}</h3>
      ${this.renderAnswers(lang)} ${this.renderEligibility(lang)} ${this.renderFeeAndPayment(lang)}
      ${this.renderDelivery()} ${this.renderAssistance()} ${this.renderDocuments(lang)}
      ${this.renderSignature()}
      <slot></slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-dossier': DvcDossier;
  }
}
