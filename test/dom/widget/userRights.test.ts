import { hostUser } from '../../../widget/amoGlobals';

/** The page's user and its leads edit right, which decides where «Отложить» is offered (F.6). */
function withApp(constants: Record<string, unknown>, run: () => void): void {
  const global = globalThis as Record<string, unknown>;
  global.APP = { constant: (key: string) => constants[key] };
  try {
    run();
  } finally {
    delete global.APP;
  }
}

describe('hostUser: the leads edit right', () => {
  it('reads APP.constant("user_rights").leads.edit', () => {
    withApp(
      {
        user: { id: '7', name: 'Анна', is_admin: 'N' },
        user_rights: { leads: { view: 'G', edit: 'M' }, mail_access: true },
      },
      () => expect(hostUser()).toEqual({ id: 7, name: 'Анна', isAdmin: false, leadsEdit: 'M' }),
    );
  });

  it('is unknown (null) when the page does not say, or says something else', () => {
    for (const rights of [undefined, { leads: { edit: 'X' } }, { leads: null }, 'A'])
      withApp({ user: { id: 7 }, user_rights: rights }, () =>
        expect(hostUser()?.leadsEdit).toBeNull(),
      );
  });
});
