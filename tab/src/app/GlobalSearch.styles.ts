import { makeStyles, tokens } from '@fluentui/react-components';
import { LAYOUT, MEDIA } from './layout';

const root = {
  position: 'relative',
  display: 'flex',
  alignItems: 'center',
  minWidth: 0,
  width: LAYOUT.globalSearchWidth,
  maxWidth: '100%',
} as const;

export const useGlobalSearchStyles = makeStyles({
  root: {
    ...root,
    [MEDIA.narrow]: { width: 'auto', justifyContent: 'flex-end' },
  },
  /** On a narrow screen, opened: the box covers the header. */
  rootExpanded: {
    ...root,
    [MEDIA.narrow]: {
      position: 'absolute',
      inset: 0,
      zIndex: 2,
      width: 'auto',
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
  opener: {
    [MEDIA.wide]: { display: 'none' },
  },
  field: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    minWidth: 0,
    [MEDIA.narrow]: { display: 'none' },
  },
  fieldExpanded: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    minWidth: 0,
  },
  hidden: { display: 'none' },
  box: {
    flexGrow: 1,
    minWidth: 0,
    maxWidth: 'none',
  },
  closer: {
    [MEDIA.wide]: { display: 'none' },
  },
  panel: {
    position: 'absolute',
    top: `calc(100% + ${tokens.spacingVerticalXS})`,
    left: 0,
    right: 0,
    zIndex: 20,
    boxSizing: 'border-box',
    maxHeight: LAYOUT.searchPanelMaxHeight,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  note: {
    padding: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  groupHeading: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  all: {
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
  hits: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  hit: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      backgroundColor: tokens.colorNeutralBackground1Hover,
    },
  },
  hitTitle: {
    flexShrink: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  hitDetail: {
    flexShrink: 2,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});
