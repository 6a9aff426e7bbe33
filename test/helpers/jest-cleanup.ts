import { afterAll, afterEach } from '@jest/globals';
import { endProcesses, removeScratchDirs } from './scratch.js';

// Loaded into every test file (jest.config.js, setupFilesAfterEnv).
afterEach(endProcesses);
afterAll(removeScratchDirs);
