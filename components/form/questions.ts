/**
 * A question page of `<dvc-form>`: the error summary, progress, heading, each field's element
 * (from the widget registry, components/base/widgets.ts) with its value, error, required and
 * prefilled marks from the session, the documents' slots, and Continue and Back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { FieldUi } from '../../src/procedure/index.js';
import { emptyValueOf, widgetOf } from '../base/widgets.js';
import { documentKey, documentNotes } from './documents.js';
import { loadedEngine } from './engine-link.js';
import { fieldProperties } from './field-properties.js';
import type { DvcForm } from './form.js';
import { localize } from './format.js';
import { fieldId, getPath, groupErrorsOf, pointerToPath, type Page } from './journey.js';

/** The `options` of a question without any (one array, so it never counts as a change). */
const NO_OPTIONS: readonly { value: string; label: string }[] = Object.freeze([]);

export class FormQuestions {
  constructor(private readonly form: DvcForm) {}

  /** "Bước 2 trên 5", or "Bước 2" when the answers can change the count (stepTotal). */
  renderProgress(id: string): TemplateResult {
    const { form } = this;
    return html`<p class="progress" part="progress">
      ${form.msg.progress(
        form.navigation.progressOf(id).index,
        form.session?.model.stepTotal(form.oneQuestion),
      )}
    </p>`;
  }

  renderQuestions(page: Page): TemplateResult {
    const lang = this.form.uiLang;
    // In one-question-per-page mode the step title stays the heading and the progress counts
    // questions; the question itself is the field's label, so it is not read out twice.
    const heading = localize(page.step.title, lang);
    const pages = this.form.pages;
    const first = pages[0]?.id === page.id;
    return html`
      ${this.form.summary.renderSummary()} ${this.renderProgress(page.id)}
      <h2 id="page-heading" part="heading" tabindex="-1">${heading}</h2>
      ${
        page.step.description
          ? html`<p class="description" part="description">
              ${localize(page.step.description, lang)}
            </p>`
          : nothing
      }
      <div
        class="fields"
        @input=${this.form.fieldEvents.onFieldInput}
        @change=${this.form.fieldEvents.onFieldChange}
        @dvc-change=${this.form.fieldEvents.onFieldChange}
        @focusout=${this.form.fieldEvents.onFieldBlur}
        @keydown=${this.form.fieldEvents.onFieldKeydown}
      >
        ${keyed(page.id, this.renderFields(page, lang))}
      </div>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          part="button button-primary"
          @click=${() => void this.form.navigation.onContinue()}
        >
          ${this.form.msg.continue}
        </button>
        ${
          first
            ? nothing
            : html`<button
                type="button"
                class="secondary"
                part="button button-secondary"
                @click=${() => void this.form.navigation.onBack()}
              >
                ${this.form.msg.back}
              </button>`
        }
      </div>
    `;
  }

  /**
   * The page's questions, one flat list: a question with `copyFrom` (1.1) has its offer before it
   * (copy-offer.ts, in the engine chunk). Flat, not a pair per question: each list item is a lit
   * part with its marker comment, and a nested pair made three more of each for every question
   * (4,000 nodes and ≈ 0.3 MB of heap at 1,000 questions, issue 22 round 15).
   */
  private renderFields(page: Page, lang: typeof this.form.uiLang): unknown[] {
    const items: unknown[] = [];
    for (const f of page.fields) {
      if (f.copyFrom) items.push(loadedEngine()!.reuse(this.form, f));
      items.push(this.renderField(f, lang));
    }
    return items;
  }

  isRequired(field: FieldUi): boolean {
    if (!this.form.loaded) return false;
    return (
      !!loadedEngine()?.isSchemaRequired(this.form.loaded.data, field.field) ||
      (this.form.rulesResult?.required.fields.includes(field.field) ?? false)
    );
  }

  isPrefilled(path: string): boolean {
    const pre = getPath(this.form.prefilled, path);
    return (
      pre !== undefined && JSON.stringify(pre) === JSON.stringify(getPath(this.form.answers, path))
    );
  }

  /**
   * One question. `lang` is the form's language, which the page passes once: a form without its
   * own `lang` looks it up through the page's elements, twice per question otherwise.
   */
  renderField(field: FieldUi, lang = this.form.uiLang): unknown {
    if (field.widget === 'file') return this.renderDocument(field);
    // Once every placeholder is its element, no closure per question on each render (a field
    // left renders the page: the keystroke's path).
    if (this.form.lightFirstPage && !this.form.light?.finished) {
      this.form.light ??= new (loadedEngine()!.LightQuestions)(this.form);
      const light = this.form.light.render(field, lang, () => this.renderElement(field, lang));
      // The directive itself, not wrapped: the element later rendered in its place by this
      // method is then the same template in the same part, updated rather than made again.
      if (light) return light;
    }
    return this.renderElement(field, lang);
  }

  /** A question's element (a field's, or a repeat group's) with what the session holds for it. */
  private renderElement(field: FieldUi, lang: typeof this.form.uiLang): TemplateResult {
    const tag = widgetOf(field).tag;
    const path = field.field;
    const value = getPath(this.form.answers, path);
    const problems = this.form.shown.get(path) ?? [];
    const group = field.widget === 'group';
    // A group shows its own problem (too few items…) itself and its items' problems at the items.
    const error = group
      ? (problems.find((p) => pointerToPath(p.path) === path)?.message ?? '')
      : (problems[0]?.message ?? '');
    const groupErrors = group ? groupErrorsOf(path, problems) : {};
    const options = this.optionsOf(field, lang);
    if (group) {
      return html`<dvc-repeat-group
        id=${fieldId(path)}
        data-path=${path}
        .name=${path}
        .label=${localize(field.label, lang)}
        .hint=${localize(field.hint, lang)}
        .error=${live(error)}
        .errors=${groupErrors}
        .value=${this.shownValue(field, value)}
        .fields=${this.groupFields(field)}
        .data=${this.form.loaded!.data}
        .min=${this.itemLimit(path, 'minItems') ?? 0}
        .max=${this.itemLimit(path, 'maxItems')}
        .itemLabel=${localize(field.itemLabel, lang)}
        .addLabel=${localize(field.addLabel, lang)}
        .required=${this.isRequired(field)}
        .prefilled=${this.isPrefilled(path)}
        .lang=${lang}
      ></dvc-repeat-group>`;
    }
    // One binding for the properties and the id and data-path (field-properties.ts), each
    // compared with the element's own, as live() does.
    return staticHtml`<${tag}
      ${fieldProperties(
        {
          name: path,
          label: localize(field.label, lang),
          hint: localize(field.hint, lang),
          placeholder: localize(field.placeholder, lang),
          autocomplete: field.autocomplete ?? '',
          inputmode: field.inputmode ?? '',
          error,
          value: this.shownValue(field, value),
          required: this.isRequired(field),
          prefilled: this.isPrefilled(path),
          options: options ?? NO_OPTIONS,
          lang,
          // Whether it needs a street, which address it offers again (copy-offer.ts).
          ...(field.widget === 'address' && loadedEngine()?.addressProperties(this.form, field)),
        },
        { id: fieldId(path), 'data-path': path },
      )}
    ></${tag}>`;
  }

  /**
   * A question's options in the page's language, the same array from one render to the next:
   * a new array would count as a changed `options` and render the select or radio group again
   * every time the page renders.
   */
  optionsOf(
    field: FieldUi,
    lang = this.form.uiLang,
  ): { value: string; label: string }[] | undefined {
    if (!field.options) return undefined;
    const cached = this.options.get(field);
    if (cached?.lang === lang) return cached.items;
    const items = field.options.map((o) => ({
      value: String(o.value),
      label: localize(o.label, lang),
    }));
    this.options.set(field, { lang, items });
    return items;
  }

  private readonly options = new WeakMap<
    FieldUi,
    { lang: string; items: { value: string; label: string }[] }
  >();

  /** A repeat group's item fields, localised, with `required` from the item schema. */
  groupFields(field: FieldUi) {
    const lang = this.form.uiLang;
    const required = this.form.loaded
      ? (loadedEngine()?.requiredMembers(this.form.loaded.data, `${field.field}[]`) ?? [])
      : [];
    return (field.fields ?? []).map((sub) => ({
      field: sub.field,
      widget: sub.widget,
      label: localize(sub.label, lang),
      hint: localize(sub.hint, lang) || undefined,
      placeholder: localize(sub.placeholder, lang) || undefined,
      autocomplete: sub.autocomplete,
      inputmode: sub.inputmode,
      required: required.includes(sub.field),
      options: sub.options?.map((o) => ({
        value: String(o.value),
        label: localize(o.label, lang),
      })),
    }));
  }

  /** The strictest limit ajv applies (one beside a `$ref` or in an `allOf` branch included). */
  itemLimit(path: string, keyword: 'minItems' | 'maxItems'): number | undefined {
    const n = this.form.loaded
      ? (loadedEngine()?.keywordValues(this.form.loaded.data, path, keyword) ?? []).filter(
          (v) => typeof v === 'number',
        )
      : [];
    return n.length ? Math[keyword === 'minItems' ? 'max' : 'min'](...n) : undefined;
  }

  shownValue(field: FieldUi, value: unknown): unknown {
    if (value === undefined) return this.emptyValue(field);
    if (!field.options?.length) return value;
    return Array.isArray(value) ? value.map(String) : String(value);
  }

  emptyValue(field: FieldUi): unknown {
    return emptyValueOf(field);
  }

  /**
   * A document question: the slot where its `<dvc-upload>` (made by the form in its light DOM,
   * or the host's own element) shows the requirements and takes the files.
   */
  renderDocument(field: FieldUi): TemplateResult {
    const id = field.document ?? field.field;
    const spec = this.form.validator?.procedure.documents.find((d) => d.id === id);
    const msg = this.form.msg;
    // (1.1) Brought to the desk: named with what to do, no upload.
    if (spec?.atDesk === true) {
      // (1.1) The document's requirements as structured flags, in the form's own words.
      const notes = documentNotes(spec, msg);
      return html`<div class="document" part="document-slot" id=${fieldId(documentKey(id))}>
        <p><strong>${localize(spec.title, this.form.uiLang)}</strong></p>
        ${
          spec.description
            ? html`<p class="hint">${localize(spec.description, this.form.uiLang)}</p>`
            : nothing
        }
        <p class="hint" part="document-at-desk">${msg.documentAtDesk}</p>
        ${
          notes.length
            ? html`<ul class="hint" part="document-notes">
                ${notes.map((n) => html`<li>${n}</li>`)}
              </ul>`
            : nothing
        }
      </div>`;
    }
    // An uploaded document's notes are the upload element's own (after its title, describing
    // its buttons): here, above the next document's title, they read as the previous one's.
    return html`<div class="document" part="document-slot" id=${fieldId(documentKey(id))}>
      <slot name="document-${id}"><p class="hint">${msg.documentWillUpload}</p></slot>
    </div>`;
  }
}
