import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { DEMO_PEOPLE, DEMO_TENANT_ID, type DemoPerson } from './demo-people';
import { requestDevToken, type DevIdentity } from './dev-token';
import { useSignInFormStyles } from './SignInForm.styles';

export type SignInFormProps = {
  readonly onSignedIn: (token: string, identity: DevIdentity) => void;
  readonly fetch?: typeof fetch;
};

const identityOf = (person: DemoPerson): DevIdentity => ({
  tenantId: DEMO_TENANT_ID,
  userId: person.userId,
  name: person.name,
});

/**
 * Outside Teams (local, dev mode): ask the server for a dev token for the given identity. It offers
 * the demo's people (the Agents Playground's, so the tab and the playground are the same people),
 * the owner first, and takes anyone else typed in.
 */
export function SignInForm({ onSignedIn, fetch: doFetch }: SignInFormProps) {
  const { t } = useTranslation();
  const styles = useSignInFormStyles();
  const [identity, setIdentity] = useState<DevIdentity>(identityOf(DEMO_PEOPLE[0]));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const picked = DEMO_PEOPLE.find(
    (p) => p.userId === identity.userId && identity.tenantId === DEMO_TENANT_ID,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await requestDevToken(identity, doFetch), identity);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };
  const field = (key: keyof DevIdentity) => (
    <Field label={t(`signIn.${key}`)} required>
      <Input
        value={identity[key]}
        onChange={(_e, data) => setIdentity((current) => ({ ...current, [key]: data.value }))}
      />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="sign-in-heading">
      <Title2 as="h2" id="sign-in-heading">
        {t('signIn.heading')}
      </Title2>
      <Text>{t('signIn.intro')}</Text>
      <Field label={t('signIn.person')} hint={t('signIn.otherPerson')}>
        <RadioGroup
          value={picked?.userId ?? ''}
          onChange={(_e, data) => {
            const person = DEMO_PEOPLE.find((p) => p.userId === data.value);
            if (person) setIdentity(identityOf(person));
          }}
        >
          {DEMO_PEOPLE.map((person) => (
            <Radio
              key={person.userId}
              value={person.userId}
              label={`${person.name} (${t(`workspaces.role.${person.role}`)})`}
            />
          ))}
        </RadioGroup>
      </Field>
      {field('tenantId')}
      {field('userId')}
      {field('name')}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
