import { runLantoa } from './program.js';

// The `lantoa` command (bin/lantoa.js runs this file); the program is built in program.ts.
process.exitCode = await runLantoa(process.argv);
