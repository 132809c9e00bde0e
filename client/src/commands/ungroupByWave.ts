// Command gitopsWaves.ungroupByWave: lists each Application's children in the tree without "Wave N" rows.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const UNGROUP_BY_WAVE_COMMAND = 'gitopsWaves.ungroupByWave';

/** Registers the command (the title-bar toggle shows it while the tree is grouped). */
export function registerUngroupByWaveCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(UNGROUP_BY_WAVE_COMMAND, () => context.tree.setGroupByWave(false));
}
