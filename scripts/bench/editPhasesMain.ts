// Command-line entry of the edit-phases measure: prints one JSON line (bundled and run by runEditPhases.mjs).
import { measureEditPhases, type EditKind } from './editPhases';

const [root, file, edits, kind] = process.argv.slice(2);
if (root === undefined || file === undefined) {
  process.stderr.write('usage: editPhasesMain.js <repository> <file to edit> [edits] [append|add-file|rename|cut-path|label|wave|toggle-entry|copy]\n');
  process.exit(2);
}
void measureEditPhases(root, file, Number(edits ?? 10), (kind ?? 'append') as EditKind).then((editPhases) => process.stdout.write(`${JSON.stringify({ editPhases })}\n`));
