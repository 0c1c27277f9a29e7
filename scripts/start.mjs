// `npm start`: scripts/start.ts from its bundle (scripts/launch.mjs).
import { launch } from './launch.mjs';

await launch('start');
