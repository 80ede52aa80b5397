/**
 * Built-in strings of `<dvc-upload>`, Vietnamese first. Plain and polite in the GOV.UK style the
 * project follows: error messages name the file and say what it must be, without a full stop.
 * File names and type lists arrive already cleaned and formatted (src/files); `{name}`
 * placeholders are filled as text only, never as markup.
 *
 * DOM-free on purpose: the agency's server and the Node tests use the same catalog.
 */
import type { FileProblem, FileProblemCode } from '../../src/files/index.js';
import { formatList, formatSize } from '../../src/files/index.js';
import type { DocumentForm } from '../../src/procedure/index.js';
import { documentMessages } from './document-messages.js';

export type UploadLang = 'vi' | 'en';

const vi = {
  chooseFile: 'Chọn tệp',
  chooseFiles: 'Chọn tệp',
  takePhoto: 'Chụp ảnh',
  dropHere: 'hoặc kéo và thả tệp vào đây',
  required: 'Bắt buộc',
  optional: 'Không bắt buộc',
  copies: '{form}, {count} bản',
  limits: '{types}, tối đa {size}',
  limitsCount: 'Tối đa {max} tệp',
  // The same words as the form's document notes (components/form/messages.ts), shown here so
  // that they follow the document's title and describe its buttons.
  translation: 'Nếu giấy tờ không bằng tiếng Việt, nộp kèm bản dịch sang tiếng Việt có chứng thực.',
  legalisation:
    'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế.',
  noFiles: 'Chưa chọn tệp nào',
  filesHeading: 'Tệp đã chọn',
  remove: 'Xoá',
  removeFile: 'Xoá tệp {name}',
  replace: 'Thay tệp',
  replaceFile: 'Thay tệp {name}',
  pause: 'Tạm dừng',
  pauseFile: 'Tạm dừng tải lên tệp {name}',
  resume: 'Tiếp tục',
  resumeFile: 'Tiếp tục tải lên tệp {name}',
  retry: 'Thử lại',
  retryFile: 'Thử lại tải lên tệp {name}',
  preparing: 'Đang chuẩn bị ảnh…',
  hashing: 'Đang kiểm tra tệp…',
  hashingProgress: 'Đang kiểm tra tệp… {percent}%',
  uploading: 'Đang tải lên… {percent}%',
  paused: 'Đã tạm dừng ở {percent}%',
  ready: 'Đã sẵn sàng để gửi',
  uploaded: 'Đã tải lên',
  uploadFailed: 'Chưa tải lên được tệp {name}. Vui lòng thử lại',
  added: 'Đã thêm tệp {name}',
  removed: 'Đã xoá tệp {name}',
  ...documentMessages.vi,
  errorPrefix: 'Lỗi:',
  formOriginal: 'Bản chính',
  formCopy: 'Bản sao',
  formCertifiedCopy: 'Bản sao có chứng thực',
  formElectronic: 'Bản điện tử',

  'file-empty': 'Tệp ‘{name}’ trống',
  'file-too-large': 'Tệp ‘{name}’ phải nhỏ hơn {size}',
  'file-too-many': 'Chỉ được chọn tối đa {max} tệp',
  'file-type-not-accepted': 'Tệp ‘{name}’ phải là {types}',
  'file-content-mismatch': 'Nội dung tệp ‘{name}’ không phải là {expected}',
  'file-unreadable': 'Không đọc được tệp ‘{name}’. Vui lòng chọn lại tệp',
} as const;

export type UploadMessageKey = keyof typeof vi;

const en: Record<UploadMessageKey, string> = {
  chooseFile: 'Choose file',
  chooseFiles: 'Choose files',
  takePhoto: 'Take a photo',
  dropHere: 'or drag and drop files here',
  required: 'Required',
  optional: 'Optional',
  copies: '{form}, {count} {copiesWord}',
  limits: '{types}, up to {size}',
  limitsCount: 'Up to {max} {filesWord}',
  translation: 'If the document is not in Vietnamese, add a certified Vietnamese translation.',
  legalisation:
    'A document issued by a foreign authority must be consular-legalised, unless a treaty exempts it.',
  noFiles: 'No file chosen',
  filesHeading: 'Files chosen',
  remove: 'Remove',
  removeFile: 'Remove file {name}',
  replace: 'Replace',
  replaceFile: 'Replace file {name}',
  pause: 'Pause',
  pauseFile: 'Pause uploading {name}',
  resume: 'Resume',
  resumeFile: 'Resume uploading {name}',
  retry: 'Try again',
  retryFile: 'Try again to upload {name}',
  preparing: 'Preparing the photo…',
  hashing: 'Checking the file…',
  hashingProgress: 'Checking the file… {percent}%',
  uploading: 'Uploading… {percent}%',
  paused: 'Paused at {percent}%',
  ready: 'Ready to send',
  uploaded: 'Uploaded',
  uploadFailed: 'The file {name} could not be uploaded. Try again',
  added: 'Added file {name}',
  removed: 'Removed file {name}',
  ...documentMessages.en,
  errorPrefix: 'Error:',
  formOriginal: 'Original',
  formCopy: 'Copy',
  formCertifiedCopy: 'Certified copy',
  formElectronic: 'Electronic copy',

  'file-empty': 'The file ‘{name}’ is empty',
  'file-too-large': 'The file ‘{name}’ must be smaller than {size}',
  'file-too-many': 'You can only choose up to {max} {filesWord}',
  'file-type-not-accepted': 'The file ‘{name}’ must be a {types}',
  'file-content-mismatch': 'The content of the file ‘{name}’ is not a {expected}',
  'file-unreadable': 'The file ‘{name}’ could not be read. Choose the file again',
};

export const uploadMessages: Record<UploadLang, Record<UploadMessageKey, string>> = { vi, en };

/** Looks a string up and fills its `{param}` placeholders (plural words for English included). */
export function um(
  lang: UploadLang,
  key: UploadMessageKey,
  params: Record<string, string | number> = {},
): string {
  const all: Record<string, string | number> = {
    ...params,
    filesWord: params['max'] === 1 ? 'file' : 'files',
    copiesWord: params['count'] === 1 ? 'copy' : 'copies',
  };
  return uploadMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in all ? String(all[name]) : whole,
  );
}

/** The message of a failed file check, in `lang`. */
export function fileProblemMessage(problem: FileProblem, lang: UploadLang): string {
  const p = problem.params;
  const code: FileProblemCode = problem.code;
  return um(lang, code, {
    name: p.name ?? '',
    types: formatList(p.types ?? [], lang),
    expected: p.expected ?? '',
    size: p.maxBytes !== undefined ? formatSize(p.maxBytes, lang) : '',
    max: p.max ?? 0,
  });
}

const FORM_KEYS: Record<DocumentForm, UploadMessageKey> = {
  original: 'formOriginal',
  copy: 'formCopy',
  'certified-copy': 'formCertifiedCopy',
  electronic: 'formElectronic',
};

/** "Bản sao có chứng thực, 2 bản" / "Certified copy, 2 copies". */
export function formAndCopies(form: DocumentForm, copies: number, lang: UploadLang): string {
  return um(lang, 'copies', { form: um(lang, FORM_KEYS[form]), count: copies });
}
