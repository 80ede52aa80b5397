/**
 * The server-rendered first page (issue 22 points 1 and 6): exact markup for a procedure with
 * every plain widget, author text escaped wherever it lands, questions the rules hide left out,
 * and the page stopping before a question it cannot render plainly. What the element shows for
 * the same procedures is compared in test/components/form/first-page-agreement.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { ProcedureModel } from '../../../src/session/index.js';
import {
  escapeHtml,
  firstPageHtml,
  firstPageOf,
  renderFirstPage,
  PLAIN_WIDGETS,
} from '../../../src/first-page/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function load(text: string): Procedure {
  const result = loadProcedure(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.procedure;
}

const everyWidget = () => JSON.parse(fixture('every-widget.json')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const lang of ['vi', 'en'] as const) {
  test(`every plain widget renders exactly as recorded (${lang})`, async () => {
    const html = await firstPageHtml(load(fixture('every-widget.json')), {
      lang,
      today: '2026-12-05',
    });
    assert.equal(html, fixture(`every-widget.${lang}.html`).trim());
  });
}

test('the rules decide the page: a question the rules hide is not rendered, one they require is marked', async () => {
  const p = everyWidget();
  p.rules[1].conditions = { all: [{ fact: 'relation', operator: 'isNotAnswered', value: true }] };
  const page = await firstPageOf(await ProcedureModel.create(load(JSON.stringify(p))), {
    today: '2026-12-05',
  });
  assert.ok(page);
  const paths = page.questions.map((q) => q.path);
  assert.ok(!paths.includes('fatherName'), 'fatherName is shown only when relation is father');
  assert.deepEqual(
    page.questions.filter((q) => q.required).map((q) => q.path),
    ['fullName', 'phone', 'relation'],
  );
  assert.equal(page.stoppedAt, 'birthDate');
});

test('the page stops before the first question it cannot render plainly, and is not made when that is the first', async () => {
  const p = everyWidget();
  const [date] = p.ui.steps[0].fields.splice(11, 1);
  p.ui.steps[0].fields.splice(2, 0, date);
  const page = await firstPageOf(await ProcedureModel.create(load(JSON.stringify(p))));
  assert.deepEqual(
    page?.questions.map((q) => q.path),
    ['fullName', 'note'],
  );
  p.ui.steps[0].fields.unshift(p.ui.steps[0].fields.splice(2, 1)[0]);
  assert.equal(await firstPageHtml(load(JSON.stringify(p))), undefined);
});

test('author text is escaped everywhere: labels, hints, options, values, headings', async () => {
  const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;
  const p = everyWidget();
  const step = p.ui.steps[0];
  step.title.vi = evil;
  step.description.vi = evil;
  for (const f of step.fields) {
    f.label.vi = evil;
    if (f.hint) f.hint.vi = evil;
    if (f.placeholder) f.placeholder.vi = evil;
    for (const o of f.options ?? []) o.label.vi = evil;
  }
  const html = (await firstPageHtml(load(JSON.stringify(p))))!;
  assert.ok(!html.includes('<script'), 'no script element');
  assert.ok(!html.includes('<img'), 'no img element');
  // The only tags are the renderer's own (escaped text has no raw `<`), and none has a handler.
  for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) {
    assert.ok(!/\son[a-z]+=/.test(tag.replace(/"[^"]*"/g, '""')), tag);
  }
  const escaped = escapeHtml(evil);
  assert.equal(
    escaped,
    '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;',
  );
  // Every text and attribute value holds the escaped form, never the raw one.
  assert.ok(html.includes(`<legend>${escaped}</legend>`));
  assert.ok(html.includes(`placeholder="${escaped}"`));
  assert.ok(html.includes(`<h2 class="dvc-fp-heading">${escaped}</h2>`));
});

test('a field path and an option value are escaped in attributes too', () => {
  const html = renderFirstPage({
    procedure: '1@1',
    lang: 'vi',
    pageId: 'a"b',
    total: 2,
    heading: 'H',
    description: '',
    questions: [
      {
        path: 'x"y',
        widget: 'select',
        label: 'L',
        hint: '',
        placeholder: '',
        required: false,
        autocomplete: '',
        inputmode: '',
        options: [{ value: '"><b>', label: 'o' }],
      },
    ],
  });
  assert.ok(html.includes('data-page="a&quot;b"'));
  assert.ok(html.includes('name="x&quot;y"'));
  assert.ok(html.includes('<option value="&quot;&gt;&lt;b&gt;">o</option>'));
});

test("every sample procedure: the page is the model's first page, its questions up to the first one that cannot be plain", async () => {
  const dir = new URL('../../../schemas/procedures/', import.meta.url);
  for (const name of readdirSync(dir).filter((f) => /^[a-z-]+\.json$/.test(f))) {
    const procedure = load(readFileSync(new URL(name, dir), 'utf8'));
    const model = await ProcedureModel.create(procedure);
    const state = await model.createSession().check();
    const pages = model.pages(
      {
        hiddenFields: new Set(state.hidden.fields),
        hiddenDocuments: new Set(state.hidden.documents),
      },
      procedure.ui.oneQuestionPerPage === true,
    );
    const page = await firstPageOf(model);
    const fields = pages[0]!.fields.map((f) => f.field);
    if (!page) {
      // Not made only when the first question cannot be rendered plainly (a date, an address…).
      assert.ok(!PLAIN_WIDGETS.includes(pages[0]!.fields[0]!.widget as never), name);
      continue;
    }
    const stop = page.stoppedAt ? fields.indexOf(page.stoppedAt) : fields.length;
    assert.deepEqual(
      page.questions.map((q) => q.path),
      fields.slice(0, stop),
      name,
    );
    {
      assert.equal(page.pageId, pages[0]!.id, name);
      // The total only when the answers cannot change it (ProcedureModel.stepTotal): then it is
      // the pages and the review page.
      const total = model.stepTotal(procedure.ui.oneQuestionPerPage === true);
      assert.equal(page.total, total, name);
      if (total !== undefined) assert.equal(total, pages.length + 1, name);
    }
  }
});
