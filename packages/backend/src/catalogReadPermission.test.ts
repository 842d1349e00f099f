import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mlopsPlugin from '@landing-zone/plugin-mlops-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Issue 13.3: with a policy that hides catalog entities, the mlops API must not name them.
 * The real catalog backend and the mlops backend, with a permission policy (at the
 * permissions service) that denies `catalog.entity.read` to one user and allows another
 * only Groups (a conditional decision, which the catalog turns into a database filter).
 */
jest.setTimeout(120_000);

const DENIED = 'user:default/denied';
const GROUPS_ONLY = 'user:default/groups-only';
const ALLOWED = 'user:default/allowed';

function userOf(credentials: any): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/** The deny policy, as the permission backend would decide it. */
const decide = (name: string, credentials: any) => {
  if (name !== 'catalog.entity.read') {
    return { result: AuthorizeResult.ALLOW } as const;
  }
  const user = userOf(credentials);
  if (user === DENIED) {
    return { result: AuthorizeResult.DENY } as const;
  }
  if (user === GROUPS_ONLY) {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_KIND',
        resourceType: 'catalog-entity',
        params: { kinds: ['group'] },
      },
    } as const;
  }
  return { result: AuthorizeResult.ALLOW } as const;
};

const policy = mockServices.permissions.mock({
  authorize: async (requests: any[], { credentials }: any) =>
    requests.map(r => {
      const decision = decide(r.permission.name, credentials);
      return decision.result === AuthorizeResult.CONDITIONAL
        ? { result: AuthorizeResult.DENY }
        : decision;
    }),
  authorizeConditional: async (requests: any[], { credentials }: any) =>
    requests.map(r => decide(r.permission.name, credentials)) as any,
}).factory;

const catalogYaml = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: fraud }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: churn
  annotations:
    backstage.io/source-template: template:default/ml-model
spec: { type: ml-model, lifecycle: production, owner: group:default/fraud }
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata: { name: ml-model }
spec: { type: ml-model, steps: [] }
`;

describe('mlops responses under a policy that hides catalog entities', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-catalog-'));
  const file = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(file, catalogYaml);
  let baseUrl = '';
  let stop: () => Promise<void>;

  const get = async (url: string, user: string) => {
    const response = await fetch(`${baseUrl}/api/mlops${url}`, {
      headers: { authorization: mockCredentials.user.header(user) },
    });
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body };
  };

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        mlopsPlugin,
        // The real scheduler: the mlops snapshot repeats until the catalog has the file.
        schedulerServiceFactory,
        policy,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [{ type: 'file', target: file }],
              rules: [{ allow: ['Component', 'Group', 'Template'] }],
              processingInterval: { seconds: 1 },
            },
            mlops: {
              history: {
                // Snapshots often, so one runs after the catalog has processed the file.
                schedule: {
                  frequency: { seconds: 2 },
                  timeout: { minutes: 1 },
                },
              },
            },
          },
        }),
      ],
    });
    baseUrl = `http://127.0.0.1:${(backend.server.address() as any).port}`;
    stop = () => backend.stop();
    const deadline = Date.now() + 90_000;
    const ready = async () =>
      (await get('/teams/default/fraud', ALLOWED)).body?.useCases?.length === 1;
    while (!(await ready()) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  });

  afterAll(async () => {
    await stop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a permitted user the team, its use cases and the template', async () => {
    const team = await get('/teams/default/fraud', ALLOWED);
    expect(team.status).toBe(200);
    expect(team.body.useCases.map((u: any) => u.entityRef)).toEqual([
      'component:default/churn',
    ]);
    const templates = await get('/templates', ALLOWED);
    expect(templates.body.templates).toEqual([
      expect.objectContaining({
        templateRef: 'template:default/ml-model',
        teams: ['group:default/fraud'],
      }),
    ]);
    expect((await get('/teams.csv', ALLOWED)).text).toContain(
      'group:default/fraud',
    );
  });

  it('names no entity to a user the catalog shows nothing', async () => {
    expect((await get('/teams/default/fraud', DENIED)).status).toBe(404);
    expect((await get('/teams', DENIED)).body.teams).toEqual([]);
    expect((await get('/teams.csv', DENIED)).text).not.toContain('fraud');
    expect((await get('/templates', DENIED)).body.templates).toEqual([]);
    expect(
      (await get('/entities/component/default/churn/history', DENIED)).status,
    ).toBe(404);
    // The organisation's aggregates stay readable with mlops.scorecard.read.
    const overview = await get('/overview', DENIED);
    expect(overview.status).toBe(200);
    expect(overview.body.kpis.useCases).toBe(1);
  });

  it('applies a conditional decision: groups visible, their components not', async () => {
    const team = await get('/teams/default/fraud', GROUPS_ONLY);
    expect(team.status).toBe(200);
    expect(team.body.team.useCases).toBe(1);
    expect(team.body.useCases).toEqual([]);
    const templates = await get('/templates', GROUPS_ONLY);
    expect(templates.body.templates).toEqual([]);
  });
});
