import { z } from 'zod/v3';
import { parseInput } from './parseInput';

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(3, 'expected 3+') }).strict();

  it('returns the parsed value', () => {
    expect(parseInput('x:y', schema, { name: 'abc' })).toEqual({ name: 'abc' });
  });

  it('names the action, every failing field and the expectation', () => {
    expect(() => parseInput('x:y', schema, { name: 'a', extra: 1 })).toThrow(
      'Invalid input to x:y: name: expected 3+; (input): unexpected field(s) extra',
    );
  });
});
