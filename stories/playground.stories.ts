import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { storyLocale } from '../.storybook/locale.js';
import './support/playground.js';
import { samples } from './support/journey.js';
import type { DvcStoryPlayground } from './support/playground.js';

/**
 * Checks what the playground shows (run by Storybook after rendering and by the story tests):
 * the problems as `line:column code` and whether the form preview is there.
 */
async function expectShown(
  canvas: HTMLElement,
  problems: string[],
  preview: boolean,
): Promise<void> {
  const playground = canvas.querySelector<DvcStoryPlayground>('dvc-story-playground')!;
  await playground.updateComplete;
  const root = playground.shadowRoot!;
  const shown = [...root.querySelectorAll('li')].map(
    (li) =>
      `${li
        .textContent!.match(/(\d+)[^\d]+(\d+)/)!
        .slice(1)
        .join(':')} ${li.querySelector('code')!.textContent}`,
  );
  if (JSON.stringify(shown) !== JSON.stringify(problems)) {
    throw new Error(
      `Expected problems ${JSON.stringify(problems)}, shown ${JSON.stringify(shown)}`,
    );
  }
  if (Boolean(root.querySelector('dvc-form')) !== preview) {
    throw new Error(preview ? 'The form preview is missing' : 'The form preview should wait');
  }
}

interface Args {
  /** The procedure JSON the editor starts with. */
  text: string;
}

/**
 * Paste a procedure file into the editor: the loader (`loadProcedure`, src/procedure/load.ts)
 * lists its problems with line, column, code and message, and `<dvc-form>` renders it live once
 * it loads. The same checks run in `dvc-forms lint`.
 */
const meta: Meta<Args> = {
  title: 'Procedures/Playground',
  parameters: { layout: 'padded', controls: { disable: true } },
  render: (args, { globals }) =>
    html`<dvc-story-playground
      .text=${args.text}
      lang=${storyLocale(globals)}
    ></dvc-story-playground>`,
};
export default meta;

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Starts from the birth-registration sample: no problems, the form beside it. */
export const Playground: StoryObj<Args> = {
  args: { text: pretty(samples.khaiSinh.procedure) },
  play: ({ canvasElement }) => expectShown(canvasElement, [], true),
};

/** A broken file: the problems are listed with their line and column, the form waits. */
export const WithProblems: StoryObj<Args> = {
  args: {
    // A trailing comma, the mistake authors make most often when editing JSON by hand.
    text: '{\n  "formatVersion": 1,\n  "code": "1.001193",\n}\n',
  },
  play: ({ canvasElement }) => expectShown(canvasElement, ['3:21 json-syntax'], false),
};

/** A key written twice: JSON.parse would silently keep the last one; the loader refuses. */
export const DuplicateKey: StoryObj<Args> = {
  args: {
    text: pretty(samples.ketHon.procedure).replace(
      '"formatVersion": 1.1,',
      '"formatVersion": 1.1,\n  "formatVersion": 1.1,',
    ),
  },
  play: ({ canvasElement }) => expectShown(canvasElement, ['4:3 duplicate-key'], false),
};
