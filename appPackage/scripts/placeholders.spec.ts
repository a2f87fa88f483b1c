import { fillPlaceholders, placeholderNames } from './placeholders';

const values = new Map([
  ['TAB_DOMAIN', 'crm.example.com'],
  ['APP_NAME_SUFFIX', ''],
  ['QUOTE', 'say "hi"'],
  ['EMPTY', ''],
  ['SECRET_BOT_PASSWORD', 'hunter2'],
]);

describe('placeholders', () => {
  it('lists each name once, with or without inner spaces', () => {
    expect(placeholderNames('${{A}} ${{ B }} ${{A}} ${B} {{C}}')).toEqual(['A', 'B']);
  });

  it('fills every placeholder, escaping values for JSON strings', () => {
    expect(fillPlaceholders('{"a":"api://${{TAB_DOMAIN}}/x","b":"${{QUOTE}}"}', values)).toEqual({
      ok: true,
      text: '{"a":"api://crm.example.com/x","b":"say \\"hi\\""}',
    });
  });

  it('lets the app name suffix be empty (the production name has none)', () => {
    expect(fillPlaceholders('Pipeline CRM${{APP_NAME_SUFFIX}}', values)).toEqual({
      ok: true,
      text: 'Pipeline CRM',
    });
  });

  it('reports every unset, empty or secret name at once', () => {
    expect(fillPlaceholders('${{MISSING}} ${{EMPTY}} ${{SECRET_BOT_PASSWORD}}', values)).toEqual({
      ok: false,
      problems: [
        'MISSING: not set',
        'EMPTY: empty (not provisioned yet?)',
        'SECRET_BOT_PASSWORD: a secret cannot go into the app package',
      ],
    });
  });
});
