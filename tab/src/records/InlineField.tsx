import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../api/api-error';
import { NoticeBar } from '../app/StateViews';
import { useInlineFieldStyles } from './InlineField.styles';
import { refusalOf } from './refusal';
import { useRecordDetailStyles } from './RecordDetail.styles';

export type InlineEditor =
  | { readonly kind: 'text' | 'number' | 'date' | 'multiline' }
  | {
      readonly kind: 'select';
      readonly options: readonly { readonly value: string; readonly label: string }[];
      /** A first, empty choice ("(none)"), when the field may be cleared. */
      readonly blank?: string;
    };

export type InlineFieldProps = {
  /** The field's label, shown as the term. */
  readonly label: string;
  /** The field's path in the record: the server's reasons about it show here. */
  readonly name: string;
  /** The value as the editor takes it ('' for none). */
  readonly value: string;
  /** The value as it reads ('' shows a quiet "Add"). */
  readonly display: ReactNode;
  /** The display is a link (an organisation): the edit button sits beside it instead of around it. */
  readonly linked?: boolean;
  readonly editor: InlineEditor;
  /** The label is said by a heading above (a page's Notes): read to screen readers only. */
  readonly hideLabel?: boolean;
  /** Not editable now (a converted lead): the value only. */
  readonly readOnly?: boolean;
  /** Saves the new value with the record's ETag; rejects with the API's error to keep the editor open. */
  readonly onSave: (value: string) => Promise<unknown>;
  /** After a 412: fetch the record as it now is. */
  readonly onReload: () => void;
};

/**
 * One of a record's fields, edited where it is shown (Pipedrive's and HubSpot's record pages): click
 * the value, change it, Enter or leaving the field saves (Ctrl+Enter in notes), Escape cancels. A
 * refusal shows what the server said next to the field and keeps the editor open; a 412 says someone
 * else changed the record and offers to reload it. For a `<dl>`: renders its term and its value.
 */
export function InlineField({
  label,
  name,
  value,
  display,
  linked,
  editor,
  readOnly,
  hideLabel,
  onSave,
  onReload,
}: InlineFieldProps) {
  const { t } = useTranslation();
  const styles = useInlineFieldStyles();
  const detail = useRecordDetailStyles();
  const termId = useId();
  const valueId = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  // Enter and the blur that follows it, or Escape and the unmount, must not save twice.
  const settling = useRef(false);
  const showRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      showRef.current?.focus();
    }
  }, [editing]);

  const open = () => {
    settling.current = false;
    setDraft(value);
    setError(undefined);
    setStale(false);
    setEditing(true);
  };
  const close = (focusBack: boolean) => {
    settling.current = true;
    returnFocus.current = focusBack;
    setEditing(false);
    setError(undefined);
  };
  const commit = async (next: string, focusBack: boolean) => {
    if (settling.current) return;
    if (next === value) return close(focusBack);
    settling.current = true;
    setBusy(true);
    try {
      await onSave(next);
      close(focusBack);
    } catch (failure) {
      if (isStale(failure)) {
        close(focusBack);
        setStale(true);
      } else {
        const refusal = refusalOf(failure, t, [{ name, label, value: next }]);
        setError(refusal.fieldErrors[name] ?? [refusal.failure, ...refusal.lines].join(' '));
        settling.current = false;
      }
    } finally {
      setBusy(false);
    }
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Enter' && (editor.kind !== 'multiline' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit(draft, true);
    }
  };

  const blank = display === '' || display === undefined || display === null;
  const shown = blank ? (
    <span className={styles.placeholder}>{readOnly ? '—' : t('inline.empty')}</span>
  ) : (
    display
  );
  const editLabel = t('inline.edit', { field: label });

  const input = () => {
    const common = {
      'aria-labelledby': termId,
      disabled: busy,
      onKeyDown: keys,
      onBlur: () => void commit(draft, false),
      className: styles.editor,
      autoFocus: true,
    } as const;
    switch (editor.kind) {
      case 'select':
        return (
          <Select
            {...common}
            value={draft}
            // A choice is the whole edit: it saves at once.
            onChange={(_e, data) => {
              setDraft(data.value);
              void commit(data.value, true);
            }}
          >
            {editor.blank !== undefined && <option value="">{editor.blank}</option>}
            {editor.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        );
      case 'multiline':
        return (
          <Textarea {...common} resize="vertical" value={draft} onChange={(_e, d) => setDraft(d.value)} />
        );
      default:
        return <Input {...common} type={editor.kind} value={draft} onChange={(_e, d) => setDraft(d.value)} />;
    }
  };

  return (
    <div className={detail.group}>
      <dt className={hideLabel ? styles.hidden : detail.term} id={termId}>
        {label}
      </dt>
      <dd className={styles.value}>
        {editing ? (
          <Field
            validationMessage={error}
            hint={
              editor.kind === 'select'
                ? undefined
                : t(editor.kind === 'multiline' ? 'inline.hintMultiline' : 'inline.hint')
            }
          >
            {input()}
          </Field>
        ) : readOnly ? (
          <span id={valueId}>{shown}</span>
        ) : linked && !blank ? (
          <span className={styles.linked}>
            <span id={valueId}>{display}</span>
            <Button
              ref={showRef}
              size="small"
              appearance="subtle"
              icon={<Edit16Regular />}
              aria-label={editLabel}
              title={editLabel}
              onClick={open}
            />
          </span>
        ) : (
          <button
            ref={showRef}
            type="button"
            className={styles.show}
            aria-labelledby={`${termId} ${valueId}`}
            title={editLabel}
            onClick={open}
          >
            <span id={valueId} className={styles.text}>
              {shown}
            </span>
            <Edit16Regular className={`${styles.pencil} inline-pencil`} aria-hidden />
          </button>
        )}
        {stale && (
          <NoticeBar
            notice={{ intent: 'warning', text: t('inline.stale') }}
            action={{
              label: t('inline.reload'),
              run: () => {
                setStale(false);
                onReload();
              },
            }}
          />
        )}
      </dd>
    </div>
  );
}
