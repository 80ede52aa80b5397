/**
 * Runs every Storybook story as a test (GitHub issue 10): each story is rendered the way
 * Storybook renders it (args of meta and story merged, story → component → global decorators,
 * the play function), must log no console error, and must pass axe.
 *
 * Storybook's own portable-stories runtime (`composeStories` from storybook/preview-api) cannot be
 * loaded by web-test-runner: it pulls in CommonJS testing-library modules (aria-query) that the
 * dev server does not convert. The composition below follows Storybook's rules for the parts the
 * stories use (args, globals, decorators, render, play, `beforeEach` with its cleanup) and
 * nothing else.
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import * as components from '../../components/index.js';
import { withLocale } from '../../.storybook/locale.js';
import { storyModules } from '../../stories/index.js';

type AnyArgs = Record<string, unknown>;
type Context = Record<string, unknown> & {
  args: AnyArgs;
  globals: AnyArgs;
  canvasElement: HTMLElement;
};
type StoryFn = (update?: unknown) => unknown;
type DecoratorFn = (story: StoryFn, context: Context) => unknown;
type RenderFn = (args: AnyArgs, context: Context) => unknown;
type PlayFn = (context: Context) => Promise<void> | void;
type Cleanup = () => unknown;
type BeforeEachFn = (context: Context) => Promise<Cleanup | void> | Cleanup | void;

interface StoryModule {
  default: Meta<AnyArgs>;
  [name: string]: unknown;
}

/** The global decorators of .storybook/preview.ts. */
const GLOBAL_DECORATORS = [withLocale] as unknown as DecoratorFn[];

/** Named exports that are stories: CSF's `includeStories`/`excludeStories` are not used here. */
function storiesOf(mod: StoryModule): [string, StoryObj<AnyArgs>][] {
  return Object.entries(mod).filter(
    ([name, value]) =>
      name !== 'default' && name !== '__namedExportsOrder' && typeof value === 'object',
  ) as [string, StoryObj<AnyArgs>][];
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Renders one story into `canvas` as Storybook would, returning once it has settled. The
 * cleanups returned by `beforeEach` (e.g. a story's `fetch` stub) are pushed to `cleanups`, for
 * the caller to run after the story, as Storybook runs them before the next one.
 */
async function renderStory(
  meta: Meta<AnyArgs>,
  story: StoryObj<AnyArgs>,
  name: string,
  canvas: HTMLElement,
  cleanups: Cleanup[],
): Promise<void> {
  const context: Context = {
    id: `${meta.title}--${name}`,
    name,
    title: meta.title,
    args: { ...meta.args, ...story.args },
    globals: {
      locale: 'vi',
      ...(meta.globals as AnyArgs | undefined),
      ...(story.globals as AnyArgs | undefined),
    },
    parameters: { ...meta.parameters, ...story.parameters },
    argTypes: {},
    viewMode: 'story',
    loaded: {},
    canvasElement: canvas,
  };
  // Storybook's order: project (none here), then component, then story.
  for (const hook of [...asList(meta.beforeEach), ...asList(story.beforeEach)]) {
    const cleanup = await (hook as BeforeEachFn)(context);
    if (typeof cleanup === 'function') cleanups.push(cleanup);
  }
  const renderFn = (story.render ?? meta.render) as RenderFn | undefined;
  if (!renderFn) throw new Error(`${meta.title} ${name}: no render function`);
  const decorators = [
    ...((story.decorators ?? []) as DecoratorFn[]),
    ...((meta.decorators ?? []) as DecoratorFn[]),
    ...GLOBAL_DECORATORS,
  ].flat();
  let fn: StoryFn = () => renderFn(context.args, context);
  for (const decorator of decorators) {
    const inner = fn;
    fn = () => decorator(inner, context);
  }
  const result = fn();
  if (result instanceof Node) canvas.replaceChildren(result);
  else render(result as TemplateResult, canvas);
  await settle(canvas);
  const play = (story.play ?? meta.play) as PlayFn | undefined;
  if (play) {
    await play(context);
    await settle(canvas);
  }
}

/** Waits for every element under `root` (crossing shadow roots) to finish its async work. */
async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const pending: Promise<unknown>[] = [];
    const walk = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        const any = el as unknown as Record<string, unknown>;
        if (typeof any.settled === 'function') pending.push((any.settled as () => Promise<void>)());
        else if (any.updateComplete instanceof Promise) pending.push(any.updateComplete);
        if (typeof any.unitsReady === 'function') {
          pending.push((any.unitsReady as () => Promise<void>)());
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    await Promise.all(pending);
  }
}

/**
 * Rules a story turns off through Storybook's own `parameters.a11y.config.rules`, so the test
 * and the Storybook a11y panel judge a story by the same rules. Each such opt-out carries a
 * comment in the story explaining why.
 */
function disabledAxeRules(meta: Meta<AnyArgs>, story: StoryObj<AnyArgs>): string[] {
  type A11y = { config?: { rules?: { id: string; enabled?: boolean }[] } };
  const rules = [
    ...(((meta.parameters?.a11y as A11y | undefined)?.config?.rules ?? []) as {
      id: string;
      enabled?: boolean;
    }[]),
    ...(((story.parameters?.a11y as A11y | undefined)?.config?.rules ?? []) as {
      id: string;
      enabled?: boolean;
    }[]),
  ];
  return rules.filter((r) => r.enabled === false).map((r) => r.id);
}

/** Every tag registered by components/index.ts, found through its exported classes. */
function registeredTags(): string[] {
  return Object.values(components)
    .map((value) =>
      typeof value === 'function'
        ? customElements.getName(value as CustomElementConstructor)
        : null,
    )
    .filter((tag): tag is string => tag !== null)
    .sort();
}

const modules = Object.entries(storyModules) as [string, StoryModule][];

describe('Storybook stories', () => {
  it('every element of components/index.ts has a story file', () => {
    const covered = new Set(modules.map(([, mod]) => mod.default.component));
    const missing = registeredTags().filter((tag) => !covered.has(tag));
    expect(missing).to.deep.equal([]);
  });

  for (const [file, mod] of modules) {
    const meta = mod.default;
    describe(`${file}.stories.ts (${meta.title})`, () => {
      it('documents a defined custom element', () => {
        if (meta.component) {
          expect(customElements.get(meta.component), meta.component).to.not.equal(undefined);
        }
        expect(meta.title).to.be.a('string');
      });

      for (const [name, story] of storiesOf(mod)) {
        it(`${name} renders without console errors and passes axe`, async () => {
          const canvas = document.createElement('div');
          document.body.append(canvas);
          const errors: unknown[][] = [];
          const original = console.error;
          const onError = (e: ErrorEvent) => errors.push([e.message]);
          const onRejection = (e: PromiseRejectionEvent) => errors.push([e.reason]);
          console.error = (...args: unknown[]) => {
            errors.push(args);
            original.apply(console, args);
          };
          window.addEventListener('error', onError);
          window.addEventListener('unhandledrejection', onRejection);
          const cleanups: Cleanup[] = [];
          const fetchBefore = globalThis.fetch;
          try {
            await renderStory(meta, story, name, canvas, cleanups);
            expect(errors.map((args) => args.map(String).join(' '))).to.deep.equal([]);
            expect(canvas.childElementCount, 'rendered something').to.be.greaterThan(0);
            await expect(canvas).to.be.accessible({ ignoredRules: disabledAxeRules(meta, story) });
          } finally {
            console.error = original;
            window.removeEventListener('error', onError);
            window.removeEventListener('unhandledrejection', onRejection);
            render(null, canvas);
            canvas.remove();
            for (const cleanup of cleanups.reverse()) await cleanup();
          }
          // A story's stub (e.g. of the status endpoint) must not outlive it.
          expect(globalThis.fetch === fetchBefore, 'fetch restored after the story').to.equal(true);
        });
      }
    });
  }
});
