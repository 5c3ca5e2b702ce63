export { LlamaChatModel, type LlamaChatModelOptions } from './llama-chat-model.js';
