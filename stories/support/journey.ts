import type { DvcForm } from '../../components/form/form.js';
import type { Procedure } from '../../src/procedure/types.js';
import khaiSinh from '../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../schemas/procedures/dang-ky-khai-sinh.cases.json';
import ketHon from '../../schemas/procedures/dang-ky-ket-hon.json';
import ketHonCases from '../../schemas/procedures/dang-ky-ket-hon.cases.json';
import thuongTru from '../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import laiXe from '../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';
import laiXeCases from '../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.cases.json';

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

/** The four sample procedures of schemas/procedures/, imported as JSON by Vite and wtr alike. */
export const samples = {
  khaiSinh: sample(khaiSinh, khaiSinhCases),
  ketHon: sample(ketHon, ketHonCases),
  thuongTru: sample(thuongTru, thuongTruCases),
  laiXe: sample(laiXe, laiXeCases),
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

const heading = (form: DvcForm) =>
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
 * Presses Continue page after page until the review page (its declaration box) shows. Fails
 * loudly if a page reports problems, so the "filled" stories also prove that case 0 of each
 * `.cases.json` goes through the form.
 */
export async function continueToReview(form: DvcForm, maxPages = 40): Promise<void> {
  for (let i = 0; i < maxPages; i++) {
    const root = form.shadowRoot!;
    if (root.querySelector('[part~="declaration"]')) return;
    await pressPrimary(form);
    if (summaryShown(form)) {
      const items = root.querySelector('dvc-error-summary')!.items.map((p) => p.message);
      throw new Error(`"${heading(form)}" has problems: ${items.join('; ')}`);
    }
  }
  throw new Error(`No review page after ${maxPages} pages`);
}
