/** A message function: called at each use, so it is worded in the language of the request being rendered. */
export type Message = () => string;

/**
 * The message for a code in a map of message functions, or undefined when the map has none for it
 * (a code from a URL or the database; never an inherited key such as `constructor`).
 */
export function messageFor(messages: Readonly<Record<string, Message>>, code: string): string | undefined {
  return Object.hasOwn(messages, code) ? messages[code]!() : undefined;
}
