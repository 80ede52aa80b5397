/**
 * What the drafts read from (and give back to) a `<dvc-upload>`: its finished files (`value`)
 * and the files chosen and hashed but not yet on the server, so that a file still uploading when
 * the phone kills the tab comes back after a reload and tus continues it from the server's offset
 * (components/upload/transfer.ts stores the upload URL under the file's SHA-256 and size).
 */
import type { ReactiveController } from 'lit';

/** One finished file of an upload element's value. */
export interface UploadValueEntry {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  file?: Blob;
}

/** A file the element holds that is not finished: being prepared, hashed or uploaded. */
export interface InProgressFile {
  name: string;
  type: string;
  size: number;
  /** Set once hashed. */
  sha256?: string;
  file: Blob;
}

/** The parts of `<dvc-upload>` the drafts use (a host's own element may have only some). */
export interface UploadLike extends HTMLElement {
  spec?: { id: string };
  name: string;
  value: UploadValueEntry[];
  /** Checks, hashes and (with an endpoint) uploads files, as when the person chooses them. */
  addFiles?(files: readonly File[]): Promise<void>;
  /** Lit's controller hook: tells the drafts whenever the element re-renders. */
  addController?(controller: ReactiveController): void;
}

const UNFINISHED_STATES = new Set(['preparing', 'hashing', 'uploading', 'paused', 'failed']);

/**
 * The element's files that are not finished, in its order. `<dvc-upload>` exposes only finished
 * files in `value`, so this reads its item list (`items`: `{ file, name, type, size, status,
 * sha256? }`) defensively; anything of another shape counts as no file in progress, which is the
 * behaviour before this was kept (the person chooses the file again).
 */
export function inProgressFiles(upload: UploadLike): InProgressFile[] {
  const items = (upload as unknown as { items?: unknown }).items;
  if (!Array.isArray(items)) return [];
  const out: InProgressFile[] = [];
  for (const raw of items as Record<string, unknown>[]) {
    if (!raw || typeof raw !== 'object') continue;
    const { file, name, type, size, status, sha256 } = raw;
    if (!(file instanceof Blob) || typeof name !== 'string' || typeof status !== 'string') continue;
    if (!UNFINISHED_STATES.has(status)) continue;
    out.push({
      name,
      type: typeof type === 'string' ? type : file.type,
      size: typeof size === 'number' ? size : file.size,
      ...(typeof sha256 === 'string' && sha256 ? { sha256 } : {}),
      file,
    });
  }
  return out;
}

/** The slot id of an upload element (its document), or '' when it has none. */
export function slotOf(upload: UploadLike): string {
  return upload.spec?.id ?? upload.name ?? '';
}
