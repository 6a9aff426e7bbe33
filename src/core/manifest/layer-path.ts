/**
 * A layer path (or a hook's executable) must be relative and stay inside the manifest's directory: it becomes a working directory
 * for Terraform, and a manifest from a pull request must not point Strata at files elsewhere on the runner.
 */
export function checkLayerPath(
  path: string,
  pathExists?: (relativePath: string) => boolean,
  what = 'layer code',
): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) {
    return `path '${path}' must be relative to the manifest's directory, with '/' separators`;
  }
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) {
      return `path '${path}' leaves the manifest's directory; ${what} must live inside it`;
    }
  }
  if (depth === 0)
    return `path '${path}' is the manifest's directory itself; point it at the layer's code directory`;
  if (pathExists && !pathExists(path)) {
    return `path '${path}' does not exist (paths are relative to the manifest's directory)`;
  }
  return undefined;
}

/** A layer path as instances carry it: `.` and empty parts dropped, `..` applied, `.` for the directory itself. */
export function normaliseLayerPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}
