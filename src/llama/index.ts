export { LlamaRuntime, type LlamaRuntimeOptions } from './runtime.js';
export { SerialQueue } from './serial-queue.js';
