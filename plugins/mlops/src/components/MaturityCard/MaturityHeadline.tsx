import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Gauge } from '@backstage/core-components';
import { MaturityEvaluation } from '@landing-zone/plugin-mlops-common';
import { LevelChip } from '../shared/LevelChip';

export const MaturityHeadline = (props: {
  level: number;
  levelName: string;
  score: number;
  nextLevel: MaturityEvaluation['nextLevel'];
}) => {
  const { level, levelName, score, nextLevel } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 24 }} flexWrap="wrap">
      <Box width={110} aria-label={`Maturity score ${score} of 100`} role="img">
        <Gauge
          value={score}
          max={100}
          fractional={false}
          unit=""
          size="small"
        />
      </Box>
      <Box>
        <Typography variant="overline" color="textSecondary" component="h3">
          Maturity level
        </Typography>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <LevelChip level={level} name={levelName} size="medium" />
          <Typography variant="h6" component="p" data-testid="maturity-score">
            Score {score}/100
          </Typography>
        </Box>
        <Typography variant="body2" color="textSecondary">
          {nextLevel
            ? `Next: Level ${nextLevel.level} · ${nextLevel.name} — ${
                nextLevel.missingChecks.length
              } required check${
                nextLevel.missingChecks.length === 1 ? '' : 's'
              } to go`
            : 'Highest level reached.'}
        </Typography>
      </Box>
    </Box>
  );
};
