export { finishAnswer } from './answer-start.js';
export { createOpenAICompatibleApp } from './app.js';
export { answerWithSources, sourcesList } from './sources-list.js';
