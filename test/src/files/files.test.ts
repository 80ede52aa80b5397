import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  FILE_PROBLEM,
  FILE_TYPE,
  acceptAttribute,
  acceptedTypes,
  checkCount,
  checkFile,
  cleanFileName,
  formatList,
  formatSize,
  multipartPartNames,
  sha256Blob,
  sniffType,
  typeFromName,
  typeLabels,
  type CandidateFile,
} from '../../../src/files/index.js';
import { fileProblemMessage, formAndCopies } from '../../../components/upload/messages.js';
import { zip } from './zip.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const pad = (b: Uint8Array, n = 64) => {
  const out = new Uint8Array(Math.max(n, b.length));
  out.set(b);
  return out;
};

// Real file heads: the first bytes of files saved by common software.
const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
const JPEG_EXIF = bytes([0xff, 0xd8, 0xff, 0xe1, 0x2a, 0x3c], 'Exif\0\0');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR');
// iPhone photo: ftyp box of 24 bytes, major brand heic, compatible mif1 and heic.
const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
// HEIF written by libheif for a still image: major mif1.
const HEIF = bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1miaf');
const HEIF_SEQ = bytes([0, 0, 0, 0x18], 'ftypmsf1', [0, 0, 0, 0], 'msf1iso8');
const HEVC_SEQ = bytes([0, 0, 0, 0x18], 'ftyphevc', [0, 0, 0, 0], 'msf1hevc');
const AVIF = bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf');
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2');
const WEBP = bytes('RIFF', [0x24, 0x08, 0, 0], 'WEBPVP8 ');
const WAV = bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt ');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]);
const SVG = bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">');
const HTML = bytes('<!doctype html><html><script>alert(1)</script>');
const DOCX = zip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: '_rels/.rels', data: '<Relationships/>' },
  { name: 'word/document.xml', data: '<w:document/>' },
]);
const XLSX = zip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'xl/workbook.xml', data: '<workbook/>' },
]);
const PLAIN_ZIP = zip([{ name: 'notes.txt', data: 'hello' }]);
const ODT = zip([
  { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', data: '<office/>' },
]);

test('sniffType recognises each supported signature', () => {
  assert.equal(sniffType(PDF), FILE_TYPE.pdf);
  assert.equal(sniffType(JPEG), FILE_TYPE.jpeg);
  assert.equal(sniffType(JPEG_EXIF), FILE_TYPE.jpeg);
  assert.equal(sniffType(PNG), FILE_TYPE.png);
  assert.equal(sniffType(HEIC), FILE_TYPE.heic);
  assert.equal(sniffType(HEVC_SEQ), FILE_TYPE.heic);
  assert.equal(sniffType(HEIF), FILE_TYPE.heif);
  assert.equal(sniffType(HEIF_SEQ), FILE_TYPE.heif);
  assert.equal(sniffType(WEBP), FILE_TYPE.webp);
  assert.equal(sniffType(DOCX), FILE_TYPE.docx);
  assert.equal(sniffType(XLSX), FILE_TYPE.xlsx);
});

test('sniffType allows junk before %PDF- within the first 1024 bytes only', () => {
  assert.equal(sniffType(bytes(' \r\n', '%PDF-1.4')), FILE_TYPE.pdf);
  const late = new Uint8Array(1100);
  late.set(PDF, 1050);
  assert.equal(sniffType(late), undefined);
});

test('sniffType refuses look-alikes and other content', () => {
  for (const [label, head] of Object.entries({
    AVIF,
    MP4,
    WAV,
    EXE,
    SVG,
    HTML,
    PLAIN_ZIP,
    ODT,
    empty: new Uint8Array(0),
    'JPEG without third byte': bytes([0xff, 0xd8]),
    'PNG cut short': PNG.slice(0, 7),
    'PDF lower-case': bytes('%pdf-1.7'),
  })) {
    assert.equal(sniffType(head), undefined, label);
  }
});

test('sniffType finds office entries in the central directory (tail) when the head lacks them', () => {
  // A docx whose word/ entries come after 70 KB of media: only the tail names them.
  const big = zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    {
      name: 'media/blob.bin',
      data: randomBytes(150_000).toString('base64'),
    },
    { name: 'word/document.xml', data: '<w:document/>' },
  ]);
  const head = big.slice(0, 64 * 1024);
  const tail = big.slice(big.length - 64 * 1024);
  assert.equal(sniffType(head), undefined);
  assert.equal(sniffType(head, tail), FILE_TYPE.docx);
});

test('cleanFileName removes path parts, controls and bidi characters', () => {
  const cases: [string, string][] = [
    ['giay-khai-sinh.pdf', 'giay-khai-sinh.pdf'],
    ['C:\\Users\\an\\Desktop\\CCCD.jpg', 'CCCD.jpg'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['/storage/emulated/0/DCIM/IMG_0001.HEIC', 'IMG_0001.HEIC'],
    // RIGHT-TO-LEFT OVERRIDE makes "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    [
      'a\u2066b\u2067c\u2068d\u2069e\u200ef\u200fg\u202ah\u202bi\u202cj\u202dk.pdf',
      'abcdefghijk.pdf',
    ],
    ['bad\u0000name\u0007\u001f\u007f\u0085.pdf', 'badname.pdf'],
    ['line\nbreak\ttab.pdf', 'line break tab.pdf'],
    ['zero\u200bwidth\ufeff.pdf', 'zerowidth.pdf'],
    // Decomposed Vietnamese (macOS) is normalised to NFC.
    ['Gia\u0301y khai sinh.pdf', 'Giáy khai sinh.pdf'],
    ['  spaced   out  .pdf ', 'spaced out .pdf'],
    ['...hidden.pdf', 'hidden.pdf'],
    ['trailing.pdf...', 'trailing.pdf'],
    ['.pdf', 'pdf'],
    ['\u202e', 'tệp'],
    ['', 'tệp'],
  ];
  for (const [input, expected] of cases)
    assert.equal(cleanFileName(input), expected, JSON.stringify(input));
});

test('cleanFileName caps the length and keeps the extension', () => {
  const long = `${'Đơn đề nghị '.repeat(20)}.pdf`;
  const clean = cleanFileName(long, 40);
  assert.equal(clean.length, 39);
  assert.equal(clean, 'Đơn đề nghị Đơn đề nghị Đơn đề nghị.pdf');
  // Surrogate pairs are never cut in half.
  const emoji = cleanFileName(`${'😀'.repeat(30)}.jpg`, 15);
  assert.equal(emoji, '😀😀😀😀😀.jpg');
  assert.equal(cleanFileName('x'.repeat(200)).length, 120);
});

test('acceptedTypes drops SVG, HTML and unknown types and expands image/*', () => {
  assert.deepEqual(acceptedTypes(['application/pdf', 'image/svg+xml', 'text/html', 'image/jpeg']), [
    FILE_TYPE.pdf,
    FILE_TYPE.jpeg,
  ]);
  assert.deepEqual(acceptedTypes(['image/*', 'application/zip']), [
    FILE_TYPE.jpeg,
    FILE_TYPE.png,
    FILE_TYPE.heic,
    FILE_TYPE.heif,
    FILE_TYPE.webp,
  ]);
  assert.equal(
    acceptAttribute([FILE_TYPE.pdf, FILE_TYPE.jpeg]),
    'application/pdf,.pdf,image/jpeg,.jpg,.jpeg',
  );
  assert.deepEqual(typeLabels([FILE_TYPE.pdf, FILE_TYPE.heic, FILE_TYPE.heif]), ['PDF', 'HEIC']);
  assert.equal(typeFromName('photo.JPEG'), FILE_TYPE.jpeg);
  assert.equal(typeFromName('x.svg'), undefined);
  assert.equal(typeFromName('x.html'), undefined);
  assert.equal(typeFromName('pdf'), undefined);
});

test('formatSize and formatList speak plainly in both languages', () => {
  assert.equal(formatSize(5 * 1024 * 1024, 'vi'), '5 MB');
  assert.equal(formatSize(1.5 * 1024 * 1024, 'vi'), '1,5 MB');
  assert.equal(formatSize(1.5 * 1024 * 1024, 'en'), '1.5 MB');
  assert.equal(formatSize(300 * 1024, 'en'), '300 KB');
  assert.equal(formatSize(1, 'en'), '1 byte');
  assert.equal(formatSize(12, 'vi'), '12 byte');
  assert.equal(formatList(['PDF', 'JPG', 'PNG'], 'vi'), 'PDF, JPG hoặc PNG');
  assert.equal(formatList(['PDF', 'JPG', 'PNG'], 'en'), 'PDF, JPG or PNG');
  assert.equal(formatList(['PDF'], 'en'), 'PDF');
});

const LIMITS = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxSizeBytes: 5 * 1024 * 1024,
  maxFiles: 2,
};
const candidate = (
  name: string,
  head: Uint8Array,
  size = head.length,
  type = '',
): CandidateFile => ({
  name,
  size,
  type,
  head,
});

/** Each rejection: the code, params and the exact message in Vietnamese and English. */
test('checkFile rejects each case with its own message', () => {
  const cases: [CandidateFile, string, string, string][] = [
    [
      candidate('x.pdf', new Uint8Array(0)),
      FILE_PROBLEM.empty,
      'Tệp ‘x.pdf’ trống',
      'The file ‘x.pdf’ is empty',
    ],
    [
      candidate('x.pdf', pad(PDF), 5 * 1024 * 1024 + 1),
      FILE_PROBLEM.tooLarge,
      'Tệp ‘x.pdf’ phải nhỏ hơn 5 MB',
      'The file ‘x.pdf’ must be smaller than 5 MB',
    ],
    [
      candidate('x.exe', pad(EXE)),
      FILE_PROBLEM.typeNotAccepted,
      'Tệp ‘x.exe’ phải là PDF, JPG hoặc PNG',
      'The file ‘x.exe’ must be a PDF, JPG or PNG',
    ],
    [
      candidate('logo.svg', pad(SVG), SVG.length, 'image/svg+xml'),
      FILE_PROBLEM.typeNotAccepted,
      'Tệp ‘logo.svg’ phải là PDF, JPG hoặc PNG',
      'The file ‘logo.svg’ must be a PDF, JPG or PNG',
    ],
    [
      candidate('x.pdf', pad(EXE)),
      FILE_PROBLEM.contentMismatch,
      'Nội dung tệp ‘x.pdf’ không phải là PDF',
      'The content of the file ‘x.pdf’ is not a PDF',
    ],
    [
      candidate('anh.png', pad(JPEG)),
      FILE_PROBLEM.contentMismatch,
      'Nội dung tệp ‘anh.png’ không phải là PNG',
      'The content of the file ‘anh.png’ is not a PNG',
    ],
    [
      // The extension and content agree but the browser declared another type.
      candidate('anh.jpg', pad(JPEG), 64, 'image/png'),
      FILE_PROBLEM.contentMismatch,
      'Nội dung tệp ‘anh.jpg’ không phải là JPG',
      'The content of the file ‘anh.jpg’ is not a JPG',
    ],
    [
      candidate('trick\u202egpj.exe', pad(EXE)),
      FILE_PROBLEM.typeNotAccepted,
      'Tệp ‘trickgpj.exe’ phải là PDF, JPG hoặc PNG',
      'The file ‘trickgpj.exe’ must be a PDF, JPG or PNG',
    ],
  ];
  for (const [file, code, vi, en] of cases) {
    const r = checkFile(LIMITS, file);
    assert.equal(r.ok, false, file.name);
    if (r.ok) continue;
    assert.equal(r.problem.code, code, file.name);
    assert.equal(fileProblemMessage(r.problem, 'vi'), vi);
    assert.equal(fileProblemMessage(r.problem, 'en'), en);
  }
});

test('checkFile accepts matching files with their cleaned name and sniffed type', () => {
  assert.deepEqual(
    checkFile(LIMITS, candidate('C:\\scan\\don.pdf', pad(PDF), 1000, 'application/pdf')),
    {
      ok: true,
      file: { name: 'don.pdf', type: FILE_TYPE.pdf },
    },
  );
  assert.deepEqual(checkFile(LIMITS, candidate('ANH.JPEG', pad(JPEG_EXIF), 5 * 1024 * 1024)), {
    ok: true,
    file: { name: 'ANH.JPEG', type: FILE_TYPE.jpeg },
  });
  const heic = { ...LIMITS, accept: ['image/heic', 'image/heif'] };
  assert.deepEqual(checkFile(heic, candidate('IMG_1.heic', pad(HEIF), 900, 'image/heif')), {
    ok: true,
    file: { name: 'IMG_1.heic', type: FILE_TYPE.heif },
  });
  const office = { ...LIMITS, accept: [FILE_TYPE.docx, FILE_TYPE.xlsx] };
  assert.deepEqual(checkFile(office, candidate('to-khai.docx', DOCX)), {
    ok: true,
    file: { name: 'to-khai.docx', type: FILE_TYPE.docx },
  });
  const xlsxAsDocx = checkFile(office, candidate('bang.docx', XLSX));
  assert.equal(xlsxAsDocx.ok, false);
  if (!xlsxAsDocx.ok) {
    assert.equal(
      fileProblemMessage(xlsxAsDocx.problem, 'vi'),
      'Nội dung tệp ‘bang.docx’ không phải là DOCX',
    );
  }
});

test('checkCount refuses a selection that does not fit, with singular and plural English', () => {
  assert.equal(checkCount(LIMITS, 1, 1), null);
  const p = checkCount(LIMITS, 1, 2)!;
  assert.deepEqual(p, { code: FILE_PROBLEM.tooMany, params: { max: 2 } });
  assert.equal(fileProblemMessage(p, 'vi'), 'Chỉ được chọn tối đa 2 tệp');
  assert.equal(fileProblemMessage(p, 'en'), 'You can only choose up to 2 files');
  const one = checkCount({ ...LIMITS, maxFiles: 1 }, 0, 2)!;
  assert.equal(fileProblemMessage(one, 'vi'), 'Chỉ được chọn tối đa 1 tệp');
  assert.equal(fileProblemMessage(one, 'en'), 'You can only choose up to 1 file');
});

test('formAndCopies names the document form and the number of copies', () => {
  assert.equal(formAndCopies('certified-copy', 2, 'vi'), 'Bản sao có chứng thực, 2 bản');
  assert.equal(formAndCopies('certified-copy', 2, 'en'), 'Certified copy, 2 copies');
  assert.equal(formAndCopies('original', 1, 'en'), 'Original, 1 copy');
});

test('sha256Blob streams into two buffers in turn and reports progress per step', async () => {
  const data = new Uint8Array(1_000_003);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
  const expected = createHash('sha256').update(data).digest('hex');
  const progress: number[] = [];
  const hex = await sha256Blob(new Blob([data]), {
    chunkSize: 256 * 1024,
    oneShotMaxBytes: 0,
    onProgress: (done) => progress.push(done),
  });
  assert.equal(hex, expected);
  assert.deepEqual(progress, [0, 262144, 524288, 786432, 1000003]);
  // A blob without a byte stream is read slice by slice, with the same steps.
  const slicesOnly = {
    size: data.length,
    slice: (a?: number, b?: number) => new Blob([data]).slice(a, b),
  };
  const sliceProgress: number[] = [];
  assert.equal(
    await sha256Blob(slicesOnly, {
      chunkSize: 256 * 1024,
      oneShotMaxBytes: 0,
      onProgress: (done) => sliceProgress.push(done),
    }),
    expected,
  );
  assert.deepEqual(sliceProgress, [0, 262144, 524288, 786432, 1000003]);
  // One-shot WebCrypto path (the default under 64 MB): progress at the start and the end only.
  const oneShot: number[] = [];
  assert.equal(
    await sha256Blob(new Blob([data]), { onProgress: (done) => oneShot.push(done) }),
    expected,
  );
  assert.deepEqual(oneShot, [0, 1000003]);
  assert.equal(
    await sha256Blob(new Blob([]), { oneShotMaxBytes: 0 }),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  const stop = new AbortController();
  await assert.rejects(
    sha256Blob(new Blob([data]), {
      chunkSize: 256 * 1024,
      oneShotMaxBytes: 0,
      onProgress: (done) => {
        if (done >= 262144) stop.abort(new Error('stopped midway'));
      },
      signal: stop.signal,
    }),
    /stopped midway/,
  );
  assert.equal(
    await sha256Blob(new Blob([])),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(sha256Blob(new Blob([data]), { signal: controller.signal }), /stop/);
});

test('sha256Blob reads the next step while it hashes this one, in two buffers for any size', async () => {
  // A byte stream of our own, to see what the hasher asks of it: how many buffers it hands over
  // and whether a read is already waiting when a step has been hashed (its progress call).
  const data = new Uint8Array(5 * 256 * 1024 + 5);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + 3) & 0xff;
  let served = 0;
  let waiting = 0;
  const buffers = new Set<ArrayBufferLike>();
  const blob = {
    size: data.length,
    slice: () => {
      throw new Error('the stream is read, not sliced');
    },
    stream: () => ({
      getReader: () => ({
        read: (view: Uint8Array) => {
          buffers.add(view.buffer);
          waiting++;
          return Promise.resolve().then(() => {
            waiting--;
            // Like Chromium's blob stream: at most 64 KB a read.
            const n = Math.min(view.byteLength, 64 * 1024, data.length - served);
            view.set(data.subarray(served, served + n));
            served += n;
            return n === 0
              ? { done: true, value: new Uint8Array(view.buffer, view.byteOffset, 0) }
              : { done: false, value: new Uint8Array(view.buffer, view.byteOffset, n) };
          });
        },
        cancel: async () => undefined,
        releaseLock: () => undefined,
      }),
    }),
  };
  const waitingAtStep: number[] = [];
  const hex = await sha256Blob(blob, {
    chunkSize: 256 * 1024,
    oneShotMaxBytes: 0,
    onProgress: () => waitingAtStep.push(waiting),
  });
  assert.equal(hex, createHash('sha256').update(data).digest('hex'));
  // At 0 nothing is read yet; after each full step the next one's read is already on its way;
  // after the last, nothing is left to read.
  assert.deepEqual(waitingAtStep, [0, 1, 1, 1, 1, 1, 0]);
  assert.equal(buffers.size, 2);
});

test('multipartPartNames counts entries per slot in payload order', () => {
  assert.deepEqual(
    multipartPartNames([{ slot: 'cccd' }, { slot: 'giayChungSinh' }, { slot: 'cccd' }]),
    ['file:cccd:0', 'file:giayChungSinh:0', 'file:cccd:1'],
  );
});
