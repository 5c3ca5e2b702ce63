import { SpravkaError } from '../../errors/index.js';
import { HttpFailure } from '../../http/index.js';
import { type LocalizedText, text } from '../../i18n/index.js';

/** What the request was for, as the user would name it: "project group/app", "group 42". */
export interface GitLabRequestContext {
  baseUrl: string;
  what: string;
  /** Removed from every message, should a server ever echo it. */
  token: string;
}

/**
 * A failed GitLab request (after any retries) as the user sees it. The cause keeps the HttpFailure, with
 * its status, for callers that tell cases apart (a compare whose base commit is gone is a 404 too).
 * A cancellation is not a failure: it is thrown on as it is.
 */
export function gitlabError(failure: unknown, context: GitLabRequestContext): unknown {
  if (!(failure instanceof HttpFailure)) return failure;
  const detail = redact(failure.message, context.token);
  const where = `${context.what} at ${context.baseUrl}`;
  const whereRu = `${context.what} на ${context.baseUrl}`;
  const status = failure.status;
  if (status === 401 || status === 403) {
    return new SpravkaError(
      'source_unavailable',
      text(`GitLab refused access to ${where}: ${detail}`, `GitLab отказал в доступе: ${whereRu}: ${detail}`),
      { hint: TOKEN_HINT, cause: failure },
    );
  }
  if (status === 404) {
    return new SpravkaError(
      'source_invalid',
      text(`GitLab has no ${where}: ${detail}`, `В GitLab не найдено: ${whereRu}: ${detail}`),
      { hint: NOT_FOUND_HINT, cause: failure },
    );
  }
  return new SpravkaError(
    'source_unavailable',
    text(`GitLab did not answer for ${where}: ${detail}`, `GitLab не ответил: ${whereRu}: ${detail}`),
    { hint: hintFor(status), cause: failure },
  );
}

function hintFor(status: number | undefined): LocalizedText {
  if (status === 429) return RATE_LIMIT_HINT;
  if (status !== undefined && status >= 200 && status < 300) return NOT_GITLAB_HINT;
  return UNREACHABLE_HINT;
}

export function redact(message: string, token: string): string {
  return token ? message.split(token).join('***') : message;
}

const TOKEN_HINT = text(
  'Check the GitLab access token in the source settings: it must be valid, not expired, belong to a user (or be a project/group token) who can see this project, and have the read_api and read_repository scopes.',
  'Проверьте токен доступа GitLab в настройках источника: он должен быть действующим, не просроченным, принадлежать пользователю (или быть токеном проекта/группы), который видит этот проект, и иметь права read_api и read_repository.',
);

const NOT_FOUND_HINT = text(
  'Check the project or group path (or id) and the branch in the source settings. GitLab also answers 404 when the token cannot see a private project: check that its user is a member.',
  'Проверьте путь (или id) проекта или группы и ветку в настройках источника. GitLab отвечает 404 и тогда, когда токен не видит закрытый проект: проверьте, что его пользователь — участник проекта.',
);

const RATE_LIMIT_HINT = text(
  'GitLab is limiting the request rate: wait a few minutes and sync again, or ask the GitLab administrator to raise the API rate limit for this user.',
  'GitLab ограничивает частоту запросов: подождите несколько минут и повторите синхронизацию или попросите администратора GitLab увеличить лимит API для этого пользователя.',
);

const NOT_GITLAB_HINT = text(
  "The address does not answer like GitLab's REST API: check the base URL (e.g. https://gitlab.example.com, without /api/v4) and any proxy in between.",
  'Адрес отвечает не как REST API GitLab: проверьте базовый адрес (например, https://gitlab.example.com, без /api/v4) и прокси между ними.',
);

const UNREACHABLE_HINT = text(
  'Check the base URL, the network and proxy settings, and that GitLab is up (its /-/readiness page or status page), then sync again; the previous index is kept.',
  'Проверьте базовый адрес, сеть и настройки прокси, а также что GitLab работает (страница /-/readiness или страница статуса), и повторите синхронизацию; прежний индекс сохранён.',
);
