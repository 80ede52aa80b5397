import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LocalizedText } from '../../src/procedure/index.js';
import { inheritedLang, toUiLang, type UiLang } from '../base/i18n.js';
import '../error-summary/error-summary.js';
import type { DvcErrorSummary, ErrorSummaryItem } from '../error-summary/error-summary.js';
import '../text-field/text-field.js';
import type { DvcTextField } from '../text-field/text-field.js';
import { formatDay, formatInstant } from '../../src/calendar/index.js';
import { statusLookupMessages, type DossierStatus } from './messages.js';
import { normalizeDossierCode } from '../../src/dossier/index.js';
import { statusLookupStyles } from './status-lookup.styles.js';
import { renderPaymentRows, type PaymentSummary } from '../payment-status/payment-status.js';
import type { DvcSupplementedEvent, SupplementRequestView } from '../supplement/supplement.js';

/** One step of the dossier's history. */
export interface StatusHistoryEntry {
  status: string;
  label?: LocalizedText;
  /** RFC 3339 instant. */
  at: string;
  /** The officer's note (e.g. what to supply). */
  note?: string;
}

/** The receiver's answer to `GET endpoint?code=…&secret=…` (docs/receiver.md "Status lookup"). */
export interface DossierStatusResult {
  dossierCode: string;
  procedure?: { code: string; version?: string; title?: LocalizedText };
  status: string;
  label?: LocalizedText;
  receivedAt?: string;
  expectedResultDate?: string;
  updatedAt?: string;
  history: StatusHistoryEntry[];
  /** The fee and its payments (docs/payments.md). */
  payment?: PaymentSummary;
  /** The clerk's open request for a supplement, when the dossier waits for one. */
  supplement?: SupplementRequestView;
}

/** The lookup found a dossier; `detail` is the receiver's answer. */
export class DvcStatusEvent extends Event {
  static readonly eventName = 'dvc-status';
  readonly detail: DossierStatusResult;
  constructor(detail: DossierStatusResult) {
    super(DvcStatusEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

function isResult(value: unknown): value is DossierStatusResult {
  const v = value as Partial<DossierStatusResult> | null;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.dossierCode === 'string' &&
    typeof v.status === 'string' &&
    Array.isArray(v.history)
  );
}

const pick = (text: LocalizedText | undefined, lang: UiLang) =>
  text ? (lang === 'en' && text.en) || text.vi : '';

/**
 * @summary Lets a citizen check an application: they type the dossier code and a second factor
 * (the phone number or personal ID number given in the application) and see its status and
 * history. Problems — a field left empty, "Không tìm thấy hồ sơ…", too many attempts, no
 * network — appear in an error summary that takes focus.
 *
 * The second factor is sent in the query string to `endpoint` as the reference receiver expects
 * (`GET /api/status?code=…&secret=…`, docs/receiver.md); that receiver keeps it out of its logs,
 * and the request is made with `referrerPolicy: no-referrer` and `cache: no-store`.
 *
 * @csspart form - The lookup form.
 * @csspart button - The Check button.
 * @csspart result - The result section.
 * @csspart status - The current status badge.
 * @csspart history - The history list.
 *
 * @cssproperty [--dvc-color-text=#1b1b1b] - Text colour.
 * @cssproperty [--dvc-color-bg=#fff] - Background colour.
 * @cssproperty [--dvc-color-primary=#00703c] - Check button.
 * @cssproperty [--dvc-color-primary-text=#fff] - Text of the Check button.
 * @cssproperty [--dvc-color-hint=#505a5f] - Secondary text.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus outline.
 * @cssproperty [--dvc-font-size-heading=1.5em] - Heading size.
 * @cssproperty [--dvc-max-width=40em] - Maximum width.
 *
 * @event dvc-status - A dossier was found; `detail` is the receiver's answer.
 */
@customElement('dvc-status-lookup')
export class DvcStatusLookup extends LitElement {
  static override styles = statusLookupStyles;

  /** URL of the receiver's status endpoint. */
  @property() endpoint = '/api/status';
  /** A dossier code to fill in (e.g. from a link on the receipt). */
  @property() code = '';
  /** Language: `vi` or `en`; empty means the closest `lang` attribute, else Vietnamese. */
  @property({ reflect: true }) override lang = '';
  /**
   * The receiver's supplement endpoint: when set and the dossier waits for a supplement, the
   * applicant gets the form for exactly the requested items (`<dvc-supplement>`), sent with the
   * code and number they just proved.
   */
  @property({ attribute: 'supplement-endpoint' }) supplementEndpoint = '';
  /** The tus endpoint for the supplement's files. */
  @property({ attribute: 'upload-endpoint' }) uploadEndpoint = '/api/uploads/';
  /** The challenge endpoint for the supplement's nonce. */
  @property({ attribute: 'challenge-endpoint' }) challengeEndpoint = '/api/challenges';

  /** The code and number of the last successful look-up (the supplement's proof). */
  private proof = { code: '', secret: '' };

  @state() private result?: DossierStatusResult;
  @state() private errors: ErrorSummaryItem[] = [];
  @state() private errorHeading = '';
  @state() private fieldErrors: { code?: string; secret?: string } = {};
  @state() private searching = false;

  private get uiLang(): UiLang {
    return this.lang ? toUiLang(this.lang) : inheritedLang(this);
  }

  private field(id: 'code' | 'secret'): DvcTextField {
    return this.renderRoot.querySelector<DvcTextField>(`#${id}`)!;
  }

  /** Runs the lookup with what is in the fields (what the Check button does). */
  async lookup(): Promise<void> {
    if (this.searching) return;
    const msg = statusLookupMessages(this.uiLang);
    const typed = this.field('code').value.trim();
    const code = normalizeDossierCode(typed) ?? '';
    const secret = this.field('secret').value.trim();
    const fieldErrors: { code?: string; secret?: string } = {};
    if (!typed) fieldErrors.code = msg.codeMissing;
    // Not a dossier code at all: said here, not as "not found" after a request.
    else if (!code) fieldErrors.code = msg.codeInvalid;
    if (!secret) fieldErrors.secret = msg.secretMissing;
    this.fieldErrors = fieldErrors;
    if (fieldErrors.code || fieldErrors.secret) {
      const items: ErrorSummaryItem[] = [];
      if (fieldErrors.code) items.push({ message: fieldErrors.code, target: 'code' });
      if (fieldErrors.secret) items.push({ message: fieldErrors.secret, target: 'secret' });
      await this.showErrors(msg.errorHeading, items);
      return;
    }
    const url = new URL(this.endpoint, document.baseURI);
    url.searchParams.set('code', code);
    url.searchParams.set('secret', secret);
    this.searching = true;
    this.errors = [];
    this.result = undefined;
    try {
      let res: Response;
      try {
        res = await fetch(url, {
          headers: { accept: 'application/json', 'accept-language': this.uiLang },
          cache: 'no-store',
          credentials: 'same-origin',
          referrerPolicy: 'no-referrer',
        });
      } catch {
        await this.showErrors(msg.errorHeading, [{ message: msg.networkFailed }]);
        return;
      }
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        // not JSON: handled below by status
      }
      if (res.ok && isResult(body)) {
        this.proof = { code, secret };
        // The receiver's URLs are its own: resolved against its answer's address, not this page
        // (a receiver on another site or folder than the agency's page).
        const asked = body.supplement?.procedure;
        if (asked?.url) asked.url = new URL(asked.url, res.url || url).href;
        // Its code (the session engine, uploads, signing) loads only when a supplement is asked.
        if (body.supplement && this.supplementEndpoint) await import('../supplement/supplement.js');
        this.result = body;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
        this.dispatchEvent(new DvcStatusEvent(body));
        return;
      }
      // The receiver's RFC 9457 problem is written for citizens, in their language.
      const problem = (body ?? {}) as { title?: unknown; detail?: unknown };
      const detail = typeof problem.detail === 'string' ? problem.detail : '';
      const title = typeof problem.title === 'string' ? problem.title : '';
      const fallback = res.status === 404 ? msg.notFound : msg.serverFailed;
      await this.showErrors(title || msg.errorHeading, [{ message: detail || fallback }]);
    } finally {
      this.searching = false;
    }
  }

  private async showErrors(heading: string, items: ErrorSummaryItem[]): Promise<void> {
    this.errorHeading = heading;
    this.errors = items;
    await this.updateComplete;
    this.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  private onKeydown(e: KeyboardEvent): void {
    // Enter inside a field's own shadow root does not submit this form: do it here.
    if (e.key === 'Enter' && (e.target as Element).localName === 'dvc-text-field') {
      e.preventDefault();
      void this.lookup();
    }
  }

  override render() {
    const lang = this.uiLang;
    const msg = statusLookupMessages(lang);
    return html`
      <h2>${msg.heading}</h2>
      <p>${msg.intro}</p>
      <dvc-error-summary .heading=${this.errorHeading} .items=${this.errors}></dvc-error-summary>
      <form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown}>
        <dvc-text-field
          id="code"
          name="code"
          lang=${lang}
          label=${msg.codeLabel}
          hint=${msg.codeHint}
          autocomplete="off"
          required
          .value=${this.code}
          .error=${this.fieldErrors.code ?? ''}
        ></dvc-text-field>
        <dvc-text-field
          id="secret"
          name="secret"
          lang=${lang}
          label=${msg.secretLabel}
          hint=${msg.secretHint}
          inputmode="tel"
          autocomplete="off"
          required
          .error=${this.fieldErrors.secret ?? ''}
        ></dvc-text-field>
        <button type="submit" part="button" aria-disabled=${this.searching ? 'true' : 'false'}>
          ${this.searching ? msg.searching : msg.submit}
        </button>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.searching ? msg.searching : ''}
      </div>
      ${this.result ? this.renderResult(this.result, lang) : nothing}
    `;
  }

  /**
   * The supplement was received: the dossier is processed again, with its new date, and its
   * history and "last updated" say so (they stayed at the request, under the new status).
   */
  private onSupplemented = (e: DvcSupplementedEvent): void => {
    if (!this.result) return;
    const at = e.detail.receivedAt;
    this.result = {
      ...this.result,
      status: 'processing',
      label: undefined,
      ...(e.detail.expectedResultDate ? { expectedResultDate: e.detail.expectedResultDate } : {}),
      ...(at
        ? { updatedAt: at, history: [...this.result.history, { status: 'processing', at }] }
        : {}),
    };
  };

  private statusLabel(status: string, label: LocalizedText | undefined, lang: UiLang): string {
    const known = statusLookupMessages(lang).statuses[status as DossierStatus];
    return known ?? (pick(label, lang) || status);
  }

  private renderResult(r: DossierStatusResult, lang: UiLang) {
    const msg = statusLookupMessages(lang);
    const title = pick(r.procedure?.title, lang);
    const received = r.receivedAt ? formatInstant(r.receivedAt) : undefined;
    const updated = r.updatedAt ? formatInstant(r.updatedAt) : undefined;
    return html`<section part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${msg.resultHeading}</h3>
      <dl>
        <dt>${msg.dossierCode}</dt>
        <dd>${r.dossierCode}</dd>
        ${
          title
            ? html`<dt>${msg.procedure}</dt>
                <dd>${title}</dd>`
            : nothing
        }
        <dt>${msg.status}</dt>
        <dd>
          <span class="status" part="status">${this.statusLabel(r.status, r.label, lang)}</span>
        </dd>
        ${
          received
            ? html`<dt>${msg.receivedAt}</dt>
                <dd>${received}</dd>`
            : nothing
        }
        ${
          r.expectedResultDate
            ? html`<dt>${msg.expectedResultDate}</dt>
                <dd>${formatDay(r.expectedResultDate)}</dd>`
            : nothing
        }
        ${renderPaymentRows(r.payment, lang, new URL(this.endpoint, document.baseURI).href)}
        ${
          updated
            ? html`<dt>${msg.updatedAt}</dt>
                <dd>${updated}</dd>`
            : nothing
        }
      </dl>
      ${
        r.supplement && this.supplementEndpoint
          ? html`<dvc-supplement
              .request=${r.supplement}
              .code=${this.proof.code}
              .secret=${this.proof.secret}
              endpoint=${this.supplementEndpoint}
              upload-endpoint=${this.uploadEndpoint}
              challenge-endpoint=${this.challengeEndpoint}
              lang=${lang}
              @dvc-supplemented=${this.onSupplemented}
            ></dvc-supplement>`
          : nothing
      }
      <h3>${msg.historyHeading}</h3>
      <ol part="history">
        ${r.history.map(
          (h) =>
            html`<li>
              <strong>${this.statusLabel(h.status, h.label, lang)}</strong>
              <time class="when" datetime=${h.at}>${formatInstant(h.at) ?? h.at}</time>
              ${h.note ? html`<span class="note">${h.note}</span>` : nothing}
            </li>`,
        )}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-status-lookup': DvcStatusLookup;
  }
  interface HTMLElementEventMap {
    'dvc-status': DvcStatusEvent;
  }
}
