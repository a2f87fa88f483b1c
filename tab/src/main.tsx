import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, loadLanguage, pickLanguage } from './i18n/i18n';
import { connectTeamsOnce, mayBeTeams, type HostWindow } from './teams/teams-host';

/**
 * The app (loaded by boot.ts): render once the reader's language is in (English is bundled, another is one
 * small chunk; should it fail to load, English); Teams (where it may be hosting the tab: framed, or its
 * mobile app's bridge) is connected in the background.
 */
const container = document.getElementById('root');
if (container) {
  const inTeams = mayBeTeams(window as unknown as HostWindow);
  const i18n = createI18n('en');
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  const render = () =>
    createRoot(container).render(
      <App
        i18n={i18n}
        page={window.location.pathname === '/config' ? 'config' : 'app'}
        {...(inTeams ? { connectTeams: connectTeamsOnce } : {})}
      />,
    );
  void loadLanguage(i18n, pickLanguage(navigator.language)).then(render, render);
}
