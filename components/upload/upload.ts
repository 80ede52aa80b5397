import { html, nothing, type TemplateResult } from 'lit';
import { showInvalid } from '../base/custom-state.js';
import { customElement, property, state } from 'lit/decorators.js';
import { DvcFieldElement } from '../base/field-element.js';
import { fieldStyles } from '../base/styles.js';
import { type FileProblem } from '../../src/files/index.js';
import { formatList, formatSize } from '../../src/files/index.js';
import {
  FILE_TYPES,
  acceptAttribute,
  acceptedTypes,
  typeLabels,
  type FileType,
} from '../../src/files/index.js';
import type { LocalizedText, UploadedDocumentSpec } from '../../src/procedure/index.js';
import type { PayloadDocument } from '../../src/submission/index.js';
import {
  fileProblemMessage,
  formAndCopies,
  um,
  type UploadLang,
  type UploadMessageKey,
} from './messages.js';
import { uploadStyles } from './upload.styles.js';
import {
  newItemKey,
  UPLOAD_STATUS,
  UploadPipeline,
  type Item,
  type UploadStatus,
} from './pipeline.js';

/** One file of the slot as it goes into the signed payload, plus the bytes for multipart. */
export interface UploadEntry extends PayloadDocument {
  /** The bytes that were hashed (the re-encoded photo for portraits); absent after a restore. */
  file?: Blob;
  /**
   * Given to `value` only (a resumed draft): the name the person chose, shown in place of `name`
   * when the file is sent under another (a portrait `anh.png` sent as `anh.jpg`).
   */
  chosenName?: string;
}

/** A file the element holds that is not finished: being prepared, hashed or uploaded. */
export interface UnfinishedFile {
  /** The name the bytes are sent under. */
  name: string;
  /** The name the person chose, when the file is sent as `name` (a re-encoded portrait). */
  chosenName?: string;
  type: string;
  size: number;
  /** Set once hashed. */
  sha256?: string;
  file: Blob;
}

export { UPLOAD_STATUS, type UploadStatus } from './pipeline.js';

const localize = (text: LocalizedText | undefined, lang: UploadLang) =>
  text ? (lang === 'en' ? (text.en ?? text.vi) : text.vi) : '';

/**
 * @summary One dossier document slot (thành phần hồ sơ): its requirements in plain words, files
 * chosen with a button, the phone camera or drag and drop, checked by content, hashed (SHA-256,
 * streamed) and, with `upload-endpoint`, uploaded with the resumable tus protocol.
 *
 * The value is the document entries of the signed payload, `{ slot, name, type, size, sha256,
 * url? }`, plus `file` (the bytes) for a multipart submission when there is no endpoint. Only
 * files that are completely hashed (and uploaded, with an endpoint) are in the value.
 *
 * @event dvc-change - A file was added (hashed/uploaded) or removed; `detail` is `{name, value}`.
 * @event change - Same moment as `dvc-change`.
 *
 * @csspart label - The legend (document title).
 * @csspart hint - The document's description.
 * @csspart requirements - The list of requirements.
 * @csspart error - The error messages.
 * @csspart drop-zone - The area files can be dropped on.
 * @csspart file - Each chosen file.
 * @csspart progress - Each progress bar.
 *
 * @cssproperty [--dvc-color-drop-bg=#e8f1f8] - Drop zone background while a file is dragged over it.
 */
@customElement('dvc-upload')
export class DvcUpload extends DvcFieldElement<UploadEntry[]> {
  static override styles = [fieldStyles, uploadStyles];

  /**
   * The document slot from the procedure's `documents`: one uploaded online, with its limits (a
   * document brought to the desk has no upload).
   */
  @property({ attribute: false }) spec?: UploadedDocumentSpec;
  /** The agency's tus endpoint; without it files stay in the browser for a multipart submission. */
  @property({ attribute: 'upload-endpoint' }) uploadEndpoint = '';
  /** Milliseconds to wait before each automatic retry of an interrupted upload. */
  @property({ attribute: false }) retryDelays?: number[];
  /** Bytes per upload request (tus PATCH); smaller survives bad networks better. */
  @property({ attribute: false }) chunkSize?: number;
  /** Bytes read per hashing step; the memory a file needs while it is hashed. */
  @property({ attribute: false }) hashChunkSize?: number;

  /** @internal */
  @state() items: Item[] = [];
  /** @internal */
  @state() problems: FileProblem[] = [];
  /** @internal */
  @state() announcement = '';
  @state() private dragging = false;
  private replaceKey?: number;

  // ---- value -----------------------------------------------------------------------------

  /** The finished files as payload document entries (with their bytes in `file`). */
  get value(): UploadEntry[] {
    const slot = this.spec?.id ?? this.name;
    return this.finished.map((i) => ({
      slot,
      name: i.sentName ?? i.name,
      type: i.type,
      size: i.size,
      sha256: i.sha256!,
      ...(i.url ? { url: i.url } : {}),
      file: i.file,
    }));
  }
  set value(entries: UploadEntry[] | null | undefined) {
    for (const item of this.items) this.pipeline.dispose(item);
    this.items = (entries ?? []).map((e) => ({
      key: newItemKey(),
      file: e.file ?? new Blob([]),
      name: e.chosenName ?? e.name,
      ...(e.chosenName ? { sentName: e.name } : {}),
      type: e.type as FileType,
      size: e.size,
      status: UPLOAD_STATUS.done,
      progress: 1,
      sha256: e.sha256,
      ...(e.url ? { url: e.url } : {}),
    }));
    this.problems = [];
    this.requestUpdate('value');
  }

  /** The entries for the payload's `documents`, without the bytes. */
  get documents(): PayloadDocument[] {
    return this.value.map(({ file: _file, ...doc }) => doc);
  }

  /**
   * The names the person gave the files of `documents`, in the same order: what they recognise
   * (a portrait chosen as `anh.png` is sent re-encoded as `anh.jpg`, docs/uploads.md).
   */
  get chosenNames(): string[] {
    return this.finished.map((i) => i.name);
  }

  private get finished(): Item[] {
    return this.items.filter((i) => i.status === UPLOAD_STATUS.done && i.sha256);
  }

  /**
   * The files chosen but not finished (being checked, hashed, uploaded, paused or failed), in
   * their order, with their bytes: what a draft keeps so a reload does not lose them.
   */
  get unfinished(): UnfinishedFile[] {
    return this.items
      .filter((i) => i.status !== UPLOAD_STATUS.done)
      .map((i) => ({
        // The name the bytes are: a re-encoded portrait is checked again under it after a reload,
        // and shown under the name the person chose (`chosenName`, given back to `addFiles`).
        name: i.sentName ?? i.name,
        ...(i.sentName ? { chosenName: i.name } : {}),
        type: i.type,
        size: i.size,
        ...(i.sha256 ? { sha256: i.sha256 } : {}),
        file: i.file,
      }));
  }

  /** Whether a file is still being prepared, hashed or uploaded. */
  get busy(): boolean {
    return this.items.some((i) => i.status !== UPLOAD_STATUS.done);
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Uploads pause (the server keeps the bytes); object URLs are released.
    for (const item of this.items) {
      void item.transfer?.pause();
      item.abort?.abort();
      if (item.thumb) URL.revokeObjectURL(item.thumb);
      item.thumb = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const item of this.items) this.pipeline.ensureThumb(item);
  }

  private get ui(): UploadLang {
    return this.uiLang;
  }

  /** @internal */
  m(key: UploadMessageKey, params?: Record<string, string | number>): string {
    return um(this.ui, key, params);
  }

  private get types(): FileType[] {
    return acceptedTypes(this.spec?.accept ?? []);
  }

  private get docTitle(): string {
    return this.label || localize(this.spec?.title, this.ui);
  }

  // ---- checks and processing -----------------------------------------------------------

  /** Progress callbacks mutate items in place; one render per frame is plenty. */
  /** @internal */
  touch(): void {
    this.requestUpdate();
  }

  /** @internal */
  emitChanged(): void {
    this.requestUpdate();
    void this.updateComplete.then(() => this.emitChange());
  }

  /** Checking, photo preparation, hashing and the tus upload of each file (pipeline.ts). */
  private readonly pipeline = new UploadPipeline(this);

  /**
   * Checks and adds files (from the picker, the camera or a drop). With `replaceKey`, the new
   * file takes the place of that one. `chosenNames[i]`, when given, is the name shown for
   * `files[i]` in place of its own (a draft putting back a re-encoded portrait still uploading:
   * `anh.jpg` shown as `anh.png`, the name the person chose).
   */
  async addFiles(
    files: readonly File[],
    replaceKey?: number,
    chosenNames?: readonly (string | undefined)[],
  ): Promise<void> {
    if (this.isDisabled) return;
    return this.pipeline.addFiles(files, replaceKey, chosenNames);
  }

  // ---- form association ------------------------------------------------------------------

  protected focusTarget(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('#control') ?? null;
  }

  protected formValue(): FormData | null {
    const entries = this.value;
    if (entries.length === 0) return null;
    const data = new FormData();
    const name = this.name || this.spec?.id || 'file';
    for (const e of entries) if (e.file) data.append(name, e.file, e.name);
    return data;
  }

  protected isEmpty(): boolean {
    return this.value.length === 0;
  }

  protected override restoreValue(state: unknown): UploadEntry[] {
    // Files cannot be restored from history; only uploads the server already holds.
    return Array.isArray(state)
      ? (state as UploadEntry[]).filter((e) => typeof e?.url === 'string')
      : [];
  }

  protected override syncForm(): void {
    this.internals.setFormValue(this.formValue(), JSON.stringify(this.documents));
    const anchor = this.focusTarget() ?? undefined;
    if (this.error) this.internals.setValidity({ customError: true }, this.error, anchor);
    else if (this.busy) this.internals.setValidity({ customError: true }, this.m('busy'), anchor);
    else if (this.required && this.isEmpty()) {
      this.internals.setValidity(
        { valueMissing: true },
        this.m('valueMissing', { title: this.docTitle }),
        anchor,
      );
    } else this.internals.setValidity({});
    showInvalid(this, this.internals, Boolean(this.error || this.problems.length));
  }

  // ---- events ----------------------------------------------------------------------------

  private onPick(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const replaceKey = input.id === 'replace' ? this.replaceKey : undefined;
    this.replaceKey = undefined;
    // Clear so choosing the same file again (after removing it) fires change again.
    input.value = '';
    e.stopPropagation();
    void this.addFiles(files, replaceKey);
  }

  private onReplace(item: Item): void {
    this.replaceKey = item.key;
    this.renderRoot.querySelector<HTMLInputElement>('#replace')?.click();
  }

  private onRemove(item: Item): void {
    this.pipeline.removeItem(item);
    this.problems = [];
    void this.updateComplete.then(() => this.focusTarget()?.focus());
  }

  private onDragOver(e: DragEvent): void {
    if (this.isDisabled || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(e: DragEvent): void {
    this.dragging = false;
    if (this.isDisabled || !e.dataTransfer) return;
    e.preventDefault();
    void this.addFiles([...e.dataTransfer.files]);
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const spec = this.spec;
    const types = this.types;
    const accept = acceptAttribute(types);
    const maxFiles = spec?.maxFiles ?? 1;
    const hasError = Boolean(this.error) || this.problems.length > 0;
    // The buttons are described by a hidden copy of the lists in sentences (description()).
    const described = 'described';
    const canCapture = Boolean(spec?.capture) && types.some((t) => t.startsWith('image/'));
    return html`
      <fieldset aria-describedby=${this.spec?.description ? 'hint' : nothing}>
        <legend part="label">${this.docTitle}</legend>
        ${
          spec?.description
            ? html`<span part="hint" class="hint" id="hint"
                >${localize(spec.description, this.ui)}</span
              >`
            : nothing
        }
        ${spec ? this.renderRequirements(spec, types) : nothing}
        <span id="described" hidden>${this.description(spec, types)}</span>
        ${hasError ? this.renderErrors() : nothing}
        <div
          part="drop-zone"
          class="drop ${this.dragging ? 'over' : ''}"
          @dragover=${this.onDragOver}
          @dragleave=${() => (this.dragging = false)}
          @drop=${this.onDrop}
        >
          <span class="chooser">
            <input
              type="file"
              id="control"
              accept=${accept}
              ?multiple=${maxFiles > 1}
              ?disabled=${this.isDisabled}
              ?required=${this.required && this.isEmpty()}
              aria-describedby=${described}
              aria-invalid=${hasError ? 'true' : nothing}
              @change=${this.onPick}
            />
            <label for="control">${this.m(maxFiles > 1 ? 'chooseFiles' : 'chooseFile')}</label>
          </span>
          ${
            canCapture
              ? html`<span class="chooser">
                  <input
                    type="file"
                    id="camera"
                    accept=${acceptAttribute(types.filter((t) => t.startsWith('image/')))}
                    capture=${spec!.capture!}
                    ?disabled=${this.isDisabled}
                    aria-describedby=${described}
                    @change=${this.onPick}
                  />
                  <label for="camera">${this.m('takePhoto')}</label>
                </span>`
              : nothing
          }
          <span class="hint drop-hint">${this.m('dropHere')}</span>
        </div>
        <input
          type="file"
          id="replace"
          hidden
          tabindex="-1"
          accept=${accept}
          @change=${this.onPick}
        />
        ${this.renderFiles()}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </fieldset>
    `;
  }

  /** What a document must be: required or not, its form and copies, types and size, count. */
  private requirements(spec: UploadedDocumentSpec, types: FileType[]): string[] {
    return [
      this.m(this.required || spec.required ? 'required' : 'optional'),
      formAndCopies(spec.form, spec.copies, this.ui),
      this.m('limits', {
        types: formatList(typeLabels(types), this.ui),
        size: formatSize(spec.maxSizeBytes, this.ui),
      }),
      ...(spec.maxFiles > 1 ? [this.m('limitsCount', { max: spec.maxFiles })] : []),
      ...(spec.translation === true ? [this.m('translation')] : []),
      ...(spec.legalisation === true ? [this.m('legalisation')] : []),
    ];
  }

  private errorMessages(): string[] {
    return [this.error, ...this.problems.map((p) => fileProblemMessage(p, this.ui))].filter(
      Boolean,
    );
  }

  /**
   * What the file buttons are described by: the requirements, then each error after "Lỗi:", as
   * sentences. Read from the lists themselves it was one run-on sentence ("Bắt buộc Bản chính,
   * 1 bản PDF hoặc JPG, tối đa 5 MB Lỗi: …"): the description joins list items with spaces
   * only, and the lists show no full stops (nor do error messages: messages.ts). A message that
   * already ends a sentence gets no second full stop.
   */
  private description(spec: UploadedDocumentSpec | undefined, types: FileType[]): string {
    const errors = this.errorMessages().map((text) => `${this.m('errorPrefix')} ${text}`);
    return [...(spec ? this.requirements(spec, types) : []), ...errors]
      .map((text) => (/[.!?…]$/.test(text) ? text : `${text}.`))
      .join(' ');
  }

  private renderRequirements(spec: UploadedDocumentSpec, types: FileType[]): TemplateResult {
    return html`<ul part="requirements" class="requirements" id="requirements">
      ${this.requirements(spec, types).map((text) => html`<li>${text}</li>`)}
    </ul>`;
  }

  private renderErrors(): TemplateResult {
    return html`<ul part="error" class="error errors" id="error">
      ${this.errorMessages().map(
        (text) =>
          html`<li><span class="visually-hidden">${this.m('errorPrefix')} </span>${text}</li>`,
      )}
    </ul>`;
  }

  private renderFiles(): TemplateResult | typeof nothing {
    if (this.items.length === 0) return nothing;
    return html`<ul class="files" aria-label=${this.m('filesHeading')}>
      ${this.items.map((item) => this.renderFile(item))}
    </ul>`;
  }

  private renderFile(item: Item): TemplateResult {
    const measured = item.progress !== undefined;
    const percent = Math.floor((item.progress ?? 0) * 100);
    const statusText: Record<UploadStatus, string> = {
      preparing: this.m('preparing'),
      hashing: measured ? this.m('hashingProgress', { percent }) : this.m('hashing'),
      uploading: this.m('uploading', { percent }),
      paused: this.m('paused', { percent }),
      done: this.m(item.url ? 'uploaded' : 'ready'),
      failed: this.m('uploadFailed', { name: item.name }),
    };
    const showBar =
      item.status === UPLOAD_STATUS.hashing ||
      item.status === UPLOAD_STATUS.uploading ||
      item.status === UPLOAD_STATUS.paused;
    const disabled = this.isDisabled;
    return html`<li part="file" class="file" data-key=${item.key} data-status=${item.status}>
      ${
        item.thumb
          ? html`<img class="thumb" src=${item.thumb} alt="" />`
          : html`<span class="icon" aria-hidden="true">${FILE_TYPES[item.type]?.label ?? ''}</span>`
      }
      <div>
        <p class="name">${item.name}</p>
        <p class="meta">${formatSize(item.size, this.ui)}</p>
        ${
          showBar && measured
            ? html`<progress
                part="progress"
                max="100"
                .value=${percent}
                aria-label=${statusText[item.status]}
              ></progress>`
            : showBar
              ? // No value: an indeterminate bar, announced as busy rather than as 0%.
                html`<progress part="progress" aria-label=${statusText[item.status]}></progress>`
              : nothing
        }
        <p class="status ${item.status === UPLOAD_STATUS.failed ? 'failed' : ''}">
          ${statusText[item.status]}
        </p>
      </div>
      <div class="actions">
        ${
          item.status === UPLOAD_STATUS.uploading && item.transfer
            ? html`<button
                type="button"
                ?disabled=${disabled}
                aria-label=${this.m('pauseFile', { name: item.name })}
                @click=${() => this.pipeline.pause(item)}
              >
                ${this.m('pause')}
              </button>`
            : nothing
        }
        ${
          item.status === UPLOAD_STATUS.paused
            ? html`<button
                type="button"
                ?disabled=${disabled}
                aria-label=${this.m('resumeFile', { name: item.name })}
                @click=${() => this.pipeline.resume(item)}
              >
                ${this.m('resume')}
              </button>`
            : nothing
        }
        ${
          item.status === UPLOAD_STATUS.failed
            ? html`<button
                type="button"
                ?disabled=${disabled}
                aria-label=${this.m('retryFile', { name: item.name })}
                @click=${() => this.pipeline.resume(item)}
              >
                ${this.m('retry')}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="replace"
          ?disabled=${disabled}
          aria-label=${this.m('replaceFile', { name: item.name })}
          @click=${() => this.onReplace(item)}
        >
          ${this.m('replace')}
        </button>
        <button
          type="button"
          class="remove"
          ?disabled=${disabled}
          aria-label=${this.m('removeFile', { name: item.name })}
          @click=${() => this.onRemove(item)}
        >
          ${this.m('remove')}
        </button>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-upload': DvcUpload;
  }
}
