import { Theme } from '@material-ui/core/styles';

/**
 * One colour per maturity level, taken from the active theme so charts and badges follow
 * light and dark mode. Levels beyond the palette reuse its last colour (custom models may
 * define more levels than the default three).
 */
export function levelColors(theme: Theme): string[] {
  return [
    theme.palette.warning.main,
    theme.palette.info.main,
    theme.palette.success.main,
    theme.palette.secondary.main,
  ];
}

export function levelColor(theme: Theme, level: number): string {
  const colors = levelColors(theme);
  return colors[Math.min(Math.max(level, 0), colors.length - 1)];
}

/** Colours for chart chrome (axes, grid, tooltip) that stay readable in both themes. */
export function chartChrome(theme: Theme) {
  return {
    axis: theme.palette.text.secondary,
    grid: theme.palette.divider,
    tooltip: {
      background: theme.palette.background.paper,
      color: theme.palette.text.primary,
    },
    primary: theme.palette.primary.main,
    secondary: theme.palette.secondary.main,
  };
}
