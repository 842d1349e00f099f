import { IncomingMessage, ServerResponse } from 'node:http';

/*
 * Backstage's scheduler serves an admin API on every plugin's base URL
 * (`/.backstage/scheduler/v1/tasks`, `.../:id/trigger`, `.../:id/cancel`). It sits behind
 * only the plugin's default auth policy, so any signed-in user, guests included, could
 * trigger or cancel any plugin's tasks; it has neither a permission nor a setting to
 * restrict it. This guard, in front of every plugin's routes, refuses the two write routes
 * to user principals; services (other backends, external-access tokens an operator
 * configures) pass on to the plugin's own authentication, which still verifies them.
 */
const SCHEDULER_WRITE =
  /^\/api\/[^/]+\/\.backstage\/scheduler\/v1\/tasks\/[^/]+\/(trigger|cancel)\/?$/;

/** The `typ` of a JWT's header, without verifying it (verification follows downstream). */
function tokenType(token: string): string | undefined {
  const [header] = token.split('.');
  try {
    const decoded = JSON.parse(
      Buffer.from(header, 'base64url').toString('utf8'),
    );
    return typeof decoded?.typ === 'string' ? decoded.typ : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a request comes from a user. A forged header that claims a service only gets as
 * far as the plugin's token verification, which rejects it; this check never lets through
 * what would otherwise be refused.
 */
function isUserRequest(req: IncomingMessage): boolean {
  const authorization = req.headers.authorization;
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) {
    // No bearer token: a browser request with the user's auth cookie, or no credentials.
    return true;
  }
  const typ = tokenType(token);
  return (
    typ !== undefined &&
    typ.startsWith('vnd.backstage.') &&
    typ !== 'vnd.backstage.plugin'
  );
}

/** Connect-style middleware (the root router's express app runs it before every route). */
export function schedulerAdminGuard(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) {
  const path = (req.url ?? '').split('?')[0];
  if (
    req.method !== 'GET' &&
    SCHEDULER_WRITE.test(path) &&
    isUserRequest(req)
  ) {
    res.statusCode = 403;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message:
            'Scheduled tasks can only be triggered or cancelled by services, not by users',
        },
        request: { method: req.method, url: req.url },
        response: { statusCode: 403 },
      }),
    );
    return;
  }
  next();
}
