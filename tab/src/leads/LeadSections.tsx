import { Button, Checkbox, Field, Text, Textarea, Subtitle2 } from '@fluentui/react-components';
import {
  isConvertedLead,
  isDisqualifiedLead,
  leadCapabilities,
  sameQualification,
  type Lead,
  type Qualification,
} from '@crm/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithEtag } from '../api/api-client';
import { useUpdateRecord } from '../api/mutations';
import { useFormat } from '../i18n/useFormat';
import { useMemberName } from '../owners/MemberName';
import { useRecordDetailStyles } from '../records/RecordDetail.styles';
import { RecordLink } from '../records/RecordProperties';
import type { RecordActions } from '../records/useRecordActions';

export type LeadSectionsProps = {
  readonly workspaceId: string;
  readonly lead: WithEtag<Lead>;
  readonly act: RecordActions;
};

const CRITERIA = ['budget', 'authority', 'need', 'timeline'] as const;

/** The qualification checklist (budget, authority, need, timeline, notes), and what became of the lead. */
export function LeadSections({ workspaceId, lead, act }: LeadSectionsProps) {
  const { t } = useTranslation();
  const update = useUpdateRecord<Lead>(workspaceId, 'leads');
  const format = useFormat();
  const memberName = useMemberName();
  const styles = useRecordDetailStyles();
  const [checklist, setChecklist] = useState<Qualification>(lead.qualification);
  const readOnly = !leadCapabilities(lead).edit;
  const changed = !sameQualification(checklist, lead.qualification);
  return (
    <>
      <section className={styles.section} aria-labelledby="qualification-heading">
        <Subtitle2 as="h3" id="qualification-heading">
          {t('leads.qualification.heading')}
        </Subtitle2>
        {CRITERIA.map((criterion) => (
          <Checkbox
            key={criterion}
            label={t(`leads.qualification.${criterion}`)}
            checked={checklist[criterion]}
            disabled={readOnly}
            onChange={(_e, data) => setChecklist((c) => ({ ...c, [criterion]: data.checked === true }))}
          />
        ))}
        <Field label={t('leads.qualification.notes')}>
          <Textarea
            value={checklist.notes ?? ''}
            disabled={readOnly}
            onChange={(_e, data) => setChecklist((c) => ({ ...c, notes: data.value }))}
          />
        </Field>
        {!readOnly && (
          <div>
            <Button
              disabled={!changed}
              onClick={() =>
                void act.run(
                  () =>
                    update.mutateAsync({
                      record: lead,
                      patch: {
                        qualification: {
                          ...checklist,
                          notes: checklist.notes?.trim() ? checklist.notes : null,
                        },
                      },
                    }),
                  t('records.saved'),
                )
              }
            >
              {t('leads.qualification.save')}
            </Button>
          </div>
        )}
      </section>
      <section className={styles.section} aria-labelledby="history-heading">
        <Subtitle2 as="h3" id="history-heading">
          {t('leads.history.heading')}
        </Subtitle2>
        <Text>
          {t('leads.history.created', {
            when: format.dateTime(lead.createdAt),
            who: memberName(lead.createdBy),
          })}
        </Text>
        {lead.updatedAt !== lead.createdAt && (
          <Text>
            {t('leads.history.updated', {
              when: format.dateTime(lead.updatedAt),
              who: memberName(lead.updatedBy),
            })}
          </Text>
        )}
        {isDisqualifiedLead(lead) && (
          <Text>
            {t('leads.history.disqualified', {
              when: format.dateTime(lead.disqualifiedAt),
              reason: lead.disqualificationReason,
            })}
          </Text>
        )}
        {isConvertedLead(lead) && (
          <>
            <Text>{t('leads.history.converted', { when: format.dateTime(lead.convertedAt) })}</Text>
            <Text>
              {t('leads.history.organisation')}{' '}
              <RecordLink plural="organisations" id={lead.convertedOrganisationId} />
            </Text>
            <Text>
              {t('leads.history.contact')} <RecordLink plural="contacts" id={lead.convertedContactId} />
            </Text>
            {lead.convertedOpportunityId && (
              <Text>
                {t('leads.history.opportunity')}{' '}
                <RecordLink plural="opportunities" id={lead.convertedOpportunityId} />
              </Text>
            )}
          </>
        )}
      </section>
    </>
  );
}
