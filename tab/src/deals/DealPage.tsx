import { Link, Text, Title2, Subtitle2 } from '@fluentui/react-components';
import { FIXED_WHEN_CLOSED, isClosedStageId, LOST, type Contact, type Opportunity } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useApi } from '../api/ApiContext';
import { useUpdateRecord } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { useNavigation } from '../app/navigation';
import { CopyLinkButton } from '../app/record-link';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { ActivityTimeline } from '../activities/ActivityTimeline';
import { useFormat } from '../i18n/useFormat';
import { MemberName } from '../owners/MemberName';
import { useMemberOptions } from '../owners/MemberSelect';
import { DEAL_LINKS } from '../organisations/deal-entity';
import { stageName as nameOfStage } from '../pipeline/pipeline-format';
import { useWorkspaceLookups } from '../pipeline/useWorkspaceLookups';
import { DeleteRecordButton } from '../records/DeleteRecordButton';
import { InlineField } from '../records/InlineField';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordLink } from '../records/RecordProperties';
import { useRecordList } from '../records/useRecordList';
import { useClosingDialog } from '../records/useClosingDialog';
import { useRecordActions } from '../records/useRecordActions';
import { useDealPageStyles } from './DealPage.styles';
import { NextStep } from './NextStep';
import { StageHistory } from './StageHistory';
import { StagePath } from './StagePath';
import { StageQuestionDialog } from './StageQuestionDialog';
import { useDealStage } from './useDealStage';

export type DealPageProps = { readonly workspaceId: string; readonly recordId: string };

/**
 * One deal, as Pipedrive and HubSpot show it: the stage path across the top (a click moves it; Lost
 * asks why, Won asks to confirm), then its details edited in place (amount, close date, probability,
 * owner, organisation, primary contact), its next step, notes and activities, and beside them the
 * organisation's contacts and the stage history.
 */
export function DealPage({ workspaceId, recordId }: DealPageProps) {
  const { t } = useTranslation();
  const api = useApi();
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
  return (
    <article className={styles.view} aria-labelledby="record-heading">
      {back}
      <Deal workspaceId={workspaceId} deal={deal.data} onReload={() => void deal.refetch()} />
    </article>
  );
}

type DealProps = {
  readonly workspaceId: string;
  readonly deal: WithEtag<Opportunity>;
  readonly onReload: () => void;
};

function Deal({ workspaceId, deal, onReload }: DealProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useRecordDetailStyles();
  const navigation = useNavigation();
  const page = useDealPageStyles();
  const lookups = useWorkspaceLookups(workspaceId);
  const members = useMemberOptions(workspaceId);
  const update = useUpdateRecord<Opportunity>(workspaceId, 'opportunities');
  const act = useRecordActions();
  const stageLabels = useMemo(
    () => new Map(lookups.stages.map((stage) => [stage.id, nameOfStage(stage, t)])),
    [lookups.stages, t],
  );
  const stageName = (id: string) => stageLabels.get(id) ?? nameOfStage(id, t);
  const stage = useDealStage(workspaceId, deal, stageName);
  // Kept mounted while it closes, so Fluent gives the page back to assistive tech.
  const question = useClosingDialog(stage.question);
  // A closed deal's result (amount, close date, organisation, probability) changes only after reopening it.
  const fixed = (name: string) =>
    deal.closedAt !== undefined && (FIXED_WHEN_CLOSED as readonly string[]).includes(name);
  const contacts = useRecordList<Contact>(workspaceId, 'contacts', { organisationId: deal.organisationId });
  const save = (patch: Record<string, unknown>) => update.mutateAsync({ record: deal, patch });
  const nullable = (value: string) => (value.trim() === '' ? null : value);
  const number = (value: string) => (value.trim() === '' ? null : Number(value));
  const field = (name: string, labelKey: string) => ({
    name,
    label: t(labelKey),
    onReload,
    readOnly: fixed(name),
  });
  const contactName = (contact: Contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

  return (
    <>
      <div className={styles.heading}>
        <Title2 as="h2" id="record-heading" className={page.title}>
          {deal.name}
        </Title2>
        <div className={styles.actions}>
          <CopyLinkButton
            address={{ workspaceId, view: 'opportunities', recordId: deal.id }}
            label={deal.name}
            onNotice={act.notify}
          />
          <DeleteRecordButton workspaceId={workspaceId} entity={DEAL_LINKS} record={deal} />
        </div>
      </div>
      {lookups.stages.length > 0 && (
        <StagePath
          stages={lookups.stages}
          current={deal.stage}
          stageName={stageName}
          onMove={stage.move}
          disabled={stage.busy}
        />
      )}
      <NoticeBar notice={stage.notice ?? act.notice} />
      {deal.stage === LOST && deal.lostReason && (
        <Text>{t('dealPage.lostBecause', { reason: deal.lostReason })}</Text>
      )}
      <div className={page.columns}>
        <div className={page.column}>
          <section className={styles.section} aria-labelledby="deal-facts-heading">
            <Subtitle2 as="h3" id="deal-facts-heading">
              {t('dealPage.facts')}
            </Subtitle2>
            <dl className={styles.properties}>
              <InlineField
                {...field('amount', 'opportunities.field.amount')}
                value={deal.amount === undefined ? '' : String(deal.amount)}
                display={deal.amount === undefined ? '' : format.money(deal.amount, deal.currency)}
                editor={{ kind: 'number' }}
                onSave={(value) => save({ amount: number(value) })}
              />
              <InlineField
                {...field('closeDate', 'opportunities.field.closeDate')}
                value={deal.closeDate ?? ''}
                display={deal.closeDate ? format.date(deal.closeDate) : ''}
                editor={{ kind: 'date' }}
                onSave={(value) => save({ closeDate: nullable(value) })}
              />
              <InlineField
                {...field('probability', 'opportunities.field.probability')}
                value={String(deal.probability)}
                display={format.percent(deal.probability / 100)}
                editor={{ kind: 'number' }}
                // Blank: the probability follows the stage again.
                onSave={(value) => save({ probability: number(value) })}
              />
              <InlineField
                {...field('ownerId', 'opportunities.field.owner')}
                value={deal.ownerId}
                display={<MemberName userId={deal.ownerId} />}
                editor={{ kind: 'select', options: members }}
                onSave={(ownerId) => save({ ownerId })}
              />
              <InlineField
                {...field('organisationId', 'opportunities.field.organisation')}
                value={deal.organisationId}
                display={<RecordLink plural="organisations" id={deal.organisationId} />}
                linked
                editor={{
                  kind: 'select',
                  options: [...lookups.organisations].map(([value, label]) => ({ value, label })),
                }}
                onSave={(organisationId) => save({ organisationId })}
              />
              <InlineField
                {...field('primaryContactId', 'dealPage.primaryContact')}
                value={deal.primaryContactId ?? ''}
                display={
                  deal.primaryContactId ? <RecordLink plural="contacts" id={deal.primaryContactId} /> : ''
                }
                linked
                editor={{
                  kind: 'select',
                  blank: t('form.none'),
                  options: contacts.records.map((c) => ({ value: c.id, label: contactName(c) })),
                }}
                onSave={(value) => save({ primaryContactId: nullable(value) })}
              />
              <div className={styles.group}>
                <dt className={styles.term}>{t('nextStep.label')}</dt>
                <dd className={styles.value}>
                  {isClosedStageId(deal.stage) ? '—' : <NextStep deal={deal} />}
                </dd>
              </div>
            </dl>
          </section>
          <section className={styles.section} aria-labelledby="deal-notes-heading">
            <Subtitle2 as="h3" id="deal-notes-heading">
              {t('dealPage.notes')}
            </Subtitle2>
            <dl className={page.notes}>
              <InlineField
                {...field('description', 'dealPage.notes')}
                hideLabel
                value={deal.description ?? ''}
                display={deal.description ?? ''}
                editor={{ kind: 'multiline' }}
                onSave={(value) => save({ description: nullable(value) })}
              />
            </dl>
          </section>
          <ActivityTimeline workspaceId={workspaceId} regarding={{ type: 'opportunity', id: deal.id }} />
        </div>
        <div className={page.column}>
          <section className={styles.section} aria-labelledby="deal-contacts-heading">
            <Subtitle2 as="h3" id="deal-contacts-heading">
              {t('dealPage.contacts')}
            </Subtitle2>
            {contacts.isPending ? (
              <LoadingState />
            ) : contacts.records.length === 0 ? (
              <Text>{t('dealPage.noContacts')}</Text>
            ) : (
              <ul className={page.contacts}>
                {contacts.records.map((contact) => (
                  <li key={contact.id}>
                    <Link href={navigation.href('contacts', contact.id)}>{contactName(contact)}</Link>
                    {contact.title ? <Text size={200}> · {contact.title}</Text> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <StageHistory workspaceId={workspaceId} dealId={deal.id} stageName={stageName} />
        </div>
      </div>
      {question.shown && (
        <StageQuestionDialog
          key={question.key}
          open={question.open}
          question={question.shown}
          dealName={deal.name}
          closed={deal.closedAt !== undefined}
          stageName={stageName}
          onAnswer={stage.answer}
          onCancel={stage.cancel}
        />
      )}
    </>
  );
}
