// `npm run build`: scripts/build-static.ts from its bundle (scripts/launch.mjs).
import { launch } from './launch.mjs';

await launch('build-static');
