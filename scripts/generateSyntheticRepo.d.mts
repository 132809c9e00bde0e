// Type declarations of scripts/generateSyntheticRepo.mjs, so that TypeScript tests can call the generator.

/** Bumped whenever the generator's output changes. */
export declare const GENERATOR_VERSION: number;

/** The repoURL every generated Application uses. */
export declare const SYNTHETIC_REPO_URL: string;

/** How big a repository to generate, and from which seed. */
export interface SyntheticRepoOptions {
  /** Number of Applications (explicit plus generated). */
  apps: number;
  /** PRNG seed; the same seed gives byte-identical output. Default 1. */
  seed?: number;
}

/** One Application of the plan. */
export interface PlannedApplication {
  name: string;
  folder: string;
  namespace: string;
  /** `explicit`, or the name of the ApplicationSet that generates it. */
  origin: string;
  wave?: number;
  flavour: 'kustomize' | 'kustomize-helm' | 'helm-chart';
}

/** One ApplicationSet of the plan. */
export interface PlannedApplicationSet {
  name: string;
  type: 'git' | 'list' | 'matrix';
  team: string;
  area: string;
  wave: number;
  apps: PlannedApplication[];
}

/** Decides every Application and ApplicationSet, without writing anything. */
export declare function planSyntheticRepo(options: SyntheticRepoOptions): {
  applications: PlannedApplication[];
  applicationSets: PlannedApplicationSet[];
  seed: number;
};

/** What generateSyntheticRepo wrote. */
export interface SyntheticRepoSummary {
  generatorVersion: number;
  apps: number;
  seed: number;
  files: number;
  bytes: number;
  /** Kubernetes objects written as plain YAML documents (Helm templates, values and kustomizations excluded). */
  resources: number;
  explicitApplications: number;
  applicationSets: number;
  generatedApplications: number;
  applicationNames: string[];
}

/** Writes the repository into outDir (which must not exist or be empty). */
export declare function generateSyntheticRepo(outDir: string, options: SyntheticRepoOptions): SyntheticRepoSummary;
