import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Subtitle2,
} from '@fluentui/react-components';
import { MEMBER_ROLES, MemberAddInputSchema, type MemberRole } from '@crm/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { queryKeys } from '../api/query-keys';
import { useAddMember, useChangeMemberRole, useRemoveMember } from '../api/mutations';
import { ErrorState, LoadingState, NoticeBar } from '../app/StateViews';
import { ConfirmButton } from '../records/ConfirmButton';
import { useNotifiedAction } from '../records/useNotifiedAction';
import { validateWith } from '../records/validate';
import { useSettingsStyles } from './SettingsView.styles';

/** Members and their roles: add one of the tenant's users, change a role, remove (the last owner stays). */
export function MembersSection({ workspaceId }: { readonly workspaceId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useSettingsStyles();
  const members = useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: () => api.listMembers(workspaceId),
  });
  const addMember = useAddMember(workspaceId);
  const changeRole = useChangeMemberRole(workspaceId);
  const remove = useRemoveMember(workspaceId);
  const { notice, run } = useNotifiedAction();
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const input = { userId: userId.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) };
    const checked = validateWith(MemberAddInputSchema, input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    await run(() => addMember.mutateAsync(input), t('members.added', { name: input.name ?? input.userId }));
    setUserId('');
    setName('');
  };

  return (
    <section className={styles.view} aria-labelledby="members-heading">
      <Subtitle2 as="h3" id="members-heading">
        {t('members.heading')}
      </Subtitle2>
      <NoticeBar notice={notice} />
      {members.isPending && <LoadingState />}
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && (
        <Table aria-label={t('members.heading')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('members.name')}</TableHeaderCell>
              <TableHeaderCell>{t('members.role')}</TableHeaderCell>
              <TableHeaderCell>{t('table.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.data.map((member) => {
              const label = member.name ?? member.userId;
              return (
                <TableRow key={member.userId}>
                  <TableCell>{label}</TableCell>
                  <TableCell>
                    <Select
                      aria-label={t('members.roleOf', { name: label })}
                      value={member.role}
                      onChange={(_e, data) =>
                        void run(
                          () =>
                            changeRole.mutateAsync({ userId: member.userId, role: data.value as MemberRole }),
                          t('records.saved'),
                        )
                      }
                    >
                      {MEMBER_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`workspaces.role.${r}`)}
                        </option>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell>
                    <ConfirmButton
                      label={t('members.remove')}
                      ariaLabel={t('members.removeName', { name: label })}
                      title={t('members.removeName', { name: label })}
                      confirmLabel={t('members.remove')}
                      onConfirm={() =>
                        run(() => remove.mutateAsync(member.userId), t('members.removed', { name: label }))
                      }
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <form className={styles.row} onSubmit={(e) => void add(e)} noValidate>
        <Field
          label={t('members.userId')}
          required
          validationMessage={errors.userId ? t(errors.userId) : undefined}
        >
          <Input value={userId} onChange={(_e, data) => setUserId(data.value)} />
        </Field>
        <Field label={t('members.name')}>
          <Input value={name} onChange={(_e, data) => setName(data.value)} />
        </Field>
        <Field label={t('members.role')}>
          <Select value={role} onChange={(_e, data) => setRole(data.value as MemberRole)}>
            {MEMBER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`workspaces.role.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit">{t('members.add')}</Button>
      </form>
    </section>
  );
}
