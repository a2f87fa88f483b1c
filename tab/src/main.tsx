import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, loadLanguage, pickLanguage } from './i18n/i18n';
import { connectTeamsOnce } from './teams/teams-host';

/**
 * The app (loaded by boot.ts): render once the reader's language is in (English is bundled, another is one
 * small chunk; should it fail to load, English); Teams (when framed) is connected in the background.
 */
const container = document.getElementById('root');
if (container) {
  const framed = window.self !== window.top;
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
        {...(framed ? { connectTeams: connectTeamsOnce } : {})}
      />,
    );
  void loadLanguage(i18n, pickLanguage(navigator.language)).then(render, render);
}
