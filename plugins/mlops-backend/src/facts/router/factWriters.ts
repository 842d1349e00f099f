import { BackstageServicePrincipal } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { FactWriter } from '../config/readFactsConfig';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .toLocaleLowerCase('en-US')
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Which entities a principal may push facts about, from `mlops.facts.writers`. Without
 * that config every service principal that passed the permission check writes anywhere;
 * with it, a subject not listed writes nowhere.
 */
export function compileFactWriters(writers: FactWriter[] | undefined) {
  const bySubject = new Map<string, RegExp[]>();
  for (const writer of writers ?? []) {
    bySubject.set(writer.subject, [
      ...(bySubject.get(writer.subject) ?? []),
      ...writer.entities.map(patternToRegExp),
    ]);
  }
  /** Throws NotAllowedError (403) naming the first fact the principal may not write. */
  return function assertMayWrite(
    principal: BackstageServicePrincipal,
    facts: Fact[],
  ): void {
    if (!writers) return;
    const patterns = bySubject.get(principal.subject);
    if (!patterns) {
      throw new NotAllowedError(
        `${principal.subject} is not in mlops.facts.writers and may not push facts`,
      );
    }
    const index = facts.findIndex(
      fact => !patterns.some(pattern => pattern.test(fact.entityRef)),
    );
    if (index >= 0) {
      throw new NotAllowedError(
        `facts[${index}].entityRef: ${principal.subject} may not push facts about ${facts[index].entityRef}`,
      );
    }
  };
}
