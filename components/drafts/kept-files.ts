/**
 * The document files kept with a draft: the finished ones and those chosen and hashed but still
 * uploading, read from the form's upload elements as they change, and put back into those
 * elements when a draft is resumed (a file still uploading is chosen again, so tus continues).
 */
import type { DraftController } from './controller.js';
import { DEFAULT_FILE_CAP_MB, type FileToKeep } from './draft-store.js';
import { DRAFT_PHASE, NOTICE_KIND } from './types.js';
import { inProgressFiles, slotOf, type InProgressFile, type UploadLike } from './uploads.js';

export class DraftFiles {
  constructor(private readonly ctl: DraftController) {}

  onHostChange = (e: Event): void => {
    const upload = e
      .composedPath()
      .find((n): n is UploadLike => n instanceof HTMLElement && n.localName === 'dvc-upload');
    if (upload) void this.keepSlot(upload);
  };

  /**
   * Keeps every slot's files with the draft as it is now: after "Giữ bản khai ở đây" wrote a new
   * draft, the files chosen in this tab are kept with it at once, not when they next change.
   */
  async keepAll(): Promise<void> {
    const withFiles = this.uploads().filter(
      (u) => (u.value ?? []).length > 0 || this.unfinished(u).length > 0,
    );
    await Promise.all(withFiles.map((u) => this.keepSlot(u)));
  }

  /**
   * The form's upload elements, in its light DOM: the form makes them there and a page supplies
   * its own there (components/form/documents.ts). A live collection, read at every form update:
   * it costs nothing while no upload came or went, where a query of the shadow root as well
   * walked every question of the page on each keystroke's update (≈ 0.1–0.4 ms at 1,000).
   */
  private uploadList: HTMLCollectionOf<Element> | undefined;

  private uploads(): UploadLike[] {
    this.uploadList ??= this.ctl.host.getElementsByTagName('dvc-upload');
    return this.uploadList.length ? ([...this.uploadList] as unknown as UploadLike[]) : [];
  }

  /**
   * Hears every re-render of the upload elements: a file chosen and hashed (still uploading) is
   * kept as soon as it is, and forgotten when it is removed — `dvc-change` only tells of
   * finished files.
   */
  watchUploads(): void {
    for (const el of this.uploads()) {
      if (this.watched.has(el) || typeof el.addController !== 'function') continue;
      this.watched.add(el);
      el.addController({ hostUpdated: () => this.onUploadUpdated(el) });
    }
  }

  private unfinished(upload: UploadLike): (InProgressFile & { sha256: string })[] {
    return inProgressFiles(upload).flatMap((f) => {
      const sha256 = f.sha256 ?? this.knownSha.get(f.file);
      return sha256 ? [{ ...f, sha256 }] : [];
    });
  }

  private onUploadUpdated(upload: UploadLike): void {
    if (this.ctl.phase !== DRAFT_PHASE.active || !this.ctl.key) return;
    const sig = this.unfinished(upload)
      .map((f) => `${f.sha256}:${f.size}:${f.name}`)
      .join('|');
    if (sig === (this.unfinishedKept.get(upload) ?? '')) return;
    this.unfinishedKept.set(upload, sig);
    void this.keepSlot(upload);
  }

  /**
   * Keeps a document slot's files with the draft: the finished ones (`value`) and those chosen
   * and hashed but still uploading, read when the write runs so it is never behind the element.
   */
  private async keepSlot(upload: UploadLike): Promise<void> {
    if (this.ctl.phase !== DRAFT_PHASE.active || !this.ctl.key) return;
    const slot = slotOf(upload);
    if (!slot) return;
    const key = this.ctl.key;
    await this.ctl.saving.then(async () => {
      const store = await this.ctl.openStore();
      if (!store || this.ctl.phase !== DRAFT_PHASE.active) return;
      // The name the person sees, when the file is sent under another (a re-encoded portrait).
      const chosen = upload.chosenNames ?? [];
      const files: FileToKeep[] = [
        ...(upload.value ?? []).map((f, i) => ({
          slot,
          name: f.name,
          type: f.type,
          size: f.size,
          sha256: f.sha256,
          ...(f.url ? { url: f.url } : {}),
          ...(f.file ? { file: f.file } : {}),
          ...(chosen[i] && chosen[i] !== f.name ? { chosenName: chosen[i] } : {}),
        })),
        ...this.unfinished(upload).map((f) => ({
          slot,
          name: f.name,
          type: f.type,
          size: f.size,
          sha256: f.sha256,
          file: f.file,
          ...(f.chosenName && f.chosenName !== f.name ? { chosenName: f.chosenName } : {}),
          pending: true,
        })),
      ];
      // The draft record must exist before its files are attached to it.
      clearTimeout(this.ctl.timer);
      this.ctl.timer = undefined;
      await this.ctl.save(true);
      try {
        const { notKept } = await store.keepFiles(key, slot, files, {
          capBytes: (this.ctl.options.fileCapMb?.() ?? DEFAULT_FILE_CAP_MB) * 1024 * 1024,
          writer: this.ctl.tabId,
        });
        if (notKept.length > 0) {
          this.ctl.notify({
            kind: NOTICE_KIND.files,
            role: 'status',
            text: (m) =>
              notKept
                .map((f) =>
                  f.reason === 'too-large' ? m.fileTooLarge(f.name) : m.fileNotKept(f.name),
                )
                .join(' '),
          });
        } else {
          this.ctl.dismiss(NOTICE_KIND.files);
        }
      } catch (cause) {
        this.ctl.storageFailed(cause);
      }
      // The draft's record changed: what was sealed ahead is stale, sealed again.
      this.ctl.ahead.soon();
    });
  }

  applyPendingFiles(): void {
    if (this.pendingFiles.size === 0) return;
    for (const el of this.uploads()) {
      const slot = slotOf(el);
      const files = slot ? this.pendingFiles.get(slot) : undefined;
      if (!files) continue;
      this.pendingFiles.delete(slot);
      const canAdd = typeof el.addFiles === 'function';
      el.value = files.filter((f) => !f.pending || !canAdd).map(({ pending: _p, ...f }) => f);
      // A file that was still uploading is chosen again for the person: the element checks
      // and hashes it, and tus continues the upload the server already has (same hash, size).
      // Under the name the person chose, as a finished file is (`chosenName` in `value`).
      const pending = files.filter((f) => f.pending && canAdd && f.file);
      const again = pending.map((f) => {
        const file = new File([f.file!], f.name, { type: f.type });
        this.knownSha.set(file, f.sha256);
        return file;
      });
      const chosen = pending.map((f) => f.chosenName);
      if (again.length > 0) void el.addFiles!(again, undefined, chosen);
    }
  }

  /** Files waiting for their upload element to appear, by slot. */
  pendingFiles = new Map<string, FileToKeep[]>();

  /** Upload elements this controller hears re-render (to keep files still uploading). */
  private watched = new WeakSet<UploadLike>();

  /** What was last kept of each element's unfinished files (name, size, hash). */
  private unfinishedKept = new WeakMap<UploadLike, string>();

  /** The SHA-256 of files put back from a draft, known before the element hashes them again. */
  private knownSha = new WeakMap<Blob, string>();
}
