import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';

/** Failures of a chat completion stream that had begun: what happened, and what to check. */

const BASE_URL_HINT = text(
  'Check that the base URL points at an OpenAI-compatible API; it usually ends in /v1, e.g. http://host:11434/v1.',
  'Проверьте, что базовый адрес указывает на OpenAI-совместимый API; обычно он оканчивается на /v1, например http://host:11434/v1.',
);

const SERVER_LOG_HINT = text(
  "Check the model server's log (out of memory, a crash, a restart), then try again.",
  'Проверьте журнал сервера модели (нехватка памяти, падение, перезапуск) и повторите.',
);

export function reportedError(url: string, message: string): SpravkaError {
  return new SpravkaError(
    'llm_failed',
    text(
      `The model server at ${url} reported an error: ${message}`,
      `Сервер модели ${url} сообщил об ошибке: ${message}`,
    ),
    {
      hint: text(
        "Check the model server's log; common causes are a prompt longer than the model's context and running out of memory.",
        'Проверьте журнал сервера модели; частые причины — запрос длиннее контекста модели и нехватка памяти.',
      ),
    },
  );
}

export function malformedChunk(url: string, reason: string): SpravkaError {
  return new SpravkaError(
    'llm_failed',
    text(
      `The model server at ${url} sent a chunk that is not a chat completion: ${reason}`,
      `Сервер модели ${url} прислал фрагмент, не похожий на ответ chat completions: ${reason}`,
    ),
    { hint: BASE_URL_HINT },
  );
}

export function interrupted(url: string, failure: Error): SpravkaError {
  return new SpravkaError(
    'llm_failed',
    text(
      `The model server at ${url} stopped in the middle of the answer: ${failure.message}`,
      `Сервер модели ${url} прервал ответ на середине: ${failure.message}`,
    ),
    { hint: SERVER_LOG_HINT, cause: failure },
  );
}

export function incomplete(url: string): SpravkaError {
  return new SpravkaError(
    'llm_failed',
    text(
      `The model server at ${url} closed the connection before the answer was complete`,
      `Сервер модели ${url} закрыл соединение, не закончив ответ`,
    ),
    { hint: SERVER_LOG_HINT },
  );
}

/** DeepSeek's API ends an answer it had to cut short with `finish_reason: insufficient_system_resource`. */
export function cutShort(url: string, reason: string): SpravkaError {
  return new SpravkaError(
    'llm_failed',
    text(
      `The model server at ${url} cut the answer short (${reason})`,
      `Сервер модели ${url} оборвал ответ (${reason})`,
    ),
    {
      hint: text('The server is overloaded: try again later.', 'Сервер перегружен: повторите позже.'),
    },
  );
}
