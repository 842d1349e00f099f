// Moved to __testUtils__ (it needs the scaffolder's template engine, a dev dependency); this
// path stays for the golden-path rendering that imports it, which is test support as well.
// eslint-disable-next-line no-restricted-imports
export * from '../__testUtils__/renderStepInputs';
