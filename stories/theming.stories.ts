import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, type TemplateResult } from 'lit';
import '../components/form/form.js';
import '../components/text-field/text-field.js';
import '../components/date-field/date-field.js';
import '../components/radio-group/radio-group.js';
import '../components/checkbox-field/checkbox-field.js';
import { storyLocale } from '../.storybook/locale.js';
import { samples } from './support/journey.js';
import { storyText } from './support/messages.js';

/**
 * An agency theme built only from the public styling API: `--dvc-*` custom properties (they
 * inherit into every shadow root, including the fields inside `<dvc-form>`) and `::part` rules
 * (they reach one shadow root deep, so they style standalone fields and the form's own parts).
 * Every colour pair keeps WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for borders and focus).
 */
const agencyTheme = css`
  .theme-agency {
    --dvc-color-text: #14213d;
    --dvc-color-hint: #3d4a63;
    --dvc-color-border: #1f4e8c;
    --dvc-color-error: #a4161a;
    --dvc-color-focus: #f4a300;
    --dvc-color-accent: #1f4e8c;
    --dvc-color-prefilled: #1b5e20;
    --dvc-color-primary: #1f4e8c;
    --dvc-color-primary-text: #ffffff;
    --dvc-color-secondary: #e8eef7;
    --dvc-color-link: #1f4e8c;
    --dvc-color-selected-bg: #1f4e8c;
    --dvc-color-button-bg: #e8eef7;
    --dvc-radius: 6px;
    --dvc-field-gap: 1.25rem;
    --dvc-font-size-heading: 1.375rem;
    font-family: 'Be Vietnam Pro', 'Segoe UI', Roboto, sans-serif;
  }
  .theme-agency dvc-text-field::part(label),
  .theme-agency dvc-date-field::part(label),
  .theme-agency dvc-radio-group::part(legend) {
    text-transform: uppercase;
    letter-spacing: 0.02em;
    font-size: 0.875rem;
  }
  .theme-agency dvc-form::part(button-primary) {
    border-radius: 999px;
    padding-inline: 2rem;
  }
  .theme-agency dvc-form::part(heading) {
    border-block-end: 3px solid #f4a300;
    padding-block-end: 0.25rem;
  }
  .themes {
    display: flex;
    flex-wrap: wrap;
    gap: 2rem;
  }
  .themes > section {
    flex: 1 1 18rem;
    min-inline-size: 0;
    padding: 1rem;
    border: 1px dashed #6f777b;
  }
`;

function specimen(lang: 'vi' | 'en'): TemplateResult {
  return html`
    <dvc-text-field
      label="Họ, chữ đệm và tên"
      hint="Viết có dấu, ví dụ: Nguyễn Văn An"
      .value=${'Nguyễn Thị Lan'}
      prefilled
    ></dvc-text-field>
    <dvc-date-field label="Ngày sinh" error="Nhập ngày sinh" required></dvc-date-field>
    <dvc-radio-group
      label="Cách nhận kết quả"
      .options=${[
        { value: 'post', label: 'Qua dịch vụ bưu chính' },
        { value: 'in-person', label: 'Nhận trực tiếp' },
      ]}
      .value=${'post'}
    ></dvc-radio-group>
    <dvc-checkbox-field
      label="Tôi cam đoan những nội dung khai trên là đúng sự thật"
    ></dvc-checkbox-field>
    <dvc-form
      .procedureData=${samples.khaiSinh.procedure}
      today=${samples.khaiSinh.today}
      lang=${lang}
    ></dvc-form>
  `;
}

const meta: Meta = {
  title: 'Theming/Agency theme',
  parameters: { layout: 'padded' },
};
export default meta;

/** The default theme (GOV.UK-like, black on white) beside an agency theme. */
export const SideBySide: StoryObj = {
  render: (_args, { globals }) => {
    const lang = storyLocale(globals);
    return html`<style>
        ${agencyTheme.cssText}
      </style>
      <div class="themes">
        <section aria-labelledby="theme-default">
          <h2 id="theme-default">${storyText(lang, 'themeDefault')}</h2>
          ${specimen(lang)}
        </section>
        <section class="theme-agency" aria-labelledby="theme-agency">
          <h2 id="theme-agency">${storyText(lang, 'themeAgency')}</h2>
          ${specimen(lang)}
        </section>
      </div>`;
  },
};
