import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/delivery-choice/delivery-choice.js';
import type { DeliveryChoice, DeliveryMethod } from '../src/delivery/index.js';
import { checkDelivery } from '../src/delivery/index.js';

interface Args {
  methods: DeliveryMethod[];
  postage?: number;
  feeTotal: number;
  value?: DeliveryChoice;
  showProblems: boolean;
  lang: string;
}

const POSTED: DeliveryChoice = {
  method: 'post',
  recipient: {
    fullName: 'Nguyễn Thị Hoa',
    phone: '0912345678',
    address: { province: '01', commune: '00004', street: 'Số 5 Phố Huế' },
  },
  postage: 30000,
};

const meta: Meta<Args> = {
  title: 'Payment and delivery/Delivery choice',
  component: 'dvc-delivery-choice',
  args: {
    methods: ['post', 'in-person'],
    postage: 30000,
    feeTotal: 135000,
    showProblems: false,
    lang: '',
  },
  render: (args) =>
    html`<dvc-delivery-choice
      .methods=${args.methods}
      .postage=${args.postage}
      .feeTotal=${args.feeTotal}
      .value=${args.value}
      .problems=${
        args.showProblems
          ? checkDelivery(args.value, { resultDelivery: args.methods, postage: args.postage })
          : []
      }
      lang=${args.lang || nothing}
    ></dvc-delivery-choice>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing chosen yet. */
export const Empty: Story = {};

/** Post chosen and filled in: postage and the new total. */
export const ByPost: Story = { args: { value: POSTED } };

/** Post chosen, nothing filled in, after pressing Submit: a message at each field. */
export const Problems: Story = { args: { value: { method: 'post' }, showProblems: true } };

/** Three ways, in English. */
export const English: Story = {
  args: { methods: ['online', 'post', 'in-person'], lang: 'en', value: POSTED },
};
