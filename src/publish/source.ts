/**
 * Where the project's sources are (what the build hashes into its cache keys). `npm run build`
 * runs a bundle of the build kept under .cache/ (scripts/build.mjs), where `import.meta.dirname`
 * is the bundle's folder: the launcher says where the project is in TIDINGS_ROOT.
 */
import path from 'node:path';

export const PROJECT_ROOT = process.env.TIDINGS_ROOT ?? path.resolve(import.meta.dirname, '..', '..');
