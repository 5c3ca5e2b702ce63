import { text } from '../../i18n/index.js';
import { huggingFaceFile } from '../hugging-face.js';
import type { ModelPreset } from '../types.js';

const POTION = ['minishlab/potion-multilingual-128M', '73908c3438cf03b6a01bcb9611d62b23d0726f08'] as const;

/** Embedding models: a static Model2Vec model by default, transformer models for stronger hardware. */
export const EMBEDDERS: readonly ModelPreset[] = [
  {
    name: 'potion-multilingual-128m',
    role: 'embedder',
    runtime: 'model2vec',
    description: text(
      'Model2Vec static embeddings distilled from BAAI/bge-m3, 256 dimensions, 101 languages including Russian and English. Indexes thousands of passages per second on a CPU; the reranker restores the precision it lacks.',
      'Статические эмбеддинги Model2Vec, полученные из BAAI/bge-m3: 256 измерений, 101 язык, включая русский и английский. Индексирует тысячи фрагментов в секунду на CPU; недостающую точность возвращает реранкер.',
    ),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        ...POTION,
        'model.safetensors',
        512_361_560,
        '14b5eb39cb4ce5666da8ad1f3dc6be4346e9b2d601c073302fa0a31bf7943397',
      ),
      huggingFaceFile(
        ...POTION,
        'tokenizer.json',
        18_616_131,
        '19f1909063da3cfe3bd83a782381f040dccea475f4816de11116444a73e1b6a1',
      ),
      huggingFaceFile(
        ...POTION,
        'config.json',
        271,
        '595e4cab2093732efd5dbe084fd5c1826b5eea693b73b4c1fd971672867d2e54',
      ),
    ],
    isDefault: true,
    hardware: text('any CPU, 1 GB RAM', 'любой CPU, 1 ГБ памяти'),
  },
  {
    name: 'multilingual-e5-small',
    role: 'embedder',
    runtime: 'llama',
    description: text(
      'intfloat/multilingual-e5-small, Q8_0 GGUF: a transformer embedder (384 dimensions, 512 tokens) with better semantic matching than Model2Vec, far slower to index on a CPU. Needs the "query: " / "passage: " prefixes.',
      'intfloat/multilingual-e5-small, Q8_0 GGUF: трансформер (384 измерения, 512 токенов), точнее Model2Vec по смыслу, но индексирует на CPU гораздо медленнее. Нужны префиксы «query: » / «passage: ».',
    ),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        'TwinSunsLLC/multilingual-e5-small-gguf',
        'b6cac9615d4ecce28d7f22539b7322d695fc2886',
        'multilingual-e5-small-q8_0.gguf',
        132_439_008,
        'e011debc1208e31bf7b6aebee2d9fc8bd2ca11694a77ed66ac9d0c9d0a877c93',
      ),
    ],
    isDefault: false,
    hardware: text('8+ CPU cores, or a GPU', 'от 8 ядер CPU или GPU'),
  },
  {
    name: 'multilingual-e5-base',
    role: 'embedder',
    runtime: 'llama',
    description: text(
      'intfloat/multilingual-e5-base, Q8_0 GGUF: 768 dimensions, 512 tokens; more accurate than e5-small, about three times slower.',
      'intfloat/multilingual-e5-base, Q8_0 GGUF: 768 измерений, 512 токенов; точнее e5-small, примерно втрое медленнее.',
    ),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        'dinab/multilingual-e5-base-Q8_0-GGUF',
        'b96477725c04afcdc7c8bba980c18e682a80f462',
        'multilingual-e5-base-q8_0.gguf',
        303_138_624,
        '548c31b068947aa26b86c8bbfc1f2fabe5233f6d0e1241319832b20a01e5968a',
      ),
    ],
    isDefault: false,
    hardware: text('a GPU, or 16+ CPU cores', 'GPU или от 16 ядер CPU'),
  },
  {
    name: 'bge-m3',
    role: 'embedder',
    runtime: 'llama',
    description: text(
      'BAAI/bge-m3, Q4_K_M GGUF: the strongest multilingual embedder here (1024 dimensions, 8192 tokens), the teacher of the default Model2Vec model.',
      'BAAI/bge-m3, Q4_K_M GGUF: самый сильный многоязычный эмбеддер в списке (1024 измерения, 8192 токена), «учитель» модели Model2Vec по умолчанию.',
    ),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [
      huggingFaceFile(
        'gpustack/bge-m3-GGUF',
        '2d48f1737679ad900d5c26c5aad5410e9c70fdca',
        'bge-m3-Q4_K_M.gguf',
        437_778_496,
        '6d39681b26c61279ac1f82db35a04a05009e94c415b51c858ff571489a82fc06',
      ),
    ],
    isDefault: false,
    hardware: text('a GPU, or 16+ CPU cores', 'GPU или от 16 ядер CPU'),
  },
  {
    name: 'ollama-bge-m3',
    role: 'embedder',
    runtime: 'server',
    description: text(
      "BAAI/bge-m3 served by Ollama (`ollama pull bge-m3`) on a GPU server. Replace localhost with the server's address.",
      'BAAI/bge-m3 в Ollama (`ollama pull bge-m3`) на сервере с GPU. Замените localhost адресом сервера.',
    ),
    languages: ['ru', 'en'],
    licence: 'MIT',
    files: [],
    isDefault: false,
    server: { ollama: 'bge-m3', setting: 'SPRAVKA_EMBEDDER=openai:http://localhost:11434/v1#bge-m3' },
    hardware: text('GPU with 2 GB', 'GPU с 2 ГБ'),
  },
];
