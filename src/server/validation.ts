import type { Context } from 'hono';
import type { z } from 'zod';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';

/** The JSON body, validated by a schema of the fields used; malformed or wrong → 400 with what is wrong. */
export async function readBody<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let payload: unknown;
  try {
    payload = await context.req.json();
  } catch {
    throw new SpravkaError(
      'request_invalid',
      text('The body is not valid JSON.', 'Тело запроса — не корректный JSON.'),
    );
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new SpravkaError(
      'request_invalid',
      text(`Invalid request: ${problems}`, `Неверный запрос: ${problems}`),
    );
  }
  return parsed.data;
}
