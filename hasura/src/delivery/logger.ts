/** The part of a pino logger the eventing workers use; a pino `Logger` satisfies it. */
export interface EventLogger {
  debug(details: object, message?: string): void;
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  error(details: object, message?: string): void;
}
