import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
} from '@fluentui/react-components';
import type { Lead } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadConversion, WithEtag } from '../api/api-client';
import { errorText } from '../api/api-error';
import { useApi } from '../api/ApiContext';
import { useConvertLead } from '../api/mutations';
import { queryKeys } from '../api/query-keys';
import { LoadingState } from '../app/StateViews';
import { refusalOf } from '../records/refusal';
import { useRecordFormStyles } from '../records/RecordForm.styles';
import { leadDisplayName } from '@crm/shared';
import { conversionInput, type ConversionChoice } from './conversion-input';

export type ConvertLeadDialogProps = {
  readonly workspaceId: string;
  readonly lead: WithEtag<Lead>;
  readonly onConverted: (result: LeadConversion) => void;
  /** Opened from elsewhere (a row's menu): no button of its own, open while true. */
  readonly open?: boolean;
  readonly onClose?: () => void;
};

const NEW = '';

/**
 * Convert: reuse a suggested organisation and contact (duplicates by e-mail, domain and name) or
 * create new ones, and name the opportunity. What the server marks `suggested` (a strong match) is
 * selected by default; "create new anyway" is a deliberate choice. The server's rules decide; this
 * only asks.
 */
export function ConvertLeadDialog({ workspaceId, lead, onConverted, ...controlled }: ConvertLeadDialogProps) {
  const { t } = useTranslation();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlled.open ?? ownOpen;
  const setOpen = (next: boolean) =>
    controlled.open === undefined ? setOwnOpen(next) : !next && controlled.onClose?.();
  return (
    <>
      {controlled.open === undefined && (
        <Button
          size="small"
          appearance="primary"
          aria-label={t('leads.convertLead', { name: leadDisplayName(lead) })}
          onClick={() => setOpen(true)}
        >
          {t('leads.convert')}
        </Button>
      )}
      <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
        <DialogSurface aria-describedby={undefined}>
          <ConvertForm
            workspaceId={workspaceId}
            lead={lead}
            onClose={() => setOpen(false)}
            onConverted={(result) => {
              setOpen(false);
              onConverted(result);
            }}
          />
        </DialogSurface>
      </Dialog>
    </>
  );
}

type ConvertFormProps = {
  readonly workspaceId: string;
  readonly lead: WithEtag<Lead>;
  readonly onClose: () => void;
  readonly onConverted: (result: LeadConversion) => void;
};

function ConvertForm({ workspaceId, lead, onClose, onConverted }: ConvertFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const convert = useConvertLead(workspaceId);
  const styles = useRecordFormStyles();
  const matches = useQuery({
    queryKey: queryKeys.conversionMatches(workspaceId, lead.id),
    queryFn: () => api.conversionMatches(workspaceId, lead.id),
  });
  const workspace = useQuery({
    queryKey: queryKeys.workspace(workspaceId),
    queryFn: () => api.getWorkspace(workspaceId),
  });
  const stages = (workspace.data?.settings.stages ?? []).filter((s) => s.kind === 'open');
  const [choice, setChoice] = useState<ConversionChoice>({
    organisationId: NEW,
    contactId: NEW,
    createOpportunity: true,
    name: '',
    amount: '',
    currency: '',
    closeDate: '',
    stage: '',
  });
  const [failure, setFailure] = useState<string>();
  // The server's reasons about the chosen organisation or contact, next to that choice.
  const [reasons, setReasons] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ConversionChoice>) => setChoice((current) => ({ ...current, ...patch }));
  const contacts = (matches.data?.contacts ?? [])
    .map((m) => m.contact)
    .filter((c) => c.organisationId === choice.organisationId);
  // What the server suggests (a strong match) is selected once, when the matches arrive; creating
  // new stays one deliberate click away.
  const suggestedOrganisation = matches.data?.organisations.find((o) => o.suggested)?.organisation.id;
  const suggestedContact = matches.data?.contacts.find((c) => c.suggested)?.contact.id;
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current || !matches.data) return;
    preselected.current = true;
    if (suggestedOrganisation) {
      setChoice((current) => ({
        ...current,
        organisationId: suggestedOrganisation,
        contactId: suggestedContact ?? NEW,
      }));
    }
  }, [matches.data, suggestedOrganisation, suggestedContact]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setReasons({});
    try {
      onConverted(await convert.mutateAsync({ id: lead.id, input: conversionInput(choice) }));
    } catch (error) {
      setFailure(errorText(error, t));
      setReasons(
        refusalOf(error, t, [
          { name: 'organisationId', label: t('convert.organisation') },
          { name: 'contactId', label: t('convert.contact') },
        ]).fieldErrors,
      );
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{t('convert.title', { name: leadDisplayName(lead) })}</DialogTitle>
        <DialogContent className={styles.form}>
          {matches.isPending ? (
            <LoadingState />
          ) : (
            <>
              <Field label={t('convert.organisation')} validationMessage={reasons.organisationId}>
                <RadioGroup
                  value={choice.organisationId}
                  onChange={(_e, data) => set({ organisationId: data.value, contactId: NEW })}
                >
                  {matches.data?.organisations.map(({ organisation, matches: why }) => (
                    <Radio
                      key={organisation.id}
                      value={organisation.id}
                      label={t('convert.existing', {
                        name: organisation.name,
                        why: why
                          .map((w) => t(`convert.match.${w.reason}`, { suffix: w.suffix ?? '' }))
                          .join(', '),
                      })}
                    />
                  ))}
                  <Radio
                    value={NEW}
                    label={t(
                      suggestedOrganisation ? 'convert.newOrganisationAnyway' : 'convert.newOrganisation',
                      {
                        name: lead.company ?? leadDisplayName(lead),
                      },
                    )}
                  />
                </RadioGroup>
              </Field>
              <Field label={t('convert.contact')} validationMessage={reasons.contactId}>
                <RadioGroup value={choice.contactId} onChange={(_e, data) => set({ contactId: data.value })}>
                  {contacts.map((contact) => (
                    <Radio
                      key={contact.id}
                      value={contact.id}
                      label={t('convert.existingContact', {
                        name: leadDisplayName(contact),
                        email: contact.email ?? '',
                      })}
                    />
                  ))}
                  <Radio
                    value={NEW}
                    label={t(contacts.length > 0 ? 'convert.newContactAnyway' : 'convert.newContact', {
                      name: leadDisplayName(lead),
                    })}
                  />
                </RadioGroup>
              </Field>
            </>
          )}
          <Checkbox
            label={t('convert.createOpportunity')}
            checked={choice.createOpportunity}
            onChange={(_e, data) => set({ createOpportunity: data.checked === true })}
          />
          {choice.createOpportunity && (
            <>
              <Field label={t('convert.opportunityName')} hint={t('convert.opportunityNameHint')}>
                <Input value={choice.name} onChange={(_e, data) => set({ name: data.value })} />
              </Field>
              <Field label={t('convert.amount')}>
                <Input
                  type="number"
                  min={0}
                  value={choice.amount}
                  onChange={(_e, data) => set({ amount: data.value })}
                />
              </Field>
              <Field label={t('convert.currency')} hint={workspace.data?.settings.defaultCurrency}>
                <Input
                  value={choice.currency}
                  maxLength={3}
                  onChange={(_e, data) => set({ currency: data.value })}
                />
              </Field>
              <Field label={t('convert.closeDate')}>
                <Input
                  type="date"
                  value={choice.closeDate}
                  onChange={(_e, data) => set({ closeDate: data.value })}
                />
              </Field>
              <Field label={t('convert.stage')}>
                <Select value={choice.stage} onChange={(_e, data) => set({ stage: data.value })}>
                  <option value="">{t('convert.firstStage')}</option>
                  {stages.map((stage) => (
                    <option key={stage.id} value={stage.id}>
                      {stage.label ?? t(`stages.${stage.id}`, { defaultValue: stage.id })}
                    </option>
                  ))}
                </Select>
              </Field>
            </>
          )}
          {failure && (
            <MessageBar intent="error">
              <MessageBarBody>{failure}</MessageBarBody>
            </MessageBar>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button type="submit" appearance="primary" disabled={busy || matches.isPending}>
            {t('leads.convert')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
