export { createLanguageModel, type LanguageModelChoice } from './registry.js';
export type {
  ChatMessage,
  FinishReason,
  GenerationPart,
  GenerationRequest,
  LanguageModel,
  TokenUsage,
} from './types.js';
