import { Button } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyView } from '../app/lazy-view';
import type { ImportDialogProps } from './ImportDialog';

const load = () => import('./ImportDialog').then((module) => ({ default: module.ImportDialog }));
const ImportDialog = lazyView(load);

/**
 * "Import" on a list: the dialog, its CSV parser and its preview load when the user reaches for
 * the button (pointer over it or focus) or clicks it, not with the list, so the first screen stays
 * within its JavaScript budget.
 */
export function ImportButton(props: Omit<ImportDialogProps, 'defaultOpen'>) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  const preload = () => void load().catch(() => undefined);
  if (!wanted)
    return (
      <Button onPointerEnter={preload} onFocus={preload} onClick={() => setWanted(true)}>
        {t('import.button')}
      </Button>
    );
  return (
    <Suspense fallback={<Button disabled>{t('import.button')}</Button>}>
      <ImportDialog {...props} defaultOpen />
    </Suspense>
  );
}
