// textDocument/codeAction: the findings' fixes as quick fixes (edits in any file), fix-all per rule, and source.fixAll.
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { codeActionsAt, fixAllInFile, type CodeActionData } from '../../analysis/queries/codeActions';
import type { TextEdit as CoreTextEdit } from '../../analysis/fixes/types';
import { guardRequest, throwIfCancelled } from '../guard';
import { findingToDiagnostic } from '../toProtocol';
import { currentAnalysedFile, type AnalysisConversion } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Our `source.fixAll` kind, so clients can run it on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gitopsWaves`;

/** The kinds the server returns (declared in the capabilities). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Registers the code action provider. */
export function registerCodeActions(context: FeatureContext): void {
  context.connection.onCodeAction(guardRequest(context.log, 'textDocument/codeAction', async (params: CodeActionParams, token): Promise<CodeAction[]> => {
    // Edits are offsets into the analysed text: never offer them for a text the client no longer has.
    const file = await currentAnalysedFile(context.workspace, context.documents, params.textDocument.uri, token);
    if (!file?.current) return [];
    const { conversion, repoPath } = file;
    const start = conversion.offset(repoPath, params.range.start) ?? 0;
    const end = conversion.offset(repoPath, params.range.end) ?? start;
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
    const actions: CodeActionData[] = [];
    if (wants(CodeActionKind.QuickFix)) actions.push(...codeActionsAt(conversion.result.findings, repoPath, { start, end }));
    throwIfCancelled(token);
    const fixAll = wants(FIX_ALL_KIND) && only !== undefined ? fixAllInFile(conversion.result.findings, repoPath) : undefined;
    if (fixAll) actions.push(fixAll);
    // An edit in another open document that changed since the analysis would land in the wrong place: leave such actions out.
    const stale = (repoPath: string): boolean => {
      const document = context.documents.get(conversion.uriOf(repoPath));
      return document !== undefined && conversion.result.input.openDocuments.get(repoPath)?.version !== document.version;
    };
    return actions.filter((action) => !action.edits.some((edit) => stale(edit.file))).map((action) => toCodeAction(conversion, action));
  }));
}

function toCodeAction(conversion: AnalysisConversion, action: CodeActionData): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'source.fixAll' ? FIX_ALL_KIND : CodeActionKind.QuickFix,
    isPreferred: action.preferred || undefined,
    diagnostics: action.kind === 'quickfix' ? action.findings.map((finding) => findingToDiagnostic(finding, { uriOf: (path) => conversion.uriOf(path), linesOf: (path) => conversion.lines(path) })) : undefined,
    edit: workspaceEdit(conversion, action.edits),
  };
}

/** Edits grouped per document URI (`changes`: every client supports it). */
function workspaceEdit(conversion: AnalysisConversion, edits: readonly CoreTextEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const uri = conversion.uriOf(edit.file);
    (changes[uri] ??= []).push({ range: conversion.range(edit.file, edit.span), newText: edit.newText });
  }
  return { changes };
}
