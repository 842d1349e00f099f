import { HumanDuration } from '@backstage/types';
import { Duration } from 'luxon';

/** Milliseconds of a scheduler duration (a luxon Duration or a HumanDuration). */
export function durationMs(duration: Duration | HumanDuration): number {
  return Duration.isDuration(duration)
    ? duration.toMillis()
    : Duration.fromObject(duration).toMillis();
}
