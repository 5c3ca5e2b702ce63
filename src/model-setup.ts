import type { Config } from './config/index.js';
import type { EmbedderChoice } from './embedding/index.js';
import { type LocalizedText, text } from './i18n/index.js';
import type { LanguageModelChoice } from './llm/index.js';
import { defaultPreset, isPresetPresent, type ModelRole, resolveModelReference } from './models/index.js';
import type { RerankerChoice } from './reranking/index.js';

/** Part of the composition root: what each model setting means on this machine, presets located. */
export interface ModelChoices {
  embedder: EmbedderChoice;
  llm: LanguageModelChoice;
  reranker: RerankerChoice;
  /** Why a role runs without a model (an `auto` default not downloaded yet), for `status` and `serve`. */
  notices: Array<{ role: ModelRole; message: LocalizedText }>;
}

const WITHOUT: Record<ModelRole, LocalizedText> = {
  llm: text('answers are extractive (quoted passages)', 'ответы составляются из фрагментов документов'),
  embedder: text('search is lexical only', 'поиск только лексический'),
  reranker: text('results are not reranked', 'результаты не переранжируются'),
};

/**
 * `auto` is the default preset when it has been downloaded, and nothing otherwise (with a notice saying
 * how to get it); an explicit preset or path must exist — a missing one fails here, at start-up.
 */
export function resolveModelChoices(config: Config): ModelChoices {
  const notices: ModelChoices['notices'] = [];
  const auto = (role: ModelRole): { path: string; runtime: 'llama' | 'model2vec' } | undefined => {
    const preset = defaultPreset(role);
    if (preset.runtime !== 'server' && isPresetPresent(preset, config.dataDir)) {
      return {
        path: resolveModelReference(preset.name, role, preset.runtime, config.dataDir).path,
        runtime: preset.runtime,
      };
    }
    notices.push({
      role,
      message: text(
        `No ${role === 'llm' ? 'language model' : role} yet: ${WITHOUT[role].en}. Run "spravka models pull" to download ${preset.name}, or see docs/models.md.`,
        `${role === 'llm' ? 'Языковой модели' : role === 'embedder' ? 'Модели эмбеддингов' : 'Реранкера'} пока нет: ${WITHOUT[role].ru}. Выполните «spravka models pull», чтобы скачать ${preset.name}, или см. docs/models.md.`,
      ),
    });
    return undefined;
  };
  const contextSize = config.runtime.llmContextSize ? { contextSize: config.runtime.llmContextSize } : {};

  let embedder: EmbedderChoice;
  const embedderSetting = config.embedder;
  if (embedderSetting.kind === 'auto') {
    const found = auto('embedder');
    embedder = found ? { kind: found.runtime, path: found.path } : { kind: 'none' };
  } else if (embedderSetting.kind === 'model2vec' || embedderSetting.kind === 'llama') {
    const { path } = resolveModelReference(
      embedderSetting.model,
      'embedder',
      embedderSetting.kind,
      config.dataDir,
    );
    embedder = { kind: embedderSetting.kind, path };
  } else embedder = embedderSetting;

  let llm: LanguageModelChoice;
  const llmSetting = config.llm;
  if (llmSetting.kind === 'auto') {
    const found = auto('llm');
    llm = found ? { kind: 'llama', path: found.path, ...contextSize } : { kind: 'none' };
  } else if (llmSetting.kind === 'llama') {
    llm = {
      kind: 'llama',
      path: resolveModelReference(llmSetting.model, 'llm', 'llama', config.dataDir).path,
      ...contextSize,
    };
  } else if (llmSetting.kind === 'openai') {
    const configured = config.runtime.llmReasoning;
    const reasoning =
      configured !== 'auto'
        ? configured
        : /r1|reason|think|qwq/i.test(llmSetting.model)
          ? 'detect'
          : 'tagged-only';
    llm = { ...llmSetting, ...contextSize, reasoning };
  } else llm = llmSetting;

  let reranker: RerankerChoice;
  const rerankerSetting = config.reranker;
  if (rerankerSetting.kind === 'auto') {
    const found = auto('reranker');
    reranker = found ? { kind: 'llama', path: found.path } : { kind: 'none' };
  } else if (rerankerSetting.kind === 'llama') {
    reranker = {
      kind: 'llama',
      path: resolveModelReference(rerankerSetting.model, 'reranker', 'llama', config.dataDir).path,
    };
  } else reranker = rerankerSetting;

  return { embedder, llm, reranker, notices };
}
