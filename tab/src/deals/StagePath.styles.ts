import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { LAYOUT } from '../app/layout';

export const useStagePathStyles = makeStyles({
  /** The steps in a row; narrower than their sum, the row scrolls sideways inside itself. */
  path: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    overflowX: 'auto',
    minWidth: 0,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  item: {
    flex: `1 1 ${LAYOUT.stageStepMinWidth}`,
    minWidth: LAYOUT.stageStepMinWidth,
    display: 'flex',
  },
  step: {
    flexGrow: 1,
    minWidth: 0,
    height: LAYOUT.stageStepHeight,
    paddingInline: tokens.spacingHorizontalS,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':disabled': { cursor: 'default' },
  },
  /** Stages the deal has passed. */
  passed: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    ...shorthands.borderColor(tokens.colorBrandBackground),
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  won: {
    backgroundColor: tokens.colorPaletteGreenBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorderActive),
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorPaletteGreenForeground1 },
  },
  lost: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ...shorthands.borderColor(tokens.colorPaletteRedBorderActive),
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorPaletteRedForeground1 },
  },
  select: {
    width: '100%',
  },
});
