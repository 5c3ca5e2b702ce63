import { text } from '../../i18n/index.js';
import { huggingFaceFile } from '../hugging-face.js';
import type { ModelPreset } from '../types.js';

/** Cross-encoders that rescore the fused candidates of a question. */
export const RERANKERS: readonly ModelPreset[] = [
  {
    name: 'bge-reranker-v2-m3',
    role: 'reranker',
    runtime: 'llama',
    description: text(
      'BAAI/bge-reranker-v2-m3, Q4_K_M GGUF: a multilingual cross-encoder that reads the question and each candidate passage together and reorders the top of the list.',
      'BAAI/bge-reranker-v2-m3, Q4_K_M GGUF: многоязычный кросс-энкодер, который читает вопрос вместе с каждым найденным фрагментом и переупорядочивает верх списка.',
    ),
    languages: ['ru', 'en'],
    licence: 'Apache-2.0',
    files: [
      huggingFaceFile(
        'gpustack/bge-reranker-v2-m3-GGUF',
        '3093af03b1a635e67b084b1d8c03c5f5e020fd05',
        'bge-reranker-v2-m3-Q4_K_M.gguf',
        438_376_864,
        'e186a244ed455b4ab66ec64339ce7427a6ae13f5c0b5e544de96e50f0f8b3673',
      ),
    ],
    isDefault: true,
    hardware: text('CPU: 4+ cores, 1 GB RAM', 'CPU: от 4 ядер, 1 ГБ памяти'),
  },
];
