import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Window } from '../../api';
import { WINDOWS } from './useWindowParam';

export const WindowPicker = (props: {
  value: Window;
  onChange: (window: Window) => void;
}) => (
  <ToggleButtonGroup
    size="small"
    exclusive
    value={props.value}
    aria-label="Reporting window"
    onChange={(_event, next: Window | null) => {
      // Clicking the selected button again yields null; keep the current window.
      if (next) props.onChange(next);
    }}
  >
    {WINDOWS.map(days => (
      <ToggleButton key={days} value={days} aria-label={`Last ${days} days`}>
        {days} days
      </ToggleButton>
    ))}
  </ToggleButtonGroup>
);
