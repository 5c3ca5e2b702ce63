import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/** Default limit for one git command (a clone or fetch of a large repository over a slow link). */
export const DEFAULT_GIT_TIMEOUT_MILLISECONDS = 120_000;

/** Longest stderr kept from a failed command; enough for git's `fatal:` lines. */
const STDERR_LIMIT = 16 * 1024;

/**
 * `-c` options given to every command: no credential helper (nothing pops up or reads a keychain),
 * no configured askpass program, no hooks, no `ext::` URLs (they run arbitrary commands).
 */
const SAFE_CONFIG = [
  'credential.helper=',
  'core.askPass=',
  'core.hooksPath=/dev/null',
  'protocol.ext.allow=never',
].flatMap((setting) => ['-c', setting]);

/** Variables that would point git at another repository than the one we name. */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
];

/**
 * The environment git runs in: never prompts (no terminal, no askpass program), English messages so
 * stderr can be recognised, and no inherited variable that redirects it to another repository.
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_VARIABLES) delete environment[name];
  delete environment.SSH_ASKPASS;
  environment.GIT_TERMINAL_PROMPT = '0';
  environment.GIT_ASKPASS = '';
  environment.SSH_ASKPASS_REQUIRE = 'never';
  environment.LC_ALL = 'C';
  environment.LANGUAGE = 'C';
  return environment;
}

/** Arguments that run a git subcommand with the safe options, against `gitDirectory` when given. */
export function gitArguments(args: readonly string[], gitDirectory?: string): string[] {
  const location = gitDirectory === undefined ? [] : [`--git-dir=${gitDirectory}`];
  return [...SAFE_CONFIG, ...location, ...args];
}

export interface GitCommandOptions {
  /** The bare repository to run in; absent for commands that do not need one (clone). */
  gitDirectory?: string;
  timeoutMilliseconds?: number;
  signal?: AbortSignal;
  /** Written to git's stdin, which is then closed. */
  input?: string;
}

export interface GitCommandResult {
  stdout: Buffer;
  stderr: string;
}

/** Why a git command failed: it exited with an error, ran out of time, is not installed or did not start. */
export type GitFailure = 'exit' | 'timeout' | 'not_installed' | 'spawn';

/** A git command that could not run, exited with a non-zero status or ran out of time. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  /** The subcommand (`clone`, `fetch`…). */
  readonly subcommand: string;
  /** What git wrote to stderr. */
  readonly stderr: string;
  /** Exit status; undefined when the process did not start or was killed. */
  readonly exitCode: number | undefined;
  readonly failure: GitFailure;

  constructor(options: {
    message: string;
    subcommand: string;
    stderr?: string;
    exitCode?: number;
    failure: GitFailure;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.subcommand = options.subcommand;
    this.stderr = options.stderr ?? '';
    this.exitCode = options.exitCode;
    this.failure = options.failure;
  }
}

/**
 * Runs `git ARGS` without a shell and collects its output. Rejects with a GitCommandError on a non-zero
 * exit or a timeout, and with the signal's reason when aborted. The process gets its own process group
 * (and so no controlling terminal, which keeps ssh from prompting); a timeout or an abort kills the group.
 */
export function runGit(args: readonly string[], options: GitCommandOptions = {}): Promise<GitCommandResult> {
  const { gitDirectory, timeoutMilliseconds = DEFAULT_GIT_TIMEOUT_MILLISECONDS, signal, input } = options;
  const subcommand = args[0] ?? '';
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawnGit(args, { gitDirectory, stdin: input === undefined ? 'ignore' : 'pipe' });
    if (input !== undefined) {
      // EPIPE when git exits before reading everything; its exit status tells what happened.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input);
    }
    const stdout: Buffer[] = [];
    let stderr = '';
    let stoppedBy: 'timeout' | 'abort' | undefined;
    const stop = (reason: 'timeout' | 'abort') => {
      stoppedBy = reason;
      killProcessGroup(child);
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMilliseconds);
    const onAbort = () => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };

    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle();
      const failure = error.code === 'ENOENT' ? 'not_installed' : 'spawn';
      const message = `git ${subcommand} could not start: ${error.message}`;
      reject(new GitCommandError({ message, subcommand, failure, cause: error }));
    });
    child.on('close', (exitCode) => {
      settle();
      if (stoppedBy === 'abort') {
        reject(signal?.reason);
      } else if (stoppedBy === 'timeout') {
        const message = `git ${subcommand} timed out after ${Math.round(timeoutMilliseconds / 1000)} s`;
        reject(new GitCommandError({ message, subcommand, stderr, failure: 'timeout' }));
      } else if (exitCode !== 0) {
        const message = `git ${subcommand} exited with status ${exitCode}: ${stderr.trim()}`;
        reject(
          new GitCommandError({
            message,
            subcommand,
            stderr,
            exitCode: exitCode ?? undefined,
            failure: 'exit',
          }),
        );
      } else {
        resolve({ stdout: Buffer.concat(stdout), stderr });
      }
    });
  });
}

/**
 * Starts `git ARGS` with the safe options and environment, in its own process group; stdin is piped
 * only for callers that talk to git (cat-file --batch).
 */
export function spawnGit(
  args: readonly string[],
  options: { gitDirectory?: string; stdin?: 'pipe' | 'ignore' } = {},
): ChildProcess {
  const { gitDirectory, stdin = 'ignore' } = options;
  return spawn('git', gitArguments(args, gitDirectory), {
    env: gitEnvironment(),
    stdio: [stdin, 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
}

/** Kills git and whatever it started (ssh, remote helpers): the whole process group. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group exited between the check and the kill.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Runs a quick local git command synchronously, for the rare place that cannot wait (building a link
 * before any scan). Returns stdout, or undefined when the command fails.
 */
export function runGitSync(args: readonly string[], gitDirectory: string): string | undefined {
  try {
    return execFileSync('git', gitArguments(args, gitDirectory), {
      env: gitEnvironment(),
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
      encoding: 'utf8',
      windowsHide: true,
    });
  } catch {
    return undefined;
  }
}
