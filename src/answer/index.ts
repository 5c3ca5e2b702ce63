export { type AnswerDependencies, ask } from './ask.js';
export { cleanCitations, extractCitations } from './citations.js';
export { detectLanguage } from './language.js';
export type {
  AnswerEvent,
  AnswerMode,
  AnswerResult,
  AnswerSettings,
  AnswerSource,
  AskRequest,
  Citation,
  ConversationTurn,
} from './types.js';
export { DEFAULT_ANSWER_SETTINGS } from './types.js';
