import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errnoCode } from '../../errors/index.js';
import {
  invalidModelFile,
  MODEL_FILES,
  type ModelFileName,
  missingModelDirectory,
  missingModelFiles,
} from './model-errors.js';

/** The fields of a Model2Vec `config.json` that inference uses; the rest describe how it was distilled. */
const configSchema = z.looseObject({
  normalize: z.boolean().nullish(),
});

/** The fields of `tokenizer.json` read outside @huggingface/tokenizers. */
const tokenizerSchema = z.looseObject({
  model: z.looseObject({ type: z.string() }),
});

export type TokenizerJson = z.infer<typeof tokenizerSchema>;

/** The raw contents of a Model2Vec model directory, read and minimally validated. */
export interface ModelFiles {
  readonly directory: string;
  readonly paths: Readonly<Record<ModelFileName, string>>;
  /** Whether the model's own configuration asks for unit-length output; true when it does not say. */
  readonly normalize: boolean;
  readonly tokenizer: TokenizerJson;
  readonly modelBytes: Uint8Array;
}

/**
 * Reads tokenizer.json, model.safetensors and config.json from `directory`. A missing directory or
 * file, or a file that is not JSON where JSON is expected, is a SpravkaError('model_invalid').
 */
export async function readModelFiles(directory: string): Promise<ModelFiles> {
  const isDirectory = await stat(directory).then(
    (entry) => entry.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw missingModelDirectory(directory);
  const paths = Object.fromEntries(MODEL_FILES.map((name) => [name, join(directory, name)])) as Record<
    ModelFileName,
    string
  >;
  const results = await Promise.allSettled(MODEL_FILES.map((name) => readFile(paths[name])));
  const missing = MODEL_FILES.filter((_, index) => results[index]?.status === 'rejected');
  if (missing.length > 0) {
    const failure = results.find((result) => result.status === 'rejected');
    const cause = failure?.status === 'rejected' ? failure.reason : undefined;
    throw missingModelFiles(directory, missing, errnoCode(cause) === 'ENOENT' ? undefined : cause);
  }
  const [tokenizerBytes, modelBytes, configBytes] = results.map((result) =>
    result.status === 'fulfilled' ? result.value : Buffer.alloc(0),
  ) as [Buffer, Buffer, Buffer];
  const config = parseJsonFile(configBytes, paths['config.json'], configSchema);
  return {
    directory,
    paths,
    normalize: config.normalize ?? true,
    tokenizer: parseJsonFile(tokenizerBytes, paths['tokenizer.json'], tokenizerSchema),
    modelBytes,
  };
}

function parseJsonFile<Schema extends z.ZodType>(
  bytes: Buffer,
  path: string,
  schema: Schema,
): z.infer<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw invalidModelFile(path, { en: 'it is not valid JSON', ru: 'это не корректный JSON' }, error);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw invalidModelFile(path, {
      en: `unexpected content (${detail.join('; ')})`,
      ru: `неожиданное содержимое (${detail.join('; ')})`,
    });
  }
  return parsed.data;
}
