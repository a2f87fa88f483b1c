import { OPEN_FORECAST_CATEGORIES } from '@crm/shared';
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
  Text,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeBar } from '../app/StateViews';
import { addDraft, moveDraft, removeDraft, type StageDraft, type StageErrors } from './stage-drafts';
import { useSettingsStyles } from './SettingsView.styles';

export type StagesEditorProps = {
  readonly drafts: readonly StageDraft[];
  readonly errors: StageErrors;
  readonly onChange: (drafts: StageDraft[]) => void;
};

/**
 * The workspace's stages: rename, re-weight, reorder (Move up / Move down, so the keyboard does it
 * too), add and remove open stages. Closed – Won and Closed – Lost stay last with fixed weights.
 */
export function StagesEditor({ drafts, errors, onChange }: StagesEditorProps) {
  const { t } = useTranslation();
  const styles = useSettingsStyles();
  const [newName, setNewName] = useState('');
  const [newNameError, setNewNameError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  // A moved row's button keeps the focus (React may re-insert the row, which drops it).
  const [focusRequest, setFocusRequest] = useState<string>();
  const table = useRef<HTMLTableElement>(null);
  const added = useRef(0);
  useEffect(() => {
    if (!focusRequest) return;
    table.current?.querySelector<HTMLButtonElement>(`[data-focus-id="${focusRequest}"]`)?.focus();
    setFocusRequest(undefined);
  }, [focusRequest]);

  const openCount = drafts.filter((d) => d.kind === 'open').length;
  const name = (d: StageDraft) => d.name.trim() || t('settings.unnamed');
  const set = (index: number, change: Partial<StageDraft>) =>
    onChange(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const move = (index: number, delta: -1 | 1) => {
    const moved = drafts[index]!;
    const to = index + delta;
    onChange(moveDraft(drafts, index, delta));
    setAnnouncement(t('settings.moved', { stage: name(moved), position: to + 1, count: drafts.length }));
    // At the end of the open stages the button just used is disabled: focus its twin.
    const edge = delta < 0 ? to === 0 : to === openCount - 1;
    setFocusRequest(`${moved.key}:${edge ? -delta : delta}`);
  };
  const add = () => {
    if (!newName.trim()) return setNewNameError(t('validation.required'));
    added.current += 1;
    onChange(addDraft(drafts, newName, `new-${added.current}`));
    setAnnouncement(t('settings.added', { stage: newName.trim() }));
    setNewName('');
    setNewNameError(undefined);
  };
  const error = (key: string) => (errors[key] ? t(errors[key]) : undefined);

  return (
    <div className={styles.view}>
      <Text>{t('settings.stagesHint')}</Text>
      {/* Five columns of inputs do not fit a phone: the table scrolls sideways inside itself. */}
      <div className={styles.tableScroller}>
        <Table ref={table} aria-label={t('settings.stages')} size="small" className={styles.stagesTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.orderColumn}>{t('settings.order')}</TableHeaderCell>
              <TableHeaderCell>{t('settings.stage')}</TableHeaderCell>
              <TableHeaderCell>{t('settings.probability')}</TableHeaderCell>
              <TableHeaderCell>{t('settings.forecastCategory')}</TableHeaderCell>
              <TableHeaderCell>{t('table.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {drafts.map((draft, index) => {
              const open = draft.kind === 'open';
              const stage = name(draft);
              return (
                <TableRow key={draft.key}>
                  <TableCell>
                    <div className={styles.order}>
                      <Text>{index + 1}</Text>
                      {open && (
                        <>
                          <Button
                            size="small"
                            data-focus-id={`${draft.key}:-1`}
                            aria-label={t('settings.moveUpName', { stage })}
                            disabled={index === 0}
                            onClick={() => move(index, -1)}
                          >
                            {t('settings.moveUp')}
                          </Button>
                          <Button
                            size="small"
                            data-focus-id={`${draft.key}:1`}
                            aria-label={t('settings.moveDownName', { stage })}
                            disabled={index === openCount - 1}
                            onClick={() => move(index, 1)}
                          >
                            {t('settings.moveDown')}
                          </Button>
                        </>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Field validationMessage={error(`${index}.name`)}>
                      <Input
                        className={styles.cellInput}
                        aria-label={t('settings.nameOf', { position: index + 1 })}
                        value={draft.name}
                        maxLength={60}
                        onChange={(_e, data) => set(index, { name: data.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell>
                    <Field validationMessage={error(`${index}.probability`)}>
                      <Input
                        className={styles.cellInput}
                        type="number"
                        min={0}
                        max={100}
                        aria-label={t('settings.probabilityOf', { stage })}
                        disabled={!open}
                        value={draft.probability}
                        onChange={(_e, data) => set(index, { probability: data.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell>
                    {open ? (
                      <Select
                        aria-label={t('settings.forecastOf', { stage })}
                        value={draft.forecastCategory}
                        onChange={(_e, data) =>
                          set(index, {
                            forecastCategory: data.value as StageDraft['forecastCategory'],
                          })
                        }
                      >
                        {OPEN_FORECAST_CATEGORIES.map((category) => (
                          <option key={category} value={category}>
                            {t(`settings.forecast.${category}`)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Text>{t(`settings.forecast.${draft.forecastCategory}`)}</Text>
                    )}
                  </TableCell>
                  <TableCell>
                    {open ? (
                      <Button
                        size="small"
                        aria-label={t('settings.removeName', { stage })}
                        disabled={openCount === 1}
                        onClick={() => {
                          onChange(removeDraft(drafts, index));
                          setAnnouncement(t('settings.removed', { stage }));
                        }}
                      >
                        {t('settings.remove')}
                      </Button>
                    ) : (
                      <Text>{t('settings.fixed')}</Text>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Text role="status" className={styles.announcement}>
        {announcement}
      </Text>
      {error('stages') && <NoticeBar notice={{ intent: 'error', text: error('stages')! }} />}
      <div className={styles.row}>
        <Field label={t('settings.newStage')} validationMessage={newNameError}>
          <Input
            value={newName}
            maxLength={60}
            onChange={(_e, data) => setNewName(data.value)}
            onKeyDown={(event) => {
              // Enter adds the stage rather than saving the whole form.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button onClick={add}>{t('settings.addStage')}</Button>
      </div>
    </div>
  );
}
