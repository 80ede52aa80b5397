/**
 * What the drafts read from (and give back to) a `<dvc-upload>`: its finished files (`value`)
 * and the files chosen and hashed but not yet on the server, so that a file still uploading when
 * the phone kills the tab comes back after a reload and tus continues it from the server's offset
 * (components/upload/transfer.ts stores the upload URL under the file's SHA-256 and size).
 */
import type { ReactiveController } from 'lit';
import type { UnfinishedFile } from '../upload/upload.js';

/** One finished file of an upload element's value. */
export interface UploadValueEntry {
  slot: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  url?: string;
  file?: Blob;
  /**
   * The name the person chose when the file is sent under another (a portrait `anh.png` sent
   * re-encoded as `anh.jpg`): given back with `value` when a draft is resumed.
   */
  chosenName?: string;
}

/** A file the element holds that is not finished (`<dvc-upload>`'s `unfinished`). */
export type InProgressFile = UnfinishedFile;

/** The parts of `<dvc-upload>` the drafts use (a host's own element may have only some). */
export interface UploadLike extends HTMLElement {
  spec?: { id: string };
  name: string;
  value: UploadValueEntry[];
  /** The names the person chose for the files of `value`, in its order (`<dvc-upload>`). */
  readonly chosenNames?: string[];
  /** Files chosen but not finished, with their bytes. */
  readonly unfinished?: InProgressFile[];
  /**
   * Checks, hashes and (with an endpoint) uploads files, as when the person chooses them; each
   * shown under its `chosenNames` entry when given (`<dvc-upload>`).
   */
  addFiles?(
    files: readonly File[],
    replaceKey?: number,
    chosenNames?: readonly (string | undefined)[],
  ): Promise<void>;
  /** Lit's controller hook: tells the drafts whenever the element re-renders. */
  addController?(controller: ReactiveController): void;
}

/**
 * The element's files that are not finished, in its order (`<dvc-upload>`'s `unfinished`). A
 * host's own element without it counts as having no file in progress: the person chooses the
 * file again, as before drafts kept them.
 */
export function inProgressFiles(upload: UploadLike): InProgressFile[] {
  const files = upload.unfinished;
  return Array.isArray(files) ? files.filter((f) => f.file instanceof Blob) : [];
}

/** The slot id of an upload element (its document), or '' when it has none. */
export function slotOf(upload: UploadLike): string {
  return upload.spec?.id ?? upload.name ?? '';
}
