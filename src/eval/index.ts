export { recallAt, reciprocalRankAt, summarise, type MetricSummary } from './metrics.js';
export { evaluate, readQuestions, type EvalQuestion, type EvalReport } from './run.js';
