import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { themeFor } from './theme';

describe('themeFor', () => {
  it.each([
    ['default', teamsLightTheme],
    ['dark', teamsDarkTheme],
    ['contrast', teamsHighContrastTheme],
    ['something-new', teamsLightTheme],
    [undefined, teamsLightTheme],
  ])('maps the Teams theme %s', (teams, theme) => {
    expect(themeFor(teams)).toBe(theme);
  });
});
