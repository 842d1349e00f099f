import { CheckScopes, EVERY_ENTITY } from './checkScopes';
import type { CompiledPredicate } from './compilePredicate';

function counting(answer: boolean) {
  const predicate = {
    calls: 0,
    test: () => {
      predicate.calls++;
      return answer;
    },
    explain: () => '',
  };
  return predicate satisfies CompiledPredicate;
}

describe('CheckScopes', () => {
  it('asks a shared appliesTo once per entity', () => {
    const scopes = new CheckScopes();
    const llmApp = { 'spec.type': 'llm-app' };
    const compiled = counting(true);
    const first = scopes.add(llmApp, compiled);
    expect(scopes.add(llmApp, counting(false))).toBe(first);
    const memo = scopes.newMemo();
    expect(scopes.covers(first, {}, [], memo)).toBe(true);
    expect(scopes.covers(first, {}, [], memo)).toBe(true);
    expect(compiled.calls).toBe(1);
    scopes.covers(first, {}, [], scopes.newMemo());
    expect(compiled.calls).toBe(2);
  });

  it('never merges distinct predicate objects, even equal-looking ones', () => {
    const scopes = new CheckScopes();
    const a = scopes.add({ 'spec.type': 'x' }, counting(true));
    const b = scopes.add({ 'spec.type': 'x' }, counting(false));
    expect(a).not.toBe(b);
    const memo = scopes.newMemo();
    expect(scopes.covers(a, {}, [], memo)).toBe(true);
    expect(scopes.covers(b, {}, [], memo)).toBe(false);
    expect(scopes.covers(EVERY_ENTITY, {}, [], memo)).toBe(true);
  });
});
