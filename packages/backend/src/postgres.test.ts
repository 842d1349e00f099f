import { TestDatabases } from '@backstage/backend-test-utils';

/*
 * TestDatabases silently drops a database id whose server it cannot reach, so a database test
 * can pass on SQLite alone. CI sets LZ_REQUIRE_POSTGRES: then this test fails unless the real
 * PostgreSQL server answers, which proves the plugins' database tests ran against it too.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const postgresIds = databases.eachSupportedId().map(([id]) => id);

describe('the PostgreSQL test database', () => {
  it('is configured when CI requires it', () => {
    const required = Boolean(process.env.LZ_REQUIRE_POSTGRES);
    expect(postgresIds.length > 0 || !required).toBe(true);
  });

  it('answers queries on the real server when configured', async () => {
    for (const id of postgresIds) {
      const knex = await databases.init(id);
      const result = await knex.raw('select version() as version');
      expect(result.rows[0].version).toMatch(/^PostgreSQL \d+/);
    }
  });
});
