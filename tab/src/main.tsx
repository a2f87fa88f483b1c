import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, pickLanguage } from './i18n/i18n';
import { connectTeams } from './teams/teams-host';

/** The browser entry: render at once; Teams (when framed) is connected in the background. */
const container = document.getElementById('root');
if (container) {
  const framed = window.self !== window.top;
  const i18n = createI18n(pickLanguage(navigator.language));
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  createRoot(container).render(
    <App
      i18n={i18n}
      page={window.location.pathname === '/config' ? 'config' : 'app'}
      {...(framed ? { connectTeams: () => connectTeams() } : {})}
    />,
  );
}
