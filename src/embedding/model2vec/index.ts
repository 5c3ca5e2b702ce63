/** Model2Vec static embeddings: the embedder that needs no server and no GPU. */

export { MODEL_FILES } from './model-errors.js';
export { DEFAULT_MAX_TOKENS, Model2VecModel, type Model2VecOptions } from './model2vec.js';
export { type SafetensorsDtype, SafetensorsFile, type TensorInfo } from './safetensors.js';
