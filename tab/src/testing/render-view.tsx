import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { ApiProvider } from '../api/ApiContext';
import { NavigationProvider } from '../app/navigation';
import type { Route } from '../app/routes';
import { createI18n, type Language } from '../i18n/i18n';

// jsdom has no layout, so no ResizeObserver; Fluent's MessageBar and the virtualiser only need one to exist.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// findBy/waitFor give up after 1 s by default: too short when every suite runs at once.
// defaultHidden: in jsdom, Fluent's focus manager (tabster) may leave an open dialog marked
// aria-hidden, as it only activates a modal on a focus it can see; jsdom's programmatic focus does not
// always count. Queries still go by role and accessible name; the Chromium e2e and the axe scan check
// the real accessibility tree.
configure({ asyncUtilTimeout: 10_000, defaultHidden: true });

/**
 * A view as the app mounts it (translations, Fluent, query cache, API, links), with Fluent's motion
 * skipped: dialogs open and close at once, so no test waits on an animation.
 */
export function renderView(
  view: ReactElement,
  api: ApiClient,
  options: { language?: Language; navigate?: (route: Route) => void } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'en')}>
      <FluentProvider theme={teamsLightTheme}>
        <MotionBehaviourProvider value="skip">
          <QueryClientProvider client={queryClient}>
            <ApiProvider client={api}>
              <NavigationProvider workspaceId="ws" navigate={options.navigate ?? (() => undefined)}>
                {view}
              </NavigationProvider>
            </ApiProvider>
          </QueryClientProvider>
        </MotionBehaviourProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

/**
 * The open dialog titled `title`. Its accessible name is its title (aria-labelledby); looked up by
 * that title directly, because jsdom computes no name for a dialog tabster has marked aria-hidden.
 */
export function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = screen
      .getAllByRole('dialog')
      .find((d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent === title);
    if (!dialog) throw new Error(`no open dialog titled ${title}`);
    return dialog;
  });
}
