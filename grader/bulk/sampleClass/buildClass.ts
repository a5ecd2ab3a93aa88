// Builds a class folder from a plan: each student's submission made from the
// fixture corpus (grader/fixtures/submissions), handed in the ways students
// hand work in (a folder, a git repository with dated commits, a zip) or in
// ways bulk must survive (a stray file, an empty folder, a zip-slip archive).
// Used by `npm run example:class` and by the benchmark.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import { type CorpusAssignment, fixtureFiles, loadFixtureCorpus, type Fixture } from '../../corpus/fixtureCorpus.ts';
import { makeRepository } from '../git/makeRepository.ts';
import { writeZip } from '../zip/writeZip.ts';

export type HandIn =
  /** <id>/exercises/... */
  | { as: 'folder'; fixture: string }
  /** <id>/<module>.ts ... */
  | { as: 'flat-folder'; fixture: string }
  /** <id>.zip holding <id>-main/exercises/... */
  | { as: 'zip'; fixture: string }
  /** <id>.zip holding the files at its root */
  | { as: 'flat-zip'; fixture: string }
  /** a git repository <id>/ with exercises/, one commit per entry, in order */
  | { as: 'git'; commits: { fixture: string; date: string; message: string }[] }
  /** <id>.txt: not a submission */
  | { as: 'text'; text: string }
  /** <id>/ with nothing in it */
  | { as: 'empty' }
  /** <id>.zip whose entry climbs out of the folder */
  | { as: 'zip-slip'; fixture: string };

export type StudentPlan = HandIn & { id: string; note?: string };

export interface ClassPlan {
  students: StudentPlan[];
}

/** Writes the class into `classDir`, replacing what was there, its submissions made from `assignment`'s fixtures. */
export async function buildClass(classDir: string, plan: ClassPlan, assignment: CorpusAssignment): Promise<void> {
  await rm(classDir, { recursive: true, force: true });
  await mkdir(classDir, { recursive: true });
  const corpus = await loadFixtureCorpus(assignment);
  const cache = new Map<string, Map<string, string>>();
  const filesOf = async (name: string): Promise<Map<string, string>> => {
    let files = cache.get(name);
    if (!files) {
      const fixture: Fixture | undefined = corpus.find((f) => f.name === name);
      if (!fixture) throw new ReluLabError('internal', `the class plan names fixture "${name}", which grader/fixtures/submissions does not have`);
      files = await fixtureFiles(fixture);
      cache.set(name, files);
    }
    return files;
  };
  const under = (prefix: string, files: Map<string, string>) => new Map([...files].map(([rel, text]) => [`${prefix}${rel}`, text]));

  for (const student of plan.students) {
    const at = path.join(classDir, student.id);
    switch (student.as) {
      case 'folder':
      case 'flat-folder': {
        const files = await filesOf(student.fixture);
        for (const [rel, text] of under(student.as === 'folder' ? 'exercises/' : '', files)) {
          await mkdir(path.dirname(path.join(at, rel)), { recursive: true });
          await writeFile(path.join(at, rel), text);
        }
        break;
      }
      case 'zip':
      case 'flat-zip': {
        const files = under(student.as === 'zip' ? `${student.id}-main/exercises/` : '', await filesOf(student.fixture));
        await writeZip(
          `${at}.zip`,
          [...files].map(([name, data]) => ({ name, data })),
        );
        break;
      }
      case 'zip-slip':
        await writeZip(
          `${at}.zip`,
          [...under('exercises/', await filesOf(student.fixture))]
            .map(([name, data]) => ({ name, data }))
            .concat([{ name: `../../${student.id}-escaped.ts`, data: 'export {};\n' }]),
        );
        break;
      case 'git': {
        const commits = [];
        let previous: string[] = [];
        for (const c of student.commits) {
          const files = under('exercises/', await filesOf(c.fixture));
          commits.push({ files, remove: previous.filter((f) => !files.has(f)), date: c.date, message: c.message });
          previous = [...files.keys()];
        }
        await makeRepository(at, { author: student.id, email: `${student.id}@students.example`, commits });
        break;
      }
      case 'text':
        await writeFile(`${at}.txt`, student.text);
        break;
      case 'empty':
        await mkdir(at, { recursive: true });
        break;
    }
  }
}
