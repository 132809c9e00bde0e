// The git generator: checks the repository is this one, then runs the directories or files variant.
import { externalRepository } from '../../rules/appset/external-repository';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { gitDirectoriesGenerator } from './gitDirectoriesGenerator';
import { gitFilesGenerator } from './gitFilesGenerator';
import type { GeneratorImplementation } from './generatorTypes';

/**
 * Reads the analysed repository's working tree (the generator's `revision` is not checked out).
 * Another `repoURL`, or one still holding an unresolved template, makes the result incomplete.
 */
export const gitGenerator: GeneratorImplementation = (body, bodyPath, input, environment) => {
  const repoURL = body.repoURL;
  if (typeof repoURL !== 'string' || repoURL === '') {
    environment.report(invalidGenerator, 'The git generator needs a repoURL.', bodyPath);
    return [];
  }
  if (repoURL.includes('{{') || !environment.context.isThisRepository(repoURL)) {
    environment.report(externalRepository, `Reads ${repoURL}, which is not the repository analysed here: its Applications are not listed.`, [...bodyPath, 'repoURL'], 'value');
    environment.markIncomplete();
    return [];
  }
  const hasDirectories = Array.isArray(body.directories) && body.directories.length > 0;
  const hasFiles = Array.isArray(body.files) && body.files.length > 0;
  if (hasDirectories) return gitDirectoriesGenerator(body, bodyPath, input, environment);
  if (hasFiles) return gitFilesGenerator(body, bodyPath, input, environment);
  environment.report(invalidGenerator, 'The git generator needs directories or files.', bodyPath);
  return [];
};
