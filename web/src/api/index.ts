export { type Api, createApi } from './api';
export { ApiError, isAbort } from './api-error';
export { Transport } from './transport';
export type * from './types';
