/**
 * The result-delivery question on `<dvc-form>`'s review page: holds the choice, renders
 * `<dvc-delivery-choice>`, checks it with src/delivery on submit and gives the payload its
 * normalized `delivery`. Kept out of form.ts so the form only wires it in. The element and the
 * checks load as a lazy chunk (./lazy.ts) the first time a procedure asks.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Procedure } from '../../src/procedure/index.js';
import type { Problem } from '../../src/problem.js';
import type { DeliveryChoice } from '../../src/delivery/index.js';
import type { UiLang } from '../base/i18n.js';
import type { DvcDeliveryChangeEvent, DvcDeliveryChoice } from './delivery-choice.js';

/** The id of the element, the error summary's link target. */
export const DELIVERY_TARGET = 'delivery-choice';

/**
 * Where the choice is kept in a draft's answers (components/drafts), so it is saved, sealed,
 * shared between tabs and put back with them. `@` cannot start a field name, so no question
 * collides with it, and it never reaches the payload's `answers`.
 */
export const DRAFT_DELIVERY_KEY = '@delivery';

const isChoice = (v: unknown): v is DeliveryChoice =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  typeof (v as DeliveryChoice).method === 'string';

type DeliveryProcedure = Pick<Procedure, 'resultDelivery'> & { postage?: number };
type Host = ReactiveControllerHost & HTMLElement & { postage?: number; renderRoot: ParentNode };
type Lazy = typeof import('./lazy.js');

/** Same rule as src/delivery's `asksDelivery`, without loading it: the procedure offers post. */
const asks = (procedure: DeliveryProcedure) => procedure.resultDelivery.includes('post');

export class DeliveryChoiceController implements ReactiveController {
  /** The choice as typed. */
  choice: DeliveryChoice | undefined;
  /** Problems of the last check, shown at the fields until the choice is valid. */
  problems: Problem[] = [];
  private lazy?: Promise<Lazy>;
  /** The last draft answers built, reused while neither the answers nor the choice change. */
  private drafted?: {
    answers: Record<string, unknown>;
    choice: DeliveryChoice | undefined;
    out: Record<string, unknown>;
  };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  private load(): Promise<Lazy> {
    this.lazy ??= import('./lazy.js');
    this.lazy.catch(() => (this.lazy = undefined)); // retry on the next render or submit
    return this.lazy;
  }

  /** The procedure's postage, else the agency's tariff (src/delivery `postageFor`). */
  private postage(procedure: DeliveryProcedure): number | undefined {
    const p = procedure.postage ?? this.host.postage;
    return p !== undefined && Number.isSafeInteger(p) && p >= 0 ? p : undefined;
  }

  /** The question, or nothing when the procedure does not offer post. */
  render(procedure: DeliveryProcedure, lang: UiLang, feeTotal: number) {
    if (!asks(procedure)) return nothing;
    void this.load().catch(() => undefined);
    return html`<dvc-delivery-choice
      id=${DELIVERY_TARGET}
      part="delivery"
      lang=${lang}
      .methods=${procedure.resultDelivery}
      .postage=${this.postage(procedure)}
      .feeTotal=${feeTotal}
      .value=${this.choice}
      .problems=${this.problems}
      @dvc-delivery-change=${(e: DvcDeliveryChangeEvent) => {
        this.choice = structuredClone(e.detail) as DeliveryChoice;
        // Errors already shown update as the person corrects them.
        if (this.problems.length) void this.check(procedure, lang);
        this.host.requestUpdate();
      }}
    ></dvc-delivery-choice>`;
  }

  /** The problems of the current choice (also kept to show them). */
  async check(procedure: DeliveryProcedure, lang: UiLang): Promise<Problem[]> {
    if (!asks(procedure)) return (this.problems = []);
    const { checkDelivery, normalizeDelivery } = await this.load();
    const options = { postage: this.host.postage, lang };
    const normalized = this.choice ? normalizeDelivery(this.choice, procedure, options) : undefined;
    this.problems = checkDelivery(normalized, procedure, options);
    this.host.requestUpdate();
    return this.problems;
  }

  /** The payload's `delivery`, or undefined when the procedure does not ask. */
  async payloadValue(
    procedure: DeliveryProcedure,
    lang: UiLang,
  ): Promise<DeliveryChoice | undefined> {
    if (!asks(procedure) || !this.choice) return undefined;
    const { normalizeDelivery } = await this.load();
    return normalizeDelivery(this.choice, procedure, { postage: this.host.postage, lang });
  }

  /**
   * The answers a draft keeps: the form's answers with the choice beside them. The same object
   * is returned while neither changes (the draft controller saves on a new object).
   */
  draftAnswers(answers: Record<string, unknown>): Record<string, unknown> {
    const d = this.drafted;
    if (d && d.answers === answers && d.choice === this.choice) return d.out;
    const out = this.choice ? { ...answers, [DRAFT_DELIVERY_KEY]: this.choice } : answers;
    this.drafted = { answers, choice: this.choice, out };
    return out;
  }

  /** Takes the choice back out of a draft's answers; returns the form's answers without it. */
  restoreDraft(answers: Record<string, unknown>): Record<string, unknown> {
    const { [DRAFT_DELIVERY_KEY]: kept, ...rest } = answers;
    this.choice = isChoice(kept) ? (structuredClone(kept) as DeliveryChoice) : undefined;
    this.problems = [];
    this.host.requestUpdate();
    return rest;
  }

  focus(): void {
    this.host.renderRoot.querySelector<DvcDeliveryChoice>(`#${DELIVERY_TARGET}`)?.focus();
  }
}
