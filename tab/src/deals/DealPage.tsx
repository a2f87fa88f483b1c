import { Link, Title2 } from '@fluentui/react-components';
import type { Opportunity } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { ErrorState, LoadingState } from '../app/StateViews';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { MemberName } from '../owners/MemberName';
import { useFormat } from '../i18n/useFormat';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordLink } from '../records/RecordProperties';
import { NextStep } from './NextStep';

export type DealPageProps = { readonly workspaceId: string; readonly recordId: string };

/** One deal: organisation, stage, amount, close date, owner, its next step, and its activities. */
export function DealPage({ workspaceId, recordId }: DealPageProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const navigation = useNavigation();
  const styles = useRecordDetailStyles();
  const deal = useQuery({
    queryKey: queryKeys.record(workspaceId, 'opportunities', recordId),
    queryFn: () => api.get<Opportunity>(workspaceId, 'opportunities', recordId),
  });
  const back = (
    <Link href={navigation.href('opportunities')}>
      {t('records.backTo', { list: t('opportunities.heading') })}
    </Link>
  );
  if (deal.isPending) return <LoadingState />;
  if (deal.isError)
    return (
      <section className={styles.view}>
        {back}
        <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />
      </section>
    );
  const current = deal.data;
  const rows: [string, ReactNode][] = [
    [
      t('opportunities.field.organisation'),
      <RecordLink plural="organisations" id={current.organisationId} />,
    ],
    [t('opportunities.field.stage'), t(`stages.${current.stage}`, { defaultValue: current.stage })],
    [
      t('opportunities.field.amount'),
      current.amount === undefined ? '—' : format.money(current.amount, current.currency),
    ],
    [t('opportunities.field.closeDate'), current.closeDate ? format.date(current.closeDate) : '—'],
    [t('opportunities.field.owner'), <MemberName userId={current.ownerId} />],
    [t('nextStep.label'), <NextStep deal={current} />],
  ];
  return (
    <article className={styles.view} aria-labelledby="record-heading">
      {back}
      <Title2 as="h2" id="record-heading">
        {current.name}
      </Title2>
      <dl className={styles.properties}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.group}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <ActivityTimeline workspaceId={workspaceId} regarding={{ type: 'opportunity', id: current.id }} />
    </article>
  );
}
