import { SpravkaError } from '../../errors/index.js';
import { type LocalizedText, text } from '../../i18n/index.js';
import { GitCommandError } from './git-command.js';

/** What went wrong, as far as git's messages tell; each kind has its own hint. */
type FailureKind =
  | 'not_installed'
  | 'timeout'
  | 'branch'
  | 'authentication'
  | 'not_found'
  | 'network'
  | 'other';

const PATTERNS: Array<[FailureKind, RegExp]> = [
  ['branch', /Remote branch .* not found|couldn't find remote ref|not a valid branch name/i],
  [
    'authentication',
    /Authentication failed|could not read (Username|Password)|terminal prompts disabled|Permission denied \(publickey|HTTP 40[13]|returned error: 40[13]|Host key verification failed|access denied/i,
  ],
  [
    'not_found',
    /does not exist|does not appear to be a git repository|Repository not found|not found|HTTP 404|returned error: 404/i,
  ],
  [
    'network',
    /Could not resolve|Failed to connect|Couldn't connect|Connection (refused|reset|timed out)|Network is unreachable|No route to host|unable to access|SSL|TLS|proxy/i,
  ],
];

const HINTS: Record<FailureKind, LocalizedText> = {
  not_installed: text(
    'Install git (version 2.29 or newer) and make sure it is on the PATH of the spravka process.',
    'Установите git (версии 2.29 или новее) и проверьте, что он есть в PATH процесса spravka.',
  ),
  timeout: text(
    'Check the network and the server; for a very large repository raise the git timeout.',
    'Проверьте сеть и сервер; для очень большого репозитория увеличьте тайм-аут git.',
  ),
  branch: text(
    'Check the branch name in the source settings, or leave it out to use the default branch.',
    'Проверьте имя ветки в настройках источника или не указывайте его, чтобы взять ветку по умолчанию.',
  ),
  authentication: text(
    'Check the URL and the credentials: spravka never prompts, so use a URL with an access token or an SSH key that needs no passphrase (or is loaded in ssh-agent).',
    'Проверьте URL и учётные данные: spravka не задаёт вопросов, поэтому используйте URL с токеном доступа или SSH-ключ без пароля (или загруженный в ssh-agent).',
  ),
  not_found: text(
    'Check the repository URL or local path in the source settings.',
    'Проверьте URL репозитория или локальный путь в настройках источника.',
  ),
  network: text(
    'Check the network, the proxy settings and that the git server is up.',
    'Проверьте сеть, настройки прокси и доступность git-сервера.',
  ),
  other: text(
    'Check the URL, the branch, the credentials and the network.',
    'Проверьте URL, ветку, учётные данные и сеть.',
  ),
};

const KEPT = text(' The previous index was left as it was.', ' Прежний индекс не изменён.');

/** Replaces the password or token in `https://user:secret@host/…` so it never reaches a log or a screen. */
export function redactUrl(value: string): string {
  return value
    .replace(/(\/\/[^/@\s:]*):[^/@\s]*@/g, '$1:***@')
    .replace(/(https?:\/\/)[^/@\s:]+@/gi, '$1***@');
}

/** Git's `fatal:` and `error:` lines, or its last line, in one short line without credentials. */
export function summariseStderr(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const important = lines.filter((line) => /^(fatal|error):/i.test(line));
  const chosen = important.length > 0 ? important : lines.slice(-1);
  const summary = chosen.map((line) => line.replace(/^(fatal|error):\s*/i, '')).join('; ');
  return redactUrl(summary.length > 300 ? `${summary.slice(0, 297)}...` : summary);
}

function classify(error: GitCommandError): FailureKind {
  if (error.failure === 'not_installed') return 'not_installed';
  if (error.failure === 'timeout') return 'timeout';
  return PATTERNS.find(([, pattern]) => pattern.test(error.stderr))?.[0] ?? 'other';
}

export interface FailureContext {
  /** What was attempted: cloning, fetching, or reading the local clone. */
  action: 'clone' | 'fetch' | 'read';
  url: string;
  repositoryDirectory: string;
}

/**
 * Turns a failed git command into SpravkaError('source_unavailable') that says what git said and what
 * to check. Anything that is not a git failure (an abort) is returned as it is.
 */
export function sourceUnavailable(
  error: unknown,
  { action, url, repositoryDirectory }: FailureContext,
): unknown {
  if (!(error instanceof GitCommandError)) return error;
  const kind = classify(error);
  const detail =
    kind === 'timeout' || kind === 'not_installed' ? error.message : summariseStderr(error.stderr);
  const shownUrl = redactUrl(url);
  const messages: Record<typeof action, LocalizedText> = {
    clone: text(
      `Cannot clone the git repository ${shownUrl}: ${detail}`,
      `Не удалось клонировать git-репозиторий ${shownUrl}: ${detail}`,
    ),
    fetch: text(
      `Cannot fetch from the git repository ${shownUrl}: ${detail}`,
      `Не удалось получить изменения из git-репозитория ${shownUrl}: ${detail}`,
    ),
    read: text(
      `Cannot read the local clone of ${shownUrl}: ${detail}`,
      `Не удалось прочитать локальную копию ${shownUrl}: ${detail}`,
    ),
  };
  const hint =
    action === 'read' && kind !== 'not_installed'
      ? text(
          `The local clone may be damaged: delete ${repositoryDirectory} and sync again to clone afresh.`,
          `Локальная копия может быть повреждена: удалите ${repositoryDirectory} и повторите синхронизацию.`,
        )
      : HINTS[kind];
  return new SpravkaError('source_unavailable', messages[action], {
    hint: text(hint.en + KEPT.en, hint.ru + KEPT.ru),
    cause: error,
  });
}
