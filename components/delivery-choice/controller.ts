/**
 * The result-delivery question on `<dvc-form>`'s review page: holds the choice, renders
 * `<dvc-delivery-choice>`, checks it with src/delivery on submit and gives the payload its
 * normalized `delivery`. Kept out of form.ts so the form only wires it in.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Procedure } from '../../src/procedure/index.js';
import type { Problem } from '../../src/problem.js';
import {
  asksDelivery,
  checkDelivery,
  normalizeDelivery,
  postageFor,
  type DeliveryChoice,
} from '../../src/delivery/index.js';
import type { UiLang } from '../base/i18n.js';
import './delivery-choice.js';
import type { DvcDeliveryChangeEvent, DvcDeliveryChoice } from './delivery-choice.js';

/** The id of the element, the error summary's link target. */
export const DELIVERY_TARGET = 'delivery-choice';

type DeliveryProcedure = Pick<Procedure, 'resultDelivery'> & { postage?: number };
type Host = ReactiveControllerHost & HTMLElement & { postage?: number; renderRoot: ParentNode };

export class DeliveryChoiceController implements ReactiveController {
  /** The choice as typed (restored by the host from a draft when it has one). */
  choice: DeliveryChoice | undefined;
  /** Problems of the last check, shown at the fields until the choice is valid. */
  problems: Problem[] = [];

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  private options(lang: UiLang) {
    return { postage: this.host.postage, lang };
  }

  /** The question, or nothing when the procedure returns results one way that is not post. */
  render(procedure: DeliveryProcedure, lang: UiLang, feeTotal: number) {
    if (!asksDelivery(procedure)) return nothing;
    return html`<dvc-delivery-choice
      id=${DELIVERY_TARGET}
      part="delivery"
      lang=${lang}
      .methods=${procedure.resultDelivery}
      .postage=${postageFor(procedure, this.options(lang))}
      .feeTotal=${feeTotal}
      .value=${this.choice}
      .problems=${this.problems}
      @dvc-delivery-change=${(e: DvcDeliveryChangeEvent) => {
        this.choice = structuredClone(e.detail) as DeliveryChoice;
        // Errors already shown update as the person corrects them.
        if (this.problems.length) this.check(procedure, lang);
        this.host.requestUpdate();
      }}
    ></dvc-delivery-choice>`;
  }

  /** The problems of the current choice (also kept to show them). */
  check(procedure: DeliveryProcedure, lang: UiLang): Problem[] {
    const normalized = this.choice
      ? normalizeDelivery(this.choice, procedure, this.options(lang))
      : undefined;
    this.problems = checkDelivery(normalized, procedure, this.options(lang));
    this.host.requestUpdate();
    return this.problems;
  }

  /** The payload's `delivery`, or undefined when the procedure does not ask. */
  payloadValue(procedure: DeliveryProcedure, lang: UiLang): DeliveryChoice | undefined {
    if (!asksDelivery(procedure) || !this.choice) return undefined;
    return normalizeDelivery(this.choice, procedure, this.options(lang));
  }

  focus(): void {
    this.host.renderRoot.querySelector<DvcDeliveryChoice>(`#${DELIVERY_TARGET}`)?.focus();
  }
}
