/**
 * The review and "cannot apply" pages of `<dvc-form>`: answers as a person reads them, the fee
 * table, and the reasons. Pure rendering from what the session decided; the element passes its
 * state and handlers in.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FieldUi, Lang, LocalizedText } from '../../src/procedure/index.js';
import type { FeeResult } from '../../src/rules/index.js';
import { loadAdminUnits } from '../address-field/admin-units.js';
import { formatAnswer, formatVnd, localize } from './format.js';
import { fieldId, getPath } from './journey.js';
import type { FormMessages } from './messages.js';

/** The "cannot apply" page: every failing rule's reason, with its remedy when there is one. */
export function renderIneligible(
  reasons: readonly { message: LocalizedText; remedy?: LocalizedText }[],
  lang: Lang,
  msg: FormMessages,
  onBack: () => void,
): TemplateResult {
  return html`
    <h2 id="page-heading" part="heading" tabindex="-1">${msg.ineligibleHeading}</h2>
    <p>${msg.ineligibleIntro}</p>
    <ul class="reasons" part="reasons">
      ${reasons.map(
        (r) =>
          html`<li>
            <p class="reason">${localize(r.message, lang)}</p>
            ${
              r.remedy
                ? html`<p class="remedy">
                    <strong>${msg.remedyLabel}</strong>${localize(r.remedy, lang)}
                  </p>`
                : nothing
            }
          </li>`,
      )}
    </ul>
    <div class="buttons">
      <button type="button" class="secondary" part="button button-secondary" @click=${onBack}>
        ${msg.changeAnswers}
      </button>
    </div>
  `;
}

export interface ReviewRowContext {
  lang: Lang;
  msg: FormMessages;
  /** The schema's `format` of the answer (a `date` is shown day first). */
  format: string | undefined;
  formatAddress(value: unknown): string | undefined;
  /**
   * The "Sửa" links' handler, given the item's pointer (`/1`) for a repeat group's item; without
   * one the row is read-only (`<dvc-dossier>`).
   */
  onChange?(e: Event, pointer?: string): void;
}

/** One answer on the review page, with its "Sửa" link; a repeat group lists its items. */
export function renderReviewRow(
  field: FieldUi,
  value: unknown,
  { lang, msg, format, formatAddress, onChange }: ReviewRowContext,
): TemplateResult {
  const label = localize(field.label, lang);
  let shown: TemplateResult | string;
  if (field.widget === 'group' && Array.isArray(value) && value.length > 0) {
    const itemLabel = localize(field.itemLabel, lang) || label;
    shown = html`<ol class="items">
      ${value.map((item, i) => {
        const heading = msg.itemHeading(itemLabel, i + 1);
        return html`<li>
          <span class="item-heading">${heading}</span>
          ${
            onChange
              ? html`<a
                  href="#${fieldId(field.field)}"
                  part="change-link item-change-link"
                  @click=${(e: Event) => onChange(e, `/${i}`)}
                  >${msg.change}<span class="visually-hidden"> ${heading}</span></a
                >`
              : nothing
          }
          <ul>
            ${(field.fields ?? []).map((sub) => {
              const text = formatAnswer(sub, getPath(item, sub.field), lang, msg);
              return html`<li>${localize(sub.label, lang)}: ${text ?? msg.notAnswered}</li>`;
            })}
          </ul>
        </li>`;
      })}
    </ol>`;
  } else if (field.widget === 'address') {
    shown = formatAddress(value) ?? msg.notAnswered;
  } else {
    shown = formatAnswer(field, value, lang, msg, format) ?? msg.notAnswered;
  }
  return html`<div class="row">
    <dt>${label}</dt>
    <dd class="value">${shown}</dd>
    ${
      onChange
        ? html`<dd class="action">
            <a href="#${fieldId(field.field)}" part="change-link" @click=${onChange}
              >${msg.change}<span class="visually-hidden"> ${label}</span></a
            >
          </dd>`
        : nothing
    }
  </div>`;
}

/**
 * Names of provinces (`p:01`) and communes (`c:00004`), loaded on first use (a lazy chunk):
 * addresses on the review page read as names, and the page renders again when they arrive.
 */
export class UnitNames {
  private names?: Map<string, string>;
  private loading = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * An address as it is written in Vietnam, most specific part first: "Số 12 phố Đội Cấn,
   * Phường Ba Đình, Thành phố Hà Nội" (official unit names, VIETNAM.md §1).
   */
  formatAddress(value: unknown): string | undefined {
    if (!value || typeof value !== 'object') return undefined;
    const v = value as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    if (!this.names) this.load();
    const names = this.names;
    const commune = str(v.commune);
    const province = str(v.province);
    const parts = [
      str(v.street).trim(),
      commune ? (names?.get(`c:${commune}`) ?? commune) : '',
      province ? (names?.get(`p:${province}`) ?? province) : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }

  private load(): void {
    if (this.loading) return;
    this.loading = true;
    loadAdminUnits().then(
      (units) => {
        const names = new Map<string, string>();
        for (const p of units.provinces) names.set(`p:${p.code}`, p.name);
        for (const list of units.communesByProvince.values()) {
          for (const c of list) names.set(`c:${c.code}`, c.name);
        }
        this.names = names;
        this.host.requestUpdate();
      },
      (cause: unknown) => {
        // The codes stay on screen; the names come on the next review.
        this.loading = false;
        console.error('dvc-form: cannot load the administrative units', cause);
      },
    );
  }
}

/** The fee table of the review page: items, reductions and the total, in VND. */
export function renderFee(
  fee: Pick<FeeResult, 'items' | 'total'> | undefined,
  lang: Lang,
  msg: FormMessages,
): TemplateResult {
  if (!fee || fee.items.length === 0) {
    return html`<section class="fee-section" aria-labelledby="fee-heading">
      <h3 id="fee-heading">${msg.feeHeading}</h3>
      <p>${msg.noFee}</p>
    </section>`;
  }
  return html`<section class="fee-section" aria-labelledby="fee-heading">
    <h3 id="fee-heading">${msg.feeHeading}</h3>
    <table class="fee" part="fee">
      <thead>
        <tr>
          <th scope="col">${msg.feeItem}</th>
          <th scope="col" class="amount">${msg.feeAmount}</th>
        </tr>
      </thead>
      <tbody>
        ${fee.items.map(
          (item) =>
            html`<tr>
                <th scope="row">
                  ${localize(item.label, lang)}
                  ${
                    item.quantity !== 1
                      ? html`<span class="hint"
                          >(${msg.feeQuantity(item.quantity, formatVnd(item.amount, lang))})</span
                        >`
                      : nothing
                  }
                </th>
                <td class="amount">${formatVnd(item.amount * item.quantity, lang)}</td>
              </tr>
              ${item.reductions.map(
                (r) =>
                  html`<tr class="reduction">
                    <th scope="row">${msg.feeReduction(localize(r.label, lang), r.percent)}</th>
                    <td class="amount">−${formatVnd(r.amount, lang)}</td>
                  </tr>`,
              )}`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${msg.feeTotal}</th>
          <td class="amount">${formatVnd(fee.total, lang)}</td>
        </tr>
      </tfoot>
    </table>
  </section>`;
}
