import type { SectionValues } from './state';

type Body = NonNullable<SectionValues['notices']['gateway']>['body'];

/** The gateway's body as the text area shows it: indented JSON, one field a line. */
export const bodyText = (body: Body): string => JSON.stringify(body, null, 2);

/**
 * The body from the text typed: a JSON object, or null while it is not one (the page says so and keeps Save off).
 * Whether its strings carry {{phone}} and {{text}} is the server's to say, against the field it names.
 */
export function bodyFromText(text: string): Body | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : null;
  } catch {
    return null;
  }
}
