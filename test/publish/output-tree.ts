import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, by relative path, with its bytes (base64): two outputs compare byte for byte. */
export async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    files.set(path.relative(dir, full), (await readFile(full)).toString('base64'));
  }
  return files;
}
