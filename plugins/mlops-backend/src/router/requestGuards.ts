import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express, { ErrorRequestHandler, RequestHandler } from 'express';

/** The largest JSON body the scorecard API takes: its one write carries a few refs. */
export const MAX_BODY_BYTES = 64 * 1024;

/** An error the Backstage error handler answers with this status and message. */
function httpError(statusCode: number, name: string, message: string) {
  return Object.assign(new Error(message), { name, statusCode });
}

/**
 * The validator's error handler turns every error into a 400 (InputError); the status a
 * guard meant is kept here and restored by nameTheField.
 */
const GUARD_STATUS = 'mlopsGuardStatus';

function guardError(
  res: express.Response,
  statusCode: number,
  name: string,
  message: string,
) {
  res.locals[GUARD_STATUS] = { statusCode, name };
  return httpError(statusCode, name, message);
}

const validator = makeValidator();
/** What each path parameter of the API must be: a part of an entity ref. */
const PARAMETER_CHECKS: Record<string, (value: string) => boolean> = {
  kind: v => validator.isValidKind(v),
  namespace: v => validator.isValidNamespace(v),
  name: v => validator.isValidEntityName(v),
};

function hasNul(value: string) {
  return value.includes('\u0000');
}

/** The path of the first string containing a NUL character in a parsed JSON body. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return hasNul(value) ? path : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found =
        (hasNul(key) ? `${path}.${key}` : undefined) ??
        nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Checks that run before the OpenAPI validator, for what it either lets through to the
 * database (NUL characters, which PostgreSQL refuses) or reports without naming the field
 * (a malformed percent-encoding, `malformed uri'`): every such request gets a 400 naming
 * the parameter, 413 for a body over MAX_BODY_BYTES and 415 for one that is not JSON.
 * Path parameters are matched to the spec's path templates by position.
 */
export function requestGuards(spec: Spec): RequestHandler[] {
  const templates = Object.keys(spec.paths).map(path => path.split('/'));

  const pathGuard: RequestHandler = (req, _res, next) => {
    const segments = req.path.split('/');
    const template = templates.find(
      t =>
        t.length === segments.length &&
        t.every((part, i) => part.startsWith('{') || part === segments[i]),
    );
    for (let i = 0; template && i < template.length; i++) {
      const part = template[i];
      if (!part.startsWith('{')) continue;
      const name = part.slice(1, -1);
      let value: string;
      try {
        value = decodeURIComponent(segments[i]);
      } catch {
        throw new InputError(
          `path parameter ${name}: not a valid percent-encoded value`,
        );
      }
      const check = PARAMETER_CHECKS[name];
      if (hasNul(value) || (check && !check(value))) {
        throw new InputError(
          `path parameter ${name}: expected an entity ${name} (letters, digits, '-', '_' and '.', at most 63 characters), got ${JSON.stringify(
            value.slice(0, 100),
          )}`,
        );
      }
    }
    for (const [key, value] of Object.entries(req.query)) {
      if ([value].flat().some(v => typeof v === 'string' && hasNul(v))) {
        throw new InputError(`query parameter ${key}: must not contain NUL`);
      }
    }
    next();
  };

  const contentTypeGuard: RequestHandler = (req, res, next) => {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 ||
      req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json')) {
      throw guardError(
        res,
        415,
        'UnsupportedMediaTypeError',
        `request body: expected Content-Type application/json, got ${
          req.headers['content-type'] ?? 'none'
        }`,
      );
    }
    next();
  };

  const bodyGuard: RequestHandler = (req, _res, next) => {
    const found = nulPath(req.body, '');
    if (found !== undefined) {
      throw new InputError(`request body ${found}: must not contain NUL`);
    }
    next();
  };

  const json = express.json({ limit: MAX_BODY_BYTES });
  const jsonBody: RequestHandler = (req, res, next) =>
    json(req, res, (error?: any) => {
      if (error?.type === 'entity.too.large') {
        next(
          guardError(
            res,
            413,
            'PayloadTooLargeError',
            `request body: larger than the limit of ${MAX_BODY_BYTES} bytes`,
          ),
        );
      } else if (error) {
        next(new InputError(`request body: not valid JSON (${error.message})`));
      } else {
        next();
      }
    });

  return [pathGuard, contentTypeGuard, jsonBody, bodyGuard];
}

type Spec = {
  paths: Record<string, any>;
  components?: { schemas?: Record<string, any> };
};

/** The properties a JSON request body of `method path` may have, from the spec. */
function bodyProperties(spec: Spec, method: string, path: string) {
  const template = Object.keys(spec.paths).find(t => {
    const a = t.split('/');
    const b = path.split('/');
    return (
      a.length === b.length &&
      a.every((x, i) => x.startsWith('{') || x === b[i])
    );
  });
  let schema =
    template &&
    spec.paths[template]?.[method.toLowerCase()]?.requestBody?.content?.[
      'application/json'
    ]?.schema;
  if (schema?.$ref) {
    schema = spec.components?.schemas?.[schema.$ref.split('/').pop()];
  }
  return schema?.properties ? Object.keys(schema.properties) : undefined;
}

/**
 * Puts the field name into the body parser's and the OpenAPI validator's messages that
 * lack it (a 413 that says what the limit is, an unknown property that says which).
 */
export const nameTheField =
  (spec: Spec): ErrorRequestHandler =>
  (error, req, res, next) => {
    const guarded = res.locals[GUARD_STATUS];
    if (guarded) {
      next(httpError(guarded.statusCode, guarded.name, error.message));
      return;
    }
    if (
      error?.name === 'InputError' &&
      /must NOT have additional properties/.test(error.message) &&
      req.body &&
      typeof req.body === 'object'
    ) {
      const known = bodyProperties(spec, req.method, req.path);
      const unknown = Object.keys(req.body).filter(k => !known?.includes(k));
      next(
        new InputError(
          `request body: unknown properties ${unknown
            .map(key => JSON.stringify(key))
            .join(', ')}; expected only ${known?.join(', ')}`,
        ),
      );
      return;
    }
    next(error);
  };
