export { DvcUpload, UPLOAD_STATUS, type UploadEntry, type UploadStatus } from './upload.js';
export { buildMultipartBody, type MultipartFile } from './multipart.js';
export { uploadMessages, type UploadLang, type UploadMessageKey } from './messages.js';
