/**
 * The form's first page as plain HTML, built on the server (issue 22 points 1 and 6): a citizen
 * on a slow line can start answering as soon as the page's HTML and CSS have arrived, and
 * `<dvc-form>` adopts what they typed when it is ready (components/form/first-page-adoption.ts).
 *
 * What the page shows is decided by the same engine as the element's: the procedure's model, a
 * session with no answers and its `check()` (which questions the rules hide or require), the
 * same steps in the same order (eligibility first) and the same pages (`ProcedureModel.pages`).
 * Only the words are turned into markup here, from the procedure and FIRST_PAGE_MESSAGES.
 *
 * The procedure is hostile input: every author text goes through `escapeHtml`, in text and in
 * attribute values alike; ids are made from the question's position, never from its path.
 *
 * Widgets: text, textarea, number, phone, email, id number, select, radio and check boxes are
 * plain controls that behave like the element's own (same type, inputmode, autocomplete,
 * required). A date (a text box with a calendar button and a format line), an address (lazy
 * lists of communes), a repeat group and a document cannot be offered plainly without a control
 * that does nothing before the script arrives, so the page stops before the first such question:
 * the questions above it are rendered, and none when it is the first.
 */
import type { FieldUi, Lang, LocalizedText, Procedure } from '../procedure/index.js';
import {
  isSchemaRequired,
  ProcedureModel,
  type Page,
  type ProcedureModelOptions,
} from '../session/index.js';
import { FIRST_PAGE_MESSAGES } from './messages.js';

/** Widgets the first page renders as plain controls (see the module comment for the others). */
export const PLAIN_WIDGETS = [
  'text',
  'textarea',
  'number',
  'phone',
  'email',
  'id-number',
  'select',
  'radio',
  'checkbox',
] as const;

export type PlainWidget = (typeof PLAIN_WIDGETS)[number];

/** One question of the first page, in the page's language. */
export interface FirstPageQuestion {
  path: string;
  widget: PlainWidget;
  label: string;
  hint: string;
  placeholder: string;
  required: boolean;
  autocomplete: string;
  inputmode: string;
  /** A select, radio group or group of check boxes (a checkbox with options). */
  options?: { value: string; label: string }[];
}

/** The first page as `<dvc-form>` will show it. */
export interface FirstPage {
  /**
   * `code@version` of the procedure it was made for: the element still adopts its answers by path
   * when they differ (nothing typed is dropped) and warns in the console that it is out of date.
   */
  procedure: string;
  lang: Lang;
  /** The page's id (the step id, or `<step>/<path>` one question per page). */
  pageId: string;
  /**
   * "Bước 1 trên N": pages plus the review page, as the element counts them; absent when the
   * answers can change it ("Bước 1" alone, ProcedureModel.stepTotal).
   */
  total?: number;
  heading: string;
  description: string;
  questions: FirstPageQuestion[];
  /** The path of the first question that could not be rendered plainly, if any. */
  stoppedAt?: string;
}

export interface FirstPageOptions {
  lang?: Lang;
  /** Today (`YYYY-MM-DD`) for the rules; today in Vietnam by default, as in the element. */
  today?: string;
  /** The element's `one-question-per-page` attribute (the procedure's own setting counts too). */
  oneQuestionPerPage?: boolean;
  /** The compiled validator (`dvc-forms compile`), to skip compiling the schema. */
  compiled?: ProcedureModelOptions['compiled'];
}

function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' && text.en) || text.vi;
}

/** The keyboard the element asks for when the author set none (the fields' defaultInputMode). */
const DEFAULT_INPUTMODE: Partial<Record<PlainWidget, string>> = {
  number: 'decimal',
  phone: 'tel',
  email: 'email',
  'id-number': 'numeric',
};
/** The autocomplete the element sets itself when the author set none. */
const DEFAULT_AUTOCOMPLETE: Partial<Record<PlainWidget, string>> = {
  phone: 'tel',
  email: 'email',
  'id-number': 'off',
  select: 'off',
};

function isPlain(widget: string): widget is PlainWidget {
  return (PLAIN_WIDGETS as readonly string[]).includes(widget);
}

/**
 * The first page of a procedure, decided by its model and an empty session: the page the
 * element opens on (without prefill or a draft, which only the browser knows).
 */
export async function firstPageOf(
  model: ProcedureModel,
  options: FirstPageOptions = {},
): Promise<FirstPage | undefined> {
  const lang = options.lang ?? 'vi';
  const procedure = model.procedure;
  const session = model.createSession({ lang, ...(options.today ? { today: options.today } : {}) });
  const state = await session.check();
  const oneQuestion =
    options.oneQuestionPerPage === true || procedure.ui.oneQuestionPerPage === true;
  const pages: Page[] = model.pages(
    {
      hiddenFields: new Set(state.hidden.fields),
      hiddenDocuments: new Set(state.hidden.documents),
    },
    oneQuestion,
  );
  const page = pages[0];
  if (!page) return undefined;
  const required = new Set(state.required.fields);
  const questions: FirstPageQuestion[] = [];
  let stoppedAt: string | undefined;
  for (const field of page.fields) {
    const widget = field.widget;
    if (!isPlain(widget)) {
      stoppedAt = field.field;
      break;
    }
    questions.push(
      questionOf(field, widget, lang, {
        required: isSchemaRequired(procedure.data, field.field) || required.has(field.field),
      }),
    );
  }
  if (questions.length === 0) return undefined;
  return {
    procedure: `${procedure.code}@${procedure.version}`,
    lang,
    pageId: page.id,
    total: model.stepTotal(oneQuestion),
    heading: localize(page.step.title, lang),
    description: localize(page.step.description, lang),
    questions,
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
  };
}

function questionOf(
  field: FieldUi,
  widget: PlainWidget,
  lang: Lang,
  { required }: { required: boolean },
): FirstPageQuestion {
  return {
    path: field.field,
    widget,
    label: localize(field.label, lang),
    hint: localize(field.hint, lang),
    placeholder: localize(field.placeholder, lang),
    required,
    autocomplete: field.autocomplete ?? DEFAULT_AUTOCOMPLETE[widget] ?? '',
    inputmode: field.inputmode ?? DEFAULT_INPUTMODE[widget] ?? '',
    ...(field.options?.length
      ? {
          options: field.options.map((o) => ({
            value: String(o.value),
            label: localize(o.label, lang),
          })),
        }
      : {}),
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `name="value"` pairs, leaving out empty ones; `true` is a boolean attribute. */
function attrs(list: [string, string | boolean | undefined][]): string {
  return list
    .filter(([, v]) => v !== undefined && v !== '' && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(v as string)}"`))
    .join('');
}

/**
 * The `form` every control names: no element has this id, so the controls belong to no form.
 * CMS pages often wrap the whole page in one `<form>` (ASP.NET Web Forms, portal page builders);
 * the first page sits in its light DOM, where its controls joined that form: the citizen's
 * answers went out with the site's search or postback, Enter in a text box submitted the page
 * (and lost them), and a required radio left blank blocked every submit button of the site.
 * The form's own fields, in shadow roots, never join the page's form.
 */
export const FIRST_PAGE_NO_FORM = 'dvc-first-page-no-form';

/** One question; every class is `dvc-fp-…`, for the page's CSS, and ids come from `index`. */
function renderQuestion(q: FirstPageQuestion, index: number, choose: string): string {
  const id = `dvc-fp-${index}`;
  const hintId = `${id}-hint`;
  const hint = q.hint
    ? `<span class="dvc-fp-hint" id="${hintId}">${escapeHtml(q.hint)}</span>`
    : '';
  const describedBy = q.hint ? hintId : undefined;
  const open = `<div class="dvc-fp-field"${attrs([
    ['data-path', q.path],
    ['data-widget', q.widget],
  ])}>`;
  const choice = (type: 'radio' | 'checkbox', value: string, label: string, i: number) =>
    `<label class="dvc-fp-choice"><input${attrs([
      ['type', type],
      ['id', `${id}-${i}`],
      ['name', q.path],
      ['form', FIRST_PAGE_NO_FORM],
      ['value', value],
    ])} /><span class="dvc-fp-choice-text">${escapeHtml(label)}</span></label>`;
  if (q.widget === 'radio' || (q.widget === 'checkbox' && q.options)) {
    const type = q.widget === 'radio' ? 'radio' : 'checkbox';
    const choices = (q.options ?? []).map((o, i) => choice(type, o.value, o.label, i)).join('');
    // A radio question is a radiogroup carrying `required`, as the form's radio group: a radio's
    // own `required` is not given to assistive technology as required, and marks every radio of
    // an unanswered question invalid before the person did anything.
    return `${open}<fieldset${attrs([
      ['form', FIRST_PAGE_NO_FORM],
      ['role', type === 'radio' ? 'radiogroup' : undefined],
      ['aria-required', type === 'radio' ? String(q.required) : undefined],
      ['aria-describedby', describedBy],
    ])}><legend>${escapeHtml(q.label)}</legend>${hint}${choices}</fieldset></div>`;
  }
  if (q.widget === 'checkbox') {
    return `${open}<label class="dvc-fp-choice"><input${attrs([
      ['type', 'checkbox'],
      ['id', id],
      ['name', q.path],
      ['form', FIRST_PAGE_NO_FORM],
      ['value', 'true'],
      ['required', q.required],
      ['aria-describedby', describedBy],
    ])} /><span class="dvc-fp-choice-text">${escapeHtml(q.label)}</span></label>${hint}</div>`;
  }
  const label = `<label for="${id}">${escapeHtml(q.label)}</label>${hint}`;
  const common: [string, string | boolean | undefined][] = [
    ['id', id],
    ['name', q.path],
    ['form', FIRST_PAGE_NO_FORM],
    ['required', q.required],
    ['autocomplete', q.autocomplete],
  ];
  if (q.widget === 'select') {
    const options = (q.options ?? [])
      .map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`)
      .join('');
    const empty = q.placeholder || choose;
    return `${open}${label}<select${attrs([
      ...common,
      ['aria-describedby', describedBy],
    ])}><option value="">${escapeHtml(empty)}</option>${options}</select></div>`;
  }
  const extra: [string, string | boolean | undefined][] = [
    ['placeholder', q.placeholder],
    ['inputmode', q.inputmode],
    ['spellcheck', q.widget === 'email' || q.widget === 'id-number' ? 'false' : undefined],
    ['aria-describedby', describedBy],
  ];
  if (q.widget === 'textarea') {
    return `${open}${label}<textarea${attrs([...common, ['rows', '5'], ...extra])}></textarea></div>`;
  }
  const type = q.widget === 'phone' ? 'tel' : 'text';
  return `${open}${label}<input${attrs([['type', type], ...common, ...extra])} /></div>`;
}

/**
 * The first page's markup, to put inside `<dvc-form>` (its light DOM): the progress line, the
 * heading and description, the questions, and where Continue will be a notice (role=status) that
 * the form is still loading and needs JavaScript. The page's CSS styles it like the element.
 */
export function renderFirstPage(page: FirstPage): string {
  const msg = FIRST_PAGE_MESSAGES[page.lang];
  const description = page.description
    ? `<p class="dvc-fp-description">${escapeHtml(page.description)}</p>`
    : '';
  return (
    `<div class="dvc-first-page"${attrs([
      ['data-dvc-first-page', page.procedure],
      ['data-page', page.pageId],
      ['lang', page.lang],
    ])}>` +
    `<p class="dvc-fp-progress">${escapeHtml(msg.progress(1, page.total))}</p>` +
    `<h2 class="dvc-fp-heading">${escapeHtml(page.heading)}</h2>${description}` +
    `<div class="dvc-fp-fields">${page.questions.map((q, i) => renderQuestion(q, i, msg.choose)).join('')}</div>` +
    `<p class="dvc-fp-status" role="status">${escapeHtml(msg.loadingNotice)}</p></div>`
  );
}

/** The first page's markup for a procedure already loaded (checked by `loadProcedure`). */
export async function firstPageHtml(
  procedure: Procedure,
  options: FirstPageOptions = {},
): Promise<string | undefined> {
  const model = await ProcedureModel.create(
    procedure,
    options.compiled ? { compiled: options.compiled } : {},
  );
  const page = await firstPageOf(model, options);
  return page && renderFirstPage(page);
}

/**
 * A first-page renderer for one procedure, for a server that serves its page many times: the
 * model (the schema compiled once) is built now, and each call decides the page afresh (the rules
 * may depend on today's date).
 */
export async function firstPageRenderer(
  procedure: Procedure,
  compiled?: FirstPageOptions['compiled'],
): Promise<(options?: FirstPageOptions) => Promise<string | undefined>> {
  const model = await ProcedureModel.create(procedure, compiled ? { compiled } : {});
  return async (options = {}) => {
    const page = await firstPageOf(model, options);
    return page && renderFirstPage(page);
  };
}
