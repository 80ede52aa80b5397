import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/dossier/dossier.js';
import type { DossierFile, DossierSignature } from '../components/dossier/dossier.js';
import type { SubmissionPayload } from '../src/submission/index.js';
import { samples } from './support/journey.js';

const SHA = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';
const KHAI_SINH = samples.khaiSinh;

interface Args {
  lang: string;
  assisted: boolean;
  /** The server's check of the stored file against its signed hash. */
  hashOk: 'match' | 'mismatch' | 'unreadable';
}

const submission = (assisted: boolean): SubmissionPayload =>
  ({
    v: 1,
    procedure: {
      code: KHAI_SINH.procedure.code,
      version: KHAI_SINH.procedure.version,
      sha256: SHA,
    },
    answers: KHAI_SINH.complete,
    documents: [],
    fee: { total: 0, currency: 'VND', items: [] },
    eligibility: { status: 'eligible', reasons: [] },
    lang: 'vi',
    ...(assisted
      ? {
          assistedBy: 'buu-dien-ba-dinh-07',
          assistance: {
            applicantConfirmed: true,
            helperConfirmed: true,
            helperStatement: 'Tôi đã đọc lại toàn bộ nội dung cho người nộp.',
          },
        }
      : {}),
    delivery: { method: 'online' },
    submittedAt: `${KHAI_SINH.today}T03:00:00.000Z`,
    nonce: 'story',
  }) as unknown as SubmissionPayload;

const meta: Meta<Args> = {
  title: 'Back office/Dossier',
  component: 'dvc-dossier',
  args: { lang: 'vi', assisted: true, hashOk: 'match' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    hashOk: { control: 'inline-radio', options: ['match', 'mismatch', 'unreadable'] },
  },
  render: (args) => {
    const files: DossierFile[] = [
      {
        slot: KHAI_SINH.procedure.documents[0]?.id ?? 'giay-to',
        name: 'giay-chung-sinh.pdf',
        size: 182_000,
        sha256: SHA,
        hashOk: args.hashOk === 'match' ? true : args.hashOk === 'mismatch' ? false : null,
        href: '#',
      },
    ];
    const signature: DossierSignature = {
      status: 'verified',
      verifiedAt: `${KHAI_SINH.today}T03:00:05.000Z`,
      kid: 'Xb3…',
      alg: 'ES256',
      procedureMatches: true,
    };
    return html`<dvc-dossier
      lang=${args.lang}
      .procedure=${KHAI_SINH.procedure}
      .submission=${submission(args.assisted)}
      .files=${files}
      .signature=${signature}
      .payment=${{ status: 'not-required' }}
    ></dvc-dossier>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A birth registration filled in at a post office, its document matching its signed hash. */
export const Assisted: Story = {};
/** Filled in by the applicant; the stored file no longer matches what was signed. */
export const ChangedFile: Story = { args: { assisted: false, hashOk: 'mismatch' } };
/** In English. */
export const English: Story = { args: { lang: 'en' } };
