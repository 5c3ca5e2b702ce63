export { HttpFailure } from './http-failure.js';
export { type ModelServerErrorOptions, modelServerError } from './model-server-error.js';
export { type EventStreamOptions, requestEventStream } from './request-event-stream.js';
export { requestJson } from './request-json.js';
export type { RequestOptions } from './send-with-retries.js';
export type { ServerSentEvent } from './server-sent-events.js';
