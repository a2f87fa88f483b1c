import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../app/visually-hidden';

export const useInlineFieldStyles = makeStyles({
  value: {
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  /** The value as a quiet button: it reads as text until hovered or focused. */
  show: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    width: `calc(100% + ${tokens.spacingHorizontalXS} + ${tokens.strokeWidthThin})`,
    minWidth: 0,
    // The text stays where a plain value's would be: the padding and border sit outside it.
    paddingBlock: 0,
    paddingInline: tokens.spacingHorizontalXS,
    marginBlock: `calc(-1 * ${tokens.strokeWidthThin})`,
    marginInlineStart: `calc(-1 * (${tokens.spacingHorizontalXS} + ${tokens.strokeWidthThin}))`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', 'transparent'),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    ':hover': {
      ...shorthands.borderColor(tokens.colorNeutralStroke1),
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ':hover .inline-pencil': { visibility: 'visible' },
    ':focus-visible .inline-pencil': { visibility: 'visible' },
  },
  text: {
    flexGrow: 1,
    minWidth: 0,
  },
  placeholder: {
    color: tokens.colorNeutralForeground3,
  },
  pencil: {
    flexShrink: 0,
    visibility: 'hidden',
    color: tokens.colorNeutralForeground3,
  },
  /** A link shown as the value, with its own edit button beside it. */
  linked: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  hidden: VISUALLY_HIDDEN,
  editor: {
    width: '100%',
    minWidth: 0,
  },
});
