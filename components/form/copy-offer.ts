/**
 * A question's `copyFrom` (format 1.1) in `<dvc-form>`: while the question is empty and the
 * question it names is answered (shown, and with no problem), one button above it offers that
 * answer, "Dùng lại câu trả lời đã khai ở “…”", so nobody types again what they gave a page ago
 * (WCAG 2.2 SC 3.3.7 Redundant Entry). Pressing it is an ordinary change: the answer goes into
 * the session as typing does (drafts save it, the rules run, the question is validated), and
 * focus moves into the question, as the button is gone. An answered question (typed, chosen,
 * prefilled) is never offered one, so the copy never overwrites what the person gave. Format 1.2:
 * a `copyFrom` with a `when` is offered only while the rules say it holds (`copyOffers`). In the
 * form's engine chunk (engine.ts): the core only asks for the offer of each question.
 *
 * An address question whose source is above it on the same page is offered the copy by the
 * address field's own button (`<dvc-address-field>`, which offers the nearest complete address
 * above when the question names none): the form tells it which address, from the same verdict,
 * so the button too is there only while the `when` holds (addressProperties). A question with a
 * `copyFrom` is offered that answer and no other: the author named the address that belongs here
 * (the requester's, when the requester is the mother), and the condition says when it does. When
 * it does not, another address above (the father's, the mother's workplace) is no better guess:
 * a button naming it would read as the form's advice where the author gave none, so the citizen
 * types the address. Questions without a `copyFrom` keep the nearest-address offer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldUi } from '../../src/procedure/index.js';
// Not from the procedure barrel: a value imported from it would pull the loader into this chunk.
import { copySource } from '../../src/rules/index.js';
import { getAt, isAnswered, isSchemaRequired, isWithinPath } from '../../src/session/index.js';
import type { DvcForm } from './form.js';
import { localize } from './format.js';
import { COPY_MESSAGES } from './copy-messages.js';

/** The forms already listening for the answers their offers depend on. */
const watched = new WeakSet<DvcForm>();
/** The rules' (1.2) `copyOffers` each form's page was last rendered with. */
const rendered = new WeakMap<DvcForm, string>();
const offersKey = (form: DvcForm): string => String(form.rulesResult?.copyOffers);

/**
 * The page is not rendered again for a typed answer (field-events.ts), but an offer comes and
 * goes with its question's and its source's answers: a committed change of either renders the
 * page again, once a press under way has completed (the button does not vanish under a finger
 * pressing it; a press on a gone offer copies nothing over the new answer, copyAnswer). A 1.2
 * `when` may read any answer: once the rules have decided a change, the page renders again when
 * the offers they allow are not those it shows.
 */
function watch(form: DvcForm): void {
  if (watched.has(form)) return;
  watched.add(form);
  const again = (e: Event): void => {
    const path = (e.target as HTMLElement).dataset?.path;
    if (!path) return;
    const fields = form.fieldsIn(form.steps).map((x) => x.field);
    if (fields.some((f) => f.copyFrom && (f.field === path || copySource(f) === path)))
      form.fieldEvents.press.afterPress(() => form.requestUpdate());
    if (form.rulesResult?.copyOffers)
      void form.rulesPending.then(() => {
        if (offersKey(form) !== rendered.get(form))
          form.fieldEvents.press.afterPress(() => form.requestUpdate());
      });
  };
  for (const type of ['change', 'dvc-change']) form.renderRoot.addEventListener(type, again);
}

/** Whether the rules allow `field`'s copy now: a 1.1 `copyFrom` always, a 1.2 `when` while it holds. */
const allowed = (form: DvcForm, field: FieldUi): boolean =>
  typeof field.copyFrom !== 'object' || !!form.rulesResult?.copyOffers?.includes(field.field);

/** Whether `source` is an address above `field` on the page, offered by the address field. */
const offeredByAddress = (form: DvcForm, field: FieldUi, source: FieldUi): boolean =>
  field.widget === 'address' && !!form.currentPage?.fields.includes(source);

/**
 * An address question's properties from the procedure: whether it needs a street, and (a
 * question with a `copyFrom`) the address its own button offers: the source while the rules allow
 * it and it is on this page, none otherwise (the offer above it, or none, see the top).
 */
export function addressProperties(
  form: DvcForm,
  field: FieldUi,
): { streetOptional: boolean; reuseFrom: string | undefined } {
  const from = copySource(field);
  const source = from === undefined ? undefined : form.fieldAt(from);
  return {
    // A place (a hometown) needs no street: not announced as required (WCAG 4.1.2).
    streetOptional: !isSchemaRequired(form.loaded!.data, `${field.field}.street`),
    reuseFrom:
      from === undefined
        ? undefined
        : source && allowed(form, field) && offeredByAddress(form, field, source)
          ? from
          : '',
  };
}

/** The offer above `field` on a page of `form`, or nothing. */
export function copyOffer(form: DvcForm, field: FieldUi): TemplateResult | typeof nothing {
  const from = copySource(field);
  const session = form.session;
  if (!from || !session) return nothing;
  watch(form);
  rendered.set(form, offersKey(form));
  const answers = form.answers;
  const value = getAt(answers, from);
  const source = form.fieldAt(from);
  const hidden = form.rulesResult?.hidden.fields ?? [];
  if (
    !source ||
    !allowed(form, field) ||
    isAnswered(getAt(answers, field.field)) ||
    !isAnswered(value) ||
    hidden.some((h) => isWithinPath(from, h)) ||
    offeredByAddress(form, field, source)
  )
    return nothing;
  session.setLang(form.uiLang);
  if (session.problemsFor(from).length > 0) return nothing;
  const lang = form.uiLang;
  const msg = COPY_MESSAGES[lang];
  const kind = field.widget === 'address' || field.widget === 'group' ? field.widget : 'answer';
  const text = `${msg[kind]} “${localize(source.label, lang)}”`;
  return html`<p class="copy-offer">
    <button
      type="button"
      class="secondary"
      part="button button-secondary copy-offer"
      aria-label=${`${text} ${msg.for} “${localize(field.label, lang)}”`}
      @click=${() => void copyAnswer(form, field.field, value)}
    >
      ${text}
    </button>
  </p>`;
}

/** Copies `value` into `path` as the person's own change, then focuses that question. */
async function copyAnswer(form: DvcForm, path: string, value: unknown): Promise<void> {
  // The page may have changed under a slow press: never overwrite an answer given meanwhile.
  if (isAnswered(getAt(form.answers, path))) return;
  const events = form.fieldEvents;
  events.edited.add(path);
  events.setAnswer(path, structuredClone(value));
  form.requestUpdate();
  await form.evaluateRules();
  await form.updateComplete;
  events.showFieldProblems(path);
  form.renderRoot.querySelector<HTMLElement>(`[data-path="${path}"]`)?.focus();
}
