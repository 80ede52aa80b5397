import type { DvcForm } from '../../components/form/form.js';
import type { DvcUpload } from '../../components/upload/upload.js';
import type { Procedure } from '../../src/procedure/types.js';
import khaiSinh from '../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../schemas/procedures/dang-ky-khai-sinh.cases.json';
import ketHon from '../../schemas/procedures/dang-ky-ket-hon.json';
import ketHonCases from '../../schemas/procedures/dang-ky-ket-hon.cases.json';
import thuongTru from '../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import laiXe from '../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';
import laiXeCases from '../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.cases.json';
import tamTru from '../../schemas/procedures/dang-ky-tam-tru.json';
import tamTruCases from '../../schemas/procedures/dang-ky-tam-tru.cases.json';
import ketHonNuocNgoai from '../../schemas/procedures/dang-ky-ket-hon-nuoc-ngoai.json';
import ketHonNuocNgoaiCases from '../../schemas/procedures/dang-ky-ket-hon-nuoc-ngoai.cases.json';
import lyLich from '../../schemas/procedures/cap-phieu-ly-lich-tu-phap.json';
import lyLichCases from '../../schemas/procedures/cap-phieu-ly-lich-tu-phap.cases.json';

export interface Sample {
  procedure: Procedure;
  /** The date the `.cases.json` answers were written for (ages and deadlines depend on it). */
  today: string;
  /** Case 0 of the `.cases.json`: a complete, valid, eligible application. */
  complete: Record<string, unknown>;
  /** The answers of the first case the file expects to be ineligible. */
  ineligible?: Record<string, unknown>;
}

interface CasesFile {
  today: string;
  cases: { answers: Record<string, unknown>; expect?: { eligibility?: { status?: string } } }[];
}

function sample(procedure: unknown, cases: unknown): Sample {
  const file = cases as CasesFile;
  return {
    procedure: procedure as Procedure,
    today: file.today,
    complete: file.cases[0].answers,
    ineligible: file.cases.find((c) => c.expect?.eligibility?.status === 'ineligible')?.answers,
  };
}

/**
 * The sample procedures of schemas/procedures/, imported as JSON by Vite and wtr alike; each has
 * a story (test/storybook/static-build.test.ts checks none is left out).
 */
export const samples = {
  khaiSinh: sample(khaiSinh, khaiSinhCases),
  ketHon: sample(ketHon, ketHonCases),
  thuongTru: sample(thuongTru, thuongTruCases),
  laiXe: sample(laiXe, laiXeCases),
  tamTru: sample(tamTru, tamTruCases),
  ketHonNuocNgoai: sample(ketHonNuocNgoai, ketHonNuocNgoaiCases),
  lyLich: sample(lyLich, lyLichCases),
};

/** Resolves once `test()` holds, polling each frame; rejects with `what` after `timeout` ms. */
export async function waitFor(test: () => boolean, what: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The form inside a story's canvas, once it has loaded its procedure. */
export async function formIn(canvas: HTMLElement): Promise<DvcForm> {
  const form = canvas.querySelector<DvcForm>('dvc-form');
  if (!form) throw new Error('The story has no <dvc-form>');
  await form.settled();
  return form;
}

/** The heading of the form's current page. */
export const heading = (form: DvcForm) =>
  form.shadowRoot?.querySelector('#page-heading')?.textContent?.trim() ?? '';
const summaryShown = (form: DvcForm) =>
  (form.shadowRoot?.querySelector('dvc-error-summary')?.items.length ?? 0) > 0;

/** Presses the primary button (Continue or Submit) and waits for the page or the summary. */
export async function pressPrimary(form: DvcForm): Promise<void> {
  const before = heading(form);
  const button = form.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button-primary"]');
  if (!button) throw new Error(`No Continue button on "${before}"`);
  button.click();
  await waitFor(() => heading(form) !== before || summaryShown(form), `the page after "${before}"`);
  await form.settled();
}

/**
 * A tiny but complete PDF 1.4 (ISO 32000-1 §7.5): one blank A5 page, with the byte offsets of its
 * cross-reference table computed, so any PDF reader opens it, not just the upload's `%PDF-` check.
 */
export function tinyPdf(name: string): File {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new File([body], name, { type: 'application/pdf' });
}

/** A small real PNG drawn on a canvas, 3:4 like an ID photo (the portrait slot decodes it). */
export async function tinyPng(name: string, width = 300, height = 400): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#dfe6ec';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#8a97a3';
  ctx.beginPath();
  ctx.arc(width / 2, height * 0.4, width * 0.22, 0, 2 * Math.PI);
  ctx.fill();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode a PNG');
  return new File([blob], name, { type: 'image/png' });
}

/**
 * Gives each required, still empty document on the current page a file, through the upload's
 * own `addFiles` (the type check, photo resizing and hashing all run; only the file picker,
 * which a script cannot open, is skipped). Photo slots get a PNG, the others a PDF. Resolves
 * once every file is hashed.
 */
export async function attachDocuments(form: DvcForm): Promise<void> {
  const root = form.shadowRoot!;
  for (const upload of form.querySelectorAll<DvcUpload>(':scope > dvc-upload')) {
    const shown = root.querySelector(`slot[name="${upload.slot}"]`);
    if (!shown || !upload.required || upload.documents.length > 0) continue;
    const file = upload.spec?.photo
      ? await tinyPng(`${upload.name}.png`)
      : tinyPdf(`${upload.name}.pdf`);
    // Resolves once the file is checked, (for photos) resized and hashed, or refused.
    await upload.addFiles([file]);
    await upload.updateComplete;
    if (upload.busy || upload.documents.length === 0) {
      const shown = upload.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim();
      throw new Error(`Document "${upload.name}" did not take ${file.name}: ${shown ?? ''}`);
    }
  }
  await form.settled();
}

/**
 * Presses Continue page after page until the review page (its declaration box) shows, attaching
 * a small file to each required document on the way. Fails loudly if a page reports problems,
 * so the "filled" stories also prove that case 0 of each `.cases.json` goes through the form.
 */
export async function continueToReview(form: DvcForm, maxPages = 40): Promise<void> {
  for (let i = 0; i < maxPages; i++) {
    const root = form.shadowRoot!;
    if (root.querySelector('[part~="declaration"]')) return;
    await attachDocuments(form);
    await pressPrimary(form);
    if (summaryShown(form)) {
      const items = root.querySelector('dvc-error-summary')!.items.map((p) => p.message);
      throw new Error(`"${heading(form)}" has problems: ${items.join('; ')}`);
    }
  }
  throw new Error(`No review page after ${maxPages} pages`);
}
