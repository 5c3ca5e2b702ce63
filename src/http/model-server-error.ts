import { type ErrorCode, SpravkaError } from '../errors/index.js';
import { type LocalizedText, text } from '../i18n/index.js';
import { HttpFailure } from './http-failure.js';

export interface ModelServerErrorOptions {
  /** `embedder_failed` unless said otherwise. */
  code?: ErrorCode;
  /** The setting that holds the key, named in the hint for 401/403 (e.g. `SPRAVKA_LLM_API_KEY`). */
  apiKeyVariable?: string;
  /** The model asked for, named in the hint for 400/404 (a wrong model name or base URL). */
  model?: string;
}

/** A model server failure as the user sees it, with what to check. */
export function modelServerError(
  url: string,
  failure: unknown,
  options: ModelServerErrorOptions = {},
): SpravkaError {
  const detail = failure instanceof Error ? failure.message : String(failure);
  const status = failure instanceof HttpFailure ? failure.status : undefined;
  return new SpravkaError(
    options.code ?? 'embedder_failed',
    text(`The model server at ${url} failed: ${detail}`, `Сервер модели ${url} ответил ошибкой: ${detail}`),
    { hint: hint(status, options), cause: failure },
  );
}

function hint(status: number | undefined, options: ModelServerErrorOptions): LocalizedText {
  if (status === 401 || status === 403) {
    return options.apiKeyVariable
      ? text(
          `Check ${options.apiKeyVariable}: the server refused the API key.`,
          `Проверьте ${options.apiKeyVariable}: сервер не принял ключ API.`,
        )
      : text('Check the API key variable.', 'Проверьте переменную с ключом API.');
  }
  if (status === 404 && options.model !== undefined) {
    return text(
      `Check the model name "${options.model}" (the server must serve it, e.g. see \`ollama list\`) and the base URL: it usually ends in /v1, e.g. http://host:11434/v1.`,
      `Проверьте имя модели «${options.model}» (сервер должен её обслуживать, например см. \`ollama list\`) и базовый адрес: обычно он оканчивается на /v1, например http://host:11434/v1.`,
    );
  }
  if (status === 400 && options.model !== undefined) {
    return text(
      `The server refused the request (its reason is above): check the model name "${options.model}" and that the prompt with the answer fits the server's context length.`,
      `Сервер отклонил запрос (причина выше): проверьте имя модели «${options.model}» и что запрос вместе с ответом помещается в контекст сервера.`,
    );
  }
  return text(
    'Check that the model server is running and reachable at this address, then try again.',
    'Проверьте, что сервер модели запущен и доступен по этому адресу, и повторите.',
  );
}
