// The student edition's process entry: runs the command and ends the process.
import { processIo } from '../core/Io.ts';
import { studentMain } from './studentMain.ts';

const code = await studentMain(process.argv.slice(2), processIo());
process.exit(code);
