import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/upload/upload.js';
import type { UploadEntry } from '../components/upload/upload.js';
import type { DocumentSpec } from '../src/procedure/types.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';
import { samples } from './support/journey.js';

interface Args extends FieldArgs {
  spec: DocumentSpec;
  value: UploadEntry[];
  uploadEndpoint: string;
}

const documents = samples.laiXe.procedure.documents;
const licence = documents.find((d) => d.id === 'nationalLicence')!;

/** A file already hashed, as restored from a saved draft (no bytes: only the entry). */
const licenceFront: UploadEntry = {
  slot: 'nationalLicence',
  name: 'giay-phep-lai-xe-mat-truoc.jpg',
  type: 'image/jpeg',
  size: 284_113,
  sha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg',
};

const meta: Meta<Args> = {
  title: 'Fields/Upload',
  component: 'dvc-upload',
  args: {
    ...baseFieldArgs,
    label: '',
    hint: '',
    name: 'nationalLicence',
    spec: licence,
    value: [],
    uploadEndpoint: '',
  },
  parameters: { controls: { exclude: ['spec'] } },
  render: (args) =>
    html`<dvc-upload
      name=${args.name}
      .spec=${args.spec}
      .value=${args.value}
      error=${args.error}
      upload-endpoint=${args.uploadEndpoint || nothing}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-upload>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: [licenceFront] },
  error: 'Tải lên ảnh chụp giấy phép lái xe quốc gia',
  en: { label: '', value: [licenceFront] },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
/** A portrait slot: front camera suggested, the photo resized to 600 × 800 in the browser. */
export const Portrait = {
  args: { name: 'portrait', spec: documents.find((d) => d.id === 'portrait')! },
};
