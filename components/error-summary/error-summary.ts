import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { errorSummaryStyles } from './error-summary.styles.js';

/** One problem in the summary: `target` is the id of the field it links to (none: plain text). */
export interface ErrorSummaryItem {
  message: string;
  target?: string;
}

export interface ErrorSelectDetail {
  target: string;
}

/**
 * A summary link was chosen. The element that owns the fields (e.g. `<dvc-form>`) cancels it
 * and focuses the field with its `focus()`; when nobody cancels it the summary looks the id up
 * in its own tree and focuses that element.
 */
export class DvcErrorSelectEvent extends Event {
  static readonly eventName = 'dvc-error-select';
  readonly detail: ErrorSelectDetail;
  constructor(detail: ErrorSelectDetail) {
    super(DvcErrorSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/**
 * @summary The GOV.UK error summary: a heading and one link per problem, shown at the top of a
 * page after Continue. It takes focus so screen-reader users hear the problems at once.
 *
 * @csspart summary - The bordered box (focusable, `tabindex=-1`).
 * @csspart heading - The heading ("Có lỗi cần sửa").
 * @csspart list - The list of problems.
 * @csspart link - Each link to a field.
 *
 * @cssproperty [--dvc-color-error=#b3261e] - Border and link colour.
 * @cssproperty [--dvc-color-focus=#ffbf47] - Focus colour.
 * @cssproperty [--dvc-color-focus-text=#0b0c0c] - Text colour of a focused link.
 * @cssproperty [--dvc-space-l=1.5em] - Space after the summary.
 *
 * @event dvc-error-select - A link was chosen; `detail.target` is the field id. Cancelable.
 */
@customElement('dvc-error-summary')
export class DvcErrorSummary extends LitElement {
  static override styles = errorSummaryStyles;

  /** The heading text, from the host's message catalog. */
  @property() heading = '';
  /** The problems, in page order. */
  @property({ attribute: false }) items: ErrorSummaryItem[] = [];

  @query('.summary') private box?: HTMLElement;

  /** Moves focus to the summary box so its heading and links are read out. */
  override focus(options?: FocusOptions): void {
    this.box?.focus(options);
  }

  private select(e: Event, target: string): void {
    e.preventDefault();
    const event = new DvcErrorSelectEvent({ target });
    if (!this.dispatchEvent(event)) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const el = root.getElementById?.(target);
    if (el instanceof HTMLElement) el.focus();
  }

  override render() {
    if (this.items.length === 0) return nothing;
    return html`
      <div class="summary" part="summary" tabindex="-1" aria-labelledby="heading">
        <div role="alert">
          <h2 id="heading" part="heading">${this.heading}</h2>
          <ul part="list">
            ${this.items.map((item) =>
              item.target
                ? html`<li>
                    <a
                      part="link"
                      href="#${item.target}"
                      @click=${(e: Event) => this.select(e, item.target!)}
                      >${item.message}</a
                    >
                  </li>`
                : html`<li><span class="plain">${item.message}</span></li>`,
            )}
          </ul>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-error-summary': DvcErrorSummary;
  }
  interface HTMLElementEventMap {
    'dvc-error-select': DvcErrorSelectEvent;
  }
}
