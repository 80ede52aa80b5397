/**
 * The fields' reflected properties (`name`, `required`, `disabled`, `readonly`, `prefilled`,
 * `lang`) are written to the host by hand (field-element.ts): only an attribute that says
 * otherwise is written, so a field's first update on a large page makes no attribute writes for
 * defaults and none for a language it inherits (docs/performance.md, issue 22 round 6). The
 * public attribute API stays: attributes set properties, properties show as attributes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/text-field/text-field.js';
import '../../../components/radio-group/radio-group.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';

const REFLECTED = ['name', 'required', 'disabled', 'readonly', 'prefilled', 'lang'];
const attributes = (el: Element) =>
  Object.fromEntries(
    REFLECTED.filter((a) => el.hasAttribute(a)).map((a) => [a, el.getAttribute(a)]),
  );

/** The attribute changes on `el` while `act` runs and the field updates, in order. */
async function writesDuring(el: DvcTextField, act: () => void): Promise<string[]> {
  const seen: string[] = [];
  const observer = new MutationObserver((records) =>
    records.forEach((r) => seen.push(`${r.attributeName}:${el.getAttribute(r.attributeName!)}`)),
  );
  observer.observe(el, { attributes: true });
  act();
  await el.updateComplete;
  observer
    .takeRecords()
    .forEach((r) => seen.push(`${r.attributeName}:${el.getAttribute(r.attributeName!)}`));
  observer.disconnect();
  return seen;
}

describe('field reflected attributes', () => {
  it('a field with default properties gets none of their attributes', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    expect(attributes(el)).to.deep.equal({});
  });

  it('attributes written in HTML set the properties and stay as written', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field
        label="Họ và tên"
        name="hoTen"
        required="required"
        readonly
        prefilled
        lang="en"
      ></dvc-text-field>`,
    );
    expect([el.name, el.required, el.disabled, el.readonly, el.prefilled, el.lang]).to.deep.equal([
      'hoTen',
      true,
      false,
      true,
      true,
      'en',
    ]);
    expect(attributes(el)).to.deep.equal({
      name: 'hoTen',
      required: 'required',
      readonly: '',
      prefilled: '',
      lang: 'en',
    });
    el.setAttribute('disabled', '');
    el.removeAttribute('required');
    await el.updateComplete;
    expect([el.disabled, el.required]).to.deep.equal([true, false]);
    expect(el.shadowRoot!.querySelector('input')!.disabled).to.equal(true);
  });

  it('properties set from script show as attributes, and go when cleared', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    const writes = await writesDuring(el, () => {
      el.name = 'hoTen';
      el.required = true;
      el.disabled = true;
      el.readonly = true;
      el.prefilled = true;
      el.lang = 'en';
    });
    expect(writes).to.deep.equal([
      'name:hoTen',
      'required:',
      'disabled:',
      'readonly:',
      'prefilled:',
      'lang:en',
    ]);
    expect(el.shadowRoot!.querySelector('#prefilled')!.textContent).to.equal('Pre-filled');
    const cleared = await writesDuring(el, () => {
      el.name = '';
      el.required = false;
      el.disabled = false;
      el.readonly = false;
      el.prefilled = false;
      el.lang = '';
    });
    expect(cleared).to.deep.equal([
      'name:null',
      'required:null',
      'disabled:null',
      'readonly:null',
      'prefilled:null',
      'lang:null',
    ]);
    expect(attributes(el)).to.deep.equal({});
  });

  it("a field's first update writes only the attributes that differ: no lang it inherits", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="vi-VN"></div>`);
    const el = document.createElement('dvc-text-field');
    Object.assign(el, { label: 'Họ và tên', name: 'hoTen', required: false, lang: 'vi' });
    const writes = await writesDuring(el, () => wrap.append(el));
    expect(writes).to.deep.equal(['name:hoTen']);
    // It speaks Vietnamese and is announced in the language around it.
    expect(el.matches(':lang(vi)')).to.equal(true);
    el.required = true;
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập thông tin này.');
  });

  it('a language other than the one around the field is written on it', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const el = document.createElement('dvc-text-field');
    Object.assign(el, { label: 'Họ và tên', lang: 'vi', required: true });
    wrap.append(el);
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('vi');
    expect(el.validationMessage).to.equal('Vui lòng nhập thông tin này.');
  });

  it('an attribute the field wrote changes nothing else (no second update)', async () => {
    const el = await fixture<DvcTextField>(
      html`<dvc-text-field label="Họ và tên"></dvc-text-field>`,
    );
    let updates = 0;
    const update = (el as unknown as { update: (c: unknown) => void }).update.bind(el);
    (el as unknown as { update: (c: unknown) => void }).update = (c) => {
      updates++;
      update(c);
    };
    el.name = 'hoTen';
    el.required = true;
    await el.updateComplete;
    expect(el.isUpdatePending).to.equal(false);
    expect(updates).to.equal(1);
    expect(el.checkValidity()).to.equal(false);
  });
});
