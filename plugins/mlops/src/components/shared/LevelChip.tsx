import Chip from '@material-ui/core/Chip';
import { getContrastRatio, useTheme } from '@material-ui/core/styles';
import { levelColor } from './levelPalette';

// MUI's getContrastText accepts 3:1; WCAG AA wants 4.5:1 for chip-sized text.
const readableTextOn = (background: string) =>
  getContrastRatio('#ffffff', background) >= 4.5
    ? '#ffffff'
    : 'rgba(0, 0, 0, 0.87)';

/** A maturity level as a coloured badge: "L1 · Automated". */
export const LevelChip = (props: {
  level: number;
  name?: string;
  size?: 'small' | 'medium';
}) => {
  const theme = useTheme();
  const background = levelColor(theme, props.level);
  const label = props.name
    ? `L${props.level} · ${props.name}`
    : `L${props.level}`;
  return (
    <Chip
      size={props.size ?? 'small'}
      label={label}
      style={{
        backgroundColor: background,
        color: readableTextOn(background),
        fontWeight: 600,
      }}
    />
  );
};
