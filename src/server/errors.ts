import type { Context } from 'hono';
import { SpravkaError, toSpravkaError } from '../errors/index.js';
import { languageFromAcceptHeader, text } from '../i18n/index.js';
import type { ServerEnvironment } from './environment.js';
import { STATUS } from './status.js';

/**
 * The JSON error body every failure gets — in responses and in event streams alike — in the language of
 * Accept-Language. An unexpected error shows only the request id: its details are for the log.
 */
export function errorBody(error: unknown, acceptLanguage: string | undefined, requestId: string) {
  const failure = toSpravkaError(error);
  const language = languageFromAcceptHeader(acceptLanguage);
  const internal =
    language === 'ru' ? `Внутренняя ошибка (запрос ${requestId}).` : `Internal error (request ${requestId}).`;
  return {
    status: STATUS[failure.code],
    body: {
      error: {
        code: failure.code,
        message: failure.code === 'internal' ? internal : failure.text[language],
        hint: failure.hint?.[language] ?? null,
      },
    },
    failure,
  };
}

/** The error boundary: domain errors to statuses; unexpected ones logged with the request id, never leaked. */
export function handleError(error: Error, context: Context<ServerEnvironment>) {
  const { status, body, failure } = errorBody(
    error,
    context.req.header('accept-language'),
    context.get('requestId'),
  );
  const logger = context.get('logger');
  if (failure.code === 'internal') logger?.error({ err: error }, 'unexpected error');
  else logger?.info({ code: failure.code, status }, 'request failed');
  return context.json(body, status);
}

export const notFound = () =>
  new SpravkaError('not_found', text('Not found.', 'Не найдено.'), {
    hint: text('Check the address.', 'Проверьте адрес.'),
  });

export const unauthorized = () =>
  new SpravkaError('unauthorized', text('Please sign in.', 'Войдите в систему.'), {
    hint: text(
      'Sign in, or send a personal API token as "Authorization: Bearer …".',
      'Войдите или передайте личный API-токен в заголовке «Authorization: Bearer …».',
    ),
  });

export const forbidden = () =>
  new SpravkaError(
    'forbidden',
    text('Only administrators may do this.', 'Это доступно только администраторам.'),
  );
