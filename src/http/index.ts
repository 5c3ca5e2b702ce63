export type { Connection } from './connection.js';
export { describeError, HttpFailure } from './http-failure.js';
export { type ModelServerErrorOptions, modelServerError } from './model-server-error.js';
export { type EventStreamOptions, requestEventStream } from './request-event-stream.js';
export { requestJson } from './request-json.js';
export { type RequestOptions, sendWithRetries } from './send-with-retries.js';
export type { ServerSentEvent } from './server-sent-events.js';
