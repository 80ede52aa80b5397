import type { Problem } from '../../src/problem.js';
import type {
  DocumentSpec,
  FieldUi,
  Lang,
  Procedure,
  UploadedDocumentSpec,
} from '../../src/procedure/index.js';
// Through src/files: src/procedure/index.ts also exports the loader, which a form given a compiled
// module must never import (test/components/form/compiled.test.ts).
import { isUploadedDocument } from '../../src/view.js';
import type { PayloadDocument } from '../../src/submission/index.js';
import { documentMessage } from '../upload/document-messages.js';
import type { DvcUpload, UploadEntry } from '../upload/upload.js';
import type { DvcForm } from './form.js';
import type { FormMessages } from './messages.js';

/**
 * The dossier documents of `<dvc-form>`: one `<dvc-upload>` per document a `file` question asks
 * for. The upload elements live in the form's light DOM, each with `slot="document-<id>"`, and
 * the question page only places the matching `<slot>`. A slotted element stays connected while
 * its slot is not rendered, so chosen files, hashes in progress and tus uploads survive moving
 * between pages (a `<dvc-upload>` that is disconnected pauses its upload and aborts hashing).
 *
 * A host may put its own element in a `document-<id>` slot; the form then uses it as it is and
 * reads its `documents` (and `value`, `busy`, `validity` when it has them).
 */

/** Key of a document in the form's map of shown problems (field paths never contain `/`). */
/** (1.1) The document's requirements as structured flags, in the form's own words. */
export function documentNotes(
  spec: DocumentSpec | undefined,
  msg: Pick<FormMessages, 'documentTranslation' | 'documentLegalisation'>,
): string[] {
  return [
    spec?.translation === true ? msg.documentTranslation : '',
    spec?.legalisation === true ? msg.documentLegalisation : '',
  ].filter(Boolean);
}

export function documentKey(id: string): string {
  return `documents/${id}`;
}

/** The document id of a key made by {@link documentKey}, else undefined. */
export function documentIdOfKey(key: string): string | undefined {
  return key.startsWith('documents/') ? key.slice('documents/'.length) : undefined;
}

/** What the form reads from the element in a document slot. */
export interface DocumentSlotElement extends HTMLElement {
  documents?: PayloadDocument[];
  /** The names the person chose for `documents`, in order, when they differ (`<dvc-upload>`). */
  chosenNames?: string[];
  value?: unknown;
  busy?: boolean;
  validity?: ValidityState;
}

/** Problem codes of documents (not answers: `path` is empty, `params.document` names the slot). */
export const DOCUMENT_PROBLEM = {
  /** A required document has no file. */
  missing: 'document-missing',
  /** A file of the document is still being prepared, hashed or uploaded. */
  busy: 'document-busy',
} as const;

/** Marks the upload elements the form made itself (never a host's own element). */
const OWN = 'data-dvc-form-upload';

let uploadLoading: Promise<unknown> | undefined;

/**
 * Defines `<dvc-upload>` (with the tus client and file checks it brings: a lazy chunk of the
 * one-file bundle), once, when a procedure first asks for a document. Elements made before it
 * arrives are upgraded then, keeping the properties already set on them.
 */
export function loadUploadElement(): Promise<unknown> {
  uploadLoading ??= import('../upload/upload.js').catch((cause: unknown) => {
    uploadLoading = undefined;
    console.error('dvc-form: the upload element cannot be loaded', cause);
  });
  return uploadLoading;
}

/** Whether `el` is one of ours still waiting for the upload element's code. */
const awaitingUpgrade = (el: Element) =>
  el.hasAttribute(OWN) && customElements.get('dvc-upload') === undefined;

export interface DocumentSlotState {
  lang: Lang;
  uploadEndpoint: string;
  required(doc: DocumentSpec): boolean;
  error(doc: DocumentSpec): string;
}

export class DocumentSlots {
  private procedure?: Procedure;

  constructor(
    private readonly host: HTMLElement,
    /** Called when a slot's files change (a file finished or was removed). */
    private readonly onChange: (id: string) => void,
  ) {}

  /**
   * Document ids asked for by `file` questions, in the procedure's `documents` order. A document
   * brought to the desk (1.1 `atDesk`) takes no upload, so it has no element.
   */
  static idsOf(procedure: Procedure, fields: readonly FieldUi[]): string[] {
    return DocumentSlots.uploaded(procedure, fields).map((d) => d.id);
  }

  /** The documents `idsOf` names: only uploaded ones, whose limits the upload reads. */
  private static uploaded(
    procedure: Procedure,
    fields: readonly FieldUi[],
  ): UploadedDocumentSpec[] {
    const asked = new Set(
      fields.filter((f) => f.widget === 'file' && f.document).map((f) => f.document!),
    );
    return procedure.documents.filter(
      (d): d is UploadedDocumentSpec => asked.has(d.id) && isUploadedDocument(d),
    );
  }

  /**
   * Makes one `<dvc-upload>` per document asked for in `procedure` (unless the host supplied the
   * slot), dropping the ones made for an earlier procedure: a new procedure starts empty.
   */
  reset(procedure: Procedure, fields: readonly FieldUi[]): void {
    for (const el of this.host.querySelectorAll(`:scope > [${OWN}]`)) el.remove();
    this.procedure = procedure;
    for (const spec of DocumentSlots.uploaded(procedure, fields)) {
      const id = spec.id;
      if (this.element(id)) continue;
      void loadUploadElement();
      const el = document.createElement('dvc-upload');
      el.setAttribute(OWN, '');
      el.slot = `document-${id}`;
      el.name = id;
      el.spec = spec;
      el.addEventListener('dvc-change', () => this.onChange(id));
      this.host.append(el);
    }
  }

  /** Pushes the form's language, endpoint, requirement and error into the elements it made. */
  sync(state: DocumentSlotState): void {
    for (const doc of this.procedure?.documents ?? []) {
      const el = this.element(doc.id);
      if (!el?.hasAttribute(OWN)) continue;
      const upload = el as DvcUpload;
      upload.lang = state.lang;
      upload.uploadEndpoint = state.uploadEndpoint;
      upload.required = state.required(doc);
      upload.error = state.error(doc);
    }
  }

  /** The element in slot `document-<id>`: the host's own, or the one the form made. */
  element(id: string): DocumentSlotElement | undefined {
    for (const el of this.host.children) {
      if (el.getAttribute('slot') === `document-${id}`) return el as DocumentSlotElement;
    }
    return undefined;
  }

  /** The payload's `documents` for the documents `ids`, concatenated in that order. */
  documents(ids: readonly string[]): PayloadDocument[] {
    return ids.flatMap((id) => {
      const list = this.element(id)?.documents;
      return Array.isArray(list) ? list.map((d) => ({ ...d })) : [];
    });
  }

  /**
   * The same entries with their bytes (`file`), for a multipart submission when there is no
   * upload endpoint. Elements without `value` entries contribute their `documents` only.
   */
  files(ids: readonly string[]): UploadEntry[] {
    return ids.flatMap((id) => {
      const el = this.element(id);
      const value = el?.value;
      if (Array.isArray(value) && value.every((e) => e && typeof e === 'object' && 'sha256' in e)) {
        return value as UploadEntry[];
      }
      return Array.isArray(el?.documents) ? el.documents.map((d) => ({ ...d })) : [];
    });
  }

  /**
   * The problems of the documents `ids`, keyed by {@link documentKey}, in that order: a file
   * still on its way ("Vui lòng chờ tải tệp xong"), or a required document without a file
   * ("Vui lòng chọn tệp Giấy chứng sinh").
   */
  problems(
    ids: readonly string[],
    required: (doc: DocumentSpec) => boolean,
    lang: Lang,
  ): Map<string, Problem[]> {
    const out = new Map<string, Problem[]>();
    for (const id of ids) {
      const doc = this.procedure?.documents.find((d) => d.id === id);
      const el = this.element(id);
      if (!doc || !el) continue;
      const title = lang === 'en' ? (doc.title.en ?? doc.title.vi) : doc.title.vi;
      const params = { document: id, title };
      // Until its code has arrived, an upload element counts as a file still being prepared.
      if (el.busy || awaitingUpgrade(el)) {
        out.set(documentKey(id), [
          { code: DOCUMENT_PROBLEM.busy, path: '', message: documentMessage(lang, 'busy'), params },
        ]);
        continue;
      }
      const count = Array.isArray(el.documents) ? el.documents.length : undefined;
      // The form's own error on the element turns its validity into customError, so the count
      // decides for elements that report their documents; validity for the others.
      const missing =
        count !== undefined ? required(doc) && count === 0 : el.validity?.valueMissing === true;
      if (missing) {
        out.set(documentKey(id), [
          {
            code: DOCUMENT_PROBLEM.missing,
            path: '',
            message: documentMessage(lang, 'valueMissing', { title }),
            params,
          },
        ]);
      }
    }
    return out;
  }

  /** Moves focus to the document's file button. */
  focus(id: string): void {
    this.element(id)?.focus();
  }
}

/**
 * The documents of `<dvc-form>`: keeps each visible document's upload element in step with the
 * session's decision (required by a rule, hidden), and gives the pages their problems.
 */
export class FormDocuments {
  /** The `<dvc-upload>` of each document (light DOM, so files survive page changes). */
  readonly slots: DocumentSlots;

  constructor(private readonly form: DvcForm) {
    this.slots = new DocumentSlots(form, (id) => this.onDocumentChange(id));
  }

  /** Whether document `doc` needs a file: always, or because a `require` rule says so now. */
  isDocumentRequired(doc: DocumentSpec): boolean {
    return doc.required || (this.form.rulesResult?.required.documents.includes(doc.id) ?? false);
  }

  syncDocuments(): void {
    this.slots.sync({
      lang: this.form.uiLang,
      uploadEndpoint: this.form.uploadEndpoint,
      required: (doc) => this.isDocumentRequired(doc),
      error: (doc) => this.form.shown.get(documentKey(doc.id))?.[0]?.message ?? '',
    });
  }

  /** Documents asked for by `fields` and not hidden by the rules, in `documents` order. */
  documentIds(fields: readonly FieldUi[]): string[] {
    if (!this.form.loaded) return [];
    const hidden = this.form.visibility.hiddenDocuments;
    return DocumentSlots.idsOf(this.form.loaded, fields).filter((id) => !hidden.has(id));
  }

  /** The documents problems of `fields` merged into `byField`, in the order of `fields`. */
  withDocumentProblems(
    byField: Map<string, Problem[]>,
    fields: readonly FieldUi[],
  ): Map<string, Problem[]> {
    const docs = this.slots.problems(
      this.documentIds(fields),
      (doc) => this.isDocumentRequired(doc),
      this.form.uiLang,
    );
    if (docs.size === 0) return byField;
    const out = new Map<string, Problem[]>();
    for (const f of fields) {
      const key = f.widget === 'file' && f.document ? documentKey(f.document) : f.field;
      const problems = byField.get(f.field) ?? docs.get(key);
      if (problems) out.set(key, problems);
    }
    return out;
  }

  /** A file was added or removed: its error goes, and the review page lists the new files. */
  onDocumentChange(id: string): void {
    const key = documentKey(id);
    if (this.form.shown.has(key)) {
      const next = new Map(this.form.shown);
      next.delete(key);
      this.form.shown = next;
    } else {
      this.form.requestUpdate();
    }
  }
}
