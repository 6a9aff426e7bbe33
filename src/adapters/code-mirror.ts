import { copyFile, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A stand-in for `root` in which the layer at `layerPath` can be given extra files without touching the real
 * one: everything is a symbolic link to the original except the directories down to the layer, and the
 * layer's own files, which are copies (so `init` writing its lock file writes the copy). Relative module
 * sources inside `root` resolve as they do in the original. Returns the layer's directory in the mirror, or
 * null when the layer lies outside `root`.
 */
export async function mirrorLayerCode(options: {
  root: string;
  layerPath: string;
  into: string;
  files: Readonly<Record<string, string>>;
}): Promise<string | null> {
  const steps = path.posix
    .normalize(options.layerPath)
    .split('/')
    .filter((step) => step !== '' && step !== '.');
  if (steps.includes('..')) return null;
  await rm(options.into, { recursive: true, force: true });
  let source = path.resolve(options.root);
  let target = options.into;
  const into = path.resolve(options.into);
  await mkdir(target, { recursive: true });
  for (const step of steps) {
    for (const entry of await readdir(source)) {
      const original = path.join(source, entry);
      // Never a link to the folder the mirror is in (the work directory, under the manifest's directory).
      if (entry === step || into === original || into.startsWith(`${original}${path.sep}`)) continue;
      await symlink(original, path.join(target, entry));
    }
    source = path.join(source, step);
    target = path.join(target, step);
    await mkdir(target);
  }
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const original = path.join(source, entry.name);
    if (entry.name === '.terraform' || into === original || into.startsWith(`${original}${path.sep}`)) {
      continue;
    }
    if (entry.isFile()) await copyFile(original, path.join(target, entry.name));
    else await symlink(original, path.join(target, entry.name));
  }
  for (const [name, text] of Object.entries(options.files)) await writeFile(path.join(target, name), text);
  return target;
}
