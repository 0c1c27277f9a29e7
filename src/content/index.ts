/** The content pipeline: weekly markdown → site model. Runs at build time, in Node. */
export { buildSite, indexMilestones, isMilestonePath, isUpdatePath, type BuildResult, type SourceFile } from './build';
export { buildContentDir, formatMessages, readContentDir, skippedFiles, type ContentDir } from './files';
export { cleanTitle, derivedKey, isCommitmentTag, milestonePrefix, normaliseTrackerUrl, slugify, titleIdentity, trackerKey } from './keys';
export * from './model';
export { isSection, outlineNodes, type Outline, type OutlineNode, type Structure } from './outline';
export { keyUpdate, LIMITS, parseMilestoneDefinitions, parseUpdate, readUpdate, teamSlug, type MilestoneDefinition, type ParseOptions } from './parse';
export { mondayOf } from './week';
