/** The content pipeline: weekly markdown → site model. Runs at build time, in Node. */
export { buildSite, indexMilestones, isMilestonePath, isUpdatePath, type BuildResult, type SourceFile } from './build';
export { buildContentDir, formatMessages, readContentDir, type ContentDir } from './files';
export { cleanTitle, derivedKey, normaliseTrackerUrl, slugify, trackerKey } from './keys';
export * from './model';
export { parseMilestoneDefinitions, parseUpdate, type MilestoneDefinition, type ParseOptions } from './parse';
