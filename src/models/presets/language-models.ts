import { text } from '../../i18n/index.js';
import { huggingFaceFile } from '../hugging-face.js';
import type { ModelPreset } from '../types.js';

/**
 * DeepSeek-family chat models run in-process from a GGUF file. Sizes and sha256 are the Git LFS pointers
 * of the pinned commits (see docs/models.md for where each value was checked).
 */
export const IN_PROCESS_LANGUAGE_MODELS: readonly ModelPreset[] = [
  {
    name: 'deepseek-r1-1.5b',
    role: 'llm',
    runtime: 'llama',
    description: text(
      'DeepSeek-R1-Distill-Qwen-1.5B, Q4_K_M. A reasoning model small enough to answer at interactive speed on a CPU-only server; it thinks first (within SPRAVKA_REASONING_TOKENS), then answers from the sources. Best in English; Russian answers are weaker.',
      'DeepSeek-R1-Distill-Qwen-1.5B, Q4_K_M. Рассуждающая модель, достаточно маленькая, чтобы отвечать с интерактивной скоростью на сервере без GPU; сначала думает (в пределах SPRAVKA_REASONING_TOKENS), затем отвечает по источникам. Лучше всего — на английском; ответы на русском слабее.',
    ),
    languages: ['en', 'zh'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        'unsloth/DeepSeek-R1-Distill-Qwen-1.5B-GGUF',
        '53d3061d21f4ec2b94f42165101ee7341bad023e',
        'DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf',
        1_117_320_576,
        'c2c43b6018cf7700ce0ddee8807deb1a9a26758ef878232f3a142d16df81f0fe',
      ),
    ],
    isDefault: true,
    hardware: text('CPU only: 4+ cores, 2 GB RAM', 'только CPU: от 4 ядер, 2 ГБ памяти'),
  },
  {
    name: 'deepseek-r1-7b',
    role: 'llm',
    runtime: 'llama',
    description: text(
      'DeepSeek-R1-Distill-Qwen-7B, Q4_K_M. Noticeably better answers and Russian than the 1.5B, about five times slower on a CPU.',
      'DeepSeek-R1-Distill-Qwen-7B, Q4_K_M. Заметно лучше отвечает и лучше понимает русский, чем 1.5B, но на CPU примерно впятеро медленнее.',
    ),
    languages: ['en', 'zh'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        'lmstudio-community/DeepSeek-R1-Distill-Qwen-7B-GGUF',
        '9244e85c6fda93c11e3dfe7a247801ddd8e2a8a8',
        'DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf',
        4_683_073_216,
        '16bba29e220550acfe6e8981cfd76b607ae00d8568bef711ff6c0455ddb322b8',
      ),
    ],
    isDefault: false,
    hardware: text(
      '8+ CPU cores and 8 GB RAM (slow), or a GPU with 6 GB',
      'от 8 ядер CPU и 8 ГБ памяти (медленно) или GPU с 6 ГБ',
    ),
  },
  {
    name: 'deepseek-coder-1.3b',
    role: 'llm',
    runtime: 'llama',
    description: text(
      'deepseek-coder-1.3b-instruct, Q4_K_M. Answers at once, without a reasoning phase; made for code questions, weak on prose and Russian.',
      'deepseek-coder-1.3b-instruct, Q4_K_M. Отвечает сразу, без фазы рассуждения; сделана для вопросов о коде, слаба в текстах и русском.',
    ),
    languages: ['en', 'zh'],
    licence: 'DeepSeek License',
    files: [
      huggingFaceFile(
        'TheBloke/deepseek-coder-1.3b-instruct-GGUF',
        '4595af8c3dff738094bd6c86054dfb5a90d5c41e',
        'deepseek-coder-1.3b-instruct.Q4_K_M.gguf',
        873_582_624,
        '04cebb6fafa40ae628cf6bfeb76032ec792852f54020c559ad0a56b9f2839118',
      ),
    ],
    isDefault: false,
    hardware: text('CPU only: 2+ cores, 1.5 GB RAM', 'только CPU: от 2 ядер, 1,5 ГБ памяти'),
  },
  {
    name: 'deepseek-coder-6.7b',
    role: 'llm',
    runtime: 'llama',
    description: text(
      'deepseek-coder-6.7b-instruct, Q4_K_M. A stronger non-reasoning model for code-heavy knowledge bases.',
      'deepseek-coder-6.7b-instruct, Q4_K_M. Более сильная модель без рассуждения для баз знаний, где много кода.',
    ),
    languages: ['en', 'zh'],
    licence: 'DeepSeek License',
    files: [
      huggingFaceFile(
        'TheBloke/deepseek-coder-6.7B-instruct-GGUF',
        '9e221e6b41cb1bf1c5d8f9718e81e3dc781f7557',
        'deepseek-coder-6.7b-instruct.Q4_K_M.gguf',
        4_083_015_904,
        '92da6238854f2fa902d8b2ad79d548536af1d3ab06821f323bd5bbcea2013276',
      ),
    ],
    isDefault: false,
    hardware: text(
      '8+ CPU cores and 8 GB RAM (slow), or a GPU with 6 GB',
      'от 8 ядер CPU и 8 ГБ памяти (медленно) или GPU с 6 ГБ',
    ),
  },
];
