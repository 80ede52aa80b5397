import { html } from 'lit';
import type { Decorator } from '@storybook/web-components-vite';

/**
 * The toolbar's language switch and the phone viewport, kept apart from preview.ts because the
 * web-test-runner harness (test/browser/stories.test.ts) applies the same decorator without
 * loading Storybook's runtime, which does not run there.
 */
export const LOCALES = ['vi', 'en'] as const;
export type StoryLocale = (typeof LOCALES)[number];

/** Reads the `locale` global; anything unknown reads Vietnamese, the primary language. */
export function storyLocale(globals: Record<string, unknown> | undefined): StoryLocale {
  return globals?.locale === 'en' ? 'en' : 'vi';
}

export const localeGlobalType = {
  locale: {
    description: 'Ngôn ngữ giao diện / Interface language',
    toolbar: {
      title: 'Ngôn ngữ',
      icon: 'globe',
      items: [
        { value: 'vi', right: 'vi', title: 'Tiếng Việt' },
        { value: 'en', right: 'en', title: 'English' },
      ],
      dynamicTitle: true,
    },
  },
};

/**
 * Wraps every story in an element carrying `lang`: the fields read their built-in strings
 * (badges, the date picker, error prefixes) from the closest `lang`, so the toolbar switches
 * them without each story passing it along. Stories that render `<dvc-form>` also read the
 * global themselves, because the form's own `lang` property defaults to `vi`.
 */
export const withLocale: Decorator = (story, context) =>
  html`<div lang=${storyLocale(context.globals)}>${story()}</div>`;

/** Key of the cheap-phone viewport preset, the default for procedure stories. */
export const PHONE_VIEWPORT = 'dienThoaiPhoThong';

/** A typical low-end Android phone in portrait (360 CSS px wide), the size citizens mostly use. */
export const phoneViewport = {
  [PHONE_VIEWPORT]: {
    name: 'Điện thoại phổ thông (360 × 740)',
    styles: { width: '360px', height: '740px' },
    type: 'mobile' as const,
  },
};
