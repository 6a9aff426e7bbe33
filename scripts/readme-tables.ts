// Writes the action's inputs and outputs tables into README.md from action.yml (`npm run readme`); a test
// fails when they differ, so the README never drifts from the action.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderActionTables, replaceBetweenMarkers } from './action-tables.js';

const readme = new URL('../README.md', import.meta.url);
const action = readFileSync(new URL('../action.yml', import.meta.url), 'utf8');
writeFileSync(readme, replaceBetweenMarkers(readFileSync(readme, 'utf8'), renderActionTables(action)));
