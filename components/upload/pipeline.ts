/**
 * What `<dvc-upload>` does with each file it is given: checks it by content against the
 * document's requirements (src/files), prepares a portrait photo, hashes it (SHA-256, streamed)
 * and, with an upload endpoint, uploads it with tus (transfer.ts), pausing, resuming and
 * cancelling on the person's word. The element renders the items this keeps up to date.
 */
import { FILE_PROBLEM, checkCount, checkFile, type FileProblem } from '../../src/files/index.js';
import { sha256Blob } from '../../src/files/index.js';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES } from '../../src/files/index.js';
import { FILE_TYPE, type FileType } from '../../src/files/index.js';
import { renamePhoto, resizePhoto } from './photo.js';
import { createTransfer, type Transfer } from './transfer.js';
import type { DvcUpload } from './upload.js';

/** Where a file is in its journey from the device to the agency. */
export const UPLOAD_STATUS = {
  preparing: 'preparing',
  hashing: 'hashing',
  uploading: 'uploading',
  paused: 'paused',
  done: 'done',
  failed: 'failed',
} as const;
export type UploadStatus = (typeof UPLOAD_STATUS)[keyof typeof UPLOAD_STATUS];

export interface Item {
  key: number;
  file: Blob;
  /** The name the person chose: the one shown to them. */
  name: string;
  /**
   * The name the file is sent and stored under when re-encoding gave it another type (a portrait
   * `anh.png` sent as `anh.jpg`: docs/uploads.md); absent when it is `name`.
   */
  sentName?: string;
  type: FileType;
  size: number;
  status: UploadStatus;
  /**
   * 0–1 of the current stage (hashing or uploading); undefined while it cannot be measured:
   * files up to 64 MB are hashed by WebCrypto in one step that reports nothing in between.
   */
  progress?: number;
  sha256?: string;
  url?: string;
  thumb?: string;
  transfer?: Transfer;
  abort?: AbortController;
}

/** Types Chromium, Firefox and Safari all decode in `<img>`: thumbnails for these only. */
const PREVIEWABLE: readonly FileType[] = [FILE_TYPE.jpeg, FILE_TYPE.png, FILE_TYPE.webp];
const PHOTO_INPUT: readonly FileType[] = [
  FILE_TYPE.jpeg,
  FILE_TYPE.png,
  FILE_TYPE.webp,
  FILE_TYPE.heic,
  FILE_TYPE.heif,
];

let nextKey = 1;

/** A key for a new item, unique on the page (replace and remove buttons name items by it). */
export function newItemKey(): number {
  return nextKey++;
}

export class UploadPipeline {
  constructor(private readonly host: DvcUpload) {}

  /**
   * Checks and adds files (from the picker, the camera or a drop). With `replaceKey`, the new
   * file takes the place of that one; `chosenNames` as `DvcUpload.addFiles`.
   */
  async addFiles(
    files: readonly File[],
    replaceKey?: number,
    chosenNames?: readonly (string | undefined)[],
  ): Promise<void> {
    const spec = this.host.spec;
    if (!spec || files.length === 0) return;
    const limits = {
      accept: spec.accept,
      maxSizeBytes: spec.maxSizeBytes,
      maxFiles: spec.maxFiles,
    };
    const replacing = replaceKey !== undefined && this.host.items.some((i) => i.key === replaceKey);
    const existing = replacing ? this.host.items.length - 1 : this.host.items.length;
    const tooMany = checkCount(limits, existing, files.length);
    if (tooMany) {
      this.host.problems = [tooMany];
      return;
    }
    const problems: FileProblem[] = [];
    const accepted: Item[] = [];
    for (const [at, file] of files.entries()) {
      let head: Uint8Array;
      let tail: Uint8Array | undefined;
      try {
        head = new Uint8Array(await file.slice(0, SNIFF_HEAD_BYTES).arrayBuffer());
        // ZIP containers list their entries at the end (the central directory).
        if (head[0] === 0x50 && head[1] === 0x4b && file.size > SNIFF_HEAD_BYTES) {
          tail = new Uint8Array(await file.slice(-SNIFF_TAIL_BYTES).arrayBuffer());
        }
      } catch {
        problems.push({ code: FILE_PROBLEM.unreadable, params: { name: file.name } });
        continue;
      }
      const result = checkFile(limits, {
        name: file.name,
        size: file.size,
        type: file.type,
        head,
        ...(tail ? { tail } : {}),
      });
      if (!result.ok) {
        problems.push(result.problem);
        continue;
      }
      // Shown under the name chosen, sent under its own until a portrait's re-encoding names it.
      const chosen = chosenNames?.[at];
      accepted.push({
        key: newItemKey(),
        file,
        name: chosen ?? result.file.name,
        ...(chosen && chosen !== result.file.name ? { sentName: result.file.name } : {}),
        type: result.file.type,
        size: file.size,
        status: spec.photo ? UPLOAD_STATUS.preparing : UPLOAD_STATUS.hashing,
      });
    }
    this.host.problems = problems;
    if (accepted.length === 0) return;
    let items = [...this.host.items];
    if (replacing) {
      const at = items.findIndex((i) => i.key === replaceKey);
      this.dispose(items[at]!);
      items.splice(at, 1, ...accepted);
    } else {
      items = [...items, ...accepted];
    }
    this.host.items = items;
    for (const item of accepted) this.ensureThumb(item);
    this.host.announcement = accepted.map((i) => this.host.m('added', { name: i.name })).join('. ');
    if (replacing) this.host.emitChanged();
    await Promise.all(accepted.map((item) => this.process(item)));
  }

  async process(item: Item): Promise<void> {
    const photo = this.host.spec?.photo;
    if (photo && PHOTO_INPUT.includes(item.type)) {
      try {
        const type = photo.mimeType ?? 'image/jpeg';
        const blob = await resizePhoto(item.file, photo);
        if (!this.has(item)) return;
        item.file = blob;
        item.size = blob.size;
        item.type = type;
        const sent = renamePhoto(item.name, type);
        item.sentName = sent === item.name ? undefined : sent;
        if (item.thumb) URL.revokeObjectURL(item.thumb);
        item.thumb = undefined;
        this.ensureThumb(item);
      } catch {
        // The browser cannot decode it (HEIC outside Safari): the original is sent as chosen.
      }
    }
    await this.hash(item);
  }

  async hash(item: Item): Promise<void> {
    item.status = UPLOAD_STATUS.hashing;
    // Unknown until the hasher reports a step: a one-shot (WebCrypto) hash reports only 0 and
    // the end, and "0%" for the whole check would look stuck on a slow phone.
    item.progress = undefined;
    item.abort = new AbortController();
    this.host.touch();
    try {
      item.sha256 = await sha256Blob(item.file, {
        ...(this.host.hashChunkSize ? { chunkSize: this.host.hashChunkSize } : {}),
        signal: item.abort.signal,
        onProgress: (done, total) => {
          if (done === 0 && total > 0) return;
          item.progress = total ? done / total : 1;
          this.host.touch();
        },
      });
    } catch {
      if (!this.has(item)) return;
      this.host.problems = [
        ...this.host.problems,
        { code: FILE_PROBLEM.unreadable, params: { name: item.name } },
      ];
      this.removeItem(item, false);
      return;
    }
    item.abort = undefined;
    if (!this.has(item)) return;
    if (this.host.uploadEndpoint) await this.upload(item);
    else this.finish(item);
  }

  async upload(item: Item): Promise<void> {
    item.status = UPLOAD_STATUS.uploading;
    item.progress = 0;
    this.host.touch();
    const transfer = await createTransfer({
      endpoint: this.host.uploadEndpoint,
      file: item.file,
      sha256: item.sha256!,
      metadata: {
        filename: item.sentName ?? item.name,
        filetype: item.type,
        slot: this.host.spec?.id ?? this.host.name,
      },
      ...(this.host.chunkSize ? { chunkSize: this.host.chunkSize } : {}),
      ...(this.host.retryDelays ? { retryDelays: this.host.retryDelays } : {}),
      onProgress: (sent, total) => {
        item.progress = total ? sent / total : 1;
        this.host.touch();
      },
      onSuccess: (url) => {
        item.url = url;
        item.transfer = undefined;
        this.finish(item);
      },
      onError: () => {
        item.status = UPLOAD_STATUS.failed;
        this.host.announcement = this.host.m('uploadFailed', { name: item.name });
        this.host.touch();
      },
    });
    if (!this.has(item)) {
      await transfer.cancel();
      return;
    }
    item.transfer = transfer;
    await transfer.start();
  }

  finish(item: Item): void {
    if (!this.has(item)) return;
    item.status = UPLOAD_STATUS.done;
    item.progress = 1;
    this.host.touch();
    this.host.emitChanged();
  }

  pause(item: Item): void {
    if (item.status !== UPLOAD_STATUS.uploading) return;
    void item.transfer?.pause();
    item.status = UPLOAD_STATUS.paused;
    this.host.touch();
  }

  resume(item: Item): void {
    if (item.status !== UPLOAD_STATUS.paused && item.status !== UPLOAD_STATUS.failed) return;
    item.status = UPLOAD_STATUS.uploading;
    this.host.touch();
    if (item.transfer) item.transfer.resume();
    else void this.upload(item);
  }

  has(item: Item): boolean {
    return this.host.items.includes(item);
  }

  dispose(item: Item): void {
    item.abort?.abort();
    // The server may delete what it received: the applicant no longer wants this file.
    void item.transfer?.cancel();
    if (item.thumb) URL.revokeObjectURL(item.thumb);
    item.thumb = undefined;
  }

  ensureThumb(item: Item): void {
    if (!item.thumb && item.file.size > 0 && PREVIEWABLE.includes(item.type)) {
      item.thumb = URL.createObjectURL(item.file);
    }
  }

  removeItem(item: Item, announce = true): void {
    const wasDone = item.status === UPLOAD_STATUS.done;
    this.dispose(item);
    this.host.items = this.host.items.filter((i) => i !== item);
    if (announce) this.host.announcement = this.host.m('removed', { name: item.name });
    if (wasDone) this.host.emitChanged();
  }
}
