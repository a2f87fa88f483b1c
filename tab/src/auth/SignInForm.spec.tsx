/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { SignInForm } from './SignInForm';

function renderForm() {
  const asked: unknown[] = [];
  const signedIn: string[] = [];
  const fetch = (async (_url: unknown, init?: RequestInit) => {
    asked.push(JSON.parse(String(init?.body)));
    return { ok: true, status: 200, json: async () => ({ token: 'tok' }) };
  }) as unknown as typeof globalThis.fetch;
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <FluentProvider theme={teamsLightTheme}>
        <SignInForm fetch={fetch} onSignedIn={(_token, who) => signedIn.push(who.name)} />
      </FluentProvider>
    </I18nextProvider>,
  );
  return { asked, signedIn };
}

const value = (name: RegExp) => (screen.getByRole('textbox', { name }) as HTMLInputElement).value;

describe('SignInForm (local sign-in)', () => {
  it("offers the Agents Playground's people, the demo workspace's owner first and chosen", () => {
    renderForm();
    const people = screen.getByRole('radiogroup', { name: 'Sign in as' });
    expect(people).toBeTruthy();
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => [r.labels?.[0]?.textContent, r.checked])).toEqual([
      ['Alex Wilber (Owner)', true],
      ['Megan Bowen (Member)', false],
      ['Adele Vance (Member)', false],
    ]);
    expect([value(/^Tenant id/), value(/^User id/), value(/^Name/)]).toEqual([
      '00000000-0000-0000-0000-0000000000001',
      '00000000-0000-0000-0000-0000000000020',
      'Alex Wilber',
    ]);
  });

  it('when Megan is picked, then she is the one signed in', async () => {
    const { asked, signedIn } = renderForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Megan Bowen (Member)' }));
    expect(value(/^User id/)).toBe('00000000-0000-0000-0000-0000000000021');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(signedIn).toEqual(['Megan Bowen']));
    expect(asked).toEqual([
      {
        tenantId: '00000000-0000-0000-0000-0000000000001',
        userId: '00000000-0000-0000-0000-0000000000021',
        name: 'Megan Bowen',
      },
    ]);
    expect(signedIn).toEqual(['Megan Bowen']);
  });

  it('when someone else is typed in, then no one in the list stays picked and the typed ids sign in', async () => {
    const { asked, signedIn } = renderForm();
    const userId = screen.getByRole('textbox', { name: /^User id/ });
    await userEvent.clear(userId);
    await userEvent.type(userId, 'someone-else');
    expect((screen.getAllByRole('radio') as HTMLInputElement[]).some((r) => r.checked)).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(signedIn).toHaveLength(1));
    expect(asked).toEqual([expect.objectContaining({ userId: 'someone-else', name: 'Alex Wilber' })]);
  });
});
