import { Knex } from 'knex';
import { decodeFactData } from '../facts/store/factPayload';
import { factTypeCode } from '../facts/store/factTypeCodes';
import type { FlowFact } from '../service/flowMetrics';

const DEPLOYMENT = factTypeCode('deployment');
const RETRAINING = factTypeCode('retraining');
const DRIFT = factTypeCode('drift-check');

/** A row's data: compressed in `payload`, or (rows from before that) JSON text in `data`. */
function parseData(row: {
  data: string;
  payload: Buffer | Uint8Array | null;
}): Record<string, unknown> | undefined {
  try {
    const data = JSON.parse(
      row.payload ? decodeFactData(row.payload) : row.data,
    );
    return typeof data === 'object' && data !== null ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every use case's flow facts since `sinceMs`, oldest first, in one query over the fact
 * history: deployments, retraining runs and the drift checks stored as notable (breached).
 * The routine drift checks, the bulk of the history, stay out by the `notable` flag.
 */
export async function readFlowFacts(
  knex: Knex,
  sinceMs: number,
): Promise<Map<string, FlowFact[]>> {
  const rows: Array<{
    entity_ref: string;
    type: number | string;
    observed_at: number | string;
    data: string;
    payload: Buffer | Uint8Array | null;
  }> = await knex('mlops_facts as f')
    .join('mlops_fact_entities as e', 'e.id', 'f.entity_id')
    .where('f.observed_at', '>=', sinceMs)
    .where(q =>
      q
        .whereIn('f.type', [DEPLOYMENT, RETRAINING])
        .orWhere(d => d.where('f.type', DRIFT).andWhere('f.notable', true)),
    )
    // Ties in the order written: without it PostgreSQL's order depends on the plan.
    .orderBy(['f.observed_at', 'f.id'])
    .select('e.entity_ref', 'f.type', 'f.observed_at', 'f.data', 'f.payload');
  const byRef = new Map<string, FlowFact[]>();
  for (const row of rows) {
    const type = Number(row.type);
    const data = parseData(row);
    if (!data || data.found === false) continue;
    let kind: FlowFact['kind'];
    if (type === RETRAINING) kind = 'retraining';
    else if (type === DRIFT) kind = 'drift-breached';
    else if (String(data.environment).toLowerCase() === 'production') {
      kind = 'production-deployment';
    } else continue;
    const list = byRef.get(row.entity_ref) ?? [];
    list.push({ kind, at: Number(row.observed_at) });
    byRef.set(row.entity_ref, list);
  }
  return byRef;
}
