// Command gitopsWaves.groupByWave: groups each Application's children in the tree under "Wave N" rows.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const GROUP_BY_WAVE_COMMAND = 'gitopsWaves.groupByWave';

/** Registers the command (the title-bar toggle shows it while the tree is not grouped). */
export function registerGroupByWaveCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(GROUP_BY_WAVE_COMMAND, () => context.tree.setGroupByWave(true));
}
