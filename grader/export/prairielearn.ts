// PrairieLearn's external grader results (/grade/results/results.json), as
// PrairieLearn's external grading documentation defines them
// (https://docs.prairielearn.com/externalGrading/): score from 0 to 1,
// points per test, a message, and pictures as `images` ({ label, url } with
// a data URL).
//
// `gradable: false` (no attempt charged, nothing changes the student's
// score) when the submission does not compile, with each compile error in
// `format_errors`, and when relu-lab itself could not grade. PrairieLearn
// rejects results over 1 MB: feedback, then pictures, are shortened to fit.
// Students read no stack trace (testOutput's studentText).
import type { FigureView } from '../report/ReportView.ts';
import type { ResultsDocument } from '../results/types.ts';
import { outcomeLine, studentText, testOutput } from './testOutput.ts';

export interface PrairieLearnImage {
  label: string;
  /** a data URL: `data:image/svg+xml;base64,…` */
  url: string;
}

export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output: string;
  format_errors?: string[];
  images?: PrairieLearnImage[];
  tests: PrairieLearnTest[];
}

export interface PrairieLearnOptions {
  /** the assignment's pictures of this submission (its report hooks' figures); those with an SVG are sent as images */
  figures?: readonly FigureView[];
}

/** PrairieLearn's limit is 1 MB; stay well below it. */
export const PRAIRIELEARN_MAX_BYTES = 900_000;

/** A figure as PrairieLearn shows an image: its title and the SVG as a base64 data URL. */
export function figureImage(figure: FigureView): PrairieLearnImage | null {
  if (!figure.svg) return null;
  return { label: figure.title, url: `data:image/svg+xml;base64,${Buffer.from(figure.svg.toString(), 'utf8').toString('base64')}` };
}

export function prairieLearnResults(doc: ResultsDocument, opts: PrairieLearnOptions = {}): PrairieLearnResults {
  if (doc.outcome.kind === 'grader-error') return prairieLearnFailure(doc.outcome.message);
  if (doc.diagnostics.length > 0) return notCompiled(doc);
  const allImages = (opts.figures ?? []).map(figureImage).filter((i): i is PrairieLearnImage => i !== null);
  for (const [perTest, images] of [
    [4000, allImages],
    [1000, allImages],
    [1000, []],
    [200, []],
    [0, []],
  ] as const) {
    const results: PrairieLearnResults = {
      gradable: true,
      score: doc.score.possible > 0 ? Math.min(1, Math.max(0, doc.score.earned / doc.score.possible)) : 0,
      message: outcomeLine(doc),
      output: '',
      ...(images.length > 0 ? { images: [...images] } : {}),
      tests: doc.tests.map((test) => ({
        name: test.name,
        description: `${test.task} · ${test.id}`,
        points: test.earned,
        max_points: test.possible,
        message: test.status === 'passed' ? '' : studentText(test.message ?? test.status).slice(0, Math.max(200, perTest)),
        output: perTest > 0 ? testOutput(test, perTest) : '',
      })),
    };
    if (Buffer.byteLength(JSON.stringify(results)) <= PRAIRIELEARN_MAX_BYTES) return results;
  }
  return {
    ...prairieLearnFailure('the feedback was too large to send'),
    gradable: true,
    score: doc.score.possible > 0 ? doc.score.earned / doc.score.possible : 0,
  };
}

/** Code that does not compile: not gradable, so the attempt is not charged; each error in `format_errors`. */
function notCompiled(doc: ResultsDocument): PrairieLearnResults {
  const errors = doc.diagnostics.slice(0, 50).map((d) => `${d.file}:${d.line}:${d.column} ${studentText(d.message).slice(0, 2000)}`);
  const files = [...new Set(doc.diagnostics.map((d) => d.file))];
  return {
    gradable: false,
    score: 0,
    message: `${files.join(', ')} did not compile: fix the error${errors.length === 1 ? '' : 's'} below and submit again (this attempt is not counted).`,
    output: '',
    format_errors: errors,
    tests: [],
  };
}

export function prairieLearnFailure(message: string): PrairieLearnResults {
  const short = studentText(message);
  return { gradable: false, score: 0, message: `relu-lab could not grade this submission: ${short}`, output: '', format_errors: [short], tests: [] };
}
