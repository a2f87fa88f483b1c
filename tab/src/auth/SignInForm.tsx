import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';
import { requestDevToken, type DevIdentity } from './dev-token';
import { useSignInFormStyles } from './SignInForm.styles';

export type SignInFormProps = {
  readonly onSignedIn: (token: string, identity: DevIdentity) => void;
  readonly fetch?: typeof fetch;
};

const DEFAULTS: DevIdentity = {
  tenantId: '00000000-0000-0000-0000-000000000001',
  userId: 'demo-user',
  name: 'Demo User',
};

/** Outside Teams (local, dev mode): ask the server for a dev token for the given identity. */
export function SignInForm({ onSignedIn, fetch: doFetch }: SignInFormProps) {
  const { t } = useTranslation();
  const styles = useSignInFormStyles();
  const [identity, setIdentity] = useState<DevIdentity>(DEFAULTS);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

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
