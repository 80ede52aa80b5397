import type { StoryObj } from '@storybook/web-components-vite';

/** The attributes every dvc-forms field shares (components/base/field-element.ts). */
export interface FieldArgs {
  label: string;
  hint: string;
  error: string;
  name: string;
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  prefilled: boolean;
  placeholder: string;
  lang: string;
}

/** The defaults of a field story: nothing set but what the element needs to be labelled. */
export const baseFieldArgs: Omit<FieldArgs, 'label' | 'hint' | 'name'> = {
  error: '',
  required: false,
  disabled: false,
  readonly: false,
  prefilled: false,
  placeholder: '',
  lang: '',
};

/** What each element's story file gives to get the standard set of states. */
export interface StateSpec<A> {
  /** A typical answer, used by Filled, Error (when `errorValue` is not given), Disabled, Prefilled. */
  filled: Partial<A>;
  /** The message a procedure would show for a wrong or missing answer, in Vietnamese. */
  error: string;
  /** The answer that goes with `error` (default: empty, i.e. the "required" case). */
  errorValue?: Partial<A>;
  /** Labels, hint, error and answer in English, shown with `lang="en"`. */
  en: Partial<A> & { label: string };
}

export type FieldStory<A> = StoryObj<A>;

/**
 * The states every field is shown in, so a designer can compare them across elements:
 * empty, filled, error, disabled, read-only, prefilled (from VNeID), and English.
 */
export function fieldStates<A extends FieldArgs>(
  spec: StateSpec<A>,
): Record<
  'Empty' | 'Filled' | 'WithError' | 'Disabled' | 'ReadOnly' | 'Prefilled' | 'English',
  FieldStory<A>
> {
  const filled = spec.filled;
  return {
    Empty: {},
    Filled: { args: filled },
    WithError: {
      args: { ...(spec.errorValue ?? {}), required: true, error: spec.error } as Partial<A>,
    },
    Disabled: { args: { ...filled, disabled: true } as Partial<A> },
    ReadOnly: { args: { ...filled, readonly: true } as Partial<A> },
    Prefilled: { args: { ...filled, prefilled: true } as Partial<A> },
    English: { args: { ...spec.en, lang: 'en' } as Partial<A>, globals: { locale: 'en' } },
  };
}
