import { Fact } from '@landing-zone/plugin-mlops-common';

/*
 * Stored facts passed validateFactBatch, so their data has its type's fields unless it is
 * a "looked and found nothing" fact (`data.found: false`), which fills only the '' slot.
 */
type Data = Record<string, unknown>;
const dataOf = (fact: Fact): Data | undefined =>
  fact.data.found === false ? undefined : (fact.data as Data);

/**
 * The "latest" slots a fact competes for. Checks ask for the latest deployment *to an
 * environment* and the model version *holding an alias*, so those get one slot each;
 * every type also has the '' slot (latest overall).
 */
export function factSlots(fact: Fact): string[] {
  const data = dataOf(fact);
  if (data && fact.type === 'deployment') {
    return ['', `env:${data.environment}`];
  }
  if (data && fact.type === 'model-version') {
    const aliases = new Set(data.aliases as string[]);
    return ['', ...[...aliases].map(alias => `alias:${alias}`)];
  }
  return [''];
}

/** Whether a stored fact still belongs in `slot` (an alias may have moved on since). */
export function stillHoldsSlot(fact: Fact, slot: string): boolean {
  const data = dataOf(fact);
  if (slot.startsWith('alias:')) {
    return (
      fact.type === 'model-version' &&
      !!data &&
      (data.aliases as string[]).includes(slot.slice('alias:'.length))
    );
  }
  if (slot.startsWith('env:')) {
    return (
      fact.type === 'deployment' &&
      !!data &&
      data.environment === slot.slice('env:'.length)
    );
  }
  return true;
}

/**
 * Facts that thinning of old history never removes: the exceptions a timeline and the flow
 * metrics need (a breached drift check starts "time to recover"; a failed CI run or
 * evaluation explains a red check), as opposed to the routine observation that repeats.
 */
export function isNotable(fact: Fact): boolean {
  const data = dataOf(fact);
  if (!data) return false;
  switch (fact.type) {
    case 'drift-check':
      return data.breached === true;
    case 'ci-run':
      return data.status === 'failure';
    case 'evaluation':
      return data.passed === false;
    default:
      return false;
  }
}
