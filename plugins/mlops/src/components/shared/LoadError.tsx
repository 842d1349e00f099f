import Button from '@material-ui/core/Button';
import Box from '@material-ui/core/Box';
import { ResponseErrorPanel } from '@backstage/core-components';

/**
 * A failed request, with the server's message and a way to try again without reloading the
 * whole portal (most failures here are a backend restarting or a permission missing).
 */
export const LoadError = (props: {
  error: Error;
  what: string;
  onRetry?: () => void;
}) => (
  <Box>
    <ResponseErrorPanel
      error={props.error}
      title={`Could not load ${props.what}`}
    />
    {props.onRetry && (
      <Box mt={1}>
        <Button variant="outlined" color="primary" onClick={props.onRetry}>
          Try again
        </Button>
      </Box>
    )}
  </Box>
);
