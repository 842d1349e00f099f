/**
 * A maturity model (or its configuration) is invalid. `where` locates the problem, e.g.
 * `checks[3].condition.$any[0]` or `mlops.maturity.checks[3].condition`.
 *
 * @public
 */
export class MaturityModelError extends Error {
  readonly where: string;
  readonly problem: string;
  constructor(where: string, problem: string) {
    super(where ? `${where}: ${problem}` : problem);
    this.name = 'MaturityModelError';
    this.where = where;
    this.problem = problem;
  }
}
