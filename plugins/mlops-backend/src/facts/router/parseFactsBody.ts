import { InputError } from '@backstage/errors';
import { FACT_LIMITS } from '@landing-zone/plugin-mlops-common';
import express, { NextFunction, Request, Response } from 'express';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './httpErrors';

const parseJson = express.json({
  limit: FACT_LIMITS.maxBodyBytes,
  strict: false,
});

/**
 * Body parsing for POST /facts with its own limits: 415 unless the body is JSON, 413 over
 * the size limit, 400 for JSON that does not parse. (The plugin's other routes parse with
 * the OpenAPI router's 100 kB default, so this router is mounted before it.)
 */
export function parseFactsBody(
  req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!req.is('application/json')) {
    next(
      new UnsupportedMediaTypeError(
        `Content-Type: expected application/json, got ${
          req.get('content-type') ?? 'none'
        }`,
      ),
    );
    return;
  }
  parseJson(req, res, (error?: any) => {
    if (!error) {
      next();
    } else if (error.type === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `body: expected at most ${FACT_LIMITS.maxBodyBytes} bytes, got ${error.length}`,
        ),
      );
    } else if (error.type === 'entity.parse.failed') {
      next(new InputError(`body: not valid JSON (${error.message})`));
    } else {
      next(error);
    }
  });
}
