import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/address-field/address-field.js';
import type { DvcAddressField } from '../../../components/address-field/address-field.js';

const $ = <E extends Element>(el: HTMLElement, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel)!;
const optionTexts = (select: HTMLSelectElement) =>
  [...select.options].map((o) => o.textContent!.trim());

describe('dvc-address-field', () => {
  it('loads the 2025 list lazily, filters communes by province and by typed search without tone marks', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Nơi thường trú" name="diaChi"></dvc-address-field>`,
    );
    await el.unitsReady();
    const province = $<HTMLSelectElement>(el, '#province');
    expect(province.options.length).to.equal(35);
    expect($<HTMLSelectElement>(el, '#commune').disabled).to.equal(true);
    expect($(el, '#commune-hint').textContent).to.equal('Vui lòng chọn tỉnh, thành phố trước.');
    await expect(el).to.be.accessible();

    province.focus();
    province.value = '01';
    province.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    province.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const commune = $<HTMLSelectElement>(el, '#commune');
    expect(commune.disabled).to.equal(false);
    expect(commune.options.length).to.equal(127);
    expect(optionTexts(commune)).to.include('Phường Ba Đình');

    $<HTMLInputElement>(el, '#search').focus();
    await sendKeys({ type: 'ba dinh' });
    await el.updateComplete;
    expect(optionTexts($<HTMLSelectElement>(el, '#commune'))).to.deep.equal([
      '— Chọn xã, phường, đặc khu —',
      'Phường Ba Đình',
    ]);
    expect($(el, '#matches').textContent).to.equal('Có 1 kết quả.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '01', commune: '00004', street: '' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Số 1 Hùng Vương' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '01', commune: '00004', street: 'Số 1 Hùng Vương' });
    await expect(el).to.be.accessible();
  });

  it('changing province clears the commune', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field
        label="Địa chỉ"
        .value=${{ province: '01', commune: '00004', street: 'Số 1' }}
      ></dvc-address-field>`,
    );
    await el.unitsReady();
    expect($<HTMLSelectElement>(el, '#commune').value).to.equal('00004');
    const province = $<HTMLSelectElement>(el, '#province');
    province.value = '79';
    province.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '79', commune: '', street: 'Số 1' });
  });

  it('names the missing part in its validation message when required', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Địa chỉ" required></dvc-address-field>`,
    );
    await el.unitsReady();
    expect(el.validationMessage).to.equal('Vui lòng chọn tỉnh, thành phố.');
    el.value = { province: '01', commune: '', street: '' };
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng chọn xã, phường, đặc khu.');
    el.value = { province: '01', commune: '00004', street: ' ' };
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Vui lòng nhập số nhà, tên đường, thôn hoặc tổ dân phố.');
    el.value = { province: '01', commune: '00004', street: 'Số 1' };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
  });

  it('with an error, marks invalid only the part that is missing (the part the summary link focuses)', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Địa chỉ" required></dvc-address-field>`,
    );
    await el.unitsReady();
    const invalid = () =>
      ['province', 'commune', 'street'].map((id) => $(el, `#${id}`).getAttribute('aria-invalid'));
    el.value = { province: '01', commune: '00004', street: '' };
    el.error = 'Nhập số nhà, tên đường hoặc thôn, tổ dân phố cho địa chỉ';
    await el.updateComplete;
    expect(invalid()).to.deep.equal(['false', 'false', 'true']);
    el.value = { province: '01', commune: '', street: '' };
    await el.updateComplete;
    expect(invalid()).to.deep.equal(['false', 'true', 'false']);
    // An error about a complete address (a commune of another province…) is about all of it.
    el.value = { province: '01', commune: '00004', street: 'Số 1' };
    await el.updateComplete;
    expect(invalid()).to.deep.equal(['true', 'true', 'true']);
    el.error = '';
    await el.updateComplete;
    expect(invalid()).to.deep.equal(['false', 'false', 'false']);
  });

  it('street-optional: a place needs no street, which is labelled optional and not required', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Quê quán" required street-optional></dvc-address-field>`,
    );
    await el.unitsReady();
    const street = $<HTMLInputElement>(el, '#street');
    expect(street.required).to.equal(false);
    expect(street.labels![0].textContent!.trim()).to.equal(
      'Số nhà, tên đường, thôn, tổ dân phố (không bắt buộc)',
    );
    el.value = { province: '01', commune: '00004', street: '' };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    el.lang = 'en';
    await el.updateComplete;
    expect(street.labels![0].textContent!.trim()).to.equal(
      'House number, street, village or neighbourhood (optional)',
    );
    await expect(el).to.be.accessible();
  });

  it('offers the nearest fully answered address above, of the same kind, instead of typing it again', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <dvc-address-field id="mother" label="Nơi cư trú của người mẹ" required></dvc-address-field>
        <dvc-address-field id="hometown" label="Quê quán" street-optional></dvc-address-field>
        <dvc-address-field
          id="father"
          label="Nơi cư trú của người cha"
          required
        ></dvc-address-field>
      </div>`,
    );
    const [mother, hometown, father] = [
      ...page.querySelectorAll<DvcAddressField>('dvc-address-field'),
    ];
    await father.unitsReady();
    const offer = (el: DvcAddressField) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="reuse"]');
    // Nothing to reuse yet: the mother's address lacks its street.
    mother.value = { province: '01', commune: '00004', street: '' };
    mother.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await father.updateComplete;
    expect(offer(father)).to.equal(null);

    const street = $<HTMLInputElement>(mother, '#street');
    street.focus();
    await sendKeys({ type: 'Số 12 phố Đội Cấn' });
    await father.updateComplete;
    expect(offer(father)!.textContent!.trim()).to.equal(
      'Dùng lại địa chỉ đã khai ở “Nơi cư trú của người mẹ”',
    );
    expect(offer(mother)).to.equal(null);
    // A place (commune and province) is not offered an address, nor an address a place.
    expect(offer(hometown)).to.equal(null);
    await expect(father).to.be.accessible();

    const changes: unknown[] = [];
    father.addEventListener('dvc-change', (e) => changes.push((e as CustomEvent).detail.value));
    offer(father)!.focus();
    await sendKeys({ press: 'Enter' });
    await father.updateComplete;
    const copied = { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' };
    expect(father.value).to.deep.equal(copied);
    expect(changes).to.deep.equal([copied]);
    // The offer is gone with the empty answer; the focus is on the street box, not lost.
    expect(offer(father)).to.equal(null);
    expect(father.shadowRoot!.activeElement).to.equal($(father, '#street'));
    expect($<HTMLSelectElement>(father, '#commune').value).to.equal('00004');

    father.lang = 'en';
    father.value = { province: '', commune: '', street: '' };
    await father.updateComplete;
    expect(offer(father)!.textContent!.trim()).to.equal(
      'Use the address given in “Nơi cư trú của người mẹ”',
    );
  });

  it('reuse-from: offers the address it names, not the nearest; empty, none', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <dvc-address-field name="mother" label="Nơi cư trú của người mẹ"></dvc-address-field>
        <dvc-address-field name="work" label="Nơi làm việc của người mẹ"></dvc-address-field>
        <dvc-address-field name="father" label="Nơi cư trú của người cha"></dvc-address-field>
      </div>`,
    );
    const [mother, work, father] = [...page.querySelectorAll<DvcAddressField>('dvc-address-field')];
    mother.value = { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' };
    work.value = { province: '01', commune: '00008', street: 'Số 1 phố Tràng Tiền' };
    const offer = async () => {
      father.requestUpdate();
      await father.updateComplete;
      return $<HTMLButtonElement>(father, 'button[part="reuse"]')?.textContent?.trim() ?? null;
    };
    expect(await offer()).to.equal('Dùng lại địa chỉ đã khai ở “Nơi làm việc của người mẹ”');
    father.reuseFrom = 'mother';
    expect(await offer()).to.equal('Dùng lại địa chỉ đã khai ở “Nơi cư trú của người mẹ”');
    father.reuseFrom = '';
    expect(await offer()).to.equal(null);
    father.reuseFrom = undefined;
    expect(await offer()).to.equal('Dùng lại địa chỉ đã khai ở “Nơi làm việc của người mẹ”');
  });

  it('submits its parts with FormData; reset restores the default; passes axe with error and disabled', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-address-field
          label="Địa chỉ"
          name="dc"
          .value=${{ province: '79', commune: '', street: '' }}
        ></dvc-address-field>
      </form>`,
    );
    const el = form.querySelector('dvc-address-field')!;
    await el.unitsReady();
    el.value = { province: '01', commune: '00004', street: 'Số 2' };
    await el.updateComplete;
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['dc.province', '01'],
      ['dc.commune', '00004'],
      ['dc.street', 'Số 2'],
    ]);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '79', commune: '', street: '' });
    el.error = 'Chọn xã, phường';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.disabled = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('after the person picks a province, a reset shows the default province again', async () => {
    // Firefox no longer selects an option by its `selected` attribute once the person picked
    // another (select-sync.ts): the list must still show the value after the reset.
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-address-field
          label="Địa chỉ"
          name="dc"
          .value=${{ province: '79', commune: '', street: '' }}
        ></dvc-address-field>
      </form>`,
    );
    const el = form.querySelector('dvc-address-field')!;
    await el.unitsReady();
    const province = el.shadowRoot!.querySelector<HTMLSelectElement>('#province')!;
    province.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((el.value as { province: string }).province).to.not.equal('79');
    expect(province.value).to.equal((el.value as { province: string }).province);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '79', commune: '', street: '' });
    expect(province.value).to.equal('79');
  });

  it('lists provinces by proper name and picks one by typing with or without tone marks', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Nơi thường trú" name="diaChi"></dvc-address-field>`,
    );
    await el.unitsReady();
    const province = $<HTMLSelectElement>(el, '#province');
    expect(optionTexts(province).slice(0, 4)).to.deep.equal([
      '— Chọn tỉnh, thành phố —',
      'An Giang (Tỉnh)',
      'Bắc Ninh (Tỉnh)',
      'Cà Mau (Tỉnh)',
    ]);
    expect(optionTexts(province)).to.include('Hồ Chí Minh (Thành phố)');
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push(`input ${el.value.province}`));
    el.addEventListener('change', () => seen.push(`change ${el.value.province}`));

    province.focus();
    await sendKeys({ type: 'ha noi' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '01', commune: '', street: '' });
    expect(province.value).to.equal('01');
    expect(province.selectedOptions[0].textContent!.trim()).to.equal('Hà Nội (Thành phố)');
    expect(seen).to.deep.equal(['input 01', 'change 01']);
    expect($<HTMLSelectElement>(el, '#commune').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('type-ahead: "Hà", Backspace-style input methods and official names reach the province', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field label="Nơi thường trú"></dvc-address-field>`,
    );
    await el.unitsReady();
    const province = $<HTMLSelectElement>(el, '#province');
    const chosen = () => province.selectedOptions[0].textContent!.trim();
    const pause = () => new Promise((r) => setTimeout(r, 1100));
    province.focus();
    await sendKeys({ type: 'Hà' });
    await el.updateComplete;
    expect(el.value.province).to.equal('01');
    // The same letter again, after a pause, moves on like a native list: Hà Nội → Hà Tĩnh.
    await pause();
    await sendKeys({ type: 'h' });
    await el.updateComplete;
    expect(chosen()).to.equal('Hà Tĩnh (Tỉnh)');
    // Unikey-style typing of "Hưng": h, u, then Backspace and the replaced letter, then "ng".
    await pause();
    await sendKeys({ type: 'hu' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'ung' });
    await el.updateComplete;
    expect(chosen()).to.equal('Hưng Yên (Tỉnh)');
    await pause();
    await sendKeys({ type: 'thanh pho ho chi minh' });
    await el.updateComplete;
    expect(el.value.province).to.equal('79');
    // Keys that are not letters keep the native behaviour: arrows move one option.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(chosen()).to.equal('Huế (Thành phố)');
  });

  it('type-ahead over a chosen province clears its commune', async () => {
    const el = await fixture<DvcAddressField>(
      html`<dvc-address-field
        label="Nơi thường trú"
        .value=${{ province: '79', commune: '25747', street: 'Số 5' }}
      ></dvc-address-field>`,
    );
    await el.unitsReady();
    $<HTMLSelectElement>(el, '#province').focus();
    await sendKeys({ type: 'ha noi' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ province: '01', commune: '', street: 'Số 5' });
  });
});
