export { type MetricSummary, recallAt, reciprocalRankAt, summarise } from './metrics.js';
export { type EvalQuestion, type EvalReport, evaluate, readQuestions } from './run.js';
