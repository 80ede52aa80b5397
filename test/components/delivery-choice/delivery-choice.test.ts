import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/delivery-choice/delivery-choice.js';
import type {
  DvcDeliveryChoice,
  DvcDeliveryChangeEvent,
} from '../../../components/delivery-choice/delivery-choice.js';
import type { DvcAddressField } from '../../../components/address-field/address-field.js';
import { checkDelivery, normalizeDelivery } from '../../../src/delivery/index.js';

const inner = <E extends Element>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel)!;

describe('dvc-delivery-choice', () => {
  it('writes the postage and the total in full: "đồng" in Vietnamese, "VND" in English', async () => {
    const el = await fixture<DvcDeliveryChoice>(
      html`<dvc-delivery-choice
        lang="en"
        .methods=${['post', 'in-person']}
        .postage=${30000}
        fee-total="135000"
      ></dvc-delivery-choice>`,
    );
    inner<HTMLElement>(el, '#method')
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="post"]')!
      .click();
    await el.updateComplete;
    const money = inner(el, '[part="money"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(money).to.contain('30,000 VND');
    expect(money).to.contain('165,000 VND');
    expect(money).not.to.contain('đ');
  });

  it('offers the procedure’s ways; post asks recipient, phone and 2025 address and adds postage', async () => {
    const el = await fixture<DvcDeliveryChoice>(
      html`<dvc-delivery-choice
        .methods=${['post', 'in-person']}
        .postage=${30000}
        fee-total="135000"
      ></dvc-delivery-choice>`,
    );
    const radios = inner<HTMLElement>(el, '#method');
    const labels = [...radios.shadowRoot!.querySelectorAll('label')].map((l) =>
      l.textContent!.trim(),
    );
    expect(labels).to.deep.equal([
      'Nhận tại nhà qua dịch vụ bưu chính công ích',
      'Nhận trực tiếp tại Bộ phận Một cửa',
    ]);
    expect(el.shadowRoot!.querySelector('[part="post"]')).to.equal(null);

    const changed = oneEvent(el, 'dvc-delivery-change');
    radios.shadowRoot!.querySelector<HTMLInputElement>('input[value="post"]')!.click();
    expect(((await changed) as DvcDeliveryChangeEvent).detail.method).to.equal('post');
    await el.updateComplete;
    expect(inner(el, '[part="money"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Cước trả kết quả qua bưu chính: 30.000 đồng.Tổng số tiền phải nộp (phí, lệ phí và cước): 165.000 đồng.',
    );

    // The inner fields' events do not leak out as the form's own.
    let leaked = 0;
    el.addEventListener('input', () => leaked++);
    el.addEventListener('dvc-change', () => leaked++);
    inner<HTMLElement>(el, '#name').shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'Nguyễn Thị Hoa' });
    inner<HTMLElement>(el, '#phone').shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '0912 345 678' });
    await sendKeys({ press: 'Tab' });
    const address = inner<DvcAddressField>(el, '#address');
    await address.unitsReady();
    const province = address.shadowRoot!.querySelector<HTMLSelectElement>('#province')!;
    province.value = '01';
    province.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    province.dispatchEvent(new Event('change', { bubbles: true }));
    await address.updateComplete;
    const commune = address.shadowRoot!.querySelector<HTMLSelectElement>('#commune')!;
    commune.value = commune.options[1]!.value;
    commune.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    commune.dispatchEvent(new Event('change', { bubbles: true }));
    address.shadowRoot!.querySelector<HTMLInputElement>('#street')!.focus();
    await sendKeys({ type: 'Số 5 Phố Huế' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(leaked).to.equal(0);

    const procedure = { resultDelivery: el.methods, postage: 30000 };
    const normalized = normalizeDelivery(el.value!, procedure);
    expect(normalized.recipient!.fullName).to.equal('Nguyễn Thị Hoa');
    expect(normalized.recipient!.phone).to.equal('0912345678');
    expect(normalized.recipient!.address.province).to.equal('01');
    expect(normalized.recipient!.address.street).to.equal('Số 5 Phố Huế');
    expect(normalized.postage).to.equal(30000);
    expect(checkDelivery(normalized, procedure)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows each problem at its field and focuses the first', async () => {
    const procedure = { resultDelivery: ['post', 'in-person'] as const, postage: 30000 };
    const value = { method: 'post' as const };
    const el = await fixture<DvcDeliveryChoice>(
      html`<dvc-delivery-choice
        .methods=${procedure.resultDelivery}
        .postage=${30000}
        .value=${value}
        .problems=${checkDelivery(normalizeDelivery(value, { ...procedure, resultDelivery: [...procedure.resultDelivery] }), { ...procedure, resultDelivery: [...procedure.resultDelivery] })}
      ></dvc-delivery-choice>`,
    );
    expect(inner<HTMLElement & { error: string }>(el, '#name').error).to.equal(
      'Vui lòng nhập họ và tên người nhận.',
    );
    expect(inner<HTMLElement & { error: string }>(el, '#phone').error).to.equal(
      'Vui lòng nhập số điện thoại người nhận.',
    );
    expect(inner<HTMLElement & { error: string }>(el, '#address').error).to.equal(
      'Vui lòng chọn tỉnh, thành phố nhận kết quả.',
    );
    el.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('name');
    await expect(el).to.be.accessible();
  });

  it('English labels', async () => {
    const el = await fixture<DvcDeliveryChoice>(
      html`<dvc-delivery-choice
        lang="en"
        .methods=${['online', 'in-person']}
      ></dvc-delivery-choice>`,
    );
    expect(inner(el, 'h3').textContent).to.equal('How you receive the result');
  });
});
