import type { Context } from 'hono';
import { SpravkaError, toSpravkaError } from '../errors/index.js';
import { languageFromAcceptHeader, text } from '../i18n/index.js';
import type { ServerEnvironment } from './environment.js';
import { STATUS } from './status.js';

/** The JSON error body every failure gets, in the language of Accept-Language. */
export function errorBody(error: unknown, acceptLanguage: string | undefined) {
  const failure = toSpravkaError(error);
  const language = languageFromAcceptHeader(acceptLanguage);
  return {
    status: STATUS[failure.code],
    body: {
      error: { code: failure.code, message: failure.text[language], hint: failure.hint?.[language] ?? null },
    },
    failure,
  };
}

/** The error boundary: domain errors to statuses; unexpected ones logged with the request id, never leaked. */
export function handleError(error: Error, context: Context<ServerEnvironment>) {
  const { status, body, failure } = errorBody(error, context.req.header('accept-language'));
  const logger = context.get('logger');
  if (failure.code === 'internal') {
    logger?.error({ err: error }, 'unexpected error');
    body.error.message =
      languageFromAcceptHeader(context.req.header('accept-language')) === 'ru'
        ? `Внутренняя ошибка (запрос ${context.get('requestId')}).`
        : `Internal error (request ${context.get('requestId')}).`;
  } else logger?.info({ code: failure.code, status }, 'request failed');
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
