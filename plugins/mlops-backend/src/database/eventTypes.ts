import { UseCaseEventTypeEnum as UseCaseEventType } from '@landing-zone/plugin-mlops-common';

/** The event types `mlops_events` holds; `created` events are scaffolder runs. */
export type SnapshotEventType = Exclude<UseCaseEventType, 'created'>;

/*
 * Stored as small integers rather than the repeated names: the code is the position in
 * this list plus one. The list is in the order in which one snapshot records an entity's
 * events (see diffEntity), so ordering by (at, type) lists the events of one instant as
 * they happened. A stored code never changes meaning: new types go at the end. The
 * migration's once-only index names the codes of first-seen and reached-production.
 */
const STORED_TYPES: SnapshotEventType[] = [
  'first-seen',
  'level-changed',
  'lifecycle-changed',
  'reached-production',
  'removed',
];

export function toTypeCode(type: SnapshotEventType): number {
  const index = STORED_TYPES.indexOf(type);
  if (index < 0) {
    throw new Error(`mlops: unknown event type ${type}`);
  }
  return index + 1;
}

export function fromTypeCode(code: number): SnapshotEventType {
  return STORED_TYPES[code - 1];
}
