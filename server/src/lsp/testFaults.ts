// Fault injection for the protocol tests, switched on by environment variables only; inert in normal use.

/**
 * `GITOPS_WAVES_TEST_ABORT_MARKER`: when set (non-empty), the server aborts the process (SIGABRT,
 * like a V8 fatal error) just before parsing a file whose text contains this marker. It simulates
 * a parser crash for the quarantine tests.
 */
export const ABORT_MARKER_VARIABLE = 'GITOPS_WAVES_TEST_ABORT_MARKER';

/** `GITOPS_WAVES_TEST_FAULTS=1` registers the `gitopsWaves/test/throw` request. */
export const FAULTS_VARIABLE = 'GITOPS_WAVES_TEST_FAULTS';

/** Aborts the process when the text carries the configured test marker (see {@link ABORT_MARKER_VARIABLE}). */
export function abortIfTestMarker(text: string): void {
  const marker = process.env[ABORT_MARKER_VARIABLE];
  if (marker && text.includes(marker)) process.abort();
}

/** True when the test-only failing request should be registered. */
export function testFaultsEnabled(): boolean {
  return process.env[FAULTS_VARIABLE] === '1';
}
