import { Knex } from 'knex';

const TABLE = 'mlops_snapshot_lease';
const ROW = { id: 1 };

/**
 * The one row that says whether a snapshot is due and which replica writes it, until
 * when (see the migration). Every change is one conditional UPDATE, so two replicas
 * racing for it cannot both win, on SQLite or PostgreSQL. Instants are epoch ms of the
 * replicas' clocks, which are assumed to agree within a few seconds.
 */
export class SnapshotLease {
  constructor(private readonly db: Knex) {}

  /** A snapshot is due (the scheduler's cadence or trigger); one already due stays so. */
  async markDue(now: number): Promise<void> {
    await this.db(TABLE).where(ROW).whereNull('due_at').update({ due_at: now });
  }

  /** Takes the lease if a snapshot is due and nobody (alive) holds it. */
  async tryAcquire(
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<boolean> {
    const updated = await this.db(TABLE)
      .where(ROW)
      .where('due_at', '<=', now)
      .where(q => q.whereNull('holder').orWhere('expires_at', '<', now))
      .update({ holder, expires_at: now + leaseMs, started_at: now });
    return updated === 1;
  }

  /** Extends the lease; false when it was lost (expired and taken over). */
  async renew(holder: string, now: number, leaseMs: number): Promise<boolean> {
    const updated = await this.db(TABLE)
      .where({ ...ROW, holder })
      .update({ expires_at: now + leaseMs });
    return updated === 1;
  }

  /**
   * Gives the lease back. The snapshot is no longer due when it ended well or failed (a
   * failure waits for the next cadence rather than retrying in a loop), unless it was
   * marked due again while running.
   */
  async release(holder: string): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await tx(TABLE)
        .where({ ...ROW, holder })
        .first();
      if (!row) {
        return;
      }
      const markedDuringRun = Number(row.due_at) > Number(row.started_at);
      await tx(TABLE)
        .where({ ...ROW, holder })
        .update({
          holder: null,
          expires_at: null,
          due_at: markedDuringRun ? row.due_at : null,
        });
    });
  }

  async read(): Promise<{
    dueAt: number | null;
    holder: string | null;
    expiresAt: number | null;
  }> {
    const row = await this.db(TABLE).where(ROW).first();
    const num = (v: unknown) =>
      v === null || v === undefined ? null : Number(v);
    return {
      dueAt: num(row?.due_at),
      holder: row?.holder ?? null,
      expiresAt: num(row?.expires_at),
    };
  }
}
