import { text } from '../../i18n/index.js';
import type { ModelPreset } from '../types.js';

const OLLAMA = 'http://localhost:11434/v1';
const VLLM = 'http://localhost:8000/v1';

/** A DeepSeek-R1 distillation served by Ollama on a GPU server: `ollama pull <tag>`. */
function ollama(size: string, base: string, licence: string, gpu: [string, string]): ModelPreset {
  const tag = `deepseek-r1:${size}`;
  return {
    name: `ollama-deepseek-r1-${size}`,
    role: 'llm',
    runtime: 'server',
    description: text(
      `${base} (Ollama's ${tag}, Q4_K_M) on a GPU server. Replace localhost with the server's address.`,
      `${base} (${tag} в Ollama, Q4_K_M) на сервере с GPU. Замените localhost адресом сервера.`,
    ),
    languages: ['en', 'zh'],
    licence,
    files: [],
    isDefault: false,
    server: { ollama: tag, setting: `SPRAVKA_LLM=openai:${OLLAMA}#${tag}` },
    hardware: text(...gpu),
  };
}

/** DeepSeek models on GPU servers (Ollama, vLLM) and DeepSeek's own API: nothing to download here. */
export const SERVED_LANGUAGE_MODELS: readonly ModelPreset[] = [
  ollama('7b', 'DeepSeek-R1-Distill-Qwen-7B', 'MIT', ['GPU with 8 GB', 'GPU с 8 ГБ']),
  ollama('14b', 'DeepSeek-R1-Distill-Qwen-14B', 'MIT', ['GPU with 16 GB', 'GPU с 16 ГБ']),
  ollama('32b', 'DeepSeek-R1-Distill-Qwen-32B', 'MIT', ['GPU with 24 GB', 'GPU с 24 ГБ']),
  ollama('70b', 'DeepSeek-R1-Distill-Llama-70B', 'MIT, Llama 3.3 Community License', [
    'GPUs with 48 GB in total',
    'GPU с 48 ГБ в сумме',
  ]),
  {
    name: 'vllm-deepseek-r1-32b',
    role: 'llm',
    runtime: 'server',
    description: text(
      'DeepSeek-R1-Distill-Qwen-32B in full precision served by vLLM: `vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-32B --reasoning-parser deepseek_r1`. Many users at once.',
      'DeepSeek-R1-Distill-Qwen-32B в полной точности на vLLM: `vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-32B --reasoning-parser deepseek_r1`. Много пользователей одновременно.',
    ),
    languages: ['en', 'zh'],
    licence: 'MIT',
    files: [],
    isDefault: false,
    server: {
      vllm: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      setting: `SPRAVKA_LLM=openai:${VLLM}#deepseek-ai/DeepSeek-R1-Distill-Qwen-32B`,
    },
    hardware: text('GPU with 80 GB, or 2 × 48 GB', 'GPU с 80 ГБ или 2 × 48 ГБ'),
  },
  {
    name: 'vllm-deepseek-v3',
    role: 'llm',
    runtime: 'server',
    description: text(
      'DeepSeek-V3 (671B mixture of experts, FP8) served by vLLM: the full model, the best answers in Russian and English.',
      'DeepSeek-V3 (671B, смесь экспертов, FP8) на vLLM: полная модель, лучшие ответы на русском и английском.',
    ),
    languages: ['ru', 'en', 'zh'],
    licence: 'DeepSeek Model License',
    files: [],
    isDefault: false,
    server: {
      vllm: 'deepseek-ai/DeepSeek-V3',
      setting: `SPRAVKA_LLM=openai:${VLLM}#deepseek-ai/DeepSeek-V3`,
    },
    hardware: text('8 × H200 (or similar, ~1 TB GPU memory)', '8 × H200 (или аналог, ~1 ТБ памяти GPU)'),
  },
  {
    name: 'deepseek-api-chat',
    role: 'llm',
    runtime: 'server',
    description: text(
      "DeepSeek's own API, model deepseek-chat. Questions and retrieved passages leave the company: only for those who allow it. Key in SPRAVKA_LLM_API_KEY.",
      'Собственный API DeepSeek, модель deepseek-chat. Вопросы и найденные фрагменты уходят за пределы компании: только если это разрешено. Ключ — в SPRAVKA_LLM_API_KEY.',
    ),
    languages: ['ru', 'en', 'zh'],
    licence: 'DeepSeek API terms',
    files: [],
    isDefault: false,
    server: { setting: 'SPRAVKA_LLM=openai:https://api.deepseek.com/v1#deepseek-chat' },
    hardware: text('none (internet access)', 'не нужно (доступ в интернет)'),
  },
  {
    name: 'deepseek-api-reasoner',
    role: 'llm',
    runtime: 'server',
    description: text(
      "DeepSeek's own API, model deepseek-reasoner (thinks before answering). Data leaves the company. Key in SPRAVKA_LLM_API_KEY.",
      'Собственный API DeepSeek, модель deepseek-reasoner (рассуждает перед ответом). Данные уходят за пределы компании. Ключ — в SPRAVKA_LLM_API_KEY.',
    ),
    languages: ['ru', 'en', 'zh'],
    licence: 'DeepSeek API terms',
    files: [],
    isDefault: false,
    server: { setting: 'SPRAVKA_LLM=openai:https://api.deepseek.com/v1#deepseek-reasoner' },
    hardware: text('none (internet access)', 'не нужно (доступ в интернет)'),
  },
];
