// Picks a result-delivery method on the review page of a <dvc-form> (procedures offering post
// ask it before submitting, components/delivery-choice).
import type { DvcForm } from '../../../components/form/form.js';

/** Chooses `method` when the form asks; returns whether it asked. */
export async function chooseDelivery(el: DvcForm, method = 'in-person'): Promise<boolean> {
  const choice = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
    'dvc-delivery-choice',
  );
  if (!choice) return false;
  // The element is a lazy chunk: wait until it is defined and rendered.
  await customElements.whenDefined('dvc-delivery-choice');
  await choice.updateComplete;
  const radios = choice.shadowRoot!.querySelector('#method')!;
  radios.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${method}"]`)!.click();
  await choice.updateComplete;
  await el.updateComplete;
  return true;
}
