// `import 'dvc-forms'` defines every element, statically (the npm entry, dist/index.js: tools
// and bundlers see every export). The one-file bundle for a webmaster's script tag is
// components/bundle.ts, which loads the rarely used elements on first use instead.
export * from './core.js';
export { DvcAddressField } from './address-field/address-field.js';
export { DvcRepeatGroup } from './repeat-group/repeat-group.js';
export {
  DvcUpload,
  UPLOAD_STATUS,
  buildMultipartBody,
  type UploadEntry,
  type UploadStatus,
  type MultipartFile,
} from './upload/index.js';
export * from './submission/index.js';
export { DvcReceipt, type QrEncoder, type QrMatrix } from './receipt/receipt.js';
export * from './dossier/index.js';
export {
  DvcStatusLookup,
  DvcStatusEvent,
  type DossierStatusResult,
  type StatusHistoryEntry,
} from './status-lookup/status-lookup.js';
export { DOSSIER_STATUS, type DossierStatus } from './status-lookup/messages.js';
export {
  DvcSupplement,
  DvcSupplementedEvent,
  type SupplementRequestView,
} from './supplement/supplement.js';
