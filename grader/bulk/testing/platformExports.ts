// Builds class folders the way each platform builds its download, from a
// submission's files (the corpus in grader/fixtures/submissions, or a few
// lines of a test), so the intake is tested on what instructors download
// and the repository holds no binary blobs. Sources of each format:
//
// Canvas "Download Submissions" (a zip of loose files): each file is named
//   `<name>_[LATE_]<user id>_<attachment id>_<original name>`, the name being
//   the student's sortable name lowercased with everything but letters and
//   digits dropped, `LATE_` for work past the due date, and `-1`, `-2`...
//   before the extension of a file uploaded again under the same name.
//   Documented by Canvas's guide "How do I download all student submissions
//   for an assignment?" and parsed so by, for example, otter-grader's
//   CanvasParser (ucbds-infra/otter-grader, otter/grade/metadata.py: the
//   identifier is what comes before the first underscore of
//   `somestudent_12345_67890_SomeStudent.ipynb`).
// Gradescope "Export Submissions" (a zip): one folder
//   `assignment_<id>_export/` holding `submission_<id>/` per submission and
//   `submission_metadata.yml`, a mapping from each folder to Ruby-symbol keys
//   `:submitters:` (each with `:name:`, `:sid:`, `:email:`), `:created_at:`,
//   `:score:`, `:history:`. Read so by otter-grader's GradescopeParser (same
//   file: `metadata[folder][":submitters"]`, `submitter[":name"]`), by
//   rhattark/SER594 hw2/hw2q3_Hattarki.py (`:submitters`, `:sid`,
//   `:created_at`, `:score`, `:history`) and by a public test that builds the
//   export under `assignment_8046601_export/` with a group's two submitters
//   listed under one folder.
// GitHub Classroom: `gh classroom clone student-repos -a ID` (the
//   github/gh-classroom extension) clones into `<assignment>-submissions/`
//   one repository per student, named `<assignment>-<login>` as Classroom
//   names the repositories it creates.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtureFiles, loadFixtureCorpus } from '../../corpus/fixtureCorpus.ts';
import { assignment } from '../../course/assignment.ts';
import { makeRepository } from '../git/makeRepository.ts';
import { writeZip, zipBuffer, zipItemsOf } from '../zip/writeZip.ts';

/** The files of one of the course's corpus submissions (`passes-all-loops`, `fails-relu-grad-at-zero`...), by name (`activations.ts`...). */
export async function corpusFiles(fixture: string): Promise<Map<string, string>> {
  const found = (await loadFixtureCorpus(assignment)).find((f) => f.name === fixture);
  if (!found) throw new Error(`grader/fixtures/submissions has no fixture ${fixture}`);
  return fixtureFiles(found);
}

export interface CanvasStudent {
  /** Canvas's slug of the sortable name, `lovelaceada` */
  slug: string;
  userId: number;
  files: ReadonlyMap<string, string>;
  late?: boolean;
  /** files uploaded again: the first upload keeps the plain name with these contents, the last one gets `-N` */
  resubmitted?: ReadonlyMap<string, string[]>;
  /** hand the files in as one zip of this name instead of loose files */
  zipName?: string;
}

/** A Canvas "Download Submissions" folder (unzipped, as instructors grade it). Returns the names written. */
export async function buildCanvasDownload(dir: string, students: readonly CanvasStudent[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  let attachment = 700_000;
  const written: string[] = [];
  const put = async (student: CanvasStudent, original: string, data: string | Buffer) => {
    attachment += 1;
    const name = `${student.slug}_${student.late ? 'LATE_' : ''}${student.userId}_${attachment}_${original}`;
    await writeFile(path.join(dir, name), data);
    written.push(name);
  };
  for (const student of students) {
    if (student.zipName) {
      await put(student, student.zipName, zipBuffer(zipItemsOf(student.files, 'exercises/')));
      continue;
    }
    for (const [name, data] of student.files) {
      // Canvas takes single files: a submission with folders is handed in as a zip
      if (name.includes('/')) throw new Error(`${name}: Canvas's loose files have no folders; give the student a zipName`);
      const versions = student.resubmitted?.get(name);
      if (!versions) {
        await put(student, name, data);
        continue;
      }
      // the first upload under its name, each later one with -1, -2...; the last holds `data`
      const all = [...versions, data];
      for (const [n, text] of all.entries()) await put(student, n === 0 ? name : name.replace(/(\.[^.]+)?$/, `-${n}$1`), text);
    }
  }
  return written;
}

export interface GradescopeSubmissionSpec {
  submissionId: number;
  submitters: { name: string; sid: string; email: string }[];
  files: ReadonlyMap<string, string>;
  createdAt?: string;
  score?: number;
}

/** The yml Gradescope writes for these submissions (Ruby symbols as keys, Ruby's Time format). */
export function gradescopeMetadataYaml(submissions: readonly GradescopeSubmissionSpec[]): string {
  const lines: string[] = [];
  for (const s of submissions) {
    lines.push(`submission_${s.submissionId}:`, '  :submitters:');
    for (const p of s.submitters) lines.push(`  - :name: ${p.name}`, `    :sid: '${p.sid}'`, `    :email: ${p.email}`);
    lines.push(`  :created_at: ${s.createdAt ?? '2026-03-01 21:14:03.418202000 -08:00'}`, `  :score: ${(s.score ?? 0).toFixed(1)}`, '  :history: []');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Gradescope's export: `assignment_<id>_export/` with the submissions'
 * folders and the metadata, as a zip at `zipPath` or, without it, unpacked
 * into `dir`. `extraYaml` is appended to the metadata (for hostile tests).
 */
export async function buildGradescopeExport(
  target: { zipPath: string } | { dir: string },
  submissions: readonly GradescopeSubmissionSpec[],
  options: { assignmentId?: number; extraYaml?: string } = {},
): Promise<void> {
  const root = `assignment_${options.assignmentId ?? 8046601}_export/`;
  const files = new Map<string, string>();
  files.set(`${root}submission_metadata.yml`, gradescopeMetadataYaml(submissions) + (options.extraYaml ?? ''));
  for (const s of submissions) for (const [name, data] of s.files) files.set(`${root}submission_${s.submissionId}/${name}`, data);
  if ('zipPath' in target) return writeZip(target.zipPath, zipItemsOf(files));
  for (const [name, data] of files) {
    await mkdir(path.dirname(path.join(target.dir, name)), { recursive: true });
    await writeFile(path.join(target.dir, name), data);
  }
}

/** `gh classroom clone student-repos`'s folder: `<assignment>-submissions/<assignment>-<login>/`, each a git repository. */
export async function buildClassroomClone(
  parent: string,
  assignment: string,
  students: readonly { login: string; files: ReadonlyMap<string, string> }[],
): Promise<string> {
  const dir = path.join(parent, `${assignment}-submissions`);
  for (const s of students)
    await makeRepository(path.join(dir, `${assignment}-${s.login}`), {
      author: s.login,
      email: `${s.login}@users.noreply.github.com`,
      commits: [{ files: new Map([...s.files].map(([n, d]) => [`exercises/${n}`, d])), date: '2026-02-28T10:00:00Z', message: 'submit' }],
    });
  return dir;
}
