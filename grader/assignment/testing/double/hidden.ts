// The hidden face of the `double` assignment: two checks, written with the
// same kit (grader/harness/) as the ReLU course's.
import fc from 'fast-check';
import type { HiddenFace } from '../../Assignment.ts';
import { check } from '../../check.ts';
import { expectCall, expectClose } from '../../../harness/expectations.ts';
import { agrees, holds } from '../../../harness/property.ts';
import { double } from './solutions/double.ts';

const task = 'double';
const integer = fc.integer({ min: -1_000, max: 1_000 });

export const hidden: HiddenFace = {
  checks: [
    check(
      {
        id: 'double.matches-reference',
        task,
        weight: 3,
        calls: ['double'],
        name: 'double(x) is 2x for generated integers x',
        hint: 'Return x + x (or 2 * x).',
      },
      (student) => agrees(student, integer, { module: task, name: 'double', args: (x) => [x], expected: double }),
    ),
    check(
      {
        id: 'double.zero-and-odd',
        task,
        weight: 1,
        calls: ['double'],
        name: 'double(0) is 0 and double(-x) is -double(x)',
        hint: 'Twice nothing is nothing, and doubling commutes with changing sign: add nothing to the result.',
      },
      async (student) => {
        await expectCall(student, task, 'double', [0], 0);
        await holds(
          student,
          integer,
          async (x) => expectClose(`double(${-x})`, await student.call(task, 'double', [-x]), -((await student.call(task, 'double', [x])) as number)),
          (x) => [
            { module: task, name: 'double', args: [-x] },
            { module: task, name: 'double', args: [x] },
          ],
        );
      },
    ),
  ],
};
