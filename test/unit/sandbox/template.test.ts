/**
 * @jest-environment jsdom
 */
/**
 * `render_template` and `self.render` in the sandbox host, with the real twig.js 0.8.9 amoCRM
 * documents: the documented reading (`body: ''`, markup in `render`, a Twig template rendered with
 * the params) and the other one (ready HTML in `body`, no `render`) give the same block.
 */
import type { WidgetEnv } from '../../../sandbox/host/widget/env';
import { widgetRender } from '../../../sandbox/host/widget/render';
import { renderTemplate, templateBody } from '../../../sandbox/host/widget/template';
import type { TwigFactory, TwigParams } from '../../../sandbox/host/vendor';

const { twig } = jest.requireActual<{ twig: TwigFactory }>('twig');

const env: Pick<WidgetEnv, 'code' | 'path' | 'version'> = {
  code: 'fl_test_x7',
  path: '/widgets/fl_test_x7',
  version: '1.2.3',
};

function column(): HTMLElement {
  document.body.innerHTML = '<div class="card-widgets" id="card_widgets_column"></div>';
  const found = document.getElementById('card_widgets_column');
  if (found === null) throw new Error('no column');
  return found;
}

describe('render_template body', () => {
  const markup = '<div class="funnel-lens fl-card-root"></div>';

  test('body only: the ready HTML as it is', () => {
    expect(templateBody(twig, { body: markup }, {})).toBe(markup);
  });

  test("body '' + render: the render template (amoCRM's documented example)", () => {
    expect(templateBody(twig, { body: '', render: markup }, {})).toBe(markup);
  });

  test("body + render '': an empty render is no template, the body is used", () => {
    expect(templateBody(twig, { body: markup, render: '' }, {})).toBe(markup);
  });

  test('render wins over a body beside it', () => {
    expect(templateBody(twig, { body: '<p>body</p>', render: '<p>render</p>' }, {})).toBe(
      '<p>render</p>',
    );
  });

  test('neither: an empty body', () => {
    expect(templateBody(twig, { caption: { class_name: 'x' } }, {})).toBe('');
  });

  test('render is Twig: variables, dotted access, if, for, filters', () => {
    const template =
      '<ul class="{{ cls }}">{% for item in items %}<li>{{ item.name|upper }}</li>{% endfor %}</ul>' +
      '{% if settings.path %}<link href="{{ settings.path }}/style.css?v={{ settings.version }}">{% endif %}' +
      '{{ missing }}{{ html|raw }}{{ html|e }}';
    const params = {
      cls: 'ac-form',
      items: [{ name: 'one' }, { name: 'two' }],
      settings: { path: '/widgets/x', version: '2' },
      html: '<b>&</b>',
    };
    expect(templateBody(twig, { body: '', render: template }, params)).toBe(
      '<ul class="ac-form"><li>ONE</li><li>TWO</li></ul>' +
        '<link href="/widgets/x/style.css?v=2">' +
        '<b>&</b>&lt;b&gt;&amp;&lt;/b&gt;',
    );
  });

  test('a non-object is refused', () => {
    expect(() => templateBody(twig, 'body', {})).toThrow(TypeError);
  });
});

describe('render_template in the card column', () => {
  test('both readings mount the same block, and the widget finds its root', () => {
    const markup = '<div class="funnel-lens fl-card-root"></div>';
    const blocks = [{ body: markup }, { body: '', render: markup }].map(options => {
      const col = column();
      renderTemplate(env, col, twig, { caption: { class_name: 'fl-caption' }, ...options }, {});
      expect(col.querySelectorAll('.card-widgets__widget-fl_test_x7 .fl-card-root')).toHaveLength(
        1,
      );
      return col.innerHTML;
    });
    expect(blocks[1]).toBe(blocks[0]);
  });

  test('the block carries the caption class, the logo and is reused on a second call', () => {
    const col = column();
    renderTemplate(
      env,
      col,
      twig,
      { caption: { class_name: 'cap' }, body: '', render: '<i>1</i>' },
      {},
    );
    renderTemplate(
      env,
      col,
      twig,
      { caption: { class_name: 'cap' }, body: '', render: '<i>{{ n }}</i>' },
      { n: 2 },
    );
    const blocks = col.querySelectorAll('.card-widgets__widget');
    expect(blocks).toHaveLength(1);
    expect(col.querySelector('.card-widgets__widget__caption.cap img')?.getAttribute('src')).toBe(
      '/widgets/fl_test_x7/images/logo_medium.png?v=1.2.3',
    );
    expect(col.querySelector('.card-widgets__widget__body')?.innerHTML).toBe('<i>2</i>');
  });

  test('outside a card (no column) nothing is drawn', () => {
    document.body.innerHTML = '';
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    renderTemplate(env, null, twig, { body: '<p></p>' }, {});
    expect(document.body.innerHTML).toBe('');
    expect(info).toHaveBeenCalled();
  });
});

describe('self.render', () => {
  test('{data}: the HTML, synchronously', () => {
    expect(widgetRender(twig, { data: '<p>{{ a }}-{{ b.c }}</p>' }, { a: 1, b: { c: 'x' } })).toBe(
      '<p>1-x</p>',
    );
  });

  test('{href, base_path, v, load}: loads the widget file and hands load() the template', async () => {
    const calls: TwigParams[] = [];
    const fake: TwigFactory = params => {
      calls.push(params);
      params.load?.({ render: p => `rendered ${JSON.stringify(p)}` });
      return undefined;
    };
    const loaded = new Promise<string>(resolve => {
      const result = widgetRender(
        fake,
        {
          href: '/templates/oferta.twig',
          base_path: '/widgets/w',
          v: '1.0.1',
          load: (template: { render(p: unknown): string }) => resolve(template.render({ x: 1 })),
        },
        {},
      );
      expect(result).toBeUndefined();
    });
    await expect(loaded).resolves.toBe('rendered {"x":1}');
    expect(calls[0]).toMatchObject({
      href: '/widgets/w/templates/oferta.twig?v=1.0.1',
      async: true,
    });
  });

  test('promised: true returns a Promise of the template; a failed load rejects', async () => {
    const ok: TwigFactory = params => {
      params.load?.({ render: () => 'ok' });
      return undefined;
    };
    const result = widgetRender(ok, { href: '/t.twig', base_path: '/w', promised: true }, {});
    expect(result).toBeInstanceOf(Promise);
    await expect((result as Promise<{ render(): string }>).then(t => t.render())).resolves.toBe(
      'ok',
    );

    const failing: TwigFactory = params => {
      params.error?.(new Error('404'));
      return undefined;
    };
    await expect(
      widgetRender(failing, { href: '/t.twig', base_path: '/w', promised: true }, {}),
    ).rejects.toThrow('404');
  });

  test('{ref}: amoCRM system templates are refused by name', () => {
    expect(() => widgetRender(twig, { ref: '/tmpl/controls/button.twig' }, {})).toThrow(
      /tmpl\/controls\/button\.twig/,
    );
  });
});
