/** The content pipeline: weekly markdown → site model. Runs at build time, in Node. */
export { buildSite, indexMilestones, isUpdatePath, type BuildResult, type SourceFile } from './build';
export { buildContentDir, formatMessages, readContentDir, type ContentDir } from './files';
export { cleanTitle, derivedKey, normaliseTrackerUrl, slugify, trackerKey } from './keys';
export * from './model';
export { parseUpdate, type ParseOptions } from './parse';
