/**
 * Issue 22 point 3: `<dvc-form>` (`light-first-page`, on by default) shows its first page's
 * plain questions as plain controls first and replaces them with their elements one by one
 * (components/form/light-questions.ts). Nothing typed is lost, focus and the caret stay, nothing
 * moves, and a question being typed in is replaced only once it is left.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { LightQuestions } from '../../../components/form/light-questions.js';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { firstPageHtml } from '../../../src/first-page/index.js';
import everyWidget from '../../src/first-page/fixtures/every-widget.json';
import { axQuestions } from '../../support/ax-tree.js';

let run = 0;
function procedure(extraRules: unknown[] = []): Procedure {
  // A code of its own per test: drafts are kept per code (see first-page-adoption.test.ts).
  const code = `9.${String(200000 + ++run).padStart(6, '0')}`;
  const rules = [...everyWidget.rules, ...extraRules];
  const r = loadProcedure(JSON.stringify({ ...everyWidget, code, rules }));
  if (!r.ok) throw new Error('fixture invalid');
  return r.procedure;
}

/** The plain questions this fixture's first page shows as placeholders (widgets in LIGHT). */
const LIGHT_PATHS = [
  'fullName',
  'copies',
  'phone',
  'email',
  'personalId',
  'province',
  'relation',
  'birthDate',
  'after',
];

const placeholders = (form: DvcForm) =>
  [...form.shadowRoot!.querySelectorAll<HTMLElement>('.dvc-fp-field')].map((f) => f.dataset.path);

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A ready form whose placeholders wait (`delay` held) until the test starts or flushes them. */
async function heldForm(extraRules?: unknown[]): Promise<DvcForm> {
  LightQuestions.delay = 1e9;
  const form = await fixture<DvcForm>(`<dvc-form light-first-page today="2026-12-05"></dvc-form>`);
  form.procedureData = procedure(extraRules);
  // The first form of the run loads the engine chunk: longer than waitUntil's 1 s default.
  await waitUntil(() => placeholders(form).length > 0, 'no placeholder rendered', {
    timeout: 10_000,
  });
  await form.updateComplete;
  return form;
}

afterEach(() => {
  LightQuestions.delay = 0;
  LightQuestions.budget = 40;
});

/** Counts the form's renders (a controller's hostUpdated runs once per update). */
function countRenders(form: DvcForm): { count: number } {
  const counter = { count: 0 };

  form.addController({ hostUpdated: () => counter.count++ });
  return counter;
}

describe('<dvc-form light-first-page>', () => {
  it('is on by default; light-first-page="false" renders every question as its element from the start', async () => {
    LightQuestions.delay = 1e9;
    const on = await fixture<DvcForm>(`<dvc-form today="2026-12-05"></dvc-form>`);
    on.procedureData = procedure();
    await waitUntil(() => placeholders(on).length > 0, 'no placeholder by default', {
      timeout: 10_000,
    });
    expect(on.lightFirstPage).to.equal(true);
    const off = await fixture<DvcForm>(
      `<dvc-form light-first-page="false" today="2026-12-05"></dvc-form>`,
    );
    expect(off.lightFirstPage).to.equal(false);
    off.procedureData = procedure();
    await waitUntil(() => off.status === 'ready', 'not ready', { timeout: 10_000 });
    await off.updateComplete;
    expect(placeholders(off)).to.deep.equal([]);
    expect(off.shadowRoot!.querySelector('#field-fullName')!.localName).to.equal('dvc-text-field');
    expect(off.light).to.equal(undefined);
  });

  it('shows the plain questions as plain controls, then as their elements, and nothing moves', async () => {
    const form = await heldForm();
    expect(placeholders(form)).to.deep.equal(LIGHT_PATHS);
    const box = (path: string) =>
      form.shadowRoot!.querySelector(`[data-path="${path}"]`)!.getBoundingClientRect();
    const before = LIGHT_PATHS.map((p) => [p, box(p).top, box(p).height]);
    await expect(form).to.be.accessible();
    await form.settled();
    expect(placeholders(form)).to.deep.equal([]);
    for (const p of LIGHT_PATHS)
      expect(form.shadowRoot!.querySelector(`[data-path="${p}"]`)!.localName, p).to.match(/^dvc-/);
    expect(LIGHT_PATHS.map((p) => [p, box(p).top, box(p).height])).to.deep.equal(before);
  });

  it('puts each element in its placeholder’s place alone: the page is not rendered again for it, and stays', async () => {
    const form = await heldForm();
    // The chunks that load after ready (drafts, review, submission) render the page once.
    await form.loading;
    await form.updateComplete;
    const renders = countRenders(form);
    form.light!.start();
    await waitUntil(() => placeholders(form).length === 0, 'not every question was replaced');
    // Before, every batch rendered the whole page again (1,000 questions: 20 renders of it).
    expect(renders.count).to.equal(0);
    const elements = LIGHT_PATHS.map((p) => form.shadowRoot!.querySelector(`[data-path="${p}"]`));
    // The form's next render puts the same element template in the same place: updated, never
    // made again (which would drop what the element holds).
    form.requestUpdate();
    await form.updateComplete;
    expect(
      LIGHT_PATHS.map((p) => form.shadowRoot!.querySelector(`[data-path="${p}"]`)),
    ).to.deep.equal(elements);
  });

  it('starts upgrading only after the page’s first frame, so its first paint never waits for it', async () => {
    // Frames held: requestAnimationFrame callbacks queue until the test runs them.
    const frames: FrameRequestCallback[] = [];
    const rafBefore = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => frames.push(cb);
    try {
      const form = await fixture<DvcForm>(`<dvc-form today="2026-12-05"></dvc-form>`);
      form.procedureData = procedure();
      await waitUntil(() => placeholders(form).length > 0, 'no placeholder', { timeout: 10_000 });
      // Timers run, frames do not: every question still waits (a timer set at the render ran
      // the first upgrades before the paint).
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
      expect(placeholders(form)).to.deep.equal(LIGHT_PATHS);
      for (const cb of frames.splice(0)) cb(performance.now());
      await waitUntil(() => placeholders(form).length === 0, 'not upgraded after the frame');
    } finally {
      window.requestAnimationFrame = rafBefore;
    }
  });

  it('a radio placeholder’s radios leave their group when it is replaced, so the shadow root lets them go', async () => {
    // Blink's radio groups of a shadow root keep a radio removed with its name, and with it the
    // placeholder's detached tree (a heap snapshot's retainers at 1,000 questions).
    const form = await heldForm();
    const radios = [
      ...form.shadowRoot!.querySelectorAll<HTMLInputElement>(
        '.dvc-fp-field[data-path="relation"] input[type="radio"]',
      ),
    ];
    expect(radios.map((r) => r.name)).to.deep.equal(['relation', 'relation']);
    await form.settled();
    expect(radios.map((r) => [r.isConnected, r.name])).to.deep.equal([
      [false, ''],
      [false, ''],
    ]);
  });

  it('upgrades for its time budget per task, at least one question each, so the page answers keys between', async () => {
    const form = await heldForm();
    // A spent budget: one question per task. The number still waiting, read as each timer task
    // starts (the upgrades run in timer tasks), drops by one from one task to the next; a fixed
    // batch of 50 took all nine in one task.
    LightQuestions.budget = 0;
    const seen: number[] = [];
    const setTimeoutBefore = window.setTimeout;
    window.setTimeout = ((handler: () => void, ms?: number) =>
      setTimeoutBefore(() => {
        if (seen.at(-1) !== form.light!.pending.length) seen.push(form.light!.pending.length);
        handler();
      }, ms)) as typeof window.setTimeout;
    try {
      form.light!.start();
      await waitUntil(() => placeholders(form).length === 0, 'not every question was replaced');
    } finally {
      window.setTimeout = setTimeoutBefore;
    }
    if (seen.at(-1) !== 0) seen.push(form.light!.pending.length);
    expect(seen).to.deep.equal([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('gives assistive technology the same questions before and after (Chromium accessibility tree)', async () => {
    // A screen reader meets the placeholders first: the same roles, names, descriptions and
    // states as the elements that replace them, so nothing it said changes under the person.
    // Before, a radio question was a plain group whose radios were each "invalid" (their own
    // `required`, none chosen) and not required, and became a required radiogroup.
    const form = await heldForm();
    const before = await axQuestions();
    await form.settled();
    expect(await axQuestions()).to.deep.equal(before);
    expect(before).to.include(
      'radiogroup | Quan hệ với trẻ |  | required=true | invalid=false | checked=',
    );
  });

  it('an answer that comes from elsewhere while a question waits (a draft resumed): its element shows it at once', async () => {
    const form = await heldForm();
    // As a resumed draft's answers go in: into the session, then the page renders.
    form.fieldEvents.setAnswer('fullName', 'Trần Thị B');
    form.requestUpdate();
    await waitUntil(
      () => form.shadowRoot!.querySelector('#field-fullName')?.localName === 'dvc-text-field',
      'the question still waits',
    );
    const field = form.shadowRoot!.querySelector<HTMLElement & { value: string }>(
      '#field-fullName',
    )!;
    expect(field.localName).to.equal('dvc-text-field');
    expect(field.value).to.equal('Trần Thị B');
    // The others still wait (the start is held).
    expect(placeholders(form)).to.deep.equal(LIGHT_PATHS.filter((p) => p !== 'fullName'));
  });

  it('keeps what was typed, with focus and caret, when the question is replaced', async () => {
    const form = await heldForm();
    const input = form.shadowRoot!.querySelector<HTMLInputElement>(
      '.dvc-fp-field[data-path="fullName"] input',
    )!;
    input.focus();
    await sendKeys({ type: 'Nguyễn Văn A' });
    await form.settled();
    const field = form.shadowRoot!.querySelector<HTMLElement & { value: string }>(
      '#field-fullName',
    )!;
    expect(field.localName).to.equal('dvc-text-field');
    expect(field.value).to.equal('Nguyễn Văn A');
    expect(form.answers.fullName).to.equal('Nguyễn Văn A');
    const control = field.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
    expect(deepActive()).to.equal(control);
    expect(control.selectionStart).to.equal('Nguyễn Văn A'.length);
    await sendKeys({ type: 'B' });
    expect(field.value).to.equal('Nguyễn Văn AB');
  });

  it('replaces the question being typed in only once it is left, the others at once', async () => {
    const form = await heldForm();
    const phone = form.shadowRoot!.querySelector<HTMLInputElement>(
      '.dvc-fp-field[data-path="phone"] input',
    )!;
    phone.focus();
    await sendKeys({ type: '0912 345 678' });
    form.light!.start();
    await waitUntil(() => placeholders(form).length === 1, 'the others were not replaced');
    expect(placeholders(form)).to.deep.equal(['phone']);
    expect(deepActive()).to.equal(phone);
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => placeholders(form).length === 0, 'the phone was not replaced');
    await form.settled();
    // The phone field's own normalisation, as if typed into it and left.
    expect(form.answers.phone).to.equal('0912345678');
  });

  it('a choice made in a placeholder counts at once: its element has it, with focus, and the rules ran', async () => {
    const form = await heldForm();
    const father = form.shadowRoot!.querySelector<HTMLInputElement>(
      '.dvc-fp-field[data-path="relation"] input[value="father"]',
    )!;
    father.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => !placeholders(form).includes('relation'), 'the radio was not replaced');
    await waitUntil(() => form.shadowRoot!.querySelector('#field-fatherName'), 'no rules run');
    expect(form.answers.relation).to.equal('father');
    // Only the question chosen in: the others still wait (the start is held).
    expect(placeholders(form)).to.deep.equal(LIGHT_PATHS.filter((p) => p !== 'relation'));
    const radio = deepActive() as HTMLInputElement;
    expect([radio.type, radio.value, radio.checked]).to.deep.equal(['radio', 'father', true]);
    expect(form.shadowRoot!.querySelector('#field-relation')!.shadowRoot!.contains(radio)).to.equal(
      true,
    );
  });

  it('a waiting question the rules hide is let go, and comes back as its element', async () => {
    // `after` is shown on the form's day only: on the page, waiting, until that day changes.
    const form = await heldForm([
      {
        id: 'after-on-the-day',
        kind: 'show',
        conditions: { all: [{ fact: 'today', operator: 'equal', value: '2026-12-05' }] },
        targets: { fields: ['after'] },
      },
    ]);
    expect(placeholders(form)).to.include('after');
    form.today = '2026-12-06';
    await waitUntil(() => !form.shadowRoot!.getElementById('field-after'), 'after was not hidden');
    form.light!.start();
    await waitUntil(() => form.light!.finished, 'the upgrades did not finish');
    // No place is kept for the question that left: nothing holds its part or the page's.
    expect(form.light!.slots.size).to.equal(0);
    expect(placeholders(form)).to.deep.equal([]);
    form.today = '2026-12-05';
    await waitUntil(() => form.shadowRoot!.getElementById('field-after'), 'after did not return');
    expect(form.shadowRoot!.getElementById('field-after')!.localName).to.equal('dvc-text-field');
  });

  it('a date looks like its element, and its calendar button opens the element’s picker', async () => {
    const form = await heldForm();
    const button = form.shadowRoot!.querySelector<HTMLButtonElement>(
      '.dvc-fp-field[data-path="birthDate"] button',
    )!;
    expect(button.getAttribute('aria-label')).to.equal('Chọn ngày trên lịch');
    button.click();
    await waitUntil(
      () =>
        form
          .shadowRoot!.querySelector('#field-birthDate')
          ?.shadowRoot?.querySelector('dialog[open]'),
      'the picker did not open',
    );
    expect(placeholders(form)).to.deep.equal(LIGHT_PATHS.filter((p) => p !== 'birthDate'));
  });

  it('a date’s placeholder has the element’s icon, markup for markup', async () => {
    const form = await heldForm();
    const icon = form.shadowRoot!.querySelector('.dvc-fp-field[data-path="birthDate"] svg')!;
    await form.settled();
    const own = form
      .shadowRoot!.querySelector('#field-birthDate')!
      .shadowRoot!.querySelector('svg')!;
    expect(icon.outerHTML).to.equal(own.outerHTML);
  });

  it('a keystroke in a placeholder puts in the session what the element would, for every text box', async () => {
    // The same texts typed (an IME's full-width digits, decomposed accents, a bad number or date
    // included) into each placeholder and then into its element: the answers must be the same.
    const texts: Record<string, string[]> = {
      fullName: ['  Nguyễn Văn A ', 'Nguye\u0303n', ''],
      copies: ['1.234', '12,5', 'abc', ''],
      phone: ['０９１２ ３４５ ６７８', '+84 912 345 678'],
      email: [' an@vd.vn '],
      personalId: ['００１ ２０３ ０１２ ３４５', '001203012345'],
      birthDate: ['15/03/2025', '31/02/2025', '１５/０３/２０２５'],
    };
    const form = await heldForm();
    const type = (box: HTMLInputElement, text: string) => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      return form.answers[box.closest('[data-path]')?.getAttribute('data-path') ?? ''];
    };
    const seen: Record<string, unknown[]> = {};
    for (const [path, list] of Object.entries(texts)) {
      const box = form.shadowRoot!.querySelector<HTMLInputElement>(
        `.dvc-fp-field[data-path="${path}"] input`,
      )!;
      seen[path] = list.map((text) => type(box, text));
    }
    // Typed and never left: the session has it before any question is replaced.
    expect(placeholders(form)).to.deep.equal(LIGHT_PATHS);
    await form.settled();
    const own: Record<string, unknown[]> = {};
    for (const [path, list] of Object.entries(texts)) {
      const box = form
        .shadowRoot!.querySelector(`#field-${path}`)!
        .shadowRoot!.querySelector<HTMLInputElement>('#control')!;
      own[path] = list.map((text) => {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        return form.answers[path];
      });
    }
    expect(seen).to.deep.equal(own);
    expect(seen.phone).to.deep.equal(['0912345678', '0912345678']);
  });

  it('a server-rendered first page is handed over as before: no placeholder of its own', async () => {
    const data = procedure();
    const markup = (await firstPageHtml(data, { today: '2026-12-05' }))!;
    const form = await fixture<DvcForm>(
      `<dvc-form light-first-page today="2026-12-05">${markup}</dvc-form>`,
    );
    const plain = form.querySelector<HTMLInputElement>(
      '.dvc-fp-field[data-path="fullName"] input',
    )!;
    plain.focus();
    plain.value = 'Trần Thị B';
    plain.setSelectionRange(4, 4);
    form.procedureData = data;
    // The hand-over gives focus and caret to the element's own box at once, as without the flag.
    await waitUntil(() => form.querySelector('.dvc-first-page') === null, 'not handed over', {
      timeout: 10_000,
    });
    expect(placeholders(form)).to.deep.equal([]);
    const control = form
      .shadowRoot!.querySelector('#field-fullName')!
      .shadowRoot!.querySelector('#control') as HTMLInputElement;
    expect(deepActive()).to.equal(control);
    expect(control.selectionStart).to.equal(4);
    await form.settled();
    expect(placeholders(form)).to.deep.equal([]);
    expect(form.shadowRoot!.querySelector('#field-fullName')!.localName).to.equal('dvc-text-field');
    expect(form.answers.fullName).to.equal('Trần Thị B');
    expect(form.querySelector('.dvc-first-page')).to.equal(null);
  });
});
