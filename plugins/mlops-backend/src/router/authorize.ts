import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * Authenticates the request (users and services) and asks the permission framework
 * about `permission`; throws NotAllowedError (403) on DENY.
 */
export async function authorize(
  req: Request,
  permission: BasicPermission,
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  options: { allowServices?: boolean } = {},
): Promise<BackstageCredentials> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  if (options.allowServices && credentials.principal.type === 'service') {
    return credentials;
  }
  const [decision] = await services.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`Missing permission ${permission.name}`);
  }
  return credentials;
}
