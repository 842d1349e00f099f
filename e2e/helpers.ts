import { APIRequestContext, Page, expect } from '@playwright/test';

/** Where every spec saves the screenshots people look at. */
export const screenshotDir = 'e2e-results/screenshots';

export const backendUrl = process.env.LZ_BACKEND_URL ?? 'http://localhost:7007';

/**
 * Opens a page as the guest user: a fresh browser sees the sign-in page first, a browser with
 * a session goes straight to the page. Waiting for the sidebar proves the session exists.
 */
export async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The <nav> element itself has no box of its own; its links do.
  const sidebar = page
    .getByRole('navigation', { name: 'sidebar nav' })
    // exact: an app with the catalog graph has a "Catalog Graph" link too.
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(sidebar)).toBeVisible();
  // A click that lands while the sign-in page is still settling can be lost, and a backend
  // that is restarting answers the guest refresh with an error page; try again until the
  // session exists.
  await expect(async () => {
    if (!(await enter.isVisible()) && !(await sidebar.isVisible())) {
      await page.reload();
      await expect(enter.or(sidebar)).toBeVisible();
    }
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(sidebar).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

const guestTokens = new WeakMap<APIRequestContext, Promise<string>>();

/**
 * A backend token for the guest user, to compare what the UI shows with what the API says.
 * One per request context: a guest token outlives any test, and polling loops call this often.
 */
export function guestToken(request: APIRequestContext): Promise<string> {
  let token = guestTokens.get(request);
  if (!token) {
    token = fetchGuestToken(request);
    guestTokens.set(request, token);
  }
  return token;
}

async function fetchGuestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(
    `${backendUrl}/api/auth/guest/refresh?optional&env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(response.ok()).toBeTruthy();
  const body = await response.json();
  return body.backstageIdentity.token as string;
}

/** GET a backend path as the guest user and return the parsed JSON. */
export async function getJson<T>(
  request: APIRequestContext,
  path: string,
): Promise<T> {
  const found = await findJson<T>(request, path);
  expect(found, `${path} answered 404`).toBeDefined();
  return found!;
}

/**
 * Like getJson, but a 404 gives undefined: for polling an entity the catalog has not
 * ingested yet.
 */
export async function findJson<T>(
  request: APIRequestContext,
  path: string,
): Promise<T | undefined> {
  const token = await guestToken(request);
  const response = await request.get(`${backendUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status() === 404) {
    return undefined;
  }
  expect(response.ok(), `${path} answered ${response.status()}`).toBeTruthy();
  return (await response.json()) as T;
}

/** The part of a catalog entity (GET /api/catalog/entities/by-name/...) the specs read. */
export type CatalogEntity = {
  metadata: { name: string; annotations: Record<string, string> };
  spec: { owner: string };
};
