import { writeFileSync } from 'node:fs';

/**
 * Tiny but valid GGUF models for tests, written offline in a few milliseconds.
 *
 * `writeTinyRerankerGguf` writes a BERT cross-encoder with a classification head (the shape of
 * bge-reranker-style models): node-llama-cpp reports `fileInsights.supportsRanking` for it, and its
 * bundled llama.cpp loads it and scores (query, document) pairs with pooling type RANK.
 * `writeTinyBertEmbedderGguf` writes the same encoder without the head, with mean pooling.
 *
 * The weights are random (a seeded PRNG), so the scores are deterministic but meaningless: the models
 * exercise the code path, not retrieval quality. The reranker's last layer is calibrated so that scores
 * spread over (0, 1) rather than bunching at 0 or 1, and `tinyRerankerReferenceLogit` recomputes in
 * plain TypeScript what llama.cpp should output (they agree to about 1e-3 on the sigmoid).
 * Files are about 200 KB with the defaults (32 dimensions, 2 layers, 2 heads, 512 positions, ~440 tokens).
 *
 * Verified against the llama.cpp bundled with node-llama-cpp 3.21.1 (release "v0.4.0" in
 * node_modules/node-llama-cpp/llama/llama.cpp.info.json): GGUF v3 layout from ggml/include/gguf.h and
 * ggml/src/gguf.cpp, key names from src/llama-arch.cpp, required keys, key types and tensor shapes from
 * src/llama-model.cpp (`load_hparams`), src/models/bert.cpp (`load_arch_tensors`), src/llama-vocab.cpp
 * (WPM vocabulary: "bert" tokenizer with "▁"-prefixed word starts), src/llama-model-loader.cpp (strict
 * key types; every tensor in the file must be used) and src/llama-graph.cpp (RANK pooling head).
 */

/** Options of the tiny BERT generators. */
export interface TinyBertGgufOptions {
  /** PRNG seed of the weights; the same seed gives a byte-identical file. Default 1. */
  seed?: number;
  /**
   * WordPiece vocabulary as in a Hugging Face vocab.txt: `##` marks continuation pieces, `[X]` special
   * tokens. The special tokens [PAD], [UNK], [CLS], [SEP], [MASK] always get ids 0-4 (they are added
   * when missing); duplicates are dropped. Default: {@link TINY_GGUF_DEFAULT_VOCABULARY}.
   */
  vocabulary?: readonly string[];
  /** Hidden size, also the embedder's vector dimension. Default 32; must be a multiple of headCount. */
  embeddingLength?: number;
  /** Attention heads per layer. Default 2. */
  headCount?: number;
  /** Encoder layers. Default 2. */
  blockCount?: number;
  /** Feed-forward size. Default 2 × embeddingLength. */
  feedForwardLength?: number;
  /** Training context (rows of the position embedding). Default 512. */
  contextLength?: number;
}

/** Special tokens and their ids in every generated vocabulary. */
export const TINY_GGUF_SPECIAL_TOKENS = {
  pad: { text: '[PAD]', id: 0 },
  unknown: { text: '[UNK]', id: 1 },
  cls: { text: '[CLS]', id: 2 },
  sep: { text: '[SEP]', id: 3 },
  mask: { text: '[MASK]', id: 4 },
} as const;

const SPECIAL_TEXTS: readonly string[] = Object.values(TINY_GGUF_SPECIAL_TOKENS).map((token) => token.text);

const ENGLISH_WORDS =
  'the a an and or of to in on for with from by at is are was be it this that how what why when where who ' +
  'which can do does not no yes i you we they my your our new old first last all any one two three ' +
  'install deploy build run test start stop restart update upgrade configure config reset change set get ' +
  'create delete remove add open close read write search find answer question help guide docs ' +
  'server client database db index query document page wiki code issue bug error fix log file folder ' +
  'user admin password login account access token key secret backup restore release version branch ' +
  'service api http port network disk memory cpu model embedding rank search vector text language ' +
  'cat dog weather rain sun city river mountain book music food coffee tea';

const RUSSIAN_WORDS =
  'и в во не на с со что как это по к у из за от до для о об же ли или но да нет я мы вы он она они ' +
  'где когда почему кто какой все новый старый первый один два три ' +
  'установить установка развернуть собрать запустить остановить обновить настроить настройка сбросить ' +
  'изменить создать удалить добавить открыть найти поиск ответ вопрос помощь справка документация ' +
  'сервер клиент база данных индекс запрос документ страница вики код задача ошибка файл папка ' +
  'пользователь администратор пароль вход учетная запись доступ ключ резервная копия версия ветка ' +
  'сервис сеть диск память модель текст язык кошка собака погода дождь город река книга музыка чай';

const CONTINUATIONS =
  '##s ##es ##ed ##ing ##er ##ers ##ly ##ion ##tion ##al ##able ##ment ##ness ' +
  '##а ##я ##ы ##и ##у ##ю ##е ##о ##ой ##ей ##ом ##ем ##ов ##ев ##ам ##ах ##ми ##ть ##ся ##ет ##ют ##ит ##ат';

const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const DIGITS = '0123456789';
const PUNCTUATION = '.,!?;:-_()[]{}\'"/\\@#$%&*+=<>|`~';

/**
 * The default vocabulary: special tokens, common lowercase English and Russian words, suffix pieces,
 * and every Latin and Cyrillic letter and digit both as a word start and as a `##` piece, so that any
 * lowercase text in these scripts tokenizes without [UNK].
 */
export const TINY_GGUF_DEFAULT_VOCABULARY: readonly string[] = [
  ...SPECIAL_TEXTS,
  ...ENGLISH_WORDS.split(' '),
  ...RUSSIAN_WORDS.split(' '),
  ...CONTINUATIONS.split(' '),
  ...[...PUNCTUATION],
  ...[...LATIN_LETTERS, ...CYRILLIC_LETTERS, ...DIGITS].flatMap((letter) => [letter, `##${letter}`]),
];

/** Writes a tiny BERT cross-encoder (reranker) GGUF file: pooling RANK, `cls` and `cls.output` head. */
export function writeTinyRerankerGguf(path: string, options: TinyBertGgufOptions = {}): void {
  writeFileSync(path, buildTinyBertGguf('reranker', options));
}

/** Writes a tiny BERT embedding GGUF file: mean pooling, vectors of `embeddingLength` (default 32). */
export function writeTinyBertEmbedderGguf(path: string, options: TinyBertGgufOptions = {}): void {
  writeFileSync(path, buildTinyBertGguf('embedder', options));
}

/** The bytes of a tiny BERT GGUF model. */
export function buildTinyBertGguf(kind: TinyBertKind, options: TinyBertGgufOptions = {}): Buffer {
  const model = tinyBertModel(kind, options);
  return encodeGguf(model.metadata, model.tensors);
}

/**
 * What llama.cpp should compute for the reranker on a token sequence (first token = [CLS]): the logit of
 * the classification head, from a plain reimplementation of llama.cpp's BERT graph. node-llama-cpp's
 * ranking score is its sigmoid. Tests compare the two to prove that llama.cpp reads every tensor the way
 * this generator means it.
 */
export function tinyRerankerReferenceLogit(
  tokens: readonly number[],
  options: TinyBertGgufOptions = {},
): number {
  const model = tinyBertModel('reranker', options);
  return classifierLogit(model.weights, model.shape, tokens);
}

/** The kind of tiny BERT model. */
export type TinyBertKind = 'reranker' | 'embedder';

interface TinyBertShape {
  embedding: number;
  heads: number;
  blocks: number;
  feedForward: number;
  context: number;
  epsilon: number;
}

interface TinyBertModel {
  metadata: GgufKeyValue[];
  tensors: GgufTensor[];
  weights: Map<string, Float32Array>;
  shape: TinyBertShape;
}

function tinyBertModel(kind: TinyBertKind, options: TinyBertGgufOptions): TinyBertModel {
  const embedding = options.embeddingLength ?? 32;
  const heads = options.headCount ?? 2;
  const blocks = options.blockCount ?? 2;
  const feedForward = options.feedForwardLength ?? 2 * embedding;
  const context = options.contextLength ?? 512;
  for (const [name, value] of Object.entries({ embedding, heads, blocks, feedForward, context })) {
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`tiny-gguf: ${name} must be a positive integer`);
  }
  if (embedding % heads !== 0) throw new Error('tiny-gguf: embeddingLength must be a multiple of headCount');
  const shape: TinyBertShape = { embedding, heads, blocks, feedForward, context, epsilon: 1e-12 };

  const vocabulary = wordPieceVocabulary(options.vocabulary ?? TINY_GGUF_DEFAULT_VOCABULARY);
  const tokenTypeCount = 2;
  const seed = options.seed ?? 1;
  const random = new SeededRandom(seed);

  const metadata: GgufKeyValue[] = [
    { key: 'general.architecture', type: 'string', value: 'bert' },
    { key: 'general.name', type: 'string', value: `tiny-bert-${kind}` },
    { key: 'general.file_type', type: 'u32', value: 0 }, // LLAMA_FTYPE_ALL_F32
    { key: 'bert.context_length', type: 'u32', value: context },
    { key: 'bert.embedding_length', type: 'u32', value: embedding },
    { key: 'bert.feed_forward_length', type: 'u32', value: feedForward },
    { key: 'bert.block_count', type: 'u32', value: blocks },
    { key: 'bert.attention.head_count', type: 'u32', value: heads },
    { key: 'bert.attention.layer_norm_epsilon', type: 'f32', value: shape.epsilon },
    { key: 'bert.attention.causal', type: 'bool', value: false },
    // llama_pooling_type: 1 = MEAN, 4 = RANK (gguf-py/gguf/constants.py PoolingType)
    { key: 'bert.pooling_type', type: 'u32', value: kind === 'reranker' ? 4 : 1 },
    { key: 'tokenizer.ggml.model', type: 'string', value: 'bert' },
    { key: 'tokenizer.ggml.tokens', type: 'string[]', value: vocabulary.tokens },
    { key: 'tokenizer.ggml.token_type', type: 'i32[]', value: vocabulary.types },
    { key: 'tokenizer.ggml.token_type_count', type: 'u32', value: tokenTypeCount },
    { key: 'tokenizer.ggml.bos_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.cls.id },
    { key: 'tokenizer.ggml.cls_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.cls.id },
    { key: 'tokenizer.ggml.seperator_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.sep.id },
    { key: 'tokenizer.ggml.padding_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.pad.id },
    { key: 'tokenizer.ggml.unknown_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.unknown.id },
    { key: 'tokenizer.ggml.mask_token_id', type: 'u32', value: TINY_GGUF_SPECIAL_TOKENS.mask.id },
    { key: 'tokenizer.ggml.add_bos_token', type: 'bool', value: true },
    { key: 'tokenizer.ggml.add_sep_token', type: 'bool', value: true },
    // For WPM this only makes detokenisation drop the first word's leading space, so that text survives
    // node-llama-cpp's tokenize/detokenize round-trip check without a warning.
    { key: 'tokenizer.ggml.add_space_prefix', type: 'bool', value: true },
    // Lowercase, but keep accents so that й and ё survive (llama.cpp's default strips them).
    { key: 'tokenizer.ggml.normalizer.lowercase', type: 'bool', value: true },
    { key: 'tokenizer.ggml.normalizer.strip_accents', type: 'bool', value: false },
  ];

  // Shapes are ggml `ne` (innermost dimension first), exactly as llama_model_bert::load_arch_tensors asks;
  // a matrix {input, output} holds `output` rows of `input` values.
  const tensors: GgufTensor[] = [];
  const add = (name: string, shape: number[], data: Float32Array): void => {
    tensors.push({ name, shape, data });
  };
  const dense = (name: string, input: number, output: number, scale = 1): void => {
    add(`${name}.weight`, [input, output], random.normals(input * output, scale / Math.sqrt(input)));
    add(`${name}.bias`, [output], random.normals(output, 0.02));
  };
  const norm = (name: string): void => {
    add(`${name}.weight`, [embedding], random.normals(embedding, 0.05, 1));
    add(`${name}.bias`, [embedding], random.normals(embedding, 0.02));
  };

  const vocabularySize = vocabulary.tokens.length;
  add('token_embd.weight', [embedding, vocabularySize], random.normals(embedding * vocabularySize, 1));
  add('token_types.weight', [embedding, tokenTypeCount], random.normals(embedding * tokenTypeCount, 0.1));
  add('position_embd.weight', [embedding, context], random.normals(embedding * context, 0.1));
  norm('token_embd_norm');
  for (let block = 0; block < blocks; block++) {
    dense(`blk.${block}.attn_q`, embedding, embedding);
    dense(`blk.${block}.attn_k`, embedding, embedding);
    dense(`blk.${block}.attn_v`, embedding, embedding);
    dense(`blk.${block}.attn_output`, embedding, embedding);
    norm(`blk.${block}.attn_output_norm`);
    dense(`blk.${block}.ffn_up`, embedding, feedForward);
    dense(`blk.${block}.ffn_down`, feedForward, embedding);
    norm(`blk.${block}.layer_output_norm`);
  }
  if (kind === 'reranker') {
    // RANK pooling: the [CLS] row, tanh(cls · x + b), then cls.output → one logit (n_cls_out = 1).
    dense('cls', embedding, embedding, 2);
    dense('cls.output', embedding, 1);
  }
  const weights = new Map(tensors.map((tensor) => [tensor.name, tensor.data]));
  if (kind === 'reranker') calibrateClassifier(weights, shape, vocabularySize, seed);

  return { metadata, tensors, weights, shape };
}

/**
 * Random weights put most (query, document) logits on one side of zero, so every score is near 0 or
 * near 1. Rescale the last layer so that the logits of random token sequences have mean 0 and standard
 * deviation 2: scores then spread over (0, 1) whatever the seed and size.
 */
function calibrateClassifier(
  weights: Map<string, Float32Array>,
  shape: TinyBertShape,
  vocabularySize: number,
  seed: number,
): void {
  const random = new SeededRandom(seed ^ 0x5eed);
  const firstWord = SPECIAL_TEXTS.length;
  const words = (count: number): number[] =>
    Array.from(
      { length: count },
      () => firstWord + Math.floor(random.uniform() * (vocabularySize - firstWord)),
    );
  const logits = Array.from({ length: 32 }, () =>
    classifierLogit(weights, shape, [
      TINY_GGUF_SPECIAL_TOKENS.cls.id,
      ...words(2 + Math.floor(random.uniform() * 4)),
      TINY_GGUF_SPECIAL_TOKENS.sep.id,
      ...words(3 + Math.floor(random.uniform() * 12)),
    ]),
  );
  const mean = logits.reduce((sum, value) => sum + value, 0) / logits.length;
  const variance = logits.reduce((sum, value) => sum + (value - mean) ** 2, 0) / logits.length;
  const factor = 2 / Math.max(Math.sqrt(variance), 1e-6);
  const weight = tensorData(weights, 'cls.output.weight');
  const bias = tensorData(weights, 'cls.output.bias');
  for (let index = 0; index < weight.length; index++) weight[index] = (weight[index] ?? 0) * factor;
  bias[0] = ((bias[0] ?? 0) - mean) * factor;
}

// ---------------------------------------------------------------------------------------------------
// Reference forward pass: llama.cpp's BERT graph (src/models/bert.cpp) and RANK pooling head
// (src/llama-graph.cpp build_pooling) in plain float64 arithmetic.

function classifierLogit(
  weights: Map<string, Float32Array>,
  shape: TinyBertShape,
  tokens: readonly number[],
): number {
  const { embedding, heads, blocks, context, epsilon } = shape;
  if (tokens.length === 0 || tokens.length > context) throw new Error('tiny-gguf: bad sequence length');
  const tokenEmbeddings = tensorData(weights, 'token_embd.weight');
  const typeEmbeddings = tensorData(weights, 'token_types.weight');
  const positionEmbeddings = tensorData(weights, 'position_embd.weight');

  let hidden = tokens.map((token, position) => {
    const row = new Float64Array(embedding);
    for (let index = 0; index < embedding; index++) {
      row[index] =
        (tokenEmbeddings[token * embedding + index] ?? 0) +
        (typeEmbeddings[index] ?? 0) +
        (positionEmbeddings[position * embedding + index] ?? 0);
    }
    return layerNorm(row, weights, 'token_embd_norm', epsilon);
  });

  const headSize = embedding / heads;
  for (let block = 0; block < blocks; block++) {
    const prefix = `blk.${block}`;
    const queries = hidden.map((row) => linear(row, weights, `${prefix}.attn_q`));
    const keys = hidden.map((row) => linear(row, weights, `${prefix}.attn_k`));
    const values = hidden.map((row) => linear(row, weights, `${prefix}.attn_v`));
    hidden = hidden.map((input, row) => {
      const attended = new Float64Array(embedding);
      for (let head = 0; head < heads; head++) {
        const offset = head * headSize;
        const query = queries[row] as Float64Array;
        const scores = keys.map((key) => {
          let dot = 0;
          for (let index = offset; index < offset + headSize; index++)
            dot += (query[index] ?? 0) * (key[index] ?? 0);
          return dot / Math.sqrt(headSize);
        });
        const maximum = Math.max(...scores);
        const exponentials = scores.map((score) => Math.exp(score - maximum));
        const total = exponentials.reduce((sum, value) => sum + value, 0);
        exponentials.forEach((value, column) => {
          const source = values[column] as Float64Array;
          for (let index = offset; index < offset + headSize; index++) {
            attended[index] = (attended[index] ?? 0) + (value / total) * (source[index] ?? 0);
          }
        });
      }
      const attention = layerNorm(
        plus(linear(attended, weights, `${prefix}.attn_output`), input),
        weights,
        `${prefix}.attn_output_norm`,
        epsilon,
      );
      const up = linear(attention, weights, `${prefix}.ffn_up`).map(gelu);
      const down = linear(up, weights, `${prefix}.ffn_down`);
      return layerNorm(plus(down, attention), weights, `${prefix}.layer_output_norm`, epsilon);
    });
  }

  const pooled = linear(hidden[0] as Float64Array, weights, 'cls').map(Math.tanh);
  return linear(pooled, weights, 'cls.output')[0] ?? 0;
}

function tensorData(weights: Map<string, Float32Array>, name: string): Float32Array {
  const data = weights.get(name);
  if (!data) throw new Error(`tiny-gguf: no tensor ${name}`);
  return data;
}

/** y = W·x + b for a ggml matrix {input, output} (row `o` holds the weights of output `o`). */
function linear(input: Float64Array, weights: Map<string, Float32Array>, name: string): Float64Array {
  const weight = tensorData(weights, `${name}.weight`);
  const bias = tensorData(weights, `${name}.bias`);
  const output = new Float64Array(bias.length);
  for (let row = 0; row < bias.length; row++) {
    let sum = bias[row] ?? 0;
    for (let column = 0; column < input.length; column++) {
      sum += (weight[row * input.length + column] ?? 0) * (input[column] ?? 0);
    }
    output[row] = sum;
  }
  return output;
}

function layerNorm(
  input: Float64Array,
  weights: Map<string, Float32Array>,
  name: string,
  epsilon: number,
): Float64Array {
  const weight = tensorData(weights, `${name}.weight`);
  const bias = tensorData(weights, `${name}.bias`);
  const mean = input.reduce((sum, value) => sum + value, 0) / input.length;
  const variance = input.reduce((sum, value) => sum + (value - mean) ** 2, 0) / input.length;
  const scale = 1 / Math.sqrt(variance + epsilon);
  return input.map((value, index) => (value - mean) * scale * (weight[index] ?? 0) + (bias[index] ?? 0));
}

function plus(left: Float64Array, right: Float64Array): Float64Array {
  return left.map((value, index) => value + (right[index] ?? 0));
}

/** ggml_gelu: the tanh approximation. */
function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

/** Converts Hugging Face WordPiece tokens to llama.cpp's "phantom space" form (as convert_hf_to_gguf does). */
function wordPieceVocabulary(source: readonly string[]): { tokens: string[]; types: number[] } {
  const tokens: string[] = [];
  const types: number[] = [];
  const seen = new Set<string>();
  const add = (text: string, type: number): void => {
    // llama.cpp asserts that token texts are unique, and renames empty ones.
    if (text === '' || seen.has(text)) return;
    seen.add(text);
    tokens.push(text);
    types.push(type);
  };
  for (const special of SPECIAL_TEXTS) add(special, TOKEN_TYPE_CONTROL);
  for (const raw of source) {
    const token = raw.trim();
    if (token === '' || SPECIAL_TEXTS.includes(token)) continue;
    if (/^\[[A-Z_]+\]$/.test(token)) add(token, TOKEN_TYPE_CONTROL);
    else if (token.startsWith('##')) add(token.slice(2), TOKEN_TYPE_NORMAL);
    else add(`\u2581${token}`, TOKEN_TYPE_NORMAL);
  }
  return { tokens, types };
}

// llama_token_type (src/llama-vocab.h / gguf-py TokenType)
const TOKEN_TYPE_NORMAL = 1;
const TOKEN_TYPE_CONTROL = 3;

// ---------------------------------------------------------------------------------------------------
// GGUF v3 encoding (ggml/include/gguf.h): little-endian; strings are a u64 byte length and UTF-8 bytes;
// enums are 32-bit; bools one byte; tensor data aligned to 32 bytes, each tensor padded to 32 bytes.

/** A metadata entry of a GGUF file. */
export type GgufKeyValue =
  | { key: string; type: 'u32' | 'i32' | 'f32'; value: number }
  | { key: string; type: 'bool'; value: boolean }
  | { key: string; type: 'string'; value: string }
  | { key: string; type: 'string[]'; value: readonly string[] }
  | { key: string; type: 'i32[]' | 'f32[]'; value: readonly number[] };

/** An F32 tensor of a GGUF file; `shape` is ggml's `ne`, innermost dimension first. */
export interface GgufTensor {
  name: string;
  shape: readonly number[];
  data: Float32Array;
}

const GGUF_VERSION = 3;
const GGUF_ALIGNMENT = 32;
const GGML_TYPE_F32 = 0;
const GgufType = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

/** Serialises metadata and F32 tensors as a GGUF v3 file. */
export function encodeGguf(metadata: readonly GgufKeyValue[], tensors: readonly GgufTensor[]): Buffer {
  const out = new ByteWriter();
  out.raw(Buffer.from('GGUF', 'ascii'));
  out.u32(GGUF_VERSION);
  out.u64(tensors.length);
  out.u64(metadata.length);

  for (const entry of metadata) {
    out.string(entry.key);
    switch (entry.type) {
      case 'u32':
        out.u32(GgufType.u32);
        out.u32(entry.value);
        break;
      case 'i32':
        out.u32(GgufType.i32);
        out.i32(entry.value);
        break;
      case 'f32':
        out.u32(GgufType.f32);
        out.f32(entry.value);
        break;
      case 'bool':
        out.u32(GgufType.bool);
        out.u8(entry.value ? 1 : 0);
        break;
      case 'string':
        out.u32(GgufType.string);
        out.string(entry.value);
        break;
      case 'string[]':
        out.u32(GgufType.array);
        out.u32(GgufType.string);
        out.u64(entry.value.length);
        for (const item of entry.value) out.string(item);
        break;
      case 'i32[]':
        out.u32(GgufType.array);
        out.u32(GgufType.i32);
        out.u64(entry.value.length);
        for (const item of entry.value) out.i32(item);
        break;
      case 'f32[]':
        out.u32(GgufType.array);
        out.u32(GgufType.f32);
        out.u64(entry.value.length);
        for (const item of entry.value) out.f32(item);
        break;
    }
  }

  let offset = 0;
  for (const { name, shape, data } of tensors) {
    const elements = shape.reduce((product, size) => product * size, 1);
    if (elements !== data.length)
      throw new Error(`tiny-gguf: tensor ${name} has ${data.length} values for shape ${shape}`);
    out.string(name);
    out.u32(shape.length);
    for (const size of shape) out.u64(size);
    out.u32(GGML_TYPE_F32);
    out.u64(offset);
    offset += padded(data.byteLength);
  }

  out.pad(GGUF_ALIGNMENT);
  for (const { data } of tensors) {
    out.raw(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    out.pad(GGUF_ALIGNMENT);
  }
  return out.toBuffer();
}

function padded(size: number): number {
  return Math.ceil(size / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;
}

class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  raw(bytes: Buffer): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  u8(value: number): void {
    this.raw(Buffer.from([value]));
  }

  u32(value: number): void {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(value);
    this.raw(bytes);
  }

  i32(value: number): void {
    const bytes = Buffer.alloc(4);
    bytes.writeInt32LE(value);
    this.raw(bytes);
  }

  f32(value: number): void {
    const bytes = Buffer.alloc(4);
    bytes.writeFloatLE(value);
    this.raw(bytes);
  }

  u64(value: number): void {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(BigInt(value));
    this.raw(bytes);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.raw(bytes);
  }

  pad(alignment: number): void {
    const remainder = this.length % alignment;
    if (remainder !== 0) this.raw(Buffer.alloc(alignment - remainder));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

/** mulberry32 with Box-Muller normals: small, fast and deterministic for a given seed. */
class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(): number {
    const u = 1 - this.uniform(); // (0, 1]: the logarithm stays finite
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `count` values drawn from N(mean, deviation²), rounded to float32. */
  normals(count: number, deviation: number, mean = 0): Float32Array {
    const values = new Float32Array(count);
    for (let index = 0; index < count; index++) values[index] = mean + deviation * this.normal();
    return values;
  }
}
