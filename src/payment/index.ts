/** Fee payment: VietQR (EMVCo MPM for NAPAS 247). */
export { crc16, tlv, parseTlv, type DataObject } from './emv.js';
export {
  NAPAS_GUID,
  VIETQR_SERVICE,
  VIETQR_PROBLEM,
  encodeVietQr,
  decodeVietQr,
  checkVietQrInput,
  foldToAscii,
  type VietQr,
  type VietQrInput,
  type VietQrProblem,
  type VietQrProblemCode,
  type VietQrService,
} from './vietqr.js';
export { amountInWords, formatDong, formatPercent, formatVnd } from './words.js';
