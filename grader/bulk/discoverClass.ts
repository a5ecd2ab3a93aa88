// What an instructor downloaded, read as one entry per student. The class
// folder's source is chosen from what it holds (or forced with --from):
//
//   gradescope  a `submission_metadata.yml` at the top (or one folder down,
//               as the export zip wraps it), or a single zip holding one;
//               SUBMISSIONS may also be the export zip itself
//   canvas      loose files named as Canvas's "Download Submissions" names them
//   classroom   repositories named `<assignment>-<login>`, as `gh classroom
//               clone student-repos` makes them
//   folders     anything else: one folder, repository or zip per student
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import { sanitiseText } from '../core/sanitiseText.ts';
import { parseCanvasFileName } from '../intake/platform/canvasFileName.ts';
import { classroomLogin, classroomPrefix } from '../intake/platform/classroomRepoName.ts';
import { GRADESCOPE_METADATA, readGradescopeMetadata } from '../intake/platform/gradescopeMetadata.ts';
import { entryKind, IGNORED_NAMES } from './discoverEntries.ts';
import { canvasEntries, type ListedItem } from './sources/canvasEntries.ts';
import { gradescopeEntries } from './sources/gradescopeEntries.ts';
import { studentId } from './studentId.ts';
import { type BulkEntry, type IntakeSource, unknownIdentity } from './types.ts';
import { extractZip, type ZipLimits } from './zip/extractZip.ts';
import { zipHolds } from './zip/zipHolds.ts';

export const INTAKE_SOURCES: readonly IntakeSource[] = ['canvas', 'gradescope', 'classroom', 'folders'];

/** A whole class's export: far more than one student's zip, still bounded. */
export const EXPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 200_000, maxTotalBytes: 2 * 1024 * 1024 * 1024 };

export interface DiscoveredClass {
  source: IntakeSource;
  entries: BulkEntry[];
  /** what was found odd but did not stop the run (a folder the metadata does not name...), sanitised */
  problems: string[];
}

export interface DiscoverOptions {
  /** --from: the source, instead of telling it from the folder */
  from: IntakeSource | null;
  /** a private folder where an export zip is unpacked */
  workDir: string;
}

export async function discoverClass(submissions: string, options: DiscoverOptions): Promise<DiscoveredClass> {
  let root = path.resolve(submissions);
  const info = await stat(root).catch(() => null);
  if (info?.isFile() && root.toLowerCase().endsWith('.zip')) root = await unpackExport(root, options.workDir);
  else if (!info?.isDirectory())
    throw new ReluLabError(
      'submission-missing',
      `No submissions folder at ${submissions}. Pass a folder with one entry per student (a folder, a git repository or a .zip), a Canvas or Gradescope download, or Gradescope's export zip.`,
    );
  let items = await listItems(root);
  // a folder holding only Gradescope's export zip, as downloaded
  if (items.length === 1 && items[0].kind === 'zip' && options.from !== 'canvas' && options.from !== 'folders') {
    if (options.from === 'gradescope' || (await zipHolds(items[0].path, GRADESCOPE_METADATA))) {
      root = await unpackExport(items[0].path, options.workDir);
      items = await listItems(root);
    }
  }
  const metadataDir = options.from === 'canvas' || options.from === 'classroom' || options.from === 'folders' ? null : await findMetadata(root, items);
  if (options.from === 'gradescope' && !metadataDir)
    throw new ReluLabError(
      'submission-missing',
      `--from gradescope: ${submissions} holds no ${GRADESCOPE_METADATA}. Pass Gradescope's "Export Submissions" zip as downloaded, or the folder it unpacks to.`,
    );
  if (metadataDir) return fromGradescope(metadataDir);
  const source = options.from ?? detect(root, items);
  switch (source) {
    case 'canvas':
      return { source, entries: canvasEntries(items, plainEntry('canvas')), problems: [] };
    case 'classroom':
      return fromClassroom(root, items);
    default:
      return { source: 'folders', entries: items.map(plainEntry('folders')), problems: [] };
  }
}

function detect(root: string, items: readonly ListedItem[]): IntakeSource {
  const files = items.filter((i) => i.kind !== 'folder' && i.kind !== 'git');
  if (files.length > 0 && files.filter((i) => parseCanvasFileName(i.name)).length * 2 >= files.length) return 'canvas';
  const folders = items.filter((i) => i.kind === 'folder' || i.kind === 'git');
  if (
    folders.length === items.length &&
    folders.some((i) => i.kind === 'git') &&
    classroomPrefix(
      path.basename(root),
      folders.map((i) => i.name),
    )
  )
    return 'classroom';
  return 'folders';
}

async function fromGradescope(dir: string): Promise<DiscoveredClass> {
  const text = await readFile(path.join(dir, GRADESCOPE_METADATA), 'utf8');
  const metadata = readGradescopeMetadata(text);
  if (metadata.kind === 'invalid')
    throw new ReluLabError(
      'submission-missing',
      `${GRADESCOPE_METADATA} cannot be read: ${metadata.reason}. Download the export again, or pass --from folders to grade its folders under their names.`,
    );
  const items = (await listItems(dir)).filter((i) => i.name !== GRADESCOPE_METADATA);
  const { entries, problems } = await gradescopeEntries(dir, metadata.submissions, items, plainEntry('gradescope'));
  return { source: 'gradescope', entries, problems: [...metadata.problems, ...problems] };
}

function fromClassroom(root: string, items: readonly ListedItem[]): DiscoveredClass {
  const prefix = classroomPrefix(
    path.basename(root),
    items.map((i) => i.name),
  );
  const problems: string[] = [];
  const entries = items.map((item) => {
    const login = prefix ? classroomLogin(item.name, prefix) : null;
    if (!login) {
      problems.push(`${sanitiseText(item.name, { singleLine: true })} is not named <assignment>-<login>; it is graded under its own name`);
      return plainEntry('classroom')(item);
    }
    return { ...plainEntry('classroom')(item), id: studentId(login, false), identity: { ...unknownIdentity('classroom'), githubLogin: login } };
  });
  return { source: 'classroom', entries, problems };
}

/** An item graded as a plain class folder's entry would be, with its source. */
const plainEntry =
  (source: IntakeSource) =>
  (item: ListedItem): BulkEntry => ({
    id: studentId(item.name, item.kind !== 'folder' && item.kind !== 'git'),
    name: item.name,
    path: item.path,
    kind: item.kind,
    identity: unknownIdentity(source),
  });

/** The folder holding the metadata: the root, or its only folder (the export zip wraps everything in one). */
async function findMetadata(root: string, items: readonly ListedItem[]): Promise<string | null> {
  if (items.some((i) => i.name === GRADESCOPE_METADATA && i.kind === 'other')) return root;
  const folders = items.filter((i) => i.kind === 'folder');
  if (items.length === 1 && folders.length === 1) {
    const inner = await listItems(folders[0].path);
    if (inner.some((i) => i.name === GRADESCOPE_METADATA && i.kind === 'other')) return folders[0].path;
  }
  return null;
}

async function unpackExport(zip: string, workDir: string): Promise<string> {
  const target = path.join(workDir, 'export');
  const extracted = await extractZip(zip, target, EXPORT_ZIP_LIMITS);
  if (extracted.kind === 'refused')
    throw new ReluLabError(
      'submission-missing',
      `The export ${path.basename(zip)} could not be unpacked: ${extracted.reason}. Download it again, or unpack it yourself and pass the folder.`,
    );
  return target;
}

/** The visible items of a folder, sorted by name, each with what it is. */
async function listItems(root: string): Promise<ListedItem[]> {
  const names = (await readdir(root)).filter((n) => !n.startsWith('.') && !IGNORED_NAMES.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const items: ListedItem[] = [];
  for (const name of names) {
    const full = path.join(root, name);
    items.push({ name, path: full, kind: await entryKind(full, name) });
  }
  return items;
}
