import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/repeat-group/repeat-group.js';
import type {
  DvcRepeatGroup,
  RepeatFieldSpec,
} from '../../../components/repeat-group/repeat-group.js';

const fields: RepeatFieldSpec[] = [
  { field: 'hoTen', widget: 'text', label: 'Họ và tên', required: true },
  { field: 'ngaySinh', widget: 'date', label: 'Ngày sinh' },
];
const sr = (el: HTMLElement) => el.shadowRoot!;
/** The deepest focused element, through nested shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const live = (el: HTMLElement) => sr(el).querySelector('[role="status"]')!.textContent;

/** A group of children named `names` (no birth dates), showing `errors`. */
const children = (names: string[], errors: Record<string, string> = {}) =>
  fixture<DvcRepeatGroup>(
    html`<dvc-repeat-group
      label="Các con"
      item-label="Người con"
      .fields=${fields}
      .value=${names.map((hoTen) => ({ hoTen, ngaySinh: '' }))}
      .errors=${errors}
    ></dvc-repeat-group>`,
  );

describe('dvc-repeat-group', () => {
  it('starts with min items, passes axe, adds by keyboard and focuses the new item', async () => {
    const el = await fixture<DvcRepeatGroup>(
      html`<dvc-repeat-group
        label="Các con"
        item-label="Người con"
        name="con"
        min="1"
        .fields=${fields}
      ></dvc-repeat-group>`,
    );
    expect(el.value).to.deep.equal([{ hoTen: '', ngaySinh: '' }]);
    expect(sr(el).querySelector('.item legend')!.textContent).to.equal('Người con 1');
    expect(sr(el).querySelector('[data-action="remove"]')).to.equal(null);
    await expect(el).to.be.accessible();
    const add = sr(el).querySelector<HTMLButtonElement>('#add')!;
    expect(add.textContent!.trim()).to.equal('Thêm Người con');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.length).to.equal(2);
    expect(live(el)).to.equal('Đã thêm Người con 2.');
    expect(deepActive()!.id).to.equal('control');
    await sendKeys({ type: 'Lan' });
    expect(el.value[1]).to.deep.equal({ hoTen: 'Lan', ngaySinh: '' });
    await expect(el).to.be.accessible();
  });

  it('reorders by keyboard, keeps focus on the moved item and announces the new position', async () => {
    const el = await children(['An', 'Bình', 'Cường']);
    const changes: unknown[] = [];
    el.addEventListener('dvc-change', (e) => changes.push(e.detail.value));
    const up = sr(el).querySelectorAll<HTMLButtonElement>('[data-action="up"]')[2];
    expect(up.getAttribute('aria-label')).to.equal('Di chuyển lên: Người con 3');
    up.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.map((i) => i.hoTen)).to.deep.equal(['An', 'Cường', 'Bình']);
    expect(live(el)).to.equal('Đã chuyển Người con 3 tới vị trí 2 trên 3.');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Di chuyển lên: Người con 2');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.map((i) => i.hoTen)).to.deep.equal(['Cường', 'An', 'Bình']);
    expect(deepActive()!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(el.value.map((i) => i.hoTen)).to.deep.equal(['Cường', 'An', 'Bình']);
    expect(changes.length).to.equal(2);
  });

  it('removes without confirmation, focuses Undo, and Undo restores the item in place', async () => {
    const el = await fixture<DvcRepeatGroup>(
      html`<dvc-repeat-group
        label="Các con"
        item-label="Người con"
        .fields=${fields}
        .value=${[
          { hoTen: 'An', ngaySinh: '' },
          { hoTen: 'Bình', ngaySinh: '2020-01-02' },
        ]}
      ></dvc-repeat-group>`,
    );
    const remove = sr(el).querySelectorAll<HTMLButtonElement>('[data-action="remove"]')[0];
    expect(remove.getAttribute('aria-label')).to.equal('Xoá Người con 1');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.deep.equal([{ hoTen: 'Bình', ngaySinh: '2020-01-02' }]);
    expect(live(el)).to.equal('Đã xoá Người con 1.');
    expect(deepActive()!.id).to.equal('undo');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Hoàn tác xoá Người con 1');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value.map((i) => i.hoTen)).to.deep.equal(['An', 'Bình']);
    expect(live(el)).to.equal('Đã khôi phục Người con 1.');
    expect(deepActive()!.id).to.equal('control');
  });

  // Found driving dang-ky-thuong-tru on the demo site: after Continue showed "Số định danh cá
  // nhân phải gồm đúng 12 chữ số" on member 3, moving that member up left the error on the person
  // moved down, whose number was right, and a summary line's link landed on that person too.
  it('an error stays with its item when items are moved, removed and restored', async () => {
    const el = await children(['An', 'Bình', ''], { '/2/hoTen': 'Nhập họ và tên' });
    /** Each item's name and the error its name box shows. */
    const shown = () =>
      [
        ...sr(el).querySelectorAll<HTMLElement & { value: string; error: string }>(
          '[data-field="hoTen"]',
        ),
      ].map((f) => `${f.value}|${f.error}`);
    expect(shown()).to.deep.equal(['An|', 'Bình|', '|Nhập họ và tên']);
    await el.moveItem(2, -1);
    expect(shown()).to.deep.equal(['An|', '|Nhập họ và tên', 'Bình|']);
    // The form passes the same errors again when it renders: they still count items as before.
    el.errors = { '/2/hoTen': 'Nhập họ và tên' };
    await el.updateComplete;
    expect(shown()).to.deep.equal(['An|', '|Nhập họ và tên', 'Bình|']);
    // The summary's line, given with those errors, lands on the box of the item it names.
    el.focusAt('/2/hoTen');
    const item = sr(el).activeElement!.closest('.item')!;
    expect(item.querySelector('legend')!.textContent).to.equal('Người con 2');
    await el.removeItem(0);
    expect(shown()).to.deep.equal(['|Nhập họ và tên', 'Bình|']);
    await el.undoRemove();
    expect(shown()).to.deep.equal(['An|', '|Nhập họ và tên', 'Bình|']);
    // New errors, from validating the items as they are now, count the items anew.
    el.errors = { '/0/hoTen': 'Họ và tên quá dài' };
    await el.updateComplete;
    expect(shown()).to.deep.equal(['An|Họ và tên quá dài', '|', 'Bình|']);
  });

  it('respects max, submits items as name[i].field, resets, and reports an invalid item', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dvc-repeat-group
          label="Các con"
          item-label="Người con"
          name="con"
          max="2"
          .fields=${fields}
          .value=${[{ hoTen: 'An', ngaySinh: '2019-05-01' }]}
        ></dvc-repeat-group>
      </form>`,
    );
    const el = form.querySelector('dvc-repeat-group')!;
    await el.addItem();
    expect(sr(el).querySelector('#add')).to.equal(null);
    expect(sr(el).querySelector('p.hint')!.textContent).to.equal('Đã đủ số lượng tối đa (2).');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(el.validationMessage).to.equal('Vui lòng kiểm tra lại thông tin của Người con 2.');
    expect([...new FormData(form).entries()]).to.deep.equal([
      ['con[0].hoTen', 'An'],
      ['con[0].ngaySinh', '2019-05-01'],
      ['con[1].hoTen', ''],
      ['con[1].ngaySinh', ''],
    ]);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([{ hoTen: 'An', ngaySinh: '2019-05-01' }]);
  });

  it('disabled: dims only the controls, so labels and hints keep their contrast', async () => {
    const el = await fixture<DvcRepeatGroup>(
      html`<dvc-repeat-group
        label="Các con"
        hint="Tối đa 7 người"
        item-label="Người con"
        disabled
        .fields=${[
          { field: 'hoTen', widget: 'text', label: 'Họ và tên', hint: 'Như trên giấy khai sinh' },
          { field: 'nuoi', widget: 'checkbox', label: 'Con nuôi' },
        ]}
        .value=${[{ hoTen: 'An', nuoi: false }]}
      ></dvc-repeat-group>`,
    );
    const children = [
      ...sr(el).querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(
        '[data-field]',
      ),
    ];
    await Promise.all(children.map((c) => c.updateComplete));
    for (const child of children) {
      expect(child.hasAttribute('disabled')).to.equal(true);
      expect(getComputedStyle(child).opacity).to.equal('1');
      expect(getComputedStyle(child.shadowRoot!.querySelector('input')!).opacity).to.equal('0.6');
    }
    const hint = children[0].shadowRoot!.querySelector('.hint')!;
    expect(getComputedStyle(hint).color).to.equal('rgb(80, 90, 95)');
    // axe with every rule, colour contrast included.
    await expect(el).to.be.accessible();
  });
});
