/**
 * The server-rendered first page inside a CMS page that wraps everything in one `<form>`
 * (ASP.NET Web Forms, portal page builders): while the script arrives, the first page is in
 * the page's light DOM, and its controls must not join the page's form. Before, the citizen's
 * answers went out with the site's search, Enter in a first-page text box submitted the site's
 * form (the page reloaded, the answers were lost), and a required radio left blank blocked the
 * site's own buttons with "Please select one of these options".
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { loadProcedure, type Procedure } from '../../../src/procedure/index.js';
import { firstPageHtml } from '../../../src/first-page/index.js';
import everyWidget from '../../src/first-page/fixtures/every-widget.json';

function procedure(): Procedure {
  const r = loadProcedure(JSON.stringify(everyWidget));
  if (!r.ok) throw new Error('fixture invalid');
  return r.procedure;
}

describe('the first page inside the page’s own <form>', () => {
  let page: HTMLFormElement;
  let submits: number;
  const onSubmit = (e: Event) => {
    submits++;
    e.preventDefault();
  };

  beforeEach(async () => {
    submits = 0;
    const markup = (await firstPageHtml(procedure(), { today: '2026-12-05' }))!;
    // A form still loading (no procedure yet): its first page is what the citizen has.
    page = await fixture<HTMLFormElement>(
      `<form action="/tim-kiem"><input name="q" /><button>Tìm</button>` +
        `<dvc-form today="2026-12-05">${markup}</dvc-form></form>`,
    );
    page.addEventListener('submit', onSubmit);
  });

  it('keeps the answers out of the page form’s data and its validation', () => {
    const form = page.querySelector<DvcForm>('dvc-form')!;
    const name = form.querySelector<HTMLInputElement>('input[name="fullName"]')!;
    name.value = 'Nguyễn Văn An';
    form.querySelector<HTMLInputElement>('input[type="radio"]')!.checked = true;
    expect([...new FormData(page).keys()]).to.deep.equal(['q']);
    expect(name.form).to.equal(null);
    // Required questions left blank do not stop the site's own search.
    expect(page.checkValidity()).to.equal(true);
    expect([...page.elements].map((e) => (e as HTMLInputElement).name)).to.deep.equal(['q', '']);
  });

  it('Enter in a first-page text box does not submit the page’s form', async () => {
    const name = page.querySelector<HTMLInputElement>('dvc-form input[name="fullName"]')!;
    name.focus();
    await sendKeys({ type: 'An' });
    await sendKeys({ press: 'Enter' });
    expect(name.value).to.equal('An');
    expect(submits).to.equal(0);
    // The site's own field still submits it.
    page.querySelector<HTMLInputElement>('input[name="q"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
  });
});
