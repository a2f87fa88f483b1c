import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Select,
  Spinner,
  Title2,
} from '@fluentui/react-components';
import {
  isOpenLeadStatus,
  LEAD_STATUSES,
  leadDisplayName,
  type Lead,
  type LeadCreateInput,
} from '@crm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadConversion, WithEtag } from '../api/api-client';
import { errorMessage } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { RecordTable } from '../records/RecordTable';
import { useDebouncedValue } from '../records/useDebouncedValue';
import { LEAD_FIELDS } from './lead-fields';
import { useLeadsViewStyles } from './LeadsView.styles';
import { NewLeadDialog } from './NewLeadDialog';

export type LeadsViewProps = {
  readonly workspaceId: string;
  /** Search debounce; tests pass 0. */
  readonly debounceMs?: number;
};

/** Leads: search, status filter, "New lead" and a Convert action per open lead. */
export function LeadsView({ workspaceId, debounceMs = 300 }: LeadsViewProps) {
  const { t } = useTranslation();
  const styles = useLeadsViewStyles();
  const api = useApi();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const q = useDebouncedValue(search.trim(), debounceMs);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();

  const leads = useQuery({
    queryKey: ['leads', workspaceId, { q, status }],
    queryFn: () => api.listLeads(workspaceId, { q: q || undefined, status: status || undefined }),
    placeholderData: (previous) => previous,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['leads', workspaceId] });

  const convert = useMutation({
    mutationFn: (lead: WithEtag<Lead>) => api.convertLead(workspaceId, lead.id, {}),
    onSuccess: (result: LeadConversion) => {
      const contact = leadDisplayName(result.contact);
      const values = {
        name: leadDisplayName(result.lead),
        organisation: result.organisation.name,
        contact,
        opportunity: result.opportunity?.name,
      };
      setNotice({
        intent: 'success',
        text: t(result.opportunity ? 'leads.convertedWithDeal' : 'leads.converted', values),
      });
      return refresh();
    },
    onError: (error) => setNotice({ intent: 'error', text: errorMessage(error, t) }),
  });

  const create = async (input: LeadCreateInput) => {
    try {
      await api.createLead(workspaceId, input);
    } catch (error) {
      throw new Error(errorMessage(error, t), { cause: error });
    }
    await refresh();
  };

  return (
    <section className={styles.view} aria-labelledby="leads-heading">
      <Title2 as="h2" id="leads-heading">
        {t('leads.heading')}
      </Title2>
      <div className={styles.toolbar}>
        <Field label={t('leads.search')}>
          <SearchBox
            className={styles.search}
            value={search}
            onChange={(_e, data) => setSearch(data.value)}
          />
        </Field>
        <Field label={t('leads.status')}>
          <Select value={status} onChange={(_e, data) => setStatus(data.value)}>
            <option value="">{t('leads.allStatuses')}</option>
            {LEAD_STATUSES.map((id) => (
              <option key={id} value={id}>
                {t(`leads.statusLabel.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
        <NewLeadDialog onCreate={create} />
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {leads.isError && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(leads.error, t)}</MessageBarBody>
        </MessageBar>
      )}
      {leads.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <RecordTable
          label={t('leads.tableLabel')}
          fields={LEAD_FIELDS}
          records={leads.data?.items ?? []}
          emptyText={t('leads.empty')}
          actionsLabel={t('leads.actions')}
          actions={(lead) =>
            isOpenLeadStatus(lead.status) && (
              <Button
                size="small"
                aria-label={t('leads.convertLead', { name: leadDisplayName(lead) })}
                disabled={convert.isPending}
                onClick={() => convert.mutate(lead)}
              >
                {t('leads.convert')}
              </Button>
            )
          }
        />
      )}
    </section>
  );
}
