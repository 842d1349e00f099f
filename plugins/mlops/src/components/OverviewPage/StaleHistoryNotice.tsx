import { WarningPanel } from '@backstage/core-components';
import { HistoryFreshness } from '@landing-zone/plugin-mlops-common';

/** History older than this is called stale: snapshots run every few minutes by default. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** Why the figures may be old, or undefined when they are fresh. */
export function staleHistoryMessage(
  freshness: HistoryFreshness | undefined,
  now: number,
): string | undefined {
  if (!freshness) {
    return undefined;
  }
  const refreshed = freshness.lastRefreshedAt
    ? `These figures are from ${formatInstant(freshness.lastRefreshedAt)}.`
    : 'No snapshot has completed yet.';
  if (freshness.lastSnapshotFailed) {
    return `The last history snapshot failed${
      freshness.lastFailedAt
        ? ` (${formatInstant(freshness.lastFailedAt)})`
        : ''
    }. ${refreshed}`;
  }
  if (
    freshness.lastRefreshedAt &&
    now - Date.parse(freshness.lastRefreshedAt) > STALE_AFTER_MS
  ) {
    return `History has not been refreshed for more than a day. ${refreshed}`;
  }
  return undefined;
}

/** A visible notice when the history behind the overview is stale (issue 13.1). */
export const StaleHistoryNotice = (props: {
  freshness: HistoryFreshness | undefined;
}) => {
  const message = staleHistoryMessage(props.freshness, Date.now());
  if (!message) {
    return null;
  }
  return (
    <WarningPanel
      severity="warning"
      title="History may be out of date"
      message={message}
      defaultExpanded
    />
  );
};
