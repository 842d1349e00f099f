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

/**
 * The principals that write history: the scaffolder's own service principal (its
 * `mlops:usecase:record` step), and any other service a permission policy explicitly
 * allows `permission`. Users never do, whatever the policy says (an allow-all policy
 * included): a user who could post creation events could forge lead times and failed runs.
 */
export async function authorizeWriter(
  req: Request,
  permission: BasicPermission,
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  trustedServices: readonly string[] = ['plugin:scaffolder'],
): Promise<BackstageCredentials> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  if (credentials.principal.type !== 'service') {
    throw new NotAllowedError(
      'Only the scaffolder and services allowed by the permission policy may record events',
    );
  }
  if (trustedServices.includes(credentials.principal.subject)) {
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
