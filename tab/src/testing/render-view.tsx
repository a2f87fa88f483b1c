import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { MotionBehaviourProvider } from '@fluentui/react-motion';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { ApiProvider } from '../api/ApiContext';
import { NavigationProvider } from '../app/navigation';
import type { Route } from '../app/routes';
import type { NavigateOptions } from '../app/useRoute';
import { ToastProvider } from '../app/Toasts';
import { createI18n, type Language } from '../i18n/i18n';
import { RESOURCES } from '../i18n/resources';

// jsdom has no ResizeObserver; Fluent's MessageBar and the virtualiser only need one to exist.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

/**
 * A view as the app mounts it (translations, Fluent, query cache, API, links), with Fluent's motion
 * skipped: dialogs open and close at once, so no test waits on an animation.
 */
export function renderView(
  view: ReactElement,
  api: ApiClient,
  options: {
    language?: Language;
    navigate?: (route: Route, navigateOptions?: NavigateOptions) => void;
    /** The address shown (its query: a view's filters); without one the query lives in the provider. */
    route?: Route;
  } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const i18n = createI18n(options.language ?? 'en', RESOURCES);
  // A wrapper, so `rerender` (a route changing by itself) keeps the providers and their state.
  const Providers = ({ children }: { readonly children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme}>
        <MotionBehaviourProvider value="skip">
          <QueryClientProvider client={queryClient}>
            <ApiProvider client={api}>
              <NavigationProvider
                workspaceId="ws"
                navigate={options.navigate ?? (() => undefined)}
                {...(options.route ? { route: options.route } : {})}
              >
                <ToastProvider>{children}</ToastProvider>
              </NavigationProvider>
            </ApiProvider>
          </QueryClientProvider>
        </MotionBehaviourProvider>
      </FluentProvider>
    </I18nextProvider>
  );
  return render(view, { wrapper: Providers });
}
