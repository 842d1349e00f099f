import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import { useTheme } from '@material-ui/core/styles';
import { TeamSummary } from '@landing-zone/plugin-mlops-common';
import { levelName } from './format';
import { levelColor } from './levelPalette';

/**
 * A level distribution as one thin stacked bar. Plain boxes rather than a chart: a table of a
 * thousand teams renders one per row.
 */
export const LevelBar = (props: {
  levels: TeamSummary['levels'];
  levelNames: string[];
}) => {
  const theme = useTheme();
  const total = props.levels.reduce((sum, count) => sum + count, 0);
  const label = props.levels
    .map((count, level) => `${levelName(props.levelNames, level)}: ${count}`)
    .join(', ');
  if (total === 0) {
    return <span aria-label="No use cases">—</span>;
  }
  return (
    <Tooltip title={label}>
      <Box
        display="flex"
        width={120}
        height={10}
        borderRadius={5}
        overflow="hidden"
        role="img"
        aria-label={label}
      >
        {props.levels.map((count, level) =>
          count > 0 ? (
            <Box
              key={level}
              width={`${(count / total) * 100}%`}
              style={{ backgroundColor: levelColor(theme, level) }}
            />
          ) : null,
        )}
      </Box>
    </Tooltip>
  );
};
