import helmet from 'helmet';

/** Teams (web, desktop, Outlook and the Microsoft 365 app) frames the tab from these origins. */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  'outlook.office.com',
  'outlook.office365.com',
];

/**
 * Helmet's defaults, except that Teams must be able to frame us: CSP frame-ancestors lists Teams'
 * hosts and X-Frame-Options (which cannot express that list) is left out.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Fluent UI (Griffel) inserts style rules at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // teams-js checks its valid domains against Microsoft's CDN when the tab runs inside Teams.
        'connect-src': ["'self'", 'https://res.cdn.office.net'],
        'frame-ancestors': TEAMS_FRAME_ANCESTORS,
        // Local runs are plain http on localhost; in Azure the platform terminates TLS (and HSTS holds).
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: false,
  });
