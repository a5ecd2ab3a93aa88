// Canvas's "Download Submissions" names each file
// `name_[LATE_]userid_attachmentid_originalname`, with `-1`, `-2`... before
// the extension of a file uploaded again under the same name (Canvas's guide
// "How do I download all student submissions for an assignment?"; parsed the
// same way by otter-grader's CanvasParser, ucbds-infra/otter-grader,
// otter/grade/metadata.py).
import { describe, expect, test } from 'vitest';
import { parseCanvasFileName } from './canvasFileName.ts';

describe('parseCanvasFileName', () => {
  test('splits the slug, user id, attachment id and original name', () => {
    expect(parseCanvasFileName('lovelaceada_12345_700001_activations.ts')).toEqual({
      slug: 'lovelaceada',
      userId: '12345',
      attachmentId: '700001',
      late: false,
      originalName: 'activations.ts',
      version: 0,
    });
  });

  test('LATE is recorded, and a -N resubmission suffix is stripped into a version', () => {
    expect(parseCanvasFileName('babbagecharles_LATE_12346_700010_activations-2.ts')).toMatchObject({
      userId: '12346',
      late: true,
      originalName: 'activations.ts',
      version: 2,
    });
    expect(parseCanvasFileName('a_1_2_dead-neurons.ts')).toMatchObject({ originalName: 'dead-neurons.ts', version: 0 });
    expect(parseCanvasFileName('a_1_2_dead-neurons-1.ts')).toMatchObject({ originalName: 'dead-neurons.ts', version: 1 });
    expect(parseCanvasFileName('a_1_2_submission-3.zip')).toMatchObject({ originalName: 'submission.zip', version: 3 });
  });

  test('an original name with underscores keeps them', () => {
    expect(parseCanvasFileName('hoppergrace_12347_700008_my_work.zip')).toMatchObject({ slug: 'hoppergrace', originalName: 'my_work.zip' });
  });

  test("names that are not Canvas's are not parsed: plain ids, missing ids, huge ids or slugs", () => {
    for (const name of [
      'alice.zip',
      'alice',
      'alice_12345_activations.ts',
      'al ice_1_2_x.ts',
      `a_${'9'.repeat(21)}_2_x.ts`,
      `${'a'.repeat(201)}_1_2_x.ts`,
      '_1_2_x.ts',
    ])
      expect(parseCanvasFileName(name), name).toBeNull();
  });

  test('what follows the ids is kept as text: path tricks and controls are for the caller to make safe', () => {
    // the original name is never used as a path as it is (prepareEntry's safeSegment makes it one segment)
    expect(parseCanvasFileName('a_1_2_..')?.originalName).toBe('..');
    expect(parseCanvasFileName('a_1_2_x\u001b[2J.ts')?.originalName).toBe('x\u001b[2J.ts');
  });
});
