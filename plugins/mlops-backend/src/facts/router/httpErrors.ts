import { CustomErrorBase } from '@backstage/errors';

/*
 * Errors @backstage/errors has no class for. Backstage's error middleware answers with an
 * error's numeric `statusCode`, so these become a 413 and a 415 in the usual error body.
 */

export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}

export class UnsupportedMediaTypeError extends CustomErrorBase {
  name = 'UnsupportedMediaTypeError';
  statusCode = 415;
}
