/**
 * The text box's attributes come from one element binding (input-attributes.ts): a first render
 * writes only the attributes that are present, a later render writes only those whose value
 * changed and removes those that went. These count the writes exactly: they would fail if a
 * render wrote every attribute again or left a stale one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/text-field/text-field.js';
import '../../../components/email-field/email-field.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';

const NAMES = [
  'required',
  'disabled',
  'readonly',
  'placeholder',
  'autocomplete',
  'inputmode',
  'maxlength',
  'spellcheck',
  'aria-invalid',
  'aria-describedby',
];

const input = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;
const present = (box: Element) =>
  Object.fromEntries(NAMES.filter((n) => box.hasAttribute(n)).map((n) => [n, box.getAttribute(n)]));

/** The attribute writes on the text box (name:new value, null when removed) while `act` runs. */
async function writesDuring(el: DvcTextField, act: () => void): Promise<string[]> {
  const box = input(el);
  const seen: string[] = [];
  const note = (records: MutationRecord[]) =>
    records.forEach((r) =>
      seen.push(`${r.attributeName}:${String(box.getAttribute(r.attributeName!))}`),
    );
  const observer = new MutationObserver(note);
  observer.observe(box, { attributes: true });
  act();
  await el.updateComplete;
  note(observer.takeRecords());
  observer.disconnect();
  return seen;
}

describe('the text box attributes', () => {
  it('a first render writes the present attributes only', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field
        label="Họ và tên"
        hint="Viết có dấu"
        required
        placeholder="Nguyễn Văn An"
        autocomplete="name"
        maxlength="40"
      ></dvc-text-field>`,
    );
    expect(present(input(el))).to.deep.equal({
      required: '',
      placeholder: 'Nguyễn Văn An',
      autocomplete: 'name',
      maxlength: '40',
      'aria-invalid': 'false',
      'aria-describedby': 'hint',
    });
  });

  it('a field without hint or options has aria-invalid alone; spellcheck="false" where asked', async () => {
    const plain = await fixture<DvcTextField>(html`<dvc-text-field label="A"></dvc-text-field>`);
    expect(present(input(plain))).to.deep.equal({ 'aria-invalid': 'false' });
    const email = await fixture<DvcTextField>(html`<dvc-email-field label="B"></dvc-email-field>`);
    expect(present(input(email))).to.include({ spellcheck: 'false', 'aria-invalid': 'false' });
  });

  it('a later render writes what changed and removes what went, nothing else', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên" hint="Viết có dấu" required></dvc-text-field>`,
    );
    expect(await writesDuring(el, () => (el.label = 'Tên'))).to.deep.equal([]);
    expect(await writesDuring(el, () => (el.required = false))).to.deep.equal(['required:null']);
    expect(await writesDuring(el, () => (el.error = 'Sai'))).to.deep.equal([
      'aria-invalid:true',
      'aria-describedby:hint error',
    ]);
    expect(
      await writesDuring(el, () => {
        el.error = '';
        el.hint = '';
        el.disabled = true;
      }),
    ).to.deep.equal(['disabled:', 'aria-invalid:false', 'aria-describedby:null']);
    expect(present(input(el))).to.deep.equal({ disabled: '', 'aria-invalid': 'false' });
  });
});
