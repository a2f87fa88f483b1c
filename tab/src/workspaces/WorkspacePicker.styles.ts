import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useWorkspacePickerStyles = makeStyles({
  picker: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: LAYOUT.formMaxWidth,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  create: {
    display: 'flex',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  /** The name takes the room there is; the button keeps its label on one line. */
  createName: { flexGrow: 1, minWidth: 0 },
  createInput: { width: '100%', minWidth: 0 },
  createButton: { flexShrink: 0, whiteSpace: 'nowrap' },
});
