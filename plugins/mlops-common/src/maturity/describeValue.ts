const MAX_LENGTH = 60;
const WHITE_SPACE = /\s/;

/** Short, single-line rendering of an evidence value for reasons and warnings. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = `'${value}'`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  // Testing first spares a copy of the (usual) value without white space: full evaluations
  // describe every check's evidence.
  if (WHITE_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** "metadata.annotations.x/y" reads better as "annotation x/y". */
export function describePath(path: string): string {
  if (path.startsWith('metadata.annotations.')) {
    return `annotation ${path.slice('metadata.annotations.'.length)}`;
  }
  if (path.startsWith('metadata.labels.')) {
    return `label ${path.slice('metadata.labels.'.length)}`;
  }
  return path;
}
