/**
 * Recognises a file's type from its first bytes (magic numbers), so a renamed `.exe` cannot pass
 * as a PDF and a photo saved as `.png` but really JPEG is noticed. Signatures:
 * - PDF: `%PDF-` (ISO 32000-1 §7.5.2, the header may follow up to 1 KB of junk; we allow that
 *   unless the junk is markup or the file starts like an executable: see pdfPrefixIsHarmless).
 * - JPEG: FF D8 FF (ITU-T T.81 SOI marker followed by another marker).
 * - PNG: 89 50 4E 47 0D 0A 1A 0A (ISO/IEC 15948 §5.2).
 * - HEIC/HEIF: an ISO BMFF `ftyp` box at offset 4 whose major or compatible brands include
 *   heic/heix/heim/heis/hevc/hevx (HEIC) or mif1/msf1 (HEIF) (ISO/IEC 23008-12 Annex B).
 * - WebP: `RIFF` <size> `WEBP` (RFC 9649 §2).
 * - DOCX/XLSX: a ZIP (`PK\x03\x04`, APPNOTE 4.3.7) holding `[Content_Types].xml` and `word/` or
 *   `xl/` entries (ECMA-376 Part 2, Open Packaging Conventions).
 */
import { FILE_TYPE, type FileType } from './types.js';

/** How many bytes from the start of a file {@link sniffType} wants to see. */
export const SNIFF_HEAD_BYTES = 64 * 1024;
/** How many bytes from the end of a ZIP file hold its central directory, in the usual case. */
export const SNIFF_TAIL_BYTES = 64 * 1024;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
const ZIP_CENTRAL = new Uint8Array([0x50, 0x4b, 0x01, 0x02]);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function startsWith(bytes: Uint8Array, sig: Uint8Array, at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, sig: Uint8Array, from = 0, limit = bytes.length): number {
  const end = Math.min(limit, bytes.length - sig.length);
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < sig.length; j++) if (bytes[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

function latin1(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  const end = Math.min(bytes.length, start + length);
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function sniffHeif(head: Uint8Array): FileType | undefined {
  if (head.length < 16 || latin1(head, 4, 4) !== 'ftyp') return undefined;
  const boxSize = Math.min(u32be(head, 0), head.length, 4096);
  const brands = [latin1(head, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(latin1(head, at, 4));
  // AVIF files are HEIF containers too (they list mif1) but hold AV1, which we do not accept.
  if (brands.some((b) => AVIF_BRANDS.has(b))) return undefined;
  if (brands.some((b) => HEIC_BRANDS.has(b))) return FILE_TYPE.heic;
  if (brands.some((b) => HEIF_BRANDS.has(b))) return FILE_TYPE.heif;
  return undefined;
}

/**
 * The names of the ZIP entries whose headers lie in `bytes`: local file headers (name at offset
 * 30, length at 26) and central directory headers (name at 46, length at 28).
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  for (const [sig, lenAt, nameAt] of [
    [ZIP_LOCAL, 26, 30],
    [ZIP_CENTRAL, 28, 46],
  ] as const) {
    let at = indexOf(bytes, sig);
    while (at >= 0) {
      if (at + nameAt <= bytes.length) {
        const len = u16(bytes, at + lenAt);
        if (len > 0 && at + nameAt + len <= bytes.length)
          names.push(latin1(bytes, at + nameAt, len));
      }
      at = indexOf(bytes, sig, at + 4);
    }
  }
  return names;
}

function sniffOffice(head: Uint8Array, tail: Uint8Array | undefined): FileType | undefined {
  const names = [...zipEntryNames(head), ...(tail ? zipEntryNames(tail) : [])];
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.some((n) => n.startsWith('word/'))) return FILE_TYPE.docx;
  if (names.some((n) => n.startsWith('xl/'))) return FILE_TYPE.xlsx;
  return undefined;
}

/** Signatures of executables and archives that a polyglot could hide a `%PDF-` header behind. */
const ACTIVE_STARTS = [
  ascii('MZ'), // DOS/Windows PE executable
  ascii('\x7fELF'), // Linux executable
  ascii('#!'), // script with an interpreter line
  ZIP_LOCAL, // ZIP, JAR, APK
];

/**
 * Whether the junk allowed before `%PDF-` is harmless. PDF readers accept the header anywhere in
 * the first 1024 bytes, which lets an HTML page (`<html><script>…</script><!-- %PDF- -->`) or an
 * executable whose DOS stub holds `%PDF-` pass as a PDF: a browser's MIME sniffing (WHATWG MIME
 * Sniffing §7.1) or the operating system then runs the other half when a clerk opens the file.
 * Markup needs a `<`, and executables have their own magic number at offset 0.
 */
function pdfPrefixIsHarmless(head: Uint8Array, pdfAt: number): boolean {
  if (pdfAt === 0) return true;
  if (ACTIVE_STARTS.some((sig) => startsWith(head, sig))) return false;
  for (let i = 0; i < pdfAt; i++) if (head[i] === 0x3c) return false;
  return true;
}

/**
 * The type of a file from its first bytes (`head`, ideally {@link SNIFF_HEAD_BYTES}) and, for ZIP
 * containers, its last bytes (`tail`, where the central directory lists every entry). Undefined
 * when the content is none of the supported types.
 */
export function sniffType(head: Uint8Array, tail?: Uint8Array): FileType | undefined {
  const pdfAt = indexOf(head, PDF, 0, 1024);
  if (pdfAt >= 0) return pdfPrefixIsHarmless(head, pdfAt) ? FILE_TYPE.pdf : undefined;
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return FILE_TYPE.jpeg;
  }
  if (startsWith(head, PNG)) return FILE_TYPE.png;
  if (latin1(head, 0, 4) === 'RIFF' && latin1(head, 8, 4) === 'WEBP') return FILE_TYPE.webp;
  const heif = sniffHeif(head);
  if (heif) return heif;
  if (startsWith(head, ZIP_LOCAL)) return sniffOffice(head, tail);
  return undefined;
}
