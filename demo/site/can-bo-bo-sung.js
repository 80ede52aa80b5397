// Clerk page: "Yêu cầu bổ sung" — ask the applicant for specific answers and documents with a
// note (POST /api/clerk/dossiers/:code/supplement-requests), and show a dossier's requests and
// the supplements received (GET …/supplements, audited). A separate module so the clerk page can
// change around it; runs under the strict CSP (DOM APIs only, no innerHTML).
import { vnDate, vnTime } from './can-bo-common.js';
import { SUPPLEMENT_STATUS, deskText } from './can-bo-messages.js';

/** @typedef {(path: string, init?: RequestInit & { json?: unknown }) => Promise<any>} Api */
/**
 * A request not sent yet: what was ticked and typed.
 * @typedef {{ fields: string[], documents: string[], note: string }} SupplementDraft
 */

/** @type {Map<string, Promise<any>>} */
const procedures = new Map();

/**
 * The procedure file a dossier was made with (its questions and documents, as served).
 * @param {{ code: string, version: string }} p
 */
function procedureFile(p) {
  const key = `${p.code}@${p.version}`;
  let found = procedures.get(key);
  if (!found) {
    found = fetch('/api/procedures')
      .then((r) => r.json())
      .then(({ procedures: list }) => {
        const entry = list.find(
          (/** @type {any} */ e) => e.code === p.code && e.version === p.version,
        );
        if (!entry) throw new Error(deskText('supplementNoProcedure'));
        return fetch(entry.url).then((r) => r.json());
      });
    found.catch(() => procedures.delete(key));
    procedures.set(key, found);
  }
  return found;
}

/** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node | string)[]} [children] */
function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * A checkbox per item in a fieldset.
 * @param {string} legend
 * @param {string} name
 * @param {{ value: string, label: string }[]} items
 */
function choices(legend, name, items) {
  return el('fieldset', { class: 'supplement-choices' }, [
    el('legend', {}, [legend]),
    // Its error, said at the group and read with each box (fieldProblems).
    el('p', { class: 'error', id: `${name}-error`, hidden: '' }),
    ...items.map((item, i) => {
      const id = `${name}-${i}`;
      return el('div', { class: 'choice' }, [
        el('input', { type: 'checkbox', id, name, value: item.value }),
        el('label', { for: id }, [item.label]),
      ]);
    }),
  ]);
}

/**
 * Opens the request dialog; resolves true once the request was made (the dossier then waits in
 * "Cần bổ sung hồ sơ"), false when the clerk cancelled.
 * @param {string} code
 * @param {{ code: string, version: string }} procedureRef
 * @param {Api} api the clerk page's API call (session cookie, CSRF token)
 * @param {SupplementDraft} [draft] what the clerk had ticked and typed before their session ended
 * @returns {Promise<boolean>} rejects when the session ended (401), the form's content as the
 *   error's `supplementDraft`, for the page to give back after the next log-in
 */
export async function requestSupplement(code, procedureRef, api, draft) {
  const procedure = await procedureFile(procedureRef);
  const questions = procedure.ui.steps.flatMap((/** @type {any} */ s) =>
    s.fields.filter((/** @type {any} */ f) => f.widget !== 'file' && f.widget !== 'group'),
  );
  const headingId = 'supplement-dialog-heading';
  // Focused when it says what is wrong: on a long procedure it is far above the send button.
  const error = el('div', { role: 'alert', class: 'supplement-error', tabindex: '-1' });
  const note = /** @type {HTMLTextAreaElement} */ (
    el('textarea', { id: 'supplement-note', name: 'note', rows: '4', maxlength: '1000' })
  );
  const noteError = el('p', { class: 'error', id: 'supplement-note-error', hidden: '' });
  const send = el('button', { type: 'submit' }, [deskText('supplementSend')]);
  const cancel = el('button', { type: 'button', class: 'secondary' }, [deskText('cancel')]);
  const form = /** @type {HTMLFormElement} */ (
    el('form', { method: 'dialog', novalidate: '' }, [
      el('h2', { id: headingId }, [deskText('supplementHeading', { code })]),
      el('p', {}, [deskText('supplementIntro')]),
      error,
      choices(
        deskText('supplementFields'),
        'supplement-field',
        questions.map((/** @type {any} */ f) => ({ value: f.field, label: f.label.vi })),
      ),
      choices(
        deskText('supplementDocuments'),
        'supplement-document',
        procedure.documents.map((/** @type {any} */ d) => ({ value: d.id, label: d.title.vi })),
      ),
      el('label', { for: 'supplement-note' }, [deskText('supplementNote')]),
      noteError,
      note,
      el('div', { class: 'actions' }, [send, cancel]),
    ])
  );
  const dialog = /** @type {HTMLDialogElement} */ (
    el('dialog', { 'aria-labelledby': headingId, class: 'supplement-dialog' }, [form])
  );
  if (draft) {
    for (const input of form.querySelectorAll('input[type="checkbox"]')) {
      const box = /** @type {HTMLInputElement} */ (input);
      const kept = box.name === 'supplement-field' ? draft.fields : draft.documents;
      box.checked = kept.includes(box.value);
    }
    note.value = draft.note;
  }
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve, reject) => {
    const close = (/** @type {boolean} */ done) => {
      dialog.close();
      dialog.remove();
      resolve(done);
    };
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', () => close(false));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      fieldProblems(form, []);
      const checked = (/** @type {string} */ name) =>
        [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(
          (i) => /** @type {HTMLInputElement} */ (i).value,
        );
      try {
        await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/supplement-requests`, {
          method: 'POST',
          json: {
            items: {
              fields: checked('supplement-field'),
              documents: checked('supplement-document'),
            },
            note: note.value,
          },
        });
        close(true);
      } catch (e) {
        if (/** @type {any} */ (e).problem?.status === 401) {
          // The session ended: the page signs out; what was ticked and typed is kept for later.
          const supplementDraft = {
            fields: checked('supplement-field'),
            documents: checked('supplement-document'),
            note: note.value,
          };
          dialog.close();
          dialog.remove();
          reject(Object.assign(/** @type {Error} */ (e), { supplementDraft }));
          return;
        }
        // The receiver's problems, in Vietnamese (e.g. "Chọn ít nhất một giấy tờ…").
        const errors = /** @type {any} */ (e).problem?.errors;
        error.replaceChildren(
          ...(Array.isArray(errors) && errors.length
            ? errors.map((/** @type {any} */ x) => el('p', {}, [String(x.message)]))
            : [el('p', {}, [/** @type {Error} */ (e).message])]),
        );
        fieldProblems(form, Array.isArray(errors) ? errors : []);
        error.focus();
      }
    });
  });
}

/**
 * Ties each of the receiver's problems to its control (a path `fields/…`, `documents/…`, `note`;
 * `` for the whole request, i.e. both groups): its words beside it, and `aria-invalid` with
 * `aria-describedby` on the note and on every box of the group. `[]` clears them all.
 * @param {HTMLFormElement} form
 * @param {{ path?: string, message?: string }[]} problems
 */
function fieldProblems(form, problems) {
  for (const [name, owns] of /** @type {[string, (path: string) => boolean][]} */ ([
    ['supplement-field', (p) => p === '' || p === 'fields' || p.startsWith('fields/')],
    ['supplement-document', (p) => p === '' || p === 'documents' || p.startsWith('documents/')],
    ['supplement-note', (p) => p === 'note'],
  ])) {
    const said = [
      ...new Set(problems.filter((x) => owns(String(x.path ?? '-'))).map((x) => String(x.message))),
    ];
    const error = /** @type {HTMLElement} */ (form.querySelector(`#${name}-error`));
    error.textContent = said.length ? deskText('fieldError', { text: said.join(' ') }) : '';
    error.hidden = !said.length;
    const controls =
      name === 'supplement-note'
        ? form.querySelectorAll('#supplement-note')
        : form.querySelectorAll(`input[name="${name}"]`);
    for (const c of controls) {
      if (said.length) {
        c.setAttribute('aria-invalid', 'true');
        c.setAttribute('aria-describedby', error.id);
      } else {
        c.removeAttribute('aria-invalid');
        c.removeAttribute('aria-describedby');
      }
    }
  }
}

/**
 * Every question of a procedure by its answer's path (groups' fields included).
 * @param {any} procedure
 * @returns {Map<string, any>}
 */
function questionsOf(procedure) {
  /** @type {Map<string, any>} */
  const byPath = new Map();
  /** @param {any[]} fields */
  const walk = (fields) => {
    for (const f of fields ?? []) {
      if (typeof f?.field === 'string') byPath.set(f.field, f);
      if (Array.isArray(f?.fields)) walk(f.fields);
    }
  };
  for (const step of procedure?.ui?.steps ?? []) walk(step.fields);
  return byPath;
}

/**
 * An answer as the clerk reads it: the question's words, and a choice's label rather than its
 * stored value (`true`, `kinh`…), each of a list's choices, a date as dd/mm/yyyy and an address
 * as the desk writes one (its units' codes, as on the delivery line), never the stored JSON
 * (`{"commune":"00004",…}`); the path and the raw value only when the procedure has none.
 * @param {Map<string, any>} questions
 * @param {string} path
 * @param {unknown} value
 */
function answerText(questions, path, value) {
  const q = questions.get(path);
  /** @param {unknown} v */
  const choice = (v) =>
    Array.isArray(q?.options)
      ? q.options.find((/** @type {any} */ o) => o.value === v)?.label?.vi
      : undefined;
  /** @param {any} v @returns {string} */
  const text = (v) => {
    const label = choice(v);
    if (label !== undefined) return label;
    if (Array.isArray(v)) return v.map(text).join(', ');
    if (q?.widget === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      return vnDate(v);
    if (q?.widget === 'address' && v && typeof v === 'object')
      return deskText(v.street ? 'addressCodes' : 'addressCodesNoStreet', {
        street: v.street ?? '',
        commune: v.commune ?? '',
        province: v.province ?? '',
      });
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  return [q?.label?.vi ?? path, text(value)];
}

/**
 * The dossier's supplement requests and what the applicant sent, for the dossier view.
 * @param {string} code
 * @param {Api} api
 * @param {any} [procedure] the dossier's procedure file: the questions' words for the answers
 * @returns {Promise<HTMLElement | undefined>} nothing when no supplement was ever asked
 */
export async function supplementsView(code, api, procedure) {
  const { supplements } = await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/supplements`);
  if (!supplements?.length) return undefined;
  const questions = questionsOf(procedure);
  const list = el('ol', { class: 'supplements' });
  for (const s of supplements) {
    const li = el('li', {}, [
      el('p', {}, [
        deskText('supplementAsked', { at: vnTime(s.requestedAt), by: s.requestedBy }),
        el('strong', {}, [
          SUPPLEMENT_STATUS[/** @type {keyof typeof SUPPLEMENT_STATUS} */ (s.status)] ?? s.status,
        ]),
      ]),
      el('p', {}, [deskText('supplementAskedNote', { note: s.note })]),
    ]);
    if (s.payload) {
      const answers = el('dl', {});
      for (const [path, value] of Object.entries(s.payload.answers ?? {})) {
        const [question, answer] = answerText(questions, path, value);
        answers.append(el('dt', {}, [question]), el('dd', {}, [answer]));
      }
      li.append(
        el('p', {}, [deskText('supplementAnswered', { at: vnTime(s.answeredAt) })]),
        answers,
      );
      const files = el('ul', {});
      for (const f of s.files ?? []) {
        const a = el(
          'a',
          {
            href: `/api/clerk/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(f.id)}`,
          },
          [f.name || f.id],
        );
        files.append(el('li', {}, [a]));
      }
      if (s.files?.length) li.append(files);
    }
    list.append(li);
  }
  return el('section', { class: 'supplements-view' }, [
    el('h3', {}, [deskText('supplements')]),
    list,
  ]);
}
