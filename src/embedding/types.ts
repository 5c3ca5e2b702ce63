/**
 * The embedding model spec: every embedder (static Model2Vec, llama.cpp, an OpenAI-compatible server)
 * implements this and nothing else is known about it outside its folder.
 */
export interface EmbeddingModel {
  /** Stable id of the model and its settings; vectors of different ids are never mixed. */
  readonly id: string;
  readonly dimension: number;
  /** One unit-length vector per text, in order. */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}
