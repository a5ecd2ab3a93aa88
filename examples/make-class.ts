// npm run example:class: builds the sample class in examples/class/ from
// examples/class-src/class.json (git repositories with dated commits and
// zip archives cannot be committed inside this repository, so they are
// made here). Then: npx relu-lab bulk examples/class --out reports/class
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClass, type ClassPlan } from '../grader/bulk/sampleClass/buildClass.ts';
import { assignment } from '../grader/course/assignment.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const plan = JSON.parse(await readFile(path.join(here, 'class-src/class.json'), 'utf8')) as ClassPlan;
const target = path.join(here, 'class');
await buildClass(target, plan, assignment);
console.log(`built ${plan.students.length} submissions in ${path.relative(process.cwd(), target) || target}`);
console.log('grade them:   npx relu-lab bulk examples/class --out reports/class');
console.log('late best:    npx relu-lab bulk examples/class --out reports/class-deadline --manifest examples/class-src/assignment.json --late best');
