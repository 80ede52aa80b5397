import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/upload/upload.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import { buildMultipartBody } from '../../../components/upload/multipart.js';
import { DvcChangeEvent } from '../../../components/base/events.js';
import type { DocumentSpec } from '../../../src/procedure/types.js';
import { axNodes } from '../../support/ax-tree.js';

const MB = 1024 * 1024;
const SPEC: DocumentSpec = {
  id: 'giayChungSinh',
  title: { vi: 'Giấy chứng sinh', en: 'Birth certificate from the hospital' },
  description: { vi: 'Bản do bệnh viện cấp', en: 'Issued by the hospital' },
  form: 'certified-copy',
  copies: 2,
  required: true,
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/svg+xml'],
  maxSizeBytes: 5 * MB,
  maxFiles: 2,
  capture: 'environment',
};

const PDF_HEAD = '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n';
const pdf = (name = 'don.pdf', extra = '') =>
  new File([PDF_HEAD + extra], name, { type: 'application/pdf' });
const exe = (name: string, type = '') => new File(['MZ\x90\x00\x03\x00\x00\x00'], name, { type });

async function png(width = 40, height = 30): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#c00';
  ctx.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], 'anh.png', { type: 'image/png' });
}

async function hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A JPEG of `width`×`height` (left half red, right half blue) with an EXIF Orientation tag. */
async function jpegWithOrientation(width: number, height: number, orientation: number) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, width / 2, height);
  ctx.fillStyle = '#00f';
  ctx.fillRect(width / 2, 0, width / 2, height);
  const jpeg = new Uint8Array(
    await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 1 })).arrayBuffer(),
  );
  // APP1 "Exif\0\0" + big-endian TIFF header + IFD0 with one entry: 0x0112 Orientation, SHORT,
  // count 1, value in the first two bytes of the value field (Exif 2.32, 4.6.2 and 4.6.4).
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at offset 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ];
  const body = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const length = body.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...body];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2)); // SOI
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return new File([out], 'chan-dung.jpeg', { type: 'image/jpeg' });
}

/** The decoded pixels of an image (the EXIF-free output, so the default orientation is fine). */
async function pixels(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** 'red', 'blue' or the RGB values: JPEG is lossy, so within a tolerance of pure colours. */
function colour(img: ImageData, x: number, y: number): string {
  const i = (y * img.width + x) * 4;
  const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
  if (r > 200 && g < 60 && b < 60) return 'red';
  if (b > 200 && r < 60 && g < 60) return 'blue';
  return `rgb(${r}, ${g}, ${b})`;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met');
}

/**
 * A PDF of `size` bytes whose whole-file read (the hash) waits for `gate`; the 64 KB head read
 * by the content check is not held. Lets a test look at the element while it hashes.
 */
function gatedPdf(name: string, size: number, gate: Promise<void>): File {
  const file = pdf(name, ' '.repeat(size - PDF_HEAD.length));
  const slice = file.slice.bind(file);
  Object.defineProperty(file, 'slice', {
    value: (start?: number, end?: number, type?: string) => {
      const part = slice(start, end, type);
      if ((start ?? 0) !== 0 || (end ?? file.size) < file.size) return part;
      return Object.assign(part, {
        arrayBuffer: () => gate.then(() => Blob.prototype.arrayBuffer.call(part)),
      });
    },
  });
  return file;
}

const root = (el: DvcUpload) => el.shadowRoot!;
const errors = (el: DvcUpload) =>
  [...root(el).querySelectorAll('#error li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );

async function settle(el: DvcUpload): Promise<void> {
  for (let i = 0; i < 200 && el.busy; i++) await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
}

async function make(spec: DocumentSpec = SPEC, lang = 'vi'): Promise<DvcUpload> {
  return fixture<DvcUpload>(html`<dvc-upload lang=${lang} .spec=${spec} required></dvc-upload>`);
}

describe('dvc-upload', () => {
  it('shows the requirements in plain words with a labelled file input, and passes axe empty', async () => {
    const el = await make();
    expect(root(el).querySelector('legend')!.textContent).to.equal('Giấy chứng sinh');
    expect(root(el).querySelector('#hint')!.textContent).to.equal('Bản do bệnh viện cấp');
    const items = [...root(el).querySelectorAll('#requirements li')].map((li) =>
      li.textContent!.trim(),
    );
    // SVG is listed by the procedure but never accepted.
    expect(items).to.deep.equal([
      'Bắt buộc',
      'Bản sao có chứng thực, 2 bản',
      'PDF, JPG hoặc PNG, tối đa 5 MB',
      'Tối đa 2 tệp',
    ]);
    const input = root(el).querySelector<HTMLInputElement>('#control')!;
    expect(input.type).to.equal('file');
    expect(input.labels![0]!.textContent).to.equal('Chọn tệp');
    expect(input.accept).to.equal('application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png');
    expect(input.multiple).to.equal(true);
    expect(input.getAttribute('aria-describedby')).to.equal('described');
    const camera = root(el).querySelector<HTMLInputElement>('#camera')!;
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect(camera.accept).to.equal('image/jpeg,.jpg,.jpeg,image/png,.png');
    expect(camera.labels![0]!.textContent).to.equal('Chụp ảnh');
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng chọn tệp Giấy chứng sinh');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await make({ ...SPEC, required: false, copies: 1, form: 'original' }, 'en');
    el.required = false;
    await el.updateComplete;
    const items = [...root(el).querySelectorAll('#requirements li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(items).to.deep.equal([
      'Optional',
      'Original, 1 copy',
      'PDF, JPG or PNG, up to 5 MB',
      'Up to 2 files',
    ]);
    expect(root(el).querySelector('legend')!.textContent).to.equal(
      'Birth certificate from the hospital',
    );
    expect(root(el).querySelector('label[for=control]')!.textContent).to.equal('Choose files');
  });

  const rejections: [string, () => File[], string, string][] = [
    [
      'empty',
      () => [new File([], 'x.pdf', { type: 'application/pdf' })],
      'Tệp ‘x.pdf’ trống',
      'The file ‘x.pdf’ is empty',
    ],
    [
      'too large',
      () => [pdf('x.pdf', ' '.repeat(5 * MB))],
      'Tệp ‘x.pdf’ phải nhỏ hơn 5 MB',
      'The file ‘x.pdf’ must be smaller than 5 MB',
    ],
    [
      'too many',
      () => [pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf')],
      'Chỉ được chọn tối đa 2 tệp',
      'You can only choose up to 2 files',
    ],
    [
      'type',
      () => [exe('x.exe')],
      'Tệp ‘x.exe’ phải là PDF, JPG hoặc PNG',
      'The file ‘x.exe’ must be a PDF, JPG or PNG',
    ],
    [
      'svg',
      () => [
        new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', {
          type: 'image/svg+xml',
        }),
      ],
      'Tệp ‘logo.svg’ phải là PDF, JPG hoặc PNG',
      'The file ‘logo.svg’ must be a PDF, JPG or PNG',
    ],
    [
      'content',
      () => [exe('x.pdf', 'application/pdf')],
      'Nội dung tệp ‘x.pdf’ không phải là PDF',
      'The content of the file ‘x.pdf’ is not a PDF',
    ],
    [
      'bidi name',
      () => [exe('hoa-don\u202Efdp.exe')],
      'Tệp ‘hoa-donfdp.exe’ phải là PDF, JPG hoặc PNG',
      'The file ‘hoa-donfdp.exe’ must be a PDF, JPG or PNG',
    ],
  ];
  for (const [label, files, vi, en] of rejections) {
    it(`rejects ${label} with its message in Vietnamese and English`, async () => {
      const el = await make();
      await el.addFiles(files());
      await el.updateComplete;
      expect(errors(el)).to.deep.equal([`Lỗi: ${vi}`]);
      expect(el.value).to.deep.equal([]);
      // The file button is described by the requirements and then the error, as sentences.
      expect(root(el).querySelector('#control')!.getAttribute('aria-describedby')).to.equal(
        'described',
      );
      expect(root(el).querySelector('#described')!.textContent).to.equal(
        'Bắt buộc. Bản sao có chứng thực, 2 bản. PDF, JPG hoặc PNG, tối đa 5 MB. Tối đa 2 tệp. ' +
          `Lỗi: ${vi}.`,
      );
      expect(root(el).querySelector('#control')!.getAttribute('aria-invalid')).to.equal('true');
      const en1 = await make(SPEC, 'en');
      await en1.addFiles(files());
      await en1.updateComplete;
      expect(errors(en1)).to.deep.equal([`Error: ${en}`]);
    });
  }

  it('hashes an accepted file, fires dvc-change with the payload entry, and passes axe with files and errors', async () => {
    const el = await make();
    const file = pdf('C:\\fakepath\\don\u200B.pdf');
    const changed = oneEvent(el, DvcChangeEvent.eventName);
    await el.addFiles([file]);
    const event = (await changed) as DvcChangeEvent;
    await settle(el);
    const sha256 = await hex(file);
    const entry = {
      slot: 'giayChungSinh',
      name: 'don.pdf',
      type: 'application/pdf',
      size: file.size,
      sha256,
    };
    expect(el.documents).to.deep.equal([entry]);
    expect(el.value[0]!.file).to.equal(file);
    expect((event.detail.value as unknown[]).length).to.equal(1);
    expect(el.validity.valid).to.equal(true);
    const li = root(el).querySelector('.file')!;
    expect(li.querySelector('.name')!.textContent).to.equal('don.pdf');
    expect(li.querySelector('.status')!.textContent!.trim()).to.equal('Đã sẵn sàng để gửi');
    expect(li.querySelector('.remove')!.getAttribute('aria-label')).to.equal('Xoá tệp don.pdf');
    expect(root(el).querySelector('[role=status]')!.textContent).to.equal('Đã thêm tệp don.pdf');
    await expect(el).to.be.accessible();
    await el.addFiles([exe('x.exe')]);
    await el.updateComplete;
    expect(errors(el)).to.deep.equal(['Lỗi: Tệp ‘x.exe’ phải là PDF, JPG hoặc PNG']);
    await expect(el).to.be.accessible();
  });

  it('shows a thumbnail for images from an object URL that is revoked on removal', async () => {
    const el = await make();
    await el.addFiles([await png()]);
    await settle(el);
    const img = root(el).querySelector<HTMLImageElement>('img.thumb')!;
    expect(img.src.startsWith('blob:')).to.equal(true);
    expect(img.alt).to.equal('');
    const url = img.src;
    expect((await fetch(url)).ok).to.equal(true);
    root(el).querySelector<HTMLButtonElement>('.remove')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('img')).to.equal(null);
    let revoked = false;
    try {
      await fetch(url);
    } catch {
      revoked = true;
    }
    expect(revoked).to.equal(true);
    expect(root(el).querySelector('[role=status]')!.textContent).to.equal('Đã xoá tệp anh.png');
  });

  it('is usable with the keyboard: Tab reaches the chooser and the file buttons, Enter removes', async () => {
    const el = await make();
    await el.addFiles([pdf('a.pdf')]);
    await settle(el);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('control');
    await sendKeys({ press: 'Tab' });
    // The camera input comes next (capture is set), then Replace and Remove of the file.
    expect(root(el).activeElement?.id).to.equal('camera');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Thay tệp');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Xoá tệp a.pdf');
    const changed = oneEvent(el, DvcChangeEvent.eventName);
    await sendKeys({ press: 'Enter' });
    await changed;
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    // Focus goes back to the chooser rather than being lost with the removed button.
    expect(root(el).activeElement?.id).to.equal('control');
    before.remove();
  });

  it('replaces a file in place', async () => {
    const el = await make();
    await el.addFiles([pdf('a.pdf'), pdf('b.pdf')]);
    await settle(el);
    const key = Number(root(el).querySelector<HTMLElement>('.file')!.dataset['key']);
    await el.addFiles([pdf('c.pdf', 'x')], key);
    await settle(el);
    expect(el.documents.map((d) => d.name)).to.deep.equal(['c.pdf', 'b.pdf']);
  });

  it('takes dropped files', async () => {
    const el = await make();
    const data = new DataTransfer();
    data.items.add(pdf('keo-tha.pdf'));
    const zone = root(el).querySelector('.drop')!;
    zone.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    await el.updateComplete;
    expect(zone.classList.contains('over')).to.equal(true);
    const changed = oneEvent(el, DvcChangeEvent.eventName);
    zone.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    await changed;
    expect(el.documents.map((d) => d.name)).to.deep.equal(['keo-tha.pdf']);
    expect(zone.classList.contains('over')).to.equal(false);
  });

  it('resizes and re-encodes a portrait photo, hashing the new bytes', async () => {
    const el = await make({
      ...SPEC,
      id: 'anhChanDung',
      accept: ['image/jpeg', 'image/png'],
      maxFiles: 1,
      capture: 'user',
      photo: { width: 60, height: 80, mimeType: 'image/jpeg' },
    });
    const changed = oneEvent(el, DvcChangeEvent.eventName);
    await el.addFiles([await png(400, 300)]);
    await changed;
    const [entry] = el.value;
    // Sent and stored under the name of what it now is; shown under the one the person chose.
    expect(entry!.name).to.equal('anh.jpg');
    expect(el.documents.map((d) => d.name)).to.deep.equal(['anh.jpg']);
    expect(el.chosenNames).to.deep.equal(['anh.png']);
    await el.updateComplete;
    expect([...root(el).querySelectorAll('.file .name')].map((n) => n.textContent)).to.deep.equal([
      'anh.png',
    ]);
    expect(entry!.type).to.equal('image/jpeg');
    const bitmap = await createImageBitmap(entry!.file!);
    expect([bitmap.width, bitmap.height]).to.deep.equal([60, 80]);
    expect(entry!.sha256).to.equal(await hex(entry!.file!));
    expect(entry!.size).to.equal(entry!.file!.size);
  });

  it('applies the EXIF orientation (6, rotate 90° clockwise) before resizing a portrait', async () => {
    const el = await make({
      ...SPEC,
      id: 'anhChanDung',
      accept: ['image/jpeg'],
      maxFiles: 1,
      capture: 'user',
      photo: { width: 40, height: 60, mimeType: 'image/jpeg' },
    });
    // Stored 60×40, left half red and right half blue; a viewer that honours the EXIF tag shows
    // it 40×60 with red on top and blue below (the left edge becomes the top edge).
    const stored = await jpegWithOrientation(60, 40, 6);
    // Control: the same pixels tagged Orientation = 1 (upright) decode as stored, 60×40.
    const upright = await createImageBitmap(await jpegWithOrientation(60, 40, 1));
    expect([upright.width, upright.height]).to.deep.equal([60, 40]);
    const changed = oneEvent(el, DvcChangeEvent.eventName);
    await el.addFiles([stored]);
    await changed;
    const [entry] = el.value;
    expect(entry!.name).to.equal('chan-dung.jpg');
    const px = await pixels(entry!.file!);
    expect([px.width, px.height]).to.deep.equal([40, 60]);
    // Unrotated, the cover crop would keep the vertical red | blue split: (35, 10) would be blue.
    expect(colour(px, 5, 10)).to.equal('red');
    expect(colour(px, 35, 10)).to.equal('red');
    expect(colour(px, 5, 50)).to.equal('blue');
    expect(colour(px, 35, 50)).to.equal('blue');
    expect(entry!.sha256).to.equal(await hex(entry!.file!));
  });

  it('shows "Đang kiểm tra tệp…" with an indeterminate bar while a file is hashed in one step', async () => {
    const el = await make();
    const gate = deferred();
    const file = gatedPdf('lon.pdf', 2 * MB, gate.promise);
    const adding = el.addFiles([file]);
    await until(() => root(el).querySelector('.file') !== null);
    await el.updateComplete;
    const li = root(el).querySelector<HTMLElement>('.file')!;
    expect(li.dataset['status']).to.equal('hashing');
    expect(li.querySelector('.status')!.textContent!.trim()).to.equal('Đang kiểm tra tệp…');
    const bar = li.querySelector('progress')!;
    // No value attribute: the bar is indeterminate (position -1), not a stuck 0%.
    expect(bar.hasAttribute('value')).to.equal(false);
    expect(bar.position).to.equal(-1);
    expect(bar.getAttribute('aria-label')).to.equal('Đang kiểm tra tệp…');
    expect(el.busy).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng chờ tải tệp xong');
    expect(el.value).to.deep.equal([]);
    // What a draft keeps across a reload: the chosen bytes, before they are finished.
    expect(
      el.unfinished.map(({ name, size, file: f }) => ({ name, size, same: f === file })),
    ).to.deep.equal([{ name: 'lon.pdf', size: file.size, same: true }]);
    await expect(el).to.be.accessible();
    gate.resolve();
    await adding;
    await settle(el);
    expect(el.unfinished).to.deep.equal([]);
    expect(li.dataset['status']).to.equal('done');
    expect(li.querySelector('.status')!.textContent!.trim()).to.equal('Đã sẵn sàng để gửi');
    expect(li.querySelector('progress')).to.equal(null);
    expect(el.documents[0]!.sha256).to.equal(await hex(file));
    const en = await make(SPEC, 'en');
    const gateEn = deferred();
    const addingEn = en.addFiles([gatedPdf('big.pdf', 2 * MB, gateEn.promise)]);
    await until(() => root(en).querySelector('.file') !== null);
    await en.updateComplete;
    expect(root(en).querySelector('.file .status')!.textContent!.trim()).to.equal(
      'Checking the file…',
    );
    gateEn.resolve();
    await addingEn;
  });

  it('shows the percentage while a file is hashed in steps', async () => {
    const el = await make({ ...SPEC, maxSizeBytes: 100 * MB });
    el.hashChunkSize = 4 * MB;
    await el.updateComplete;
    // Above 64 MB the hasher streams in 4 MB steps and reports each one.
    const file = pdf('lon.pdf', ' '.repeat(65 * MB));
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      const text = root(el).querySelector('.file .status')?.textContent?.trim();
      if (text) seen.add(text);
    });
    observer.observe(root(el), { subtree: true, childList: true, characterData: true });
    await el.addFiles([file]);
    await settle(el);
    observer.disconnect();
    const steps = [...seen].filter((t) => /^Đang kiểm tra tệp… \d+%$/.test(t));
    expect(steps.length).to.be.greaterThan(3);
    expect(steps.every((t) => t !== 'Đang kiểm tra tệp… 0%')).to.equal(true);
    expect(seen.has('Đã sẵn sàng để gửi')).to.equal(true);
  });

  it('shows an error from the form and reports it as a custom validity error', async () => {
    const el = await make();
    el.error = 'Vui lòng chọn tệp Giấy chứng sinh';
    await el.updateComplete;
    expect(errors(el)).to.deep.equal(['Lỗi: Vui lòng chọn tệp Giấy chứng sinh']);
    expect(el.validity.customError).to.equal(true);
    await expect(el).to.be.accessible();
  });
  it('reads its requirements and errors as sentences in the button description (Chromium accessibility tree)', async () => {
    // The list items were read as one run-on sentence: "Bắt buộc Bản sao có chứng thực, 2 bản
    // PDF, JPG hoặc PNG, tối đa 5 MB Tối đa 2 tệp Lỗi: …". Each now ends in a full stop that is
    // heard, not seen (the list shows no full stops, as GOV.UK's do not).
    const el = await make();
    const button = async (name: string) => {
      const found = await axNodes('button', name);
      expect(found.length).to.equal(1);
      return found[0]!.description;
    };
    expect(await button('Chọn tệp')).to.equal(
      'Bắt buộc. Bản sao có chứng thực, 2 bản. PDF, JPG hoặc PNG, tối đa 5 MB. Tối đa 2 tệp.',
    );
    el.error = 'Vui lòng chọn tệp Giấy chứng sinh';
    await el.updateComplete;
    expect(await button('Chọn tệp')).to.equal(
      'Bắt buộc. Bản sao có chứng thực, 2 bản. PDF, JPG hoặc PNG, tối đa 5 MB. Tối đa 2 tệp. ' +
        'Lỗi: Vui lòng chọn tệp Giấy chứng sinh.',
    );
    // The camera button has the same description.
    expect(await button('Chụp ảnh')).to.equal(await button('Chọn tệp'));
    el.remove();
    const en = await make({ ...SPEC, required: false, copies: 1, form: 'original' }, 'en');
    en.required = false;
    en.error = 'Choose a file for Birth certificate from the hospital.';
    await en.updateComplete;
    // A message that ends in a full stop of its own gets no second one.
    expect(await button('Choose files')).to.equal(
      'Optional. Original, 1 copy. PDF, JPG or PNG, up to 5 MB. Up to 2 files. ' +
        'Error: Choose a file for Birth certificate from the hospital.',
    );
    // Seen, the list is as it was.
    expect(root(en).querySelector<HTMLElement>('#requirements li')!.innerText).to.equal('Optional');
  });
});

describe('buildMultipartBody', () => {
  it('puts the JWS in "payload" and each file in file:<slot>:<n>', async () => {
    const a = pdf('a.pdf');
    const b = pdf('b.pdf');
    const c = new File(['x'], 'c.png');
    const body = buildMultipartBody('h.p.s', [
      { slot: 'cccd', name: 'a.pdf', file: a },
      { slot: 'giayChungSinh', name: 'b.pdf', file: b },
      { slot: 'cccd', name: 'anh chụp.png', file: c },
    ]);
    expect([...body.keys()]).to.deep.equal([
      'payload',
      'file:cccd:0',
      'file:giayChungSinh:0',
      'file:cccd:1',
    ]);
    expect(body.get('payload')).to.equal('h.p.s');
    expect((body.get('file:cccd:1') as File).name).to.equal('anh chụp.png');
    expect(await (body.get('file:giayChungSinh:0') as File).text()).to.equal(await b.text());
  });
});
