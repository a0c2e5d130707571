import { fireEvent, render, screen } from '@testing-library/preact';
import { ApiError } from '../../../../src/api';
import type { ApiErrorCode } from '../../../../src/api';
import { EngineError } from '../../../../src/state';
import { ErrorBanner } from '../../../../src/ui/common';
import type { BannerError } from '../../../../src/ui/common';
import { testEnv, WithEnv } from '../../../support/env';

function show(error: BannerError | null, onRetry?: () => void, lang: 'ru' | 'en' = 'ru') {
  const env = testEnv({ lang });
  const view = render(
    <WithEnv env={env}>
      <ErrorBanner error={error} onRetry={onRetry} />
    </WithEnv>,
  );
  return { t: env.t, view };
}

const CODES: ApiErrorCode[] = [
  'NETWORK',
  'TIMEOUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYMENT_REQUIRED',
  'NOT_FOUND',
  'BAD_REQUEST',
  'RATE_LIMITED',
  'SERVER',
  'SCHEMA',
  'ABORTED',
  'HTTP',
];

describe('ErrorBanner', () => {
  it.each(CODES)('translates %s with the request path filled in', code => {
    const { t, view } = show(new ApiError(code, { path: '/api/v4/events' }));
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain(t(`fl.errors.${code}`, { path: '/api/v4/events' }));
    expect(text).not.toMatch(/\{path\}|fl\.errors/);
    view.unmount();
  });

  it.each(['PIPELINE_GONE', 'CACHE'] as const)(
    'translates the sync failure %s as it crosses from the data service',
    code => {
      const retry = jest.fn();
      const { t } = show({ code }, retry);
      const alert = screen.getByRole('alert');
      expect(alert.querySelector('.fl-error__text')?.textContent).toBe(t(`fl.errors.${code}`));
      expect(alert.textContent).not.toMatch(/\{\w+\}|fl\.errors/);
      fireEvent.click(screen.getByRole('button', { name: t('fl.common.retry') }));
      expect(retry).toHaveBeenCalledTimes(1);
    },
  );

  it('speaks a sync failure in English too', () => {
    show({ code: 'PIPELINE_GONE' }, undefined, 'en');
    expect(screen.getByRole('alert').textContent).toMatch(/^This pipeline is no longer/);
  });

  it('says which path is forbidden, and a neutral place when none is known', () => {
    const a = show(new ApiError('FORBIDDEN', { status: 403, path: '/api/v4/users' }));
    expect(screen.getByRole('alert').textContent).toContain('/api/v4/users');
    a.view.unmount();
    const b = show(new ApiError('FORBIDDEN', { status: 403 }));
    expect(screen.getByRole('alert').textContent).toContain(
      b.t('fl.errors.FORBIDDEN', { path: b.t('fl.common.errorSomewhere') }),
    );
  });

  it('offers a retry, except on 401 where only a reload helps', () => {
    const retry = jest.fn();
    const a = show(new ApiError('SERVER', { status: 502 }), retry);
    fireEvent.click(screen.getByRole('button', { name: a.t('fl.common.retry') }));
    expect(retry).toHaveBeenCalledTimes(1);
    a.view.unmount();
    show(new ApiError('UNAUTHORIZED', { status: 401 }), retry);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each(['WORKER_FAILED', 'NO_DATA', 'FAILED'] as const)(
    'speaks an engine failure (%s) by its code, never its technical message',
    code => {
      const a = show(new EngineError(code, 'out of memory'), undefined, 'en');
      expect(screen.getByRole('alert').textContent).toBe(a.t(`fl.errors.engine.${code}`));
      a.view.unmount();
    },
  );

  it('says nothing when the engine was disposed: the mount is going away', () => {
    const { view } = show(new EngineError('DISPOSED'));
    expect(view.container.innerHTML).toBe('');
  });

  it.each([
    ['UNAUTHORIZED', 'Invalid user name or password'],
    ['BAD_REQUEST', '<b>limit</b> too big'],
    ['SERVER', 'Internal error, please try again'],
  ] as const)(
    'never shows the server’s own text (%s): only the translated code',
    (code, detail) => {
      const { t } = show(new ApiError(code, { path: '/api/v4/leads', detail }));
      const alert = screen.getByRole('alert');
      expect(alert.textContent).not.toContain(detail);
      expect(alert.querySelector('.fl-error__text')?.textContent).toBe(
        t(`fl.errors.${code}`, { path: '/api/v4/leads' }),
      );
      expect(document.querySelector('b')).toBeNull();
    },
  );

  it.each(['NETWORK', 'TIMEOUT', 'UNAUTHORIZED', 'RATE_LIMITED', 'SERVER', 'SCHEMA'] as const)(
    'claims no saved data by itself (%s): only a notice that knows says what is shown',
    code => {
      for (const lang of ['ru', 'en'] as const) {
        const { view } = show({ code }, undefined, lang);
        expect(screen.getByRole('alert').textContent).not.toMatch(/сохран|saved data|позже|later/i);
        view.unmount();
      }
    },
  );

  it('renders nothing without an error', () => {
    const { view } = show(null);
    expect(view.container.innerHTML).toBe('');
  });
});

describe('ErrorBanner: where to get help', () => {
  const support = {
    supportLink: 'https://funnellens.io/help',
    supportEmail: 'help@funnellens.io',
    privacyLink: 'https://funnellens.io/privacy',
  };

  function withSupport(error: BannerError, lang: 'ru' | 'es' = 'ru') {
    return render(
      <WithEnv env={testEnv({ lang, support })}>
        <ErrorBanner error={error} />
      </WithEnv>,
    );
  }

  it.each([
    new ApiError('SCHEMA', { path: '/api/v4/leads' }),
    new ApiError('HTTP', { path: '/api/v4/leads' }),
    new ApiError('BAD_REQUEST', { path: '/api/v4/leads' }),
    { code: 'CACHE' as const },
    new EngineError('FAILED', 'x'),
    new EngineError('WORKER_FAILED', 'x'),
  ])('names the publisher’s e-mail and site under a failure the user cannot fix (%p)', error => {
    const view = withSupport(error);
    const help = screen.getByRole('alert').querySelector('.fl-error__help');
    expect(help?.textContent).toContain(
      'Если ошибка повторяется, напишите в поддержку Funnel Lens:',
    );
    const links = [...(help?.querySelectorAll('a') ?? [])];
    expect(links.map(a => [a.getAttribute('href'), a.textContent])).toEqual([
      ['mailto:help@funnellens.io', 'help@funnellens.io'],
      ['https://funnellens.io/help', 'сайт поддержки'],
    ]);
    expect(links[1]?.getAttribute('rel')).toBe('noopener noreferrer');
    view.unmount();
  });

  it.each([
    new ApiError('NETWORK', {}),
    new ApiError('RATE_LIMITED', {}),
    new ApiError('UNAUTHORIZED', {}),
  ])('says nothing of support where waiting or signing in is the answer (%p)', error => {
    const view = withSupport(error);
    expect(screen.getByRole('alert').querySelector('.fl-error__help')).toBeNull();
    view.unmount();
  });

  it('speaks the user’s language, and stays out where the build names no publisher', () => {
    const view = withSupport(new ApiError('SCHEMA', { path: '/x' }), 'es');
    expect(screen.getByRole('alert').textContent).toContain('escribe al soporte de Funnel Lens');
    view.unmount();
    show(new ApiError('SCHEMA', { path: '/x' }));
    expect(screen.getByRole('alert').querySelector('.fl-error__help')).toBeNull();
  });
});
