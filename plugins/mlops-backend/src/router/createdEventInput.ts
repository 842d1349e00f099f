import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** Refs are stored in varchar(255) columns (see the migrations). */
const MAX_REF_LENGTH = 255;
/** Clock skew allowed between the scaffolder's host and this one. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

const validator = makeValidator();

/**
 * An entity ref the catalog could hold: each part valid, the whole at most 255 characters.
 * The OpenAPI pattern checks the shape; this checks what the pattern cannot (lengths).
 */
export function readEntityRef(field: string, value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch {
    throw new InputError(
      `${field}: expected kind:namespace/name, got ${value}`,
    );
  }
  if (
    value.length > MAX_REF_LENGTH ||
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${field}: expected an entity ref of at most ${MAX_REF_LENGTH} characters whose name and namespace have at most 63, got ${value.length} characters`,
    );
  }
  return value;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * An RFC 3339 instant that names a real moment in the past: no leap second (JavaScript
 * time has none; silently moving it to the next minute would change the day), no offset
 * beyond ±14:00, no 30 February, nothing before 1970 or in the future.
 */
export function readCreatedAt(value: string, now = Date.now()): string {
  const match = RFC3339.exec(value);
  const fail = (why: string) => {
    throw new InputError(
      `createdAt: expected an ISO 8601 date-time in the past (e.g. 2026-03-01T09:00:00Z), ${why}: ${value}`,
    );
  };
  if (!match) {
    return fail('not in that format');
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(Number);
  const [offsetHours, offsetMinutes] = [
    Number(match[9] ?? 0),
    Number(match[10] ?? 0),
  ];
  if (second === 60) {
    fail('leap seconds are not accepted');
  }
  if (offsetHours > 14 || offsetMinutes > 59) {
    fail('the offset is beyond ±14:00');
  }
  const calendar = new Date(
    Date.UTC(year, month - 1, day, hour, minute, second),
  );
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    fail('no such date or time');
  }
  const time = Date.parse(value);
  if (Number.isNaN(time) || time < 0) {
    fail('before 1970');
  }
  if (time > now + FUTURE_SKEW_MS) {
    fail('in the future');
  }
  return new Date(time).toISOString();
}
