/**
 * The artifact amoCRM runs: dist/widget/script.js as built (run `npm run build` first), loaded
 * the way RequireJS loads it, with amoCRM's callbacks driven in amoCRM's order. This catches what
 * source-level tests cannot: the AMD wrapper, the export shape, externals, and the bundle's
 * lifecycle in a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '../../../dist/widget/script.js');

interface Defined {
  deps: string[];
  value: unknown;
}

const DIST = join(__dirname, '../../../dist/widget');

/**
 * RequireJS's part in miniature: run the file, capture its one define() call, resolve deps. The
 * page's part of the widget (widget.js) is a chunk script.js loads with a script tag, which jsdom
 * does not fetch; `chunks` runs it first, as a browser would have by the time it is needed.
 */
function loadBundle(jquery: unknown, chunks = true): Defined[] {
  const defined: Defined[] = [];
  const define = (deps: string[], factory: (...args: unknown[]) => unknown) => {
    defined.push({ deps, value: factory(...deps.map(d => (d === 'jquery' ? jquery : undefined))) });
  };
  (define as { amd?: unknown }).amd = {};
  if (chunks) {
    // eslint-disable-next-line no-new-func, @typescript-eslint/no-implied-eval -- running the built artifact is the point
    new Function(readFileSync(join(DIST, 'widget.js'), 'utf8'))();
  }
  // eslint-disable-next-line no-new-func, @typescript-eslint/no-implied-eval -- running the built artifact is the point
  new Function('define', readFileSync(SCRIPT, 'utf8'))(define);
  return defined;
}

/** The slice of jQuery the widget uses: page:changed subscriptions on document. */
function fakeJquery() {
  const handlers = new Set<() => void>();
  const $ = () => ({
    on: (_events: string, handler: () => void) => {
      handlers.add(handler);
      return $();
    },
    off: (_events: string, handler?: () => void) => {
      if (handler) handlers.delete(handler);
      return $();
    },
  });
  return { $, handlers };
}

/** The tasks the widget defers to (evaluating the rest of itself, then drawing) have run. */
async function afterTasks(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise(resolve => setTimeout(resolve, 0));
}

function installApp(area: string, pipelineId: number) {
  (globalThis as Record<string, unknown>).APP = {
    getWidgetsArea: () => area,
    isCard: () => false,
    lang_id: 'ru',
    constant: (key: string) =>
      ({
        account: { id: 1, subdomain: 'demo', timezone: 'Europe/Moscow', currency: 'RUB' },
        user: { id: 7, name: 'Анна' },
        managers: { 7: { id: '7', title: 'Анна', active: true } },
      })[key],
    data: { current_view: { pipeline_id: pipelineId }, current_card: false },
  };
}

function systemWidget(): Record<string, unknown> {
  return {
    system: () => ({ area: 'llist' }),
    get_settings: () => ({
      widget_code: 'funnel_lens',
      path: '/widgets/funnel_lens',
      version: '0.1.0',
    }),
    langs: JSON.parse(readFileSync(join(__dirname, '../../../i18n/ru.json'), 'utf8')),
  };
}

/** The built widget constructed on the leads list of pipeline 42, as amoCRM would. */
function onLeadsList() {
  const jq = fakeJquery();
  const Ctor = loadBundle(jq.$)[0]!.value as (this: Record<string, unknown>) => unknown;
  installApp('leads', 42);
  window.history.pushState({}, '', '/leads/list/pipeline/42/');
  const self = systemWidget();
  Ctor.call(self);
  return { jq, callbacks: self.callbacks as Record<string, (...a: unknown[]) => unknown> };
}

const built = existsSync(SCRIPT);
(built ? describe : describe.skip)('the built dist/widget/script.js', () => {
  // The mounted panel's service asks the account's API; here no server answers, and a request
  // left pending is what destroy must abort.
  beforeEach(() => {
    jest.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete (globalThis as Record<string, unknown>).webpackChunkfunnel_lens;
    document.head.innerHTML = '';
    delete (globalThis as Record<string, unknown>).APP;
    document.body.innerHTML = '';
  });

  it('is one AMD module that asks the host for jquery and returns a constructor function', () => {
    const defined = loadBundle(fakeJquery().$);
    expect(defined).toHaveLength(1);
    expect(defined[0]!.deps).toEqual(['jquery']);
    const Ctor = defined[0]!.value;
    expect(typeof Ctor).toBe('function');
    // A function, not a class: amoCRM calls it on its own object.
    expect(Function.prototype.toString.call(Ctor).startsWith('class')).toBe(false);
  });

  it('answers every amoCRM callback with true and cleans up after destroy', async () => {
    const { jq, callbacks } = onLeadsList();
    for (const name of [
      'render',
      'init',
      'bind_actions',
      'settings',
      'onSave',
      'destroy',
      'advancedSettings',
    ]) {
      expect(typeof callbacks[name]).toBe('function');
    }
    expect(callbacks.render!()).toBe(true);
    expect(callbacks.bind_actions!()).toBe(true);
    expect(callbacks.init!()).toBe(true);
    // Answered at once; the rest of the widget is evaluated, and the panel drawn, on later tasks.
    expect(document.querySelectorAll('.fl-dock')).toHaveLength(0);
    await afterTasks();
    // render again (amoCRM may): still one panel, one stylesheet, one page:changed listener.
    expect(callbacks.render!()).toBe(true);
    await afterTasks();
    expect(document.querySelectorAll('.fl-dock')).toHaveLength(1);
    expect(document.querySelectorAll('link[data-funnel-lens]')).toHaveLength(1);
    // amoCRM's documented way: style.css from the widget's folder, versioned.
    expect(document.querySelector('link[data-funnel-lens]')?.getAttribute('href')).toMatch(
      /^\/widgets\/funnel_lens\/style\.css\?v=\S+$/,
    );
    expect(jq.handlers.size).toBe(1);
    expect(document.querySelector('.fl-dock')!.textContent).toContain('Funnel Lens');

    expect(callbacks.onSave!({ active: 'Y', fields: { config: '{"minSample": 0}' } })).toBe(false);
    expect(callbacks.onSave!({ active: 'Y', fields: { config: '{"minSample": 12}' } })).toBe(true);
    expect(callbacks.onSave!({ active: 'N', fields: { config: 'broken' } })).toBe(true);

    expect(callbacks.destroy!()).toBe(true);
    expect(document.querySelectorAll('.fl-dock')).toHaveLength(0);
    expect(document.querySelectorAll('link[data-funnel-lens]')).toHaveLength(0);
    expect(jq.handlers.size).toBe(0);
    expect(callbacks.destroy!()).toBe(true);
  });

  it('fetches the rest of itself from the widget’s folder as it is constructed', async () => {
    const Ctor = loadBundle(fakeJquery().$, false)[0]!.value as (
      this: Record<string, unknown>,
    ) => unknown;
    installApp('leads', 42);
    const self = systemWidget();
    Ctor.call(self);
    const sources = () =>
      [...document.querySelectorAll('script')].map(el => el.getAttribute('src'));
    expect(sources()).toEqual(['/widgets/funnel_lens/widget.js']);
    const callbacks = self.callbacks as Record<string, (...a: unknown[]) => unknown>;
    // Until it has arrived (jsdom never fetches it), amoCRM's calls are answered and held.
    expect(callbacks.render!()).toBe(true);
    await afterTasks();
    expect(sources()).toEqual(['/widgets/funnel_lens/widget.js']);
    expect(document.querySelectorAll('.fl-dock')).toHaveLength(0);
  });

  it('replays what amoCRM called before the rest was loaded, in order', async () => {
    const { jq, callbacks } = onLeadsList();
    // Saving before anything was loaded still checks what amoCRM is about to store: the answer is
    // a Promise (amoCRM waits for it) settled by the rest of the widget; turning off is allowed now.
    const saving = callbacks.onSave!({ active: 'Y', fields: { config: '{"minSample": 0}' } });
    expect(saving).toBeInstanceOf(Promise);
    expect(callbacks.onSave!({ active: 'N', fields: { config: 'broken' } })).toBe(true);
    expect(callbacks.render!()).toBe(true);
    expect(callbacks.destroy!()).toBe(true);
    await afterTasks();
    await expect(saving).resolves.toBe(false);
    // render then destroy: nothing is left, and nothing listens.
    expect(document.querySelectorAll('.fl-dock')).toHaveLength(0);
    expect(document.querySelectorAll('link[data-funnel-lens]')).toHaveLength(0);
    expect(jq.handlers.size).toBe(0);
  });

  it('never lets a broken host reach amoCRM as an exception', async () => {
    const Ctor = loadBundle(fakeJquery().$)[0]!.value as (this: Record<string, unknown>) => unknown;
    (globalThis as Record<string, unknown>).APP = {
      getWidgetsArea: () => {
        throw new Error('host broke');
      },
    };
    const self: Record<string, unknown> = { get_settings: () => null };
    Ctor.call(self);
    const callbacks = self.callbacks as Record<string, (...a: unknown[]) => unknown>;
    expect(callbacks.render!()).toBe(true);
    expect(callbacks.settings!()).toBe(true);
    expect(callbacks.advancedSettings!()).toBe(true);
    expect(callbacks.destroy!()).toBe(true);
    await afterTasks();
  });
});

if (!built) {
  it('needs the built widget: run `npm run build` first', () => {
    throw new Error(`${SCRIPT} is missing; npm test builds it before jest runs`);
  });
}
