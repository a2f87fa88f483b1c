import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './StateViews';

export type ComingSoonProps = { readonly workspaceId: string; readonly title: string };

/** A view whose screen is not in this build yet: says so plainly, in the user's language. */
export function ComingSoon({ title }: ComingSoonProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="soon-heading">
      <Title2 as="h2" id="soon-heading">
        {title}
      </Title2>
      <EmptyState text={t('app.comingSoon')} />
    </section>
  );
}
