import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { createLatestFactsRouter } from './createLatestFactsRouter';

const fact = (entityRef: string, id: string) => ({
  entityRef,
  type: 'training-run',
  source: 'mlflow',
  id,
  observedAt: '2026-12-01T10:00:00.000Z',
  data: { runId: id },
});

function app() {
  const facts = {
    latestFacts: jest.fn(
      async () =>
        new Map([
          ['component:default/a', [fact('component:default/a', 'r1')]],
          ['component:default/b', [fact('component:default/b', 'r2')]],
        ]),
    ),
  };
  const server = express();
  server.use(
    createLatestFactsRouter({ facts, httpAuth: mockServices.httpAuth() }),
  );
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { server, facts };
}

describe('GET /facts/latest', () => {
  it("gives a service every entity's latest facts in one answer", async () => {
    const { server, facts } = app();
    const response = await request(server)
      .get('/facts/latest')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.body.facts.map((f: { id: string }) => f.id)).toEqual([
      'r1',
      'r2',
    ]);
    expect(facts.latestFacts).toHaveBeenCalledWith();
  });

  it('refuses users and anonymous callers', async () => {
    const { server, facts } = app();
    const asUser = await request(server)
      .get('/facts/latest')
      .set('Authorization', mockCredentials.user.header());
    expect(asUser.status).toBe(403);
    // No credentials at all count as an unauthenticated principal, which is no service either.
    expect((await request(server).get('/facts/latest')).status).toBe(403);
    expect(facts.latestFacts).not.toHaveBeenCalled();
  });
});
