import { run } from './action/main.js';
import { EXIT_BAD_INPUT } from './core/errors.js';

if ((await run()) === 'bad-input') process.exitCode = EXIT_BAD_INPUT;
