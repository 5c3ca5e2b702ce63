import { errnoCode } from '../errors/index.js';
import { type LocalizedText, text } from '../i18n/index.js';

/**
 * Why one attempt to transfer a file failed, and whether trying again can help. A connection that cannot
 * even be opened (no DNS, refused, unreachable) is not retried: on a server without internet that would
 * only delay the message that says how to place the file by hand.
 */
export class TransferFailure extends Error {
  constructor(
    readonly reason: LocalizedText,
    readonly retryable: boolean,
    cause?: unknown,
  ) {
    super(reason.en, cause === undefined ? undefined : { cause });
  }
}

/** The first errno-like code along an error's cause chain (fetch wraps them: TypeError → cause). */
function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = errnoCode(current);
    if (code) return code;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

function seconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 100) / 10} s`;
}

/** The request failed before any answer came. */
export function connectionFailure(error: unknown, timeoutMilliseconds: number | undefined): TransferFailure {
  if (timeoutMilliseconds !== undefined) {
    return new TransferFailure(
      text(
        `no answer within ${seconds(timeoutMilliseconds)}`,
        `нет ответа за ${seconds(timeoutMilliseconds)}`,
      ),
      false,
      error,
    );
  }
  const code = codeOf(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransferFailure(
      text(
        'the host name cannot be resolved (no DNS or no internet access)',
        'имя хоста не разрешается (нет DNS или доступа в интернет)',
      ),
      false,
      error,
    );
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new TransferFailure(
      text(`the server cannot be reached (${code})`, `сервер недоступен (${code})`),
      false,
      error,
    );
  }
  const detail =
    error instanceof Error
      ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
      : String(error);
  return new TransferFailure(text(detail, detail), false, error);
}

/** The server answered with an error status; 408, 429 and 5xx may pass. */
export function statusFailure(status: number): TransferFailure {
  const retryable = status === 408 || status === 429 || status >= 500;
  return new TransferFailure(text(`HTTP ${status}`, `HTTP ${status}`), retryable);
}

/** The transfer stopped part way (the connection dropped or went silent): resumable. */
export function interruptedTransfer(
  error: unknown,
  timeoutMilliseconds: number | undefined,
): TransferFailure {
  if (timeoutMilliseconds !== undefined) {
    return new TransferFailure(
      text(
        `the transfer stalled for ${seconds(timeoutMilliseconds)}`,
        `передача остановилась на ${seconds(timeoutMilliseconds)}`,
      ),
      true,
      error,
    );
  }
  const code = codeOf(error);
  const detail =
    error === undefined ? 'the connection closed before the end of the file' : String(code ?? error);
  return new TransferFailure(
    text(
      `the transfer was interrupted (${detail})`,
      `передача прервалась (${error === undefined ? 'соединение закрылось до конца файла' : detail})`,
    ),
    true,
    error,
  );
}

/** A 206 answer that does not start where the part ends. */
export function misplacedRange(): TransferFailure {
  return new TransferFailure(
    text(
      'the server resumed at another position than asked; starting over',
      'сервер продолжил не с той позиции; загрузка начнётся заново',
    ),
    true,
  );
}
